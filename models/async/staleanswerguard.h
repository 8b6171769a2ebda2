#pragma once

#include <QtGlobal>

#include <type_traits>
#include <utility>

namespace rolecall {

// Drops answers to requests that a newer request has replaced. An owner
// (model, screen, dialog, client) keeps one guard per kind of request, calls
// renew() whenever what it asked for changes (a new filter, a reset, a
// cancel), and wraps each answer's handler in current():
//
//     m_pages.renew();
//     watchFuture(source->usersPage(query), this,
//                 m_pages.current([this](const UserPage &page) { ... }),
//                 m_pages.current([this](const QString &message) { ... }));
//
// A handler wrapped before the latest renew() does nothing when it is called.
// The guard must outlive the handlers it wraps: make it a member of the
// QObject that is the handlers' context, so Qt drops them together.
class StaleAnswerGuard
{
public:
    // Makes every handler wrapped so far stale.
    void renew() { ++m_generation; }
    // False until the first renew(): nothing has been asked for yet.
    bool hasStarted() const { return m_generation > 0; }

    // A ticket for a request made now, for handlers that cannot be wrapped
    // (timers, several callbacks sharing one check).
    quint64 ticket() const { return m_generation; }
    bool isCurrent(quint64 ticket) const { return ticket == m_generation; }

    // `handler`, called only while no renew() came after this call. The
    // wrapper takes exactly what `handler` takes, so watchFuture() still sees
    // whether an error handler wants the DataSourceError or its message.
    // (enable_if rather than a requires clause, which clang-format takes for
    // Objective-C.)
    template <typename Handler>
    auto current(Handler handler) const
    {
        return [this, ticket = m_generation, handler = std::move(handler)](auto &&...args)
                   -> std::enable_if_t<std::is_invocable_v<const Handler &, decltype(args)...>> {
            if (ticket == m_generation)
                handler(std::forward<decltype(args)>(args)...);
        };
    }

private:
    quint64 m_generation = 0;
};

} // namespace rolecall

#pragma once

#include <QException>
#include <QList>
#include <QString>

namespace rolecall {

// One field's problem as the server named it (an RFC 9457 validation
// problem's `errors`): the contract's field name ("reason", "effectiveEnd";
// empty: the request as a whole) and what is wrong with it.
struct FieldError
{
    QString field;
    QString message;
    bool operator==(const FieldError &) const = default;
};

// The failure a data-source future carries. `message` is written for the person
// at the console: it says what went wrong and, where known, what to do.
class DataSourceError : public QException
{
public:
    // SelfDemotion: a valid request that would end the actor's own ADMIN role;
    // it goes through once confirmed (EndRequest::confirmSelfDemotion).
    enum class Kind { Connection, Query, Schema, Validation, Conflict, NotPermitted, SelfDemotion };

    DataSourceError(Kind kind, QString message)
        : m_kind(kind)
        , m_message(std::move(message))
    {}

    // `summary` and one "field: message" line per field error make message(),
    // so whoever shows only the message still shows every field's problem.
    DataSourceError(Kind kind, const QString &summary, QList<FieldError> fieldErrors)
        : m_kind(kind)
        , m_message(summary)
        , m_summary(summary)
        , m_fieldErrors(std::move(fieldErrors))
    {
        for (const FieldError &e : std::as_const(m_fieldErrors)) {
            const QString line =
                e.field.isEmpty() ? e.message : QString(e.field + QLatin1String(": ") + e.message);
            if (!m_message.contains(line))
                m_message += (m_message.isEmpty() ? QString() : QStringLiteral("\n")) + line;
        }
    }

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    // The message without the field lines (the whole message when there are none).
    const QString &summary() const { return m_fieldErrors.isEmpty() ? m_message : m_summary; }
    const QList<FieldError> &fieldErrors() const { return m_fieldErrors; }

    void raise() const override { throw *this; }
    DataSourceError *clone() const override { return new DataSourceError(*this); }

private:
    Kind m_kind;
    QString m_message;
    QString m_summary;
    QList<FieldError> m_fieldErrors;
};

// A stale view or a lost connection: a dialog keeps what was typed and the
// window reloads what it shows.
inline bool needsRefresh(const DataSourceError &error)
{
    return error.kind() == DataSourceError::Kind::Conflict ||
           error.kind() == DataSourceError::Kind::Connection;
}

} // namespace rolecall

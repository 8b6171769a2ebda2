#pragma once

#include <QException>
#include <QString>

namespace rolecall {

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

    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

    void raise() const override { throw *this; }
    DataSourceError *clone() const override { return new DataSourceError(*this); }

private:
    Kind m_kind;
    QString m_message;
};

// A stale view or a lost connection: a dialog keeps what was typed and the
// window reloads what it shows.
inline bool needsRefresh(const DataSourceError &error)
{
    return error.kind() == DataSourceError::Kind::Conflict ||
           error.kind() == DataSourceError::Kind::Connection;
}

} // namespace rolecall

#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace rolecall {

// Where secrets live: the OS keychain in the console, memory in unit tests.
// Keys are names such as "profiles/prod/session"; they may be logged, values
// never. Every call is asynchronous: `done` runs later on `context`'s thread,
// and not at all if `context` is gone by then.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Ok,
        NotFound,    // no such entry (also what a locked keyring answers to a read)
        Unavailable, // no keychain, locked, or access denied: nothing was stored
    };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Ok;
        QByteArray value; // read only
        QString message;  // for people: what went wrong and what to do; never the value
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QByteArray &value, QObject *context,
                       Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;

    // The key under which a profile keeps one kind of secret.
    static QString profileKey(const QString &profile, const QString &what)
    {
        return QStringLiteral("profiles/%1/%2").arg(profile, what);
    }
    // The kinds of secret a profile keeps (the last part of profileKey()).
    static QString sessionKind() { return QStringLiteral("session"); }
    static QString clerkSecretKeyKind() { return QStringLiteral("clerk-secret-key"); }
};

} // namespace rolecall

#pragma once

#include <QMap>
#include <QString>

namespace rolecall {

// Where a PostgreSQL database is. Holds no password: libpq finds it the usual
// way (PGPASSWORD, ~/.pgpass, a service file) and later the OS keychain.
struct ConnectionSettings
{
    QString host;                   // empty: libpq's default (PGHOST or the local socket)
    int port = -1;                  // -1: libpq's default
    QString user;                   // empty: libpq's default (PGUSER or the login name)
    QString database;               // empty: libpq's default
    QString schema;                 // Prisma's `?schema=`; empty: the server's search_path
    QMap<QString, QString> options; // libpq keywords: sslmode, connect_timeout, ...

    // Parses `postgresql://[user@]host[:port]/db[?sslmode=...&schema=...]`
    // (also `postgres://`). A password in the URL is refused: it would end up on
    // a command line or in a settings file. Returns false and sets *error on
    // bad input.
    static bool fromUrl(const QString &url, ConnectionSettings *out, QString *error);

    // The URL form, without any secret; round-trips through fromUrl().
    QString toUrl() const;

    // libpq keyword options for QSqlDatabase::setConnectOptions(). Over TCP
    // to anything but loopback, sslmode defaults to verify-full (the server's
    // certificate checked against the root certificates, and issued for the
    // host); the URL's own sslmode wins.
    QString connectOptions() const;

    // TCP to a host that is not a loopback address.
    bool isRemoteTcp() const;
    // The sslmode the connection uses; empty: libpq's default (local).
    QString sslMode() const;
    // A sentence for the console's status bar and the CLI's stderr when the
    // URL asks for less than verify-full over a network; empty otherwise.
    QString transportWarning() const;

    // "user@host:port/db" for titles and messages.
    QString displayName() const;

    bool operator==(const ConnectionSettings &) const = default;
};

} // namespace rolecall

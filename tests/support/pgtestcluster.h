#pragma once

#include "domain/connectionsettings.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace rolecall::testing {

enum class Fixture { Empty, AkakoLms, SehatScan };

// A throwaway PostgreSQL cluster for one test process: initdb into a temporary
// directory (as an unprivileged user when run as root), listening on 127.0.0.1
// only, on a free port, with trust authentication. It stops and its directory
// goes away when the process ends, also when a test crashes (a watchdog
// process waits for ours to die).
class PgTestCluster
{
public:
    // The process-wide cluster, started on first use; nullptr if it could not
    // start, with the reason in startError().
    static PgTestCluster *shared();
    static QString startError();

    ~PgTestCluster();
    PgTestCluster(const PgTestCluster &) = delete;
    PgTestCluster &operator=(const PgTestCluster &) = delete;

    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString superuser() const { return QStringLiteral("rolecall"); }

    // A new database holding `fixture`'s schema exactly as Prisma creates it.
    // Returns its name, or an empty string with *error set.
    QString createDatabase(Fixture fixture, QString *error = nullptr);

    ConnectionSettings connection(const QString &database) const;
    QString url(const QString &database) const { return connection(database).toUrl(); }

    // Runs `sql` (several statements allowed) in `database` through psql,
    // stopping at the first error. Returns false with *error set on failure.
    bool exec(const QString &database, const QString &sql, QString *error = nullptr);

    // Restarts the server (fast shutdown: every session ends, open
    // transactions roll back), as an operator's restart would. Same port.
    bool restart(QString *error = nullptr);
    // An outage: stops the server (fast shutdown), keeping its data, until
    // resume() starts it again on the same port.
    bool pause(QString *error = nullptr);
    bool resume(QString *error = nullptr);

    // The SQL of a fixture, from the project's own copies of the migrations.
    static QString fixtureSql(Fixture fixture);

private:
    PgTestCluster() = default;
    bool start(QString *error);
    void stop();
    bool pgCtl(const QStringList &arguments, const QString &failure, QString *error);
    QStringList asServerUser(const QString &program, const QStringList &args) const;
    QString templateFor(Fixture fixture, QString *error);

    QTemporaryDir m_dir;
    QString m_binDir;
    QString m_runAs;         // empty unless we are root
    QString m_serverOptions; // port, listen address, settings: again on resume()
    int m_port = 0;
    int m_nextDatabase = 0;
    bool m_running = false;
    bool m_templateReady[3] = {false, false, false};
};

} // namespace rolecall::testing

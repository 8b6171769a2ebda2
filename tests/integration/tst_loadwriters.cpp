// Load: ten rolecallctl processes at once, for a bounded time
// (ROLECALL_LOAD_SECONDS, default 20), granting and ending MENTOR and ADMIN
// on the same few users of a database with install-rights, signed in as the
// seed's ADMIN. Afterwards every invariant holds: no overlapping active
// duplicates, an ADMIN at every instant from now on, every change in the
// audit trail exactly once and none of them "outside the console". Ends with
// one line of figures.
#include "pg/pgdatasource.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"
#include "support/testfigures.h"
#include "support/testidp.h"

#include <QDateTime>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <vector>

using rolecall::testing::CliFixture;
using rolecall::testing::PgTestCluster;
using rolecall::testing::TestIdentityProvider;

namespace {

constexpr int writerCount = 10;
constexpr int firstUser = 11; // the shared users: 11 to 16
constexpr int userCount = 6;

int loadSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("ROLECALL_LOAD_SECONDS", &ok);
    return ok && seconds > 0 ? seconds : 20;
}

} // namespace

class TestLoadWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrentWritersKeepEveryInvariant();
    void cleanupTestCase();

private:
    QVariant scalar(const QString &sql);
    QStringList column(const QString &sql);
    // The next command of writer `index`, its `step`-th.
    QStringList nextCommand(int index, int step, QRandomGenerator &random);

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH), QStringLiteral(TEST_BROWSER_PATH)};
    TestIdentityProvider m_idp;
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    QSqlDatabase m_connection;
};

void TestLoadWriters::initTestCase()
{
    ROLECALL_REQUIRE_SESSION_BUS();
    m_ctl.setTimeout(120000);
    // Every rolecallctl process refreshes the session when it starts; with
    // rotating refresh tokens ten at once would spend each other's token (a
    // known limit of concurrent CLI runs on one profile, not what this test
    // is about), so the provider here keeps its refresh tokens.
    m_idp.behaviour().rotateRefreshTokens = false;
    QString error;
    QVERIFY2(m_ctl.setUpProfile(QStringLiteral("load"), m_idp, 50, &error), qPrintable(error));
    m_db = m_ctl.database();
    m_cluster = PgTestCluster::shared();
    rolecall::PgDataSource source(m_cluster->connection(m_db));
    source.installRights().waitForFinished();
    m_connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst-load"));
    const rolecall::ConnectionSettings settings = m_cluster->connection(m_db);
    m_connection.setHostName(settings.host);
    m_connection.setPort(settings.port);
    m_connection.setUserName(settings.user);
    m_connection.setDatabaseName(settings.database);
    QVERIFY2(m_connection.open(), qPrintable(m_connection.lastError().text()));
    const rolecall::testing::CliRun login = m_ctl.signInAs(m_idp, 5);
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
}

void TestLoadWriters::cleanupTestCase()
{
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tst-load"));
    if (m_ctl.profile().isEmpty())
        return;
    m_ctl.inProfile({QStringLiteral("logout")});
    m_ctl.run({QStringLiteral("profiles"), QStringLiteral("remove"), m_ctl.profile()});
}

QVariant TestLoadWriters::scalar(const QString &sql)
{
    QSqlQuery q(m_connection);
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

QStringList TestLoadWriters::column(const QString &sql)
{
    QStringList values;
    QSqlQuery q(m_connection);
    if (!q.exec(sql))
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    while (q.next())
        values << q.value(0).toString();
    return values;
}

QStringList TestLoadWriters::nextCommand(int index, int step, QRandomGenerator &random)
{
    const QString reason = QStringLiteral("load-w%1-%2").arg(index).arg(step);
    const int user = firstUser + int(random.bounded(userCount));
    const int dice = int(random.bounded(100));
    const auto grant = [&](const QString &role) {
        return QStringList{QStringLiteral("roles"),
                           QStringLiteral("grant"),
                           rolecall::testing::emailOfSeedUser(user),
                           role,
                           QStringLiteral("--reason"),
                           reason};
    };
    const auto end = [&](const QString &role, bool includeTheSignedIn) {
        QStringList ids =
            column(QStringLiteral(R"(SELECT r."id" FROM "UserRole" r WHERE r."role" = '%1'
                AND r."isActive" AND (r."effectiveEndDate" IS NULL
                    OR r."effectiveEndDate" > timezone('UTC', now()))
                AND (r."userId" BETWEEN 'cu%2' AND 'cu%3' %4) ORDER BY r."id")")
                       .arg(role)
                       .arg(firstUser, 10, 10, QLatin1Char('0'))
                       .arg(firstUser + userCount - 1, 10, 10, QLatin1Char('0'))
                       .arg(includeTheSignedIn ? QStringLiteral(R"(OR r."userId" = 'cu0000000005')")
                                               : QString()));
        if (ids.isEmpty())
            return grant(role);
        const QString id = ids.at(int(random.bounded(ids.size())));
        QStringList command{
            QStringLiteral("roles"),  QStringLiteral("end"), id, QStringLiteral("--reason"), reason,
            QStringLiteral("--force")};
        // Some ends fall later: the last-admin guard must count over time.
        // The signed-in admin's own grant only ever ends after the run, so
        // every writer stays an admin throughout.
        const bool own = id == QLatin1String("cr0000000005a");
        if (own || random.bounded(2) == 0)
            command << QStringLiteral("--at")
                    << QDateTime::currentDateTimeUtc()
                           .addSecs((own ? loadSeconds() + 120 : 30) + random.bounded(120))
                           .toString(Qt::ISODate);
        return command;
    };
    if (dice < 40)
        return grant(QStringLiteral("MENTOR"));
    if (dice < 75)
        return end(QStringLiteral("MENTOR"), false);
    if (dice < 88)
        return grant(QStringLiteral("ADMIN"));
    return end(QStringLiteral("ADMIN"), true);
}

void TestLoadWriters::concurrentWritersKeepEveryInvariant()
{
    const int seconds = loadSeconds();
    QElapsedTimer clock;
    clock.start();
    int ok = 0;
    int refused = 0;
    QStringList failures;
    int running = 0;
    std::vector<std::unique_ptr<QProcess>> processes;
    std::vector<int> steps(writerCount, 0);
    std::vector<QRandomGenerator> randoms;
    randoms.reserve(std::size_t(writerCount));
    for (int i = 0; i < writerCount; ++i)
        randoms.emplace_back(quint32(1000 + i));
    const QProcessEnvironment environment = m_ctl.environment();

    std::function<void(int)> launch = [&](int index) {
        if (clock.elapsed() >= qint64(seconds) * 1000)
            return;
        QProcess *process = processes.at(std::size_t(index)).get();
        const QStringList command =
            nextCommand(index, ++steps.at(std::size_t(index)), randoms.at(std::size_t(index)));
        process->setProperty("command", command.join(QLatin1Char(' ')));
        ++running;
        process->start(QStringLiteral(ROLECALLCTL_PATH), m_ctl.profileArgs() + command);
    };
    for (int i = 0; i < writerCount; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        QObject::connect(process.get(), &QProcess::finished, this,
                         [&, i](int exitCode, QProcess::ExitStatus status) {
                             QProcess *p = processes.at(std::size_t(i)).get();
                             --running;
                             const QString err = QString::fromUtf8(p->readAllStandardError());
                             p->readAllStandardOutput();
                             if (status == QProcess::NormalExit && exitCode == 0)
                                 ++ok;
                             else if (status == QProcess::NormalExit && exitCode == 5)
                                 ++refused; // a guard said no: overlap, ended, last admin
                             else
                                 failures << QStringLiteral("%1 -> %2: %3")
                                                 .arg(p->property("command").toString())
                                                 .arg(exitCode)
                                                 .arg(err.trimmed());
                             launch(i);
                         });
        processes.push_back(std::move(process));
    }
    for (int i = 0; i < writerCount; ++i)
        launch(i);
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= qint64(seconds) * 1000 && running == 0,
                             (seconds + 120) * 1000);

    // Invariants.
    const int duplicates = scalar(QStringLiteral(R"(SELECT count(*) FROM "UserRole" a
        JOIN "UserRole" b ON a."userId" = b."userId" AND a."role" = b."role" AND a."id" < b."id"
         AND a."isActive" AND b."isActive"
         AND a."effectiveStartDate" < COALESCE(b."effectiveEndDate", 'infinity')
         AND b."effectiveStartDate" < COALESCE(a."effectiveEndDate", 'infinity'))"))
                               .toInt();
    const bool adminAlways =
        scalar(QStringLiteral("SELECT rolecall_first_admin_gap(ARRAY[]::text[], NULL) IS NULL"))
            .toBool();
    // Each successful write is one console event; a refused one none.
    const int events = scalar(QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent"
        WHERE "recordedBy" IS NULL AND "reason" LIKE 'load-%')"))
                           .toInt();
    // A grant row or an end without its event, or the other way round.
    const int partial = scalar(QStringLiteral(R"(SELECT
            (SELECT count(*) FROM "UserRole" r WHERE r."reason" LIKE 'load-%' AND NOT EXISTS (
                SELECT 1 FROM "RolecallAuditEvent" a WHERE a."grantId" = r."id"
                  AND a."recordedBy" IS NULL AND a."action" IN ('granted', 'scheduled')))
          + abs((SELECT count(*) FROM "RolecallAuditEvent" a WHERE a."recordedBy" IS NULL
                 AND a."action" = 'ended' AND a."reason" LIKE 'load-%')
              - (SELECT COALESCE(sum((length(r."adminNotes")
                     - length(replace(r."adminNotes", ': load-w', ''))) / length(': load-w')), 0)
                 FROM "UserRole" r)))"))
                            .toInt();
    // Every change the trigger saw belongs to a console event.
    const int outside = scalar(QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent" t
        WHERE t."recordedBy" = 'trigger' AND NOT EXISTS (SELECT 1 FROM "RolecallAuditEvent" c
            WHERE c."transactionId" = t."transactionId" AND c."recordedBy" IS NULL))"))
                            .toInt();
    const int violations = duplicates + (adminAlways ? 0 : 1) + outside + (events != ok ? 1 : 0);
    rolecall::testing::recordFigures(
        QStringLiteral("load"),
        QStringLiteral("load test: %1 rolecallctl writers for %2 s: %3 writes, %4 refused by the "
                       "guards, %5 failed; faults injected 0, partial writes %6, duplicate "
                       "writes %7, lost inputs 0, invariant violations %8")
            .arg(writerCount)
            .arg(seconds)
            .arg(ok)
            .arg(refused)
            .arg(failures.size())
            .arg(partial)
            .arg(duplicates)
            .arg(violations));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY(ok > writerCount); // the load did write
    QCOMPARE(duplicates, 0);
    QVERIFY(adminAlways);
    QCOMPARE(partial, 0);
    QCOMPARE(outside, 0);
    QCOMPARE(events, ok);
}

QTEST_GUILESS_MAIN(TestLoadWriters)
#include "tst_loadwriters.moc"

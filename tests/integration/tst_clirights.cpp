// rolecallctl db install-rights | uninstall-rights | check, and audit list
// showing a change made outside the console, as separate processes against a
// real PostgreSQL (no sign-in: the rights are the tables' owner's to change).
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using rolecall::testing::CliFixture;
using rolecall::testing::PgTestCluster;
using rolecall::testing::words;
using Run = rolecall::testing::CliRun;

class TestCliRights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void installRightsNeedsYesWithoutATerminal();
    void installsRightsWithYes();
    void auditListShowsAChangeMadeOutsideTheConsole();
    void uninstallsRightsWithYes();

private:
    Run ctl(const QStringList &args, const QByteArray &input = {})
    {
        return m_ctl.run(args + QStringList{QStringLiteral("--db"), m_url}, input);
    }
    QString scalar(const QString &sql);

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH)};
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    QString m_url;
};

void TestCliRights::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(rolecall::testing::Fixture::AkakoLms, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedAkakoUsers(*m_cluster, m_db, 20, &error), qPrintable(error));
    m_url = m_cluster->url(m_db);
}

QString TestCliRights::scalar(const QString &sql)
{
    const Run run = rolecall::testing::runProcess(
        QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-h"),
         m_cluster->host(), QStringLiteral("-p"), QString::number(m_cluster->port()),
         QStringLiteral("-U"), m_cluster->superuser(), QStringLiteral("-d"), m_db,
         QStringLiteral("-c"), sql},
        QProcessEnvironment::systemEnvironment());
    if (run.exitCode != 0)
        qWarning("psql: %s", qPrintable(run.err));
    return run.out.trimmed();
}

void TestCliRights::installRightsNeedsYesWithoutATerminal()
{
    const Run run = ctl(words("db install-rights"), "y\n");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QLatin1String("SECURITY DEFINER")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("nothing changed")), qPrintable(run.err));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_proc WHERE proname LIKE 'rolecall%'")),
             QStringLiteral("0"));
}

void TestCliRights::installsRightsWithYes()
{
    Run run = ctl(words("db install-rights --yes"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Installed the database rights")), qPrintable(run.out));
    // the audit table came first, in the SQL shown too
    QVERIFY2(run.out.contains(QLatin1String("CREATE TABLE \"RolecallAuditEvent\"")),
             qPrintable(run.out));
    run = ctl(words("db install-rights --yes")); // idempotent
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = ctl(words("db check"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Database rights (db install-rights): installed")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("audit table append-only for all but its owner: yes")),
             qPrintable(run.out));
}

void TestCliRights::auditListShowsAChangeMadeOutsideTheConsole()
{
    // As Prisma connects: the application's own login, plain SQL.
    QCOMPARE(scalar(QStringLiteral(R"(WITH ended AS (UPDATE "UserRole" SET "isActive" = false,
        "effectiveEndDate" = timezone('UTC', now())
        WHERE "userId" = 'cu0000000009' AND "isActive" RETURNING 1)
        SELECT count(*) > 0 FROM ended)")),
             QStringLiteral("t"));
    const Run run = ctl(words("audit list --user cu0000000009 --format json"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    bool found = false;
    const QJsonArray events = run.jsonArray();
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        if (event.value(QLatin1String("source")).toString() != QLatin1String("outside-console"))
            continue;
        found = true;
        QCOMPARE(event.value(QLatin1String("action")).toString(), QStringLiteral("ended"));
        QCOMPARE(event.value(QLatin1String("databaseLogin")).toString(), m_cluster->superuser());
        QVERIFY(event.value(QLatin1String("outsideConsole")).toBool());
    }
    QVERIFY2(found, qPrintable(run.out));
    const Run table = ctl(words("audit list --user cu0000000009"));
    QVERIFY2(table.out.contains(QLatin1String("outside the console, database login ") +
                                m_cluster->superuser()),
             qPrintable(table.out));
}

void TestCliRights::uninstallsRightsWithYes()
{
    Run run = ctl(words("db uninstall-rights --yes"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("DROP TRIGGER IF EXISTS rolecall_audit")),
             qPrintable(run.out));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_proc WHERE proname LIKE 'rolecall%'")),
             QStringLiteral("0"));
    run = ctl(words("db uninstall-rights --yes"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("nothing to do")), qPrintable(run.out));
    run = ctl(words("db check"));
    QVERIFY2(run.out.contains(QLatin1String("Database rights (db install-rights): not installed")),
             qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliRights)
#include "tst_clirights.moc"

// rolecallctl as a script would run it: a real process against a real
// PostgreSQL, checked on its output and exit codes.
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using rolecall::testing::CliFixture;
using rolecall::testing::PgTestCluster;
using Run = rolecall::testing::CliRun;

class TestRolecallctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsUsersAsJson();
    void listsUsersAsCsv();
    void listsUsersAsATable();
    void streamsEveryUserWithLimitZero();
    void csvOfEveryUserIsThePagedCsv();
    void readsTheUrlFromTheEnvironment();
    void acceptsDiscreteConnectionFields();
    void rejectsBadCommandLines_data();
    void rejectsBadCommandLines();
    void reportsAnUnreachableDatabase();

private:
    Run rolecallctl(const QStringList &args, const QProcessEnvironment &overrides = {})
    {
        return m_ctl.run(args, {}, overrides);
    }

    CliFixture m_ctl{QStringLiteral(ROLECALLCTL_PATH)};
    PgTestCluster *m_cluster = nullptr;
    QString m_url;
};

void TestRolecallctl::initTestCase()
{
    QVERIFY(m_ctl.isValid());
    QString error;
    const QString db = rolecall::testing::seededAkakoDatabase(1200, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    m_cluster = PgTestCluster::shared();
    m_url = m_cluster->url(db);
}

void TestRolecallctl::listsUsersAsJson()
{
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), m_url,
                     QStringLiteral("--search"), QStringLiteral("user5@"),
                     QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &parseError);
    QVERIFY2(doc.isArray(), qPrintable(parseError.errorString()));
    QCOMPARE(doc.array().size(), 1);
    const QJsonObject user = doc.array().first().toObject();
    QCOMPARE(user.keys(), (QStringList{QStringLiteral("activeRoles"), QStringLiteral("clerkId"),
                                       QStringLiteral("createdAt"), QStringLiteral("email"),
                                       QStringLiteral("firstName"), QStringLiteral("id"),
                                       QStringLiteral("lastName"), QStringLiteral("updatedAt")}));
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("user5@example.test"));
    QCOMPARE(user.value(QStringLiteral("firstName")).toString(), QStringLiteral("Aarav"));
    QCOMPARE(user.value(QStringLiteral("lastName")).toString(), QStringLiteral("O'Brien"));
    QCOMPARE(user.value(QStringLiteral("activeRoles")).toArray(),
             (QJsonArray{QStringLiteral("LEARNER"), QStringLiteral("ADMIN")}));
    QCOMPARE(user.value(QStringLiteral("createdAt")).toString(),
             QStringLiteral("2024-01-01T00:05:00.000Z"));

    const Run empty =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), m_url,
                     QStringLiteral("--search"), QStringLiteral("nobody"),
                     QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(empty.out.toUtf8()).array().size(), 0);
}

void TestRolecallctl::listsUsersAsCsv()
{
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), m_url,
                     QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--format"),
                     QStringLiteral("csv")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.first(),
             QStringLiteral("\"id\",\"clerkId\",\"email\",\"firstName\",\"lastName\","
                            "\"activeRoles\",\"createdAt\",\"updatedAt\""));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("\"cu0000001200\",\"user_")),
             qPrintable(lines.at(1)));
    QVERIFY(run.out.endsWith(QLatin1String("\r\n")));
}

void TestRolecallctl::listsUsersAsATable()
{
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), m_url,
                     QStringLiteral("--search"), QStringLiteral("田中")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.first().startsWith(QLatin1String("Name")), qPrintable(run.out));
    QVERIFY(lines.at(1).startsWith(QLatin1String("----")));
    QCOMPARE(lines.size(), 2 + 100); // default limit
    QVERIFY(lines.at(2).contains(QStringLiteral("田中")));
}

void TestRolecallctl::streamsEveryUserWithLimitZero()
{
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), m_url,
                     QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--format"),
                     QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 1200);
}

// --limit 0 --format csv passes on the records PostgreSQL writes; a limit
// reads pages and formats their rows in rolecallctl. Same bytes, edge cases
// included.
void TestRolecallctl::csvOfEveryUserIsThePagedCsv()
{
    QString error;
    const QString db = rolecall::testing::seededAkakoDatabase(300, &error);
    QVERIFY2(!db.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedCsvEdgeUsers(*m_cluster, db, true, &error), qPrintable(error));
    const QString url = m_cluster->url(db);
    const auto csv = [&](const QString &limit) {
        return rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"),
                            url, QStringLiteral("--limit"), limit, QStringLiteral("--format"),
                            QStringLiteral("csv")});
    };
    const Run streamed = csv(QStringLiteral("0"));
    const Run paged = csv(QStringLiteral("100000"));
    QCOMPARE(streamed.exitCode, 0);
    QCOMPARE(paged.exitCode, 0);
    QVERIFY2(streamed.err.isEmpty(), qPrintable(streamed.err));
    QCOMPARE(streamed.out.count(QLatin1String("\"edge")), 12);
    QVERIFY(streamed.out.contains(QLatin1String("\"edge01\",\"'=cmd|calc\",\"'+1@x.test\"")));
    QCOMPARE(streamed.out, paged.out);
}

void TestRolecallctl::readsTheUrlFromTheEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("ROLECALL_DATABASE_URL"), m_url);
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--limit"),
                     QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("csv")},
                    env);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(QStringLiteral("\r\n")), 2);
}

void TestRolecallctl::acceptsDiscreteConnectionFields()
{
    const auto settings = m_cluster->connection(QString());
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--host"),
                     settings.host, QStringLiteral("--port"), QString::number(settings.port),
                     QStringLiteral("--user"), settings.user, QStringLiteral("--dbname"),
                     m_url.section(QLatin1Char('/'), -1), QStringLiteral("--limit"),
                     QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(QStringLiteral("\r\n")), 3);
}

void TestRolecallctl::rejectsBadCommandLines_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no command") << QStringList() << "Usage";
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("users"), QStringLiteral("delete")} << "unknown command";
    QTest::newRow("no database") << QStringList{QStringLiteral("users"), QStringLiteral("list")}
                                 << "no database given";
    QTest::newRow("password in url")
        << QStringList{QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"),
                       QStringLiteral("postgresql://me:hunter2@localhost/app")}
        << "PGPASSWORD";
    QTest::newRow("bad format") << QStringList{QStringLiteral("users"),
                                               QStringLiteral("list"),
                                               QStringLiteral("--db"),
                                               QStringLiteral("postgresql://h/d"),
                                               QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << "--format";
    QTest::newRow("bad limit") << QStringList{QStringLiteral("users"),
                                              QStringLiteral("list"),
                                              QStringLiteral("--db"),
                                              QStringLiteral("postgresql://h/d"),
                                              QStringLiteral("--limit"),
                                              QStringLiteral("-4")}
                               << "--limit";
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--colour")}
        << "colour";
}

void TestRolecallctl::rejectsBadCommandLines()
{
    QFETCH(QStringList, args);
    QFETCH(QString, messagePart);
    const Run run = rolecallctl(args); // the fixture passes on no ROLECALL_DATABASE_URL
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("hunter2")), "the password must not be echoed");
    QVERIFY(run.out.isEmpty());
}

void TestRolecallctl::reportsAnUnreachableDatabase()
{
    const Run run =
        rolecallctl({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"),
                     QStringLiteral("postgresql://nobody@127.0.0.1:1/none")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(
        run.err.startsWith(QLatin1String("rolecallctl: Cannot connect to nobody@127.0.0.1:1/none")),
        qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
}

QTEST_GUILESS_MAIN(TestRolecallctl)
#include "tst_rolecallctl.moc"

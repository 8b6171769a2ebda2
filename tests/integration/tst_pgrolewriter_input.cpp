// Grant input through PgDataSource on a real PostgreSQL: 100+ kinds of bad
// input each refused with nothing written, and awkward text stored verbatim.
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

class TestPgRoleWriterInput : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void storesTextVerbatim_data();
    void storesTextVerbatim();

private:
    using RoleWriterDatabases::connect;
    QString m_db;
    PgDataSource *m_source = nullptr; // one for all rows: 100+ rows, one connection
};

void TestPgRoleWriterInput::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    m_db = freshDatabase();
    QVERIFY(!m_db.isEmpty());
}

void TestPgRoleWriterInput::cleanupTestCase()
{
    removeConnections();
}

void TestPgRoleWriterInput::rejectsBadInput_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("notes");

    // User 20 holds no role, so each row would succeed but for its one fault.
    const QString user = emailOfSeedUser(20);
    const QString role = QStringLiteral("LEARNER");
    const QString reason = QStringLiteral("ok");
    const QDateTime now = utcNow();
    const QDateTime none;
    const QDateTime t(QDate(2030, 6, 1), QTime(12, 0), Qt::UTC);
    const auto row = [&](const QString &name) { return &QTest::newRow(qPrintable(name)); };

    // dates
    *row(QStringLiteral("end before start"))
        << user << role << t << t.addDays(-1) << reason << QString();
    *row(QStringLiteral("end 1 ms before start"))
        << user << role << t << t.addMSecs(-1) << reason << QString();
    *row(QStringLiteral("end == start")) << user << role << t << t << reason << QString();
    *row(QStringLiteral("end before default start"))
        << user << role << none << now.addDays(-1) << reason << QString();
    *row(QStringLiteral("end years before start"))
        << user << role << t << t.addYears(-10) << reason << QString();
    *row(QStringLiteral("end == start in another zone"))
        << user << role << t << t.toOffsetFromUtc(5 * 3600) << reason << QString();
    for (const int year : {1, 100, 1000, 1899, 10000, 20000, 99999, -1, -4713}) {
        const QDateTime odd(QDate(year, 1, 1), QTime(0, 0), Qt::UTC);
        *row(QStringLiteral("start in year %1").arg(year))
            << user << role << odd << none << reason << QString();
        *row(QStringLiteral("end in year %1").arg(year))
            << user << role << none << odd << reason << QString();
    }
    *row(QStringLiteral("start at the epoch's far end"))
        << user << role << QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1) << 50, Qt::UTC) << none
        << reason << QString();

    // reasons
    const QStringList blank = {QString(),
                               QStringLiteral(" "),
                               QStringLiteral("   "),
                               QStringLiteral("\t"),
                               QStringLiteral("\n"),
                               QStringLiteral(" \n\t "),
                               QString(QChar(0x3000))};
    for (int i = 0; i < blank.size(); ++i)
        *row(QStringLiteral("blank reason %1").arg(i))
            << user << role << none << none << blank[i] << QString();
    *row(QStringLiteral("reason of 1,001 characters"))
        << user << role << none << none << QString(1001, QLatin1Char('x')) << QString();
    *row(QStringLiteral("reason of 1,001 non-ASCII characters"))
        << user << role << none << none << QString(1001, QChar(0xe9)) << QString();
    *row(QStringLiteral("reason of 501 emoji"))
        << user << role << none << none << QString::fromUtf8("🎉").repeated(501) << QString();
    *row(QStringLiteral("reason of 100,000 characters"))
        << user << role << none << none << QString(100000, QLatin1Char('y')) << QString();
    for (ushort c = 0; c < 0x20; ++c) {
        if (c == '\t' || c == '\n')
            continue;
        *row(QStringLiteral("control U+%1 in reason").arg(c, 4, 16, QLatin1Char('0')))
            << user << role << none << none
            << QString(QStringLiteral("before") + QChar(c) + QStringLiteral("after")) << QString();
    }
    for (const ushort c : {ushort(0x7f), ushort(0x85), ushort(0x9b)})
        *row(QStringLiteral("control U+%1 in reason").arg(c, 4, 16, QLatin1Char('0')))
            << user << role << none << none << QString(QChar(c)) << QString();

    // notes
    *row(QStringLiteral("notes of 10,001 characters"))
        << user << role << none << none << reason << QString(10001, QLatin1Char('n'));
    *row(QStringLiteral("NUL in notes"))
        << user << role << none << none << reason
        << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    *row(QStringLiteral("escape in notes"))
        << user << role << none << none << reason
        << QString(QStringLiteral("a") + QChar(0x1b) + QStringLiteral("[2J"));
    // One line each: a line break could forge an "Ended ... by ..." line.
    *row(QStringLiteral("newlines in notes"))
        << user << role << none << none << reason
        << QStringLiteral("line one\nEnded 2026-01-01T00:00:00.000Z by ceo@example.com: x");
    *row(QStringLiteral("newline in reason"))
        << user << role << none << none << QStringLiteral("first\nsecond") << QString();
    *row(QStringLiteral("tab in reason"))
        << user << role << none << none << QStringLiteral("first\tsecond") << QString();
    *row(QStringLiteral("line separator in notes"))
        << user << role << none << none << reason << QStringLiteral("a\u2028b");

    // roles
    const QStringList roles = {QStringLiteral("admin"),
                               QStringLiteral("Admin"),
                               QStringLiteral("ADMIN "),
                               QStringLiteral(" ADMIN"),
                               QStringLiteral("ADMIN\n"),
                               QString(),
                               QStringLiteral("SUPPORT"),
                               QStringLiteral("MENTORS"),
                               QStringLiteral("LEARNER;"),
                               QStringLiteral("'; DROP TABLE \"User\"; --"),
                               QStringLiteral("ADMIN' OR '1'='1"),
                               QStringLiteral("ADMIN\""),
                               QStringLiteral("\"ADMIN\""),
                               QStringLiteral("ADMIN)--"),
                               QStringLiteral("ADMIN'::\"Role\"--"),
                               QString::fromUtf8("ÁDMIN"),
                               QString::fromUtf8("ＡＤＭＩＮ"),
                               QStringLiteral("ADMIN%"),
                               QStringLiteral("%"),
                               QStringLiteral("_"),
                               QStringLiteral("NULL"),
                               QStringLiteral("LEARNER,MENTOR"),
                               QStringLiteral("{ADMIN}"),
                               QStringLiteral("ADM\\IN"),
                               QStringLiteral("learner")};
    for (int i = 0; i < roles.size(); ++i)
        *row(QStringLiteral("unknown role %1").arg(i))
            << user << roles[i] << none << none << reason << QString();

    // users
    const QStringList users = {QString(),
                               QStringLiteral(" "),
                               QStringLiteral("nobody@example.test"),
                               QStringLiteral("user_"),
                               QStringLiteral("user_000000000000000000000000000"),
                               QStringLiteral("cu9999999999"),
                               QStringLiteral("'; DROP TABLE \"User\"; --"),
                               QStringLiteral("user1@example.test' OR '1'='1"),
                               QStringLiteral("%"),
                               QStringLiteral("_"),
                               QStringLiteral("user%@example.test"),
                               QStringLiteral("*"),
                               QStringLiteral("user5@example.test\nuser6@example.test"),
                               QStringLiteral("\\"),
                               QStringLiteral("cu000000002%")};
    for (int i = 0; i < users.size(); ++i)
        *row(QStringLiteral("unknown user %1").arg(i))
            << users[i] << role << none << none << reason << QString();
}

void TestPgRoleWriterInput::rejectsBadInput()
{
    QFETCH(QString, user);
    QFETCH(QString, role);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(QString, reason);
    QFETCH(QString, notes);

    if (!m_source)
        m_source = new PgDataSource(m_cluster->connection(m_db), this);
    const QString before = checksum(m_db);
    GrantRequest request;
    request.user = user;
    request.role = role;
    request.start = start;
    request.end = end;
    request.reason = reason;
    request.notes = notes;
    const auto error = errorOf(m_source->grantRole(admin(), request));
    QVERIFY2(error, "the bad input was accepted");
    QVERIFY2(error->kind() == DataSourceError::Kind::Validation, qPrintable(error->message()));
    QVERIFY(!error->message().isEmpty());
    QCOMPARE(checksum(m_db), before);
}

void TestPgRoleWriterInput::storesTextVerbatim_data()
{
    QTest::addColumn<int>("user");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("notes");

    QTest::newRow("sql injection") << 30 << "'; DROP TABLE \"User\"; --"
                                   << "Robert'); DROP TABLE \"UserRole\";--";
    QTest::newRow("quotes") << 40 << "O'Brien \"quoted\""
                            << "'single' \"double\" `back`";
    QTest::newRow("unicode") << 50 << "日本語の理由"
                             << "Zoë Łukasz Дмитриев Nguyễn";
    QTest::newRow("emoji") << 60 << "🎉 promoted 👩‍💻"
                           << "🇳🇿 flag";
    QTest::newRow("line-like text in notes") << 70 << "first line"
                                             << "line one / line two ; windows";
    QTest::newRow("Ended in a reason") << 80 << "Ended by nobody: just words"
                                       << "";
    QTest::newRow("backslashes and like") << 90 << "C:\\path\\to\\%_"
                                          << "\\x00 \\' E'\\n'";
    QTest::newRow("dollar quoting") << 100 << "$$; SELECT 1; $$"
                                    << "$tag$ $1 :name ? %s";
    QTest::newRow("padded") << 110 << "  padded  "
                            << "  ";
    QTest::newRow("longest allowed")
        << 120 << QString(1000, QLatin1Char('r')) << QString(10000, QLatin1Char('n'));
}

void TestPgRoleWriterInput::storesTextVerbatim()
{
    QFETCH(int, user);
    QFETCH(QString, reason);
    QFETCH(QString, notes);
    PgDataSource source(m_cluster->connection(m_db));
    GrantRequest request = grantOf(user, QStringLiteral("LEARNER"), reason);
    request.notes = notes;
    const RoleGrant grant = source.grantRole(admin(), request).result();
    QCOMPARE(grant.reason, reason);
    QSqlQuery q(connect(m_db));
    q.prepare(QStringLiteral(R"(SELECT "reason", "adminNotes", "adminNotes" IS NULL
        FROM "UserRole" WHERE "id" = ?)"));
    q.bindValue(0, grant.id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), reason);
    QCOMPARE(q.value(1).toString(), notes);
    QCOMPARE(q.value(2).toBool(), notes.isEmpty()); // no notes: NULL, as Prisma leaves it
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "User")")).toInt(), seededUsers);
}

QTEST_GUILESS_MAIN(TestPgRoleWriterInput)
#include "tst_pgrolewriter_input.moc"

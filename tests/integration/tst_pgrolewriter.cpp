// Writing grants through PgDataSource on a real PostgreSQL: rows as Prisma
// would write them, every guard (bad input, permissions, duplicates, the last
// admin, self-demotion, stale views), races between connections, a connection
// killed mid-transaction, schema drift, bulk grants and the audit table.
#include "datasourceerror.h"
#include "pgdatasource.h"
#include "pgrolewriter.h"
#include "pgtestcluster.h"
#include "testdata.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <optional>

using namespace rolecall;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

constexpr int seededUsers = 2000;

QString clerkIdOf(int n)
{
    const QByteArray hex =
        QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Md5).toHex();
    return QStringLiteral("user_") + QString::fromLatin1(hex.left(27));
}

QString emailOf(int n)
{
    return QStringLiteral("user%1@example.test").arg(n);
}

Actor actorOf(int n)
{
    return Actor{clerkIdOf(n), emailOf(n)};
}

// The only active ADMIN in freshly seeded data.
Actor admin()
{
    return actorOf(5);
}

GrantRequest grantOf(int user, const QString &role, const QString &reason = QStringLiteral("test"))
{
    GrantRequest request;
    request.user = emailOf(user);
    request.role = role;
    request.reason = reason;
    return request;
}

// Runs `future` and returns the error it ended with, if any.
template <typename T>
std::optional<DataSourceError> errorOf(QFuture<T> future)
{
    try {
        future.waitForFinished();
        return std::nullopt;
    } catch (const DataSourceError &e) {
        return e;
    }
}

QDateTime utcNow()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace

class TestPgRoleWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void grantRowLooksLikePrismas();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void storesTextVerbatim_data();
    void storesTextVerbatim();
    void refusesNonAdmins();
    void refusesOverlappingDuplicates();
    void endsGrants();
    void guardsTheLastAdmin();
    void selfDemotionNeedsConfirmation();
    void adminsEndingEachOtherLeaveOne();
    void staleViewIsAConflict();
    void racingGrantsOnOneUser();
    void killedConnectionLeavesNothing();
    void toleratesExtraColumnsAndRoles();
    void bulkGrantDryRunAndApply();
    void bulkGrantByFilter();
    void writesAuditEventsInTheSameTransaction();
    void sehatScanHasNoRoles();

private:
    void killConnectionMidTransaction();
    QString freshDatabase(int users = seededUsers);
    QSqlDatabase connect(const QString &database);
    QVariant scalar(const QString &database, const QString &sql, const QVariantList &values = {});
    QString checksum(const QString &database);

    PgTestCluster *m_cluster = nullptr;
    QString m_db; // shared by the read-mostly tests; others get their own
    QStringList m_connections;
};

void TestPgRoleWriter::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    m_db = freshDatabase();
    QVERIFY(!m_db.isEmpty());
}

void TestPgRoleWriter::cleanupTestCase()
{
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

QString TestPgRoleWriter::freshDatabase(int users)
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    if (db.isEmpty() || !testing::seedAkakoUsers(*m_cluster, db, users, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return db;
}

// The test's own connection, under another application_name than the
// console's, so terminating "rolecall" backends leaves it alone.
QSqlDatabase TestPgRoleWriter::connect(const QString &database)
{
    const QString name = QStringLiteral("tst-") + database;
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    const ConnectionSettings settings = m_cluster->connection(database);
    db.setHostName(settings.host);
    db.setPort(settings.port);
    db.setUserName(settings.user);
    db.setDatabaseName(settings.database);
    db.setConnectOptions(QStringLiteral("application_name=rolecall-test"));
    if (!db.open())
        qWarning("%s", qPrintable(db.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    m_connections << name;
    return db;
}

QVariant TestPgRoleWriter::scalar(const QString &database, const QString &sql,
                                  const QVariantList &values)
{
    QSqlQuery q(connect(database));
    q.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (!q.exec() || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

QString TestPgRoleWriter::checksum(const QString &database)
{
    return scalar(database, QStringLiteral(R"(SELECT count(*) || ':' || md5(COALESCE(string_agg(
                      to_jsonb(r)::text, ',' ORDER BY r."id"), '')) FROM "UserRole" r)"))
        .toString();
}

void TestPgRoleWriter::grantRowLooksLikePrismas()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantRequest request = grantOf(10, QStringLiteral("MENTOR"), QStringLiteral("runs the club"));
    request.notes = QStringLiteral("approved by the board");
    const QDateTime before = utcNow().addSecs(-2);
    const RoleGrant grant = source.grantRole(admin(), request).result();
    const QDateTime after = utcNow().addSecs(2);

    QVERIFY2(QRegularExpression(QStringLiteral("^c[0-9a-z]{24}$")).match(grant.id).hasMatch(),
             qPrintable(grant.id));
    QCOMPARE(grant.userId, QStringLiteral("cu0000000010"));
    QCOMPARE(grant.createdAt, grant.updatedAt);
    QCOMPARE(grant.effectiveStart, grant.createdAt);
    QVERIFY(!grant.effectiveEnd.isValid());

    // Read back by plain SQL, as the application (Prisma) would see it.
    QSqlQuery q(connect(m_db));
    q.prepare(QStringLiteral(R"(SELECT "id" ~ '^c[0-9a-z]{24}$', "userId", "role"::text,
            "updatedAt" = "createdAt", "effectiveStartDate" = "createdAt",
            date_trunc('milliseconds', "createdAt") = "createdAt",
            abs(extract(epoch FROM "createdAt" - timezone('UTC', now()))) < 60,
            "effectiveEndDate" IS NULL, "assignedBy", "assignedByEmail", "reason", "adminNotes",
            "isActive", round(extract(epoch FROM "createdAt") * 1000)::bigint
        FROM "UserRole" WHERE "id" = ?)"));
    q.bindValue(0, grant.id);
    QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
    QVERIFY(q.value(0).toBool());
    QCOMPARE(q.value(1).toString(), QStringLiteral("cu0000000010"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("MENTOR"));
    QVERIFY(q.value(3).toBool());
    QVERIFY(q.value(4).toBool());
    QVERIFY(q.value(5).toBool());
    QVERIFY2(q.value(6).toBool(), "createdAt is not UTC now");
    QVERIFY(q.value(7).toBool());
    QCOMPARE(q.value(8).toString(), clerkIdOf(5));
    QCOMPARE(q.value(9).toString(), emailOf(5));
    QCOMPARE(q.value(10).toString(), QStringLiteral("runs the club"));
    QCOMPARE(q.value(11).toString(), QStringLiteral("approved by the board"));
    QVERIFY(q.value(12).toBool());
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(q.value(13).toLongLong(), Qt::UTC);
    QCOMPARE(created, grant.createdAt);
    QVERIFY(created >= before && created <= after);

    // The application's own read of active roles sees it.
    UserQuery users;
    users.search = emailOf(10);
    QCOMPARE(source.fetchUsers(users).result().users.value(0).activeRoles,
             QStringList{QStringLiteral("MENTOR")});
}

void TestPgRoleWriter::rejectsBadInput_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("notes");

    // User 20 holds no role, so each row would succeed but for its one fault.
    const QString user = emailOf(20);
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

void TestPgRoleWriter::rejectsBadInput()
{
    QFETCH(QString, user);
    QFETCH(QString, role);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(QString, reason);
    QFETCH(QString, notes);

    static PgDataSource *source = nullptr; // one for all rows: 100+ rows, one connection
    if (!source)
        source = new PgDataSource(m_cluster->connection(m_db), this);
    const QString before = checksum(m_db);
    GrantRequest request;
    request.user = user;
    request.role = role;
    request.start = start;
    request.end = end;
    request.reason = reason;
    request.notes = notes;
    const auto error = errorOf(source->grantRole(admin(), request));
    QVERIFY2(error, "the bad input was accepted");
    QVERIFY2(error->kind() == DataSourceError::Kind::Validation, qPrintable(error->message()));
    QVERIFY(!error->message().isEmpty());
    QCOMPARE(checksum(m_db), before);
}

void TestPgRoleWriter::storesTextVerbatim_data()
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
    QTest::newRow("newlines in notes") << 70 << "first line"
                                       << "line one\nline two\n\n\ttabbed\r\nwindows";
    QTest::newRow("newline in reason") << 80 << "first\nsecond\tthird"
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

void TestPgRoleWriter::storesTextVerbatim()
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

void TestPgRoleWriter::refusesNonAdmins()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QString before = checksum(m_db);
    const QList<Actor> actors = {actorOf(1),                   // a LEARNER
                                 Actor{},                      // nobody
                                 Actor{QString(), emailOf(5)}, // an admin's email alone
                                 Actor{QStringLiteral("user_nobody"), QStringLiteral("x@y.z")},
                                 Actor{clerkIdOf(5) + QLatin1Char(' '), emailOf(5)}};
    for (const Actor &actor : actors) {
        const auto error = errorOf(source.grantRole(actor, grantOf(20, QStringLiteral("ADMIN"))));
        QVERIFY(error);
        QCOMPARE(error->kind(), DataSourceError::Kind::NotPermitted);
        QVERIFY2(
            error->message().startsWith(QLatin1String("Only an active ADMIN may change roles; ")),
            qPrintable(error->message()));
        EndRequest end;
        end.grantId = QStringLiteral("cr0000000001l");
        end.reason = QStringLiteral("no");
        QCOMPARE(errorOf(source.endGrant(actor, end))->kind(), DataSourceError::Kind::NotPermitted);
        BulkGrantRequest bulk;
        bulk.role = QStringLiteral("ADMIN");
        bulk.reason = QStringLiteral("no");
        bulk.users = QStringList{emailOf(20)};
        QCOMPARE(errorOf(source.applyBulkGrant(actor, bulk))->kind(),
                 DataSourceError::Kind::NotPermitted);
    }
    QCOMPARE(
        errorOf(source.grantRole(actorOf(1), grantOf(20, QStringLiteral("ADMIN"))))->message(),
        QStringLiteral("Only an active ADMIN may change roles; user1@example.test is not one."));
    QCOMPARE(checksum(m_db), before);
}

void TestPgRoleWriter::refusesOverlappingDuplicates()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QString before = checksum(m_db);
    // User 1 holds LEARNER since 2024 (grant cr0000000001l).
    auto error = errorOf(source.grantRole(admin(), grantOf(1, QStringLiteral("LEARNER"))));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("cr0000000001l")) &&
                 error->message().contains(QLatin1String("2024-01-01T00:00:00.000Z")),
             qPrintable(error->message()));
    // User 1002's MENTOR starts in 30 days with no end: an open grant from now
    // overlaps it, one ending before it does not.
    GrantRequest overlapping = grantOf(1002, QStringLiteral("MENTOR"));
    error = errorOf(source.grantRole(admin(), overlapping));
    QVERIFY(error);
    QVERIFY2(error->message().contains(QLatin1String("cr0000001002f")),
             qPrintable(error->message()));
    QCOMPARE(checksum(m_db), before);

    GrantRequest before30 = grantOf(1002, QStringLiteral("MENTOR"));
    before30.end = utcNow().addDays(10);
    QVERIFY(source.grantRole(admin(), before30).result().isActiveFlag);
    // User 101's MENTOR ended in 2024: a new one later is fine.
    GrantRequest again = grantOf(101, QStringLiteral("MENTOR"));
    again.start = utcNow().addDays(3);
    const RoleGrant future = source.grantRole(admin(), again).result();
    QCOMPARE(future.effectiveStart,
             QDateTime::fromMSecsSinceEpoch(again.start.toMSecsSinceEpoch(), Qt::UTC));
}

void TestPgRoleWriter::endsGrants()
{
    PgDataSource source(m_cluster->connection(m_db));
    // end now: inactive, the end recorded, who and why appended to the notes
    GrantRequest request = grantOf(11, QStringLiteral("MENTOR"));
    request.notes = QStringLiteral("first note");
    const RoleGrant granted = source.grantRole(admin(), request).result();
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("left the team");
    const QDateTime before = utcNow().addSecs(-2);
    const RoleGrant ended = source.endGrant(admin(), end).result();
    QVERIFY(!ended.isActiveFlag);
    QVERIFY(ended.effectiveEnd >= before && ended.effectiveEnd <= utcNow().addSecs(2));
    QVERIFY(ended.updatedAt > granted.updatedAt);
    const QString line = QStringLiteral("Ended ") +
                         ended.effectiveEnd.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) +
                         QStringLiteral(" by user5@example.test: left the team");
    QCOMPARE(ended.adminNotes, QString(QStringLiteral("first note\n") + line));
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT "adminNotes" FROM "UserRole" WHERE "id" = ?)"),
                    {granted.id})
                 .toString(),
             ended.adminNotes);
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" WHERE "id" = ?)"),
                    {granted.id})
                 .toInt(),
             1); // never deleted

    // ending it again
    auto error = errorOf(source.endGrant(admin(), end));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("already ended")),
             qPrintable(error->message()));

    // end at a future instant: still active, expires then; no notes before
    const RoleGrant other =
        source.grantRole(admin(), grantOf(12, QStringLiteral("MENTOR"))).result();
    EndRequest later;
    later.grantId = other.id;
    later.reason = QStringLiteral("term ends");
    later.at = QDateTime(QDate(2031, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    const RoleGrant expiring = source.endGrant(admin(), later).result();
    QVERIFY(expiring.isActiveFlag);
    QCOMPARE(expiring.effectiveEnd, later.at);
    QCOMPARE(expiring.adminNotes,
             QStringLiteral("Ended 2031-03-04T05:06:07.890Z by user5@example.test: term ends"));

    // end before the grant's start
    GrantRequest future = grantOf(13, QStringLiteral("MENTOR"));
    future.start = utcNow().addDays(5);
    const RoleGrant scheduled = source.grantRole(admin(), future).result();
    const QString sum = checksum(m_db);
    EndRequest tooEarly;
    tooEarly.grantId = scheduled.id;
    tooEarly.reason = QStringLiteral("never mind");
    tooEarly.at = utcNow().addDays(1);
    error = errorOf(source.endGrant(admin(), tooEarly));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    // bad reasons and unknown grants change nothing either
    EndRequest noReason;
    noReason.grantId = scheduled.id;
    noReason.reason = QStringLiteral("  ");
    QCOMPARE(errorOf(source.endGrant(admin(), noReason))->kind(),
             DataSourceError::Kind::Validation);
    EndRequest unknown;
    unknown.grantId = QStringLiteral("'; DROP TABLE \"UserRole\"; --");
    unknown.reason = QStringLiteral("x");
    QCOMPARE(errorOf(source.endGrant(admin(), unknown))->kind(), DataSourceError::Kind::Validation);
    QCOMPARE(checksum(m_db), sum);
    // a grant that has not started, ended at a later instant, stays active
    GrantRequest future2 = grantOf(15, QStringLiteral("MENTOR"));
    future2.start = utcNow().addDays(5);
    EndRequest after = tooEarly;
    after.grantId = source.grantRole(admin(), future2).result().id;
    after.at = utcNow().addDays(9);
    QVERIFY(source.endGrant(admin(), after).result().isActiveFlag);
    // ending a grant that has not started cancels it at its start
    tooEarly.at = QDateTime();
    const RoleGrant cancelled = source.endGrant(admin(), tooEarly).result();
    QVERIFY(!cancelled.isActiveFlag);
    QCOMPARE(cancelled.effectiveEnd, cancelled.effectiveStart);
}

void TestPgRoleWriter::guardsTheLastAdmin()
{
    const QString db = freshDatabase(100);
    PgDataSource source(m_cluster->connection(db));
    const QString before = checksum(db);
    EndRequest end;
    end.grantId = QStringLiteral("cr0000000005a");
    end.reason = QStringLiteral("stepping down");
    end.confirmSelfDemotion = true;
    auto error = errorOf(source.endGrant(admin(), end));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("last active ADMIN")),
             qPrintable(error->message()));
    // ending it in the future would leave none then, too
    end.at = utcNow().addDays(30);
    QCOMPARE(errorOf(source.endGrant(admin(), end))->kind(), DataSourceError::Kind::Validation);
    QCOMPARE(checksum(db), before);
    // a second admin whose grant ends before ours would does not count
    GrantRequest brief = grantOf(6, QStringLiteral("ADMIN"));
    brief.end = utcNow().addDays(10);
    source.grantRole(admin(), brief).waitForFinished();
    QCOMPARE(errorOf(source.endGrant(admin(), end))->kind(), DataSourceError::Kind::Validation);
    // ...but ending ours before theirs ends is fine
    end.at = utcNow().addDays(5);
    QVERIFY(source.endGrant(admin(), end).result().isActiveFlag);
}

void TestPgRoleWriter::selfDemotionNeedsConfirmation()
{
    const QString db = freshDatabase(100);
    PgDataSource source(m_cluster->connection(db));
    source.grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))).waitForFinished();
    const QString before = checksum(db);
    EndRequest end;
    end.grantId = QStringLiteral("cr0000000005a");
    end.reason = QStringLiteral("stepping down");
    const auto error = errorOf(source.endGrant(admin(), end));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QCOMPARE(error->message(), QStringLiteral("SELF_DEMOTION: This ends your own ADMIN role; "
                                              "confirm to go on."));
    QVERIFY(error->message().startsWith(QLatin1String(selfDemotionMarker)));
    QCOMPARE(checksum(db), before);
    end.confirmSelfDemotion = true;
    QVERIFY(!source.endGrant(admin(), end).result().isActiveFlag);
    // no longer an admin
    QCOMPARE(errorOf(source.grantRole(admin(), grantOf(20, QStringLiteral("MENTOR"))))->kind(),
             DataSourceError::Kind::NotPermitted);
}

void TestPgRoleWriter::adminsEndingEachOtherLeaveOne()
{
    for (int round = 0; round < 3; ++round) {
        const QString db = freshDatabase(100);
        PgDataSource first(m_cluster->connection(db));
        PgDataSource second(m_cluster->connection(db));
        const RoleGrant six =
            first.grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))).result();
        EndRequest endSix;
        endSix.grantId = six.id;
        endSix.reason = QStringLiteral("coup");
        EndRequest endFive;
        endFive.grantId = QStringLiteral("cr0000000005a");
        endFive.reason = QStringLiteral("counter-coup");
        auto a = first.endGrant(admin(), endSix);
        auto b = second.endGrant(actorOf(6), endFive);
        const auto ea = errorOf(a);
        const auto eb = errorOf(b);
        QVERIFY2(bool(ea) != bool(eb), "exactly one of the two must win");
        const DataSourceError &loser = ea ? *ea : *eb;
        QVERIFY2(loser.kind() == DataSourceError::Kind::Validation ||
                     loser.kind() == DataSourceError::Kind::NotPermitted,
                 qPrintable(loser.message()));
        QCOMPARE(scalar(db, QStringLiteral(R"(SELECT count(*) FROM "UserRole" r WHERE r."role" =
                 'ADMIN' AND r."isActive" AND r."effectiveStartDate" <= timezone('UTC', now())
                 AND (r."effectiveEndDate" IS NULL OR r."effectiveEndDate" > timezone('UTC', now())))"))
                     .toInt(),
                 1);
    }
}

void TestPgRoleWriter::staleViewIsAConflict()
{
    PgDataSource source(m_cluster->connection(m_db));
    const RoleGrant granted =
        source.grantRole(admin(), grantOf(14, QStringLiteral("MENTOR"))).result();
    // another admin pushes the end out meanwhile
    EndRequest theirs;
    theirs.grantId = granted.id;
    theirs.reason = QStringLiteral("term");
    theirs.at = utcNow().addDays(60);
    theirs.expectedUpdatedAt = granted.updatedAt;
    const RoleGrant changed = source.endGrant(admin(), theirs).result();
    const QString before = checksum(m_db);

    EndRequest mine;
    mine.grantId = granted.id;
    mine.reason = QStringLiteral("now");
    mine.expectedUpdatedAt = granted.updatedAt; // stale
    const auto error = errorOf(source.endGrant(admin(), mine));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Conflict);
    QCOMPARE(error->message(),
             QStringLiteral("Someone else changed this grant at ") +
                 changed.updatedAt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) +
                 QStringLiteral("; reload and try again."));
    QCOMPARE(checksum(m_db), before);
    mine.expectedUpdatedAt = changed.updatedAt;
    QVERIFY(!source.endGrant(admin(), mine).result().isActiveFlag);
}

void TestPgRoleWriter::racingGrantsOnOneUser()
{
    PgDataSource first(m_cluster->connection(m_db));
    PgDataSource second(m_cluster->connection(m_db));
    // warm both up, so the race is between writes, not connects
    first.detectSchema().waitForFinished();
    second.detectSchema().waitForFinished();
    for (int user = 200; user < 210; ++user) {
        const GrantRequest request = grantOf(user, QStringLiteral("MENTOR"));
        auto a = first.grantRole(admin(), request);
        auto b = second.grantRole(actorOf(5), request);
        const auto ea = errorOf(a);
        const auto eb = errorOf(b);
        QVERIFY2(bool(ea) != bool(eb), "exactly one racing grant must win");
        const DataSourceError &loser = ea ? *ea : *eb;
        QCOMPARE(loser.kind(), DataSourceError::Kind::Validation);
        const RoleGrant winner = ea ? b.result() : a.result();
        QVERIFY2(loser.message().contains(winner.id), qPrintable(loser.message()));
        QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole"
                 WHERE "userId" = ? AND "role" = 'MENTOR' AND "isActive")"),
                        {winner.userId})
                     .toInt(),
                 1);
    }
}

void TestPgRoleWriter::killedConnectionLeavesNothing()
{
    try {
        killConnectionMidTransaction();
    } catch (const DataSourceError &e) {
        QFAIL(qPrintable(e.message()));
    }
}

void TestPgRoleWriter::killConnectionMidTransaction()
{
    const QString db = freshDatabase(5000);
    QSqlDatabase blocker = connect(db);
    installAuditTable(blocker);
    PgDataSource source(m_cluster->connection(db));
    const QString before = checksum(db);

    // Hold the audit table so the bulk grant stops after inserting its grants
    // and before committing, then kill its backend there.
    QSqlQuery hold(blocker);
    QVERIFY(blocker.transaction());
    QVERIFY(
        hold.exec(QStringLiteral(R"(LOCK TABLE "RolecallAuditEvent" IN ACCESS EXCLUSIVE MODE)")));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("everyone mentors");
    bulk.useFilter = true;
    QFuture<QList<RoleGrant>> future = source.applyBulkGrant(admin(), bulk);

    QSqlQuery watch(connect(QStringLiteral("postgres")));
    QElapsedTimer timer;
    timer.start();
    bool waiting = false;
    while (!waiting && timer.elapsed() < 30000) {
        watch.prepare(
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ? "
                           "AND application_name = 'rolecall' AND wait_event_type = 'Lock'"));
        watch.bindValue(0, db);
        QVERIFY(watch.exec() && watch.next());
        waiting = watch.value(0).toInt() > 0;
        if (!waiting)
            QThread::msleep(20);
    }
    QVERIFY2(waiting, "the bulk grant never reached the audit table");
    watch.prepare(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE datname = ? AND application_name = 'rolecall' "
                                 "AND state = 'active'"));
    watch.bindValue(0, db);
    QVERIFY(watch.exec() && watch.next());
    QCOMPARE(watch.value(0).toInt(), 1);
    const auto error = errorOf(future);
    QVERIFY(blocker.rollback());
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Connection);
    QVERIFY2(error->message().contains(QLatin1String("nothing was written")),
             qPrintable(error->message()));
    QCOMPARE(checksum(db), before);
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent")")).toInt(), 0);

    // The same source writes again (both workers, reconnecting as needed).
    for (int user = 10; user <= 40; user += 10)
        QVERIFY(source.grantRole(admin(), grantOf(user, QStringLiteral("LEARNER")))
                    .result()
                    .isActiveFlag);
    // everyone but the five users with a MENTOR grant starting in 30 days
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), 4995);
}

void TestPgRoleWriter::toleratesExtraColumnsAndRoles()
{
    const QString db = freshDatabase(100);
    PgDataSource source(m_cluster->connection(db));
    source.detectSchema().waitForFinished(); // learn the enum before it grows
    QString error;
    QVERIFY2(m_cluster->exec(
                 db,
                 QStringLiteral(R"(ALTER TABLE "UserRole" ADD COLUMN "tenantId" TEXT DEFAULT 't1';
                                 ALTER TYPE "Role" ADD VALUE 'SUPPORT';)"),
                 &error),
             qPrintable(error));
    const RoleGrant grant =
        source.grantRole(admin(), grantOf(1, QStringLiteral("SUPPORT"))).result();
    QCOMPARE(grant.role, QStringLiteral("SUPPORT"));
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT "tenantId" FROM "UserRole" WHERE "id" = ?)"),
                    {grant.id})
                 .toString(),
             QStringLiteral("t1"));
    EndRequest end;
    end.grantId = grant.id;
    end.reason = QStringLiteral("done");
    QVERIFY(!source.endGrant(admin(), end).result().isActiveFlag);
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("SUPPORT");
    bulk.reason = QStringLiteral("support desk");
    bulk.users = QStringList{emailOf(1), emailOf(2)};
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), 2);
    QCOMPARE(errorOf(source.grantRole(admin(), grantOf(3, QStringLiteral("support"))))->kind(),
             DataSourceError::Kind::Validation);
}

void TestPgRoleWriter::bulkGrantDryRunAndApply()
{
    const QString db = freshDatabase(seededUsers);
    PgDataSource source(m_cluster->connection(db));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("mentor programme");
    // 300 users named every way there is, some twice
    for (int n = 1; n <= 300; ++n) {
        switch (n % 4) {
        case 0:
            bulk.users << emailOf(n);
            break;
        case 1:
            bulk.users << clerkIdOf(n);
            break;
        case 2:
            bulk.users << QStringLiteral("cu%1").arg(n, 10, 10, QLatin1Char('0'));
            break;
        default:
            bulk.users << QString(QStringLiteral("  ") + emailOf(n).toUpper() +
                                  QStringLiteral(" "));
        }
    }
    bulk.users << emailOf(7) << clerkIdOf(7);
    const QString before = checksum(db);

    const BulkPlan plan = source.planBulkGrant(admin(), bulk).result();
    QCOMPARE(plan.unknown, QStringList());
    QCOMPARE(plan.alreadyHave.size(), 1); // user 2: a MENTOR grant starting in 30 days
    QCOMPARE(plan.alreadyHave.first().email, emailOf(2));
    QCOMPARE(plan.willChange.size(), 299);
    QCOMPARE(checksum(db), before); // a dry run writes nothing

    // one unknown name: nothing at all, and the message names it
    BulkGrantRequest withUnknown = bulk;
    withUnknown.users << QStringLiteral("ghost@example.test");
    QCOMPARE(source.planBulkGrant(admin(), withUnknown).result().unknown,
             QStringList{QStringLiteral("ghost@example.test")});
    const auto error = errorOf(source.applyBulkGrant(admin(), withUnknown));
    QVERIFY(error);
    QCOMPARE(error->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(error->message().contains(QLatin1String("ghost@example.test")),
             qPrintable(error->message()));
    QCOMPARE(checksum(db), before);

    const QList<RoleGrant> grants = source.applyBulkGrant(admin(), bulk).result();
    QCOMPARE(grants.size(), 299);
    QSqlQuery q(connect(db));
    q.prepare(
        QStringLiteral(R"(SELECT count(*), count(DISTINCT xmin::text), count(DISTINCT cmin::text),
            count(DISTINCT "createdAt"), bool_and("updatedAt" = "createdAt"),
            bool_and("id" ~ '^c[0-9a-z]{24}$'), count(DISTINCT "id"),
            bool_and("assignedBy" = ? AND "reason" = 'mentor programme' AND "isActive")
        FROM "UserRole" WHERE "role" = 'MENTOR' AND "reason" = 'mentor programme')"));
    q.bindValue(0, clerkIdOf(5));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), 299);
    QCOMPARE(q.value(1).toInt(), 1); // one transaction
    QCOMPARE(q.value(2).toInt(), 1); // one statement
    QCOMPARE(q.value(3).toInt(), 1);
    QVERIFY(q.value(4).toBool());
    QVERIFY(q.value(5).toBool());
    QCOMPARE(q.value(6).toInt(), 299);
    QVERIFY(q.value(7).toBool());

    // applied again: everyone has it now
    const BulkPlan again = source.planBulkGrant(admin(), bulk).result();
    QCOMPARE(again.willChange.size(), 0);
    QCOMPARE(again.alreadyHave.size(), 300);
    QVERIFY(source.applyBulkGrant(admin(), bulk).result().isEmpty());

    // bad requests
    BulkGrantRequest tooMany;
    tooMany.role = QStringLiteral("MENTOR");
    tooMany.reason = QStringLiteral("x");
    for (int i = 0; i <= 100000; ++i)
        tooMany.users << QStringLiteral("u%1@x").arg(i);
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), tooMany))->kind(),
             DataSourceError::Kind::Validation);
    BulkGrantRequest badRole = bulk;
    badRole.role = QStringLiteral("mentor");
    QCOMPARE(errorOf(source.planBulkGrant(admin(), badRole))->kind(),
             DataSourceError::Kind::Validation);
    BulkGrantRequest empty = bulk;
    empty.users = QStringList{QStringLiteral(" "), QString()};
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), empty))->kind(),
             DataSourceError::Kind::Validation);
    BulkGrantRequest noReason = bulk;
    noReason.reason.clear();
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), noReason))->kind(),
             DataSourceError::Kind::Validation);
    QCOMPARE(errorOf(source.planBulkGrant(actorOf(1), bulk))->kind(),
             DataSourceError::Kind::NotPermitted);
}

void TestPgRoleWriter::bulkGrantByFilter()
{
    const QString db = freshDatabase(seededUsers);
    PgDataSource source(m_cluster->connection(db));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("LEARNER");
    bulk.reason = QStringLiteral("everyone learns");
    bulk.useFilter = true;
    bulk.filter.noRole = true; // users 10, 20, ...: no grant at all
    const BulkPlan plan = source.planBulkGrant(admin(), bulk).result();
    QCOMPARE(plan.willChange.size(), seededUsers / 10);
    QCOMPARE(plan.alreadyHave.size(), 0);
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), seededUsers / 10);
    QCOMPARE(source.planBulkGrant(admin(), bulk).result().willChange.size(), 0);

    // by role and search: ADMIN to the LEARNERs whose email has "user1" in it
    BulkGrantRequest byRole;
    byRole.role = QStringLiteral("MENTOR");
    byRole.reason = QStringLiteral("senior learners");
    byRole.useFilter = true;
    byRole.filter.role = QStringLiteral("LEARNER");
    byRole.filter.search = QStringLiteral("user1_"); // '_' is literal: matches nobody
    QCOMPARE(source.planBulkGrant(admin(), byRole).result().willChange.size(), 0);
    byRole.filter.search = QStringLiteral("user19");
    const BulkPlan searched = source.planBulkGrant(admin(), byRole).result();
    // 19, 190..199, 1900..1999: 111 users, all LEARNER now
    QCOMPARE(searched.willChange.size() + searched.alreadyHave.size(), 111);

    // judged at another instant: in 31 days users 2 and 1002 hold MENTOR
    BulkGrantRequest asOf;
    asOf.role = QStringLiteral("LEARNER");
    asOf.reason = QStringLiteral("x");
    asOf.useFilter = true;
    asOf.filter.role = QStringLiteral("MENTOR");
    asOf.filter.asOf = utcNow().addDays(31);
    const BulkPlan later = source.planBulkGrant(admin(), asOf).result();
    QCOMPARE(later.alreadyHave.size(), 2);
    QCOMPARE(later.willChange.size(), 0);
    asOf.filter.asOf = QDateTime();
    QCOMPARE(source.planBulkGrant(admin(), asOf).result().alreadyHave.size(), 0);
}

void TestPgRoleWriter::writesAuditEventsInTheSameTransaction()
{
    QVERIFY(auditTableSql().contains(QLatin1String("CREATE TABLE \"RolecallAuditEvent\"")));
    QVERIFY(auditTableSql().contains(QLatin1String("REVOKE UPDATE, DELETE")));
    const QString db = freshDatabase(100);
    QSqlDatabase test = connect(db);
    installAuditTable(test);
    PgDataSource source(m_cluster->connection(db));

    const RoleGrant granted =
        source.grantRole(admin(), grantOf(10, QStringLiteral("MENTOR"))).result();
    GrantRequest future = grantOf(20, QStringLiteral("MENTOR"));
    future.start = utcNow().addDays(2);
    const RoleGrant scheduled = source.grantRole(admin(), future).result();
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("done");
    source.endGrant(admin(), end).waitForFinished();
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("bulk");
    bulk.users = QStringList{emailOf(30), emailOf(40), emailOf(50)};
    const QList<RoleGrant> bulkGrants = source.applyBulkGrant(admin(), bulk).result();
    // a refused write records nothing
    QVERIFY(errorOf(source.grantRole(admin(), grantOf(30, QStringLiteral("MENTOR")))));

    QSqlQuery q(test);
    QVERIFY(q.exec(QStringLiteral(R"(SELECT e."action", e."grantId", e."actorClerkId",
            e."actorEmail", e."reason", e."before"::text, e."after"::text,
            e."at" = CASE WHEN e."action" = 'ended' THEN r."updatedAt" ELSE r."createdAt" END,
            e."targetUserId" = r."userId", e."role"
        FROM "RolecallAuditEvent" e JOIN "UserRole" r ON r."id" = e."grantId"
        ORDER BY e."at", e."action" DESC, e."grantId")")));
    QStringList actions;
    while (q.next()) {
        actions << q.value(0).toString();
        QCOMPARE(q.value(2).toString(), clerkIdOf(5));
        QCOMPARE(q.value(3).toString(), emailOf(5));
        QVERIFY(q.value(7).toBool()); // written in the grant's own transaction
        QVERIFY(q.value(8).toBool());
        QCOMPARE(q.value(9).toString(), QStringLiteral("MENTOR"));
        const QJsonObject after = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        QCOMPARE(after.value(QStringLiteral("id")).toString(), q.value(1).toString());
        if (q.value(0).toString() == QLatin1String("ended")) {
            const QJsonObject was =
                QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
            QCOMPARE(was.value(QStringLiteral("isActive")).toBool(), true);
            QCOMPARE(after.value(QStringLiteral("isActive")).toBool(), false);
            QCOMPARE(q.value(4).toString(), QStringLiteral("done"));
        } else {
            QVERIFY(q.value(5).isNull());
        }
    }
    QCOMPARE(actions,
             (QStringList{QStringLiteral("granted"), QStringLiteral("scheduled"),
                          QStringLiteral("ended"), QStringLiteral("bulk-granted"),
                          QStringLiteral("bulk-granted"), QStringLiteral("bulk-granted")}));
    QCOMPARE(bulkGrants.size(), 3);
    Q_UNUSED(scheduled);
}

void TestPgRoleWriter::sehatScanHasNoRoles()
{
    QString error;
    const QString db = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(testing::seedSehatScanUsers(*m_cluster, db, 10, &error), qPrintable(error));
    PgDataSource source(m_cluster->connection(db));
    const QString message = QStringLiteral("This database's schema (SehatScan) has no roles.");
    auto e = errorOf(source.grantRole(admin(), grantOf(1, QStringLiteral("ADMIN"))));
    QVERIFY(e);
    QCOMPARE(e->kind(), DataSourceError::Kind::Schema);
    QCOMPARE(e->message(), message);
    EndRequest end;
    end.grantId = QStringLiteral("x");
    end.reason = QStringLiteral("x");
    QCOMPARE(errorOf(source.endGrant(admin(), end))->message(), message);
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("ADMIN");
    bulk.reason = QStringLiteral("x");
    bulk.users = QStringList{emailOf(1)};
    QCOMPARE(errorOf(source.planBulkGrant(admin(), bulk))->kind(), DataSourceError::Kind::Schema);
    QCOMPARE(errorOf(source.applyBulkGrant(admin(), bulk))->kind(), DataSourceError::Kind::Schema);
}

QTEST_GUILESS_MAIN(TestPgRoleWriter)
#include "tst_pgrolewriter.moc"

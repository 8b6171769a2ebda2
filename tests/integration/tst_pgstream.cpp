// Whole-table exports through a server-side cursor: the streamed rows are the
// paged listing's rows, row for row and in its order (users, grants, audit),
// in batches no bigger than one FETCH; a sink can stop the read; values
// inlined into DECLARE reach the server as they were.
#include "pg/pgdatasource.h"
#include "pg/pgstream.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using rolecall::testing::allEvents;
using rolecall::testing::Fixture;
using rolecall::testing::PgTestCluster;

namespace {

constexpr int seededUsers = 12000; // more than two batches of users and of grants

QStringList userRows(const QList<User> &users)
{
    QStringList rows;
    for (const User &u : users)
        rows << QStringList{u.id,
                            u.clerkId,
                            u.email,
                            u.firstName,
                            u.lastName,
                            u.createdAt.toString(Qt::ISODateWithMs),
                            u.updatedAt.toString(Qt::ISODateWithMs),
                            u.activeRoles.join(u'+')}
                    .join(u'|');
    return rows;
}

QStringList grantRows(const QList<GrantView> &grants)
{
    QStringList rows;
    for (const GrantView &v : grants)
        rows << QStringList{v.grant.id,
                            v.grant.userId,
                            v.grant.role,
                            v.userEmail,
                            v.userName,
                            v.grant.createdAt.toString(Qt::ISODateWithMs),
                            v.endedBy,
                            v.endedReason,
                            QString::number(static_cast<int>(v.state))}
                    .join(u'|');
    return rows;
}

QStringList eventRows(const QList<AuditEvent> &events)
{
    QStringList rows;
    for (const AuditEvent &e : events)
        rows << QStringList{e.id,         e.at.toString(Qt::ISODateWithMs),
                            e.action,     e.actorClerkId,
                            e.actorEmail, e.targetEmail,
                            e.targetName, e.role,
                            e.reason}
                    .join(u'|');
    return rows;
}

// Every row of a stream, and the largest batch it came in.
template <typename Row>
struct Streamed
{
    QList<Row> rows;
    qsizetype largestBatch = 0;
    qint64 reported = -1;
};

template <typename Row, typename Start>
Streamed<Row> collect(Start start)
{
    auto out = std::make_shared<Streamed<Row>>();
    QFuture<qint64> future = start([out](const QList<Row> &batch) {
        out->rows << batch;
        out->largestBatch = std::max(out->largestBatch, batch.size());
        return true;
    });
    out->reported = future.result();
    return *out;
}

} // namespace

class TestPgStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inlinesValuesAsTheServerReadsThem_data();
    void inlinesValuesAsTheServerReadsThem();
    void streamedUsersAreThePagedList_data();
    void streamedUsersAreThePagedList();
    void streamedGrantsAreThePagedList();
    void streamedAuditIsThePagedStream();
    void aSinkCanStopTheRead();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
};

void TestPgStream::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedAkakoUsers(*m_cluster, m_db, seededUsers, &error),
             qPrintable(error));
    // Ended grants with notes to parse, and ties on one instant.
    QVERIFY2(m_cluster->exec(m_db, QStringLiteral(R"(
UPDATE "UserRole" SET "adminNotes" = 'Ended 2024-06-01T00:00:00.000Z by admin@example.test: term'
WHERE "isActive" = false)"),
                             &error),
             qPrintable(error));
}

void TestPgStream::inlinesValuesAsTheServerReadsThem_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::newRow("quote") << QVariant(QStringLiteral("o'brien"));
    QTest::newRow("backslash") << QVariant(QStringLiteral(R"(a\'b\\c\)"));
    QTest::newRow("placeholder lookalike") << QVariant(QStringLiteral(":user ':x' \"y\""));
    QTest::newRow("unicode") << QVariant(QStringLiteral("Zoë 田中 Дмитриев"));
    QTest::newRow("number") << QVariant(42);
    QTest::newRow("null") << QVariant(QMetaType::fromType<QString>());
}

void TestPgStream::inlinesValuesAsTheServerReadsThem()
{
    QFETCH(QVariant, value);
    PgStatement statement;
    // ':a' inside quotes and "::" casts are not placeholders.
    statement.sql = QStringLiteral("SELECT CAST(:v AS text), ':v', 1::text AS \":v\"");
    statement.values.insert(QStringLiteral("v"), value);
    const QString sql = inlineValues(statement);
    QVERIFY2(sql.endsWith(QLatin1String(", ':v', 1::text AS \":v\"")), qPrintable(sql));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("inline"));
    {
        const ConnectionSettings settings = m_cluster->connection(m_db);
        db.setHostName(settings.host);
        db.setPort(settings.port);
        db.setDatabaseName(settings.database);
        db.setUserName(settings.user);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql) && q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).isNull(), value.isNull());
        QCOMPARE(q.value(0).toString(), value.toString());
        QCOMPARE(q.value(1).toString(), QStringLiteral(":v"));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("inline"));

    PgStatement missing;
    missing.sql = QStringLiteral("SELECT :nobody");
    QVERIFY_THROWS_EXCEPTION(DataSourceError, inlineValues(missing));
}

void TestPgStream::streamedUsersAreThePagedList_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("role");
    QTest::newRow("everyone") << QString() << QString();
    QTest::newRow("a search") << QStringLiteral("o'brien") << QString();
    QTest::newRow("a role") << QString() << QStringLiteral("LEARNER");
}

void TestPgStream::streamedUsersAreThePagedList()
{
    QFETCH(QString, search);
    QFETCH(QString, role);
    PgDataSource source(m_cluster->connection(m_db));
    UserQuery query;
    query.search = search;
    query.role = role;
    query.limit = 5000;
    QList<User> paged;
    for (;;) {
        const UserPage page = source.fetchUsers(query).result();
        paged << page.users;
        if (page.atEnd || page.users.isEmpty())
            break;
        query.afterCreatedAt = page.users.constLast().createdAt;
        query.afterId = page.users.constLast().id;
    }
    QVERIFY(!paged.isEmpty());
    UserQuery whole = query;
    whole.afterCreatedAt = QDateTime();
    whole.afterId.clear();
    const auto streamed =
        collect<User>([&](auto sink) { return source.streamUsers(whole, std::move(sink)); });
    QCOMPARE(streamed.reported, qint64(paged.size()));
    QVERIFY(streamed.largestBatch <= streamBatchRows);
    QCOMPARE(userRows(streamed.rows), userRows(paged));
}

void TestPgStream::streamedGrantsAreThePagedList()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantListQuery query;
    query.limit = 3000;
    QList<GrantView> paged;
    for (;;) {
        const GrantPage page = source.fetchGrantPage(query).result();
        paged << page.grants;
        if (page.atEnd || page.grants.isEmpty())
            break;
        query.beforeCreatedAt = page.grants.constLast().grant.createdAt;
        query.beforeId = page.grants.constLast().grant.id;
    }
    QVERIFY(paged.size() > streamBatchRows);
    const auto streamed = collect<GrantView>(
        [&](auto sink) { return source.streamGrants(GrantListQuery{}, std::move(sink)); });
    QCOMPARE(streamed.reported, qint64(paged.size()));
    QCOMPARE(streamed.largestBatch, qsizetype(streamBatchRows));
    QCOMPARE(grantRows(streamed.rows), grantRows(paged));
}

void TestPgStream::streamedAuditIsThePagedStream()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditQuery query;
    query.limit = 5000;
    const QList<AuditEvent> paged = allEvents(source, query);
    QVERIFY(paged.size() > streamBatchRows);
    const auto streamed = collect<AuditEvent>(
        [&](auto sink) { return source.streamAudit(AuditQuery{}, std::move(sink)); });
    QCOMPARE(streamed.reported, qint64(paged.size()));
    QCOMPARE(eventRows(streamed.rows), eventRows(paged));
}

void TestPgStream::aSinkCanStopTheRead()
{
    PgDataSource source(m_cluster->connection(m_db));
    int batches = 0;
    const qint64 rows = source
                            .streamUsers(UserQuery{},
                                         [&batches](const QList<User> &) {
                                             ++batches;
                                             return false;
                                         })
                            .result();
    QCOMPARE(batches, 1);
    QCOMPARE(rows, qint64(streamBatchRows));
    // The session is usable afterwards: the cursor's transaction ended.
    QCOMPARE(source.fetchUsers(UserQuery{}).result().users.size(), UserQuery{}.limit);
    QCOMPARE(
        collect<User>([&](auto sink) { return source.streamUsers(UserQuery{}, sink); }).rows.size(),
        seededUsers);
}

QTEST_GUILESS_MAIN(TestPgStream)
#include "tst_pgstream.moc"

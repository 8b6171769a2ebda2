// Whole-table exports through a server-side cursor: the streamed rows are the
// paged listing's rows, row for row and in its order (users, grants, audit),
// in batches no bigger than one FETCH; a sink can stop the read; values
// inlined into DECLARE reach the server as they were; the CSV records
// PostgreSQL writes are the bytes the client would write from the rows.
#include "itemmodels/tableexport.h"
#include "itemmodels/userscsvexport.h"
#include "pg/pgdatasource.h"
#include "pg/pgstream.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

Q_DECLARE_METATYPE(rolecall::UserQuery)
Q_DECLARE_METATYPE(rolecall::UserCsvLayout)

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
    void recordsWrittenByPostgresAreTheClientsRecords_data();
    void recordsWrittenByPostgresAreTheClientsRecords();
    void aCsvSinkCanStopTheRead();

private:
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    QString m_edgeDb;      // Akako LMS: seed users and CSV edge cases
    QString m_sehatEdgeDb; // SehatScan: the same
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
    m_edgeDb = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(!m_edgeDb.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedAkakoUsers(*m_cluster, m_edgeDb, 6000, &error),
             qPrintable(error));
    QVERIFY2(rolecall::testing::seedCsvEdgeUsers(*m_cluster, m_edgeDb, true, &error),
             qPrintable(error));
    m_sehatEdgeDb = m_cluster->createDatabase(Fixture::SehatScan, &error);
    QVERIFY2(!m_sehatEdgeDb.isEmpty(), qPrintable(error));
    QVERIFY2(rolecall::testing::seedSehatScanUsers(*m_cluster, m_sehatEdgeDb, 300, &error),
             qPrintable(error));
    QVERIFY2(rolecall::testing::seedCsvEdgeUsers(*m_cluster, m_sehatEdgeDb, false, &error),
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

namespace {

// Every column, each at least once, roles joined by a character the guard
// and the quoting must leave alone.
UserCsvLayout everyColumn()
{
    return {{UserCsvColumn::Id, UserCsvColumn::ClerkId, UserCsvColumn::Email,
             UserCsvColumn::FirstName, UserCsvColumn::LastName, UserCsvColumn::Name,
             UserCsvColumn::ActiveRoles, UserCsvColumn::CreatedAt, UserCsvColumn::UpdatedAt},
            QStringLiteral("+")};
}

// The first line (CRLF-separated) where two CSV texts differ, for the message.
QString firstDifference(const QByteArray &actual, const QByteArray &expected)
{
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        const QByteArray left = a.value(i);
        const QByteArray right = e.value(i);
        if (left != right)
            return QStringLiteral("line %1: %2 | expected %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(left.toPercentEncoding(" \"',;@=+-")),
                     QString::fromUtf8(right.toPercentEncoding(" \"',;@=+-")));
    }
    return {};
}

} // namespace

void TestPgStream::recordsWrittenByPostgresAreTheClientsRecords_data()
{
    QTest::addColumn<bool>("akako");
    QTest::addColumn<UserCsvLayout>("layout");
    QTest::addColumn<UserQuery>("query");
    UserQuery byName;
    byName.sortKey = UserSortKey::Name;
    byName.ascending = true;
    UserQuery search;
    search.search = QStringLiteral("o'brien");
    UserQuery learners;
    learners.role = QStringLiteral("LEARNER");
    UserQuery noRole;
    noRole.noRole = true;
    UserQuery asOf;
    asOf.role = QStringLiteral("MENTOR");
    asOf.asOf = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("GUI export, everyone") << true << UsersCsvExport::layout() << UserQuery{};
    QTest::newRow("every column, everyone") << true << everyColumn() << UserQuery{};
    QTest::newRow("every column, by name") << true << everyColumn() << byName;
    QTest::newRow("every column, a search") << true << everyColumn() << search;
    QTest::newRow("every column, a role") << true << everyColumn() << learners;
    QTest::newRow("every column, no role") << true << everyColumn() << noRole;
    QTest::newRow("every column, a role as of") << true << everyColumn() << asOf;
    QTest::newRow("SehatScan, GUI export") << false << UsersCsvExport::layout() << UserQuery{};
    QTest::newRow("SehatScan, every column") << false << everyColumn() << byName;
}

void TestPgStream::recordsWrittenByPostgresAreTheClientsRecords()
{
    QFETCH(bool, akako);
    QFETCH(UserCsvLayout, layout);
    QFETCH(UserQuery, query);
    PgDataSource source(m_cluster->connection(akako ? m_edgeDb : m_sehatEdgeDb));
    QVERIFY(source.formatsUsersCsv());

    // What the client writes from the rows: the export before PostgreSQL
    // wrote the records, and still what any other data source does.
    QByteArray fromRows;
    const qint64 rowCount =
        source
            .streamUsers(query,
                         [&](const QList<User> &batch) {
                             for (const User &user : batch)
                                 fromRows += csvRecord(userCsvFields(user, layout)).toUtf8();
                             return true;
                         })
            .result();
    QByteArray written;
    qint64 handedOver = 0;
    qint64 largestBatch = 0;
    const qint64 reported = source
                                .streamUsersCsv(query, layout,
                                                [&](const QByteArray &records, qint64 rows) {
                                                    written += records;
                                                    handedOver += rows;
                                                    largestBatch = std::max(largestBatch, rows);
                                                    return true;
                                                })
                                .result();
    QVERIFY(rowCount > 0);
    QCOMPARE(reported, rowCount);
    QCOMPARE(handedOver, rowCount);
    QVERIFY(largestBatch <= streamBatchRows);
    QVERIFY2(written == fromRows, qPrintable(firstDifference(written, fromRows)));
    QCOMPARE(written.count("\r\n"), fromRows.count("\r\n"));
}

void TestPgStream::aCsvSinkCanStopTheRead()
{
    PgDataSource source(m_cluster->connection(m_edgeDb));
    int batches = 0;
    qint64 rowsSeen = 0;
    const qint64 rows = source
                            .streamUsersCsv(UserQuery{}, UsersCsvExport::layout(),
                                            [&](const QByteArray &, qint64 batchRows) {
                                                ++batches;
                                                rowsSeen += batchRows;
                                                return false;
                                            })
                            .result();
    QCOMPARE(batches, 1);
    QCOMPARE(rows, qint64(streamBatchRows));
    QCOMPARE(rowsSeen, qint64(streamBatchRows));
    // The session is usable afterwards: the cursor's transaction ended.
    QCOMPARE(source.fetchUsers(UserQuery{}).result().users.size(), UserQuery{}.limit);
}

QTEST_GUILESS_MAIN(TestPgStream)
#include "tst_pgstream.moc"

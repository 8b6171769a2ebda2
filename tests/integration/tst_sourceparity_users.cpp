// The users listing through both data sources over one database (PostgreSQL
// direct, and rolecall-server over it): paging every order in both
// directions, search, role, no-role and as-of filters, counts, one person's
// grants and account, the overview, and refusals of bad queries. Every
// answer is compared whole with PostgreSQL direct's.
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "support/testdata.h"

#include <QTest>

Q_DECLARE_METATYPE(rolecall::UserQuery)

using namespace rolecall;
using namespace rolecall::testing;

namespace {

constexpr int users = 150;

UserQuery pageOf(int limit)
{
    UserQuery query;
    query.limit = limit;
    return query;
}

// The query for the page after (or, backward, before) `page`.
UserQuery nextOf(UserQuery query, const UserPage &page)
{
    const User &edge = query.backward ? page.users.constFirst() : page.users.constLast();
    query.afterKey = query.backward ? page.firstKey : page.lastKey;
    query.afterId = edge.id;
    query.afterCreatedAt = edge.createdAt;
    query.offset = 0;
    return query;
}

} // namespace

class TestSourceParityUsers : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addSourceKinds(); }
    void initTestCase();
    void theSchemaIsTheSame();
    void everyPageIsTheDirectPage_data();
    void everyPageIsTheDirectPage();
    void countsAreTheDirectCounts_data();
    void countsAreTheDirectCounts();
    void onePersonsGrantsAreTheDirectOnes_data();
    void onePersonsGrantsAreTheDirectOnes();
    void accountsAreTheDirectOnes_data();
    void accountsAreTheDirectOnes();
    void theOverviewIsTheDirectOne();
    void badQueriesAreRefusedAlike_data();
    void badQueriesAreRefusedAlike();
    void cleanupTestCase() { removeConnections(); }

private:
    ParitySources &current() { return sourceKind() == SourceKind::Api ? m_api : m_pg; }
    DataSource &source() { return current().source(); }
    DataSource &direct() { return current().reference(); }

    ParitySources m_pg;
    ParitySources m_api;
};

void TestSourceParityUsers::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    const QString db = freshDatabase(users);
    QVERIFY(!db.isEmpty());
    QVERIFY2(m_pg.open(SourceKind::Pg, db, &error), qPrintable(error));
    QVERIFY2(m_api.open(SourceKind::Api, db, &error), qPrintable(error));
}

void TestSourceParityUsers::theSchemaIsTheSame()
{
    const SchemaInfo schema = settle(source().detectSchema());
    QCOMPARE(schema.kind, SchemaKind::AkakoLms);
    QCOMPARE(schema.roles, (QStringList{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                                        QStringLiteral("ADMIN")}));
    QCOMPARE(jsonText(schema), jsonText(settle(direct().detectSchema())));
}

void TestSourceParityUsers::everyPageIsTheDirectPage_data()
{
    QTest::addColumn<UserQuery>("query");
    QTest::addColumn<int>("expected"); // users in all pages
    QTest::newRow("newest first") << pageOf(40) << users;
    QTest::newRow("rolecallctl's page of 5000") << pageOf(5000) << users;
    UserQuery byName = pageOf(33);
    byName.sortKey = UserSortKey::Name;
    byName.ascending = true;
    QTest::newRow("by name") << byName << users;
    UserQuery byEmail = pageOf(50);
    byEmail.sortKey = UserSortKey::Email;
    QTest::newRow("by email, descending") << byEmail << users;
    UserQuery byClerkId = pageOf(64);
    byClerkId.sortKey = UserSortKey::ClerkId;
    byClerkId.ascending = true;
    QTest::newRow("by Clerk ID") << byClerkId << users;
    UserQuery backward = byName;
    backward.backward = true;
    QTest::newRow("by name, from the end") << backward << users;
    UserQuery offset = pageOf(25);
    offset.offset = 70;
    QTest::newRow("jump to the middle") << offset << users - 70;
    UserQuery search = pageOf(5);
    search.search = QStringLiteral("user14");
    QTest::newRow("search") << search << 11; // 14, 140..149
    UserQuery searchName = pageOf(5);
    searchName.search = QStringLiteral("müller");
    QTest::newRow("search a name, other case") << searchName << 20; // 10..19, 100..109
    UserQuery learners = pageOf(30);
    learners.role = QStringLiteral("LEARNER");
    learners.sortKey = UserSortKey::Email;
    learners.ascending = true;
    QTest::newRow("role, by email") << learners << users - users / 10;
    UserQuery none = pageOf(4);
    none.noRole = true;
    QTest::newRow("no role") << none << users / 10;
    // Seed users 1 and 101 were MENTORs from February to June 2024.
    UserQuery pastMentors = pageOf(1);
    pastMentors.role = QStringLiteral("MENTOR");
    pastMentors.asOf = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("role as of 2024") << pastMentors << 2;
    // Seed user 2's MENTOR starts in 30 days.
    UserQuery futureMentors = pastMentors;
    futureMentors.asOf = daysFromNow(40);
    QTest::newRow("role in 40 days") << futureMentors << 1;
    UserQuery before = pageOf(60);
    before.noRole = true;
    before.asOf = QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("no role before any grant") << before << users;
    UserQuery nobody = pageOf(10);
    nobody.search = QStringLiteral("nobody-at-all");
    QTest::newRow("no match") << nobody << 0;
}

void TestSourceParityUsers::everyPageIsTheDirectPage()
{
    QFETCH(UserQuery, query);
    QFETCH(int, expected);
    int seen = 0;
    for (int pages = 0; pages <= users; ++pages) {
        const UserPage page = settle(source().fetchUsers(query));
        const UserPage reference = settle(direct().fetchUsers(query));
        QCOMPARE(jsonText(page, query.sortKey), jsonText(reference, query.sortKey));
        QVERIFY(page.users.size() <= query.limit);
        seen += int(page.users.size());
        if (page.atEnd || page.users.isEmpty())
            break;
        query = nextOf(query, page);
    }
    QCOMPARE(seen, expected);
}

void TestSourceParityUsers::countsAreTheDirectCounts_data()
{
    everyPageIsTheDirectPage_data();
}

void TestSourceParityUsers::countsAreTheDirectCounts()
{
    QFETCH(UserQuery, query);
    QFETCH(int, expected);
    if (query.offset > 0)
        expected += query.offset; // a count ignores where a page starts
    QCOMPARE(settle(source().countUsers(query)), qint64(expected));
    QCOMPARE(settle(direct().countUsers(query)), qint64(expected));
}

void TestSourceParityUsers::onePersonsGrantsAreTheDirectOnes_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QDateTime>("asOf");
    QTest::addColumn<int>("grants");
    QTest::newRow("Clerk ID, now") << clerkIdOfSeedUser(101) << QDateTime() << 2;
    QTest::newRow("email, other case, 2024")
        << emailOfSeedUser(101).toUpper() << QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC)
        << 2;
    QTest::newRow("row id, scheduled grant") << QStringLiteral("cu0000000002") << QDateTime() << 2;
    QTest::newRow("the admin") << emailOfSeedUser(5) << daysFromNow(-1) << 2;
    QTest::newRow("no grants") << emailOfSeedUser(30) << QDateTime() << 0;
}

void TestSourceParityUsers::onePersonsGrantsAreTheDirectOnes()
{
    QFETCH(QString, user);
    QFETCH(QDateTime, asOf);
    QFETCH(int, grants);
    const QList<GrantView> views = settle(source().fetchGrants(user, asOf));
    QCOMPARE(views.size(), grants);
    QCOMPARE(jsonText(views), jsonText(settle(direct().fetchGrants(user, asOf))));
}

void TestSourceParityUsers::accountsAreTheDirectOnes_data()
{
    QTest::addColumn<QString>("clerkId");
    QTest::addColumn<bool>("canWrite");
    QTest::newRow("the admin") << clerkIdOfSeedUser(5) << true;
    QTest::newRow("a learner") << clerkIdOfSeedUser(7) << false;
    QTest::newRow("nobody") << QStringLiteral("user_nobody") << false;
}

void TestSourceParityUsers::accountsAreTheDirectOnes()
{
    QFETCH(QString, clerkId);
    QFETCH(bool, canWrite);
    const AccountAccess account = settle(source().fetchAccount(clerkId));
    QCOMPARE(account.canWrite(), canWrite);
    QCOMPARE(jsonText(account), jsonText(settle(direct().fetchAccount(clerkId))));
}

void TestSourceParityUsers::theOverviewIsTheDirectOne()
{
    const OverviewFigures figures = settle(source().fetchOverview());
    QCOMPARE(figures.users, qint64(users));
    QCOMPARE(figures.usersWithoutRole, qint64(users / 10));
    QCOMPARE(jsonText(figures), jsonText(settle(direct().fetchOverview())));
}

void TestSourceParityUsers::badQueriesAreRefusedAlike_data()
{
    QTest::addColumn<UserQuery>("query");
    QTest::addColumn<QString>("refusal");
    UserQuery owner = pageOf(10);
    owner.role = QStringLiteral("OWNER");
    QTest::newRow("unknown role")
        << owner
        << QStringLiteral("Validation: Unknown role OWNER; the database's roles are: LEARNER, "
                          "MENTOR, ADMIN");
    QTest::newRow("page of 0") << pageOf(0) << QString();
    QTest::newRow("page of 100000") << pageOf(100000) << QString();
    UserQuery both = pageOf(10);
    both.role = QStringLiteral("LEARNER");
    both.noRole = true;
    QTest::newRow("role and no role") << both << QString();
}

void TestSourceParityUsers::badQueriesAreRefusedAlike()
{
    QFETCH(UserQuery, query);
    QFETCH(QString, refusal);
    const DataSourceError error = refusalOf(source().fetchUsers(query));
    QCOMPARE(error.kind(), DataSourceError::Kind::Validation);
    if (!refusal.isEmpty())
        QCOMPARE(describe(error), refusal);
    QCOMPARE(error.kind(), refusalOf(direct().fetchUsers(query)).kind());
}

QTEST_GUILESS_MAIN(TestSourceParityUsers)
#include "tst_sourceparity_users.moc"

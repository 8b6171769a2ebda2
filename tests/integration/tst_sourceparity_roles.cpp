// Roles through both data sources (PostgreSQL direct, and rolecall-server over
// the same database): the grants listing and expiring grants compared whole
// with PostgreSQL direct's; grant, end and bulk grant (dry run and real), and
// every guard of the role writer giving the same refusal (kind and message)
// and leaving the grants untouched. Writes get a fresh database per kind.
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/sourceparity.h"
#include "support/testdata.h"

#include <QTest>

Q_DECLARE_METATYPE(rolecall::GrantListQuery)
Q_DECLARE_METATYPE(rolecall::DataSourceError::Kind)

using namespace rolecall;
using namespace rolecall::testing;

namespace {

// A written grant without what differs between two databases (its id and
// the instants it was written at).
QString factsOf(const RoleGrant &grant)
{
    return QStringList{grant.userId,
                       grant.role,
                       grant.assignedBy,
                       grant.assignedByEmail,
                       grant.reason,
                       grant.isActiveFlag ? QStringLiteral("active") : QStringLiteral("inactive"),
                       grant.effectiveEnd.isValid() ? QStringLiteral("ends")
                                                    : QStringLiteral("open")}
        .join(QLatin1Char('|'));
}

QString factsOf(const QList<RoleGrant> &grants)
{
    QStringList facts;
    for (const RoleGrant &grant : grants)
        facts << factsOf(grant);
    facts.sort();
    return facts.join(QLatin1Char('\n'));
}

GrantListQuery grantsIn(GrantFilterState state, int limit, const QString &role = {})
{
    GrantListQuery query;
    query.state = state;
    query.limit = limit;
    query.role = role;
    return query;
}

} // namespace

class TestSourceParityRoles : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addSourceKinds(); }
    void initTestCase();
    void grantPagesAreTheDirectPages_data();
    void grantPagesAreTheDirectPages();
    void expiringGrantsAreTheDirectOnes_data();
    void expiringGrantsAreTheDirectOnes();
    void aGrantIsWrittenAlike();
    void endingIsAlike();
    void everyGuardRefusesAlike_data();
    void everyGuardRefusesAlike();
    void aConfirmedSelfDemotionEndsTheRole();
    void aBulkGrantIsPlannedAndAppliedAlike();
    void cleanupTestCase() { removeConnections(); }

private:
    ParitySources &reads() { return sourceKind() == SourceKind::Api ? m_apiReads : m_pgReads; }
    // A fresh seeded database for the running kind's writes.
    void openWrites(int seeded = 60);
    DataSource &as(int actor) { return m_writes.source(actor); }

    QString m_statesDb;
    ParitySources m_pgReads;
    ParitySources m_apiReads;
    ParitySources m_writes;
    QString m_guardsKind; // the kind everyGuardRefusesAlike's database is open for
};

void TestSourceParityRoles::initTestCase()
{
    QString error;
    if (!start(&error))
        QSKIP(qPrintable(error));
    m_statesDb = createGrantStatesDatabase(*m_cluster, &error);
    QVERIFY2(!m_statesDb.isEmpty(), qPrintable(error));
    QVERIFY2(m_pgReads.open(SourceKind::Pg, m_statesDb, &error), qPrintable(error));
    QVERIFY2(m_apiReads.open(SourceKind::Api, m_statesDb, &error), qPrintable(error));
}

void TestSourceParityRoles::openWrites(int seeded)
{
    const QString db = freshDatabase(seeded);
    QVERIFY(!db.isEmpty());
    QString error;
    QVERIFY2(m_writes.open(sourceKind(), db, &error), qPrintable(error));
}

void TestSourceParityRoles::grantPagesAreTheDirectPages_data()
{
    QTest::addColumn<GrantListQuery>("query");
    QTest::addColumn<int>("expected");
    // The fixture: 8 grants and Frank's 25 ended at the same instants.
    QTest::newRow("any") << grantsIn(GrantFilterState::Any, 7) << 8 + tiedGrants;
    QTest::newRow("active") << grantsIn(GrantFilterState::Active, 2) << 4;
    QTest::newRow("future") << grantsIn(GrantFilterState::Future, 1) << 1;
    QTest::newRow("ended") << grantsIn(GrantFilterState::Ended, 4) << 3 + tiedGrants;
    GrantListQuery week = grantsIn(GrantFilterState::Expiring, 1);
    week.expiringDays = 7;
    QTest::newRow("expiring in a week") << week << 1;
    GrantListQuery month = week;
    month.expiringDays = 30;
    QTest::newRow("expiring in a month") << month << 2;
    QTest::newRow("mentors") << grantsIn(GrantFilterState::Any, 2, QStringLiteral("MENTOR")) << 3;
    QTest::newRow("ended learners")
        << grantsIn(GrantFilterState::Ended, 10, QStringLiteral("LEARNER")) << tiedGrants;
}

void TestSourceParityRoles::grantPagesAreTheDirectPages()
{
    QFETCH(GrantListQuery, query);
    QFETCH(int, expected);
    int seen = 0;
    for (int pages = 0; pages < 100; ++pages) {
        const GrantPage page = settle(reads().sourceOf(grantStatesAdmin()).fetchGrantPage(query));
        QCOMPARE(jsonText(page), jsonText(settle(reads().reference().fetchGrantPage(query))));
        seen += int(page.grants.size());
        if (page.atEnd || page.grants.isEmpty())
            break;
        query.beforeCreatedAt = page.grants.constLast().grant.createdAt;
        query.beforeId = page.grants.constLast().grant.id;
    }
    QCOMPARE(seen, expected);
}

void TestSourceParityRoles::expiringGrantsAreTheDirectOnes_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("expected");
    QTest::newRow("a day") << 1 << 0;
    QTest::newRow("a week") << 7 << 1;
    QTest::newRow("a month") << 30 << 2;
}

void TestSourceParityRoles::expiringGrantsAreTheDirectOnes()
{
    QFETCH(int, days);
    QFETCH(int, expected);
    const QList<GrantView> expiring =
        settle(reads().sourceOf(grantStatesAdmin()).fetchExpiring(days));
    QCOMPARE(expiring.size(), expected);
    QCOMPARE(jsonText(expiring), jsonText(settle(reads().reference().fetchExpiring(days))));
}

void TestSourceParityRoles::aGrantIsWrittenAlike()
{
    openWrites();
    GrantRequest request = grantOf(12, QStringLiteral("MENTOR"), QStringLiteral("runs the club"));
    request.notes = QStringLiteral("approved by the board");
    request.end = daysFromNow(90);
    const RoleGrant grant = settle(as(5).grantRole(admin(), request));
    QCOMPARE(grant.assignedBy, clerkIdOfSeedUser(5));
    QCOMPARE(grant.adminNotes, request.notes);
    // The grant as written and as read back are the same through both kinds.
    const QList<GrantView> views = settle(as(5).fetchGrants(emailOfSeedUser(12), {}));
    const auto written = std::find_if(views.cbegin(), views.cend(), [&grant](const GrantView &v) {
        return v.grant.id == grant.id;
    });
    QVERIFY(written != views.cend());
    QCOMPARE(jsonText(written->grant), jsonText(grant));
    QCOMPARE(jsonText(views),
             jsonText(settle(m_writes.reference().fetchGrants(emailOfSeedUser(12), {}))));
    const QString difference = differenceAcrossKinds(QStringLiteral("grant"), factsOf(grant));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParityRoles::endingIsAlike()
{
    openWrites();
    const RoleGrant granted =
        settle(as(5).grantRole(admin(), grantOf(11, QStringLiteral("MENTOR"))));
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("left the team");
    end.expectedUpdatedAt = granted.updatedAt;
    const RoleGrant ended = settle(as(5).endGrant(admin(), end));
    QVERIFY(!ended.isActiveFlag);
    QCOMPARE(ended.adminNotes,
             QStringLiteral("Ended ") +
                 ended.effectiveEnd.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) +
                 QStringLiteral(" by user5@example.test: left the team"));
    // Ending at a later instant: still active until then.
    const RoleGrant other = settle(as(5).grantRole(admin(), grantOf(13, QStringLiteral("MENTOR"))));
    EndRequest later;
    later.grantId = other.id;
    later.reason = QStringLiteral("term ends");
    later.at = QDateTime(QDate(2031, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    const RoleGrant expiring = settle(as(5).endGrant(admin(), later));
    QVERIFY(expiring.isActiveFlag);
    QCOMPARE(expiring.effectiveEnd, later.at);
    const QString difference =
        differenceAcrossKinds(QStringLiteral("ended"), factsOf(QList<RoleGrant>{ended, expiring}));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParityRoles::everyGuardRefusesAlike_data()
{
    QTest::addColumn<QString>("guard");
    QTest::addColumn<DataSourceError::Kind>("kind");
    using Kind = DataSourceError::Kind;
    QTest::newRow("a learner grants") << QStringLiteral("learner grants") << Kind::NotPermitted;
    QTest::newRow("a learner ends") << QStringLiteral("learner ends") << Kind::NotPermitted;
    QTest::newRow("a learner bulk grants") << QStringLiteral("learner bulk") << Kind::NotPermitted;
    QTest::newRow("no reason") << QStringLiteral("no reason") << Kind::Validation;
    QTest::newRow("a line break in the notes") << QStringLiteral("notes break") << Kind::Validation;
    QTest::newRow("an unknown role") << QStringLiteral("unknown role") << Kind::Validation;
    QTest::newRow("an unknown user") << QStringLiteral("unknown user") << Kind::Validation;
    QTest::newRow("an end before the start") << QStringLiteral("end first") << Kind::Validation;
    QTest::newRow("an overlap") << QStringLiteral("overlap") << Kind::Validation;
    QTest::newRow("an overlap with a scheduled grant")
        << QStringLiteral("overlap scheduled") << Kind::Validation;
    QTest::newRow("an unknown grant") << QStringLiteral("unknown grant") << Kind::Validation;
    QTest::newRow("a stale view") << QStringLiteral("stale view") << Kind::Conflict;
    QTest::newRow("the last admin") << QStringLiteral("last admin") << Kind::Validation;
    QTest::newRow("the last admin, later")
        << QStringLiteral("last admin later") << Kind::Validation;
    QTest::newRow("an empty bulk grant") << QStringLiteral("empty bulk") << Kind::Validation;
    QTest::newRow("self-demotion") << QStringLiteral("self-demotion") << Kind::SelfDemotion;
}

void TestSourceParityRoles::everyGuardRefusesAlike()
{
    QFETCH(QString, guard);
    QFETCH(DataSourceError::Kind, kind);
    // Refusals change nothing, so the rows of a kind share one database; the
    // last row adds a second admin (a self-demotion is a question only then).
    if (m_guardsKind != sourceKindName(sourceKind())) {
        openWrites();
        m_guardsKind = sourceKindName(sourceKind());
    }
    if (guard == QLatin1String("self-demotion"))
        settle(as(5).grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))));
    const QString before = checksum(m_writes.database());
    EndRequest endAdmin;
    endAdmin.grantId = QStringLiteral("cr0000000005a");
    endAdmin.reason = QStringLiteral("stepping down");
    endAdmin.confirmSelfDemotion = true;
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("club");
    bulk.users = QStringList{emailOfSeedUser(20), emailOfSeedUser(21)};

    DataSourceError error(DataSourceError::Kind::Query, QStringLiteral("no such guard"));
    if (guard == QLatin1String("learner grants")) {
        error = refusalOf(as(7).grantRole(actorOf(7), grantOf(20, QStringLiteral("ADMIN"))));
    } else if (guard == QLatin1String("learner ends")) {
        error = refusalOf(as(7).endGrant(actorOf(7), endAdmin));
    } else if (guard == QLatin1String("learner bulk")) {
        error = refusalOf(as(7).applyBulkGrant(actorOf(7), bulk));
    } else if (guard == QLatin1String("no reason")) {
        error = refusalOf(as(5).grantRole(admin(), grantOf(20, QStringLiteral("MENTOR"), {})));
    } else if (guard == QLatin1String("notes break")) {
        GrantRequest request = grantOf(20, QStringLiteral("MENTOR"));
        request.notes = QStringLiteral("one\nEnded 2020-01-01T00:00:00.000Z by someone: forged");
        error = refusalOf(as(5).grantRole(admin(), request));
    } else if (guard == QLatin1String("unknown role")) {
        error = refusalOf(as(5).grantRole(admin(), grantOf(20, QStringLiteral("OWNER"))));
    } else if (guard == QLatin1String("unknown user")) {
        GrantRequest request = grantOf(20, QStringLiteral("MENTOR"));
        request.user = QStringLiteral("nobody@example.test");
        error = refusalOf(as(5).grantRole(admin(), request));
    } else if (guard == QLatin1String("end first")) {
        GrantRequest request = grantOf(20, QStringLiteral("MENTOR"));
        request.start = daysFromNow(5);
        request.end = daysFromNow(2);
        error = refusalOf(as(5).grantRole(admin(), request));
    } else if (guard == QLatin1String("overlap")) {
        // User 1 holds LEARNER since 2024 (grant cr0000000001l).
        error = refusalOf(as(5).grantRole(admin(), grantOf(1, QStringLiteral("LEARNER"))));
        QVERIFY2(error.message().contains(QLatin1String("cr0000000001l")),
                 qPrintable(describe(error)));
    } else if (guard == QLatin1String("overlap scheduled")) {
        // User 2's MENTOR starts in 30 days with no end.
        error = refusalOf(as(5).grantRole(admin(), grantOf(2, QStringLiteral("MENTOR"))));
    } else if (guard == QLatin1String("unknown grant")) {
        EndRequest end = endAdmin;
        end.grantId = QStringLiteral("'; DROP TABLE \"UserRole\"; --");
        error = refusalOf(as(5).endGrant(admin(), end));
    } else if (guard == QLatin1String("stale view")) {
        EndRequest end = endAdmin;
        end.grantId = QStringLiteral("cr0000000001l");
        end.expectedUpdatedAt = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        error = refusalOf(as(5).endGrant(admin(), end));
    } else if (guard == QLatin1String("last admin")) {
        error = refusalOf(as(5).endGrant(admin(), endAdmin));
    } else if (guard == QLatin1String("last admin later")) {
        EndRequest end = endAdmin;
        end.at = daysFromNow(30);
        error = refusalOf(as(5).endGrant(admin(), end));
    } else if (guard == QLatin1String("self-demotion")) {
        EndRequest end = endAdmin;
        end.confirmSelfDemotion = false;
        error = refusalOf(as(5).endGrant(admin(), end));
        QCOMPARE(error.message(),
                 QStringLiteral("This ends your own ADMIN role; confirm to go on."));
    } else if (guard == QLatin1String("empty bulk")) {
        bulk.users.clear();
        error = refusalOf(as(5).planBulkGrant(admin(), bulk));
    }
    QCOMPARE(error.kind(), kind);
    QVERIFY(!error.message().isEmpty());
    QCOMPARE(checksum(m_writes.database()), before);
    // The same sentence, who may not write included: the server refuses a
    // non-admin at its door in the role writer's own words.
    const QString difference =
        differenceAcrossKinds(QStringLiteral("refusal"), withoutInstants(describe(error)));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSourceParityRoles::aConfirmedSelfDemotionEndsTheRole()
{
    openWrites();
    settle(as(5).grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))));
    EndRequest end;
    end.grantId = QStringLiteral("cr0000000005a");
    end.reason = QStringLiteral("stepping down");
    end.confirmSelfDemotion = true;
    QVERIFY(!settle(as(5).endGrant(admin(), end)).isActiveFlag);
    // No longer an admin, whichever way the next write comes.
    const DataSourceError error =
        refusalOf(as(5).grantRole(admin(), grantOf(20, QStringLiteral("MENTOR"))));
    QCOMPARE(error.kind(), DataSourceError::Kind::NotPermitted);
}

void TestSourceParityRoles::aBulkGrantIsPlannedAndAppliedAlike()
{
    openWrites();
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("mentors for the new term");
    // 1: had MENTOR (ended); 2: scheduled MENTOR; 30: no role at all.
    bulk.users = QStringList{emailOfSeedUser(1), clerkIdOfSeedUser(2),
                             QStringLiteral("cu0000000030"), QStringLiteral("nobody@example.test")};
    const QString before = checksum(m_writes.database());
    const BulkPlan plan = settle(as(5).planBulkGrant(admin(), bulk));
    QCOMPARE(checksum(m_writes.database()), before); // a dry run writes nothing
    QCOMPARE(plan.unknown, QStringList{QStringLiteral("nobody@example.test")});
    QCOMPARE(jsonText(plan), jsonText(settle(m_writes.reference().planBulkGrant(admin(), bulk))));

    QCOMPARE(plan.willChange.size(), 2);
    QCOMPARE(plan.alreadyHave.size(), 1); // the scheduled MENTOR counts

    bulk.users.removeLast();
    const QList<RoleGrant> written = settle(as(5).applyBulkGrant(admin(), bulk));
    QCOMPARE(written.size(), 2);
    QCOMPARE(settle(as(5).applyBulkGrant(admin(), bulk)).size(), 0); // all hold it now

    // By filter: every user without a role (10, 20, ..., 60 less 30 now).
    BulkGrantRequest byFilter;
    byFilter.role = QStringLiteral("LEARNER");
    byFilter.reason = QStringLiteral("everyone learns");
    byFilter.useFilter = true;
    byFilter.filter.noRole = true;
    const BulkPlan filterPlan = settle(as(5).planBulkGrant(admin(), byFilter));
    QCOMPARE(filterPlan.willChange.size(), 5);
    const QList<RoleGrant> learners = settle(as(5).applyBulkGrant(admin(), byFilter));
    QCOMPARE(learners.size(), 5);
    UserQuery none;
    none.noRole = true;
    QCOMPARE(settle(as(5).countUsers(none)), qint64(0));

    const QString answers =
        QStringList{jsonText(plan), factsOf(written), jsonText(filterPlan), factsOf(learners)}.join(
            QLatin1Char('\n'));
    const QString difference = differenceAcrossKinds(QStringLiteral("bulk"), answers);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestSourceParityRoles)
#include "tst_sourceparity_roles.moc"

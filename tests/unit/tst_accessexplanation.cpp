// explainAccess(): held, not yet held, ended, never granted, and the instant
// judged, from the grant rows alone (whatever state they came with).
#include "domain/accessexplanation.h"

#include <QJsonArray>
#include <QTest>

using namespace rolecall;

namespace {

QDateTime day(int d)
{
    return QDateTime(QDate(2025, 3, d), QTime(12, 0), Qt::UTC);
}

// A grant of `role` from day `from` to day `to` (0: open-ended), its row
// last written on day `updated` (0: the day it starts).
GrantView grant(const QString &id, const QString &role, int from, int to, bool active = true,
                int updated = 0)
{
    GrantView view;
    view.grant.id = id;
    view.grant.role = role;
    view.grant.effectiveStart = day(from);
    if (to > 0)
        view.grant.effectiveEnd = day(to);
    view.grant.isActiveFlag = active;
    view.grant.assignedBy = QStringLiteral("user_admin");
    view.grant.assignedByEmail = QStringLiteral("admin@example.test");
    view.grant.reason = QStringLiteral("reason of ") + id;
    view.grant.createdAt = day(from);
    view.grant.updatedAt = day(updated > 0 ? updated : from);
    view.state = GrantState::Active; // deliberately wrong: states are recomputed
    return view;
}

QString isoText(const QDateTime &instant)
{
    return instant.toString(Qt::ISODate);
}

} // namespace

class TestAccessExplanation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judgesEachCase_data();
    void judgesEachCase();
    void ordersTheGrantsThatDecide();
    void saysWhoEndedAGrantAndWhy();
    void judgesNowWithoutAnInstant();
    void givesTheSameAnswerAsJson();
};

void TestAccessExplanation::judgesEachCase_data()
{
    QTest::addColumn<QList<GrantView>>("grants");
    QTest::addColumn<int>("asOfDay");
    QTest::addColumn<AccessVerdict>("verdict");
    QTest::addColumn<QString>("decidingId");

    const QList<GrantView> history = {
        grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 2, 5),
        grant(QStringLiteral("b"), QStringLiteral("MENTOR"), 20, 0),
        grant(QStringLiteral("c"), QStringLiteral("LEARNER"), 1, 0),
    };
    QTest::newRow("held in the first grant")
        << history << 3 << AccessVerdict::Held << QStringLiteral("a");
    QTest::newRow("between the two: the next starts")
        << history << 10 << AccessVerdict::NotYetHeld << QStringLiteral("b");
    QTest::newRow("before any: the first starts")
        << history << 1 << AccessVerdict::NotYetHeld << QStringLiteral("a");
    QTest::newRow("held again later")
        << history << 25 << AccessVerdict::Held << QStringLiteral("b");
    QTest::newRow("end is exclusive")
        << history << 5 << AccessVerdict::NotYetHeld << QStringLiteral("b");
    QTest::newRow("start is inclusive")
        << history << 20 << AccessVerdict::Held << QStringLiteral("b");
    QTest::newRow("ended, nothing to come")
        << QList<GrantView>{grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 2, 5)} << 10
        << AccessVerdict::Ended << QStringLiteral("a");
    QTest::newRow("switched off before its end")
        << QList<GrantView>{grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 2, 0, false)} << 10
        << AccessVerdict::Ended << QStringLiteral("a");
    QTest::newRow("cancelled before it started")
        << QList<GrantView>{grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 20, 0, false, 8)}
        << 10 << AccessVerdict::Ended << QStringLiteral("a");
    QTest::newRow("cancelled later: still to come then")
        << QList<GrantView>{grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 20, 0, false, 15)}
        << 10 << AccessVerdict::NotYetHeld << QStringLiteral("a");
    QTest::newRow("switched off later: held before")
        << QList<GrantView>{grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 2, 9, false, 9)}
        << 4 << AccessVerdict::Held << QStringLiteral("a");
    QTest::newRow("switched off later: ended after")
        << QList<GrantView>{grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 2, 9, false, 9)}
        << 9 << AccessVerdict::Ended << QStringLiteral("a");
    QTest::newRow("another role only")
        << QList<GrantView>{history.last()} << 10 << AccessVerdict::NeverGranted << QString();
    QTest::newRow("no grants at all")
        << QList<GrantView>{} << 10 << AccessVerdict::NeverGranted << QString();
}

void TestAccessExplanation::judgesEachCase()
{
    QFETCH(QList<GrantView>, grants);
    QFETCH(int, asOfDay);
    QFETCH(AccessVerdict, verdict);
    QFETCH(QString, decidingId);

    const AccessExplanation e = explainAccess(grants, QStringLiteral("MENTOR"), day(asOfDay));
    QCOMPARE(e.verdict, verdict);
    QCOMPARE(e.holds(), verdict == AccessVerdict::Held);
    QCOMPARE(e.asOf, day(asOfDay));
    const GrantView *deciding = e.decidingGrant();
    QCOMPARE(deciding ? deciding->grant.id : QString(), decidingId);
    for (const GrantView &v : e.holding + e.future + e.ended)
        QCOMPARE(v.grant.role, QStringLiteral("MENTOR"));
    for (const GrantView &v : e.holding)
        QCOMPARE(v.state, GrantState::Active);
    for (const GrantView &v : e.future)
        QCOMPARE(v.state, GrantState::Future);
    for (const GrantView &v : e.ended)
        QCOMPARE(v.state, GrantState::Ended);
    const QStringList lines = explanationLines(e, isoText);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first().startsWith(QLatin1String("Holds MENTOR")), e.holds());
    if (deciding)
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(deciding->grant.id),
                 qPrintable(lines.join(QLatin1Char('\n'))));
}

void TestAccessExplanation::ordersTheGrantsThatDecide()
{
    const QList<GrantView> grants = {
        grant(QStringLiteral("short"), QStringLiteral("MENTOR"), 1, 15),
        grant(QStringLiteral("open"), QStringLiteral("MENTOR"), 3, 0),
        grant(QStringLiteral("old"), QStringLiteral("MENTOR"), 1, 2),
        grant(QStringLiteral("older"), QStringLiteral("MENTOR"), 1, 3),
    };
    const AccessExplanation e = explainAccess(grants, QStringLiteral("MENTOR"), day(10));
    QCOMPARE(e.verdict, AccessVerdict::Held);
    QCOMPARE(e.holding.size(), 2);
    QCOMPARE(e.holding.at(0).grant.id, QStringLiteral("open")); // runs longest
    QCOMPARE(e.ended.size(), 2);
    QCOMPARE(e.ended.at(0).grant.id, QStringLiteral("older")); // ended last
}

void TestAccessExplanation::saysWhoEndedAGrantAndWhy()
{
    GrantView ended = grant(QStringLiteral("g1"), QStringLiteral("MENTOR"), 2, 0, false, 6);
    ended.endedBy = QStringLiteral("boss@example.test");
    ended.endedReason = QStringLiteral("Cohort finished");
    const AccessExplanation e = explainAccess({ended}, QStringLiteral("MENTOR"), day(10));
    const QString text = explanationLines(e, isoText).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QLatin1String("the last grant ended on 2025-03-06T12:00:00Z")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("by boss@example.test, reason \"Cohort finished\"")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("granted by admin@example.test")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("reason \"reason of g1\"")), qPrintable(text));

    // Expired on its own: the end date passed, nobody ended it.
    const AccessExplanation expired =
        explainAccess({grant(QStringLiteral("g2"), QStringLiteral("MENTOR"), 2, 6)},
                      QStringLiteral("MENTOR"), day(10));
    QVERIFY(explanationLines(expired, isoText)
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("its end date passed")));
}

void TestAccessExplanation::judgesNowWithoutAnInstant()
{
    GrantView running = grant(QStringLiteral("now"), QStringLiteral("MENTOR"), 1, 0);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const AccessExplanation e = explainAccess({running}, QStringLiteral("MENTOR"), {});
    QVERIFY(e.holds());
    QVERIFY(e.asOf >= before && e.asOf <= QDateTime::currentDateTimeUtc());
    QCOMPARE(e.asOf.timeSpec(), Qt::UTC);
}

void TestAccessExplanation::givesTheSameAnswerAsJson()
{
    const QList<GrantView> grants = {
        grant(QStringLiteral("a"), QStringLiteral("MENTOR"), 2, 5),
        grant(QStringLiteral("b"), QStringLiteral("MENTOR"), 20, 0),
    };
    const QJsonObject json =
        explanationJson(explainAccess(grants, QStringLiteral("MENTOR"), day(10)));
    QCOMPARE(json.value(QLatin1String("holds")).toBool(), false);
    QCOMPARE(json.value(QLatin1String("verdict")).toString(), QStringLiteral("future"));
    QCOMPARE(json.value(QLatin1String("asOf")).toString(),
             QStringLiteral("2025-03-10T12:00:00.000Z"));
    const QJsonObject next = json.value(QLatin1String("future")).toArray().first().toObject();
    QCOMPARE(next.value(QLatin1String("id")).toString(), QStringLiteral("b"));
    QCOMPARE(next.value(QLatin1String("start")).toString(),
             QStringLiteral("2025-03-20T12:00:00.000Z"));
    QVERIFY(next.value(QLatin1String("end")).isNull());
    QCOMPARE(next.value(QLatin1String("grantedByEmail")).toString(),
             QStringLiteral("admin@example.test"));
    const QJsonObject last = json.value(QLatin1String("ended")).toArray().first().toObject();
    QCOMPARE(last.value(QLatin1String("endedAt")).toString(),
             QStringLiteral("2025-03-05T12:00:00.000Z"));
}

QTEST_GUILESS_MAIN(TestAccessExplanation)
#include "tst_accessexplanation.moc"

// StaleAnswerGuard: a wrapped handler runs until the next renew(), tickets
// tell current from stale, and a wrapped error handler still gets what it
// asks watchFuture() for (the DataSourceError or only its message).
#include "async/futurewatch.h"
#include "async/staleanswerguard.h"

#include <QObject>
#include <QTest>

#include <memory>
#include <optional>
#include <type_traits>

using namespace rolecall;

namespace {

QFuture<int> failedFuture(DataSourceError::Kind kind, const QString &message)
{
    return QtFuture::makeExceptionalFuture<int>(
        std::make_exception_ptr(DataSourceError(kind, message)));
}

} // namespace

class TestStaleAnswerGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasStartedOnlyAfterTheFirstRenew();
    void ticketsTellCurrentFromStale_data();
    void ticketsTellCurrentFromStale();
    void wrappedHandlerRunsUntilTheNextRenew();
    void wrappedHandlerGetsItsArgumentsAsGiven();
    void wrapperTakesExactlyWhatTheHandlerTakes();
    void wrappedErrorHandlerGetsTheErrorOrItsMessage();
    void answerToAReplacedRequestIsDropped();
};

void TestStaleAnswerGuard::hasStartedOnlyAfterTheFirstRenew()
{
    StaleAnswerGuard guard;
    QVERIFY(!guard.hasStarted());
    guard.renew();
    QVERIFY(guard.hasStarted());
    guard.renew();
    QVERIFY(guard.hasStarted());
}

void TestStaleAnswerGuard::ticketsTellCurrentFromStale_data()
{
    QTest::addColumn<int>("renewsBefore");
    QTest::addColumn<int>("renewsAfter");
    QTest::addColumn<bool>("current");
    QTest::newRow("nothing asked yet, no renew since") << 0 << 0 << true;
    QTest::newRow("asked, no renew since") << 1 << 0 << true;
    QTest::newRow("one renew since") << 1 << 1 << false;
    QTest::newRow("many renews since") << 2 << 5 << false;
}

void TestStaleAnswerGuard::ticketsTellCurrentFromStale()
{
    QFETCH(int, renewsBefore);
    QFETCH(int, renewsAfter);
    QFETCH(bool, current);
    StaleAnswerGuard guard;
    for (int i = 0; i < renewsBefore; ++i)
        guard.renew();
    const quint64 ticket = guard.ticket();
    for (int i = 0; i < renewsAfter; ++i)
        guard.renew();
    QCOMPARE(guard.isCurrent(ticket), current);
    QVERIFY(guard.isCurrent(guard.ticket()));
}

void TestStaleAnswerGuard::wrappedHandlerRunsUntilTheNextRenew()
{
    StaleAnswerGuard guard;
    guard.renew();
    int calls = 0;
    const auto handler = guard.current([&calls] { ++calls; });
    handler();
    handler(); // as often as it is called while current
    QCOMPARE(calls, 2);
    guard.renew();
    handler();
    QCOMPARE(calls, 2);

    const auto later = guard.current([&calls] { calls += 10; });
    later(); // wrapped after the renew: current
    QCOMPARE(calls, 12);
}

void TestStaleAnswerGuard::wrappedHandlerGetsItsArgumentsAsGiven()
{
    StaleAnswerGuard guard;
    QString seen;
    int total = 0;
    guard.current([&seen, &total](const QString &text, int n) {
        seen = text;
        total += n;
    })(QStringLiteral("page"), 3);
    QCOMPARE(seen, QStringLiteral("page"));
    QCOMPARE(total, 3);

    // A move-only argument is passed on, not copied.
    std::unique_ptr<int> taken;
    guard.current([&taken](std::unique_ptr<int> value) { taken = std::move(value); })(
        std::make_unique<int>(7));
    QVERIFY(taken);
    QCOMPARE(*taken, 7);

    // A reference stays a reference.
    int counter = 0;
    guard.current([](int &value) { ++value; })(counter);
    QCOMPARE(counter, 1);
}

void TestStaleAnswerGuard::wrapperTakesExactlyWhatTheHandlerTakes()
{
    StaleAnswerGuard guard;
    const auto onMessage = guard.current([](const QString &) {});
    const auto onError = guard.current([](const DataSourceError &) {});
    static_assert(std::is_invocable_v<decltype(onMessage), const QString &>);
    static_assert(!std::is_invocable_v<decltype(onMessage), const DataSourceError &>);
    static_assert(std::is_invocable_v<decltype(onError), const DataSourceError &>);
    static_assert(!std::is_invocable_v<decltype(onError), int>);
    QVERIFY(true); // the checks above are the test
}

void TestStaleAnswerGuard::wrappedErrorHandlerGetsTheErrorOrItsMessage()
{
    QObject context;
    StaleAnswerGuard guard;
    guard.renew();

    int values = 0;
    QString message;
    watchFuture(failedFuture(DataSourceError::Kind::Query, QStringLiteral("no such role")),
                &context, guard.current([&values](int) { ++values; }),
                guard.current([&message](const QString &text) { message = text; }));
    std::optional<DataSourceError::Kind> kind;
    watchFuture(failedFuture(DataSourceError::Kind::NotPermitted, QStringLiteral("not an admin")),
                &context, guard.current([&values](int) { ++values; }),
                guard.current([&kind](const DataSourceError &error) { kind = error.kind(); }));

    QTRY_VERIFY(context.children().isEmpty()); // both answers handled, their watchers gone
    QCOMPARE(values, 0);
    QCOMPARE(message, QStringLiteral("no such role"));
    QVERIFY(kind.has_value());
    QCOMPARE(*kind, DataSourceError::Kind::NotPermitted);
}

void TestStaleAnswerGuard::answerToAReplacedRequestIsDropped()
{
    QObject context;
    StaleAnswerGuard guard;
    QList<int> answers;
    const auto ask = [&](int value) {
        guard.renew();
        watchFuture(QtFuture::makeReadyFuture(value), &context,
                    guard.current([&answers](int answer) { answers.append(answer); }),
                    guard.current([](const QString &) {}));
    };
    ask(1);
    ask(2);                                    // replaces the first before its answer is handled
    QTRY_VERIFY(context.children().isEmpty()); // both answers handled, their watchers gone
    QCOMPARE(answers, QList<int>{2});
}

QTEST_GUILESS_MAIN(TestStaleAnswerGuard)
#include "tst_staleanswerguard.moc"

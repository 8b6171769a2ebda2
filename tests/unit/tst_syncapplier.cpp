#include "domain/datasourceerror.h"
#include "sync/syncapplier.h"

#include <QFuture>
#include <QSignalSpy>
#include <QTest>

#include <stdexcept>

using namespace rolecall;

// The batch runner behind the Sync screen's actions and `rolecallctl sync
// apply`: every action settles, whatever its future carries.
class TestSyncApplier final : public QObject
{
    Q_OBJECT

private:
    static QList<SyncAction> actions(int count)
    {
        QList<SyncAction> list;
        for (int i = 0; i < count; ++i) {
            SyncAction action;
            action.clerkId = QStringLiteral("user_%1").arg(i);
            list.append(action);
        }
        return list;
    }

    static QFuture<SyncActionResult> changed(const SyncAction &action)
    {
        SyncActionResult result;
        result.clerkId = action.clerkId;
        result.changed = true;
        return QtFuture::makeReadyFuture(result);
    }

    template <typename Exception>
    static QFuture<SyncActionResult> failing(Exception exception)
    {
        return QtFuture::makeExceptionalFuture<SyncActionResult>(
            std::make_exception_ptr(std::move(exception)));
    }

private Q_SLOTS:
    void anyExceptionFailsOnlyItsActionAndTheBatchGoesOn()
    {
        SyncApplier applier(
            [](const Actor &, const std::optional<ClerkUser> &, const SyncAction &action, bool) {
                if (action.clerkId == QLatin1String("user_1"))
                    return failing(std::runtime_error("driver threw"));
                return changed(action);
            });
        QSignalSpy failed(&applier, &SyncApplier::actionFailed);
        QSignalSpy finished(&applier, &SyncApplier::finished);
        applier.start(Actor{}, std::nullopt, actions(3), false);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("user_1"));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("driver threw"));
        QCOMPARE(finished.first().at(0).toInt(), 2); // changed
        QCOMPARE(finished.first().at(1).toInt(), 1); // failed
        QVERIFY(!applier.isRunning());
    }

    void aRefusalForNotBeingAnAdminEndsTheBatch()
    {
        int calls = 0;
        SyncApplier applier(
            [&calls](const Actor &, const std::optional<ClerkUser> &, const SyncAction &, bool) {
                ++calls;
                return failing(DataSourceError(DataSourceError::Kind::NotPermitted,
                                               QStringLiteral("not an admin")));
            });
        QSignalSpy failed(&applier, &SyncApplier::actionFailed);
        QSignalSpy finished(&applier, &SyncApplier::finished);
        applier.start(Actor{}, std::nullopt, actions(3), false);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(calls, 1);
        QCOMPARE(failed.first().at(2).toBool(), true);
        QCOMPARE(finished.first().at(2).toBool(), false); // not cancelled
    }

    void cancelStopsAfterTheActionInFlight()
    {
        SyncApplier *self = nullptr;
        SyncApplier applier([&self](const Actor &, const std::optional<ClerkUser> &,
                                    const SyncAction &action, bool) {
            self->cancel();
            return changed(action);
        });
        self = &applier;
        QSignalSpy done(&applier, &SyncApplier::actionDone);
        QSignalSpy finished(&applier, &SyncApplier::finished);
        applier.start(Actor{}, std::nullopt, actions(3), false);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(done.size(), 1);
        QCOMPARE(finished.first().at(2).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestSyncApplier)
#include "tst_syncapplier.moc"

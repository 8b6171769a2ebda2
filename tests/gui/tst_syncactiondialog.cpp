// The sync action dialog on the offscreen platform against a scripted
// SyncService (no database, no Clerk): a dry run of everyone, then Apply for
// those it would change; a not-permitted refusal stops the batch as
// SyncApplier stops it; a closed profile and a closed dialog.
#include "dialogs/syncactiondialog.h"
#include "domain/datasourceerror.h"
#include "support/tabchain.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace rolecall;

namespace {

enum class Answer { Changes, NothingToDo, Conflict, NotPermitted, Hold };

// Answers each person as scripted and notes every call.
class ScriptedSyncService final : public SyncService
{
public:
    struct Call
    {
        QString clerkId;
        bool dryRun;
    };

    void startRun() override {}
    void cancelRun() override {}
    SyncRun *currentRun() const override { return nullptr; }
    QString displayName() const override { return QStringLiteral("scripted"); }

    QFuture<SyncActionResult> apply(const Actor &, const SyncAction &action, bool dryRun) override
    {
        calls.append({action.clerkId, dryRun});
        const Answer answer = (dryRun ? preview : real).value(action.clerkId, Answer::Changes);
        const auto fail = [](DataSourceError::Kind kind, const QString &message) {
            return QtFuture::makeExceptionalFuture<SyncActionResult>(
                std::make_exception_ptr(DataSourceError(kind, message)));
        };
        switch (answer) {
        case Answer::Conflict:
            return fail(DataSourceError::Kind::Conflict,
                        QStringLiteral("The email belongs to another row."));
        case Answer::NotPermitted:
            return fail(DataSourceError::Kind::NotPermitted,
                        QStringLiteral("Only an active ADMIN may change users."));
        case Answer::Hold:
            held = std::make_shared<QPromise<SyncActionResult>>();
            held->start();
            return held->future();
        case Answer::Changes:
        case Answer::NothingToDo:
            break;
        }
        SyncActionResult result;
        result.clerkId = action.clerkId;
        result.kind = action.kind;
        result.dryRun = dryRun;
        result.changed = answer == Answer::Changes;
        result.summary = QStringLiteral("Synced %1.").arg(action.clerkId);
        return QtFuture::makeReadyFuture(result);
    }

    QHash<QString, Answer> preview; // by Clerk ID; unlisted: Changes
    QHash<QString, Answer> real;
    QList<Call> calls;
    std::shared_ptr<QPromise<SyncActionResult>> held;
};

QList<SyncAction> syncActions(const QStringList &clerkIds)
{
    QList<SyncAction> actions;
    for (const QString &id : clerkIds)
        actions.append(SyncAction{SyncAction::Kind::Sync, id, std::nullopt, {}});
    return actions;
}

QString outcome(const SyncActionDialog &dialog, int row)
{
    const QTableWidgetItem *item = dialog.resultsView()->item(row, 1);
    return item ? item->text() : QString();
}

const QStringList people{QStringLiteral("user_a"), QStringLiteral("user_b"),
                         QStringLiteral("user_c")};

} // namespace

class TestSyncActionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewsEveryoneThenAppliesThoseWhoWouldChange();
    void stopsThePreviewOnANotPermittedError();
    void stopsTheApplyOnANotPermittedError();
    void failsEveryoneOnceTheServiceIsGone();
    void dropsTheBatchWhenClosed();
    void tabReachesEveryControlWithoutATrap();
};

void TestSyncActionDialog::previewsEveryoneThenAppliesThoseWhoWouldChange()
{
    ScriptedSyncService service;
    service.preview = {{people.at(1), Answer::NothingToDo}, {people.at(2), Answer::Conflict}};
    SyncActionDialog dialog(&service, Actor{}, syncActions(people), QStringLiteral("Sync"));
    QSignalSpy applied(&dialog, &SyncActionDialog::applied);
    dialog.show();
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Previewed);
    QCOMPARE(service.calls.size(), 3);
    QCOMPARE(dialog.failures(), 1); // a conflict is that person's, the batch goes on
    QCOMPARE(outcome(dialog, 0), QStringLiteral("Would change"));
    QCOMPARE(outcome(dialog, 1), QStringLiteral("Nothing to do"));
    QCOMPARE(outcome(dialog, 2), QStringLiteral("Failed"));
    QCOMPARE(dialog.progressBar()->value(), 3);
    QVERIFY(dialog.summaryLabel()->text().contains(QLatin1String("Nothing was written")));
    QVERIFY(dialog.applyButton()->isEnabled());

    dialog.applyButton()->click();
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Applied);
    QCOMPARE(service.calls.size(), 4); // only the one the preview would change
    QCOMPARE(service.calls.last().clerkId, people.at(0));
    QVERIFY(!service.calls.last().dryRun);
    QCOMPARE(outcome(dialog, 0), QStringLiteral("Changed"));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toInt(), 1);
    QVERIFY(!dialog.applyButton()->isEnabled());
}

void TestSyncActionDialog::stopsThePreviewOnANotPermittedError()
{
    ScriptedSyncService service;
    service.preview = {{people.at(0), Answer::NotPermitted}};
    SyncActionDialog dialog(&service, Actor{}, syncActions(people), QStringLiteral("Sync"));
    dialog.show();
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Previewed);
    QCOMPARE(service.calls.size(), 1); // the others were never asked
    QCOMPARE(dialog.failures(), 1);
    QCOMPARE(outcome(dialog, 0), QStringLiteral("Failed"));
    QCOMPARE(outcome(dialog, 1), QStringLiteral("Not tried"));
    QCOMPARE(outcome(dialog, 2), QStringLiteral("Not tried"));
    QVERIFY2(dialog.summaryLabel()->text().contains(QLatin1String("Stopped after 1 of 3")),
             qPrintable(dialog.summaryLabel()->text()));
    QVERIFY(!dialog.applyButton()->isEnabled());
    dialog.applyActions(); // ignored after a refusal
    QCOMPARE(dialog.stage(), SyncActionDialog::Stage::Previewed);
    QVERIFY(dialog.previewButton()->isEnabled()); // may try again (say, once made ADMIN)
}

void TestSyncActionDialog::stopsTheApplyOnANotPermittedError()
{
    ScriptedSyncService service;
    service.real = {{people.at(1), Answer::NotPermitted}};
    SyncActionDialog dialog(&service, Actor{}, syncActions(people), QStringLiteral("Sync"));
    QSignalSpy applied(&dialog, &SyncActionDialog::applied);
    dialog.show();
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Previewed);
    dialog.applyActions();
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Applied);
    QCOMPARE(service.calls.size(), 5); // three previews, then two for real
    QCOMPARE(outcome(dialog, 0), QStringLiteral("Changed"));
    QCOMPARE(outcome(dialog, 1), QStringLiteral("Failed"));
    QCOMPARE(outcome(dialog, 2), QStringLiteral("Not tried"));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toInt(), 1);
}

void TestSyncActionDialog::failsEveryoneOnceTheServiceIsGone()
{
    auto service = std::make_unique<ScriptedSyncService>();
    SyncActionDialog dialog(service.get(), Actor{}, syncActions(people), QStringLiteral("Sync"));
    service.reset(); // the profile closed before the preview ran
    dialog.show();
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Previewed);
    QCOMPARE(dialog.failures(), 3);
    for (int row = 0; row < people.size(); ++row)
        QVERIFY(dialog.resultsView()->item(row, 2)->text().contains(QLatin1String("gone")));
    QVERIFY(!dialog.applyButton()->isEnabled());
}

void TestSyncActionDialog::dropsTheBatchWhenClosed()
{
    ScriptedSyncService service;
    service.preview = {{people.at(0), Answer::Hold}};
    SyncActionDialog dialog(&service, Actor{}, syncActions(people), QStringLiteral("Sync"));
    dialog.show();
    QTRY_VERIFY(service.held);
    dialog.reject();
    SyncActionResult late;
    late.clerkId = people.at(0);
    late.changed = true;
    service.held->addResult(late);
    service.held->finish();
    QTest::qWait(50); // a late answer would arrive through the event loop
    QCOMPARE(service.calls.size(), 1);
    QCOMPARE(outcome(dialog, 0), QString());
    QCOMPARE(dialog.stage(), SyncActionDialog::Stage::Previewing);
}

void TestSyncActionDialog::tabReachesEveryControlWithoutATrap()
{
    ScriptedSyncService service;
    SyncActionDialog dialog(&service, Actor{}, syncActions(people), QStringLiteral("Sync"));
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_COMPARE(dialog.stage(), SyncActionDialog::Stage::Previewed);
    QVERIFY(dialog.isAncestorOf(QApplication::focusWidget()));
    auto *results = dialog.findChild<QTableWidget *>(QStringLiteral("actionResults"));
    results->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(results->hasFocus());
    // The outcomes, then Apply (the default once previewed) and the others.
    const QString problem = testing::checkTabChain(&dialog, {results, dialog.applyButton()});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_MAIN(TestSyncActionDialog)
#include "tst_syncactiondialog.moc"

// The base of the grant dialogs on the offscreen platform, without a
// database: busy while a write runs, the error inline afterwards, a refresh
// asked for on a conflict or a lost connection only, and no write without a
// source.
#include "dialogs/writedialog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace rolecall;

namespace {

// The smallest write dialog: one input, the status rows, OK and Cancel.
class ProbeDialog final : public WriteDialog
{
public:
    ProbeDialog()
        : WriteDialog(nullptr, Actor{}, nullptr)
        , m_input(new QLabel(this))
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_input);
        addStatusRows(layout);
        addOkCancelButtons(layout, QStringLiteral("&Write"), QStringLiteral("Write"));
    }

    using WriteDialog::runWrite;
    using WriteDialog::sourceIsOpen;

    QLabel *input() const { return m_input; }
    int failures = 0;
    int values = 0;

private:
    void updateInputs() override { m_input->setEnabled(!isBusy()); }

    QLabel *m_input;
};

} // namespace

class TestWriteDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isBusyWhileAWriteRuns();
    void showsTheErrorInline_data();
    void showsTheErrorInline();
    void saysWhenNoDatabaseIsOpen();
};

void TestWriteDialog::isBusyWhileAWriteRuns()
{
    ProbeDialog dialog;
    dialog.show();
    auto *bar = dialog.findChild<QProgressBar *>();
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    QPromise<int> promise;
    promise.start();
    dialog.runWrite(promise.future(), [&dialog](int value) { dialog.values += value; });
    QVERIFY(dialog.isBusy());
    QVERIFY(bar->isVisible());
    QVERIFY(!dialog.input()->isEnabled());
    promise.addResult(2);
    promise.finish();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.values, 2);
    QVERIFY(!bar->isVisible());
    QVERIFY(dialog.input()->isEnabled());
    QVERIFY(dialog.errorText().isEmpty());
}

void TestWriteDialog::showsTheErrorInline_data()
{
    QTest::addColumn<DataSourceError::Kind>("kind");
    QTest::addColumn<bool>("refresh");
    QTest::newRow("conflict") << DataSourceError::Kind::Conflict << true;
    QTest::newRow("connection") << DataSourceError::Kind::Connection << true;
    QTest::newRow("not permitted") << DataSourceError::Kind::NotPermitted << false;
    QTest::newRow("validation") << DataSourceError::Kind::Validation << false;
}

void TestWriteDialog::showsTheErrorInline()
{
    QFETCH(DataSourceError::Kind, kind);
    QFETCH(bool, refresh);
    ProbeDialog dialog;
    dialog.show();
    QSignalSpy refreshNeeded(&dialog, &WriteDialog::refreshNeeded);
    const QString message = QStringLiteral("Someone else changed this grant.");
    dialog.runWrite(
        QtFuture::makeExceptionalFuture<int>(
            std::make_exception_ptr(DataSourceError(kind, message))),
        [&dialog](int) { ++dialog.values; },
        [&dialog](const DataSourceError &) { ++dialog.failures; });
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.failures, 1);
    QCOMPARE(dialog.values, 0);
    QCOMPARE(dialog.errorText(), message);
    QVERIFY(dialog.isVisible()); // stays open, what was typed kept
    QCOMPARE(refreshNeeded.size(), refresh ? 1 : 0);
}

void TestWriteDialog::saysWhenNoDatabaseIsOpen()
{
    ProbeDialog dialog;
    QVERIFY(!dialog.sourceIsOpen());
    QCOMPARE(dialog.errorText(), QStringLiteral("No database is open."));
}

QTEST_MAIN(TestWriteDialog)
#include "tst_writedialog.moc"

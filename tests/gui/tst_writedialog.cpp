// The base of the grant dialogs on the offscreen platform, without a
// database: busy while a write runs, the error inline afterwards, a refresh
// asked for on a conflict or a lost connection only, and no write without a
// source.
#include "dialogs/writedialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
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

// A write dialog with a typed field: disabled while busy (so the focus leaves
// it), and typed input to lose.
class TypingDialog final : public WriteDialog
{
public:
    TypingDialog()
        : WriteDialog(nullptr, Actor{}, nullptr)
        , m_reason(new QLineEdit(this))
    {
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_reason);
        addStatusRows(layout);
        addOkCancelButtons(layout, QStringLiteral("&Write"), QStringLiteral("Write"));
    }

    using WriteDialog::runWrite;

    QLineEdit *reason() const { return m_reason; }
    QPushButton *okButton() const
    {
        const auto buttons = findChildren<QPushButton *>();
        for (QPushButton *button : buttons)
            if (button->text() == QLatin1String("&Write"))
                return button;
        return nullptr;
    }
    int accepted = 0;

    void accept() override { ++accepted; } // a write would start here

private:
    void updateInputs() override { m_reason->setEnabled(!isBusy()); }
    bool hasTypedInput() const override { return !m_reason->text().isEmpty(); }

    QLineEdit *m_reason;
};

QMessageBox *discardQuestion(QWidget *dialog)
{
    return dialog->findChild<QMessageBox *>(QStringLiteral("discardQuestion"));
}

} // namespace

class TestWriteDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isBusyWhileAWriteRuns();
    void showsTheErrorInline_data();
    void showsTheErrorInline();
    void saysWhenNoDatabaseIsOpen();
    void aFailedWriteLeavesTheFocusOnTheWriteButton();
    void asksBeforeDiscardingTypedInput();
    void closesAtOnceWithNothingTyped();
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

void TestWriteDialog::aFailedWriteLeavesTheFocusOnTheWriteButton()
{
    TypingDialog dialog;
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.reason()->setFocus();
    QTest::keyClicks(dialog.reason(), QStringLiteral("Covers the spring cohort"));
    QPromise<int> promise;
    promise.start();
    dialog.runWrite(promise.future(), [](int) {});
    QVERIFY(!dialog.reason()->hasFocus()); // disabled while busy: the focus moved on
    promise.setException(std::make_exception_ptr(DataSourceError(
        DataSourceError::Kind::Connection, QStringLiteral("Nothing was written. Try again."))));
    promise.finish();
    QTRY_VERIFY(!dialog.isBusy());
    QTRY_COMPARE(QApplication::focusWidget(), dialog.okButton());
    QVERIFY(dialog.okButton()->isDefault());
    // Enter retries, and what was typed is still there.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(dialog.accepted, 1);
    QCOMPARE(dialog.reason()->text(), QStringLiteral("Covers the spring cohort"));
    QVERIFY(dialog.isVisible());
}

void TestWriteDialog::asksBeforeDiscardingTypedInput()
{
    TypingDialog dialog;
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClicks(dialog.reason(), QStringLiteral("typed"));

    QTest::keyClick(dialog.reason(), Qt::Key_Escape);
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = discardQuestion(&dialog)) && question->isVisible());
    QVERIFY(dialog.isVisible());
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    question->button(QMessageBox::Cancel)->click(); // keep typing
    QTRY_VERIFY(!discardQuestion(&dialog));
    QVERIFY(dialog.isVisible());
    QCOMPARE(rejected.size(), 0);
    QCOMPARE(dialog.reason()->text(), QStringLiteral("typed"));

    dialog.reject();
    QTRY_VERIFY((question = discardQuestion(&dialog)) && question->isVisible());
    question->button(QMessageBox::Discard)->click();
    QTRY_COMPARE(rejected.size(), 1);
    QVERIFY(!dialog.isVisible());
}

void TestWriteDialog::closesAtOnceWithNothingTyped()
{
    TypingDialog dialog;
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!discardQuestion(&dialog));
}

QTEST_MAIN(TestWriteDialog)
#include "tst_writedialog.moc"

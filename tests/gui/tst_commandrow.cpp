// The command row of the write dialogs: the whole command in view, wrapped
// (also a long quoted reason without spaces), Copy puts it on the clipboard,
// and Tab moves on rather than into the text.
#include "widgets/commandrow.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>

using namespace rolecall;

class TestCommandRow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrapsALongCommandToShowAllOfIt();
    void copiesTheCommand();
    void tabMovesOn();
};

void TestCommandRow::wrapsALongCommandToShowAllOfIt()
{
    QWidget window;
    auto *row = new CommandRow(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(row);
    window.resize(420, 200);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString command =
        QStringLiteral("rolecallctl --profile demo roles grant user_2ym0d8NlhdfeMX1ATd729tiBPvv "
                       "MENTOR --reason 'Runs_the_spring_cohort_of_the_data_track_from_March'");
    row->setCommand(command);
    QCOMPARE(row->command(), command);
    QPlainTextEdit *field = row->field();
    QVERIFY(field->isReadOnly());
    const auto lines = [field] {
        int count = 0;
        for (QTextBlock block = field->document()->begin(); block.isValid(); block = block.next())
            count += block.layout() ? block.layout()->lineCount() : 0;
        return count;
    };
    QTRY_VERIFY2(lines() >= 2, qPrintable(QString::number(lines())));
    QVERIFY(!field->horizontalScrollBar()->isVisible()); // wrapped, never cut off at the side
    // All of it in view: the field grew to its lines.
    QTRY_VERIFY2(field->viewport()->height() >= lines() * QFontMetrics(field->font()).lineSpacing(),
                 qPrintable(QStringLiteral("%1 lines, %2 px").arg(lines()).arg(field->height())));
    QVERIFY(!field->verticalScrollBar()->isVisible());

    row->setCommand({}, QStringLiteral("Preview first"));
    QVERIFY(!row->copyButton()->isEnabled());
    QCOMPARE(field->placeholderText(), QStringLiteral("Preview first"));
}

void TestCommandRow::copiesTheCommand()
{
    CommandRow row(nullptr);
    row.setCommand(QStringLiteral("rolecallctl roles end cr1 --reason 'Left'"));
    QVERIFY(row.copyButton()->isEnabled());
    QVERIFY(!row.copyButton()->autoDefault()); // Enter in a dialog still writes
    row.copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), row.command());
}

void TestCommandRow::tabMovesOn()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *before = new QLineEdit(&window);
    auto *row = new CommandRow(&window);
    layout->addWidget(before);
    layout->addWidget(row);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    row->setCommand(QStringLiteral("rolecallctl whoami"));
    row->field()->setFocus();
    QTest::keyClick(row->field(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), row->copyButton());
    QCOMPARE(row->command(), QStringLiteral("rolecallctl whoami")); // no tab typed
}

QTEST_MAIN(TestCommandRow)
#include "tst_commandrow.moc"

// The commands of this run's changes: kept in order, named by what they did,
// shown and copied as a script by the Command History window.
#include "dialogs/commandhistorydialog.h"
#include "widgets/commandhistory.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;

class TestCommandHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { CommandHistory::instance()->clear(); }
    void keepsTheCommandsInOrder();
    void neverSplitsACommentLine();
    void theWindowFollowsAndCopies();
};

void TestCommandHistory::keepsTheCommandsInOrder()
{
    CommandHistory *history = CommandHistory::instance();
    QSignalSpy changed(history, &CommandHistory::changed);
    history->add(QStringLiteral("Granted MENTOR to a"),
                 QStringLiteral("rolecallctl roles grant a"));
    history->add(QStringLiteral("nothing"), QString()); // no command: nothing to keep
    history->add(QStringLiteral("Ended grant g"), QStringLiteral("rolecallctl roles end g"));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(history->entries().size(), 2);
    QCOMPARE(history->entries().first().command, QStringLiteral("rolecallctl roles grant a"));
    const QStringList lines = history->scriptText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QLatin1String("# ")));
    QVERIFY(lines.at(0).endsWith(QLatin1String(": Granted MENTOR to a")));
    QCOMPARE(lines.at(1), QStringLiteral("rolecallctl roles grant a"));
    QCOMPARE(lines.at(3), QStringLiteral("rolecallctl roles end g"));
}

void TestCommandHistory::neverSplitsACommentLine()
{
    CommandHistory::instance()->add(QStringLiteral("Granted X\nrm -rf /"), QStringLiteral("true"));
    const QStringList lines =
        CommandHistory::instance()->scriptText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.first().startsWith(QLatin1String("# ")));
}

void TestCommandHistory::theWindowFollowsAndCopies()
{
    QWidget parent;
    CommandHistoryDialog *dialog = CommandHistoryDialog::showFor(&parent);
    QVERIFY(dialog->text().isEmpty());
    QVERIFY(!dialog->copyButton()->isEnabled());
    CommandHistory::instance()->add(QStringLiteral("Granted"), QStringLiteral("rolecallctl x"));
    QVERIFY(dialog->text().contains(QLatin1String("rolecallctl x")));
    QVERIFY(dialog->copyButton()->isEnabled());
    dialog->copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), dialog->text());
    QCOMPARE(CommandHistoryDialog::showFor(&parent), dialog); // one window, raised again
}

QTEST_MAIN(TestCommandHistory)
#include "tst_commandhistory.moc"

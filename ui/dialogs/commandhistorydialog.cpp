#include "dialogs/commandhistorydialog.h"

#include "widgets/commandhistory.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

CommandHistoryDialog::CommandHistoryDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("commandHistoryDialog"));
    setWindowTitle(tr("Command History"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("The rolecallctl commands that make the changes made in this session, oldest first."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("commandHistoryText"));
    m_text->setAccessibleName(tr("Commands"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true); // a keyboard user is not trapped in it
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("No changes made yet."));
    layout->addWidget(m_text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy All"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyCommandsButton"));
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(CommandHistory::instance(), &CommandHistory::changed, this,
            &CommandHistoryDialog::refresh);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    resize(60 * em, 24 * fontMetrics().height());
    refresh();
}

CommandHistoryDialog::~CommandHistoryDialog() = default;

CommandHistoryDialog *CommandHistoryDialog::showFor(QWidget *parent)
{
    auto *dialog = parent->findChild<CommandHistoryDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new CommandHistoryDialog(parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QString CommandHistoryDialog::text() const
{
    return m_text->toPlainText();
}

void CommandHistoryDialog::refresh()
{
    m_text->setPlainText(CommandHistory::instance()->scriptText());
    m_copy->setEnabled(!CommandHistory::instance()->entries().isEmpty());
}

} // namespace rolecall

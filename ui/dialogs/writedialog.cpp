#include "dialogs/writedialog.h"

#include "services/datasource.h"
#include "widgets/commandhistory.h"
#include "widgets/commandrow.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

namespace rolecall {

WriteDialog::WriteDialog(DataSource *source, const Actor &actor, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_actor(actor)
    , m_error(new QLabel(this))
    , m_busyBar(new QProgressBar(this))
{
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Problem"));
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(palette);
    m_error->hide();

    // One request in flight, no measure of how far it is: a busy bar.
    m_busyBar->setObjectName(QStringLiteral("writeProgress"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setAccessibleName(tr("Writing"));
    m_busyBar->hide();
}

WriteDialog::~WriteDialog() = default;

DataSource *WriteDialog::source() const
{
    return m_source;
}

QString WriteDialog::errorText() const
{
    return !m_error->isHidden() ? m_error->text() : QString();
}

void WriteDialog::addStatusRows(QBoxLayout *layout)
{
    layout->addWidget(m_error);
    layout->addWidget(m_busyBar);
}

QDialogButtonBox *WriteDialog::addOkCancelButtons(QBoxLayout *layout, const QString &okText,
                                                  const QString &okAccessibleName)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(okAccessibleName);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    return buttons;
}

void WriteDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void WriteDialog::addCommandRow(QBoxLayout *layout)
{
    m_command = new CommandRow(this);
    layout->addWidget(m_command);
}

void WriteDialog::setCommand(const QString &command, const QString &placeholder)
{
    if (m_command)
        m_command->setCommand(command, placeholder);
}

QString WriteDialog::commandText() const
{
    return m_command ? m_command->command() : QString();
}

QString WriteDialog::commandProfile() const
{
    return CommandHistory::instance()->profile();
}

void WriteDialog::recordCommand(const QString &what) const
{
    CommandHistory::instance()->add(what, commandText());
}

QWidget *WriteDialog::retryFocusWidget() const
{
    return m_okButton;
}

void WriteDialog::focusRetry()
{
    QWidget *target = retryFocusWidget();
    if (target && target->isEnabled())
        target->setFocus(Qt::OtherFocusReason);
    else
        focusNextPrevChild(true); // the first field that takes focus
}

void WriteDialog::reject()
{
    if (m_discardConfirmed || !hasTypedInput()) {
        QDialog::reject();
        return;
    }
    auto *question = new QMessageBox(QMessageBox::Question, tr("Discard What You Typed?"),
                                     tr("Close without writing? What you typed will be lost."),
                                     QMessageBox::Discard | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("discardQuestion"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this](int answer) {
        if (answer != QMessageBox::Discard)
            return;
        m_discardConfirmed = true;
        QDialog::reject();
    });
    question->open();
}

bool WriteDialog::sourceIsOpen()
{
    if (m_source)
        return true;
    showError(tr("No database is open."));
    return false;
}

void WriteDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    updateInputs();
}

} // namespace rolecall

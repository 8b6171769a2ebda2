#include "dialogs/writedialog.h"

#include "services/datasource.h"
#include "widgets/commandhistory.h"
#include "widgets/commandrow.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace rolecall {

namespace {

void paintAsError(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(palette);
}

} // namespace

WriteDialog::WriteDialog(DataSource *source, const Actor &actor, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_actor(actor)
    , m_error(new QLabel(this))
    , m_busyBar(new QProgressBar(this))
{
    m_error->setObjectName(QStringLiteral("errorLabel"));
    paintAsError(m_error);
    m_error->setAccessibleName(tr("Problem"));
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

QString WriteDialog::fieldErrorText(const QString &field) const
{
    for (const FieldErrorRow &row : m_fieldRows)
        if (row.field == field && !row.label->isHidden())
            return row.label->text();
    return {};
}

void WriteDialog::addFieldErrorRow(QFormLayout *form, const QString &field, QWidget *input)
{
    auto *label = new QLabel(this);
    label->setObjectName(field + QLatin1String("FieldError"));
    paintAsError(label);
    label->setAccessibleName(tr("Problem with this field"));
    form->addRow(QString(), label);
    form->setRowVisible(label, false);
    m_fieldRows.append({field, form, label, input});
}

void WriteDialog::clearFieldErrors()
{
    for (const FieldErrorRow &row : std::as_const(m_fieldRows)) {
        row.label->clear();
        row.form->setRowVisible(row.label, false);
    }
}

void WriteDialog::showWriteError(const DataSourceError &error)
{
    clearFieldErrors();
    QStringList unplaced;
    QWidget *firstInput = nullptr;
    for (const FieldError &problem : error.fieldErrors()) {
        const auto row = std::find_if(
            m_fieldRows.cbegin(), m_fieldRows.cend(), [&problem](const FieldErrorRow &r) {
                return !problem.field.isEmpty() && r.field == problem.field;
            });
        if (row == m_fieldRows.cend()) {
            unplaced << (problem.field.isEmpty()
                             ? problem.message
                             : QString(problem.field + QLatin1String(": ") + problem.message));
            continue;
        }
        const QString shown = row->label->text();
        row->label->setText(shown.isEmpty() ? problem.message
                                            : QString(shown + QLatin1Char('\n') + problem.message));
        row->form->setRowVisible(row->label, true);
        if (!firstInput)
            firstInput = row->input;
    }
    if (!firstInput) {
        showError(error.message());
        focusRetry();
        return;
    }
    QStringList lines{error.summary()};
    lines += unplaced;
    lines.removeAll(QString());
    showError(lines.join(QLatin1Char('\n')));
    if (firstInput->isEnabled())
        firstInput->setFocus(Qt::OtherFocusReason);
    else
        focusRetry();
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

#include "dialogs/bulkgrantdialog.h"

#include "dialogs/dialogsupport.h"
#include "domain/ctlcommand.h"
#include "services/datasource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace rolecall {

namespace {
constexpr int listedAtMost = 500; // the preview lists this many names per group
}

BulkGrantDialog::BulkGrantDialog(DataSource *source, const Actor &actor, const QStringList &roles,
                                 const QStringList &selection, const UserQuery &filter,
                                 const QString &filterText, QWidget *parent)
    : WriteDialog(source, actor, parent)
    , m_selection(selection)
    , m_filter(filter)
{
    setWindowTitle(tr("Bulk Grant"));
    setObjectName(QStringLiteral("bulkGrantDialog"));
    auto *layout = new QVBoxLayout(this);
    const QLocale locale;

    m_useSelection = new QRadioButton(
        selection.size() == 1
            ? tr("The user %1").arg(selection.first())
            : tr("The %1 selected users").arg(locale.toString(qsizetype(selection.size()))),
        this);
    m_useSelection->setObjectName(QStringLiteral("useSelectionButton"));
    m_useSelection->setAccessibleName(tr("Grant to the selected users"));
    m_useSelection->setEnabled(!selection.isEmpty());
    m_useFilter = new QRadioButton(tr("Every user matching the filter: %1").arg(filterText), this);
    m_useFilter->setObjectName(QStringLiteral("useFilterButton"));
    m_useFilter->setAccessibleName(tr("Grant to every user matching the filter"));
    (selection.isEmpty() ? m_useFilter : m_useSelection)->setChecked(true);
    layout->addWidget(m_useSelection);
    layout->addWidget(m_useFilter);

    auto *form = new QFormLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleBox"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItems(roles);
    form->addRow(tr("&Role:"), m_role);
    addFieldErrorRow(form, QStringLiteral("role"), m_role);
    const dialogs::EndFields end = dialogs::makeEndFields(
        dialogs::minuteOf(QDateTime::currentDateTime()).addDays(30), tr("The grants end"), this);
    m_hasEnd = end.hasEnd;
    m_end = end.end;
    form->addRow(tr("End:"), end.row);
    addFieldErrorRow(form, QStringLiteral("effectiveEnd"), m_end);
    m_reason = dialogs::makeReasonField(tr("Why these people get the role (required)"), this);
    form->addRow(tr("Rea&son:"), m_reason);
    addFieldErrorRow(form, QStringLiteral("reason"), m_reason);
    m_notes = dialogs::makeNotesField(3, this);
    form->addRow(tr("&Notes:"), m_notes);
    addFieldErrorRow(form, QStringLiteral("notes"), m_notes);
    layout->addLayout(form);

    m_planSummary = new QLabel(tr("Preview to see who changes before anything is written."), this);
    m_planSummary->setTextFormat(Qt::PlainText);
    m_planSummary->setObjectName(QStringLiteral("planSummary"));
    m_planSummary->setWordWrap(true);
    m_planSummary->setAccessibleName(tr("Preview summary"));
    layout->addWidget(m_planSummary);
    m_planList = new QListWidget(this);
    m_planList->setObjectName(QStringLiteral("planList"));
    m_planList->setAccessibleName(tr("Who changes and who already has the role"));
    m_planList->setMinimumHeight(m_planList->fontMetrics().height() * 8);
    layout->addWidget(m_planList, 1);

    addStatusRows(layout);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Result"));
    m_summary->hide();
    layout->addWidget(m_summary);
    addCommandRow(layout);

    auto *buttons = new QDialogButtonBox(this);
    m_previewButton = buttons->addButton(tr("&Preview"), QDialogButtonBox::ActionRole);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_previewButton, &QPushButton::clicked, this, &BulkGrantDialog::preview);
    connect(m_applyButton, &QPushButton::clicked, this, &BulkGrantDialog::apply);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        if (m_done)
            accept();
        else
            reject();
    });
    layout->addWidget(buttons);

    for (QRadioButton *radio : {m_useSelection, m_useFilter})
        connect(radio, &QRadioButton::toggled, this, &BulkGrantDialog::inputsChanged);
    connect(m_role, &QComboBox::currentTextChanged, this, &BulkGrantDialog::inputsChanged);
    connect(m_hasEnd, &QCheckBox::toggled, this, &BulkGrantDialog::inputsChanged);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &BulkGrantDialog::inputsChanged);
    connect(m_reason, &QLineEdit::textChanged, this, &BulkGrantDialog::inputsChanged);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &BulkGrantDialog::inputsChanged);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40);
    updateButtons();
}

BulkGrantDialog::~BulkGrantDialog() = default;

void BulkGrantDialog::setRole(const QString &role)
{
    m_role->setCurrentText(role);
}

void BulkGrantDialog::setUseFilter(bool useFilter)
{
    (useFilter ? m_useFilter : m_useSelection)->setChecked(true);
}

BulkGrantRequest BulkGrantDialog::request() const
{
    BulkGrantRequest request;
    request.role = m_role->currentText();
    request.reason = m_reason->text().trimmed();
    request.notes = m_notes->toPlainText();
    if (m_hasEnd->isChecked())
        request.end = m_end->dateTime().toUTC();
    request.useFilter = m_useFilter->isChecked();
    if (request.useFilter)
        request.filter = m_filter;
    else
        request.users = m_selection;
    return request;
}

QString BulkGrantDialog::validationProblem() const
{
    const BulkGrantRequest r = request();
    if (r.role.isEmpty())
        return tr("This database has no roles to grant.");
    if (r.end.isValid() && r.end <= QDateTime::currentDateTimeUtc())
        return tr("The end (%1) must come after the start (%2).")
            .arg(dialogs::instantText(r.end), tr("now"));
    return dialogs::textProblem(m_reason->text(), r.notes);
}

QString BulkGrantDialog::summaryText() const
{
    return !m_summary->isHidden() ? m_summary->text() : QString();
}

void BulkGrantDialog::inputsChanged()
{
    if (m_planned) {
        m_planned = false;
        m_planList->clear();
        m_planSummary->setText(tr("The inputs changed: preview again before applying."));
    }
    const QString problem = validationProblem();
    showError(m_reason->text().isEmpty() ? QString() : problem);
    updateButtons();
}

QWidget *BulkGrantDialog::retryFocusWidget() const
{
    return m_applyButton->isEnabled() ? m_applyButton : m_previewButton;
}

bool BulkGrantDialog::hasTypedInput() const
{
    return !m_done &&
           (!m_reason->text().trimmed().isEmpty() || !m_notes->toPlainText().trimmed().isEmpty());
}

void BulkGrantDialog::updateCommand()
{
    QStringList planned;
    if (m_planned) {
        for (const User &user : std::as_const(m_plan.willChange))
            planned << (user.clerkId.isEmpty() ? user.id : user.clerkId);
    }
    setCommand(ctl::bulkGrantCommand(request(), planned, commandProfile()),
               tr("Preview first: the command names the people who change."));
}

void BulkGrantDialog::updateButtons()
{
    updateCommand();
    const bool valid = validationProblem().isEmpty();
    m_previewButton->setEnabled(valid && !isBusy() && !m_done);
    m_applyButton->setEnabled(valid && !isBusy() && !m_done && m_planned &&
                              !m_plan.willChange.isEmpty());
    m_closeButton->setText(m_done ? tr("&Close") : tr("&Cancel"));
}

void BulkGrantDialog::updateInputs()
{
    const bool idle = !isBusy() && !m_done;
    for (QWidget *field : std::initializer_list<QWidget *>{m_useSelection, m_useFilter, m_role,
                                                           m_hasEnd, m_reason, m_notes})
        field->setEnabled(idle);
    m_useSelection->setEnabled(idle && !m_selection.isEmpty());
    m_end->setEnabled(idle && m_hasEnd->isChecked());
    updateButtons();
}

void BulkGrantDialog::preview()
{
    if (isBusy() || !source() || !validationProblem().isEmpty())
        return;
    m_planSummary->setText(tr("Checking who would change…"));
    runWrite(
        source()->planBulkGrant(actor(), request()),
        [this](const BulkPlan &plan) { showPlan(plan); },
        [this](const DataSourceError &) { forgetPlan(); });
}

void BulkGrantDialog::showPlan(const BulkPlan &plan)
{
    m_plan = plan;
    m_planned = true;
    const QLocale locale;
    const QString role = m_role->currentText();
    m_planSummary->setText(tr("%1 will get %2; %3 already have it; %4 matched nobody.")
                               .arg(locale.toString(qsizetype(plan.willChange.size())), role,
                                    locale.toString(qsizetype(plan.alreadyHave.size())),
                                    locale.toString(qsizetype(plan.unknown.size()))));
    m_planList->clear();
    auto list = [this, &locale](const QString &heading, const QStringList &names) {
        if (names.isEmpty())
            return;
        auto *header = new QListWidgetItem(heading, m_planList);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        header->setFlags(Qt::ItemIsEnabled);
        for (qsizetype i = 0; i < names.size() && i < listedAtMost; ++i)
            m_planList->addItem(QStringLiteral("    ") + names.at(i));
        if (names.size() > listedAtMost)
            m_planList->addItem(
                tr("    … and %1 more").arg(locale.toString(names.size() - listedAtMost)));
    };
    auto namesOf = [](const QList<User> &users) {
        QStringList names;
        for (const User &user : users)
            names << (user.displayName().isEmpty()
                          ? user.email
                          : tr("%1 <%2>").arg(user.displayName(), user.email));
        return names;
    };
    list(tr("Will get %1:").arg(role), namesOf(plan.willChange));
    list(tr("Already have %1 (unchanged):").arg(role), namesOf(plan.alreadyHave));
    list(tr("Matched nobody:"), plan.unknown);
    updateButtons();
}

void BulkGrantDialog::apply()
{
    if (isBusy() || !m_planned || !source() || m_plan.willChange.isEmpty())
        return;
    // One transaction: the bar can only say "working" until it commits.
    runWrite(
        source()->applyBulkGrant(actor(), request()),
        [this](const QList<RoleGrant> &grants) {
            m_done = true;
            updateInputs();
            m_summary->setText(
                tr("Granted %1 to %2 users; %3 already had it. Nothing else changed.")
                    .arg(m_role->currentText(), QLocale().toString(qsizetype(grants.size())),
                         QLocale().toString(qsizetype(m_plan.alreadyHave.size()))));
            m_summary->show();
            recordCommand(tr("Granted %1 to %2 users")
                              .arg(m_role->currentText(), QString::number(grants.size())));
            Q_EMIT applied(int(grants.size()));
        },
        [this](const DataSourceError &) { forgetPlan(); });
}

void BulkGrantDialog::forgetPlan()
{
    m_planned = false;
    m_planSummary->setText(tr("Nothing was written."));
    updateButtons();
}

} // namespace rolecall

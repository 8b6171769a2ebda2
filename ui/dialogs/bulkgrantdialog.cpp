#include "dialogs/bulkgrantdialog.h"

#include "async/futurewatch.h"
#include "dialogs/dialogsupport.h"
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
#include <QProgressBar>
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
    : QDialog(parent)
    , m_source(source)
    , m_actor(actor)
    , m_selection(selection)
    , m_filter(filter)
{
    setWindowTitle(tr("Bulk Grant"));
    setObjectName(QStringLiteral("bulkGrantDialog"));
    auto *layout = new QVBoxLayout(this);
    const QLocale locale;

    m_useSelection = new QRadioButton(
        tr("The %1 selected users").arg(locale.toString(qsizetype(selection.size()))), this);
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
    auto *endRow = new QHBoxLayout;
    m_hasEnd = new QCheckBox(tr("&Ends on"), this);
    m_hasEnd->setObjectName(QStringLiteral("hasEndBox"));
    m_hasEnd->setAccessibleName(tr("The grants end"));
    m_end = dialogs::makeDateTimeEdit(dialogs::minuteOf(QDateTime::currentDateTime()).addDays(30),
                                      this);
    m_end->setObjectName(QStringLiteral("endEdit"));
    m_end->setAccessibleName(tr("End"));
    m_end->setEnabled(false);
    endRow->addWidget(m_hasEnd);
    endRow->addWidget(m_end, 1);
    form->addRow(tr("End:"), endRow);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonField"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why these people get the role (required)"));
    form->addRow(tr("Rea&son:"), m_reason);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesField"));
    m_notes->setAccessibleName(tr("Admin notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().height() * 3 + 12);
    form->addRow(tr("&Notes:"), m_notes);
    layout->addLayout(form);

    m_planSummary = new QLabel(tr("Preview to see who changes before anything is written."), this);
    m_planSummary->setObjectName(QStringLiteral("planSummary"));
    m_planSummary->setWordWrap(true);
    m_planSummary->setAccessibleName(tr("Preview summary"));
    layout->addWidget(m_planSummary);
    m_planList = new QListWidget(this);
    m_planList->setObjectName(QStringLiteral("planList"));
    m_planList->setAccessibleName(tr("Who changes and who already has the role"));
    m_planList->setMinimumHeight(m_planList->fontMetrics().height() * 8);
    layout->addWidget(m_planList, 1);

    m_error = dialogs::makeErrorLabel(this);
    layout->addWidget(m_error);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("applyProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Result"));
    m_summary->hide();
    layout->addWidget(m_summary);

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
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
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

QString BulkGrantDialog::errorText() const
{
    return !m_error->isHidden() ? m_error->text() : QString();
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
    dialogs::setError(m_error, m_reason->text().isEmpty() ? QString() : problem);
    updateButtons();
}

void BulkGrantDialog::updateButtons()
{
    const bool valid = validationProblem().isEmpty();
    m_previewButton->setEnabled(valid && !m_busy && !m_done);
    m_applyButton->setEnabled(valid && !m_busy && !m_done && m_planned &&
                              !m_plan.willChange.isEmpty());
    m_closeButton->setText(m_done ? tr("&Close") : tr("&Cancel"));
}

void BulkGrantDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *field : std::initializer_list<QWidget *>{m_useSelection, m_useFilter, m_role,
                                                           m_hasEnd, m_reason, m_notes})
        field->setEnabled(!busy && !m_done);
    m_useSelection->setEnabled(!busy && !m_done && !m_selection.isEmpty());
    m_end->setEnabled(!busy && !m_done && m_hasEnd->isChecked());
    updateButtons();
}

void BulkGrantDialog::preview()
{
    if (m_busy || !m_source || !validationProblem().isEmpty())
        return;
    setBusy(true);
    dialogs::setError(m_error, {});
    m_planSummary->setText(tr("Checking who would change…"));
    watchFuture(
        m_source->planBulkGrant(m_actor, request()), this,
        [this](const BulkPlan &plan) {
            setBusy(false);
            showPlan(plan);
        },
        [this](const DataSourceError &error) { fail(error); });
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
    if (m_busy || !m_planned || !m_source || m_plan.willChange.isEmpty())
        return;
    setBusy(true);
    dialogs::setError(m_error, {});
    // One transaction: the bar can only say "working" until it commits.
    m_progress->setRange(0, 0);
    m_progress->show();
    watchFuture(
        m_source->applyBulkGrant(m_actor, request()), this,
        [this](const QList<RoleGrant> &grants) {
            m_progress->setRange(0, 1);
            m_progress->setValue(1);
            m_done = true;
            setBusy(false);
            m_summary->setText(
                tr("Granted %1 to %2 users; %3 already had it. Nothing else changed.")
                    .arg(m_role->currentText(), QLocale().toString(qsizetype(grants.size())),
                         QLocale().toString(qsizetype(m_plan.alreadyHave.size()))));
            m_summary->show();
            Q_EMIT applied(int(grants.size()));
        },
        [this](const DataSourceError &error) {
            m_progress->hide();
            fail(error);
        });
}

void BulkGrantDialog::fail(const DataSourceError &error)
{
    setBusy(false);
    m_planned = false;
    m_planSummary->setText(tr("Nothing was written."));
    dialogs::setError(m_error, error.message());
    updateButtons();
    if (needsRefresh(error))
        Q_EMIT refreshNeeded();
}

} // namespace rolecall

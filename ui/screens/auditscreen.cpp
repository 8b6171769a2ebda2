#include "screens/auditscreen.h"

#include "itemmodels/audittablemodel.h"
#include "widgets/searchlistkeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>

namespace rolecall {

namespace {

constexpr int typingPauseMs = 300;

QDateTimeEdit *makeInstantField(QWidget *parent, const QString &objectName,
                                const QString &accessibleName, const QDateTime &initial)
{
    auto *field = new QDateTimeEdit(initial, parent);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    field->setCalendarPopup(true);
    field->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    field->setEnabled(false);
    return field;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

AuditScreen::AuditScreen(DataSource *source, QWidget *parent)
    : TableScreen(parent)
{
    setObjectName(QStringLiteral("auditScreen"));
    setAccessibleName(tr("Audit trail"));
    m_model = new AuditTableModel(nullptr, this);

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userFilter"));
    m_user->setAccessibleName(tr("User filter"));
    m_user->setPlaceholderText(tr("User: email or Clerk ID"));
    m_user->setClearButtonEnabled(true);
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("actorFilter"));
    m_actor->setAccessibleName(tr("Actor filter"));
    m_actor->setPlaceholderText(tr("By: email or Clerk ID"));
    m_actor->setClearButtonEnabled(true);
    // Wide enough for the hint, so nobody has to guess what goes in.
    for (QLineEdit *field : {m_user, m_actor})
        field->setMinimumWidth(fontMetrics().horizontalAdvance(field->placeholderText()) +
                               fontMetrics().height() * 3);

    const QDateTime now = QDateTime::currentDateTime();
    m_sinceOn = new QCheckBox(tr("&From"), this);
    m_sinceOn->setObjectName(QStringLiteral("sinceCheck"));
    m_sinceOn->setAccessibleName(tr("Limit the start of the time range"));
    m_since = makeInstantField(this, QStringLiteral("sinceField"), tr("From"), now.addDays(-30));
    m_untilOn = new QCheckBox(tr("&Until"), this);
    m_untilOn->setObjectName(QStringLiteral("untilCheck"));
    m_untilOn->setAccessibleName(tr("Limit the end of the time range"));
    m_until = makeInstantField(this, QStringLiteral("untilField"), tr("Until"), now);

    for (QWidget *w : {static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_actor),
                       static_cast<QWidget *>(roleFilter()), static_cast<QWidget *>(m_sinceOn),
                       static_cast<QWidget *>(m_since), static_cast<QWidget *>(m_untilOn),
                       static_cast<QWidget *>(m_until)})
        filterBar()->addWidget(w);
    // Filters ─▶ events ─▶ Refresh, Export, Copy.
    setKeyboardOrder(
        {m_user, m_actor, roleFilter(), m_sinceOn, m_since, m_untilOn, m_until, view()});

    view()->setObjectName(QStringLiteral("auditView"));
    // Down from the user filter to the first event, Up from the first row back.
    new SearchListKeys(m_user, view(), this);
    view()->setAccessibleName(tr("Audit events"));
    setModel(m_model);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setAccessibleName(tr("Event details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);
    m_details->hide();
    addContent(m_details);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(typingPauseMs);
    connect(m_debounce, &QTimer::timeout, this, &AuditScreen::applyFilters);
    connect(m_user, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_actor, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(roleFilter(), &QComboBox::currentIndexChanged, this, &AuditScreen::applyFilters);
    connect(m_sinceOn, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_untilOn, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    for (QCheckBox *check : {m_sinceOn, m_untilOn})
        connect(check, &QCheckBox::toggled, this, &AuditScreen::applyFilters);
    for (QDateTimeEdit *field : {m_since, m_until})
        connect(field, &QDateTimeEdit::dateTimeChanged, m_debounce, qOverload<>(&QTimer::start));

    connect(m_model, &AuditTableModel::loadingChanged, this, &AuditScreen::setModelBusy);
    connect(m_model, &AuditTableModel::errorOccurred, this, &AuditScreen::showError);
    connect(m_model, &AuditTableModel::modelReset, this, &AuditScreen::showDetails);
    connect(m_model, &AuditTableModel::pageLoaded, this, [this] {
        if (m_model->rowCount() == 0)
            showBanner(tr("No event matches these filters."));
    });
    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditScreen::showDetails);

    setDataSource(source);
}

AuditScreen::~AuditScreen() = default;

QString AuditScreen::title() const
{
    return tr("Aud&it");
}

QString AuditScreen::exportBaseName() const
{
    return QStringLiteral("audit");
}

// The trail with its filters, every event.
std::optional<DataScreen::StreamedExport> AuditScreen::streamedExport() const
{
    if (!isAvailable())
        return std::nullopt;
    return StreamedExport{
        csvStreamJob<AuditEvent, AuditQuery>(AuditTableModel::csvHeaders(),
                                             &AuditTableModel::csvFields, m_model->filter(),
                                             &DataSource::streamAudit),
        {tr("Exporting the audit trail…"), [](qint64 rows) {
             return tr("Exported %Ln event(s).", nullptr, int(qMin<qint64>(rows, INT_MAX)));
         }}};
}

QString AuditScreen::detailsText() const
{
    return m_details->isHidden() ? QString() : m_details->text();
}

void AuditScreen::schemaReady(const SchemaInfo &)
{
    m_model->setDataSource(dataSource());
    applyFilters();
}

void AuditScreen::clearModel()
{
    m_model->setDataSource(nullptr);
    m_model->clear();
}

void AuditScreen::applyFilters()
{
    m_debounce->stop();
    if (!isAvailable())
        return;
    AuditQuery filter;
    filter.user = m_user->text().trimmed();
    filter.actor = m_actor->text().trimmed();
    filter.role = roleFilter()->currentData().toString();
    if (m_sinceOn->isChecked())
        filter.since = m_since->dateTime().toUTC();
    if (m_untilOn->isChecked())
        filter.until = m_until->dateTime().toUTC();
    if (filter.since.isValid() && filter.until.isValid() && filter.until <= filter.since) {
        // Bad input changes nothing: the table keeps what it shows.
        showBanner(tr("The time range ends before it starts: move “Until” after “From”."),
                   MessageBanner::Kind::Warning);
        return;
    }
    const AuditQuery current = m_model->filter();
    if (m_model->rowCount() > 0 && current.user == filter.user && current.actor == filter.actor &&
        current.role == filter.role && current.since == filter.since &&
        current.until == filter.until)
        return; // nothing changed (a pause in typing that ended where it began)
    showBanner({});
    m_model->setFilter(filter);
}

void AuditScreen::showDetails()
{
    const QModelIndex current = view()->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_details->hide();
        return;
    }
    const AuditEvent &e = m_model->eventAt(current.row());
    QStringList lines;
    lines << tr("%1 %2 for %3 at %4")
                 .arg(AuditTableModel::actionLabel(e.action), e.role,
                      e.targetEmail.isEmpty() ? e.targetClerkId : e.targetEmail,
                      QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat));
    if (!e.reason.isEmpty())
        lines << tr("Reason: %1").arg(e.reason);
    if (!e.notes.trimmed().isEmpty())
        lines << tr("Notes: %1").arg(e.notes.trimmed());
    if (!e.before.isEmpty() || !e.after.isEmpty()) {
        lines << tr("Before: %1").arg(e.before.isEmpty() ? tr("(nothing)") : jsonText(e.before));
        lines << tr("After: %1").arg(e.after.isEmpty() ? tr("(nothing)") : jsonText(e.after));
    }
    lines << tr("Grant %1 · recorded in %2").arg(e.grantId, e.source);
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->show();
}

} // namespace rolecall

#include "screens/tablescreen.h"

#include "async/futurewatch.h"
#include "domain/utctime.h"
#include "itemmodels/modelroles.h"
#include "itemmodels/tableexport.h"
#include "services/datasource.h"
#include "widgets/rowtable.h"

#include <QComboBox>
#include <QDateTime>
#include <QTableView>

namespace rolecall {

namespace {

// Exports carry instants as UTC ISO 8601 (as the CLI does), text as shown.
QString exportValue(const QModelIndex &index)
{
    const QVariant raw = index.data(SortKeyRole);
    if (raw.metaType() == QMetaType::fromType<QDateTime>()) {
        const QDateTime instant = raw.toDateTime();
        return isoUtc(instant);
    }
    return index.data(Qt::DisplayRole).toString();
}

} // namespace

QString rolesNotAvailableText(const SchemaInfo &schema)
{
    return TableScreen::tr("Not available for this schema: %1 databases have no roles.")
        .arg(schemaKindName(schema.kind));
}

TableScreen::TableScreen(QWidget *parent)
    : DataScreen(parent)
{
    setButtonToolTips(tr("Load the table again from the database"),
                      tr("Save every row the filters match as CSV"),
                      tr("Copy the selected rows (Ctrl+C)"));

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleFilter"));
    m_role->setAccessibleName(tr("Role filter"));
    m_role->addItem(tr("Any role"), QString());
    m_role->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_view = new QTableView(this);
    setUpRowTable(m_view);
    addContent(m_view, 1);
}

TableScreen::~TableScreen() = default;

void TableScreen::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
    // Fit the columns to the first rows once, then leave them to the person.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_columnsFitted)
            return;
        m_columnsFitted = true;
        fitColumnsToContents(m_view, fontMetrics().averageCharWidth() * 40);
    });
    setCopyView(m_view);
}

// The roles as the database's enum has them, whatever a deployment added;
// the choice stays where it was when the role is still there.
void TableScreen::fillRoleFilter(const QStringList &roles)
{
    const QString current = m_role->currentData().toString();
    const QSignalBlocker block(m_role);
    while (m_role->count() > 1)
        m_role->removeItem(1);
    for (const QString &r : roles)
        m_role->addItem(r, r);
    m_role->setCurrentIndex(qMax(0, m_role->findData(current)));
}

void TableScreen::setModelBusy(bool busy)
{
    setBusy(busy || m_detecting);
}

void TableScreen::refresh()
{
    // An error banner stays while the schema is read again: a Retry that
    // fails keeps it up and waits longer (MessageBanner's backoff).
    const quint64 request = ++m_schemaRequest;
    if (!dataSource()) {
        m_available = false;
        clearModel();
        m_detecting = false;
        setBusy(false);
        m_view->hide(); // an empty table would look like "no rows"
        showBanner(tr("No database is open."));
        return;
    }
    m_detecting = true;
    setBusy(true);
    watchFuture(
        dataSource()->detectSchema(), this,
        [this, request](const SchemaInfo &schema) {
            if (request != m_schemaRequest)
                return; // an older refresh, or another data source
            m_detecting = false;
            showBanner({});
            m_available = schema.hasRoles();
            m_view->setVisible(m_available);
            setBusy(false);
            if (schema.kind == SchemaKind::Unknown) {
                clearModel();
                showBanner(schema.describe(), MessageBanner::Kind::Warning);
            } else if (!m_available) {
                clearModel();
                showBanner(rolesNotAvailableText(schema));
            } else {
                fillRoleFilter(schema.roles);
                schemaReady(schema);
            }
        },
        [this, request](const QString &message) {
            if (request != m_schemaRequest)
                return;
            m_detecting = false;
            setBusy(false);
            // A table on screen stays there (the banner's Retry reads it
            // again once the database is back); nothing shown: nothing to keep.
            if (!m_available || !m_view->model() || m_view->model()->rowCount() == 0) {
                m_available = false;
                m_view->hide();
                clearModel();
            }
            showError(message);
        });
}

QString TableScreen::tableCsv() const
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return {};
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    QString csv = csvRecord(header, FormulaGuard::On);
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < model->columnCount(); ++c)
            fields << exportValue(model->index(r, c));
        csv += csvRecord(fields, FormulaGuard::On);
    }
    return csv;
}

} // namespace rolecall

#include "screens/tablescreen.h"

#include "async/futurewatch.h"
#include "domain/utctime.h"
#include "itemmodels/modelroles.h"
#include "itemmodels/tableexport.h"
#include "services/datasource.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

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

QStringList headerOf(const QAbstractItemModel *model)
{
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    return header;
}

QStringList rowOf(const QAbstractItemModel *model, int row)
{
    QStringList fields;
    for (int c = 0; c < model->columnCount(); ++c)
        fields << exportValue(model->index(row, c));
    return fields;
}

} // namespace

QString rolesNotAvailableText(const SchemaInfo &schema)
{
    return TableScreen::tr("Not available for this schema: %1 databases have no roles.")
        .arg(schemaKindName(schema.kind));
}

TableScreen::TableScreen(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_filters = new QHBoxLayout;
    bar->addLayout(m_filters);
    bar->addStretch();
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setAccessibleName(tr("Refresh"));
    m_refresh->setToolTip(tr("Load the table again from the database"));
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setAccessibleName(tr("Export to CSV"));
    m_export->setToolTip(tr("Save the rows loaded in the table, with its filters, as CSV"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy selected rows"));
    m_copy->setToolTip(tr("Copy the selected rows (Ctrl+C)"));
    bar->addWidget(m_refresh);
    bar->addWidget(m_export);
    bar->addWidget(m_copy);
    layout->addLayout(bar);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(fontMetrics().height() / 3);
    m_banner->setAccessibleName(tr("Message"));
    m_banner->hide();
    layout->addWidget(m_banner);

    m_view = new QTableView(this);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyBar"));
    m_busy->setRange(0, 0); // busy indicator
    m_busy->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    layout->addWidget(m_busy);
    layout->addStretch(0); // takes the room only while the table is hidden

    connect(m_refresh, &QPushButton::clicked, this, &TableScreen::refresh);
    connect(m_export, &QPushButton::clicked, this, &TableScreen::exportToFile);
    connect(m_copy, &QPushButton::clicked, this, [this] { copySelectedRows(); });
}

TableScreen::~TableScreen() = default;

void TableScreen::setModel(QAbstractItemModel *model)
{
    m_view->setModel(model);
    // Fit the columns to the first rows once, then leave them to the person.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_columnsFitted)
            fitColumns();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_copy->setEnabled(m_view->selectionModel()->hasSelection()); });
    m_copy->setEnabled(false);
}

void TableScreen::fitColumns()
{
    m_columnsFitted = true;
    const int maxWidth = fontMetrics().averageCharWidth() * 40;
    for (int c = 0; c < m_view->model()->columnCount() - 1; ++c) {
        m_view->resizeColumnToContents(c);
        if (m_view->columnWidth(c) > maxWidth)
            m_view->setColumnWidth(c, maxWidth);
    }
}

void TableScreen::setDataSource(DataSource *source)
{
    m_source = source;
    refresh();
}

QString TableScreen::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

bool TableScreen::isBusy() const
{
    return !m_busy->isHidden();
}

void TableScreen::showBanner(const QString &message)
{
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

void TableScreen::setBusy(bool busy)
{
    busy = busy || m_detecting;
    if (busy == isBusy())
        return;
    m_busy->setVisible(busy);
    Q_EMIT busyChanged(busy);
}

void TableScreen::refresh()
{
    showBanner({});
    const quint64 request = ++m_schemaRequest;
    if (!m_source) {
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
        m_source->detectSchema(), this,
        [this, request](const SchemaInfo &schema) {
            if (request != m_schemaRequest)
                return; // an older refresh, or another data source
            m_detecting = false;
            m_available = schema.hasRoles();
            m_view->setVisible(m_available);
            setBusy(false);
            if (schema.kind == SchemaKind::Unknown) {
                clearModel();
                showBanner(schema.describe());
            } else if (!m_available) {
                clearModel();
                showBanner(rolesNotAvailableText(schema));
            } else {
                schemaReady(schema);
            }
        },
        [this, request](const QString &message) {
            if (request != m_schemaRequest)
                return;
            m_detecting = false;
            m_available = false;
            m_view->hide();
            setBusy(false);
            clearModel();
            showBanner(message);
        });
}

QString TableScreen::tableCsv() const
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return {};
    QString csv = csvRecord(headerOf(model), FormulaGuard::On);
    for (int r = 0; r < model->rowCount(); ++r)
        csv += csvRecord(rowOf(model, r), FormulaGuard::On);
    return csv;
}

bool TableScreen::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(tableCsv().toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void TableScreen::exportToFile()
{
    auto *dialog = new QFileDialog(this, tr("Export to CSV"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(exportBaseName() + QLatin1Char('-') +
                       QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(".csv"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        showBanner(exportCsv(path, &error) ? QString() : error);
    });
    dialog->open();
}

QString TableScreen::copySelectedRows() const
{
    const QAbstractItemModel *model = m_view->model();
    if (!model || !m_view->selectionModel())
        return {};
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end());
    QString text = headerOf(model).join(QLatin1Char('\t')) + QLatin1Char('\n');
    for (const QModelIndex &index : std::as_const(rows)) {
        QStringList fields;
        for (int c = 0; c < model->columnCount(); ++c)
            fields << model->index(index.row(), c).data().toString().simplified();
        text += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    QApplication::clipboard()->setText(text);
    return text;
}

bool TableScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace rolecall

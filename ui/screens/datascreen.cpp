#include "screens/datascreen.h"

#include "widgets/actionicons.h"
#include "widgets/csvsaveflow.h"
#include "widgets/tablecopy.h"

#include <QAbstractItemView>
#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rolecall {

DataScreen::DataScreen(QWidget *parent)
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
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setAccessibleName(tr("Export to CSV"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy selected rows"));
    bar->addWidget(m_refresh);
    bar->addWidget(m_export);
    bar->addWidget(m_copy);
    layout->addLayout(bar);

    m_banner = new MessageBanner(this);
    m_banner->setAccessibleName(tr("Message"));
    m_banner->setAutoRetry(true); // a screen recovers by itself when the database is back
    layout->addWidget(m_banner);

    m_content = new QVBoxLayout;
    layout->addLayout(m_content, 1);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyBar"));
    m_busy->setRange(0, 0); // busy indicator
    m_busy->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    layout->addWidget(m_busy);
    layout->addStretch(0); // takes the room only while the content is hidden

    // The window offers this in File and its toolbar while the screen is in front.
    m_exportAction = new QAction(tr("E&xport CSV…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setIcon(actionIcon(QStringLiteral("document-save-as")));

    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
    connect(m_export, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    connect(m_exportAction, &QAction::triggered, this, &DataScreen::exportToFile);
    connect(m_copy, &QPushButton::clicked, this, [this] { copySelectedRows(); });
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] { refresh(); });

    m_exportFlow = new ExportFlow(this);
    connect(m_exportFlow, &ExportFlow::finished, this, &DataScreen::exportEnded);
}

DataScreen::~DataScreen() = default;

void DataScreen::addContent(QWidget *widget, int stretch)
{
    m_content->addWidget(widget, stretch);
}

void DataScreen::addContent(QLayout *layout, int stretch)
{
    m_content->addLayout(layout, stretch);
}

void DataScreen::setCopyView(QAbstractItemView *view)
{
    if (m_copyView)
        m_copyView->removeEventFilter(this);
    m_copyView = view;
    view->installEventFilter(this);
    if (view->selectionModel())
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &DataScreen::updateCopyButton);
    updateCopyButton();
}

void DataScreen::updateCopyButton()
{
    m_copy->setEnabled(m_copyView && m_copyView->selectionModel() &&
                       m_copyView->selectionModel()->hasSelection());
}

void DataScreen::setKeyboardOrder(const QList<QWidget *> &first)
{
    QList<QWidget *> chain = first;
    chain << m_refresh << m_export << m_copy;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void DataScreen::setButtonToolTips(const QString &refresh, const QString &exportCsv,
                                   const QString &copy)
{
    m_refresh->setToolTip(refresh);
    m_export->setToolTip(exportCsv);
    m_copy->setToolTip(copy);
}

void DataScreen::setDataSource(DataSource *source)
{
    m_source = source;
    m_exportFlow->setDataSource(source);
    refresh();
}

QString DataScreen::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

bool DataScreen::isBusy() const
{
    return !m_busy->isHidden();
}

void DataScreen::showBanner(const QString &message, MessageBanner::Kind kind)
{
    m_banner->showMessage(message, kind);
}

void DataScreen::showError(const QString &message)
{
    m_banner->showMessage(message, MessageBanner::Kind::Error, tr("Retry"));
}

void DataScreen::setBusy(bool busy)
{
    if (busy == isBusy())
        return;
    m_busy->setVisible(busy);
    Q_EMIT busyChanged(busy);
}

bool DataScreen::exportCsv(const QString &path, QString *error) const
{
    return writeCsvFile(path, tableCsv(), error);
}

void DataScreen::exportToFile()
{
    chooseCsvFile(this, tr("Export to CSV"), datedCsvName(exportBaseName()),
                  [this](const QString &path) { exportTo(path); });
}

bool DataScreen::exportTo(const QString &path)
{
    if (const std::optional<StreamedExport> streamed = streamedExport())
        return m_exportFlow->start(streamed->job, streamed->wording, path);
    QString error;
    const bool ok = exportCsv(path, &error);
    exportEnded(ok, error);
    return ok;
}

void DataScreen::exportEnded(bool ok, const QString &message)
{
    if (message.isEmpty())
        showBanner({});
    else
        showBanner(message, ok ? MessageBanner::Kind::Information : MessageBanner::Kind::Error);
    Q_EMIT exportFinished(ok, message);
}

QString DataScreen::copySelectedRows() const
{
    return rolecall::copySelectedRows(m_copyView).text;
}

bool DataScreen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_copyView && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace rolecall

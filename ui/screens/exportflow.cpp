#include "screens/exportflow.h"

#include <QProgressDialog>

#include <algorithm>

namespace rolecall {

namespace {
int clampedToInt(qint64 value)
{
    return int(std::min<qint64>(value, INT_MAX));
}
} // namespace

ExportFlow::ExportFlow(QWidget *window)
    : QObject(window)
    , m_window(window)
{}

ExportFlow::~ExportFlow()
{
    if (m_progress)
        delete m_progress.data();
}

void ExportFlow::setDataSource(DataSource *source)
{
    if (m_export) {
        m_export->cancel();
        delete m_export;
        m_export = nullptr;
    }
    if (!source)
        return;
    m_export = new CsvStreamExport(source, this);
    connect(m_export, &CsvStreamExport::progress, this, &ExportFlow::showProgress);
    connect(m_export, &CsvStreamExport::totalKnown, this, [this](qint64 total) {
        m_totalKnown = true;
        if (m_progress)
            m_progress->setMaximum(clampedToInt(total));
    });
    connect(m_export, &CsvStreamExport::finished, this,
            [this](qint64 written) { done(true, m_wording.done(written)); });
    connect(m_export, &CsvStreamExport::failed, this,
            [this](const QString &problem) { done(false, tr("Export failed: %1").arg(problem)); });
    connect(m_export, &CsvStreamExport::cancelled, this,
            [this] { done(false, tr("Export cancelled; no file was written.")); });
}

bool ExportFlow::start(const CsvStreamJob &job, const ExportWording &wording, const QString &path)
{
    if (!m_export)
        return false;
    m_wording = wording;
    m_totalKnown = false;
    QString error;
    if (!m_export->start(job, path, &error)) {
        Q_EMIT finished(false, error);
        return false;
    }
    if (m_progress)
        m_progress->deleteLater();
    // Without a total ahead the bar is a busy indicator and the label counts.
    m_progress = new QProgressDialog(wording.progress, tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(300);
    connect(m_progress, &QProgressDialog::canceled, m_export, &CsvStreamExport::cancel);
    return true;
}

void ExportFlow::showProgress(qint64 written)
{
    if (!m_progress)
        return;
    m_progress->setLabelText(
        tr("%1\n%Ln row(s) written", nullptr, clampedToInt(written)).arg(m_wording.progress));
    if (m_totalKnown)
        m_progress->setValue(clampedToInt(std::min<qint64>(written, m_progress->maximum())));
}

void ExportFlow::cancel()
{
    if (m_export)
        m_export->cancel();
}

void ExportFlow::done(bool ok, const QString &message)
{
    if (m_progress)
        m_progress->deleteLater();
    Q_EMIT finished(ok, message);
}

} // namespace rolecall

#include "screens/usersexportflow.h"

#include "itemmodels/userscsvexport.h"

#include <QProgressDialog>

#include <algorithm>

namespace rolecall {

namespace {
int clampedToInt(qint64 value)
{
    return int(std::min<qint64>(value, INT_MAX));
}
} // namespace

UsersExportFlow::UsersExportFlow(QWidget *window)
    : QObject(window)
    , m_window(window)
{}

UsersExportFlow::~UsersExportFlow()
{
    if (m_progress)
        delete m_progress.data();
}

void UsersExportFlow::setDataSource(DataSource *source)
{
    if (m_export) {
        m_export->cancel();
        delete m_export;
        m_export = nullptr;
    }
    if (!source)
        return;
    m_export = new UsersCsvExport(source, this);
    connect(m_export, &UsersCsvExport::progress, this, [this](qint64 written) {
        if (m_progress)
            m_progress->setValue(clampedToInt(written));
    });
    connect(m_export, &UsersCsvExport::totalKnown, this, [this](qint64 total) {
        if (m_progress)
            m_progress->setMaximum(clampedToInt(total));
    });
    connect(m_export, &UsersCsvExport::finished, this, [this](qint64 written) {
        done(true, tr("Exported %Ln user(s).", nullptr, clampedToInt(written)));
    });
    connect(m_export, &UsersCsvExport::failed, this,
            [this](const QString &problem) { done(false, tr("Export failed: %1").arg(problem)); });
    connect(m_export, &UsersCsvExport::cancelled, this,
            [this] { done(false, tr("Export cancelled; no file was written.")); });
}

bool UsersExportFlow::start(const UserQuery &filter, const QString &description,
                            const QString &path)
{
    if (!m_export)
        return false;
    QString error;
    if (!m_export->start(filter, path, &error)) {
        Q_EMIT finished(false, error);
        return false;
    }
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new QProgressDialog(tr("Exporting users (%1)…").arg(description), tr("Cancel"), 0,
                                     0, m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setWindowModality(Qt::NonModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(300);
    connect(m_progress, &QProgressDialog::canceled, m_export, &UsersCsvExport::cancel);
    return true;
}

void UsersExportFlow::cancel()
{
    if (m_export)
        m_export->cancel();
}

void UsersExportFlow::done(bool ok, const QString &message)
{
    if (m_progress)
        m_progress->deleteLater();
    Q_EMIT finished(ok, message);
}

} // namespace rolecall

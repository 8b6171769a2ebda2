#include "itemmodels/userscsvexport.h"

#include "async/futurewatch.h"
#include "itemmodels/tableexport.h"
#include "services/datasource.h"

#include <QSaveFile>

namespace rolecall {

UsersCsvExport::UsersCsvExport(DataSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

UsersCsvExport::~UsersCsvExport() = default;

QStringList UsersCsvExport::headers()
{
    return {tr("Name"),         tr("Email"),         tr("Clerk ID"),
            tr("Active roles"), tr("Created (UTC)"), tr("User ID")};
}

QStringList UsersCsvExport::fields(const User &user)
{
    return {user.displayName(),
            user.email,
            user.clerkId,
            user.activeRoles.join(QStringLiteral(", ")),
            user.createdAt.toUTC().toString(Qt::ISODateWithMs),
            user.id};
}

bool UsersCsvExport::start(const UserQuery &query, const QString &path, QString *error)
{
    stop();
    auto file = std::make_unique<QSaveFile>(path);
    if (!m_source || !file->open(QIODevice::WriteOnly)) {
        if (error)
            *error = m_source ? tr("Cannot write %1: %2").arg(path, file->errorString())
                              : tr("No database is open.");
        return false;
    }
    m_file = std::move(file);
    m_query = query;
    m_query.limit = m_pageSize;
    m_query.afterCreatedAt = {};
    m_query.afterId.clear();
    m_written = 0; // stop() above made the last run's answers stale
    m_totalKnown = false;
    // A UTF-8 byte order mark so spreadsheets read non-Latin names right.
    m_file->write("\xEF\xBB\xBF");
    m_file->write(csvRecord(headers(), FormulaGuard::On).toUtf8());
    const auto onTotal = m_run.current([this](qint64 total) {
        if (!m_file)
            return;
        m_totalKnown = true;
        Q_EMIT totalKnown(total);
    });
    // Progress without a total is still progress: a failed count is not an error.
    watchFuture(m_source->countUsers(m_query), this, onTotal, [](const QString &) {});
    fetchNext();
    return true;
}

void UsersCsvExport::fetchNext()
{
    const auto onPage = m_run.current([this](const UserPage &page) {
        if (!m_file)
            return;
        QByteArray chunk;
        for (const User &user : page.users)
            chunk += csvRecord(fields(user), FormulaGuard::On).toUtf8();
        if (m_file->write(chunk) != chunk.size()) {
            fail(tr("Cannot write the file: %1").arg(m_file->errorString()));
            return;
        }
        m_written += page.users.size();
        Q_EMIT progress(m_written);
        if (page.atEnd || page.users.isEmpty()) {
            const bool ok = m_file->commit();
            const QString problem = m_file->errorString();
            m_file.reset();
            if (ok) {
                // The count runs beside the pages and may lose the race: once
                // every row is written, their number is the total.
                if (!m_totalKnown) {
                    m_totalKnown = true;
                    Q_EMIT totalKnown(m_written);
                }
                Q_EMIT finished(m_written);
            } else
                Q_EMIT failed(tr("Cannot save the file: %1").arg(problem));
            return;
        }
        m_query.afterCreatedAt = page.users.constLast().createdAt;
        m_query.afterId = page.users.constLast().id;
        fetchNext();
    });
    const auto onError = m_run.current([this](const QString &message) {
        if (m_file)
            fail(message);
    });
    watchFuture(m_source->fetchUsers(m_query), this, onPage, onError);
}

void UsersCsvExport::cancel()
{
    if (!m_file)
        return;
    stop();
    Q_EMIT cancelled();
}

void UsersCsvExport::stop()
{
    m_run.renew();
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // QSaveFile without commit() leaves no file behind
    }
}

void UsersCsvExport::fail(const QString &message)
{
    stop();
    Q_EMIT failed(message);
}

} // namespace rolecall

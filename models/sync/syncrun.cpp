#include "sync/syncrun.h"

#include "async/futurewatch.h"
#include "clerk/clerkapiclient.h"
#include "services/syncstore.h"

namespace rolecall {

SyncRun::SyncRun(SyncStore *store, ClerkApiClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_onServer(client == nullptr)
{
    if (!client)
        return;
    connect(client, &ClerkApiClient::totalCountReady, this, [this](qint64 total) {
        m_clerkTotal = total;
        Q_EMIT totalCountReady(total);
        Q_EMIT progress(m_clerkSeen, m_clerkTotal);
    });
    connect(client, &ClerkApiClient::pageReady, this, &SyncRun::onPage);
    connect(client, &ClerkApiClient::retrying, this, &SyncRun::waiting);
    connect(client, &ClerkApiClient::finished, this, [this] {
        m_clerkDone = true;
        maybeFinish();
    });
    connect(client, &ClerkApiClient::failed, this, [this](const QString &message) {
        if (m_running)
            fail(message);
    });
}

SyncRun::~SyncRun() = default;

SchemaKind SyncRun::schemaKind() const
{
    return m_comparer ? m_comparer->kind() : SchemaKind::Unknown;
}

std::optional<ClerkUser> SyncRun::clerkUser(const QString &clerkId) const
{
    const auto it = m_admins.constFind(clerkId);
    if (it == m_admins.constEnd())
        return std::nullopt;
    return *it;
}

void SyncRun::start()
{
    if (m_onServer)
        return startOnServer();
    if (m_running || !m_store || !m_client)
        return;
    m_snapshot.renew();
    m_running = true;
    m_complete = m_clerkDone = false;
    m_comparer.reset();
    m_pending.clear();
    m_admins.clear();
    m_clerkTotal = -1;
    m_clerkSeen = m_databaseRows = m_comparisonNs = m_buildNs = 0;
    // The database side is hashed on the worker that read it, while Clerk
    // answers: the event thread only ever joins pages.
    QFuture<std::shared_ptr<SyncComparer>> comparer =
        m_store->loadSnapshot().then([](SyncDbSnapshot snapshot) {
            return std::make_shared<SyncComparer>(std::move(snapshot));
        });
    const auto onSnapshot = m_snapshot.current([this](const std::shared_ptr<SyncComparer> &ready) {
        if (!m_running)
            return;
        m_comparer = ready;
        m_databaseRows = ready->databaseRows();
        m_buildNs = ready->buildNs();
        Q_EMIT snapshotLoaded(m_databaseRows);
        const auto pending = std::exchange(m_pending, {});
        for (const QList<ClerkUser> &page : pending)
            compare(page);
        maybeFinish();
    });
    const auto onError = m_snapshot.current([this](const QString &message) {
        if (m_running)
            fail(message);
    });
    watchFuture(comparer, this, onSnapshot, onError);
    m_client->start();
}

void SyncRun::startOnServer()
{
    if (m_running || !m_store)
        return;
    m_snapshot.renew();
    m_running = true;
    m_complete = false;
    m_admins.clear();
    m_clerkTotal = -1;
    m_clerkSeen = m_databaseRows = m_comparisonNs = m_buildNs = 0;
    watchFuture(m_store->loadStatus(), this,
                m_snapshot.current([this](const SyncStatusReport &report) { onReport(report); }),
                m_snapshot.current([this](const QString &message) {
                    if (m_running)
                        fail(message);
                }));
}

void SyncRun::onReport(const SyncStatusReport &report)
{
    if (!m_running)
        return;
    if (!report.complete)
        return fail(tr("Clerk could not be read completely: %1")
                        .arg(report.problems.join(QLatin1Char(' '))));
    for (const SyncRecord &record : report.rows) {
        if (!record.databaseRowId.isEmpty())
            ++m_databaseRows;
        if (!record.clerk)
            continue;
        ++m_clerkSeen;
        if (!record.clerk->publicRole.isEmpty())
            m_admins.insert(record.clerk->id, *record.clerk);
    }
    m_clerkTotal = m_clerkSeen;
    Q_EMIT snapshotLoaded(m_databaseRows);
    Q_EMIT totalCountReady(m_clerkTotal);
    Q_EMIT recordsReady(report.rows);
    Q_EMIT progress(m_clerkSeen, m_clerkTotal);
    m_running = false;
    m_complete = true;
    Q_EMIT finished();
}

void SyncRun::cancel()
{
    if (!m_running)
        return;
    m_snapshot.renew();
    m_running = false;
    if (m_client)
        m_client->cancel();
    Q_EMIT failed(tr("Cancelled."));
}

void SyncRun::onPage(const QList<ClerkUser> &users)
{
    if (!m_running)
        return;
    for (const ClerkUser &user : users)
        if (!user.publicRole.isEmpty())
            m_admins.insert(user.id, user);
    if (!m_comparer) {
        m_pending.append(users);
        return;
    }
    compare(users);
}

void SyncRun::compare(const QList<ClerkUser> &users)
{
    QElapsedTimer timer;
    timer.start();
    const QList<SyncRecord> records = m_comparer->addClerkPage(users);
    m_comparisonNs += timer.nsecsElapsed();
    m_clerkSeen += users.size();
    Q_EMIT recordsReady(records);
    Q_EMIT progress(m_clerkSeen, m_clerkTotal);
}

void SyncRun::maybeFinish()
{
    if (!m_running || !m_clerkDone || !m_comparer)
        return;
    QElapsedTimer timer;
    timer.start();
    const QList<SyncRecord> rest = m_comparer->finish();
    m_comparisonNs += timer.nsecsElapsed();
    m_running = false;
    m_complete = true;
    if (!rest.isEmpty())
        Q_EMIT recordsReady(rest);
    Q_EMIT finished();
}

void SyncRun::fail(const QString &message)
{
    m_snapshot.renew();
    m_running = false;
    if (m_client && m_client->isRunning())
        m_client->cancel();
    Q_EMIT failed(message);
}

} // namespace rolecall

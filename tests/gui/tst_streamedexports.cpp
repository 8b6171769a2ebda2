// The Grants and Audit screens' Export CSV… against a real PostgreSQL: every
// row the filters match is written, not only the rows the screen has loaded,
// streamed with a progress dialog; the audit export holds the events of
// `rolecallctl audit list --limit 0` in its order; Cancel leaves no file; a
// data source without a stream of its own (the admin API) pages through.
#include "itemmodels/audittablemodel.h"
#include "itemmodels/grantstablemodel.h"
#include "pg/pgdatasource.h"
#include "screens/auditscreen.h"
#include "screens/grantsscreen.h"
#include "services/pagedstream.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QComboBox>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rolecall;
using rolecall::testing::CliFixture;
using rolecall::testing::CliRun;

namespace {

constexpr int waitMs = 30000;

// The records of an export (all fields quoted, as csvRecord() writes them).
QList<QStringList> csvRecords(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            fields << field;
            field.clear();
            records << fields;
            fields.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    return records;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The grants of `query`, page by page as the screen reads them, as the export writes them.
QList<QStringList> pagedGrantRecords(DataSource &source, GrantListQuery query)
{
    QList<QStringList> records{GrantsTableModel::csvHeaders()};
    query.limit = 7;
    for (;;) {
        const GrantPage page = source.fetchGrantPage(query).result();
        for (const GrantView &view : page.grants)
            records << GrantsTableModel::csvFields(view);
        if (page.atEnd || page.grants.isEmpty())
            return records;
        query.beforeCreatedAt = page.grants.constLast().grant.createdAt;
        query.beforeId = page.grants.constLast().grant.id;
    }
}

// A data source that reads through PostgreSQL but streams as ApiDataSource
// does, page after page (services/pagedstream.h).
class PagesOnly final : public DataSource
{
public:
    explicit PagesOnly(PgDataSource *pg)
        : m_pg(pg)
    {}
    QFuture<SchemaInfo> detectSchema() override { return m_pg->detectSchema(); }
    QFuture<UserPage> fetchUsers(const UserQuery &q) override { return m_pg->fetchUsers(q); }
    QFuture<qint64> countUsers(const UserQuery &q) override { return m_pg->countUsers(q); }
    QFuture<AccountAccess> fetchAccount(const QString &id) override
    {
        return m_pg->fetchAccount(id);
    }
    QFuture<QList<GrantView>> fetchGrants(const QString &user, const QDateTime &asOf) override
    {
        return m_pg->fetchGrants(user, asOf);
    }
    QFuture<QList<GrantView>> fetchExpiring(int days) override { return m_pg->fetchExpiring(days); }
    QFuture<AuditPage> fetchAudit(const AuditQuery &q) override { return m_pg->fetchAudit(q); }
    QFuture<RoleGrant> grantRole(const Actor &a, const GrantRequest &r) override
    {
        return m_pg->grantRole(a, r);
    }
    QFuture<RoleGrant> endGrant(const Actor &a, const EndRequest &r) override
    {
        return m_pg->endGrant(a, r);
    }
    QFuture<BulkPlan> planBulkGrant(const Actor &a, const BulkGrantRequest &r) override
    {
        return m_pg->planBulkGrant(a, r);
    }
    QFuture<QList<RoleGrant>> applyBulkGrant(const Actor &a, const BulkGrantRequest &r) override
    {
        return m_pg->applyBulkGrant(a, r);
    }
    QString displayName() const override { return m_pg->displayName(); }
    QFuture<GrantPage> fetchGrantPage(const GrantListQuery &q) override
    {
        return m_pg->fetchGrantPage(q);
    }
    QFuture<qint64> streamGrants(const GrantListQuery &q, RowBatchSink<GrantView> sink) override
    {
        return streamGrantsByPages(*this, q, std::move(sink));
    }

private:
    PgDataSource *m_pg;
};

} // namespace

class TestStreamedExports : public QObject, private rolecall::testing::GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void grantsExportWritesEveryMatchingRowNotOnlyTheLoaded_data();
    void grantsExportWritesEveryMatchingRowNotOnlyTheLoaded();
    void auditExportHoldsTheEventsOfTheCliExport();
    void cancellingLeavesNoFile();

private:
    // Exports `screen` to `path` and waits for the end; the rows written.
    static QList<QStringList> exportAll(DataScreen &screen, const QString &path);
};

void TestStreamedExports::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
}

QList<QStringList> TestStreamedExports::exportAll(DataScreen &screen, const QString &path)
{
    QSignalSpy finished(&screen, &DataScreen::exportFinished);
    if (!screen.exportTo(path))
        return {};
    // The progress dialog belongs to the screen while the rows stream.
    if (!QTest::qWaitFor([&] { return finished.size() == 1; }, waitMs))
        return {};
    if (!finished.first().at(0).toBool()) {
        qWarning() << finished.first().at(1).toString();
        return {};
    }
    return csvRecords(readFile(path));
}

void TestStreamedExports::grantsExportWritesEveryMatchingRowNotOnlyTheLoaded_data()
{
    QTest::addColumn<bool>("pagesOnly");
    QTest::newRow("PostgreSQL stream") << false;
    QTest::newRow("pages, as through the API") << true;
}

void TestStreamedExports::grantsExportWritesEveryMatchingRowNotOnlyTheLoaded()
{
    QFETCH(bool, pagesOnly);
    PgDataSource pg(m_cluster->connection(m_db));
    PagesOnly paged(&pg);
    DataSource *source = pagesOnly ? static_cast<DataSource *>(&paged) : &pg;
    GrantsScreen screen(source);
    screen.model()->setPageSize(3);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() >= 3 && !screen.isBusy(), waitMs);
    const QList<QStringList> expected = pagedGrantRecords(pg, screen.model()->filter());
    QVERIFY2(expected.size() - 1 > screen.model()->rowCount(),
             qPrintable(QString::number(expected.size())));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grants.csv"));
    QSignalSpy finished(&screen, &DataScreen::exportFinished);
    const QList<QStringList> written = exportAll(screen, path);
    QCOMPARE(written.size(), expected.size());
    QCOMPARE(written, expected);
    QVERIFY(screen.bannerText().startsWith(QLatin1String("Exported ")));

    // A filter narrows the export as it narrows the list.
    screen.stateFilter()->setCurrentIndex(
        screen.stateFilter()->findData(int(GrantFilterState::Ended)));
    QTRY_VERIFY_WITH_TIMEOUT(
        screen.model()->filter().state == GrantFilterState::Ended && !screen.isBusy(), waitMs);
    const QList<QStringList> ended = exportAll(screen, path);
    QCOMPARE(ended, pagedGrantRecords(pg, screen.model()->filter()));
    QVERIFY(ended.size() < written.size());
}

void TestStreamedExports::auditExportHoldsTheEventsOfTheCliExport()
{
    PgDataSource source(m_cluster->connection(m_db));
    AuditScreen screen(&source);
    screen.model()->setPageSize(3);
    QTRY_VERIFY_WITH_TIMEOUT(screen.model()->rowCount() >= 3 && !screen.isBusy(), waitMs);

    CliFixture ctl(QStringLiteral(ROLECALLCTL_PATH));
    QVERIFY(ctl.isValid());
    const CliRun cli =
        ctl.run({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--db"),
                 m_cluster->url(m_db), QStringLiteral("--limit"), QStringLiteral("0"),
                 QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const QList<QStringList> cliRecords = csvRecords(cli.out.toUtf8());
    QVERIFY(cliRecords.size() - 1 > screen.model()->rowCount());

    QTemporaryDir dir;
    const QList<QStringList> written = exportAll(screen, dir.filePath(QStringLiteral("audit.csv")));
    QCOMPARE(written.size(), cliRecords.size());
    QCOMPARE(written.constFirst(), AuditTableModel::csvHeaders());
    // The same events in the same order: when, whose, which role, why (the
    // CLI's columns at, targetClerkId, role and reason).
    for (qsizetype r = 1; r < written.size(); ++r) {
        const QStringList &gui = written.at(r);
        const QStringList &ctlRow = cliRecords.at(r);
        const QStringList guiKey{
            gui.at(AuditTableModel::AtColumn), gui.at(AuditTableModel::UserClerkIdColumn),
            gui.at(AuditTableModel::RoleColumn), gui.at(AuditTableModel::ReasonColumn)};
        const QStringList ctlKey{ctlRow.at(1), ctlRow.at(6), ctlRow.at(9), ctlRow.at(11)};
        QCOMPARE(guiKey, ctlKey);
    }
}

void TestStreamedExports::cancellingLeavesNoFile()
{
    PgDataSource source(m_cluster->connection(m_db));
    GrantsScreen grants(&source);
    AuditScreen audit(&source);
    QTRY_VERIFY_WITH_TIMEOUT(grants.model()->rowCount() > 0 && !grants.isBusy() &&
                                 audit.model()->rowCount() > 0 && !audit.isBusy(),
                             waitMs);
    QTemporaryDir dir;
    for (DataScreen *screen :
         {static_cast<DataScreen *>(&grants), static_cast<DataScreen *>(&audit)}) {
        const QString path = dir.filePath(screen->objectName() + QStringLiteral(".csv"));
        QSignalSpy finished(screen, &DataScreen::exportFinished);
        QVERIFY(screen->exportTo(path));
        auto *progress = screen->findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        QVERIFY(progress);
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("cancelled")),
                 qPrintable(finished.first().at(1).toString()));
        // A fixed wait: the stream's late answers are dropped and send no
        // signal to wait on.
        QTest::qWait(500);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
}

QTEST_MAIN(TestStreamedExports)
#include "tst_streamedexports.moc"

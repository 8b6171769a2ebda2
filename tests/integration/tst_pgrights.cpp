// Rights and audit the database enforces (db install-rights): what a reader,
// an admin and the owner login may do by plain SQL, the console writing
// through the SECURITY DEFINER functions, changes made outside the console in
// the audit trail, and the last-admin guard across future-dated ends, both in
// the console's writer and in the database's functions.
#include "itemmodels/audittablemodel.h"
#include "pg/pgdatasource.h"
#include "pg/pgrights.h"
#include "pg/pgsync.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"

#include <QAbstractItemModelTester>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

class TestPgRights : public QObject, private RoleWriterDatabases
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void installIsIdempotentAndReported();
    void readerLoginMayOnlyRead();
    void readerLoginMakesTheConsoleReadOnly();
    void adminLoginWritesOnlyThroughTheFunctions();
    void functionsApplyTheConsolesGuards();
    void adminLoginRunsTheSyncActions();
    void auditTrailIsAppendOnlyForAllButItsOwner();
    void ownerChangeByPlainSqlIsAuditedAsOutside();
    void lastAdminGuardHoldsAcrossFutureEnds_data();
    void lastAdminGuardHoldsAcrossFutureEnds();
    void uninstallUndoesAndKeepsTheTrail();
    void splitsStatementsOutsideQuotes();

private:
    using RoleWriterDatabases::connect;
    QString rightsDatabase();
    ConnectionSettings loginSettings(const QString &db, const QString &login) const;
    QSqlDatabase loginConnection(const QString &db, const QString &login);
    // Runs `sql` as `login`; the server's error text, empty when it worked.
    QString runAs(const QString &db, const QString &login, const QString &sql);

    QString m_db; // rights installed, a reader and an admin login
};

void TestPgRights::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    m_db = rightsDatabase();
    QVERIFY(!m_db.isEmpty());
    QString sqlError;
    QVERIFY2(m_cluster->exec(m_db, QStringLiteral(R"(
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rc_reader_login') THEN
                CREATE ROLE rc_reader_login LOGIN;
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rc_admin_login') THEN
                CREATE ROLE rc_admin_login LOGIN;
            END IF;
        END $$;
        GRANT rolecall_reader TO rc_reader_login;
        GRANT rolecall_admin TO rc_admin_login;)"),
                             &sqlError),
             qPrintable(sqlError));
}

void TestPgRights::cleanupTestCase()
{
    removeConnections();
}

QString TestPgRights::rightsDatabase()
{
    const QString db = freshDatabase(100);
    if (db.isEmpty())
        return {};
    PgDataSource source(m_cluster->connection(db));
    try {
        source.installRights().waitForFinished();
    } catch (const DataSourceError &e) {
        qWarning("install-rights: %s", qPrintable(e.message()));
        return {};
    }
    return db;
}

ConnectionSettings TestPgRights::loginSettings(const QString &db, const QString &login) const
{
    ConnectionSettings settings = m_cluster->connection(db);
    settings.user = login;
    return settings;
}

QSqlDatabase TestPgRights::loginConnection(const QString &db, const QString &login)
{
    const QString name = QStringLiteral("tst-%1-%2").arg(login, db);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    const ConnectionSettings settings = loginSettings(db, login);
    connection.setHostName(settings.host);
    connection.setPort(settings.port);
    connection.setUserName(settings.user);
    connection.setDatabaseName(settings.database);
    if (!connection.open())
        qWarning("%s: %s", qPrintable(name), qPrintable(connection.lastError().text()));
    return connection;
}

QString TestPgRights::runAs(const QString &db, const QString &login, const QString &sql)
{
    QSqlQuery q(loginConnection(db, login));
    if (q.exec(sql))
        return {};
    return q.lastError().databaseText();
}

void TestPgRights::installIsIdempotentAndReported()
{
    PgDataSource source(m_cluster->connection(m_db));
    const QString before = checksum(m_db);
    source.installRights().waitForFinished(); // a second time: nothing changes, no error
    QCOMPARE(checksum(m_db), before);
    const RightsStatus status = source.rightsStatus().result();
    QVERIFY(status.installed());
    QVERIFY(status.readerRole && status.adminRole && status.auditAppendOnly);
    QVERIFY(status.loginCanWrite); // the owner

    const QString sql = source.rightsSql(true).result();
    QVERIFY(sql.contains(QLatin1String("SECURITY DEFINER")));
    QVERIFY(sql.contains(QLatin1String("SET search_path = \"public\", pg_catalog, pg_temp")));
    QVERIFY(!sql.contains(QLatin1String("@schema@")));
}

void TestPgRights::readerLoginMayOnlyRead()
{
    const QString reader = QStringLiteral("rc_reader_login");
    QCOMPARE(runAs(m_db, reader, QStringLiteral(R"(SELECT count(*) FROM "UserRole")")), QString());
    const QString refused = runAs(m_db, reader, QStringLiteral(R"(INSERT INTO "UserRole"
        ("id", "userId", "role", "isActive", "updatedAt")
        VALUES ('x1', 'cu0000000010', 'ADMIN', true, now()))"));
    QVERIFY2(refused.contains(QLatin1String("permission denied")), qPrintable(refused));
    const QString viaFunction = runAs(
        m_db, reader,
        QStringLiteral("SELECT rolecall_grant_role('%1', NULL, 'cu0000000010', 'ADMIN', NULL, "
                       "NULL, 'by hand', NULL, NULL)")
            .arg(admin().clerkId));
    QVERIFY2(viaFunction.contains(QLatin1String("permission denied")), qPrintable(viaFunction));
}

void TestPgRights::readerLoginMakesTheConsoleReadOnly()
{
    PgDataSource source(loginSettings(m_db, QStringLiteral("rc_reader_login")));
    const AccountAccess access = source.fetchAccount(admin().clerkId).result();
    QVERIFY(access.activeRoles.contains(QStringLiteral("ADMIN")));
    QVERIFY(access.databaseReadOnly);
    QVERIFY(!access.canWrite());
    QVERIFY2(access.readOnlyReason().contains(QLatin1String("database login has read rights only")),
             qPrintable(access.readOnlyReason()));
    QVERIFY(!source.rightsStatus().result().loginCanWrite);
    // the audit trail reads fine
    QVERIFY(!source.fetchAudit(AuditQuery{}).result().events.isEmpty());

    PgDataSource adminSource(loginSettings(m_db, QStringLiteral("rc_admin_login")));
    const AccountAccess adminAccess = adminSource.fetchAccount(admin().clerkId).result();
    QVERIFY(!adminAccess.databaseReadOnly);
    QVERIFY(adminAccess.canWrite());
}

void TestPgRights::adminLoginWritesOnlyThroughTheFunctions()
{
    const QString adminLogin = QStringLiteral("rc_admin_login");
    const QString before = checksum(m_db);
    const QString refused =
        runAs(m_db, adminLogin, QStringLiteral(R"(UPDATE "UserRole" SET "isActive" = false)"));
    QVERIFY2(refused.contains(QLatin1String("permission denied")), qPrintable(refused));
    QVERIFY(!runAs(m_db, adminLogin, QStringLiteral(R"(DELETE FROM "UserRole")")).isEmpty());
    QCOMPARE(checksum(m_db), before);

    // The console on that login: grant, end and bulk grant go through the functions.
    PgDataSource source(loginSettings(m_db, adminLogin));
    const RoleGrant granted =
        source.grantRole(admin(), grantOf(20, QStringLiteral("MENTOR"), QStringLiteral("mentor")))
            .result();
    QCOMPARE(granted.role, QStringLiteral("MENTOR"));
    QCOMPARE(granted.assignedBy, admin().clerkId);
    EndRequest end;
    end.grantId = granted.id;
    end.reason = QStringLiteral("term over");
    const RoleGrant ended = source.endGrant(admin(), end).result();
    QVERIFY(!ended.isActiveFlag);
    QVERIFY(ended.adminNotes.contains(QLatin1String("term over")));
    BulkGrantRequest bulk;
    bulk.role = QStringLiteral("MENTOR");
    bulk.reason = QStringLiteral("cohort");
    bulk.users = {emailOfSeedUser(21), emailOfSeedUser(22)};
    QCOMPARE(source.applyBulkGrant(admin(), bulk).result().size(), 2);
    // a duplicate is refused by the function's overlap guard
    const auto duplicate = errorOf(
        source.grantRole(admin(), grantOf(21, QStringLiteral("MENTOR"), QStringLiteral("again"))));
    QVERIFY(duplicate);
    QCOMPARE(duplicate->kind(), DataSourceError::Kind::Validation);

    // Each write is in the trail once, as the console's, never as outside.
    AuditQuery query;
    query.user = QStringLiteral("cu0000000020");
    const QList<AuditEvent> events = allEvents(source, query);
    QStringList actions;
    for (const AuditEvent &e : events) {
        QVERIFY2(!e.madeOutsideConsole(), qPrintable(e.id));
        if (e.grantId == granted.id)
            actions << e.action;
    }
    actions.sort();
    QCOMPARE(actions, (QStringList{QStringLiteral("ended"), QStringLiteral("granted")}));
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent"
        WHERE "grantId" = ? AND "recordedBy" = 'trigger' AND "databaseLogin" = 'rc_admin_login'
          AND "applicationActor" = ?)"),
                    {granted.id, admin().clerkId})
                 .toInt(),
             2);
}

void TestPgRights::functionsApplyTheConsolesGuards()
{
    PgDataSource source(loginSettings(m_db, QStringLiteral("rc_admin_login")));
    QSqlDatabase adminDb = loginConnection(m_db, QStringLiteral("rc_admin_login"));
    const auto call = [&adminDb](const QString &sql) {
        QSqlQuery q(adminDb);
        return q.exec(sql) ? QString() : q.lastError().nativeErrorCode();
    };
    const QString me = admin().clerkId;
    // reason required, end after start, not an admin, control characters
    QCOMPARE(call(QStringLiteral("SELECT rolecall_grant_role('%1', NULL, 'cu0000000030', "
                                 "'MENTOR', NULL, NULL, '  ', NULL, NULL)")
                      .arg(me)),
             QStringLiteral("RC400"));
    QCOMPARE(call(QStringLiteral("SELECT rolecall_grant_role('%1', NULL, 'cu0000000030', "
                                 "'MENTOR', '2030-01-02', '2030-01-01', 'r', NULL, NULL)")
                      .arg(me)),
             QStringLiteral("RC400"));
    QCOMPARE(call(QStringLiteral("SELECT rolecall_grant_role('%1', NULL, 'cu0000000030', "
                                 "'MENTOR', NULL, NULL, 'r', NULL, NULL)")
                      .arg(actorOf(30).clerkId)),
             QStringLiteral("RC403"));
    QCOMPARE(call(QStringLiteral("SELECT rolecall_grant_role('%1', NULL, 'cu0000000030', "
                                 "'MENTOR', NULL, NULL, E'a\\nEnded by someone', NULL, NULL)")
                      .arg(me)),
             QStringLiteral("RC400"));
    // self-demotion needs confirmation (another admin exists, so not the last)
    source.grantRole(admin(), grantOf(31, QStringLiteral("ADMIN"))).waitForFinished();
    EndRequest end;
    end.grantId = QStringLiteral("cr0000000005a");
    end.reason = QStringLiteral("stepping down");
    const auto self = errorOf(source.endGrant(admin(), end));
    QVERIFY(self);
    QCOMPARE(self->kind(), DataSourceError::Kind::SelfDemotion);
    // a stale view is a conflict
    end.expectedUpdatedAt = utcNow().addYears(-5);
    end.confirmSelfDemotion = true;
    QCOMPARE(failureOf(source.endGrant(admin(), end)).kind(), DataSourceError::Kind::Conflict);
}

void TestPgRights::adminLoginRunsTheSyncActions()
{
    PgSyncStore store(loginSettings(m_db, QStringLiteral("rc_admin_login")));
    SyncAction create;
    create.kind = SyncAction::Kind::Sync;
    create.clerkId = QStringLiteral("user_rights_new");
    ClerkUser clerk;
    clerk.id = create.clerkId;
    clerk.primaryEmail = QStringLiteral("rights.new@example.test");
    clerk.firstName = QStringLiteral("Rights");
    clerk.hasFirstName = true;
    create.clerk = clerk;
    const SyncActionResult created = store.apply(admin(), std::nullopt, create, false).result();
    QVERIFY(created.created);
    QCOMPARE(created.grantIds.size(), 1); // the LEARNER grant, through the function

    SyncAction grantDefault;
    grantDefault.kind = SyncAction::Kind::GrantDefaultRole;
    grantDefault.clerkId = clerkIdOfSeedUser(60); // holds no LEARNER
    QVERIFY(store.apply(admin(), std::nullopt, grantDefault, false).result().changed);

    SyncAction endAll;
    endAll.kind = SyncAction::Kind::EndAllGrants;
    endAll.clerkId = clerkIdOfSeedUser(61);
    endAll.reason = QStringLiteral("left the school");
    const SyncActionResult ended = store.apply(admin(), std::nullopt, endAll, false).result();
    QVERIFY(ended.changed);
    QCOMPARE(scalar(m_db, QStringLiteral(R"(SELECT count(*) FROM "UserRole"
        WHERE "userId" = 'cu0000000061' AND "isActive")"))
                 .toInt(),
             0);
    // Each change recorded once by the console; none of them "outside".
    PgDataSource source(m_cluster->connection(m_db));
    AuditQuery query;
    query.user = QStringLiteral("cu0000000061");
    for (const AuditEvent &e : allEvents(source, query))
        QVERIFY2(!e.madeOutsideConsole(), qPrintable(e.id));
}

void TestPgRights::auditTrailIsAppendOnlyForAllButItsOwner()
{
    for (const QString &login :
         {QStringLiteral("rc_admin_login"), QStringLiteral("rc_reader_login")}) {
        for (const QString &sql :
             {QStringLiteral(R"(UPDATE "RolecallAuditEvent" SET "reason" = 'x')"),
              QStringLiteral(R"(DELETE FROM "RolecallAuditEvent")"),
              QStringLiteral(R"(TRUNCATE "RolecallAuditEvent")")}) {
            const QString refused = runAs(m_db, login, sql);
            QVERIFY2(
                refused.contains(QLatin1String("permission denied")),
                qPrintable(login + QStringLiteral(": ") + sql + QStringLiteral(" -> ") + refused));
        }
    }
}

void TestPgRights::ownerChangeByPlainSqlIsAuditedAsOutside()
{
    // The application's own login (the owner, as Prisma connects) ends a
    // grant by hand: no console, no actor.
    QSqlQuery q(connect(m_db));
    QVERIFY2(q.exec(QStringLiteral(R"(INSERT INTO "UserRole" ("id", "userId", "role",
            "isActive", "reason", "updatedAt")
        VALUES ('byhand0000000001', 'cu0000000040', 'MENTOR', true, 'psql', now()))")),
             qPrintable(q.lastError().text()));
    QVERIFY2(q.exec(QStringLiteral(R"(UPDATE "UserRole" SET "isActive" = false,
            "effectiveEndDate" = now() WHERE "id" = 'byhand0000000001')")),
             qPrintable(q.lastError().text()));

    PgDataSource source(m_cluster->connection(m_db));
    AuditQuery query;
    query.user = QStringLiteral("cu0000000040");
    const QList<AuditEvent> events = allEvents(source, query);
    QStringList outside;
    for (const AuditEvent &e : events) {
        if (e.grantId != QLatin1String("byhand0000000001"))
            continue;
        QVERIFY2(e.madeOutsideConsole(), qPrintable(e.id + QLatin1Char(' ') + e.source));
        QCOMPARE(e.databaseLogin, m_cluster->superuser());
        if (e.action == QLatin1String("ended"))
            QCOMPARE(e.after.value(QStringLiteral("isActive")).toBool(), false);
        outside << e.action;
    }
    outside.sort();
    QCOMPARE(outside, (QStringList{QStringLiteral("ended"), QStringLiteral("granted")}));

    // The Audit screen's model says so, with the login.
    AuditTableModel model(&source);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(query);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() > 0, 20000);
    int shown = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.eventAt(row).grantId != QLatin1String("byhand0000000001"))
            continue;
        ++shown;
        QCOMPARE(
            model.index(row, AuditTableModel::ActorColumn).data().toString(),
            QStringLiteral("Outside the console (database login %1)").arg(m_cluster->superuser()));
    }
    QCOMPARE(shown, 2);
}

void TestPgRights::lastAdminGuardHoldsAcrossFutureEnds_data()
{
    QTest::addColumn<bool>("withRights");
    QTest::newRow("console's writer") << false;
    QTest::newRow("database functions") << true;
}

void TestPgRights::lastAdminGuardHoldsAcrossFutureEnds()
{
    QFETCH(bool, withRights);
    const QString db = withRights ? rightsDatabase() : freshDatabase(100);
    QVERIFY(!db.isEmpty());
    PgDataSource source(withRights ? loginSettings(db, QStringLiteral("rc_admin_login"))
                                   : m_cluster->connection(db));
    // Two admins: A (seed user 5) and B (user 6).
    const RoleGrant b = source.grantRole(admin(), grantOf(6, QStringLiteral("ADMIN"))).result();
    // End B at T+10 days: A stays, fine.
    EndRequest endB;
    endB.grantId = b.id;
    endB.reason = QStringLiteral("leaves in ten days");
    endB.at = utcNow().addDays(10);
    QVERIFY(source.endGrant(admin(), endB).result().isActiveFlag);
    // End A at T+5: after T+10 nobody would be ADMIN.
    const QString before = checksum(db);
    EndRequest endA;
    endA.grantId = QStringLiteral("cr0000000005a");
    endA.reason = QStringLiteral("leaves in five days");
    endA.at = utcNow().addDays(5);
    endA.confirmSelfDemotion = true;
    const auto refused = errorOf(source.endGrant(admin(), endA));
    QVERIFY(refused);
    QCOMPARE(refused->kind(), DataSourceError::Kind::Validation);
    QVERIFY2(refused->message().contains(QLatin1String("last active ADMIN")),
             qPrintable(refused->message()));
    QCOMPARE(checksum(db), before);
    // A third admin with no end makes it fine.
    source.grantRole(admin(), grantOf(7, QStringLiteral("ADMIN"))).waitForFinished();
    QVERIFY(source.endGrant(admin(), endA).result().isActiveFlag);
    // Directly through the function too (the database's own guard).
    if (withRights) {
        const QString refusedSql =
            runAs(db, QStringLiteral("rc_admin_login"),
                  QStringLiteral(
                      "SELECT rolecall_end_grant('%1', NULL, (SELECT \"id\" FROM "
                      "\"UserRole\" WHERE \"userId\" = 'cu0000000007' AND \"role\" = 'ADMIN'), "
                      "timezone('UTC', now()) + interval '20 days', 'r', NULL, true)")
                      .arg(admin().clerkId));
        QVERIFY2(refusedSql.contains(QLatin1String("last active ADMIN")), qPrintable(refusedSql));
    }
}

void TestPgRights::uninstallUndoesAndKeepsTheTrail()
{
    const QString db = rightsDatabase();
    QVERIFY(!db.isEmpty());
    PgDataSource source(m_cluster->connection(db));
    source.grantRole(admin(), grantOf(50, QStringLiteral("MENTOR"))).waitForFinished();
    const int events =
        scalar(db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent")")).toInt();
    QVERIFY(events >= 2);
    const auto failure = errorOf(source.uninstallRights());
    QVERIFY2(!failure, qPrintable(failure ? failure->message() : QString()));
    QVERIFY(!errorOf(source.uninstallRights())); // again: nothing left to do, no error
    const RightsStatus status = source.rightsStatus().result();
    QVERIFY(!status.writerFunctions);
    QVERIFY(!status.auditTrigger);
    // The roles are still held by the other databases' rights, so they stay.
    QVERIFY(status.readerRole);
    QCOMPARE(scalar(db, QStringLiteral(R"(SELECT count(*) FROM "RolecallAuditEvent")")).toInt(),
             events);
    // The console writes directly again, and can install once more.
    source.grantRole(admin(), grantOf(51, QStringLiteral("MENTOR"))).waitForFinished();
    source.installRights().waitForFinished();
    QVERIFY(source.rightsStatus().result().installed());
}

void TestPgRights::splitsStatementsOutsideQuotes()
{
    const QStringList statements = splitSqlStatements(QStringLiteral(
        "-- a comment; with a semicolon\nSELECT 'a;b';\nCREATE FUNCTION f() RETURNS int "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\n\"x;y\";\n-- only a comment\n"));
    QCOMPARE(statements.size(), 3);
    QVERIFY(statements.at(0).endsWith(QLatin1String("SELECT 'a;b'")));
    QVERIFY(statements.at(1).endsWith(QLatin1String("END $$")));
    QCOMPARE(statements.at(2), QStringLiteral("\"x;y\""));
}

QTEST_GUILESS_MAIN(TestPgRights)
#include "tst_pgrights.moc"

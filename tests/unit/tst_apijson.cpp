// The admin API codec (models/api/apijson.h): every document survives a round
// trip, bad input is refused with the field named, and nothing crashes.
#include "api/apijson.h"
#include "domain/utctime.h"

#include <QJsonDocument>
#include <QTest>

using namespace rolecall;
using namespace rolecall::apijson;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

User sampleUser()
{
    User user;
    user.id = QStringLiteral("ckuser0001");
    user.clerkId = QStringLiteral("user_2abc");
    user.email = QStringLiteral("ada+test@example.com");
    user.firstName = QStringLiteral("Ada");
    user.lastName = QStringLiteral("Lovelace");
    user.createdAt = at("2025-03-01T12:00:00.123Z");
    user.updatedAt = at("2025-03-02T12:00:00.000Z");
    user.activeRoles = {QStringLiteral("ADMIN"), QStringLiteral("LEARNER")};
    return user;
}

RoleGrant sampleGrant()
{
    RoleGrant grant;
    grant.id = QStringLiteral("ckgrant01");
    grant.userId = QStringLiteral("ckuser0001");
    grant.role = QStringLiteral("MENTOR");
    grant.effectiveStart = at("2025-03-01T00:00:00.000Z");
    grant.effectiveEnd = at("2026-03-01T00:00:00.000Z");
    grant.assignedBy = QStringLiteral("user_admin");
    grant.assignedByEmail = QStringLiteral("admin@example.com");
    grant.reason = QStringLiteral("Mentors the spring cohort");
    grant.adminNotes = QStringLiteral("ticket 42\nsecond line");
    grant.isActiveFlag = false;
    grant.createdAt = at("2025-03-01T00:00:00.001Z");
    grant.updatedAt = at("2025-03-05T00:00:00.002Z");
    return grant;
}

GrantView sampleView()
{
    GrantView view;
    view.grant = sampleGrant();
    view.state = GrantState::Ended;
    view.userClerkId = QStringLiteral("user_2abc");
    view.userEmail = QStringLiteral("ada@example.com");
    view.userName = QStringLiteral("Ada Lovelace");
    view.endedBy = QStringLiteral("admin@example.com");
    view.endedReason = QStringLiteral("Cohort over");
    return view;
}

// Encodes to text and back, as the wire does.
QJsonValue wire(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson()).object();
}

void compareUsers(const User &a, const User &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.clerkId, b.clerkId);
    QCOMPARE(a.email, b.email);
    QCOMPARE(a.firstName, b.firstName);
    QCOMPARE(a.lastName, b.lastName);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.updatedAt, b.updatedAt);
    QCOMPARE(a.activeRoles, b.activeRoles);
}

void compareGrants(const RoleGrant &a, const RoleGrant &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.userId, b.userId);
    QCOMPARE(a.role, b.role);
    QCOMPARE(a.effectiveStart, b.effectiveStart);
    QCOMPARE(a.effectiveEnd, b.effectiveEnd);
    QCOMPARE(a.assignedBy, b.assignedBy);
    QCOMPARE(a.assignedByEmail, b.assignedByEmail);
    QCOMPARE(a.reason, b.reason);
    QCOMPARE(a.adminNotes, b.adminNotes);
    QCOMPARE(a.isActiveFlag, b.isActiveFlag);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.updatedAt, b.updatedAt);
}

} // namespace

class TestApiJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instantsAreUtcWithMillisecondsOrNull()
    {
        QCOMPARE(instantJson(at("2026-01-02T03:04:05.006Z")).toString(),
                 QStringLiteral("2026-01-02T03:04:05.006Z"));
        QVERIFY(instantJson(QDateTime()).isNull());
        QDateTime parsed;
        QVERIFY(parseInstant(QJsonValue(QStringLiteral("2026-01-02T05:04:05.006+02:00")), &parsed));
        QCOMPARE(parsed, at("2026-01-02T03:04:05.006Z"));
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QVERIFY(parseInstant(QJsonValue(), &parsed));
        QVERIFY(!parsed.isValid());
    }

    void instantsWithoutAZoneOrMalformedAreRefused_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("local time") << QJsonValue(QStringLiteral("2026-01-02T03:04:05.000"));
        QTest::newRow("date only") << QJsonValue(QStringLiteral("2026-01-02"));
        QTest::newRow("garbage") << QJsonValue(QStringLiteral("yesterday Z"));
        QTest::newRow("number") << QJsonValue(1700000000);
        QTest::newRow("month 13") << QJsonValue(QStringLiteral("2026-13-02T03:04:05Z"));
    }
    void instantsWithoutAZoneOrMalformedAreRefused()
    {
        QFETCH(QJsonValue, value);
        QDateTime parsed;
        QVERIFY(!parseInstant(value, &parsed));
    }

    void usersGrantsAndViewsSurviveARoundTrip()
    {
        User user;
        QString error;
        QVERIFY2(fromJson(wire(toJson(sampleUser())), &user, &error), qPrintable(error));
        compareUsers(user, sampleUser());

        RoleGrant grant;
        QVERIFY2(fromJson(wire(toJson(sampleGrant())), &grant, &error), qPrintable(error));
        compareGrants(grant, sampleGrant());

        GrantView view;
        QVERIFY2(fromJson(wire(toJson(sampleView())), &view, &error), qPrintable(error));
        compareGrants(view.grant, sampleView().grant);
        QCOMPARE(view.state, GrantState::Ended);
        QCOMPARE(view.userName, sampleView().userName);
        QCOMPARE(view.endedBy, sampleView().endedBy);
        QCOMPARE(view.endedReason, sampleView().endedReason);
    }

    void anAccessExplanationSurvivesARoundTripWithItsGrants()
    {
        // One of each state, judged by the one rule, then sent over the wire.
        GrantView ended = sampleView(); // switched off on 2025-03-05
        GrantView held = sampleView();
        held.grant.id = QStringLiteral("ckgrant02");
        held.grant.isActiveFlag = true;
        held.grant.effectiveEnd = {};
        GrantView later = held;
        later.grant.id = QStringLiteral("ckgrant03");
        later.grant.effectiveStart = at("2027-01-01T00:00:00.000Z");
        const AccessExplanation judged = explainAccess(
            {ended, held, later}, QStringLiteral("MENTOR"), at("2026-06-01T00:00:00.000Z"));
        QCOMPARE(judged.verdict, AccessVerdict::Held);

        AccessExplanation back;
        QString error;
        QVERIFY2(fromJson(wire(toJson(judged)), &back, &error), qPrintable(error));
        QCOMPARE(back.role, judged.role);
        QCOMPARE(back.asOf, judged.asOf);
        QCOMPARE(back.verdict, judged.verdict);
        QCOMPARE(back.holding.size(), 1);
        QCOMPARE(back.future.size(), 1);
        QCOMPARE(back.ended.size(), 1);
        compareGrants(back.ended.first().grant, ended.grant);
        QCOMPARE(back.ended.first().endedReason, ended.endedReason);
        QCOMPARE(back.future.first().state, GrantState::Future);
        // The sentences made from it are the ones made from the original.
        const auto iso = [](const QDateTime &instant) { return isoUtc(instant); };
        QCOMPARE(explanationLines(back, iso), explanationLines(judged, iso));
        QCOMPARE(explanationJson(back), explanationJson(judged));
    }

    void anAccessExplanationThatContradictsItselfIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("held without a holding grant")
            << QStringLiteral("verdict") << QJsonValue(QStringLiteral("held"));
        QTest::newRow("unknown verdict")
            << QStringLiteral("verdict") << QJsonValue(QStringLiteral("maybe"));
        QTest::newRow("holds but never granted") << QStringLiteral("holds") << QJsonValue(true);
        QTest::newRow("no asOf") << QStringLiteral("asOf") << QJsonValue();
    }
    void anAccessExplanationThatContradictsItselfIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject json = toJson(explainAccess({}, QStringLiteral("MENTOR"), {}));
        QVERIFY(fromJson(json, static_cast<AccessExplanation *>(nullptr), nullptr));
        json.insert(field, value);
        AccessExplanation out;
        QString error;
        QVERIFY(!fromJson(json, &out, &error));
        QVERIFY2(error.startsWith(field), qPrintable(error));
    }

    void anOpenEndedGrantHasANullEnd()
    {
        RoleGrant open = sampleGrant();
        open.effectiveEnd = {};
        const QJsonObject json = toJson(open);
        QVERIFY(json.value(QStringLiteral("effectiveEnd")).isNull());
        RoleGrant back;
        QVERIFY(fromJson(json, &back, nullptr));
        QVERIFY(!back.effectiveEnd.isValid());
    }

    void capabilitiesAndAccessSurviveARoundTrip()
    {
        Capabilities caps;
        caps.apiVersion = apiVersion();
        caps.server = QStringLiteral("rolecall-server 1.0");
        caps.schema.kind = SchemaKind::AkakoLms;
        caps.schema.roles = {QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                             QStringLiteral("ADMIN")};
        caps.features = {QString::fromLatin1(feature::users), QString::fromLatin1(feature::sync)};
        Capabilities back;
        QString error;
        QVERIFY2(fromJson(wire(toJson(caps)), &back, &error), qPrintable(error));
        QCOMPARE(back.apiVersion, caps.apiVersion);
        QCOMPARE(back.server, caps.server);
        QCOMPARE(back.schema.kind, caps.schema.kind);
        QCOMPARE(back.schema.roles, caps.schema.roles);
        QCOMPARE(back.features, caps.features);
        QVERIFY(back.has(feature::sync));
        QVERIFY(!back.has(feature::audit));

        AccountAccess access;
        access.userFound = true;
        access.user = sampleUser();
        access.activeRoles = {QStringLiteral("ADMIN")};
        access.rolesSupported = true;
        const QJsonObject json = toJson(access);
        QCOMPARE(json.value(QStringLiteral("canWrite")).toBool(), true);
        AccountAccess accessBack;
        QVERIFY2(fromJson(wire(json), &accessBack, &error), qPrintable(error));
        QVERIFY(accessBack.userFound);
        QVERIFY(accessBack.canWrite());
        compareUsers(accessBack.user, sampleUser());

        AccountAccess nobody;
        QVERIFY(fromJson(wire(toJson(nobody)), &accessBack, &error));
        QVERIFY(!accessBack.userFound);
        QVERIFY(!accessBack.readOnlyReason().isEmpty());
    }

    void theServersReadOnlyReasonIsTheConsolesReason()
    {
        // An ADMIN by their roles whom the server still keeps read-only.
        AccountAccess admin;
        admin.userFound = true;
        admin.user = sampleUser();
        admin.activeRoles = {QStringLiteral("ADMIN")};
        admin.rolesSupported = true;
        QJsonObject json = toJson(admin);
        json.insert(QStringLiteral("canWrite"), false);
        json.insert(QStringLiteral("readOnlyReason"),
                    QStringLiteral("Writes are paused for the audit until Friday."));
        AccountAccess back;
        QString error;
        QVERIFY2(fromJson(wire(json), &back, &error), qPrintable(error));
        QVERIFY(!back.canWrite());
        QCOMPARE(back.readOnlyReason(),
                 QStringLiteral("Writes are paused for the audit until Friday."));

        // canWrite false without a reason is still read-only, saying the server decided.
        json.remove(QStringLiteral("readOnlyReason"));
        QVERIFY(fromJson(wire(json), &back, &error));
        QVERIFY(!back.canWrite());
        QVERIFY(back.readOnlyReason().contains(QLatin1String("server")));

        // A non-admin: the server's words, as the server wrote them.
        AccountAccess learner = admin;
        learner.activeRoles = {QStringLiteral("LEARNER")};
        QVERIFY(fromJson(wire(toJson(learner)), &back, &error));
        QCOMPARE(back.readOnlyReason(), learner.readOnlyReason());
    }

    void requestsSurviveARoundTrip()
    {
        GrantRequest grant{QStringLiteral("user_2abc"),    QStringLiteral("MENTOR"),
                           at("2025-04-01T00:00:00.000Z"), QDateTime(),
                           QStringLiteral("Why"),          QStringLiteral("Notes")};
        GrantRequest grantBack;
        QVERIFY(fromJson(wire(toJson(grant)), &grantBack, nullptr));
        QCOMPARE(grantBack.user, grant.user);
        QCOMPARE(grantBack.start, grant.start);
        QVERIFY(!grantBack.end.isValid());
        QCOMPARE(grantBack.notes, grant.notes);

        EndRequest end;
        end.grantId = QStringLiteral("g1");
        end.reason = QStringLiteral("Done");
        end.at = at("2025-05-01T00:00:00.000Z");
        end.confirmSelfDemotion = true;
        EndRequest endBack;
        QVERIFY(fromJson(wire(toJson(end)), &endBack, nullptr));
        QCOMPARE(endBack.reason, end.reason);
        QCOMPARE(endBack.at, end.at);
        QVERIFY(endBack.confirmSelfDemotion);

        BulkGrantRequest bulk;
        bulk.role = QStringLiteral("LEARNER");
        bulk.reason = QStringLiteral("Cohort");
        bulk.useFilter = true;
        bulk.filter.search = QStringLiteral("example.com");
        bulk.filter.noRole = true;
        BulkGrantRequest bulkBack;
        bool dryRun = false;
        QVERIFY(fromJson(wire(toJson(bulk, true)), &bulkBack, &dryRun, nullptr));
        QVERIFY(dryRun);
        QVERIFY(bulkBack.useFilter);
        QCOMPARE(bulkBack.filter.search, bulk.filter.search);
        QVERIFY(bulkBack.filter.noRole);

        bulk.useFilter = false;
        bulk.users = {QStringLiteral("a@example.com"), QStringLiteral("user_b")};
        QVERIFY(fromJson(wire(toJson(bulk, false)), &bulkBack, &dryRun, nullptr));
        QVERIFY(!dryRun);
        QCOMPARE(bulkBack.users, bulk.users);
    }

    void pagesCarryCursorsThatGiveBackTheKeys()
    {
        UserPage page;
        page.users = {sampleUser(), sampleUser()};
        page.users[1].id = QStringLiteral("ckuser0002");
        page.firstKey = QStringLiteral("Ada Lovelace");
        page.lastKey = QStringLiteral("Zed");
        page.atEnd = true;
        const QJsonObject json = toJson(page, UserSortKey::Name);
        UserPage back;
        QString error;
        QVERIFY2(fromJson(wire(json), &back, &error), qPrintable(error));
        QCOMPARE(back.users.size(), 2);
        QCOMPARE(back.firstKey, page.firstKey);
        QCOMPARE(back.lastKey, page.lastKey);
        QVERIFY(back.atEnd);
        Cursor last;
        QVERIFY(decodeCursor(json.value(QStringLiteral("lastCursor")).toString(), &last, nullptr));
        QCOMPARE(last.id, QStringLiteral("ckuser0002"));
        QCOMPARE(last.sort, QStringLiteral("name"));

        GrantPage grants;
        grants.grants = {sampleView()};
        GrantPage grantsBack;
        QVERIFY(fromJson(wire(toJson(grants)), &grantsBack, &error));
        QCOMPARE(grantsBack.grants.size(), 1);
        QVERIFY(!grantsBack.atEnd);

        AuditEvent event;
        event.id = QStringLiteral("g1:granted");
        event.at = at("2025-03-01T00:00:00.000Z");
        event.action = QStringLiteral("granted");
        event.after = QJsonObject{{QStringLiteral("role"), QStringLiteral("ADMIN")}};
        AuditPage audit;
        audit.events = {event};
        AuditPage auditBack;
        QVERIFY2(fromJson(wire(toJson(audit)), &auditBack, &error), qPrintable(error));
        QCOMPARE(auditBack.events.size(), 1);
        QCOMPARE(auditBack.events.first().after, event.after);
    }

    void overviewSurvivesARoundTrip()
    {
        OverviewFigures figures;
        figures.rolesSupported = true;
        figures.users = 1000000;
        figures.usersWithoutRole = 7;
        figures.grantsExpiringThisWeek = 3;
        figures.activePerRole = {{QStringLiteral("ADMIN"), 2, 2}};
        figures.months = {QDate(2025, 1, 1), QDate(2025, 2, 1)};
        figures.series = {{QStringLiteral("ADMIN"), {1, 2}}};
        OverviewFigures back;
        QString error;
        QVERIFY2(fromJson(wire(toJson(figures)), &back, &error), qPrintable(error));
        QCOMPARE(back.users, figures.users);
        QCOMPARE(back.months, figures.months);
        QCOMPARE(back.series, figures.series);
        QCOMPARE(back.activePerRole.first().activeUsers, 2);

        QJsonObject broken = toJson(figures);
        broken.insert(QStringLiteral("series"),
                      QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("ADMIN")},
                                             {QStringLiteral("counts"), QJsonArray{1}}}});
        QVERIFY(!fromJson(broken, &back, &error));
        QVERIFY2(error.contains(QStringLiteral("series[0]")), qPrintable(error));
    }

    void syncDocumentsSurviveARoundTrip()
    {
        SyncDbSnapshot snapshot;
        snapshot.kind = SchemaKind::SehatScan;
        SyncDbUser row;
        row.rowId = QStringLiteral("user_1");
        row.clerkId = QStringLiteral("user_1");
        row.name = QStringLiteral("Ada");
        row.nameIsNull = false;
        row.hasPassword = true;
        SyncDbUser unnamed;
        unnamed.rowId = QStringLiteral("user_2");
        snapshot.users = {row, unnamed};
        SyncDbSnapshot back;
        QString error;
        QVERIFY2(fromJson(wire(toJson(snapshot)), &back, &error), qPrintable(error));
        QCOMPARE(back.kind, SchemaKind::SehatScan);
        QCOMPARE(back.users.size(), 2);
        QCOMPARE(back.users.first().name, QStringLiteral("Ada"));
        QVERIFY(!back.users.first().nameIsNull);
        QVERIFY(back.users.first().hasPassword);
        QVERIFY(back.users.last().nameIsNull);

        SyncAction action;
        action.kind = SyncAction::Kind::Sync;
        action.clerkId = QStringLiteral("user_1");
        ClerkUser clerk;
        clerk.id = QStringLiteral("user_1");
        clerk.primaryEmail = QStringLiteral("a@example.com");
        clerk.createdAt = at("2025-01-01T00:00:00.000Z");
        action.clerk = clerk;
        SyncAction actionBack;
        bool dryRun = false;
        QVERIFY(fromJson(wire(toJson(action, true)), &actionBack, &dryRun, &error));
        QVERIFY(dryRun);
        QVERIFY(actionBack.clerk.has_value());
        QCOMPARE(actionBack.clerk->primaryEmail, clerk.primaryEmail);
        QCOMPARE(actionBack.clerk->createdAt, clerk.createdAt);

        SyncActionResult result;
        result.clerkId = QStringLiteral("user_1");
        result.kind = SyncAction::Kind::EndAllGrants;
        result.changed = true;
        result.changes = {{QStringLiteral("email"), QStringLiteral("new"), QStringLiteral("old")}};
        result.grantIds = {QStringLiteral("g1")};
        result.summary = QStringLiteral("Ended 1 grant.");
        SyncActionResult resultBack;
        QVERIFY(fromJson(wire(toJson(result)), &resultBack, &error));
        QCOMPARE(resultBack.kind, SyncAction::Kind::EndAllGrants);
        QCOMPARE(resultBack.changes, result.changes);
        QCOMPARE(resultBack.grantIds, result.grantIds);

        SyncStatusReport report;
        SyncRecord record;
        record.clerkId = QStringLiteral("user_1");
        record.status = SyncStatus::Drifted;
        record.diffs = result.changes;
        record.clerk = clerk;
        report.rows = {record};
        report.complete = true;
        SyncStatusReport reportBack;
        QVERIFY(fromJson(wire(toJson(report)), &reportBack, &error));
        QCOMPARE(reportBack.rows.first().status, SyncStatus::Drifted);
        QVERIFY(reportBack.complete);
    }

    void badDocumentsAreRefusedWithTheFieldNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("the document");
        QTest::newRow("users missing") << QByteArray("{\"atEnd\":true}") << QStringLiteral("users");
        QTest::newRow("user not an object")
            << QByteArray("{\"users\":[7]}") << QStringLiteral("users[0]");
        QTest::newRow("id missing")
            << QByteArray("{\"users\":[{\"email\":\"a\"}]}") << QStringLiteral("users[0].id");
        QTest::newRow("bad instant")
            << QByteArray("{\"users\":[{\"id\":\"1\",\"createdAt\":\"soon\"}]}")
            << QStringLiteral("users[0].createdAt");
        QTest::newRow("roles not strings")
            << QByteArray("{\"users\":[{\"id\":\"1\",\"activeRoles\":[1]}]}")
            << QStringLiteral("users[0].activeRoles[0]");
        QTest::newRow("bad cursor")
            << QByteArray("{\"users\":[],\"lastCursor\":\"!!\"}") << QStringLiteral("lastCursor");
    }
    void badDocumentsAreRefusedWithTheFieldNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        const QJsonValue value =
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        UserPage page;
        page.firstKey = QStringLiteral("untouched");
        QString error;
        QVERIFY(!fromJson(value, &page, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QCOMPARE(page.firstKey, QStringLiteral("untouched")); // never half-filled
    }

    void anyJsonValueIsDecodedWithoutACrash()
    {
        const QList<QJsonValue> values = {
            QJsonValue(),
            QJsonValue(true),
            QJsonValue(1e308),
            QJsonValue(QStringLiteral("x")),
            QJsonArray{QJsonObject{}},
            QJsonObject{{QStringLiteral("users"), QJsonObject{}}},
            QJsonObject{{QStringLiteral("grants"), QJsonArray{QJsonValue()}}},
            QJsonObject{{QStringLiteral("count"), 1.5}},
            QJsonObject{{QStringLiteral("id"), QJsonArray{}}, {QStringLiteral("kind"), 3}}};
        for (const QJsonValue &value : values) {
            UserPage users;
            GrantPage grants;
            AuditPage audit;
            QList<GrantView> views;
            qint64 count = 0;
            SyncDbSnapshot snapshot;
            SyncActionResult result;
            Problem problem;
            Capabilities caps;
            QString error;
            fromJson(value, &users, &error);
            fromJson(value, &grants, &error);
            fromJson(value, &audit, &error);
            fromJson(value, &views, &error);
            fromJson(value, &snapshot, &error);
            fromJson(value, &result, &error);
            fromJson(value, &caps, &error);
            fromJson(value, &problem, &error);
            QVERIFY(!fromJson(value, &count, &error) ||
                    value.toObject().value(QStringLiteral("count")).isDouble());
        }
    }

    void thePlainBackendsRowsAreRead()
    {
        const QByteArray rows = R"([{"id":"ck1","clerkId":"user_1","email":"a@example.com",
            "firstName":null,"lastName":"L","createdAt":"2025-01-01T00:00:00.000Z",
            "updatedAt":"2025-01-02T00:00:00.000Z","imageUrl":"x"}])";
        QList<User> users;
        QString error;
        QVERIFY2(fromPlainUsersJson(QJsonDocument::fromJson(rows).array(), &users, &error),
                 qPrintable(error));
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.first().clerkId, QStringLiteral("user_1"));
        QVERIFY(users.first().firstName.isEmpty());

        const QByteArray profile =
            R"({"id":"ck1","clerkId":"user_1","email":"a@example.com","roles":["ADMIN"]})";
        AccountAccess access;
        QVERIFY(fromPlainProfileJson(QJsonDocument::fromJson(profile).object(), &access, &error));
        QVERIFY(access.userFound);
        QVERIFY(access.canWrite());
        QVERIFY(!fromPlainUsersJson(QJsonObject(), &users, &error));
    }
};

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_apijson.moc"

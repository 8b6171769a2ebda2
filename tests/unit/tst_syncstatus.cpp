// The comparison of Clerk users with User rows, the parsing of Clerk's
// shapes, and the rate limiter: no server, no database.
#include "clerk/clerkuser.h"
#include "clerk/ratelimiter.h"
#include "sync/syncstatus.h"

#include <QJsonDocument>
#include <QTest>

using namespace rolecall;

namespace {

ClerkUser clerk(const QString &id, const QString &email, const QString &first, const QString &last)
{
    ClerkUser user;
    user.id = id;
    user.primaryEmail = user.firstEmail = email;
    user.firstName = first;
    user.lastName = last;
    user.hasFirstName = !first.isEmpty();
    return user;
}

SyncDbUser akakoRow(const QString &clerkId, const QString &email, const QString &first,
                    const QString &last, bool learner = true)
{
    SyncDbUser row;
    row.rowId = QStringLiteral("row_") + clerkId;
    row.clerkId = clerkId;
    row.email = email;
    row.firstName = first;
    row.lastName = last;
    row.everHadLearner = row.activeLearner = learner;
    return row;
}

QHash<QString, SyncRecord> byId(const QList<SyncRecord> &records)
{
    QHash<QString, SyncRecord> map;
    for (const SyncRecord &record : records)
        map.insert(record.clerkId, record);
    return map;
}

} // namespace

class TestSyncStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip();
    void classifiesAkakoUsers();
    void classifiesSehatScanUsers();
    void namesOrphansOnlyAtTheEnd();
    void parsesClerkShapes();
    void parsesClerkErrors();
    void rateLimiterKeepsEveryWindowUnderTheLimit();
    void rateLimiterHonoursABlock();
};

void TestSyncStatus::namesRoundTrip()
{
    for (const SyncStatus status : allSyncStatuses())
        QCOMPARE(syncStatusFromName(syncStatusName(status)), std::optional<SyncStatus>(status));
    QCOMPARE(allSyncStatuses().size(), syncStatusCount);
    QVERIFY(!syncStatusFromName(QStringLiteral("lost")));
}

void TestSyncStatus::classifiesAkakoUsers()
{
    SyncDbSnapshot snapshot;
    snapshot.kind = SchemaKind::AkakoLms;
    snapshot.users = {
        akakoRow(QStringLiteral("user_same"), QStringLiteral("same@x.test"), QStringLiteral("Ann"),
                 QStringLiteral("Lee")),
        akakoRow(QStringLiteral("user_drift"), QStringLiteral("old@x.test"), QStringLiteral("Bo"),
                 QStringLiteral("Old")),
        akakoRow(QStringLiteral("user_norole"), QStringLiteral("norole@x.test"),
                 QStringLiteral("Cy"), QString(), false),
        akakoRow(QStringLiteral("user_taken"), QStringLiteral("taken@x.test"), QStringLiteral("Di"),
                 QString()),
        akakoRow(QStringLiteral("user_gone"), QStringLiteral("gone@x.test"), QString(), QString()),
    };
    SyncComparer comparer(snapshot);
    const QList<SyncRecord> page = comparer.addClerkPage({
        clerk(QStringLiteral("user_same"), QStringLiteral("same@x.test"), QStringLiteral("Ann"),
              QStringLiteral("Lee")),
        clerk(QStringLiteral("user_drift"), QStringLiteral("new@x.test"), QStringLiteral("Bo"),
              QStringLiteral("New")),
        clerk(QStringLiteral("user_norole"), QStringLiteral("norole@x.test"), QStringLiteral("Cy"),
              QString()),
        clerk(QStringLiteral("user_new"), QStringLiteral("new2@x.test"), QStringLiteral("Ed"),
              QString()),
        clerk(QStringLiteral("user_clash"), QStringLiteral("taken@x.test"), QStringLiteral("Fa"),
              QString()),
    });
    const QHash<QString, SyncRecord> records = byId(page);
    QCOMPARE(records.value(QStringLiteral("user_same")).status, SyncStatus::InSync);
    const SyncRecord drift = records.value(QStringLiteral("user_drift"));
    QCOMPARE(drift.status, SyncStatus::Drifted);
    QCOMPARE(drift.diffs, (QList<FieldDiff>{{QStringLiteral("email"), QStringLiteral("new@x.test"),
                                             QStringLiteral("old@x.test")},
                                            {QStringLiteral("lastName"), QStringLiteral("New"),
                                             QStringLiteral("Old")}}));
    QCOMPARE(records.value(QStringLiteral("user_norole")).status, SyncStatus::NoDefaultRole);
    QVERIFY(records.value(QStringLiteral("user_norole")).neverHadDefaultRole);
    QCOMPARE(records.value(QStringLiteral("user_new")).status, SyncStatus::MissingInDatabase);
    const SyncRecord clash = records.value(QStringLiteral("user_clash"));
    QCOMPARE(clash.status, SyncStatus::EmailConflict);
    QCOMPARE(clash.conflictClerkId, QStringLiteral("user_taken"));
    // user_taken never came from Clerk: an orphan, at the end.
    const QList<SyncRecord> rest = comparer.finish();
    QCOMPARE(rest.size(), 2);
    const QHash<QString, SyncRecord> last = byId(rest);
    QCOMPARE(last.value(QStringLiteral("user_gone")).status, SyncStatus::Orphaned);
    QCOMPARE(last.value(QStringLiteral("user_taken")).status, SyncStatus::Orphaned);
}

void TestSyncStatus::classifiesSehatScanUsers()
{
    SyncDbSnapshot snapshot;
    snapshot.kind = SchemaKind::SehatScan;
    SyncDbUser same;
    same.rowId = same.clerkId = QStringLiteral("user_a");
    same.email = QStringLiteral("a@x.test");
    same.name = QStringLiteral("Ann Lee");
    same.nameIsNull = false;
    SyncDbUser nameless = same;
    nameless.rowId = nameless.clerkId = QStringLiteral("user_b");
    nameless.email = QStringLiteral("b@x.test");
    nameless.name.clear();
    nameless.nameIsNull = true;
    SyncDbUser password;
    password.rowId = password.clerkId = QStringLiteral("cm0password");
    password.email = QStringLiteral("p@x.test");
    password.hasPassword = true;
    snapshot.users = {same, nameless, password};
    SyncComparer comparer(snapshot);
    ClerkUser a = clerk(QStringLiteral("user_a"), QStringLiteral("a@x.test"), QStringLiteral("Ann"),
                        QStringLiteral("Lee"));
    // SehatScan's sync takes email_addresses[0], not the primary one.
    a.primaryEmail = QStringLiteral("primary@x.test");
    // No first name: the app writes name NULL, whatever the last name.
    const ClerkUser b =
        clerk(QStringLiteral("user_b"), QStringLiteral("b@x.test"), QString(), QStringLiteral("Z"));
    const QHash<QString, SyncRecord> records = byId(comparer.addClerkPage({a, b}));
    QCOMPARE(records.value(QStringLiteral("user_a")).status, SyncStatus::InSync);
    QCOMPARE(records.value(QStringLiteral("user_b")).status, SyncStatus::InSync);
    QVERIFY(!records.value(QStringLiteral("user_a")).lacksDefaultRole);
    const QList<SyncRecord> rest = comparer.finish();
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest.first().status, SyncStatus::PasswordAccount);
}

void TestSyncStatus::namesOrphansOnlyAtTheEnd()
{
    SyncDbSnapshot snapshot;
    snapshot.kind = SchemaKind::AkakoLms;
    snapshot.users = {akakoRow(QStringLiteral("user_1"), QStringLiteral("1@x"), {}, {})};
    SyncComparer comparer(snapshot);
    QVERIFY(comparer.addClerkPage({}).isEmpty());
    QCOMPARE(comparer.finish().size(), 1);
    QVERIFY(comparer.finish().isEmpty()); // once
}

void TestSyncStatus::parsesClerkShapes()
{
    const QByteArray body = R"([{"id":"user_1","object":"user","first_name":"Zoë","last_name":null,
        "primary_email_address_id":"idn_2","image_url":"https://img.clerk.com/x","banned":true,
        "locked":false,"created_at":1700690400000,"updated_at":1700690400001,
        "last_sign_in_at":null,"public_metadata":{"role":"admin"},
        "email_addresses":[{"id":"idn_1","email_address":"first@x.test","verification":null},
                           {"id":"idn_2","email_address":"primary@x.test",
                            "verification":{"status":"verified","strategy":"ticket"}}]}])";
    QList<ClerkUser> users;
    QString error;
    QVERIFY2(parseClerkUserList(body, &users, &error), qPrintable(error));
    QCOMPARE(users.size(), 1);
    const ClerkUser &user = users.first();
    QCOMPARE(user.id, QStringLiteral("user_1"));
    QCOMPARE(user.primaryEmail, QStringLiteral("primary@x.test"));
    QVERIFY(user.primaryEmailVerified);
    QCOMPARE(user.firstEmail, QStringLiteral("first@x.test"));
    QCOMPARE(user.firstName, QStringLiteral("Zoë"));
    QVERIFY(user.lastName.isEmpty());
    QVERIFY(user.banned);
    QCOMPARE(user.createdAt.toMSecsSinceEpoch(), 1700690400000);
    QVERIFY(!user.lastSignInAt.isValid());
    QCOMPARE(user.publicRole, QStringLiteral("admin"));
    // A wrapped list is not Clerk's shape.
    QVERIFY(!parseClerkUserList(R"({"data":[]})", &users, &error));
    QCOMPARE(parseClerkTotalCount(R"({"object":"total_count","total_count":1234})"), 1234);
    QCOMPARE(parseClerkTotalCount("[]"), -1);
}

void TestSyncStatus::parsesClerkErrors()
{
    const QByteArray body = R"({"errors":[{"message":"Unauthorized","long_message":"The key is
        invalid.","code":"authentication_invalid","meta":{}}],"clerk_trace_id":"t"})";
    QCOMPARE(clerkErrorText(body).left(24), QStringLiteral("authentication_invalid: "));
    QVERIFY(clerkErrorText("<html>").isEmpty());
}

void TestSyncStatus::rateLimiterKeepsEveryWindowUnderTheLimit()
{
    RateLimiter limiter(3, 1000);
    qint64 now = 0;
    QList<qint64> sent;
    for (int i = 0; i < 10; ++i) {
        now += limiter.delayFor(now);
        limiter.spend(now);
        sent << now;
    }
    QCOMPARE(sent.mid(0, 4), (QList<qint64>{0, 0, 0, 1000}));
    for (qsizetype i = 3; i < sent.size(); ++i)
        QVERIFY(sent.at(i) - sent.at(i - 3) >= 1000);
}

void TestSyncStatus::rateLimiterHonoursABlock()
{
    RateLimiter limiter(100, 10000);
    limiter.blockUntil(2500);
    QCOMPARE(limiter.delayFor(1000), 1500);
    QCOMPARE(limiter.delayFor(3000), 0);
}

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"

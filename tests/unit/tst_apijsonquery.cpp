// The admin API codec's queries (models/api/apijsonquery.cpp): users, grants and
// audit queries survive the URL, and bad parameters are refused by name.
#include "api/apijson.h"
#include "domain/utctime.h"

#include <QTest>
#include <QUrlQuery>

using namespace rolecall;
using namespace rolecall::apijson;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

} // namespace

class TestApiJsonQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queriesSurviveTheUrl_data()
    {
        QTest::addColumn<UserQuery>("query");
        UserQuery plain;
        QTest::newRow("defaults") << plain;
        UserQuery filtered;
        filtered.search = QStringLiteral("a+b & c=d %20é");
        filtered.role = QStringLiteral("ADMIN");
        filtered.asOf = at("2025-01-01T00:00:00.000Z");
        filtered.sortKey = UserSortKey::Email;
        filtered.ascending = true;
        filtered.limit = 250;
        filtered.afterKey = QStringLiteral("z@example.com");
        filtered.afterId = QStringLiteral("ck9");
        QTest::newRow("filtered after a cursor") << filtered;
        UserQuery backward;
        backward.backward = true;
        QTest::newRow("the last page") << backward;
        UserQuery created;
        created.afterCreatedAt = at("2025-01-01T00:00:00.500Z");
        created.afterId = QStringLiteral("ck1");
        created.backward = true;
        QTest::newRow("before a created-at cursor") << created;
        UserQuery offset;
        offset.offset = 5000;
        offset.noRole = true;
        QTest::newRow("offset, no role") << offset;
    }
    void queriesSurviveTheUrl()
    {
        QFETCH(UserQuery, query);
        QUrl url(QStringLiteral("https://x.example/api/users"));
        url.setQuery(toUrlQuery(query));
        UserQuery back;
        QString error;
        QVERIFY2(fromUrlQuery(QUrlQuery(QUrl(url.toString(QUrl::FullyEncoded))), &back, &error),
                 qPrintable(error));
        QCOMPARE(back, query);
    }

    void grantAndAuditQueriesSurviveTheUrl()
    {
        GrantListQuery grants;
        grants.role = QStringLiteral("MENTOR");
        grants.state = GrantFilterState::Expiring;
        grants.expiringDays = 30;
        grants.beforeCreatedAt = at("2025-01-01T00:00:00.000Z");
        grants.beforeId = QStringLiteral("g9");
        GrantListQuery grantsBack;
        QVERIFY(fromUrlQuery(toUrlQuery(grants), &grantsBack, nullptr));
        QCOMPARE(grantsBack, grants);

        AuditQuery audit;
        audit.user = QStringLiteral("a@example.com");
        audit.since = at("2025-01-01T00:00:00.000Z");
        audit.beforeAt = at("2025-02-01T00:00:00.000Z");
        audit.beforeId = QStringLiteral("g1:ended");
        AuditQuery auditBack;
        QVERIFY(fromUrlQuery(toUrlQuery(audit), &auditBack, nullptr));
        QCOMPARE(auditBack.user, audit.user);
        QCOMPARE(auditBack.since, audit.since);
        QCOMPARE(auditBack.beforeAt, audit.beforeAt);
        QCOMPARE(auditBack.beforeId, audit.beforeId);
    }

    void badParametersAreRefusedByName_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit");
        QTest::newRow("sort") << QStringLiteral("sort=age") << QStringLiteral("sort");
        QTest::newRow("order") << QStringLiteral("order=up") << QStringLiteral("order");
        QTest::newRow("noRole") << QStringLiteral("noRole=yes") << QStringLiteral("noRole");
        QTest::newRow("asOf") << QStringLiteral("asOf=tomorrow") << QStringLiteral("asOf");
        QTest::newRow("tampered cursor")
            << QStringLiteral("after=eyJpIjo") << QStringLiteral("after");
        QTest::newRow("not base64") << QStringLiteral("after=%%%") << QStringLiteral("after");
        QTest::newRow("both cursors")
            << QStringLiteral("after=x&before=y") << QStringLiteral("before");
        const QString nameCursor = encodeCursor(
            Cursor{QStringLiteral("name"), QStringLiteral("A"), {}, QStringLiteral("1")});
        QTest::newRow("cursor of another order")
            << QStringLiteral("sort=email&after=") + nameCursor << QStringLiteral("after");
    }
    void badParametersAreRefusedByName()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        UserQuery out;
        QString error;
        QVERIFY(!fromUrlQuery(QUrlQuery(query), &out, &error));
        QVERIFY2(error.startsWith(field + QLatin1Char(':')), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestApiJsonQuery)
#include "tst_apijsonquery.moc"

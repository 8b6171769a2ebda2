// The user detail panel against a real PostgreSQL (the grant-states fixture):
// profile, active roles, the grant history as a readable timeline, time
// travel, and the edit buttons off with the reason when read-only.
#include "itemmodels/granttimelinemodel.h"
#include "pg/pgdatasource.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "widgets/colorscheme.h"
#include "widgets/granttimelinedelegate.h"
#include "widgets/statusbadge.h"
#include "widgets/userdetailpanel.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 20000;

User bob()
{
    User user;
    user.id = QStringLiteral("u_bob");
    user.clerkId = QStringLiteral("user_bob");
    user.email = QStringLiteral("bob@example.test");
    user.firstName = QStringLiteral("Bob");
    user.lastName = QStringLiteral("B");
    user.createdAt = QDateTime(QDate(2024, 1, 3), QTime(0, 0), Qt::UTC);
    return user;
}

User fixtureUser(const QString &name)
{
    User user;
    user.id = QStringLiteral("u_") + name;
    user.clerkId = QStringLiteral("user_") + name;
    user.email = name + QStringLiteral("@example.test");
    return user;
}

// Whether `image` has a pixel of `colour` (within rounding) inside `area`.
bool hasColour(const QImage &image, const QRect &area, const QColor &colour)
{
    for (int x = area.left(); x < area.right(); ++x)
        for (int y = area.top(); y < area.bottom(); ++y) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) <= 2 &&
                std::abs(pixel.green() - colour.green()) <= 2 &&
                std::abs(pixel.blue() - colour.blue()) <= 2)
                return true;
        }
    return false;
}
} // namespace

class TestUserDetailPanel : public QObject, public GrantStatesDatabase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsProfileRolesAndTheTimeline();
    void travelsInTime();
    void readOnlyDisablesEditsWithTheReason();
    void offersEndGrantForTheSelectedActiveGrant();
    void historyShowsEachStateAsABadge_data();
    void historyShowsEachStateAsABadge();

private:
    std::unique_ptr<PgDataSource> m_source;
};

void TestUserDetailPanel::initTestCase()
{
    QString error;
    QVERIFY2(start(&error), qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
}

void TestUserDetailPanel::showsProfileRolesAndTheTimeline()
{
    UserDetailPanel panel;
    QAbstractItemModelTester tester(panel.timelineModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setDataSource(m_source.get());
    QVERIFY(!panel.hasUser());
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    panel.setUser(bob());
    panel.show();
    QVERIFY(panel.isLoading());
    QVERIFY(panel.statusText().startsWith(QLatin1String("Loading")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    QVERIFY(panel.statusText().isEmpty());

    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("detailName"))->text(),
             QStringLiteral("Bob B"));
    const QString profile = panel.findChild<QLabel *>(QStringLiteral("detailProfile"))->text();
    QVERIFY2(profile.contains(QLatin1String("bob@example.test")) &&
                 profile.contains(QLatin1String("user_bob")),
             qPrintable(profile));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("detailRoles"))->text(),
             QStringLiteral("Active roles: LEARNER"));

    const QAbstractItemModel *timeline = panel.timelineView()->model();
    QCOMPARE(timeline->rowCount(), 2);
    QStringList rows;
    for (int row = 0; row < timeline->rowCount(); ++row)
        rows << timeline->index(row, 0).data().toString();
    const QString all = rows.join(QStringLiteral("\n--\n"));
    QVERIFY2(rows.first().startsWith(QStringLiteral("LEARNER — active")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Granted by other@example.test on ")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("MENTOR — ended")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String(": term mentor")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Notes: Granted for the spring term")), qPrintable(all));
    // Both end records in the notes, each a line of its own, not part of the notes.
    QVERIFY2(all.contains(QLatin1String("Ended on ")) &&
                 all.contains(QLatin1String(" by someone@example.test: first try")) &&
                 all.contains(QLatin1String(" by admin@example.test: term over")),
             qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("Notes: Granted for the spring term /")), qPrintable(all));
}

void TestUserDetailPanel::travelsInTime()
{
    UserDetailPanel panel;
    panel.setDataSource(m_source.get());
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    // Ten days ago Bob was a MENTOR and not yet a LEARNER.
    panel.setUser(bob(), QDateTime::currentDateTimeUtc().addDays(-10));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    const QString roles = panel.findChild<QLabel *>(QStringLiteral("detailRoles"))->text();
    QVERIFY2(roles.startsWith(QLatin1String("Roles on ")) &&
                 roles.endsWith(QLatin1String(": MENTOR")),
             qPrintable(roles));
}

void TestUserDetailPanel::readOnlyDisablesEditsWithTheReason()
{
    UserDetailPanel panel;
    panel.setDataSource(m_source.get());
    panel.setWriteAccess(false,
                         QStringLiteral("Read-only: only an active ADMIN may change roles."));
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    panel.setUser(bob());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    QVERIFY(!panel.grantButton()->isEnabled());
    QVERIFY(!panel.endButton()->isEnabled());
    QCOMPARE(panel.grantButton()->toolTip(),
             QStringLiteral("Read-only: only an active ADMIN may change roles."));
    QCOMPARE(panel.endButton()->toolTip(), panel.grantButton()->toolTip());
    panel.setWriteAccess(true, {});
    QVERIFY(panel.grantButton()->isEnabled());
}

void TestUserDetailPanel::offersEndGrantForTheSelectedActiveGrant()
{
    UserDetailPanel panel;
    panel.setDataSource(m_source.get());
    panel.setWriteAccess(true, {});
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    QSignalSpy endAsked(&panel, &UserDetailPanel::endGrantRequested);
    QSignalSpy grantAsked(&panel, &UserDetailPanel::grantRoleRequested);
    panel.setUser(bob());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
    QVERIFY(!panel.endButton()->isEnabled());                               // nothing selected
    panel.timelineView()->setCurrentIndex(panel.timelineModel()->index(1)); // the ended MENTOR
    QVERIFY(!panel.endButton()->isEnabled());
    panel.timelineView()->setCurrentIndex(panel.timelineModel()->index(0)); // active LEARNER
    QVERIFY(panel.endButton()->isEnabled());
    panel.endButton()->click();
    QCOMPARE(endAsked.size(), 1);
    QCOMPARE(endAsked.first().first().value<GrantView>().grant.id, QStringLiteral("g_expiring2"));
    panel.grantButton()->click();
    QCOMPARE(grantAsked.size(), 1);
}

void TestUserDetailPanel::historyShowsEachStateAsABadge_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestUserDetailPanel::historyShowsEachStateAsABadge()
{
    QFETCH(bool, dark);
    // Alice: an active LEARNER and a MENTOR starting in ten days; Erin: an
    // ended ADMIN and a LEARNER ending in five days.
    const QList<std::tuple<QString, QString, QString, BadgeTone>> expected = {
        {QStringLiteral("alice"), QStringLiteral("g_active"), QStringLiteral("active"),
         BadgeTone::Good},
        {QStringLiteral("alice"), QStringLiteral("g_future"), QStringLiteral("starts later"),
         BadgeTone::Info},
        {QStringLiteral("erin"), QStringLiteral("g_expiring"), QStringLiteral("active, ends soon"),
         BadgeTone::Warning},
        {QStringLiteral("erin"), QStringLiteral("g_nullend"), QStringLiteral("ended"),
         BadgeTone::Neutral},
    };
    UserDetailPanel panel;
    if (dark)
        panel.setPalette(darkPalette()); // rolecall --theme dark
    panel.setDataSource(m_source.get());
    panel.resize(520, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy loaded(&panel, &UserDetailPanel::loaded);
    QString shownUser;
    for (const auto &[user, grantId, words, tone] : expected) {
        if (user != shownUser) {
            panel.setUser(fixtureUser(user));
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, waitMs);
            loaded.clear();
            shownUser = user;
        }
        QListView *view = panel.timelineView();
        QVERIFY(qobject_cast<GrantTimelineDelegate *>(view->itemDelegate()));
        QModelIndex index;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data(GrantTimelineModel::GrantIdRole) == grantId)
                index = view->model()->index(row, 0);
        QVERIFY2(index.isValid(), qPrintable(grantId));
        // Words, never colour alone, and the tone the Grants screen gives the same state.
        QCOMPARE(GrantTimelineDelegate::badgeText(index), words);
        QCOMPARE(GrantTimelineDelegate::toneAt(index), tone);
        // Painted in the palette's tint of that tone, with room for the words.
        const QColor fill = badgeFill(tone, view->palette());
        QCOMPARE(fill.lightnessF() < 0.5, dark);
        const QRect item = view->visualRect(index);
        QVERIFY(item.height() >=
                badgeSize(view->fontMetrics(), words).height() + 2 * view->fontMetrics().height());
        QTRY_VERIFY(hasColour(view->viewport()->grab().toImage(), item, fill));
    }
}

QTEST_MAIN(TestUserDetailPanel)
#include "tst_userdetailpanel.moc"

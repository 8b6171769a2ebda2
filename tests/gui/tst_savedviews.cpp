// Saved views: a screen's filter widgets captured and set again by name, kept
// per profile in the settings, and a value a combo box does not hold yet set
// once it does.
#include "widgets/savedviews.h"
#include "widgets/savedviewsmenu.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace rolecall;

namespace {

// The Grants screen's filters, as widgets with its names.
struct FakeScreen
{
    QWidget page;
    QComboBox *chooser = new QComboBox(&page);
    QComboBox *role = new QComboBox(&page);
    QComboBox *state = new QComboBox(&page);
    QSpinBox *days = new QSpinBox(&page);

    FakeScreen()
    {
        page.setObjectName(QStringLiteral("grantsScreen"));
        chooser->setObjectName(QStringLiteral("grantsViewChooser"));
        chooser->addItems({QStringLiteral("All grants"), QStringLiteral("Expiring soon")});
        role->setObjectName(QStringLiteral("roleFilter"));
        role->addItem(QStringLiteral("Any role"));
        state->setObjectName(QStringLiteral("stateFilter"));
        state->addItems({QStringLiteral("Any"), QStringLiteral("Active")});
        days->setObjectName(QStringLiteral("daysField"));
        days->setRange(1, 365);
    }
};

} // namespace

class TestSavedViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void capturesAndAppliesTheFilters();
    void keepsViewsPerProfile();
    void setsARoleOnceTheScreenHasIt();
    void savesLineEditsChecksAndInstants();
};

void TestSavedViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSavedViews::init()
{
    QSettings().remove(QStringLiteral("savedViews"));
}

void TestSavedViews::capturesAndAppliesTheFilters()
{
    FakeScreen screen;
    screen.chooser->setCurrentIndex(1);
    screen.state->setCurrentIndex(1);
    screen.days->setValue(14);
    const QVariantMap filters =
        savedviews::capture(&screen.page, savedviews::filterNames(screen.page.objectName()));
    QCOMPARE(filters.value(QStringLiteral("grantsViewChooser")).toString(),
             QStringLiteral("Expiring soon"));
    QCOMPARE(filters.value(QStringLiteral("daysField")).toInt(), 14);

    FakeScreen other;
    QVERIFY(savedviews::apply(&other.page, filters).isEmpty());
    QCOMPARE(other.chooser->currentIndex(), 1);
    QCOMPARE(other.state->currentText(), QStringLiteral("Active"));
    QCOMPARE(other.days->value(), 14);
    QVERIFY(savedviews::filterNames(QStringLiteral("overviewScreen")).isEmpty());
}

void TestSavedViews::keepsViewsPerProfile()
{
    SavedViewStore prod(QStringLiteral("prod / EU"));
    SavedViewStore staging(QStringLiteral("staging"));
    prod.save({QStringLiteral("Mentors ending"),
               QStringLiteral("grantsScreen"),
               {{QStringLiteral("daysField"), 7}}});
    prod.save({QStringLiteral("a/b view"), QStringLiteral("usersScreen"), {}});
    QCOMPARE(prod.names(),
             (QStringList{QStringLiteral("a/b view"), QStringLiteral("Mentors ending")}));
    QVERIFY(staging.names().isEmpty());
    const std::optional<SavedView> view = prod.view(QStringLiteral("Mentors ending"));
    QVERIFY(view);
    QCOMPARE(view->screen, QStringLiteral("grantsScreen"));
    QCOMPARE(view->filters.value(QStringLiteral("daysField")).toInt(), 7);
    QVERIFY(!staging.view(QStringLiteral("Mentors ending")));
    prod.remove(QStringLiteral("a/b view"));
    QCOMPARE(prod.names(), QStringList{QStringLiteral("Mentors ending")});
}

void TestSavedViews::setsARoleOnceTheScreenHasIt()
{
    FakeScreen screen;
    SavedViewStore(QStringLiteral("p"))
        .save({QStringLiteral("Mentors"),
               QStringLiteral("grantsScreen"),
               {{QStringLiteral("roleFilter"), QStringLiteral("MENTOR")},
                {QStringLiteral("daysField"), 30}}});
    SavedViewsMenu menu({[&screen] { return &screen.page; },
                         [&screen](const QString &name) {
                             return name == screen.page.objectName() ? &screen.page : nullptr;
                         },
                         [] { return QStringLiteral("p"); }},
                        nullptr);
    QCOMPARE(menu.viewNames(), QStringList{QStringLiteral("Mentors")});
    QVERIFY(!menu.openView(QStringLiteral("nope")));
    QVERIFY(menu.openView(QStringLiteral("Mentors")));
    QCOMPARE(screen.days->value(), 30);
    QCOMPARE(screen.role->currentText(), QStringLiteral("Any role")); // no roles read yet
    screen.role->addItems({QStringLiteral("LEARNER"), QStringLiteral("MENTOR")});
    menu.retryPending();
    QCOMPARE(screen.role->currentText(), QStringLiteral("MENTOR"));

    // Saving the screen in front under a name keeps what it shows now.
    screen.days->setValue(3);
    QVERIFY(menu.saveCurrentView(QStringLiteral("Short")));
    QCOMPARE(SavedViewStore(QStringLiteral("p"))
                 .view(QStringLiteral("Short"))
                 ->filters.value(QStringLiteral("daysField"))
                 .toInt(),
             3);
}

void TestSavedViews::savesLineEditsChecksAndInstants()
{
    QWidget page;
    page.setObjectName(QStringLiteral("auditScreen"));
    auto *user = new QLineEdit(&page);
    user->setObjectName(QStringLiteral("userFilter"));
    auto *since = new QCheckBox(&page);
    since->setObjectName(QStringLiteral("sinceCheck"));
    auto *sinceField = new QDateTimeEdit(&page);
    sinceField->setObjectName(QStringLiteral("sinceField"));
    user->setText(QStringLiteral("user7@example.test"));
    since->setChecked(true);
    const QDateTime instant(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    sinceField->setDateTime(instant.toLocalTime());
    const QVariantMap filters =
        savedviews::capture(&page, savedviews::filterNames(QStringLiteral("auditScreen")));
    user->clear();
    since->setChecked(false);
    sinceField->setDateTime(QDateTime::currentDateTime());
    QVERIFY(savedviews::apply(&page, filters).isEmpty());
    QCOMPARE(user->text(), QStringLiteral("user7@example.test"));
    QVERIFY(since->isChecked());
    QCOMPARE(sinceField->dateTime().toUTC(), instant);
}

QTEST_MAIN(TestSavedViews)
#include "tst_savedviews.moc"

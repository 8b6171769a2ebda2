// The Bulk grant dialog against a real PostgreSQL: a dry-run preview of who
// changes and who already has the role, apply only after a preview of the
// same inputs, then one all-or-nothing write with a summary.
#include "dialogs/bulkgrantdialog.h"
#include "pg/pgdatasource.h"
#include "support/clitestsupport.h"
#include "support/pgtestcluster.h"
#include "support/rolefixtures.h"
#include "support/testdata.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace rolecall;
using namespace rolecall::testing;

namespace {
constexpr int waitMs = 20000;
const QStringList roles{QStringLiteral("LEARNER"), QStringLiteral("MENTOR"),
                        QStringLiteral("ADMIN")};
} // namespace

class TestBulkGrantDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void previewsThenAppliesToTheSelection();
    void aChangedInputNeedsANewPreview();
    void appliesToTheFilter();
    void refusesSomeoneWhoIsNotAnAdmin();

private:
    QPushButton *button(BulkGrantDialog &dialog, const char *name)
    {
        return dialog.findChild<QPushButton *>(QLatin1String(name));
    }
    PgTestCluster *m_cluster = nullptr;
    QString m_db;
    std::unique_ptr<PgDataSource> m_source;
};

void TestBulkGrantDialog::initTestCase()
{
    m_cluster = PgTestCluster::shared();
    QVERIFY2(m_cluster, qPrintable(PgTestCluster::startError()));
    QString error;
    m_db = m_cluster->createDatabase(Fixture::AkakoLms, &error);
    QVERIFY2(seedAkakoUsers(*m_cluster, m_db, 200, &error), qPrintable(error));
    m_source = std::make_unique<PgDataSource>(m_cluster->connection(m_db));
}

void TestBulkGrantDialog::previewsThenAppliesToTheSelection()
{
    // Users 10 and 20 hold no LEARNER (N % 10 == 0); user 1 does.
    const QStringList selection{clerkIdOfSeedUser(10), clerkIdOfSeedUser(20), clerkIdOfSeedUser(1)};
    BulkGrantDialog dialog(m_source.get(), admin(), roles, selection, {},
                           QStringLiteral("all users"));
    QSignalSpy applied(&dialog, &BulkGrantDialog::applied);
    dialog.show();
    QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("useSelectionButton"))->isChecked());
    dialog.setRole(QStringLiteral("LEARNER"));
    QVERIFY(!button(dialog, "previewButton")->isEnabled()); // no reason yet
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))
        ->setText(QStringLiteral("Spring intake"));
    QVERIFY(button(dialog, "previewButton")->isEnabled());
    QVERIFY(!button(dialog, "applyButton")->isEnabled());

    QTest::mouseClick(button(dialog, "previewButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasPreview(), waitMs);
    QCOMPARE(dialog.plan().willChange.size(), 2);
    QCOMPARE(dialog.plan().alreadyHave.size(), 1);
    const auto *list = dialog.findChild<QListWidget *>(QStringLiteral("planList"));
    QStringList lines;
    for (int i = 0; i < list->count(); ++i)
        lines << list->item(i)->text();
    QVERIFY2(lines.contains(QStringLiteral("Will get LEARNER:")), qPrintable(lines.join(u'|')));
    QVERIFY2(lines.join(u'|').contains(emailOfSeedUser(10)), qPrintable(lines.join(u'|')));
    QVERIFY(lines.contains(QStringLiteral("Already have LEARNER (unchanged):")));
    QVERIFY(button(dialog, "applyButton")->isEnabled());

    QTest::mouseClick(button(dialog, "applyButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, waitMs);
    QCOMPARE(applied.first().first().toInt(), 2);
    QVERIFY2(dialog.summaryText().contains(QLatin1String("Granted LEARNER to 2 users; 1 already")),
             qPrintable(dialog.summaryText()));
    QVERIFY(!button(dialog, "applyButton")->isEnabled()); // done: only Close is left
    QVERIFY(dialog.isVisible());
}

void TestBulkGrantDialog::aChangedInputNeedsANewPreview()
{
    BulkGrantDialog dialog(m_source.get(), admin(), roles,
                           {clerkIdOfSeedUser(30), clerkIdOfSeedUser(31)}, {},
                           QStringLiteral("all users"));
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("Tutors"));
    dialog.preview();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasPreview(), waitMs);
    QVERIFY(button(dialog, "applyButton")->isEnabled());
    dialog.setRole(QStringLiteral("ADMIN"));
    QVERIFY(!dialog.hasPreview());
    QVERIFY(!button(dialog, "applyButton")->isEnabled());
    dialog.apply(); // ignored without a preview of these inputs
    QVERIFY(!dialog.isBusy());
}

void TestBulkGrantDialog::appliesToTheFilter()
{
    // The users matching "user19" are 19 and 190..199; of them only 190
    // (N % 10 == 0) holds no LEARNER.
    UserQuery filter;
    filter.search = QStringLiteral("user19");
    BulkGrantDialog dialog(m_source.get(), admin(), roles, {}, filter,
                           QStringLiteral("matching \"user19\""));
    QSignalSpy applied(&dialog, &BulkGrantDialog::applied);
    dialog.show();
    QVERIFY(!dialog.findChild<QRadioButton *>(QStringLiteral("useSelectionButton"))->isEnabled());
    QVERIFY(dialog.request().useFilter);
    dialog.setRole(QStringLiteral("LEARNER"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("Intake"));
    dialog.preview();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasPreview(), waitMs);
    QCOMPARE(dialog.plan().willChange.size(), 1);
    QCOMPARE(dialog.plan().willChange.first().email, emailOfSeedUser(190));
    QCOMPARE(dialog.plan().alreadyHave.size(), 10);
    dialog.apply();
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, waitMs);
    QCOMPARE(applied.first().first().toInt(), 1);
}

void TestBulkGrantDialog::refusesSomeoneWhoIsNotAnAdmin()
{
    BulkGrantDialog dialog(m_source.get(), actorOf(6), roles,
                           {clerkIdOfSeedUser(40), clerkIdOfSeedUser(41)}, {},
                           QStringLiteral("all users"));
    dialog.show();
    dialog.setRole(QStringLiteral("MENTOR"));
    dialog.findChild<QLineEdit *>(QStringLiteral("reasonField"))->setText(QStringLiteral("x"));
    dialog.preview();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.errorText().isEmpty(), waitMs);
    QVERIFY2(dialog.errorText().contains(QLatin1String("ADMIN")), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.hasPreview());
}

QTEST_MAIN(TestBulkGrantDialog)
#include "tst_bulkgrantdialog.moc"

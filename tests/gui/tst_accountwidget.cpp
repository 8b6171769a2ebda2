// The account widget: who is signed in, with which roles, and the read-only
// badge with its reason for anyone who is not an active ADMIN.
#include "widgets/accountwidget.h"

#include <QLabel>
#include <QTest>

using namespace rolecall;

namespace {

Identity sampleIdentity()
{
    Identity identity;
    identity.profile = QStringLiteral("prod");
    identity.issuer = QStringLiteral("https://example.clerk.accounts.dev");
    identity.subject = QStringLiteral("user_123");
    identity.email = QStringLiteral("ada@example.com");
    return identity;
}

AccountAccess makeAccess(const QStringList &roles, bool userFound = true)
{
    AccountAccess a;
    a.userFound = userFound;
    a.rolesSupported = true;
    a.activeRoles = roles;
    return a;
}

QLabel *badge(const AccountWidget &widget)
{
    return widget.findChild<QLabel *>(QStringLiteral("readOnlyBadge"));
}

} // namespace

class TestAccountWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adminHasNoBadge();
    void learnerIsReadOnly();
    void noUserRowIsReadOnly();
    void unreadableAccessIsReadOnly();
    void notSignedIn();
    void showsTheProvidersTextAsPlainText();
};

void TestAccountWidget::adminHasNoBadge()
{
    AccountWidget widget;
    widget.setIdentity(sampleIdentity());
    widget.setAccess(makeAccess({QStringLiteral("ADMIN"), QStringLiteral("LEARNER")}));
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QCOMPARE(widget.accountText(), QStringLiteral("Signed in as ada@example.com · prod"));
    QCOMPARE(widget.rolesText(), QStringLiteral("ADMIN, LEARNER"));
    QVERIFY(!widget.isReadOnly());
    QVERIFY(widget.badgeText().isEmpty());
    QVERIFY(!badge(widget)->isVisible());
    QVERIFY(widget.readOnlyReason().isEmpty());
}

void TestAccountWidget::learnerIsReadOnly()
{
    AccountWidget widget;
    widget.setIdentity(sampleIdentity());
    widget.setAccess(makeAccess({QStringLiteral("LEARNER")}));
    widget.show();
    QVERIFY(widget.isReadOnly());
    QCOMPARE(widget.badgeText(), QStringLiteral("Read-only"));
    QVERIFY(badge(widget)->isVisible());
    QVERIFY(!badge(widget)->accessibleName().isEmpty());
    const QString reason = makeAccess({QStringLiteral("LEARNER")}).readOnlyReason();
    QCOMPARE(widget.readOnlyReason(), reason);
    QCOMPARE(badge(widget)->toolTip(), reason);
    QCOMPARE(widget.rolesText(), QStringLiteral("LEARNER"));

    // promoted: the badge goes away
    widget.setAccess(makeAccess({QStringLiteral("ADMIN")}));
    QVERIFY(!widget.isReadOnly());
    QVERIFY(!badge(widget)->isVisible());
}

void TestAccountWidget::noUserRowIsReadOnly()
{
    AccountWidget widget;
    widget.setIdentity(sampleIdentity());
    widget.setAccess(makeAccess({}, false));
    widget.show();
    QVERIFY(widget.isReadOnly());
    QCOMPARE(widget.badgeText(), QStringLiteral("Read-only"));
    QVERIFY(badge(widget)->toolTip().contains(QLatin1String("no user record")));
}

void TestAccountWidget::unreadableAccessIsReadOnly()
{
    AccountWidget widget;
    widget.setIdentity(sampleIdentity());
    widget.setAccess(std::nullopt, QStringLiteral("connection refused"));
    widget.show();
    QVERIFY(widget.isReadOnly());
    QCOMPARE(widget.badgeText(), QStringLiteral("Read-only"));
    QVERIFY(badge(widget)->toolTip().contains(QLatin1String("connection refused")));
    QVERIFY(widget.rolesText().isEmpty());
}

void TestAccountWidget::notSignedIn()
{
    AccountWidget widget;
    widget.show();
    QVERIFY(widget.isReadOnly());
    QVERIFY(widget.accountText().startsWith(QLatin1String("Not signed in")));
    QVERIFY(!widget.readOnlyReason().isEmpty());

    widget.setIdentity(sampleIdentity());
    widget.setAccess(makeAccess({QStringLiteral("ADMIN")}));
    QVERIFY(!widget.isReadOnly());
    widget.clear();
    QVERIFY(widget.isReadOnly());
    QVERIFY(widget.accountText().startsWith(QLatin1String("Not signed in")));
    QVERIFY(widget.rolesText().isEmpty());
}

void TestAccountWidget::showsTheProvidersTextAsPlainText()
{
    // A name or email from the provider that looks like markup stays text:
    // no link, no image, no styling can be smuggled into the window.
    Identity identity = sampleIdentity();
    identity.name = QStringLiteral("<a href=\"https://evil.example\"><b>Ada</b></a>");
    identity.email = QStringLiteral("<img src=x>@example.com");
    AccountWidget widget;
    widget.setIdentity(identity);
    widget.setAccess(makeAccess({QStringLiteral("LEARNER")}));
    widget.show();
    const QList<QLabel *> labels = widget.findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    for (QLabel *label : labels)
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
}

QTEST_MAIN(TestAccountWidget)
#include "tst_accountwidget.moc"

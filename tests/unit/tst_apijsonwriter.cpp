// apijson's byte writer (models/api/apijsonwriter.h): what it writes is, byte
// for byte, what QJsonDocument writes for the codec's tree, so a client that
// decodes the tree's bytes decodes these alike.
#include "api/apijson.h"
#include "api/apijsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rolecall;
using namespace rolecall::apijson;

Q_DECLARE_METATYPE(rolecall::UserPage)
Q_DECLARE_METATYPE(rolecall::UserSortKey)

namespace {

QByteArray qtCompact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

User userNamed(int n, const QString &name)
{
    User user;
    user.id = QStringLiteral("cu%1").arg(n, 10, 10, QLatin1Char('0'));
    user.clerkId = QStringLiteral("user_%1").arg(n);
    user.email = QStringLiteral("user%1@example.test").arg(n);
    user.firstName = name;
    user.lastName = QStringLiteral("Lovelace");
    user.createdAt = at("2025-03-01T12:00:00.123Z").addSecs(n);
    user.updatedAt = at("2025-03-02T12:00:00.000Z");
    user.activeRoles = {QStringLiteral("LEARNER"), QStringLiteral("ADMIN")};
    return user;
}

// Text that needs each of Qt's escapes, and text that needs none.
QStringList awkwardTexts()
{
    QStringList texts{QString(),
                      QStringLiteral(""),
                      QStringLiteral("plain"),
                      QStringLiteral("quote \" and backslash \\ and slash /"),
                      QStringLiteral("line\nfeed\r\ttab\bback\fform"),
                      QStringLiteral("Zoë Ångström 東京"),
                      QStringLiteral("<b>bold</b> & 'single'"),
                      QString::fromUtf8("emoji \xF0\x9F\x98\x80 and \xF0\x9D\x84\x9E"),
                      QStringLiteral("delete \x7f end")};
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c));
    texts << controls;
    texts << QString(QChar(u'\xd83d')) + QStringLiteral("lone high");
    texts << QStringLiteral("lone low ") + QChar(u'\xde00');
    texts << QString(QChar(u'\xde00')) + QChar(u'\xd83d'); // reversed pair
    texts << QStringLiteral("end high ") + QChar(u'\xd83d');
    texts << QString(QChar(u'\x0800')) + QChar(u'\x07ff') + QChar(u'\xffff') + QChar(u'\x0080');
    return texts;
}

} // namespace

class TestApiJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsAreEscapedAsQtEscapesThem_data();
    void stringsAreEscapedAsQtEscapesThem();
    void nestedValuesAreSeparatedAsQtSeparatesThem();
    void aUsersPageIsTheTreesBytes_data();
    void aUsersPageIsTheTreesBytes();
    void aUsersPageDecodesBackToItself();
};

void TestApiJsonWriter::stringsAreEscapedAsQtEscapesThem_data()
{
    QTest::addColumn<QString>("text");
    int row = 0;
    for (const QString &text : awkwardTexts())
        QTest::addRow("text %d", row++) << text;
}

void TestApiJsonWriter::stringsAreEscapedAsQtEscapesThem()
{
    QFETCH(QString, text);
    CompactJsonWriter json;
    json.beginObject();
    json.key(QLatin1String("a"));
    json.text(text);
    json.key(QLatin1String("b"));
    json.string(text);
    json.endObject();
    const QJsonObject tree{{QStringLiteral("a"), text.isNull() ? QJsonValue() : QJsonValue(text)},
                           {QStringLiteral("b"), text}};
    QCOMPARE(json.take(), qtCompact(tree));
}

void TestApiJsonWriter::nestedValuesAreSeparatedAsQtSeparatesThem()
{
    CompactJsonWriter json;
    json.beginObject();
    json.key(QLatin1String("a"));
    json.beginArray();
    json.endArray();
    json.key(QLatin1String("b"));
    json.beginArray();
    json.boolean(true);
    json.null();
    json.beginObject();
    json.endObject();
    json.beginArray();
    json.string(QStringLiteral("x:"));
    json.endArray();
    json.boolean(false);
    json.endArray();
    json.key(QLatin1String("c"));
    json.beginObject();
    json.key(QLatin1String("d"));
    json.string(QString());
    json.endObject();
    json.endObject();
    const QJsonObject tree{
        {QStringLiteral("a"), QJsonArray()},
        {QStringLiteral("b"),
         QJsonArray{true, QJsonValue(), QJsonObject(), QJsonArray{QStringLiteral("x:")}, false}},
        {QStringLiteral("c"), QJsonObject{{QStringLiteral("d"), QString()}}}};
    QCOMPARE(json.take(), qtCompact(tree));
}

void TestApiJsonWriter::aUsersPageIsTheTreesBytes_data()
{
    QTest::addColumn<UserPage>("page");
    QTest::addColumn<UserSortKey>("sortKey");

    QTest::newRow("empty, at the end") << UserPage{{}, true, {}, {}} << UserSortKey::Created;

    UserPage one;
    one.users = {userNamed(1, QStringLiteral("Ada"))};
    one.firstKey = one.lastKey = QStringLiteral("2025-03-01T12:00:01.123Z");
    QTest::newRow("one user") << one << UserSortKey::Created;

    UserPage awkward;
    int n = 0;
    for (const QString &text : awkwardTexts()) {
        User user = userNamed(++n, text);
        user.email = text;
        user.clerkId = text;
        user.lastName = text;
        user.activeRoles = {text};
        awkward.users << user;
    }
    User bare; // no instants, no roles, every text null
    awkward.users << bare;
    awkward.firstKey = QStringLiteral("a\"b");
    awkward.lastKey = QString();
    QTest::newRow("awkward text, sorted by name") << awkward << UserSortKey::Name;

    UserPage full;
    for (int i = 0; i < 200; ++i)
        full.users << userNamed(i, QStringLiteral("Name%1").arg(i));
    full.atEnd = false;
    full.firstKey = QStringLiteral("user0@example.test");
    full.lastKey = QStringLiteral("user199@example.test");
    QTest::newRow("a full page by email") << full << UserSortKey::Email;
}

void TestApiJsonWriter::aUsersPageIsTheTreesBytes()
{
    QFETCH(UserPage, page);
    QFETCH(UserSortKey, sortKey);
    QCOMPARE(userPageBody(page, sortKey), qtCompact(toJson(page, sortKey)));
}

void TestApiJsonWriter::aUsersPageDecodesBackToItself()
{
    UserPage page;
    for (int i = 0; i < 3; ++i)
        page.users << userNamed(i, QStringLiteral("Zoë \"%1\"").arg(i));
    page.firstKey = QStringLiteral("k0");
    page.lastKey = QStringLiteral("k2");
    UserPage decoded;
    QString error;
    QVERIFY2(fromJson(QJsonDocument::fromJson(userPageBody(page, UserSortKey::Name)).object(),
                      &decoded, &error),
             qPrintable(error));
    QCOMPARE(decoded.users.size(), 3);
    QCOMPARE(decoded.users.at(2).firstName, QStringLiteral("Zoë \"2\""));
    QCOMPARE(decoded.users.at(1).createdAt, page.users.at(1).createdAt);
    QCOMPARE(decoded.users.at(0).activeRoles, page.users.at(0).activeRoles);
    QCOMPARE(decoded.lastKey, QStringLiteral("k2"));
}

QTEST_GUILESS_MAIN(TestApiJsonWriter)
#include "tst_apijsonwriter.moc"

// Every path, method and status the API client uses (models/api/apiroutes.h)
// is in the OpenAPI document, and every write there takes an Idempotency-Key.
#include "api/apiroutes.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace rolecall::apiroutes;

namespace {

// One operation of the document: its statuses and whether it names the
// Idempotency-Key parameter.
struct Operation
{
    QSet<int> statuses;
    bool idempotencyKey = false;
};

// Reads the paths section of our own YAML, which keeps a fixed layout:
// paths at two spaces, methods at four, status codes at eight.
QHash<QString, Operation> readOperations(const QByteArray &yaml)
{
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    static const QRegularExpression methodLine(QStringLiteral("^    (get|post|put|patch|delete):"));
    static const QRegularExpression statusLine(QStringLiteral("^        '([1-5][0-9][0-9])':"));
    QHash<QString, Operation> operations;
    QString path;
    QString current;
    bool inPaths = false;
    for (const QByteArray &raw : yaml.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line == QLatin1String("paths:")) {
            inPaths = true;
            continue;
        }
        if (!inPaths)
            continue;
        if (!line.isEmpty() && !line.startsWith(QLatin1Char(' ')))
            break; // components:
        if (const auto pathMatch = pathLine.match(line); pathMatch.hasMatch()) {
            path = pathMatch.captured(1);
            current.clear();
        } else if (const auto methodMatch = methodLine.match(line); methodMatch.hasMatch()) {
            current = methodMatch.captured(1).toUpper() + QLatin1Char(' ') + path;
            operations.insert(current, {});
        } else if (const auto statusMatch = statusLine.match(line);
                   statusMatch.hasMatch() && !current.isEmpty()) {
            operations[current].statuses.insert(statusMatch.captured(1).toInt());
        } else if (line.contains(QLatin1String("#/components/parameters/IdempotencyKey")) &&
                   !current.isEmpty()) {
            operations[current].idempotencyKey = true;
        }
    }
    return operations;
}

} // namespace

class TestApiRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(":/api/rolecall-admin-api.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY(yaml.startsWith("openapi: 3.1."));
        QVERIFY(yaml.contains("\n  version: 1.0.0\n"));
        m_operations = readOperations(yaml);
        QVERIFY(m_operations.size() >= allRoutes().size());
    }

    void everyRouteTheClientUsesIsInTheDocument_data()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < allRoutes().size(); ++i) {
            const RouteSpec &r = allRoutes().at(i);
            QTest::newRow(qPrintable(
                QStringLiteral("%1 %2").arg(QLatin1String(r.method), QLatin1String(r.path))))
                << int(i);
        }
    }
    void everyRouteTheClientUsesIsInTheDocument()
    {
        QFETCH(int, index);
        const RouteSpec &r = allRoutes().at(index);
        const QString key = QLatin1String(r.method) + QLatin1Char(' ') + QLatin1String(r.path);
        QVERIFY2(m_operations.contains(key),
                 qPrintable(key + QStringLiteral(" is not documented")));
        const Operation &op = m_operations.value(key);
        for (const int status : r.statuses)
            QVERIFY2(op.statuses.contains(status),
                     qPrintable(QStringLiteral("%1 does not document %2").arg(key).arg(status)));
        QCOMPARE(op.idempotencyKey, r.write);
    }

    void everyDocumentedOperationHasARoute()
    {
        QSet<QString> known;
        for (const RouteSpec &r : allRoutes())
            known.insert(QLatin1String(r.method) + QLatin1Char(' ') + QLatin1String(r.path));
        for (auto it = m_operations.cbegin(); it != m_operations.cend(); ++it)
            QVERIFY2(known.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" has no route")));
    }

    void pathsPutTheArgumentInPlaceEncoded()
    {
        QCOMPARE(path(Route::Users), QStringLiteral("/users"));
        QCOMPARE(path(Route::User, QStringLiteral("a b/c@example.com")),
                 QStringLiteral("/users/a%20b%2Fc%40example.com"));
        QCOMPARE(path(Route::EndGrant, QStringLiteral("ck1")), QStringLiteral("/grants/ck1/end"));
        QCOMPARE(
            path(Route::UserAccess, QStringLiteral("a{role}@b.test"), QStringLiteral("MEN TOR")),
            QStringLiteral("/users/a%7Brole%7D%40b.test/access/MEN%20TOR"));
    }

private:
    QHash<QString, Operation> m_operations;
};

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "tst_apiroutes.moc"

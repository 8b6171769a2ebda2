// The admin API codec's problems (models/api/apijsonproblem.cpp): RFC 9457
// problem documents and DataSourceError map both ways, unknown ones by status.
#include "api/apijson.h"
#include "domain/datasourceerror.h"

#include <QJsonDocument>
#include <QTest>

using namespace rolecall;
using namespace rolecall::apijson;

namespace {

// Encodes to text and back, as the wire does.
QJsonValue wire(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson()).object();
}

} // namespace

class TestApiJsonProblem final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyProblemTypeMapsBackToItsKind()
    {
        for (const ProblemType type : allProblemTypes()) {
            const QString uri = problemTypeUri(type);
            QCOMPARE(problemTypeFromUri(uri), std::optional<ProblemType>(type));
            Problem problem = makeProblem(type, QStringLiteral("What went wrong."));
            Problem back;
            QVERIFY(fromJson(wire(toJson(problem)), &back, nullptr));
            QCOMPARE(back, problem);
            const DataSourceError error =
                errorFromResponse(problem.status, QJsonDocument(toJson(problem)).toJson());
            QCOMPARE(error.kind(), problemKind(type));
            QCOMPARE(error.message(), QStringLiteral("What went wrong."));
        }
        QCOMPARE(problemKind(ProblemType::Stale), DataSourceError::Kind::Conflict);
        QCOMPARE(problemKind(ProblemType::SelfDemotion), DataSourceError::Kind::SelfDemotion);
        QCOMPARE(problemStatus(ProblemType::Validation), 422);
    }

    void errorsOfTheDataSourceBecomeProblemsAndBack_data()
    {
        QTest::addColumn<DataSourceError::Kind>("kind");
        using Kind = DataSourceError::Kind;
        for (const Kind kind : {Kind::Connection, Kind::Query, Kind::Schema, Kind::Validation,
                                Kind::Conflict, Kind::NotPermitted, Kind::SelfDemotion})
            QTest::newRow(qPrintable(QString::number(static_cast<int>(kind)))) << kind;
    }
    void errorsOfTheDataSourceBecomeProblemsAndBack()
    {
        QFETCH(DataSourceError::Kind, kind);
        const Problem problem = problemFromError(DataSourceError(kind, QStringLiteral("Because.")));
        const DataSourceError back = errorFromProblem(problem);
        QCOMPARE(back.kind(), kind);
        QCOMPARE(back.message(), QStringLiteral("Because."));
    }

    void fieldErrorsAndReasonsReachTheMessage()
    {
        Problem problem = makeProblem(ProblemType::Validation, QStringLiteral("Check the form."));
        problem.errors = {{QStringLiteral("reason"), QStringLiteral("is required")},
                          {QStringLiteral("role"), QStringLiteral("unknown role ROOT")}};
        const DataSourceError error = errorFromProblem(problem);
        QCOMPARE(error.kind(), DataSourceError::Kind::Validation);
        QCOMPARE(error.message(), QStringLiteral("Check the form.\nreason: is required\n"
                                                 "role: unknown role ROOT"));

        Problem refused = makeProblem(ProblemType::NotPermitted, QStringLiteral("Read-only."));
        refused.reason = QStringLiteral("Only an active ADMIN may change roles.");
        QCOMPARE(errorFromProblem(refused).message(),
                 QStringLiteral("Read-only. Only an active ADMIN may change roles."));
    }

    void unknownTypesAndPlainBodiesAreJudgedByStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<DataSourceError::Kind>("kind");
        QTest::addColumn<QString>("message");
        using Kind = DataSourceError::Kind;
        QTest::newRow("seed's 403") << 403 << QByteArray("{\"error\":\"Forbidden\"}")
                                    << Kind::NotPermitted << QStringLiteral("Forbidden");
        QTest::newRow("unknown type 409")
            << 409 << QByteArray("{\"type\":\"https://other.example/x\",\"detail\":\"Taken\"}")
            << Kind::Conflict << QStringLiteral("Taken");
        QTest::newRow("empty 503") << 503 << QByteArray() << Kind::Connection
                                   << QStringLiteral("The server answered HTTP 503.");
        QTest::newRow("html 500") << 500 << QByteArray("<html>oops</html>") << Kind::Query
                                  << QStringLiteral("The server answered HTTP 500.");
    }
    void unknownTypesAndPlainBodiesAreJudgedByStatus()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(DataSourceError::Kind, kind);
        QFETCH(QString, message);
        const DataSourceError error = errorFromResponse(status, body);
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.message(), message);
    }
};

QTEST_GUILESS_MAIN(TestApiJsonProblem)
#include "tst_apijsonproblem.moc"

// rolecall-bench: run by hand, not a test. Generates users with role histories
// in a throwaway PostgreSQL and prints JSON figures for the console's data
// paths next to raw libpq baselines measured in the same run, once on the
// schema as Prisma makes it and once with indexes added.
#include "benchpaths.h"
#include "benchphase.h"
#include "benchprocess.h"
#include "benchserver.h"
#include "support/testdata.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstdio>

using namespace rolecall;
using namespace rolecall::bench;
using namespace rolecall::testing;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rolecall-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Rolecall benchmark: model and data source vs raw libpq baselines"));
    parser.addHelpOption();
    const QCommandLineOption usersOption(QStringLiteral("users"),
                                         QStringLiteral("Users to generate (default 1000000)."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption quickOption(QStringLiteral("quick"),
                                         QStringLiteral("100000 users, for a smoke run."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Also write the JSON to FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption skipIndexedOption(QStringLiteral("skip-indexed"),
                                               QStringLiteral("Skip the phase with indexes."));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral("Only rolecall-server: one users page through the API vs PgDataSource, "
                       "then concurrent clients (with indexes)."));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("--server: concurrent clients (32)."),
                                           QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("--server: seconds per concurrent run (10)."),
        QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption threadsOption(
        QStringLiteral("server-threads"),
        QStringLiteral("--server: rolecall-server --db-sessions, and the direct pool's size (8)."),
        QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption serverArgOption(
        QStringLiteral("server-arg"),
        QStringLiteral("--server: one more argument for rolecall-server (repeatable), e.g. "
                       "--server-arg=--max-connections --server-arg=8."),
        QStringLiteral("ARG"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        QStringLiteral("Measure this Akako LMS database, generated before, instead of "
                       "generating one (--users then says how many it holds)."),
        QStringLiteral("URL"));
    const QCommandLineOption noScrollOption(
        QStringLiteral("no-scroll"), QStringLiteral("Skip scrolling the whole list (memory)."));
    const QCommandLineOption listOnlyOption(
        QStringLiteral("list-only"),
        QStringLiteral("Only the users list's reads and the console's first page: no bulk "
                       "grant, audit or export; nothing written (a shared database)."));
    parser.addOptions({usersOption, quickOption, jsonOption, skipIndexedOption, serverOption,
                       clientsOption, secondsOption, threadsOption, serverArgOption, urlOption,
                       noScrollOption, listOnlyOption});
    const QCommandLineOption wholeProcessOption(
        QStringLiteral("whole-process"),
        QStringLiteral("Only whole processes on --url as it is: rolecallctl users list --limit 0 "
                       "--format csv vs psql \\copy, audit list --limit 200 vs psql -f of the "
                       "top-N; median of 5."));
    const QCommandLineOption psqlOption(QStringLiteral("psql"),
                                        QStringLiteral("--whole-process: psql to run (psql)."),
                                        QStringLiteral("PATH"), QStringLiteral("psql"));
    const QCommandLineOption firstPageOption(
        QStringLiteral("first-page-only"),
        QStringLiteral("Only the console's time to its first page on --url as it is."));
    parser.addOptions({wholeProcessOption, psqlOption, firstPageOption});
    parser.process(app);
    // Only one figure, printed and (--json) written as it is.
    const auto writeOnly = [&parser, &jsonOption](const QJsonObject &figures) {
        const QByteArray json = QJsonDocument(figures).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
        if (parser.isSet(jsonOption)) {
            QFile file(parser.value(jsonOption));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) < 0)
                fatal(QStringLiteral("cannot write ") + parser.value(jsonOption));
        }
        return 0;
    };
    if (parser.isSet(wholeProcessOption) || parser.isSet(firstPageOption)) {
        if (!parser.isSet(urlOption))
            fatal(QStringLiteral("--whole-process and --first-page-only need --url"));
        if (parser.isSet(wholeProcessOption))
            return writeOnly(wholeProcesses(parser.value(urlOption),
                                            QStringLiteral(ROLECALLCTL_PATH),
                                            parser.value(psqlOption)));
        ConnectionSettings connection;
        QString error;
        if (!ConnectionSettings::fromUrl(parser.value(urlOption), &connection, &error))
            fatal(QStringLiteral("--url: ") + error);
        return writeOnly(
            QJsonObject{{QStringLiteral("time_to_first_page"), timeToFirstPage(connection)}});
    }

    bool ok = false;
    int users = parser.value(usersOption).toInt(&ok);
    if (parser.isSet(quickOption))
        users = 100000;
    else if (!ok || users < 1000)
        fatal(QStringLiteral("--users takes a number of at least 1000"));

    ConnectionSettings connection;
    double seedMs = 0;
    if (parser.isSet(urlOption)) {
        QString error;
        if (!ConnectionSettings::fromUrl(parser.value(urlOption), &connection, &error))
            fatal(QStringLiteral("--url: ") + error);
    } else {
        PgTestCluster *cluster = PgTestCluster::shared();
        if (!cluster)
            fatal(QStringLiteral("PostgreSQL: ") + PgTestCluster::startError());
        QString error;
        const QString database = cluster->createDatabase(Fixture::AkakoLms, &error);
        if (database.isEmpty())
            fatal(QStringLiteral("create the database: ") + error);
        progress(QStringLiteral("generating %L1 users ...").arg(users));
        QElapsedTimer seedTimer;
        seedTimer.start();
        if (!seedAkakoUsers(*cluster, database, users, &error))
            fatal(QStringLiteral("generate users: ") + error);
        seedMs = elapsedMs(seedTimer);
        progress(QStringLiteral("generated in %1 s").arg(seedMs / 1000, 0, 'f', 1));
        connection = cluster->connection(database);
    }

    Bench bench(connection, users, !parser.isSet(noScrollOption));
    const bool listOnly = parser.isSet(listOnlyOption);
    bench.setListOnly(listOnly);
    // The users list, the console's first page, then the audit pages and the
    // users export.
    const auto phase = [&bench, &connection, listOnly](const QString &name) {
        QJsonObject out = bench.phase(name);
        out.insert(QStringLiteral("time_to_first_page"), timeToFirstPage(connection));
        if (listOnly)
            return out;
        out.insert(QStringLiteral("audit"), auditPages(bench.source(), bench.raw()));
        out.insert(QStringLiteral("users_export"), usersExport(bench.source(), bench.raw()));
        return out;
    };
    // Indexes beyond keys on the tables at the start: none, or the first
    // phase is not "without indexes".
    const QStringList indexesAtStart = bench.raw().column(QStringLiteral(
        R"(SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
           AND indexname NOT LIKE '%\_pkey' AND indexname NOT LIKE '%\_key' ORDER BY 1)"));
    if (!indexesAtStart.isEmpty())
        progress(QStringLiteral("warning: indexes there at the start: ") +
                 indexesAtStart.join(QStringLiteral(", ")));
    QJsonObject phases;
    QJsonArray indexes;
    const auto createAdvisedIndexes = [&bench] {
        progress(QStringLiteral("creating the indexes db install-indexes advises ..."));
        QStringList adviceSql;
        for (const IndexAdvice &advice :
             await(bench.source().adviseIndexes(), QStringLiteral("advise indexes")))
            if (!advice.present)
                adviceSql << advice.sql;
        return createIndexes(bench.raw(), adviceSql);
    };
    if (parser.isSet(serverOption)) {
        indexes = createAdvisedIndexes();
        ServerBenchOptions options;
        options.clients = qBound(1, parser.value(clientsOption).toInt(), 1024);
        options.seconds = qBound(1, parser.value(secondsOption).toInt(), 3600);
        options.serverThreads = qBound(1, parser.value(threadsOption).toInt(), 256);
        options.serverArguments = parser.values(serverArgOption);
        phases.insert(QStringLiteral("server"), serverPhase(connection, options));
    } else {
        phases.insert(QStringLiteral("without_indexes"), phase(QStringLiteral("without indexes")));
        if (!parser.isSet(skipIndexedOption)) {
            indexes = createAdvisedIndexes();
            phases.insert(QStringLiteral("with_indexes"), phase(QStringLiteral("with indexes")));
        }
    }

    const QJsonObject result{
        {QStringLiteral("users"), users},
        {QStringLiteral("user_role_rows"),
         bench.raw().scalar(QStringLiteral(R"(SELECT count(*) FROM "UserRole")")).toLongLong()},
        {QStringLiteral("seed_ms"), rounded(seedMs)},
        {QStringLiteral("machine"),
         QJsonObject{{QStringLiteral("cores"), QThread::idealThreadCount()},
                     {QStringLiteral("postgresql"),
                      bench.raw().scalar(QStringLiteral("SHOW server_version"))},
                     {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
#ifdef NDEBUG
                     {QStringLiteral("build"), QStringLiteral("optimised")},
#else
                     {QStringLiteral("build"), QStringLiteral("debug (no NDEBUG)")},
#endif
                     {QStringLiteral("qpa"), QGuiApplication::platformName()}}},
        {QStringLiteral("runs"),
         QStringLiteral("median of 5 (bulk grant, export: 3) after 1 warm-up")},
        {QStringLiteral("indexes_at_start"), QJsonArray::fromStringList(indexesAtStart)},
        {QStringLiteral("indexes_created"), indexes},
        {QStringLiteral("phases"), phases}};
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) < 0)
            fatal(QStringLiteral("cannot write ") + parser.value(jsonOption));
    }
    return 0;
}

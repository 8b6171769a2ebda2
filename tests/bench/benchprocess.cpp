#include "benchprocess.h"

#include "benchqueries.h"
#include "benchsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryFile>

#include <vector>

namespace rolecall::bench {

namespace {

// One run of `program` to its end, standard output discarded; its wall time in ms.
double runOnce(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForStarted(30000))
        fatal(program + QStringLiteral(": ") + process.errorString());
    process.waitForFinished(-1);
    const double ms = elapsedMs(timer);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fatal(QStringLiteral("%1 %2 failed: %3")
                  .arg(program, args.join(QLatin1Char(' ')),
                       QString::fromUtf8(process.readAllStandardError()).trimmed()));
    return ms;
}

double medianOfRuns(int runs, const QString &program, const QStringList &args)
{
    runOnce(program, args); // warm-up: caches and the page cache
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(runOnce(program, args));
    return median(times);
}

QJsonObject comparison(const QString &program, const QStringList &args, const QString &psql,
                       const QStringList &psqlArgs, int runs)
{
    const QString label = QStringLiteral("rolecallctl ") + args.mid(0, 2).join(QLatin1Char(' '));
    progress(QStringLiteral("whole process: ") + label);
    const double ctlMs = medianOfRuns(runs, program, args);
    const double psqlMs = medianOfRuns(runs, psql, psqlArgs);
    QJsonObject out = compare(ctlMs, psqlMs, 1.5);
    out.insert(QStringLiteral("measured"),
               QString(QStringLiteral("rolecallctl ") + args.join(QLatin1Char(' '))));
    out.insert(QStringLiteral("runs"), QStringLiteral("median of %1 after 1 warm-up").arg(runs));
    return out;
}

} // namespace

QJsonObject wholeProcesses(const QString &url, const QString &rolecallctl, const QString &psql,
                           int runs)
{
    const QStringList psqlBase{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"),
                               url};
    QJsonObject out;

    // \copy takes the rest of its line: the same COPY as the bench's, on one line.
    QString copy = rawUsersCopy().simplified();
    copy.replace(QStringLiteral("COPY ("), QStringLiteral("\\copy ("));
    copy.replace(QStringLiteral(" TO STDOUT (FORMAT csv)"), QStringLiteral(" to stdout csv"));
    QJsonObject users =
        comparison(rolecallctl,
                   {QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--db"), url,
                    QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--format"),
                    QStringLiteral("csv")},
                   psql, psqlBase + QStringList{QStringLiteral("-c"), copy}, runs);
    users.insert(QStringLiteral("baseline"),
                 QStringLiteral("psql -c \"\\copy (users ⋈ active roles, list order) to stdout "
                                "csv\""));
    out.insert(QStringLiteral("users_csv_export"), users);

    // The hand-written top-200 per kind of event, merged and joined to the users.
    const RawQuery audit = rawAuditPageQuery(199, {}, {}); // $1 is the limit plus one
    QTemporaryFile script;
    if (!script.open())
        fatal(QStringLiteral("cannot write the audit SQL file"));
    script.write(QString(audit.sql)
                     .replace(QStringLiteral("$1"), audit.params.value(0).value_or(QString()))
                     .toUtf8() +
                 ";\n");
    script.flush();
    QJsonObject auditPage =
        comparison(rolecallctl,
                   {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--db"), url,
                    QStringLiteral("--limit"), QStringLiteral("200")},
                   psql, psqlBase + QStringList{QStringLiteral("-f"), script.fileName()}, runs);
    auditPage.insert(QStringLiteral("baseline"),
                     QStringLiteral("psql -f: the top 200 per kind of event, merged, joined to "
                                    "the users"));
    out.insert(QStringLiteral("audit_first_page"), auditPage);
    return out;
}

} // namespace rolecall::bench

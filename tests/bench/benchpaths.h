#pragma once

// The paths of rolecall-bench beyond the users list: the audit trail's pages
// and the whole-table users export, each against its best hand-written SQL in
// the same run (see benchqueries.h).
#include "benchphase.h"
#include "itemmodels/tableexport.h"
#include "itemmodels/userscsvexport.h"

#include <QFileInfo>
#include <QProcess>

#include <atomic>

namespace rolecall::bench {

inline QJsonObject auditPage(PgDataSource &source, RawPg &raw, const AuditQuery &query)
{
    const double modelMs =
        timedMedian(5, [&] { await(source.fetchAudit(query), QStringLiteral("fetchAudit")); });
    const RawQuery hand = rawAuditPageQuery(query.limit, query.beforeAt, query.beforeId);
    qint64 rows = 0;
    const double rawMs = timedMedian(5, [&] {
        rows = raw.exec(hand.sql, hand.params);
        if (rows < 0)
            fatal(QStringLiteral("raw audit page: ") + raw.error());
    });
    QJsonObject out = compare(modelMs, rawMs, 2.0);
    out.insert(QStringLiteral("baseline_rows"), rows);
    out.insert(QStringLiteral("measured"), QStringLiteral("PgDataSource::fetchAudit, 200 events"));
    out.insert(QStringLiteral("baseline"),
               QStringLiteral("hand-written top-N per kind of event, merged, joined to users"));
    return out;
}

// The first page of the audit trail and the sixth (cursor after 1,000 events).
inline QJsonObject auditPages(PgDataSource &source, RawPg &raw)
{
    progress(QStringLiteral("audit pages"));
    AuditQuery query;
    query.limit = pageRows;
    QJsonObject out;
    out.insert(QStringLiteral("first_page"), auditPage(source, raw, query));
    for (int page = 0; page < 5; ++page) {
        const AuditPage read = await(source.fetchAudit(query), QStringLiteral("fetchAudit"));
        if (read.events.isEmpty())
            return out;
        query.beforeAt = read.events.constLast().at;
        query.beforeId = read.events.constLast().id;
    }
    out.insert(QStringLiteral("sixth_page"), auditPage(source, raw, query));
    return out;
}

// Every user as the GUI's export writes it (streamUsersAsCsv(): PostgreSQL
// writes each CSV record), against `\copy` of the same join (libpq's COPY
// protocol, as psql uses it). Three runs each, after a warm-up.
inline QJsonObject usersExport(PgDataSource &source, RawPg &raw)
{
    progress(QStringLiteral("users export"));
    qint64 rows = 0;
    qint64 bytes = 0;
    const double modelMs = timedMedian(3, [&] {
        std::atomic<qint64> written{0};
        rows = await(streamUsersAsCsv(source, UserQuery(), UsersCsvExport::layout(),
                                      [&written](const QByteArray &records, qint64) {
                                          written += records.size();
                                          return true;
                                      }),
                     QStringLiteral("streamUsersAsCsv"));
        bytes = written;
    });
    qint64 copied = 0;
    const double rawMs = timedMedian(3, [&] {
        copied = raw.copyOut(rawUsersCopy());
        if (copied < 0)
            fatal(QStringLiteral("raw users copy: ") + raw.error());
    });
    QJsonObject out = compare(modelMs, rawMs, 1.5);
    out.insert(QStringLiteral("rows"), rows);
    out.insert(QStringLiteral("csv_bytes"), bytes);
    out.insert(QStringLiteral("baseline_bytes"), copied);
    out.insert(QStringLiteral("measured"),
               QStringLiteral("streamUsersAsCsv (PgDataSource::streamUsersCsv: a server-side "
                              "cursor over the CSV records PostgreSQL writes); median of 3"));
    out.insert(QStringLiteral("baseline"),
               QStringLiteral("COPY (users ⋈ active roles, list order) TO STDOUT (FORMAT csv) "
                              "read through libpq as \\\\copy does; median of 3"));
    return out;
}

// `rolecall --db URL` from starting the process until the Users screen has
// painted its first page (the console says so when ROLECALL_REPORT_FIRST_PAGE
// is set, then quits). Median of 5 after a warm-up.
inline QJsonObject timeToFirstPage(const ConnectionSettings &connection)
{
    if (!QFileInfo::exists(QStringLiteral(ROLECALL_GUI_PATH))) {
        progress(QStringLiteral("rolecall is not built: no time to the first page"));
        return QJsonObject{{QStringLiteral("skipped"), QStringLiteral("rolecall not built")}};
    }
    progress(QStringLiteral("time to the first page of rolecall"));
    const QByteArray painted = "rolecall: first page painted";
    const double ms = timedMedian(5, [&] {
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROLECALL_REPORT_FIRST_PAGE"), QStringLiteral("1"));
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        console.setProcessEnvironment(env);
        console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        console.start(QStringLiteral(ROLECALL_GUI_PATH),
                      {QStringLiteral("--db"), connection.toUrl(), QStringLiteral("--screen"),
                       QStringLiteral("users")});
        QByteArray out;
        while (!out.contains(painted) && console.waitForReadyRead(60000))
            out += console.readAllStandardOutput();
        if (!out.contains(painted))
            fatal(QStringLiteral("rolecall did not paint its first page"));
        if (!console.waitForFinished(10000))
            console.kill();
    });
    return QJsonObject{{QStringLiteral("ms"), rounded(ms)},
                       {QStringLiteral("target_ms"), 1000},
                       {QStringLiteral("met"), ms < 1000},
                       {QStringLiteral("measured"),
                        QStringLiteral("rolecall --db URL --screen users, from QProcess::start "
                                       "until it reports its first page painted; median of 5")}};
}

} // namespace rolecall::bench

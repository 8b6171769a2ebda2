#include "benchsupport.h"

#include <QFile>

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace rolecall::bench {

namespace {

// Keeps the UTF-8 bytes of the parameters alive for one PQexecParams call.
struct Params
{
    std::vector<QByteArray> bytes;
    std::vector<const char *> values;

    explicit Params(const QList<std::optional<QString>> &params)
    {
        bytes.reserve(static_cast<size_t>(params.size()));
        for (const std::optional<QString> &p : params)
            bytes.push_back(p ? p->toUtf8() : QByteArray());
        for (qsizetype i = 0; i < params.size(); ++i)
            values.push_back(params.at(i) ? bytes.at(static_cast<size_t>(i)).constData() : nullptr);
    }
};

} // namespace

RawPg::RawPg(const QString &url)
{
    m_conn = PQconnectdb(url.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK)
        m_error = QString::fromUtf8(PQerrorMessage(m_conn));
}

RawPg::~RawPg()
{
    PQfinish(m_conn);
}

bool RawPg::ok() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

qint64 RawPg::exec(const QString &sql, const QList<std::optional<QString>> &params)
{
    Params p(params);
    const QByteArray text = sql.toUtf8();
    PGresult *res = PQexecParams(m_conn, text.constData(), static_cast<int>(params.size()), nullptr,
                                 p.values.data(), nullptr, nullptr, 0);
    qint64 rows = -1;
    const ExecStatusType status = PQresultStatus(res);
    if (status == PGRES_TUPLES_OK) {
        rows = PQntuples(res);
        // Touch every value, as a client reading the page would.
        const int columns = PQnfields(res);
        qint64 bytes = 0;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                bytes += PQgetlength(res, r, c);
        Q_UNUSED(bytes)
    } else if (status == PGRES_COMMAND_OK) {
        const char *affected = PQcmdTuples(res);
        rows = affected && *affected ? QByteArray(affected).toLongLong() : 0;
    } else {
        m_error = QString::fromUtf8(PQresultErrorMessage(res));
    }
    PQclear(res);
    return rows;
}

qint64 RawPg::copyOut(const QString &sql)
{
    PGresult *res = PQexec(m_conn, sql.toUtf8().constData());
    const bool started = PQresultStatus(res) == PGRES_COPY_OUT;
    if (!started)
        m_error = QString::fromUtf8(PQresultErrorMessage(res));
    PQclear(res);
    if (!started)
        return -1;
    qint64 bytes = 0;
    char *line = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(m_conn, &line, 0)) > 0) {
        bytes += length;
        PQfreemem(line);
    }
    bool ok = length == -1;
    while ((res = PQgetResult(m_conn))) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            m_error = QString::fromUtf8(PQresultErrorMessage(res));
            ok = false;
        }
        PQclear(res);
    }
    return ok ? bytes : -1;
}

QStringList RawPg::column(const QString &sql, const QList<std::optional<QString>> &params)
{
    Params p(params);
    const QByteArray text = sql.toUtf8();
    PGresult *res = PQexecParams(m_conn, text.constData(), static_cast<int>(params.size()), nullptr,
                                 p.values.data(), nullptr, nullptr, 0);
    QStringList values;
    if (PQresultStatus(res) == PGRES_TUPLES_OK) {
        for (int r = 0; r < PQntuples(res); ++r)
            values << QString::fromUtf8(PQgetvalue(res, r, 0));
    } else {
        m_error = QString::fromUtf8(PQresultErrorMessage(res));
    }
    PQclear(res);
    return values;
}

QString RawPg::scalar(const QString &sql, const QList<std::optional<QString>> &params)
{
    const QStringList values = column(sql, params);
    return values.isEmpty() ? QString() : values.first();
}

void progress(const QString &message)
{
    std::fputs((message + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

[[noreturn]] void fatal(const QString &message)
{
    progress(QStringLiteral("rolecall-bench: ") + message);
    std::exit(1);
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double timedMedian(int runs, const std::function<void()> &op)
{
    op();
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        op();
        times.push_back(elapsedMs(t));
    }
    return median(times);
}

qint64 residentKb()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace rolecall::bench

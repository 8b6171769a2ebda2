#include "cli/clioutput.h"

#include "domain/utctime.h"
#include "itemmodels/tableexport.h"

#include <QJsonDocument>
#include <QTextStream>

namespace rolecall::cli {

void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows)
{
    const QStringList lines = formatTextTable(headers, rows);
    for (const QString &line : lines)
        out << line << '\n';
}

JsonArrayWriter::JsonArrayWriter(QTextStream &out)
    : m_out(out)
{
    m_out << '[';
}

void JsonArrayWriter::add(const QJsonObject &object)
{
    m_out << (m_empty ? "\n  " : ",\n  ")
          << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    m_empty = false;
}

void JsonArrayWriter::finish()
{
    m_out << (m_empty ? "]\n" : "\n]\n");
}

void streamPages(qint64 limit, int pageSize, QTextStream &out,
                 const std::function<PageRead(int wanted)> &readPage)
{
    qint64 printed = 0;
    for (;;) {
        const qint64 wanted = limit == 0 ? pageSize : std::min<qint64>(pageSize, limit - printed);
        if (wanted <= 0)
            return;
        const PageRead page = readPage(int(wanted));
        printed += page.rows;
        if (!page.more)
            return;
        out.flush();
    }
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue nullableInstant(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(isoUtc(instant)) : QJsonValue();
}

QString assignedByText(const RoleGrant &grant)
{
    return grant.assignedByEmail.isEmpty() ? grant.assignedBy : grant.assignedByEmail;
}

QJsonObject grantJson(const RoleGrant &grant)
{
    return {
        {QStringLiteral("id"), grant.id},
        {QStringLiteral("userId"), grant.userId},
        {QStringLiteral("role"), grant.role},
        {QStringLiteral("start"), nullableInstant(grant.effectiveStart)},
        {QStringLiteral("end"), nullableInstant(grant.effectiveEnd)},
        {QStringLiteral("assignedBy"), nullable(assignedByText(grant))},
        {QStringLiteral("assignedByClerkId"), nullable(grant.assignedBy)},
        {QStringLiteral("assignedByEmail"), nullable(grant.assignedByEmail)},
        {QStringLiteral("reason"), nullable(grant.reason)},
        {QStringLiteral("notes"), nullable(grant.adminNotes)},
        {QStringLiteral("isActive"), grant.isActiveFlag},
        {QStringLiteral("createdAt"), nullableInstant(grant.createdAt)},
        {QStringLiteral("updatedAt"), nullableInstant(grant.updatedAt)},
    };
}

QJsonObject grantViewJson(const GrantView &view)
{
    QJsonObject json = grantJson(view.grant);
    json.insert(QStringLiteral("state"), grantStateName(view.state));
    json.insert(QStringLiteral("userClerkId"), nullable(view.userClerkId));
    json.insert(QStringLiteral("userEmail"), nullable(view.userEmail));
    json.insert(QStringLiteral("endedBy"), nullable(view.endedBy));
    json.insert(QStringLiteral("endedReason"), nullable(view.endedReason));
    return json;
}

QStringList grantCsvHeader()
{
    return {
        QStringLiteral("id"),          QStringLiteral("role"),        QStringLiteral("state"),
        QStringLiteral("start"),       QStringLiteral("end"),         QStringLiteral("assignedBy"),
        QStringLiteral("reason"),      QStringLiteral("notes"),       QStringLiteral("endedBy"),
        QStringLiteral("endedReason"), QStringLiteral("userClerkId"), QStringLiteral("userEmail")};
}

QStringList grantCsvFields(const GrantView &view)
{
    const RoleGrant &g = view.grant;
    return {g.id,
            g.role,
            grantStateName(view.state),
            isoUtc(g.effectiveStart),
            isoUtc(g.effectiveEnd),
            assignedByText(g),
            g.reason,
            g.adminNotes,
            view.endedBy,
            view.endedReason,
            view.userClerkId,
            view.userEmail};
}

} // namespace rolecall::cli

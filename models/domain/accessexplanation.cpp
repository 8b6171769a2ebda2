#include "domain/accessexplanation.h"

#include "domain/utctime.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace rolecall {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rolecall::AccessExplanation", text);
}

QString grantedBy(const RoleGrant &grant)
{
    if (!grant.assignedByEmail.isEmpty())
        return grant.assignedByEmail;
    return grant.assignedBy.isEmpty() ? tr("someone unrecorded") : grant.assignedBy;
}

QJsonValue nullableText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject grantJson(const GrantView &view, GrantState state)
{
    const RoleGrant &g = view.grant;
    return {{QStringLiteral("id"), g.id},
            {QStringLiteral("role"), g.role},
            {QStringLiteral("state"), grantStateName(state)},
            {QStringLiteral("start"), nullableText(isoUtc(g.effectiveStart))},
            {QStringLiteral("end"), nullableText(isoUtc(g.effectiveEnd))},
            {QStringLiteral("grantedBy"), nullableText(g.assignedBy)},
            {QStringLiteral("grantedByEmail"), nullableText(g.assignedByEmail)},
            {QStringLiteral("grantedAt"), nullableText(isoUtc(g.createdAt))},
            {QStringLiteral("reason"), nullableText(g.reason)},
            {QStringLiteral("notes"), nullableText(g.adminNotes)},
            {QStringLiteral("endedAt"),
             nullableText(state == GrantState::Ended ? isoUtc(grantEndedAt(g)) : QString())},
            {QStringLiteral("endedBy"), nullableText(view.endedBy)},
            {QStringLiteral("endedReason"), nullableText(view.endedReason)}};
}

QJsonArray grantsJson(const QList<GrantView> &grants, GrantState state)
{
    QJsonArray array;
    for (const GrantView &view : grants)
        array.append(grantJson(view, state));
    return array;
}

} // namespace

QString accessVerdictName(AccessVerdict verdict)
{
    switch (verdict) {
    case AccessVerdict::Held:
        return QStringLiteral("held");
    case AccessVerdict::NotYetHeld:
        return QStringLiteral("future");
    case AccessVerdict::Ended:
        return QStringLiteral("ended");
    case AccessVerdict::NeverGranted:
        return QStringLiteral("never-granted");
    }
    return {};
}

bool grantHeldAt(const RoleGrant &grant, const QDateTime &instant)
{
    return grant.effectiveStart <= instant &&
           (!grant.effectiveEnd.isValid() || grant.effectiveEnd > instant) &&
           (grant.isActiveFlag || grant.updatedAt > instant);
}

QDateTime grantEndedAt(const RoleGrant &grant)
{
    if (grant.isActiveFlag || !grant.updatedAt.isValid())
        return grant.effectiveEnd;
    if (grant.effectiveEnd.isValid() && grant.effectiveEnd < grant.updatedAt)
        return grant.effectiveEnd;
    return grant.updatedAt;
}

const GrantView *AccessExplanation::decidingGrant() const
{
    switch (verdict) {
    case AccessVerdict::Held:
        return &holding.first();
    case AccessVerdict::NotYetHeld:
        return &future.first();
    case AccessVerdict::Ended:
        return &ended.first();
    case AccessVerdict::NeverGranted:
        break;
    }
    return nullptr;
}

AccessExplanation explainAccess(const QList<GrantView> &grants, const QString &role,
                                const QDateTime &asOf)
{
    AccessExplanation result;
    result.role = role;
    result.asOf = (asOf.isValid() ? asOf : QDateTime::currentDateTimeUtc()).toUTC();
    const QDateTime &at = result.asOf;
    for (GrantView view : grants) {
        if (view.grant.role != role)
            continue;
        const RoleGrant &g = view.grant;
        if (grantHeldAt(g, at)) {
            view.state = GrantState::Active;
            result.holding << view;
        } else if (g.effectiveStart > at && (g.isActiveFlag || g.updatedAt > at)) {
            view.state = GrantState::Future;
            result.future << view;
        } else {
            view.state = GrantState::Ended;
            result.ended << view;
        }
    }
    // Open-ended grants run longest; then the later end; ties by id keep it stable.
    std::sort(result.holding.begin(), result.holding.end(),
              [](const GrantView &a, const GrantView &b) {
                  const QDateTime &ea = a.grant.effectiveEnd;
                  const QDateTime &eb = b.grant.effectiveEnd;
                  if (ea.isValid() != eb.isValid())
                      return !ea.isValid();
                  if (ea != eb)
                      return ea > eb;
                  return a.grant.id < b.grant.id;
              });
    std::sort(result.future.begin(), result.future.end(),
              [](const GrantView &a, const GrantView &b) {
                  if (a.grant.effectiveStart != b.grant.effectiveStart)
                      return a.grant.effectiveStart < b.grant.effectiveStart;
                  return a.grant.id < b.grant.id;
              });
    std::sort(result.ended.begin(), result.ended.end(), [](const GrantView &a, const GrantView &b) {
        const QDateTime ea = grantEndedAt(a.grant);
        const QDateTime eb = grantEndedAt(b.grant);
        if (ea != eb)
            return ea > eb;
        return a.grant.id < b.grant.id;
    });
    if (!result.holding.isEmpty())
        result.verdict = AccessVerdict::Held;
    else if (!result.future.isEmpty())
        result.verdict = AccessVerdict::NotYetHeld;
    else if (!result.ended.isEmpty())
        result.verdict = AccessVerdict::Ended;
    else
        result.verdict = AccessVerdict::NeverGranted;
    return result;
}

QStringList explanationLines(const AccessExplanation &e,
                             const std::function<QString(const QDateTime &)> &instantText)
{
    QStringList lines;
    const QString at = instantText(e.asOf);
    const auto window = [&](const RoleGrant &g) {
        return g.effectiveEnd.isValid()
                   ? tr("from %1 until %2")
                         .arg(instantText(g.effectiveStart), instantText(g.effectiveEnd))
                   : tr("from %1 with no end").arg(instantText(g.effectiveStart));
    };
    const auto granted = [&](const RoleGrant &g) {
        return tr("granted by %1 on %2, reason \"%3\", %4 (grant %5)")
            .arg(grantedBy(g), instantText(g.createdAt.isValid() ? g.createdAt : g.effectiveStart),
                 g.reason, window(g), g.id);
    };
    const auto endedLine = [&](const GrantView &v) {
        const QString who = v.endedBy.isEmpty() ? QString() : tr(" by %1").arg(v.endedBy);
        const QString why = v.endedReason.isEmpty()
                                ? (v.grant.effectiveEnd.isValid() && v.grant.isActiveFlag
                                       ? tr(" (its end date passed)")
                                       : QString())
                                : tr(", reason \"%1\"").arg(v.endedReason);
        return tr("Ended on %1%2%3; it was %4.")
            .arg(instantText(grantEndedAt(v.grant)), who, why, granted(v.grant));
    };
    switch (e.verdict) {
    case AccessVerdict::Held:
        lines << tr("Holds %1 at %2.").arg(e.role, at);
        for (const GrantView &v : e.holding)
            lines << tr("Because of a grant %1.").arg(granted(v.grant));
        break;
    case AccessVerdict::NotYetHeld:
        lines << tr("Does not hold %1 at %2: a grant starts on %3.")
                     .arg(e.role, at, instantText(e.future.first().grant.effectiveStart));
        break;
    case AccessVerdict::Ended:
        lines << tr("Does not hold %1 at %2: the last grant ended on %3.")
                     .arg(e.role, at, instantText(grantEndedAt(e.ended.first().grant)));
        break;
    case AccessVerdict::NeverGranted:
        lines << tr("Does not hold %1 at %2: it was never granted.").arg(e.role, at);
        break;
    }
    if (e.verdict != AccessVerdict::Held) {
        for (const GrantView &v : e.future)
            lines << tr("Future grant starting %1: %2.")
                         .arg(instantText(v.grant.effectiveStart), granted(v.grant));
    }
    for (const GrantView &v : e.ended)
        lines << endedLine(v);
    return lines;
}

QJsonObject explanationJson(const AccessExplanation &e)
{
    return {{QStringLiteral("role"), e.role},
            {QStringLiteral("asOf"), isoUtc(e.asOf)},
            {QStringLiteral("holds"), e.holds()},
            {QStringLiteral("verdict"), accessVerdictName(e.verdict)},
            {QStringLiteral("holding"), grantsJson(e.holding, GrantState::Active)},
            {QStringLiteral("future"), grantsJson(e.future, GrantState::Future)},
            {QStringLiteral("ended"), grantsJson(e.ended, GrantState::Ended)}};
}

} // namespace rolecall

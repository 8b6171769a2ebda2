// GET /users/{ref}/access/{role}: the explanation of explainAccess() with its
// grants as the codec's GrantView, so the client rebuilds exactly what the
// server judged (lines and JSON are then made on the client, as in direct mode).
#include "api/apijson.h"
#include "api/apijson_p.h"

namespace rolecall::apijson {

using namespace detail;

std::optional<AccessVerdict> accessVerdictFromId(const QString &id)
{
    for (const AccessVerdict verdict : {AccessVerdict::Held, AccessVerdict::NotYetHeld,
                                        AccessVerdict::Ended, AccessVerdict::NeverGranted})
        if (accessVerdictName(verdict) == id)
            return verdict;
    return std::nullopt;
}

QJsonObject toJson(const AccessExplanation &explanation)
{
    const auto grants = [](const QList<GrantView> &views) {
        QJsonArray array;
        for (const GrantView &view : views)
            array.append(toJson(view));
        return array;
    };
    return {{QStringLiteral("role"), explanation.role},
            {QStringLiteral("asOf"), instantJson(explanation.asOf)},
            {QStringLiteral("holds"), explanation.holds()},
            {QStringLiteral("verdict"), accessVerdictName(explanation.verdict)},
            {QStringLiteral("holding"), grants(explanation.holding)},
            {QStringLiteral("future"), grants(explanation.future)},
            {QStringLiteral("ended"), grants(explanation.ended)}};
}

bool fromJson(const QJsonValue &json, AccessExplanation *out, QString *error)
{
    return decodeInto(out, error, [&json](AccessExplanation &e) {
        const ObjectReader r(json, {});
        e.role = r.string("role", true);
        e.asOf = r.instant("asOf", true);
        e.verdict = r.enumValue<AccessVerdict>("verdict", accessVerdictFromId,
                                               AccessVerdict::NeverGranted, true);
        e.holding = r.list<GrantView>("holding", decodeGrantView, true);
        e.future = r.list<GrantView>("future", decodeGrantView, true);
        e.ended = r.list<GrantView>("ended", decodeGrantView, true);
        // decidingGrant() relies on the list of the verdict holding a grant.
        const bool consistent = (e.verdict == AccessVerdict::Held) == !e.holding.isEmpty() &&
                                (e.verdict != AccessVerdict::NotYetHeld || !e.future.isEmpty()) &&
                                (e.verdict != AccessVerdict::Ended || !e.ended.isEmpty());
        if (!consistent)
            fail(r.pathOf("verdict"), QStringLiteral("does not match the grants listed"));
        if (r.boolean("holds") != e.holds())
            fail(r.pathOf("holds"), QStringLiteral("does not match the verdict"));
    });
}

} // namespace rolecall::apijson

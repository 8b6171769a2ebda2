#pragma once

#include "domain/roles.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace rolecall {

// Why a person holds a role at an instant, or why not: the answer to
// "why does this person have (or not have) this role?". One pure function
// over the user's grants (DataSource::fetchGrants() returns all of them), so
// the user detail, `rolecallctl roles explain` and the API give the same
// answer.
enum class AccessVerdict {
    Held,         // one or more grants of the role are active at the instant
    NotYetHeld,   // none is active, a grant starts later
    Ended,        // none is active or to come, a grant ended before the instant
    NeverGranted, // the role was never granted to this person
};

QString accessVerdictName(AccessVerdict verdict); // "held", "future", "ended", "never-granted"

struct AccessExplanation
{
    QString role;
    QDateTime asOf; // UTC, the instant judged
    AccessVerdict verdict = AccessVerdict::NeverGranted;
    QList<GrantView> holding; // active at asOf, the one that ends last first
    QList<GrantView> future;  // starting after asOf, soonest first
    QList<GrantView> ended;   // ended by asOf (or cancelled), latest end first

    bool holds() const { return verdict == AccessVerdict::Held; }
    // The grant that decides the verdict: the longest-running holding grant,
    // the next future one, the last ended one; nullptr when never granted.
    const GrantView *decidingGrant() const;
};

// Judges `role` at `asOf` (invalid: now) from every grant of one user, whatever
// state fetchGrants() gave them: states are recomputed at `asOf`.
AccessExplanation explainAccess(const QList<GrantView> &grants, const QString &role,
                                const QDateTime &asOf);

// Held at `instant`, as the database judges it (pg's heldAtCondition()):
// started, not past its end, and either still flagged active or switched
// off only later (rows are never deleted; "updatedAt" dates the switch).
bool grantHeldAt(const RoleGrant &grant, const QDateTime &instant);
// When a grant stopped counting: its end date, or, switched off earlier
// (isActive false), when the row was last written.
QDateTime grantEndedAt(const RoleGrant &grant);

// The explanation in sentences, one per line ("Holds MENTOR at …: granted by
// … on … (reason "…"), from … with no end, grant id …"). `instantText`
// formats instants (the GUI: local short format; the CLI: ISO UTC).
QStringList explanationLines(const AccessExplanation &explanation,
                             const std::function<QString(const QDateTime &)> &instantText);

// The explanation as JSON: {role, asOf, holds, verdict, grants: {holding,
// future, ended}} with each grant's id, state, start, end, grantedBy, reason,
// notes, endedBy, endedReason.
QJsonObject explanationJson(const AccessExplanation &explanation);

} // namespace rolecall

#pragma once

#include "domain/roles.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace rolecall {

// Which grants the Grants screen lists, judged at the server's now.
enum class GrantFilterState {
    Any,
    Active,   // held now
    Future,   // starts later
    Ended,    // end passed, or isActive cleared
    Expiring, // held now and ending within `expiringDays`
};

// Keyset page request over every grant of every user, newest first by
// ("createdAt", "id").
struct GrantListQuery
{
    QString role; // empty: any
    GrantFilterState state = GrantFilterState::Any;
    int expiringDays = 7; // only for GrantFilterState::Expiring
    int limit = 200;
    // Keyset cursor: the (createdAt, id) of the last row of the previous page.
    QDateTime beforeCreatedAt;
    QString beforeId;

    bool operator==(const GrantListQuery &) const = default;
};

struct GrantPage
{
    QList<GrantView> grants;
    bool atEnd = false;
};

// Active grants of one role now.
struct RoleCount
{
    QString role;
    qint64 activeGrants = 0;
    qint64 activeUsers = 0; // distinct users holding it
};

// The Overview screen's figures, from one round trip.
struct OverviewFigures
{
    bool rolesSupported = false; // false: only `users` is meaningful
    qint64 users = 0;
    qint64 usersWithoutRole = 0;
    qint64 grantsExpiringThisWeek = 0; // held now, ending within 7 days
    QList<RoleCount> activePerRole;    // every enum value, in enum order
    // Active grants per role at the end of each of the last 12 months (the
    // current one ends now), oldest first; series[role].size() == months.size().
    QList<QDate> months; // the first day of each month
    QList<QPair<QString, QList<qint64>>> series;
};

// The overview a part at a time, each part its own query, so that a screen
// shows each figure as its answer comes: an answer for a part fills
// rolesSupported and that part's fields only.
enum class OverviewPart {
    Users,       // users
    Grants,      // activePerRole (role, activeGrants), grantsExpiringThisWeek
    RoleHolders, // activePerRole (role, activeUsers), users, usersWithoutRole
    Series,      // months, series
};

// Copies `part`'s fields from `answer` into `into` (and rolesSupported); the
// per-role counts are matched by role, taking the order of the first answer
// that lists them.
void mergeOverviewPart(OverviewFigures &into, const OverviewFigures &answer, OverviewPart part);

} // namespace rolecall

Q_DECLARE_METATYPE(rolecall::OverviewFigures)

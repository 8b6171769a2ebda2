#include "itemmodels/granttimelinemodel.h"

#include <QLocale>
#include <QRegularExpression>

namespace rolecall {

namespace {

QString when(const QDateTime &instant)
{
    return QLocale().toString(instant.toLocalTime(), QLocale::ShortFormat);
}

QString who(const QString &email, const QString &clerkId)
{
    if (!email.isEmpty())
        return email;
    return clerkId.isEmpty() ? GrantTimelineModel::tr("an unknown admin") : clerkId;
}

} // namespace

GrantTimelineModel::GrantTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{}

GrantTimelineModel::~GrantTimelineModel() = default;

int GrantTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_grants.size());
}

QString GrantTimelineModel::stateText(GrantState state)
{
    switch (state) {
    case GrantState::Active:
        return tr("active");
    case GrantState::Future:
        return tr("starts later");
    case GrantState::Ended:
        return tr("ended");
    }
    return {};
}

bool GrantTimelineModel::endsSoon(const GrantView &view, const QDateTime &now)
{
    const QDateTime &end = view.grant.effectiveEnd;
    return view.state == GrantState::Active && end.isValid() &&
           end <= now.addDays(grantEndsSoonDays);
}

QStringList GrantTimelineModel::describe(const GrantView &view)
{
    const RoleGrant &g = view.grant;
    QStringList lines;
    lines << tr("%1 — %2").arg(g.role, stateText(view.state));
    if (g.effectiveEnd.isValid())
        lines << tr("From %1 until %2").arg(when(g.effectiveStart), when(g.effectiveEnd));
    else
        lines << tr("From %1, open-ended").arg(when(g.effectiveStart));
    const QString granter = who(g.assignedByEmail, g.assignedBy);
    if (g.reason.isEmpty())
        lines << tr("Granted by %1 on %2 (no reason given)").arg(granter, when(g.createdAt));
    else
        lines << tr("Granted by %1 on %2: %3").arg(granter, when(g.createdAt), g.reason);
    // The console records each end in the notes ("Ended <instant> by <who>:
    // <reason>"): those become timeline lines of their own, the rest is notes.
    static const QRegularExpression endRecord(QStringLiteral("^Ended (\\S+) by (.+?): (.*)$"));
    QStringList notes;
    QStringList ends;
    for (const QString &line : g.adminNotes.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = endRecord.match(line.trimmed());
        const QDateTime at =
            m.hasMatch() ? QDateTime::fromString(m.captured(1), Qt::ISODateWithMs) : QDateTime();
        if (at.isValid())
            ends << tr("Ended on %1 by %2: %3").arg(when(at), m.captured(2), m.captured(3));
        else if (!line.trimmed().isEmpty())
            notes << line.trimmed();
    }
    if (!notes.isEmpty())
        lines << tr("Notes: %1").arg(notes.join(QStringLiteral(" / ")));
    lines << ends;
    if (view.state == GrantState::Ended && ends.isEmpty()) {
        if (!view.endedBy.isEmpty() || !view.endedReason.isEmpty())
            lines << tr("Ended by %1: %2")
                         .arg(view.endedBy.isEmpty() ? tr("an unknown admin") : view.endedBy,
                              view.endedReason.isEmpty() ? tr("no reason recorded")
                                                         : view.endedReason);
        else if (!g.isActiveFlag)
            lines << tr("Switched off (isActive cleared) on %1").arg(when(g.updatedAt));
        else
            lines << tr("Expired at its end date");
    }
    return lines;
}

QVariant GrantTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GrantView &view = m_grants.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return describe(view).join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        return tr("Grant %1").arg(view.grant.id);
    case Qt::AccessibleTextRole:
        return describe(view).join(QStringLiteral(". "));
    case GrantIdRole:
        return view.grant.id;
    case GrantRoleRole:
        return view.grant.role;
    case StateRole:
        return grantStateName(view.state);
    case UpdatedAtRole:
        return view.grant.updatedAt;
    case EndsSoonRole:
        return endsSoon(view, QDateTime::currentDateTimeUtc());
    default:
        return {};
    }
}

void GrantTimelineModel::setGrants(const QList<GrantView> &grants)
{
    beginResetModel();
    m_grants = grants;
    endResetModel();
}

const GrantView *GrantTimelineModel::grantAt(int row) const
{
    return row >= 0 && row < m_grants.size() ? &m_grants.at(row) : nullptr;
}

QStringList GrantTimelineModel::activeRoles() const
{
    QStringList roles;
    for (const GrantView &view : m_grants) {
        if (view.state == GrantState::Active && !roles.contains(view.grant.role))
            roles << view.grant.role;
    }
    return roles;
}

} // namespace rolecall

#include "widgets/syncstatusbadge.h"

#include "itemmodels/syncstatusmodel.h"

namespace rolecall {

SyncStatusBadge::SyncStatusBadge(SyncStatusModel *model, const QString &clerkId, QWidget *parent)
    : QLabel(parent)
    , m_clerkId(clerkId)
{
    setObjectName(QStringLiteral("syncStatusBadge"));
    setAccessibleName(tr("Sync status of this user"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setModel(model);
}

SyncStatusBadge::~SyncStatusBadge() = default;

void SyncStatusBadge::setModel(SyncStatusModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        // countsChanged follows every batch of verdicts and every reset.
        connect(model, &SyncStatusModel::countsChanged, this, &SyncStatusBadge::refresh);
        connect(model, &QObject::destroyed, this, &SyncStatusBadge::refresh, Qt::QueuedConnection);
    }
    refresh();
}

void SyncStatusBadge::setClerkId(const QString &clerkId)
{
    m_clerkId = clerkId;
    refresh();
}

void SyncStatusBadge::refresh()
{
    std::optional<SyncRecord> record;
    if (m_model && !m_clerkId.isEmpty())
        record = m_model->recordFor(m_clerkId);
    if (!record) {
        setText(m_clerkId.isEmpty() ? tr("Sync: no Clerk ID")
                                    : tr("Sync: not checked (run Sync status)"));
        setToolTip(tr("The Sync screen compares Clerk with the database."));
        return;
    }
    QString text = tr("Sync: %1").arg(SyncStatusModel::statusText(*record));
    QStringList fields;
    for (const FieldDiff &diff : record->diffs)
        fields << diff.field;
    if (!fields.isEmpty())
        text += QStringLiteral(" (%1)").arg(fields.join(QStringLiteral(", ")));
    setText(text);
    const QString differences = SyncStatusModel::differencesText(*record);
    setToolTip(differences.isEmpty() ? text : differences);
}

} // namespace rolecall

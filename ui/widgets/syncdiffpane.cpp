#include "widgets/syncdiffpane.h"

#include "itemmodels/syncstatusmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rolecall {

SyncDiffPane::SyncDiffPane(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_diff(new QTableWidget(0, 3, this))
{
    m_diff->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_summary->setObjectName(QStringLiteral("syncSelected"));
    m_summary->setAccessibleName(tr("Selected person"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff->setObjectName(QStringLiteral("syncDiff"));
    m_diff->setAccessibleName(tr("Differences of the selected person"));
    m_diff->setHorizontalHeaderLabels({tr("Field"), tr("Clerk"), tr("Database")});
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->setWordWrap(true);
    m_diff->verticalHeader()->hide();
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_diff, 1);
    showCount(0);
}

SyncDiffPane::~SyncDiffPane() = default;

QString SyncDiffPane::summaryText() const
{
    return m_summary->text();
}

void SyncDiffPane::showCount(qsizetype selected)
{
    m_diff->setRowCount(0);
    m_summary->setText(selected == 0 ? tr("Select a person to see what differs.")
                                     : tr("%n person(s) selected.", nullptr, int(selected)));
}

void SyncDiffPane::showPerson(const SyncRecord &record)
{
    QString text = tr("<b>%1</b> — %2")
                       .arg(record.clerkId.toHtmlEscaped(),
                            SyncStatusModel::statusText(record).toHtmlEscaped());
    QList<FieldDiff> rowsToShow = record.diffs;
    switch (record.status) {
    case SyncStatus::MissingInDatabase:
        text += tr("<br>In Clerk, never synced: no database row.");
        break;
    case SyncStatus::Orphaned:
        text += tr("<br>Database row %1 has no Clerk user any more.")
                    .arg(record.databaseRowId.toHtmlEscaped());
        break;
    case SyncStatus::EmailConflict:
        text +=
            tr("<br>Clerk's email already belongs to database row %1 (Clerk ID %2): a sync "
               "would break the unique email.")
                .arg(record.conflictRowId.toHtmlEscaped(), record.conflictClerkId.toHtmlEscaped());
        break;
    case SyncStatus::PasswordAccount:
        text += tr("<br>Made through the password sign-in: no Clerk user, not an orphan.");
        break;
    default:
        if (!record.databaseRowId.isEmpty())
            text += tr("<br>Database row %1.").arg(record.databaseRowId.toHtmlEscaped());
        break;
    }
    if (record.lacksDefaultRole)
        text += record.neverHadDefaultRole
                    ? tr("<br>Never had the default role (LEARNER).")
                    : tr("<br>Had the default role (LEARNER); none active now.");
    // Someone never synced: what a sync would write.
    if (rowsToShow.isEmpty() && record.status == SyncStatus::MissingInDatabase)
        rowsToShow = {{QStringLiteral("email"), record.email, {}},
                      {QStringLiteral("name"), record.name, {}}};
    if (rowsToShow.isEmpty() && record.status != SyncStatus::EmailConflict &&
        record.status != SyncStatus::Orphaned)
        text += tr("<br>No field differs.");
    m_summary->setText(text);
    m_diff->setRowCount(int(rowsToShow.size()));
    for (int i = 0; i < rowsToShow.size(); ++i) {
        const FieldDiff &diff = rowsToShow.at(i);
        m_diff->setItem(i, 0, new QTableWidgetItem(diff.field));
        m_diff->setItem(i, 1, new QTableWidgetItem(diff.clerkValue));
        m_diff->setItem(i, 2, new QTableWidgetItem(diff.databaseValue));
    }
    m_diff->resizeRowsToContents();
}

} // namespace rolecall

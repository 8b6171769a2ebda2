#include "dialogs/shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QScreen>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rolecall {

namespace {

struct Shortcut
{
    const char *where;
    QKeySequence keys;
    const char *what;
};

QString keyText(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Keys"), tr("What it does")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    const QList<Shortcut> shortcuts = {
        {QT_TR_NOOP("Anywhere"), QKeySequence::Find, QT_TR_NOOP("Search users")},
        {QT_TR_NOOP("Anywhere"), QKeySequence(Qt::Key_F5), QT_TR_NOOP("Refresh the screen")},
        {QT_TR_NOOP("Anywhere"), QKeySequence(Qt::CTRL | Qt::Key_G),
         QT_TR_NOOP("Grant a role to the selected user, or to the only one listed")},
        {QT_TR_NOOP("Anywhere"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
         QT_TR_NOOP("Bulk grant to the selection or the filter")},
        {QT_TR_NOOP("Anywhere"), QKeySequence(Qt::CTRL | Qt::Key_E),
         QT_TR_NOOP("Export the screen in front")},
        {QT_TR_NOOP("Anywhere"), QKeySequence(Qt::Key_F1), QT_TR_NOOP("This overview")},
        {QT_TR_NOOP("Screens"), QKeySequence(Qt::CTRL | Qt::Key_Tab),
         QT_TR_NOOP("Next screen (Ctrl+Shift+Tab: the one before)")},
        {QT_TR_NOOP("Search field"), QKeySequence(Qt::Key_Down),
         QT_TR_NOOP("Go to the first result")},
        {QT_TR_NOOP("Search field"), QKeySequence(Qt::Key_Escape), QT_TR_NOOP("Clear the search")},
        {QT_TR_NOOP("Search field"), QKeySequence(Qt::Key_Tab), QT_TR_NOOP("Go to the results")},
        {QT_TR_NOOP("Results"), QKeySequence(Qt::Key_Up),
         QT_TR_NOOP("On the first row: back to the search")},
        {QT_TR_NOOP("Results"), QKeySequence(Qt::Key_Return),
         QT_TR_NOOP("Open the detail of the row")},
        {QT_TR_NOOP("Results"), QKeySequence(Qt::Key_Escape),
         QT_TR_NOOP("Close the detail, else back to the search")},
        {QT_TR_NOOP("Results"), QKeySequence::Copy, QT_TR_NOOP("Copy the selected rows")},
        {QT_TR_NOOP("Dialogs"), QKeySequence(Qt::Key_Return),
         QT_TR_NOOP("Write (again, after a failure)")},
        {QT_TR_NOOP("Dialogs"), QKeySequence(Qt::Key_Escape),
         QT_TR_NOOP("Close; asks first when something was typed")},
    };
    m_table->setRowCount(int(shortcuts.size()));
    for (int row = 0; row < shortcuts.size(); ++row) {
        const Shortcut &s = shortcuts.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(tr(s.where)));
        m_table->setItem(row, 1, new QTableWidgetItem(keyText(s.keys)));
        m_table->setItem(row, 2, new QTableWidgetItem(tr(s.what)));
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    fitTable();
}

void ShortcutsDialog::fitTable()
{
    // Every row in view at once where the screen has room: an overview that
    // scrolls is no overview.
    int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < m_table->columnCount(); ++column)
        width += m_table->columnWidth(column);
    int height = 2 * m_table->frameWidth() + m_table->horizontalHeader()->sizeHint().height();
    for (int row = 0; row < m_table->rowCount(); ++row)
        height += m_table->rowHeight(row);
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    m_table->setMinimumSize(std::min(width, available.width() * 8 / 10),
                            std::min(height, available.height() * 7 / 10));
    resize(sizeHint());
    m_table->setMinimumSize(0, 0); // the person may make it smaller again
}

ShortcutsDialog::~ShortcutsDialog() = default;

ShortcutsDialog *ShortcutsDialog::showFor(QWidget *parent)
{
    auto *dialog = parent->findChild<ShortcutsDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new ShortcutsDialog(parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace rolecall

// The Sync screen's way out: the shown rows as CSV, the selected ones to
// the clipboard.
#include "screens/syncscreen.h"

#include "itemmodels/syncstatusmodel.h"
#include "itemmodels/tableexport.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace rolecall {

QString SyncScreen::selectedRowsText() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    QStringList header;
    for (int column = 0; column < SyncStatusModel::ColumnCount; ++column)
        header << m_proxy->headerData(column, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList fields;
        for (int column = 0; column < SyncStatusModel::ColumnCount; ++column)
            fields << m_proxy->index(row.row(), column)
                          .data()
                          .toString()
                          .replace(QLatin1Char('\t'), QLatin1Char(' '))
                          .replace(QLatin1Char('\n'), QLatin1Char(' '));
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void SyncScreen::copySelectedRows()
{
    if (m_table->selectionModel()->selectedRows().isEmpty())
        return;
    QApplication::clipboard()->setText(selectedRowsText());
}

bool SyncScreen::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QStringList header;
    for (int column = 0; column < SyncStatusModel::ColumnCount; ++column)
        header << m_proxy->headerData(column, Qt::Horizontal).toString();
    file.write(csvRecord(header).toUtf8());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < SyncStatusModel::ColumnCount; ++column)
            fields << m_proxy->index(row, column).data().toString();
        file.write(csvRecord(fields, FormulaGuard::On).toUtf8());
    }
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SyncScreen::exportCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export sync status"), QStringLiteral("sync-status.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        showMessage(error);
}

} // namespace rolecall

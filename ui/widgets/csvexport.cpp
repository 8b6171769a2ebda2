#include "widgets/csvexport.h"

#include "itemmodels/tableexport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace rolecall {

namespace {

QString cannotWrite(const QString &path, const QString &why)
{
    return QCoreApplication::translate("CsvExport", "Cannot write %1: %2")
        .arg(QDir::toNativeSeparators(path), why);
}

} // namespace

bool writeModelCsv(const QAbstractItemModel *model, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = cannotWrite(path, file.errorString());
        return false;
    }
    const int columns = model->columnCount();
    QStringList fields;
    for (int column = 0; column < columns; ++column)
        fields << model->headerData(column, Qt::Horizontal).toString();
    file.write(csvRecord(fields, FormulaGuard::On).toUtf8());
    // A record at a time: a million rows never sit in memory as one text.
    for (int row = 0; row < model->rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < columns; ++column)
            fields << model->index(row, column).data().toString();
        file.write(csvRecord(fields, FormulaGuard::On).toUtf8());
    }
    if (!file.commit()) {
        *error = cannotWrite(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace rolecall

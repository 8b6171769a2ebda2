#include "widgets/csvsaveflow.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QSaveFile>

namespace rolecall {

QFileDialog *chooseCsvFile(QWidget *parent, const QString &title, const QString &suggestedName,
                           std::function<void(const QString &path)> chosen)
{
    auto *dialog = new QFileDialog(parent, title);
    dialog->setObjectName(QStringLiteral("csvSaveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(QCoreApplication::translate("rolecall::CsvSave", "CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->selectFile(suggestedName);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [chosen = std::move(chosen)](const QString &path) {
                         if (chosen && !path.isEmpty())
                             chosen(path);
                     });
    dialog->open();
    return dialog;
}

bool writeCsvFile(const QString &path, const QString &csv, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("rolecall::CsvSave", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QString datedCsvName(const QString &baseName)
{
    return baseName + QLatin1Char('-') + QDate::currentDate().toString(Qt::ISODate) +
           QStringLiteral(".csv");
}

} // namespace rolecall

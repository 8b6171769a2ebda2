// libFuzzer target: the users file of a bulk grant and the CSV reader behind
// it, which read whatever file an admin is handed. Also checks that what the
// CSV writer writes reads back field for field.
#include "domain/userlist.h"
#include "itemmodels/tableexport.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace rolecall;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    QString error;
    const QStringList names = parseUserList(bytes, &error);
    for (const QString &name : names) {
        if (name.isEmpty() || name != name.trimmed())
            std::abort(); // names come trimmed and non-empty
    }
    if (!error.isEmpty() && !names.isEmpty())
        std::abort();

    // Round trip: the input's text as one record of fields split at '|'.
    const QString text = QString::fromUtf8(bytes);
    const QStringList fields = text.split(QLatin1Char('|'));
    const QList<QStringList> records = parseCsvRecords(csvRecord(fields));
    if (records.size() != 1 || records.first().size() != fields.size())
        std::abort();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        // The guard adds apostrophes; without them the field is what was written.
        QString read = records.first().at(i);
        QString written = fields.at(i);
        read.remove(QLatin1Char('\''));
        written.remove(QLatin1Char('\''));
        if (read != written)
            std::abort();
    }
    return 0;
}

#include "support/testfigures.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace rolecall::testing {

void recordFigures(const QString &name, const QString &line)
{
    std::fprintf(stdout, "FIGURES %s\n", qPrintable(line));
    std::fflush(stdout);
    const QString dir = QStringLiteral(ROLECALL_FIGURES_DIR);
    QDir().mkpath(dir);
    QFile file(dir + QLatin1Char('/') + name + QStringLiteral(".txt"));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        QTextStream(&file) << line << '\n';
}

} // namespace rolecall::testing

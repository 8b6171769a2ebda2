#include "widgets/commandhistory.h"

#include <QLocale>

namespace rolecall {

CommandHistory *CommandHistory::instance()
{
    // One per process, alive as long as it (the write dialogs add to it).
    // NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables)
    static auto *history = new CommandHistory;
    return history;
}

CommandHistory::~CommandHistory() = default;

void CommandHistory::add(const QString &what, const QString &command)
{
    if (command.isEmpty())
        return;
    m_entries.append({QDateTime::currentDateTime(), what, command});
    Q_EMIT changed();
}

QString CommandHistory::scriptText() const
{
    QString text;
    const QLocale locale;
    for (const Entry &entry : m_entries) {
        // A comment never spans lines: what the person typed may hold line breaks.
        QString what = entry.what;
        what.replace(QLatin1Char('\n'), QLatin1Char(' '));
        text += QStringLiteral("# %1: %2\n%3\n")
                    .arg(locale.toString(entry.at, QLocale::ShortFormat), what, entry.command);
    }
    return text;
}

void CommandHistory::clear()
{
    m_entries.clear();
    Q_EMIT changed();
}

} // namespace rolecall

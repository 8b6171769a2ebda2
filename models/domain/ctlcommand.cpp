#include "domain/ctlcommand.h"

#include "domain/utctime.h"

#include <algorithm>

namespace rolecall::ctl {

namespace {

const QString program = QStringLiteral("rolecallctl");

// Characters no POSIX shell gives a meaning to, in any position of a word
// (`=` and `~` only mean something at its start, so they are not here).
bool isPlainCharacter(QChar c)
{
    if (c.unicode() > 0x7f)
        return false; // quoted: a locale that is not UTF-8 would split it
    return c.isLetterOrNumber() || QStringView(u"_-+./,:@%").contains(c);
}

QStringList start(const QString &profile)
{
    QStringList words{program};
    if (!profile.isEmpty())
        words << QStringLiteral("--profile") << profile;
    return words;
}

void addInstant(QStringList &words, const QString &option, const QDateTime &instant)
{
    if (instant.isValid())
        words << option << isoUtc(instant);
}

void addText(QStringList &words, const QString &option, const QString &text)
{
    if (!text.isEmpty())
        words << option << text;
}

} // namespace

QString shellQuote(const QString &word)
{
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), isPlainCharacter))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString commandLine(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted << shellQuote(word);
    return quoted.join(QLatin1Char(' '));
}

QString grantCommand(const GrantRequest &request, const QString &profile)
{
    QStringList words = start(profile);
    words << QStringLiteral("roles") << QStringLiteral("grant") << request.user << request.role
          << QStringLiteral("--reason") << request.reason;
    addInstant(words, QStringLiteral("--start"), request.start);
    addInstant(words, QStringLiteral("--end"), request.end);
    addText(words, QStringLiteral("--notes"), request.notes);
    return commandLine(words);
}

QString endCommand(const EndRequest &request, const QString &profile)
{
    QStringList words = start(profile);
    words << QStringLiteral("roles") << QStringLiteral("end") << request.grantId
          << QStringLiteral("--reason") << request.reason;
    addInstant(words, QStringLiteral("--at"), request.at);
    if (request.confirmSelfDemotion)
        words << QStringLiteral("--force");
    return commandLine(words);
}

QString bulkGrantCommand(const BulkGrantRequest &request, const QStringList &planned,
                         const QString &profile)
{
    QStringList words = start(profile);
    words << QStringLiteral("roles") << QStringLiteral("bulk-grant") << request.role
          << QStringLiteral("--reason") << request.reason;
    addInstant(words, QStringLiteral("--start"), request.start);
    addInstant(words, QStringLiteral("--end"), request.end);
    addText(words, QStringLiteral("--notes"), request.notes);
    const UserQuery &f = request.filter;
    const bool cliNamesFilter = request.useFilter && !f.noRole && !f.asOf.isValid() &&
                                (f.search.isEmpty() != f.role.isEmpty());
    if (cliNamesFilter) {
        if (!f.search.isEmpty())
            words << QStringLiteral("--search") << f.search;
        else
            words << QStringLiteral("--role") << f.role;
        return commandLine(words);
    }
    const QStringList users = request.useFilter ? planned : request.users;
    if (users.isEmpty())
        return {};
    words << QStringLiteral("--users-file") << QStringLiteral("-");
    // printf repeats its format for every argument: one name a line.
    return commandLine(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\n")} + users) +
           QStringLiteral(" | ") + commandLine(words);
}

QString syncApplyCommand(const QStringList &clerkIds, const QString &reason, const QString &profile)
{
    if (clerkIds.isEmpty())
        return {};
    QStringList words = start(profile);
    words << QStringLiteral("sync") << QStringLiteral("apply") << clerkIds;
    addText(words, QStringLiteral("--reason"), reason);
    return commandLine(words);
}

} // namespace rolecall::ctl

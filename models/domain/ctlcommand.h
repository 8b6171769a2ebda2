#pragma once

#include "domain/roles.h"

#include <QString>
#include <QStringList>

namespace rolecall {

// The `rolecallctl` command that makes the same change as a console dialog,
// as one line a POSIX shell runs (sh, bash, zsh): what the write dialogs show
// and the command history keeps. Instants go as ISO 8601 UTC; every word
// that needs it is quoted. `profile` (empty: the default profile) becomes
// --profile.
namespace ctl {

// One word for a POSIX shell: as it is when it holds only characters no
// shell treats specially, otherwise in single quotes (a ' inside as '\'').
QString shellQuote(const QString &word);
// `words` quoted and joined by spaces.
QString commandLine(const QStringList &words);

QString grantCommand(const GrantRequest &request, const QString &profile = {});
QString endCommand(const EndRequest &request, const QString &profile = {});
// A filter the CLI names (search alone or role alone) goes as --search or
// --role; a selection, or a filter it cannot name (no role, as of, search
// and role together), as the users `planned` (the preview's "will change")
// fed to --users-file - on standard input. Empty when there is nobody to name.
QString bulkGrantCommand(const BulkGrantRequest &request, const QStringList &planned,
                         const QString &profile = {});
// `rolecallctl sync apply USER... [--reason TEXT]` for the people named.
QString syncApplyCommand(const QStringList &clerkIds, const QString &reason,
                         const QString &profile = {});

} // namespace ctl
} // namespace rolecall

#include "domain/roles.h"

#include <QCoreApplication>

namespace rolecall {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RoleText", text);
}

// Line and paragraph separators count as line breaks too: a viewer may
// start a new line at them.
bool isLineBreakOrControl(QChar c)
{
    return c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029) ||
           c == QChar(0x85);
}

enum class Field { Reason, Notes };

QString controlProblem(const QString &text, Field field)
{
    for (const QChar c : text) {
        if (!isLineBreakOrControl(c))
            continue;
        const bool lineBreak = c == QLatin1Char('\n') || c == QLatin1Char('\r') ||
                               c == QChar(0x2028) || c == QChar(0x2029) || c == QChar(0x85);
        if (lineBreak)
            return field == Field::Reason
                       ? tr("The reason contains a line break; write it on one line.")
                       : tr("The admin notes contain a line break; write them on one line.");
        const QString code = QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        return (field == Field::Reason ? tr("The reason contains a control character (U+%1); "
                                            "only printable text is allowed.")
                                       : tr("The admin notes contain a control character "
                                            "(U+%1); only printable text is allowed."))
            .arg(code.toUpper());
    }
    return {};
}

} // namespace

QString notAnAdminRefusal(const Actor &actor)
{
    const QString who = !actor.email.isEmpty()     ? actor.email
                        : !actor.clerkId.isEmpty() ? actor.clerkId
                                                   : QStringLiteral("nobody signed in");
    return QStringLiteral("Only an active ADMIN may change roles; %1 is not one.").arg(who);
}

QString grantTextProblem(const QString &reason, const QString &notes, bool reasonRequired)
{
    if (reasonRequired && reason.trimmed().isEmpty())
        return tr("A reason is required.");
    if (reason.size() > maxReasonLength)
        return tr("The reason is %1 characters long; at most %2 are allowed.")
            .arg(reason.size())
            .arg(maxReasonLength);
    if (notes.size() > maxNotesLength)
        return tr("The admin notes are %1 characters long; at most %2 are allowed.")
            .arg(notes.size())
            .arg(maxNotesLength);
    if (QString problem = controlProblem(reason, Field::Reason); !problem.isEmpty())
        return problem;
    return controlProblem(notes, Field::Notes);
}

QString grantStateName(GrantState state)
{
    switch (state) {
    case GrantState::Active:
        return QStringLiteral("active");
    case GrantState::Future:
        return QStringLiteral("future");
    case GrantState::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

} // namespace rolecall

#pragma once

#include <QDateTime>
#include <QString>

class QCheckBox;
class QDateTimeEdit;
class QHBoxLayout;
class QLineEdit;
class QPlainTextEdit;
class QWidget;

namespace rolecall {

// Small pieces the role dialogs share (their common state is WriteDialog).
namespace dialogs {

// A date-time field with a calendar popup, in local time.
QDateTimeEdit *makeDateTimeEdit(const QDateTime &value, QWidget *parent);
// The required reason ("reasonField"), `placeholder` saying what it is for.
QLineEdit *makeReasonField(const QString &placeholder, QWidget *parent);
// The admin notes ("notesField"), `lines` lines high; Tab leaves it.
QPlainTextEdit *makeNotesField(int lines, QWidget *parent);
// An optional end: "Ends on" ("hasEndBox", named `accessibleName`) and the
// date ("endEdit", starting at `initial`), which is off until ticked.
struct EndFields
{
    QCheckBox *hasEnd;
    QDateTimeEdit *end;
    QHBoxLayout *row;
};
EndFields makeEndFields(const QDateTime &initial, const QString &accessibleName, QWidget *parent);
// The same words the service and the CLI use for reason and notes
// (grantTextProblem), checked before anything is sent; the service checks again.
QString textProblem(const QString &reason, const QString &notes);
QString instantText(const QDateTime &instant);
// Seconds do not matter to a grant: what the fields show, truncated.
QDateTime minuteOf(const QDateTime &instant);

} // namespace dialogs
} // namespace rolecall

#pragma once

#include <QDateTime>
#include <QString>

class QLabel;
class QDateTimeEdit;
class QWidget;

namespace rolecall {

// Small pieces the role dialogs share.
namespace dialogs {

// The service's limits, checked before anything is sent (it checks again).
constexpr int maxReasonLength = 1000;
constexpr int maxNotesLength = 10000;

// A label for inline messages: word-wrapped, selectable, tinted as an error.
QLabel *makeErrorLabel(QWidget *parent);
void setError(QLabel *label, const QString &message);
// A date-time field with a calendar popup, in local time.
QDateTimeEdit *makeDateTimeEdit(const QDateTime &value, QWidget *parent);
// The same words the service uses for reason and notes.
QString textProblem(const QString &reason, const QString &notes);
QString instantText(const QDateTime &instant);
// Seconds do not matter to a grant: what the fields show, truncated.
QDateTime minuteOf(const QDateTime &instant);

} // namespace dialogs
} // namespace rolecall

#include "dialogs/dialogsupport.h"

#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLocale>

namespace rolecall::dialogs {

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("errorLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(QCoreApplication::translate("RoleDialogs", "Problem"));
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

void setError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QDateTimeEdit *makeDateTimeEdit(const QDateTime &value, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(value.toLocalTime(), parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    return edit;
}

QString textProblem(const QString &reason, const QString &notes)
{
    if (reason.trimmed().isEmpty())
        return QCoreApplication::translate("RoleDialogs", "A reason is required.");
    if (reason.size() > maxReasonLength)
        return QCoreApplication::translate(
                   "RoleDialogs", "The reason is %1 characters long; at most %2 are allowed.")
            .arg(reason.size())
            .arg(maxReasonLength);
    if (notes.size() > maxNotesLength)
        return QCoreApplication::translate(
                   "RoleDialogs", "The admin notes are %1 characters long; at most %2 are allowed.")
            .arg(notes.size())
            .arg(maxNotesLength);
    return {};
}

QString instantText(const QDateTime &instant)
{
    return QLocale().toString(instant.toLocalTime(), QLocale::ShortFormat);
}

QDateTime minuteOf(const QDateTime &instant)
{
    QDateTime t = instant;
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    return t;
}

} // namespace rolecall::dialogs

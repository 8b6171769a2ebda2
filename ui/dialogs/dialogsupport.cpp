#include "dialogs/dialogsupport.h"

#include "domain/roles.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace rolecall::dialogs {

QDateTimeEdit *makeDateTimeEdit(const QDateTime &value, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(value.toLocalTime(), parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    return edit;
}

QLineEdit *makeReasonField(const QString &placeholder, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(QStringLiteral("reasonField"));
    field->setAccessibleName(QCoreApplication::translate("RoleDialogs", "Reason"));
    field->setPlaceholderText(placeholder);
    return field;
}

QPlainTextEdit *makeNotesField(int lines, QWidget *parent)
{
    auto *field = new QPlainTextEdit(parent);
    field->setObjectName(QStringLiteral("notesField"));
    field->setAccessibleName(QCoreApplication::translate("RoleDialogs", "Admin notes"));
    field->setTabChangesFocus(true);
    field->setFixedHeight(field->fontMetrics().height() * lines + 12);
    return field;
}

EndFields makeEndFields(const QDateTime &initial, const QString &accessibleName, QWidget *parent)
{
    EndFields fields{};
    fields.hasEnd = new QCheckBox(QCoreApplication::translate("RoleDialogs", "&Ends on"), parent);
    fields.hasEnd->setObjectName(QStringLiteral("hasEndBox"));
    fields.hasEnd->setAccessibleName(accessibleName);
    fields.end = makeDateTimeEdit(initial, parent);
    fields.end->setObjectName(QStringLiteral("endEdit"));
    fields.end->setAccessibleName(QCoreApplication::translate("RoleDialogs", "End"));
    fields.end->setEnabled(false);
    QObject::connect(fields.hasEnd, &QCheckBox::toggled, fields.end, &QWidget::setEnabled);
    fields.row = new QHBoxLayout;
    fields.row->addWidget(fields.hasEnd);
    fields.row->addWidget(fields.end, 1);
    return fields;
}

QString textProblem(const QString &reason, const QString &notes)
{
    return grantTextProblem(reason, notes);
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

#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace rolecall {

// "The same change with rolecallctl:", the command wrapped over the lines it
// needs (the field grows with it) (read-only, selectable, Tab moves on), and Copy: what every write
// dialog shows under its inputs (issue 16).
class CommandRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandRow)

public:
    explicit CommandRow(QWidget *parent);
    ~CommandRow() override;

    // The command for the inputs as they are (empty: `placeholder` shows instead).
    void setCommand(const QString &command, const QString &placeholder = {});
    QString command() const;
    QPlainTextEdit *field() const { return m_field; }
    QPushButton *copyButton() const { return m_copy; }

private:
    void fitHeight(); // as many lines as the command takes, within bounds

    QPlainTextEdit *m_field;
    QPushButton *m_copy;
};

} // namespace rolecall

#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace rolecall {

// "Command History": the rolecallctl commands for the changes made in this
// run (CommandHistory), as a shell script to copy. Follows new changes while
// open; one window, raised again when asked twice (showFor()).
class CommandHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandHistoryDialog)

public:
    explicit CommandHistoryDialog(QWidget *parent = nullptr);
    ~CommandHistoryDialog() override;

    // Opens the window (not modal), or raises the one `parent` has open.
    static CommandHistoryDialog *showFor(QWidget *parent);

    QString text() const;
    QPushButton *copyButton() const { return m_copy; }

private:
    void refresh();

    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace rolecall

#pragma once

#include <QDialog>

class QTableWidget;

namespace rolecall {

// Help ▸ Keyboard Shortcuts (F1): every key the console answers to, by
// where it works, in the platform's own key names.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    // Opens the window (not modal), or raises the one `parent` has open.
    static ShortcutsDialog *showFor(QWidget *parent);

    QTableWidget *table() const { return m_table; }

private:
    void fitTable();

    QTableWidget *m_table = nullptr;
};

} // namespace rolecall

#pragma once

#include <QDialog>

class QFormLayout;

namespace rolecall {

// Help → About Rolecall: the version and build, the libraries it runs on,
// the licence, and where it keeps what it keeps (settings, keychain entries,
// messages), so a bug report or an uninstall can say exactly what is there.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // Opens a window-modal About dialog that deletes itself when closed.
    static AboutDialog *showFor(QWidget *parent);

    // Every row as "Label: value" lines, as Copy Details puts it on the clipboard.
    QString detailsText() const;

private:
    void addRow(const QString &label, const QString &value);

    QFormLayout *m_rows = nullptr;
    QList<std::pair<QString, QString>> m_details;
};

} // namespace rolecall

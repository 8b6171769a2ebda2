#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace rolecall {

// A one-message strip above a screen's content: a notice, a warning or an
// error, with the style's icon for its kind and, if asked, one button (for
// example "Retry") that emits actionTriggered(). Hidden while it has no text.
// Its colours are the palette's: information on the window colour, warnings
// and errors on the tooltip colours (a pale note in light palettes), so it
// reads on light and dark palettes alike.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind { Information, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    // Shows `text` as `kind`, with a button labelled `actionText` (none when
    // empty); empty text hides the banner.
    void showMessage(const QString &text, Kind kind = Kind::Information,
                     const QString &actionText = {});
    void clear() { showMessage({}); }

    QString text() const; // what it says, shown or not; empty once cleared
    Kind kind() const { return m_kind; }
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyKind();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    Kind m_kind = Kind::Information;
};

} // namespace rolecall

#pragma once

#include <QElapsedTimer>
#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;

namespace rolecall {

// A one-message strip above a screen's content: a notice, a warning or an
// error, with the style's icon for its kind and, if asked, one button (for
// example "Retry") that emits actionTriggered(). Hidden while it has no text.
// Its colours are the palette's: information on the window colour, warnings
// and errors on the tooltip colours (a pale note in light palettes), so it
// reads on light and dark palettes alike.
//
// With auto-retry on, an error that offers an action (Retry) triggers it by
// itself after a delay that doubles while the error keeps coming back (2 s,
// 4 s, … up to a minute), saying when; it starts again from the shortest
// delay once the banner stayed away for a while (the source recovered).
//
//   error + action ─▶ countdown ─▶ actionTriggered() ─▶ error again: longer countdown
//                                                    └▶ hidden: stops (reset once settled)
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

    void setAutoRetry(bool on);
    // The first and longest delay, and how long the banner must stay away
    // before the next error starts from the first delay again.
    void setRetryDelays(int firstMs, int maxMs, int settleMs);
    bool isRetryScheduled() const;
    int nextRetryDelay() const { return m_delayMs; }
    QString retryNote() const; // "Retrying in 4 s…"; empty when none is scheduled

    void setVisible(bool visible) override;

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyKind();
    void scheduleRetry();
    void stopRetry();
    void updateRetryNote();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QLabel *m_retryNote = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_tick = nullptr;
    QElapsedTimer m_hiddenFor;
    Kind m_kind = Kind::Information;
    bool m_autoRetry = false;
    int m_firstDelayMs = 2000;
    int m_maxDelayMs = 60000;
    int m_settleMs = 30000;
    int m_delayMs = 2000;
};

} // namespace rolecall

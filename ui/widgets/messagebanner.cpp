#include "widgets/messagebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

#include <algorithm>

namespace rolecall {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("banner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("bannerIcon"));
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop); // level with the icon
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_action->setAccessibleName(tr("Act on the message"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        stopRetry(); // now rather than later; a failure schedules the next one
        Q_EMIT actionTriggered();
    });
    m_retryNote = new QLabel(this);
    m_retryNote->setObjectName(QStringLiteral("bannerRetryNote"));
    m_retryNote->setTextFormat(Qt::PlainText);
    m_retryNote->hide();
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        m_tick->stop();
        updateRetryNote();
        m_delayMs = std::min(m_delayMs * 2, m_maxDelayMs);
        Q_EMIT actionTriggered();
    });
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &MessageBanner::updateRetryNote);

    auto *layout = new QHBoxLayout(this);
    const int margin = fontMetrics().height() / 3;
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retryNote, 0, Qt::AlignVCenter);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);

    applyKind();
    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showMessage(const QString &text, Kind kind, const QString &actionText)
{
    m_text->setText(text);
    if (kind != m_kind) {
        m_kind = kind;
        applyKind();
    }
    m_action->setText(actionText);
    if (!actionText.isEmpty())
        m_action->setAccessibleName(QString(actionText).remove(QLatin1Char('&')));
    m_action->setVisible(!actionText.isEmpty());
    setVisible(!text.isEmpty());
    if (m_autoRetry && kind == Kind::Error && !text.isEmpty() && !actionText.isEmpty())
        scheduleRetry();
    else
        stopRetry();
}

void MessageBanner::setAutoRetry(bool on)
{
    m_autoRetry = on;
    if (!on)
        stopRetry();
}

void MessageBanner::setRetryDelays(int firstMs, int maxMs, int settleMs)
{
    m_firstDelayMs = firstMs;
    m_maxDelayMs = std::max(firstMs, maxMs);
    m_settleMs = settleMs;
    m_delayMs = firstMs;
}

bool MessageBanner::isRetryScheduled() const
{
    return m_retry->isActive();
}

QString MessageBanner::retryNote() const
{
    return m_retryNote->isHidden() ? QString() : m_retryNote->text();
}

void MessageBanner::scheduleRetry()
{
    if (m_retry->isActive())
        return; // the same outage reported again: one countdown
    if (m_hiddenFor.isValid() && m_hiddenFor.elapsed() >= m_settleMs)
        m_delayMs = m_firstDelayMs; // it had recovered: a new outage
    m_hiddenFor.invalidate();
    m_retry->start(m_delayMs);
    m_tick->start();
    updateRetryNote();
}

void MessageBanner::stopRetry()
{
    m_retry->stop();
    m_tick->stop();
    updateRetryNote();
}

void MessageBanner::updateRetryNote()
{
    if (!m_retry->isActive()) {
        m_retryNote->hide();
        return;
    }
    const int seconds = std::max(1, (m_retry->remainingTime() + 999) / 1000);
    m_retryNote->setText(tr("Retrying in %n s…", nullptr, seconds));
    m_retryNote->show();
}

void MessageBanner::setVisible(bool visible)
{
    if (!visible) {
        stopRetry();
        if (!m_hiddenFor.isValid())
            m_hiddenFor.start();
    }
    QFrame::setVisible(visible);
}

QString MessageBanner::text() const
{
    return m_text->text();
}

// Information sits on the window colour like the rest of the screen; what
// needs attention gets the palette's tooltip colours, as a note would.
void MessageBanner::applyKind()
{
    const bool note = m_kind != Kind::Information;
    setBackgroundRole(note ? QPalette::ToolTipBase : QPalette::Window);
    m_text->setForegroundRole(note ? QPalette::ToolTipText : QPalette::WindowText);
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    if (m_kind == Kind::Warning)
        pixmap = QStyle::SP_MessageBoxWarning;
    else if (m_kind == Kind::Error)
        pixmap = QStyle::SP_MessageBoxCritical;
    const int size = fontMetrics().height();
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
    m_icon->setAccessibleName(m_kind == Kind::Error     ? tr("Error")
                              : m_kind == Kind::Warning ? tr("Warning")
                                                        : tr("Information"));
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        applyKind();
    QFrame::changeEvent(event);
}

} // namespace rolecall

#include "widgets/messagebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

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
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);

    auto *layout = new QHBoxLayout(this);
    const int margin = fontMetrics().height() / 3;
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
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

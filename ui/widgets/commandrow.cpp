#include "widgets/commandrow.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace rolecall {

namespace {
// The field grows with the command between these; a bulk grant naming many
// people scrolls.
constexpr int fewestLines = 2;
constexpr int mostLines = 6;
} // namespace

CommandRow::CommandRow(QWidget *parent)
    : QWidget(parent)
    , m_field(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Cop&y"), this))
{
    setObjectName(QStringLiteral("commandRow"));
    m_field->setObjectName(QStringLiteral("commandField"));
    m_field->setAccessibleName(tr("Equivalent rolecallctl command"));
    m_field->setReadOnly(true);
    m_field->setTabChangesFocus(true); // a keyboard user is not trapped in it
    m_field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The whole command in view: wrapped anywhere (a quoted reason has no spaces to wrap at).
    m_field->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_field->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    connect(m_field->document()->documentLayout(),
            &QAbstractTextDocumentLayout::documentSizeChanged, this, &CommandRow::fitHeight);
    fitHeight();

    m_copy->setObjectName(QStringLiteral("copyCommandButton"));
    m_copy->setAccessibleName(tr("Copy the command"));
    m_copy->setAutoDefault(false); // Enter still writes
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(command()); });

    auto *label = new QLabel(tr("The same change with rolecallctl:"), this);
    label->setBuddy(m_field);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 0, 0, 1, 2);
    layout->addWidget(m_field, 1, 0);
    layout->addWidget(m_copy, 1, 1, Qt::AlignTop);
    layout->setColumnStretch(0, 1);
}

CommandRow::~CommandRow() = default;

void CommandRow::setCommand(const QString &command, const QString &placeholder)
{
    if (m_field->toPlainText() != command)
        m_field->setPlainText(command);
    m_field->setPlaceholderText(placeholder);
    m_copy->setEnabled(!command.isEmpty());
}

void CommandRow::fitHeight()
{
    int lines = 0;
    for (QTextBlock block = m_field->document()->begin(); block.isValid(); block = block.next())
        lines += block.layout() ? block.layout()->lineCount() : 1;
    // A scroll bar only where the field stops growing (one that comes and
    // goes would narrow the text and change the count of lines again).
    m_field->setVerticalScrollBarPolicy(lines > mostLines ? Qt::ScrollBarAsNeeded
                                                          : Qt::ScrollBarAlwaysOff);
    lines = std::clamp(lines, fewestLines, mostLines);
    const int margins =
        int(std::ceil(2 * m_field->document()->documentMargin())) + 2 * m_field->frameWidth() + 2;
    m_field->setFixedHeight(QFontMetrics(m_field->font()).lineSpacing() * lines + margins);
}

QString CommandRow::command() const
{
    return m_field->toPlainText();
}

} // namespace rolecall

#pragma once

#include <QObject>

namespace rolecall {

// Shows every tooltip of the application as plain text. QToolTip guesses:
// text that looks like HTML is rendered as HTML, and tooltips carry names,
// emails, reasons and notes from the database, the provider and Clerk, where
// "<img src=…>" must read as typed (issue 13). Installed on the application,
// it answers the tooltip events whose text Qt would take for rich text, for
// plain widgets and for the cells of item views (their Qt::ToolTipRole),
// with that text escaped; every other tooltip is left to Qt.
class PlainTextToolTips final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainTextToolTips)

public:
    explicit PlainTextToolTips(QObject *parent = nullptr);
    ~PlainTextToolTips() override;

    // Installs one filter on the running application, owned by `owner`.
    static void installFor(QObject *owner);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace rolecall

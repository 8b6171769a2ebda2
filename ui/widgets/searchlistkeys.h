#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAbstractItemView;
class QLineEdit;

namespace rolecall {

// Keyboard moves between a search field and the list it filters, as a
// keyboard-only user expects them (issue 16):
//
//   search field  Down ─▶ first result (selected, focused)
//                 Escape ─▶ clears the search; empty already: onEscape()
//   results       Up on the first row ─▶ back to the search (text selected)
//                 Escape ─▶ onEscape() if it takes it (closes a detail),
//                           else back to the search
//
// Enter on a row is the view's own activated(). The screen may replace how
// "first result" is reached (setGoToFirst(): for a search still waiting for
// its pause to end).
class SearchListKeys final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchListKeys)

public:
    // Watches both; `parent` owns this.
    SearchListKeys(QLineEdit *search, QAbstractItemView *view, QObject *parent);
    ~SearchListKeys() override;

    // Escape that the search and list do not take themselves; returns true
    // when it did something (for example closed a detail panel).
    void setOnEscape(std::function<bool()> onEscape) { m_onEscape = std::move(onEscape); }
    void setGoToFirst(std::function<void()> goToFirst) { m_goToFirst = std::move(goToFirst); }

    // Selects and focuses the first row, if there is one; false otherwise.
    bool focusFirstRow();
    void focusSearch();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QLineEdit> m_search;
    QPointer<QAbstractItemView> m_view;
    std::function<bool()> m_onEscape;
    std::function<void()> m_goToFirst;
};

} // namespace rolecall

#include "widgets/searchlistkeys.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>

namespace rolecall {

SearchListKeys::SearchListKeys(QLineEdit *search, QAbstractItemView *view, QObject *parent)
    : QObject(parent)
    , m_search(search)
    , m_view(view)
{
    search->installEventFilter(this);
    view->installEventFilter(this);
}

SearchListKeys::~SearchListKeys() = default;

bool SearchListKeys::focusFirstRow()
{
    if (!m_view || !m_view->model() || m_view->model()->rowCount() == 0)
        return false;
    const QModelIndex first = m_view->model()->index(0, 0);
    m_view->setFocus(Qt::TabFocusReason);
    m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(first);
    return true;
}

void SearchListKeys::focusSearch()
{
    if (!m_search)
        return;
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool SearchListKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return false; // Shift+Down extends a selection, Ctrl+… are shortcuts
    if (watched == m_search) {
        if (key->key() == Qt::Key_Down) {
            if (m_goToFirst)
                m_goToFirst();
            else
                focusFirstRow();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            if (!m_search->text().isEmpty()) {
                m_search->clear();
                return true;
            }
            return m_onEscape && m_onEscape();
        }
        return false;
    }
    if (watched == m_view) {
        if (key->key() == Qt::Key_Up && m_view->currentIndex().row() <= 0) {
            focusSearch();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            if (!m_onEscape || !m_onEscape())
                focusSearch();
            return true;
        }
    }
    return false;
}

} // namespace rolecall

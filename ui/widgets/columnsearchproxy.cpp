#include "widgets/columnsearchproxy.h"

namespace rolecall {

ColumnSearchProxy::ColumnSearchProxy(QList<int> columns, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_columns(std::move(columns))
{}

ColumnSearchProxy::~ColumnSearchProxy() = default;

void ColumnSearchProxy::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ColumnSearchProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (m_text.isEmpty())
        return true;
    for (const int column : m_columns)
        if (sourceModel()
                ->index(row, column, parent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace rolecall

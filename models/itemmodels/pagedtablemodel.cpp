#include "itemmodels/pagedtablemodel.h"

#include "services/datasource.h"

namespace rolecall {

PagedTableModelBase::PagedTableModelBase(DataSource *source, int columnCount, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
    , m_columnCount(columnCount)
{}

PagedTableModelBase::~PagedTableModelBase() = default;

int PagedTableModelBase::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedRowCount();
}

int PagedTableModelBase::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

bool PagedTableModelBase::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_source && !m_atEnd && !m_loading && m_lastError.isEmpty();
}

void PagedTableModelBase::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return; // also guards against re-entry while a page is on its way
    setLoading(true);
    requestPage(*m_source, m_pageSize);
}

void PagedTableModelBase::finishPage(bool atEnd)
{
    // Still "loading" while the rows went in (see the class comment).
    m_atEnd = atEnd;
    setLoading(false);
    Q_EMIT pageLoaded();
}

void PagedTableModelBase::failPage(const QString &message)
{
    setLoading(false);
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

void PagedTableModelBase::setDataSource(DataSource *source)
{
    m_source = source;
    refresh();
}

void PagedTableModelBase::clear()
{
    m_answers.renew();
    const bool wasLoading = m_loading;
    beginResetModel();
    dropRows();
    m_atEnd = true;
    m_lastError.clear();
    m_loading = false; // what was in flight was for the rows just dropped
    endResetModel();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void PagedTableModelBase::refresh()
{
    clear();
    m_atEnd = false;
    fetchMore({}); // no-op without a data source
}

void PagedTableModelBase::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace rolecall

#pragma once

#include "async/futurewatch.h"
#include "async/staleanswerguard.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>
#include <QPointer>

namespace rolecall {

class DataSource;

// A table read from a DataSource one keyset page at a time, appended as a
// view scrolls: the grants list and the audit trail. PagedTableModelBase
// holds the paging (the data source, loading, the end, the last error, stale
// answers) and the signals; PagedTableModel<Row> holds the rows; a concrete
// model keeps only its columns, its filter and its query (requestPage()).
//
//   refresh() ─▶ clear(): rows dropped, answers on their way made stale
//            └─▶ fetchMore()
//   view scrolls ─▶ canFetchMore()? ─▶ fetchMore() ─▶ loadingChanged(true)
//                                      requestPage(source, pageSize)
//                                                    │ (worker thread)
//   rowsInserted, pageLoaded ◀─ appendPage() ◀───────┤ if still current
//   errorOccurred; nothing fetched until refresh() ◀─┘ if still current
//                  (either way loadingChanged(false))
//
// One page is on its way at a time: canFetchMore() is false while it is,
// and stays false while its rows go in, so a fetchMore() from a slot on
// rowsAboutToBeInserted does not ask for that page again.
class PagedTableModelBase : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedTableModelBase)

public:
    ~PagedTableModelBase() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_atEnd; }
    QString lastError() const { return m_lastError; }
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 5000); }

public Q_SLOTS:
    void setDataSource(DataSource *source); // not owned; reloads
    // Drops what is loaded and loads the first page again.
    void refresh();
    // Shows nothing and asks nothing (a schema without roles).
    void clear();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const QString &message);
    void pageLoaded();

protected:
    PagedTableModelBase(DataSource *source, int columnCount, QObject *parent);

    // Asks `source` for up to `pageSize` rows after the loaded ones, and
    // passes the answer through receivePage() to PagedTableModel::appendPage().
    virtual void requestPage(DataSource &source, int pageSize) = 0;
    virtual int loadedRowCount() const = 0;
    // Forgets the loaded rows (called inside a model reset).
    virtual void dropRows() = 0;

    // False until the first refresh() or clear(): a filter setter reloads
    // even an unchanged filter the first time.
    bool hasStarted() const { return m_answers.hasStarted(); }

    // onPage(answer) once `future` has it; an error is reported and stops
    // fetching. Either is dropped after a refresh() or clear().
    template <typename Answer, typename OnPage>
    void receivePage(const QFuture<Answer> &future, OnPage onPage)
    {
        watchFuture(future, this, m_answers.current(std::move(onPage)),
                    m_answers.current([this](const QString &message) { failPage(message); }));
    }

    // Ends the request for a page whose rows went in.
    void finishPage(bool atEnd);

private:
    void failPage(const QString &message);
    void setLoading(bool loading);

    QPointer<DataSource> m_source;
    StaleAnswerGuard m_answers;
    QString m_lastError;
    int m_columnCount;
    int m_pageSize = 200;
    bool m_loading = false;
    bool m_atEnd = true; // nothing to fetch until refresh()
};

// The rows of a paged table, each a `Row`: what a concrete model derives
// from (it adds Q_OBJECT, its columns and requestPage()).
template <typename Row>
class PagedTableModel : public PagedTableModelBase
{
public:
    const Row &rowAt(int row) const { return m_rows.at(row); }

protected:
    using PagedTableModelBase::PagedTableModelBase;

    // The last row loaded, for the next page's keyset cursor; null if none.
    const Row *lastRow() const { return m_rows.isEmpty() ? nullptr : &m_rows.constLast(); }

    // Appends a page's rows and ends its request.
    void appendPage(const QList<Row> &page, bool atEnd)
    {
        if (!page.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
            m_rows.append(page);
            endInsertRows();
        }
        finishPage(atEnd);
    }

private:
    int loadedRowCount() const final { return int(m_rows.size()); }
    void dropRows() final { m_rows = {}; }

    QList<Row> m_rows;
};

} // namespace rolecall

#pragma once

#include <QList>
#include <QSortFilterProxyModel>

namespace rolecall {

// A search box's filter: the rows in which any of `columns` contains the
// text, in any case; every row while the text is empty. Sorting is
// QSortFilterProxyModel's own.
class ColumnSearchProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnSearchProxy)

public:
    explicit ColumnSearchProxy(QList<int> columns, QObject *parent = nullptr);
    ~ColumnSearchProxy() override;

    // Leading and trailing spaces do not count.
    void setSearch(const QString &text);
    QString search() const { return m_text; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QList<int> m_columns;
    QString m_text;
};

} // namespace rolecall

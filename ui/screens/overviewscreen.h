#pragma once

#include "domain/grantlist.h"

#include "services/datasource.h"

#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace rolecall {

class GrantsChart;

// The figures at a glance: users, users without a role, grants expiring this
// week, active grants and users per role, and a chart of active grants per
// role over the last 12 months. One DataSource::fetchOverview() call.
class OverviewScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewScreen)

public:
    explicit OverviewScreen(DataSource *source = nullptr, QWidget *parent = nullptr);
    ~OverviewScreen() override;

    void setDataSource(DataSource *source); // not owned; may become nullptr
    void setCanWrite(bool) {}               // nothing here writes

    QString bannerText() const;
    bool isBusy() const;
    QString figureText(const QString &objectName) const; // a card's number
    QTableView *rolesView() const { return m_rolesView; }
    GrantsChart *chart() const { return m_chart; }
    const OverviewFigures &figures() const { return m_figures; }

    QString tableCsv() const; // the figures and the per-role table, formula guard on
    bool exportCsv(const QString &path, QString *error) const;
    QString copySelectedRows() const;

public Q_SLOTS:
    void refresh();
    void exportToFile();

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    QLabel *addCard(QGridLayout *grid, int column, const QString &objectName, const QString &title);
    void showFigures(const OverviewFigures &figures);
    void setBusy(bool busy);
    void showBanner(const QString &message);

    QPointer<DataSource> m_source;
    OverviewFigures m_figures;
    QLabel *m_banner = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_users = nullptr;
    QLabel *m_withoutRole = nullptr;
    QLabel *m_expiring = nullptr;
    QStandardItemModel *m_roles = nullptr;
    QTableView *m_rolesView = nullptr;
    GrantsChart *m_chart = nullptr;
    QPushButton *m_copy = nullptr;
    quint64 m_request = 0;
};

} // namespace rolecall

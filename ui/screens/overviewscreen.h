#pragma once

#include "async/staleanswerguard.h"
#include "domain/grantlist.h"
#include "screens/datascreen.h"

class QGridLayout;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace rolecall {

class GrantsChart;

// The figures at a glance: users, users without a role, grants expiring this
// week, active grants and users per role, and a chart of active grants per
// role over the last 12 months. Each OverviewPart is asked for on its own
// (DataSource::fetchOverviewPart()) and shown as its answer comes, so the
// cheap counts do not wait for the slow ones; a source that answers the
// overview as one document is asked once (fetchOverview()).
//
//   refresh() ─▶ every figure "–", busy ─▶ one request per part
//   part answered ─▶ its cards, columns or chart filled ─▶ all in: not busy
//   an error ─▶ the other answers dropped, every figure "–", the error shown
class OverviewScreen final : public DataScreen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewScreen)

public:
    explicit OverviewScreen(DataSource *source = nullptr, QWidget *parent = nullptr);
    ~OverviewScreen() override;

    QString title() const override;
    void setCanWrite(bool) {} // nothing here writes

    QString figureText(const QString &objectName) const; // a card's number
    QTableView *rolesView() const { return m_rolesView; }
    GrantsChart *chart() const { return m_chart; }
    const OverviewFigures &figures() const { return m_figures; }

    QString tableCsv() const override; // the figures and the per-role table

public Q_SLOTS:
    void refresh() override;

protected:
    QString exportBaseName() const override;

private:
    QLabel *addCard(QGridLayout *grid, int column, const QString &objectName, const QString &title);
    void receive(const OverviewFigures &answer, const QList<OverviewPart> &parts);
    void fail(const QString &message);
    void showFigures();
    static unsigned bit(OverviewPart part) { return 1U << unsigned(part); }
    bool has(OverviewPart part) const { return (m_arrived & bit(part)) != 0; }

    OverviewFigures m_figures;
    QLabel *m_users = nullptr;
    QLabel *m_withoutRole = nullptr;
    QLabel *m_expiring = nullptr;
    QStandardItemModel *m_roles = nullptr;
    QTableView *m_rolesView = nullptr;
    GrantsChart *m_chart = nullptr;
    unsigned m_arrived = 0; // bit(part) of each part answered
    int m_pending = 0;
    StaleAnswerGuard m_answers;
};

} // namespace rolecall

#include "screens/overviewscreen.h"

#include "async/futurewatch.h"
#include "itemmodels/tableexport.h"
#include "services/datasource.h"
#include "widgets/grantschart.h"
#include "widgets/rowtable.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace rolecall {

OverviewScreen::OverviewScreen(DataSource *source, QWidget *parent)
    : DataScreen(parent)
{
    setObjectName(QStringLiteral("overviewScreen"));
    setAccessibleName(tr("Overview"));

    auto *cards = new QGridLayout;
    m_users = addCard(cards, 0, QStringLiteral("usersFigure"), tr("Users"));
    m_withoutRole =
        addCard(cards, 1, QStringLiteral("withoutRoleFigure"), tr("Users without a role"));
    m_expiring = addCard(cards, 2, QStringLiteral("expiringFigure"), tr("Grants ending this week"));
    addContent(cards);

    auto *lower = new QHBoxLayout;
    auto *rolesBox = new QGroupBox(tr("Active now, per role"), this);
    auto *rolesLayout = new QVBoxLayout(rolesBox);
    m_roles = new QStandardItemModel(0, 3, this);
    m_roles->setHorizontalHeaderLabels({tr("Role"), tr("Active grants"), tr("Users")});
    m_rolesView = new QTableView(rolesBox);
    m_rolesView->setObjectName(QStringLiteral("rolesView"));
    m_rolesView->setAccessibleName(tr("Active grants per role"));
    m_rolesView->setModel(m_roles);
    m_rolesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rolesView->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_rolesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rolesView->verticalHeader()->hide();
    m_rolesView->horizontalHeader()->setStretchLastSection(true);
    m_rolesView->setAlternatingRowColors(true);
    m_rolesView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_rolesView->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_rolesView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_rolesView->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    rolesLayout->addWidget(m_rolesView);
    rolesLayout->addStretch();
    lower->addWidget(rolesBox, 1);

    auto *chartBox = new QGroupBox(tr("Active grants per role, last 12 months"), this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    m_chart = new GrantsChart(chartBox);
    chartLayout->addWidget(m_chart);
    lower->addWidget(chartBox, 3);
    addContent(lower, 1);
    setCopyView(m_rolesView);
    setKeyboardOrder({m_rolesView});

    setDataSource(source);
}

OverviewScreen::~OverviewScreen() = default;

QString OverviewScreen::title() const
{
    return tr("&Overview");
}

QString OverviewScreen::exportBaseName() const
{
    return QStringLiteral("overview");
}

QLabel *OverviewScreen::addCard(QGridLayout *grid, int column, const QString &objectName,
                                const QString &title)
{
    auto *box = new QGroupBox(title, this);
    auto *boxLayout = new QVBoxLayout(box);
    auto *figure = new QLabel(QStringLiteral("–"), box);
    figure->setObjectName(objectName);
    figure->setAccessibleName(title);
    QFont big = figure->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    figure->setFont(big);
    figure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    boxLayout->addWidget(figure);
    grid->addWidget(box, 0, column);
    return figure;
}

QString OverviewScreen::figureText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void OverviewScreen::refresh()
{
    m_answers.renew();
    m_figures = OverviewFigures{};
    m_arrived = 0;
    showFigures();
    showBanner({});
    if (!dataSource()) {
        m_pending = 0;
        setBusy(false);
        showBanner(tr("No database is open."));
        return;
    }
    setBusy(true);
    // The slow role holders second: a source with two workers runs them beside
    // the other parts, which follow each other on the other worker.
    const QList<OverviewPart> everyPart{OverviewPart::Users, OverviewPart::RoleHolders,
                                        OverviewPart::Grants, OverviewPart::Series};
    const auto onError = m_answers.current([this](const QString &message) { fail(message); });
    if (!dataSource()->answersOverviewInParts()) {
        m_pending = 1;
        watchFuture(dataSource()->fetchOverview(), this,
                    m_answers.current([this, everyPart](const OverviewFigures &figures) {
                        receive(figures, everyPart);
                    }),
                    onError);
        return;
    }
    m_pending = int(everyPart.size());
    for (const OverviewPart part : everyPart) {
        watchFuture(dataSource()->fetchOverviewPart(part), this,
                    m_answers.current(
                        [this, part](const OverviewFigures &answer) { receive(answer, {part}); }),
                    onError);
    }
}

void OverviewScreen::receive(const OverviewFigures &answer, const QList<OverviewPart> &parts)
{
    const bool first = m_arrived == 0;
    for (const OverviewPart part : parts) {
        mergeOverviewPart(m_figures, answer, part);
        m_arrived |= bit(part);
    }
    if (--m_pending <= 0)
        setBusy(false);
    showFigures();
    if (first && !answer.rolesSupported)
        showBanner(tr("Roles are not available for this schema: its users have no "
                      "roles, so only the user count is shown."));
}

void OverviewScreen::fail(const QString &message)
{
    m_answers.renew(); // the other parts' answers no longer matter
    m_pending = 0;
    m_figures = OverviewFigures{};
    m_arrived = 0;
    setBusy(false);
    showFigures();
    showError(message);
}

void OverviewScreen::showFigures()
{
    const OverviewFigures &figures = m_figures;
    const QLocale locale;
    const QString none = QStringLiteral("–");
    const bool roles = figures.rolesSupported;
    const auto shown = [&locale, &none](bool known, qint64 value) {
        return known ? locale.toString(value) : none;
    };
    m_users->setText(
        shown(has(OverviewPart::Users) || has(OverviewPart::RoleHolders), figures.users));
    m_withoutRole->setText(
        shown(roles && has(OverviewPart::RoleHolders), figures.usersWithoutRole));
    m_expiring->setText(shown(roles && has(OverviewPart::Grants), figures.grantsExpiringThisWeek));
    m_roles->removeRows(0, m_roles->rowCount());
    for (const RoleCount &count : figures.activePerRole) {
        QList<QStandardItem *> row{
            new QStandardItem(count.role),
            new QStandardItem(shown(has(OverviewPart::Grants), count.activeGrants)),
            new QStandardItem(shown(has(OverviewPart::RoleHolders), count.activeUsers))};
        row[1]->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        row[2]->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        m_roles->appendRow(row);
    }
    // Every column but the last, which keeps stretching to the table's width.
    fitColumnsToContents(m_rolesView, std::numeric_limits<int>::max());
    // As tall as its rows (a deployment may have many roles), no taller.
    m_rolesView->setMaximumHeight(m_rolesView->horizontalHeader()->height() +
                                  m_rolesView->verticalHeader()->length() +
                                  2 * m_rolesView->frameWidth());
    m_chart->setData(figures.months, figures.series);
}

QString OverviewScreen::tableCsv() const
{
    QString csv = csvRecord({tr("Figure"), tr("Value")}, FormulaGuard::On);
    csv += csvRecord({tr("Users"), QString::number(m_figures.users)}, FormulaGuard::On);
    if (m_figures.rolesSupported) {
        csv += csvRecord({tr("Users without a role"), QString::number(m_figures.usersWithoutRole)},
                         FormulaGuard::On);
        csv += csvRecord(
            {tr("Grants ending this week"), QString::number(m_figures.grantsExpiringThisWeek)},
            FormulaGuard::On);
        csv += QStringLiteral("\r\n") +
               csvRecord({tr("Role"), tr("Active grants"), tr("Users")}, FormulaGuard::On);
        for (const RoleCount &c : m_figures.activePerRole)
            csv +=
                csvRecord({c.role, QString::number(c.activeGrants), QString::number(c.activeUsers)},
                          FormulaGuard::On);
        QStringList header{tr("Month")};
        for (const auto &entry : m_figures.series)
            header << entry.first;
        csv += QStringLiteral("\r\n") + csvRecord(header, FormulaGuard::On);
        for (int i = 0; i < m_figures.months.size(); ++i) {
            QStringList row{m_figures.months[i].toString(QStringLiteral("yyyy-MM"))};
            for (const auto &entry : m_figures.series)
                row << QString::number(entry.second.value(i));
            csv += csvRecord(row, FormulaGuard::On);
        }
    }
    return csv;
}

} // namespace rolecall

#pragma once

#include "screens/exportflow.h"
#include "screens/screen.h"
#include "services/datasource.h"
#include "widgets/messagebanner.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractItemView;
class QAction;
class QHBoxLayout;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace rolecall {

// What the screens that read the data source (Grants, Audit, Overview) share:
// Refresh / Export CSV… / Copy top right, a message banner, a busy bar under
// the content, and the CSV export flow. A subclass adds its content, loads in
// refresh() and says what its CSV holds: every row its filters match,
// streamed (streamedExport()), or what it shows (tableCsv()).
//
//   Export CSV… ─▶ chooseCsvFile() (save dialog, open()) ─▶ fileSelected ─▶ exportTo(path)
//     streamedExport()? ─▶ ExportFlow (progress, Cancel) ─┐
//     else exportCsv(path): tableCsv() written ───────────┴─▶ exportFinished; the banner says how
class DataScreen : public QWidget, public Screen
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataScreen)

public:
    explicit DataScreen(QWidget *parent = nullptr);
    ~DataScreen() override;

    // Screen: not owned; may change or become nullptr. Reloads.
    QWidget *widget() override { return this; }
    void setDataSource(DataSource *source) override;
    QAction *exportAction() const override { return m_exportAction; }
    DataSource *dataSource() const { return m_source; }

    QString bannerText() const; // empty when no banner shows
    bool isBusy() const;

    // What the screen shows, as CSV (formula guard on).
    virtual QString tableCsv() const = 0;
    // Writes tableCsv() to `path`; false and *error set when it cannot.
    bool exportCsv(const QString &path, QString *error) const;
    // What Export CSV… does once `path` is chosen: every row the filters
    // match, streamed in the background with a progress dialog, where the
    // screen has a stream, else exportCsv(). The end comes in
    // exportFinished(); false when the file could not be started.
    bool exportTo(const QString &path);
    // Copies the selected rows of the copy view (tab-separated, header first)
    // and returns them.
    QString copySelectedRows() const;

public Q_SLOTS:
    void exportToFile(); // asks where, without a nested event loop

Q_SIGNALS:
    void busyChanged(bool busy);
    void exportFinished(bool ok, const QString &message);

protected:
    // Left of the buttons: the screen's filters.
    QHBoxLayout *filterBar() const { return m_filters; }
    // Between the banner and the busy bar.
    void addContent(QWidget *widget, int stretch = 0);
    void addContent(QLayout *layout, int stretch = 0);
    // The view whose selected rows Copy (and Ctrl+C in it) takes.
    void setCopyView(QAbstractItemView *view);
    // The keyboard's order: `first` (the filters, then the content, as Tab
    // takes them), then Refresh, Export CSV… and Copy.
    void setKeyboardOrder(const QList<QWidget *> &first);
    void setButtonToolTips(const QString &refresh, const QString &exportCsv, const QString &copy);
    // Empty: hide. An error offers Retry, which refreshes.
    void showBanner(const QString &message,
                    MessageBanner::Kind kind = MessageBanner::Kind::Information);
    void showError(const QString &message);
    void setBusy(bool busy);
    // A file name for exports, e.g. "grants".
    virtual QString exportBaseName() const = 0;
    // Every row the screen's filters match, read from the data source, and
    // what the progress says; none (the default): the export writes tableCsv().
    struct StreamedExport
    {
        CsvStreamJob job;
        ExportWording wording;
    };
    virtual std::optional<StreamedExport> streamedExport() const { return std::nullopt; }

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCopyButton();
    void exportEnded(bool ok, const QString &message);

    QPointer<DataSource> m_source;
    QHBoxLayout *m_filters = nullptr;
    QVBoxLayout *m_content = nullptr;
    MessageBanner *m_banner = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_copy = nullptr;
    QAction *m_exportAction = nullptr;
    QPointer<QAbstractItemView> m_copyView;
    ExportFlow *m_exportFlow = nullptr;
};

} // namespace rolecall

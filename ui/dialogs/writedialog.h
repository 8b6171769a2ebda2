#pragma once

#include "async/futurewatch.h"
#include "domain/roles.h"

#include <QDialog>
#include <QPointer>

class QBoxLayout;
class QDialogButtonBox;
class QLabel;
class QProgressBar;

namespace rolecall {

class DataSource;

// What the dialogs that write grants share (Grant role, End grant, Bulk
// grant): the DataSource and the actor a write goes out as, the inline error
// line, the busy state, and one write at a time:
//
//   runWrite(future) ─▶ busy (inputs off, busy bar) ─▶ value ─▶ idle ─▶ onValue
//                                                    └▶ DataSourceError ─▶ idle ─▶ onError,
//                                                       the message inline (what was typed
//                                                       stays), refreshNeeded() on a
//                                                       conflict or a lost connection
class WriteDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WriteDialog)

public:
    ~WriteDialog() override;

    // The problem shown inline; empty when none is.
    QString errorText() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // A conflict or a lost connection: the window should reload what it shows.
    void refreshNeeded();

protected:
    // `source` is not owned.
    WriteDialog(DataSource *source, const Actor &actor, QWidget *parent);

    DataSource *source() const; // null once the profile closed
    const Actor &actor() const { return m_actor; }

    // The error line and the busy bar, in that order, at the end of `layout`.
    void addStatusRows(QBoxLayout *layout);
    // OK (worded for the write, calling accept()) and Cancel, added to `layout`.
    QDialogButtonBox *addOkCancelButtons(QBoxLayout *layout, const QString &okText,
                                         const QString &okAccessibleName);
    void showError(const QString &message);
    // False, with "No database is open." inline, once the source is gone.
    bool sourceIsOpen();
    void setBusy(bool busy);
    // Enables the inputs and buttons for the state; called on every change of busy.
    virtual void updateInputs() = 0;

    // Sends one write (or dry run): busy until it answers, then onValue(value),
    // or onError(error) followed by the message inline and, for a stale view,
    // refreshNeeded(). The dialog stays open on an error.
    template <typename T, typename OnValue, typename OnError>
    void runWrite(const QFuture<T> &future, OnValue onValue, OnError onError)
    {
        setBusy(true);
        showError({});
        watchFuture(
            future, this,
            [this, onValue = std::move(onValue)](const T &value) {
                setBusy(false);
                onValue(value);
            },
            [this, onError = std::move(onError)](const DataSourceError &error) {
                setBusy(false);
                onError(error);
                showError(error.message());
                if (needsRefresh(error))
                    Q_EMIT refreshNeeded();
            });
    }
    template <typename T, typename OnValue>
    void runWrite(const QFuture<T> &future, OnValue onValue)
    {
        runWrite(future, std::move(onValue), [](const DataSourceError &) {});
    }

private:
    QPointer<DataSource> m_source;
    Actor m_actor;
    QLabel *m_error;
    QProgressBar *m_busyBar;
    bool m_busy = false;
};

} // namespace rolecall

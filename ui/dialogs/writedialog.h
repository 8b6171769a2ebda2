#pragma once

#include "async/futurewatch.h"
#include "domain/roles.h"

#include <QDialog>
#include <QPointer>

class QBoxLayout;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace rolecall {

class CommandRow;
class DataSource;

// What the dialogs that write grants share (Grant role, End grant, Bulk
// grant): the DataSource and the actor a write goes out as, the inline error
// line, the busy state, and one write at a time:
//
//   runWrite(future) ─▶ busy (inputs off, busy bar) ─▶ value ─▶ idle ─▶ onValue
//                                                    └▶ DataSourceError ─▶ idle ─▶ onError,
//                                                       the message inline (what was typed
//                                                       stays; a server's per-field problems
//                                                       below the fields they name),
//                                                       refreshNeeded() on a
//                                                       conflict or a lost connection,
//                                                       writeRefused(reason) when the
//                                                       writer says this person may not;
//                                                       the focus back on the retry
//                                                       button, so Enter tries again
//
// It also shows the `rolecallctl` command that makes the same change
// (addCommandRow(), setCommand()) and adds it to the CommandHistory once the
// write succeeded (recordCommand()). Closing with typed input (Escape,
// Cancel, the window's close button) asks first (hasTypedInput()).
class WriteDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WriteDialog)

public:
    ~WriteDialog() override;

    // The problem shown inline; empty when none is.
    QString errorText() const;
    // The server's problem shown below `field` (the contract's name, such as
    // "reason"); empty when none is.
    QString fieldErrorText(const QString &field) const;
    bool isBusy() const { return m_busy; }
    // The equivalent rolecallctl command as shown; empty when there is none yet.
    QString commandText() const;
    CommandRow *commandRow() const { return m_command; }

public Q_SLOTS:
    // With typed input, asks before discarding it (a question box, open()).
    void reject() override;

Q_SIGNALS:
    // A conflict or a lost connection: the window should reload what it shows.
    void refreshNeeded();
    // The writer refused this person (NotPermitted: no longer an active
    // ADMIN, a server's 403 with its reason): the window turns read-only.
    void writeRefused(const QString &reason);

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
    // A line under the row just added to `form`, where a server's problem
    // with `field` (the contract's name: "reason", "effectiveEnd", ...) shows;
    // `input` takes the focus when it does.
    void addFieldErrorRow(QFormLayout *form, const QString &field, QWidget *input);
    // "The same change with rolecallctl:", the command, and Copy, at the end of `layout`.
    void addCommandRow(QBoxLayout *layout);
    // The command for the inputs as they are (empty: `placeholder` shows instead).
    void setCommand(const QString &command, const QString &placeholder = {});
    // The profile the commands name (the console's; empty: the default one).
    QString commandProfile() const;
    // After a successful write: the command goes to the Command History.
    void recordCommand(const QString &what) const;
    // Where the focus goes after a failed write (default: the OK button of
    // addOkCancelButtons()).
    virtual QWidget *retryFocusWidget() const;
    // Whether closing would lose something the person typed.
    virtual bool hasTypedInput() const { return false; }
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
        clearFieldErrors();
        watchFuture(
            future, this,
            [this, onValue = std::move(onValue)](const T &value) {
                setBusy(false);
                onValue(value);
            },
            [this, onError = std::move(onError)](const DataSourceError &error) {
                setBusy(false);
                onError(error);
                showWriteError(error);
                if (needsRefresh(error))
                    Q_EMIT refreshNeeded();
                if (error.kind() == DataSourceError::Kind::NotPermitted)
                    Q_EMIT writeRefused(error.summary());
            });
    }
    template <typename T, typename OnValue>
    void runWrite(const QFuture<T> &future, OnValue onValue)
    {
        runWrite(future, std::move(onValue), [](const DataSourceError &) {});
    }

private:
    struct FieldErrorRow
    {
        QString field;
        QFormLayout *form = nullptr;
        QLabel *label = nullptr;
        QWidget *input = nullptr;
    };
    void focusRetry();
    void clearFieldErrors();
    // The error inline, its field problems at their fields; the focus on
    // the first field named, else on the retry button.
    void showWriteError(const DataSourceError &error);

    QPointer<DataSource> m_source;
    Actor m_actor;
    QLabel *m_error;
    QProgressBar *m_busyBar;
    QPushButton *m_okButton = nullptr;
    CommandRow *m_command = nullptr;
    QList<FieldErrorRow> m_fieldRows;
    bool m_busy = false;
    bool m_discardConfirmed = false;
};

} // namespace rolecall

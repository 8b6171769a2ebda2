#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace rolecall {

// The `rolecallctl` commands for the changes made in this run of the console,
// oldest first, for the Command History window. One per process: the write
// dialogs add to it as a write succeeds. It also knows the profile the
// console opened, so the commands name it (--profile).
class CommandHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandHistory)

public:
    struct Entry
    {
        QDateTime at; // local time
        QString what; // "Granted MENTOR to …", for people
        QString command;
    };

    static CommandHistory *instance();
    ~CommandHistory() override; // never called: the one instance lives as long as the process

    void setProfile(const QString &profile) { m_profile = profile; }
    QString profile() const { return m_profile; }

    void add(const QString &what, const QString &command);
    const QList<Entry> &entries() const { return m_entries; }
    // Every entry as shell text: a "# when: what" comment line, then the command.
    QString scriptText() const;
    void clear();

Q_SIGNALS:
    void changed();

private:
    CommandHistory() = default;

    QList<Entry> m_entries;
    QString m_profile;
};

} // namespace rolecall

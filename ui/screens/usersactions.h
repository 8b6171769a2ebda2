#pragma once

#include <QObject>
#include <QString>

class QAction;

namespace rolecall {

// The Users screen's actions and when each is offered. Grant, End and Bulk
// grant need write access and a schema with roles; without them they are
// disabled and their tooltip says why. Export needs a data source, Copy a
// selection. The screen connects triggered() and calls update() whenever
// anything here depends on changes.
class UsersActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersActions)

public:
    struct State
    {
        bool canWrite = false;     // a signed-in active ADMIN
        bool started = false;      // the schema is known
        bool hasRoles = false;     // and it has roles
        bool hasModel = false;     // a data source is open
        bool hasUser = false;      // the detail panel shows someone
        bool hasGrant = false;     // a grant is selected in their history
        bool hasSelection = false; // rows are selected in the table
        QString readOnlyReason;    // why not, when !canWrite
    };

    explicit UsersActions(QObject *parent = nullptr);
    ~UsersActions() override;

    QAction *grant() const { return m_grant; }
    QAction *end() const { return m_end; }
    QAction *bulkGrant() const { return m_bulk; }
    QAction *exportUsers() const { return m_export; }
    QAction *copy() const { return m_copy; }

    void update(const State &state);

private:
    QAction *m_grant = nullptr;
    QAction *m_end = nullptr;
    QAction *m_bulk = nullptr;
    QAction *m_export = nullptr;
    QAction *m_copy = nullptr;
};

} // namespace rolecall

#pragma once

#include "domain/domain.h"
#include "services/signinservice.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace rolecall {

// Who is signed in, on which profile, with which roles, and whether the
// console is read-only for them (with the reason in a tooltip). Anyone who is
// not an active ADMIN, or whose access is not known, gets read-only.
class AccountWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountWidget)

public:
    explicit AccountWidget(QWidget *parent = nullptr);
    ~AccountWidget() override;

    void setIdentity(const Identity &identity);
    // `problem`: why access could not be read (e.g. a database error).
    void setAccess(const std::optional<AccountAccess> &access, const QString &problem = {});
    void clear();
    // A write was refused for this person after their access was read (their
    // ADMIN role ended meanwhile, or a server's 403): read-only from now on,
    // with the writer's `reason`, until the access is read again.
    void refuseWrites(const QString &reason);

    bool isReadOnly() const;
    QString badgeText() const; // empty when no badge shows
    QString readOnlyReason() const;
    QString accountText() const;
    QString rolesText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void tintBadge();

    Identity m_identity;
    std::optional<AccountAccess> m_access;
    QString m_problem;
    QLabel *m_account = nullptr;
    QLabel *m_roles = nullptr;
    QLabel *m_badge = nullptr;
};

} // namespace rolecall

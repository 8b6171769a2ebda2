#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

class QJsonObject;

namespace rolecall {

// One user as Clerk's Backend API returns it (GET /v1/users), reduced to what
// sync status compares and shows. Times are UTC; Clerk sends Unix milliseconds.
struct ClerkUser
{
    QString id;           // user_...
    QString primaryEmail; // the address primary_email_address_id names
    bool primaryEmailVerified = false;
    QString firstEmail; // email_addresses[0], what SehatScan's sync takes
    QString firstName;  // empty when Clerk has null
    QString lastName;
    bool hasFirstName = false; // first_name was a non-null string
    QString imageUrl;
    bool banned = false;
    bool locked = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSignInAt; // null: never signed in
    QString publicRole;     // public_metadata.role, Clerk's documented basic RBAC

    QString displayName() const;
};

// The user object; false with *error naming what is wrong (never a value).
bool parseClerkUser(const QJsonObject &object, ClerkUser *user, QString *error);

// A GET /v1/users body: a bare JSON array of user objects.
bool parseClerkUserList(const QByteArray &body, QList<ClerkUser> *users, QString *error);

// A GET /v1/users/count body: {"object":"total_count","total_count":N}; -1 if not one.
qint64 parseClerkTotalCount(const QByteArray &body);

// The first error of a ClerkErrors body ({"errors":[{message,long_message,code}]}),
// "code: long message", or empty when the body is not one.
QString clerkErrorText(const QByteArray &body);

} // namespace rolecall

Q_DECLARE_METATYPE(rolecall::ClerkUser)

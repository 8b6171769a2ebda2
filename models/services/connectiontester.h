#pragma once

#include "domain/profile.h"

#include <QFuture>
#include <QMetaType>
#include <QObject>

namespace rolecall {

// What "Test connection" found for one profile: the issuer's discovery
// document and the database, each on its own (one may work without the other).
struct ConnectionTestResult
{
    bool issuerOk = false;
    QString issuerMessage; // what was found, or what went wrong and what to do
    bool databaseOk = false;
    QString databaseMessage;
    QString schemaName; // "Akako LMS", ... when the database answered
    qint64 userCount = -1;

    bool ok() const { return issuerOk && databaseOk; }
};

// Checks a profile as typed, before it is saved: the profile editor asks, the
// app answers (HTTP for discovery, the data source for the database), so the
// GUI holds neither. The future never fails: problems are in the result.
class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ConnectionTester() override = default;

    virtual QFuture<ConnectionTestResult> test(const Profile &profile) = 0;
};

} // namespace rolecall

Q_DECLARE_METATYPE(rolecall::ConnectionTestResult)

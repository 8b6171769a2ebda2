#pragma once

#include "api/apijson.h"
#include "domain/datasourceerror.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace rolecall::server {

// An RFC 9457 problem: what every failed request answers, as
// application/problem+json. Types, statuses and titles are the contract's
// (apijson::ProblemType); the document is written by the same codec the
// client decodes it with. Only Retry-After is the server's own addition.
struct Problem
{
    int status = 500;
    QString type;                          // https://rolecall.dev/problems/<id>
    QString title;                         // the same for every problem of this type
    QString detail;                        // this occurrence, for the person at the console
    QString reason;                        // not-permitted: why this person may not write
    QList<QPair<QString, QString>> errors; // validation: (field, message)
    int retryAfterSeconds = 0;             // 429/503: Retry-After

    QByteArray toJson() const;

    static Problem of(apijson::ProblemType type, const QString &detail);
    // A plain HTTP failure with no type of its own ("about:blank", RFC 9457 §4.2.1).
    static Problem http(int status, const QString &detail);
    static Problem unauthorized(const QString &detail);
    static Problem notPermitted(const QString &reason);
    static Problem notFound(const QString &detail);
    static Problem validation(const QString &detail, const QString &field = {});
    static Problem stale(const QString &detail);
    static Problem tooLarge(qint64 maxBytes);
    static Problem rateLimited(int retryAfterSeconds);
    static Problem internal(const QString &detail);
    // 503 with Retry-After: the server is busy now (no database session came
    // in time). about:blank: the client judges it by its status and retries.
    static Problem busy(const QString &detail, int retryAfterSeconds = 1);
    // The database has no roles (SehatScan): schema-without-roles, worded as
    // PostgreSQL mode words it; an unrecognised schema is a `schema` problem.
    static Problem schemaWithoutRoles(const SchemaInfo &schema);
};

// The problem a data-source failure answers. `ifMatchSent`: a Conflict is
// then the stale If-Match the client asked to be checked (412), else 409.
Problem problemFor(const DataSourceError &error, bool ifMatchSent = false);

} // namespace rolecall::server

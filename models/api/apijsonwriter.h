#pragma once

#include "domain/domain.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

// JSON written straight into bytes, for the answers rolecall-server sends
// most: building a QJsonObject tree and serialising it was half of the
// server's CPU time per users page (a QCborValue and a sorted insert per
// field, then the writer's walk). The bytes are exactly what
// QJsonDocument(tree).toJson(QJsonDocument::Compact) gives for the codec's
// tree (tst_apijsonwriter compares them), so the client decodes them as ever.
namespace rolecall::apijson {

// Compact JSON as QJsonDocument writes it: no spaces, strings escaped as Qt
// escapes them. QJsonObject keeps its keys sorted, so callers give the keys
// of each object in that order; commas are placed by the writer.
class CompactJsonWriter
{
public:
    explicit CompactJsonWriter(qsizetype reserveBytes = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QLatin1String name);

    void string(QStringView value);
    // A null QString as null, any other (the empty one included) as a string:
    // the codec's text() rule.
    void text(const QString &value);
    void null();
    void boolean(bool value);

    QByteArray take() { return std::move(m_out); }

private:
    void beforeValue();

    QByteArray m_out;
};

// GET /users's body, byte for byte QJsonDocument(toJson(page, sortKey))
// .toJson(QJsonDocument::Compact).
QByteArray userPageBody(const UserPage &page, UserSortKey sortKey);

} // namespace rolecall::apijson

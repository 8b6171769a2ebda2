#include "clerk/clerkuser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <optional>

namespace rolecall {

namespace {

// JSON numbers are doubles: one outside [0, max] is refused before the
// conversion to an integer, which would be undefined for it (found by
// tests/fuzz/fuzz_clerkuser.cpp).
std::optional<qint64> wholeNumber(const QJsonValue &value, double max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0 && number <= max)) // NaN fails both
        return std::nullopt;
    return qint64(number);
}

QDateTime fromClerkMillis(const QJsonValue &value)
{
    // Up to the year 9999 in milliseconds.
    const std::optional<qint64> millis = wholeNumber(value, 253402300799999.0);
    return millis ? QDateTime::fromMSecsSinceEpoch(*millis, Qt::UTC) : QDateTime();
}

} // namespace

QString ClerkUser::displayName() const
{
    const QString name = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
    return name.isEmpty() ? primaryEmail : name;
}

bool parseClerkUser(const QJsonObject &object, ClerkUser *user, QString *error)
{
    const QString id = object.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        *error = QStringLiteral("a user object without an id");
        return false;
    }
    ClerkUser u;
    u.id = id;
    const QJsonValue first = object.value(QLatin1String("first_name"));
    u.hasFirstName = first.isString() && !first.toString().isEmpty();
    u.firstName = first.toString();
    u.lastName = object.value(QLatin1String("last_name")).toString();
    u.imageUrl = object.value(QLatin1String("image_url")).toString();
    u.banned = object.value(QLatin1String("banned")).toBool();
    u.locked = object.value(QLatin1String("locked")).toBool();
    u.createdAt = fromClerkMillis(object.value(QLatin1String("created_at")));
    u.updatedAt = fromClerkMillis(object.value(QLatin1String("updated_at")));
    u.lastSignInAt = fromClerkMillis(object.value(QLatin1String("last_sign_in_at")));
    u.publicRole = object.value(QLatin1String("public_metadata"))
                       .toObject()
                       .value(QLatin1String("role"))
                       .toString();
    const QString primaryId = object.value(QLatin1String("primary_email_address_id")).toString();
    const QJsonArray emails = object.value(QLatin1String("email_addresses")).toArray();
    for (qsizetype i = 0; i < emails.size(); ++i) {
        const QJsonObject email = emails.at(i).toObject();
        const QString address = email.value(QLatin1String("email_address")).toString();
        if (i == 0)
            u.firstEmail = address;
        if (!primaryId.isEmpty() && email.value(QLatin1String("id")).toString() == primaryId) {
            u.primaryEmail = address;
            // The discriminator ("object") may be missing: read status alone.
            u.primaryEmailVerified = email.value(QLatin1String("verification"))
                                         .toObject()
                                         .value(QLatin1String("status"))
                                         .toString() == QLatin1String("verified");
        }
    }
    *user = std::move(u);
    return true;
}

bool parseClerkUserList(const QByteArray &body, QList<ClerkUser> *users, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        *error = doc.isObject() ? QStringLiteral("the users list is an object, not an array")
                                : QStringLiteral("the users list is not valid JSON");
        return false;
    }
    const QJsonArray array = doc.array();
    users->reserve(users->size() + array.size());
    for (const QJsonValue &value : array) {
        ClerkUser user;
        if (!parseClerkUser(value.toObject(), &user, error))
            return false;
        users->append(std::move(user));
    }
    return true;
}

qint64 parseClerkTotalCount(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue count = object.value(QLatin1String("total_count"));
    return wholeNumber(count, 1e15).value_or(-1);
}

QString clerkErrorText(const QByteArray &body)
{
    const QJsonArray errors =
        QJsonDocument::fromJson(body).object().value(QLatin1String("errors")).toArray();
    if (errors.isEmpty())
        return {};
    const QJsonObject first = errors.first().toObject();
    const QString code = first.value(QLatin1String("code")).toString();
    QString text = first.value(QLatin1String("long_message")).toString();
    if (text.isEmpty())
        text = first.value(QLatin1String("message")).toString();
    return code.isEmpty() ? text : code + QStringLiteral(": ") + text;
}

} // namespace rolecall

#pragma once

// Internals of the codec (apijson*.cpp): a reader over one JSON object that
// throws a DecodeError naming the field, caught at the public boundary.

#include "domain/domain.h"
#include "domain/roles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace rolecall::apijson::detail {

struct DecodeError
{
    QString message;
};

[[noreturn]] void fail(const QString &path, const QString &what);
QString childPath(const QString &path, const char *key);
QString indexPath(const QString &path, qsizetype index);

class ObjectReader
{
public:
    // Throws unless `json` is an object.
    ObjectReader(const QJsonValue &json, QString path);

    const QJsonObject &object() const { return m_object; }
    const QString &path() const { return m_path; }
    QString pathOf(const char *key) const { return childPath(m_path, key); }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }
    bool has(const char *key) const;

    // Absent or null: the default (or a failure when required).
    QString string(const char *key, bool required = false) const;
    QDateTime instant(const char *key, bool required = false) const;
    bool boolean(const char *key, bool fallback = false) const;
    qint64 integer(const char *key, qint64 fallback = 0, bool required = false) const;
    QStringList strings(const char *key) const;
    QJsonArray array(const char *key, bool required = false) const;

    // Decodes each element of an array with `decode(value, path, element)`.
    template <typename T>
    QList<T> list(const char *key,
                  const std::function<void(const QJsonValue &, const QString &, T &)> &decode,
                  bool required = false) const
    {
        const QJsonArray items = array(key, required);
        QList<T> out;
        out.reserve(items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            T element;
            decode(items.at(i), indexPath(pathOf(key), i), element);
            out.append(std::move(element));
        }
        return out;
    }

    // An enum by its id; `parse` yields nullopt for an unknown id.
    template <typename E>
    E enumValue(const char *key, const std::function<std::optional<E>(const QString &)> &parse,
                E fallback, bool required = false) const
    {
        const QString id = string(key, required);
        if (id.isEmpty() && !required)
            return fallback;
        const std::optional<E> parsed = parse(id);
        if (!parsed)
            fail(pathOf(key), QStringLiteral("unknown value \"%1\"").arg(id.left(40)));
        return *parsed;
    }

private:
    QJsonObject m_object;
    QString m_path;
};

// Runs `decode` into a temporary and copies it out only when it succeeded.
template <typename T, typename Decode>
bool decodeInto(T *out, QString *error, Decode decode)
{
    try {
        T value{};
        decode(value);
        if (out)
            *out = std::move(value);
        return true;
    } catch (const DecodeError &e) {
        if (error)
            *error = e.message;
        return false;
    }
}

// Decoders shared by the codec's files.
void decodeUser(const QJsonValue &json, const QString &path, User &out);
void decodeGrantView(const QJsonValue &json, const QString &path, GrantView &out);
void decodeRoleGrant(const QJsonValue &json, const QString &path, RoleGrant &out);

} // namespace rolecall::apijson::detail

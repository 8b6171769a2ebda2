#include "api/apijsonwriter.h"

#include "api/apijson.h"
#include "domain/utctime.h"

namespace rolecall::apijson {

namespace {

char hexDigit(unsigned value)
{
    return static_cast<char>(value < 10 ? '0' + value : 'a' + value - 10);
}

char *putUnicodeEscape(char *out, char16_t unit)
{
    *out++ = '\\';
    *out++ = 'u';
    *out++ = hexDigit(unit >> 12 & 0xf);
    *out++ = hexDigit(unit >> 8 & 0xf);
    *out++ = hexDigit(unit >> 4 & 0xf);
    *out++ = hexDigit(unit & 0xf);
    return out;
}

char *putUtf8(char *out, char32_t code)
{
    if (code < 0x800) {
        *out++ = static_cast<char>(0xc0 | code >> 6);
    } else if (code < 0x10000) {
        *out++ = static_cast<char>(0xe0 | code >> 12);
        *out++ = static_cast<char>(0x80 | (code >> 6 & 0x3f));
    } else {
        *out++ = static_cast<char>(0xf0 | code >> 18);
        *out++ = static_cast<char>(0x80 | (code >> 12 & 0x3f));
        *out++ = static_cast<char>(0x80 | (code >> 6 & 0x3f));
    }
    *out++ = static_cast<char>(0x80 | (code & 0x3f));
    return out;
}

// The short escapes JSON has for C0 controls; 0 where it has none.
char shortEscape(char16_t unit)
{
    switch (unit) {
    case u'\b':
        return 'b';
    case u'\f':
        return 'f';
    case u'\n':
        return 'n';
    case u'\r':
        return 'r';
    case u'\t':
        return 't';
    default:
        return 0;
    }
}

// "text" as Qt's JSON writer writes it: ", \ and the C0 controls escaped
// (short forms where JSON has them, else \u00xx), everything else as UTF-8;
// a lone surrogate, which UTF-8 cannot hold, as \uxxxx. Written through a
// pointer into room made for the worst case (6 bytes a unit): appending
// byte by byte was most of the writer's time.
void appendQuoted(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * text.size());
    char *cursor = out.data() + start;
    *cursor++ = '"';
    const char16_t *at = text.utf16();
    const char16_t *const end = at + text.size();
    while (at != end) {
        const char16_t unit = *at++;
        if (unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\') {
            *cursor++ = static_cast<char>(unit);
        } else if (unit == u'"' || unit == u'\\') {
            *cursor++ = '\\';
            *cursor++ = static_cast<char>(unit);
        } else if (unit < 0x20) {
            if (const char escape = shortEscape(unit)) {
                *cursor++ = '\\';
                *cursor++ = escape;
            } else {
                cursor = putUnicodeEscape(cursor, unit);
            }
        } else if (QChar::isHighSurrogate(unit) && at != end && QChar::isLowSurrogate(*at)) {
            cursor = putUtf8(cursor, QChar::surrogateToUcs4(unit, *at++));
        } else if (QChar::isSurrogate(unit)) {
            cursor = putUnicodeEscape(cursor, unit);
        } else {
            cursor = putUtf8(cursor, unit);
        }
    }
    *cursor++ = '"';
    out.resize(cursor - out.constData());
}

void writeInstant(CompactJsonWriter &json, const QDateTime &instant)
{
    if (instant.isValid())
        json.string(isoUtc(instant));
    else
        json.null();
}

// toJson(const User &)'s fields, in the order QJsonObject keeps them.
void writeUser(CompactJsonWriter &json, const User &user)
{
    json.beginObject();
    json.key(QLatin1String("activeRoles"));
    json.beginArray();
    for (const QString &role : user.activeRoles)
        json.string(role);
    json.endArray();
    json.key(QLatin1String("clerkId"));
    json.text(user.clerkId);
    json.key(QLatin1String("createdAt"));
    writeInstant(json, user.createdAt);
    json.key(QLatin1String("email"));
    json.text(user.email);
    json.key(QLatin1String("firstName"));
    json.text(user.firstName);
    json.key(QLatin1String("id"));
    json.string(user.id);
    json.key(QLatin1String("lastName"));
    json.text(user.lastName);
    json.key(QLatin1String("updatedAt"));
    writeInstant(json, user.updatedAt);
    json.endObject();
}

} // namespace

CompactJsonWriter::CompactJsonWriter(qsizetype reserveBytes)
{
    m_out.reserve(reserveBytes);
}

// A comma before every value but the first in its object or array. A value
// can only follow '{', '[', ':' (its key) or the end of another value.
void CompactJsonWriter::beforeValue()
{
    if (m_out.isEmpty())
        return;
    const char last = m_out.back();
    if (last != '{' && last != '[' && last != ':')
        m_out.append(',');
}

void CompactJsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
}

void CompactJsonWriter::endObject()
{
    m_out.append('}');
}

void CompactJsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
}

void CompactJsonWriter::endArray()
{
    m_out.append(']');
}

void CompactJsonWriter::key(QLatin1String name)
{
    // The codec's own field names: plain ASCII, nothing to escape.
    beforeValue();
    m_out.append('"');
    m_out.append(name.data(), name.size());
    m_out.append("\":", 2);
}

void CompactJsonWriter::string(QStringView value)
{
    beforeValue();
    appendQuoted(m_out, value);
}

void CompactJsonWriter::text(const QString &value)
{
    if (value.isNull())
        null();
    else
        string(value);
}

void CompactJsonWriter::null()
{
    beforeValue();
    m_out.append("null", 4);
}

void CompactJsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

QByteArray userPageBody(const UserPage &page, UserSortKey sortKey)
{
    // About 330 bytes per user of the seed's shape; one reallocation at most.
    CompactJsonWriter json(512 + page.users.size() * 384);
    const QString sort = userSortKeyId(sortKey);
    const auto cursorAt = [&](const QString &key, const User *user) {
        if (user)
            json.string(encodeCursor(Cursor{sort, key, {}, user->id}));
        else
            json.null();
    };
    const bool empty = page.users.isEmpty();
    json.beginObject();
    json.key(QLatin1String("atEnd"));
    json.boolean(page.atEnd);
    json.key(QLatin1String("firstCursor"));
    cursorAt(page.firstKey, empty ? nullptr : &page.users.first());
    json.key(QLatin1String("lastCursor"));
    cursorAt(page.lastKey, empty ? nullptr : &page.users.last());
    json.key(QLatin1String("users"));
    json.beginArray();
    for (const User &user : page.users)
        writeUser(json, user);
    json.endArray();
    json.endObject();
    return json.take();
}

} // namespace rolecall::apijson

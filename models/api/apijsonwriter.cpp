#include "api/apijsonwriter.h"

#include "api/apijson.h"
#include "domain/utctime.h"

namespace rolecall::apijson {

namespace {

char hexDigit(unsigned value)
{
    return static_cast<char>(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    const char escape[] = {'\\',
                           'u',
                           hexDigit(unit >> 12 & 0xf),
                           hexDigit(unit >> 8 & 0xf),
                           hexDigit(unit >> 4 & 0xf),
                           hexDigit(unit & 0xf)};
    out.append(escape, sizeof escape);
}

void appendUtf8(QByteArray &out, char32_t code)
{
    char bytes[4];
    qsizetype size = 0;
    if (code < 0x800) {
        bytes[size++] = static_cast<char>(0xc0 | code >> 6);
    } else if (code < 0x10000) {
        bytes[size++] = static_cast<char>(0xe0 | code >> 12);
        bytes[size++] = static_cast<char>(0x80 | (code >> 6 & 0x3f));
    } else {
        bytes[size++] = static_cast<char>(0xf0 | code >> 18);
        bytes[size++] = static_cast<char>(0x80 | (code >> 12 & 0x3f));
        bytes[size++] = static_cast<char>(0x80 | (code >> 6 & 0x3f));
    }
    bytes[size++] = static_cast<char>(0x80 | (code & 0x3f));
    out.append(bytes, size);
}

// As Qt's JSON writer escapes: ", \ and the C0 controls (short forms where
// JSON has them, else \u00xx), everything else as UTF-8; a lone surrogate,
// which UTF-8 cannot hold, as \uxxxx.
void appendEscaped(QByteArray &out, QStringView text)
{
    const char16_t *at = text.utf16();
    const char16_t *const end = at + text.size();
    while (at != end) {
        const char16_t unit = *at++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                out.append(static_cast<char>(unit));
                continue;
            }
            switch (unit) {
            case u'"':
                out.append("\\\"", 2);
                break;
            case u'\\':
                out.append("\\\\", 2);
                break;
            case u'\b':
                out.append("\\b", 2);
                break;
            case u'\f':
                out.append("\\f", 2);
                break;
            case u'\n':
                out.append("\\n", 2);
                break;
            case u'\r':
                out.append("\\r", 2);
                break;
            case u'\t':
                out.append("\\t", 2);
                break;
            default:
                appendUnicodeEscape(out, unit);
            }
        } else if (QChar::isHighSurrogate(unit) && at != end && QChar::isLowSurrogate(*at)) {
            appendUtf8(out, QChar::surrogateToUcs4(unit, *at++));
        } else if (QChar::isSurrogate(unit)) {
            appendUnicodeEscape(out, unit);
        } else {
            appendUtf8(out, unit);
        }
    }
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
    m_out.append('"');
    appendEscaped(m_out, value);
    m_out.append('"');
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

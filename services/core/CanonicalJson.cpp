#include "core/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

namespace caseyos {

namespace {

// UTF-16 code units do not sort like code points once surrogates are involved (U+FFFD > U+1F600 in
// UTF-16 order). Remapping the unit ranges restores code point order without decoding.
inline char16_t codePointOrderKey(char16_t unit)
{
    if (unit >= 0xE000)
        return char16_t(unit - 0x800);
    if (unit >= 0xD800)
        return char16_t(unit + 0x2000);
    return unit;
}

bool lessByCodePoint(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const char16_t* pa = a.utf16();
    const char16_t* pb = b.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        if (pa[i] != pb[i])
            return codePointOrderKey(pa[i]) < codePointOrderKey(pb[i]);
    }
    return a.size() < b.size();
}

void appendHexEscape(QByteArray& out, unsigned value)
{
    static constexpr char hex[] = "0123456789abcdef";
    const char buf[6] = { '\\', 'u', '0', '0', hex[(value >> 4) & 0xF], hex[value & 0xF] };
    out.append(buf, 6);
}

void appendUtf8(QByteArray& out, char32_t cp)
{
    char buf[4];
    int n = 0;
    if (cp < 0x800) {
        buf[n++] = char(0xC0 | (cp >> 6));
        buf[n++] = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        buf[n++] = char(0xE0 | (cp >> 12));
        buf[n++] = char(0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = char(0x80 | (cp & 0x3F));
    } else {
        buf[n++] = char(0xF0 | (cp >> 18));
        buf[n++] = char(0x80 | ((cp >> 12) & 0x3F));
        buf[n++] = char(0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = char(0x80 | (cp & 0x3F));
    }
    out.append(buf, n);
}

void appendNumber(QByteArray& out, double value)
{
    // JSON has no NaN or infinity; QJsonValue never holds them from parsed text, but be total anyway.
    if (!std::isfinite(value)) {
        out.append("null", 4);
        return;
    }
    constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53
    char buf[32];
    std::to_chars_result r;
    if (std::trunc(value) == value && std::fabs(value) <= kMaxExactInteger)
        r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value)); // also turns -0 into 0
    else
        r = std::to_chars(buf, buf + sizeof buf, value); // shortest round-trip form
    out.append(buf, r.ptr - buf);
}

template<typename Value> void appendValue(QByteArray& out, const Value& value);

// QJsonObject keeps its keys sorted by UTF-16 code units, which is code point order unless a key holds
// a surrogate pair; that rare case (detected while writing) takes the sorting path.
void appendObjectSorted(QByteArray& out, const QJsonObject& object)
{
    std::vector<std::pair<QString, QJsonValue>> members;
    members.reserve(size_t(object.size()));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        members.emplace_back(it.key(), it.value());
    std::sort(members.begin(), members.end(),
        [](const auto& a, const auto& b) { return lessByCodePoint(a.first, b.first); });
    out.append('{');
    bool first = true;
    for (const auto& [key, value] : members) {
        if (!first)
            out.append(',');
        first = false;
        appendCanonicalJsonString(out, key);
        out.append(':');
        appendValue(out, value);
    }
    out.append('}');
}

void appendObject(QByteArray& out, const QJsonObject& object)
{
    const qsizetype start = out.size();
    out.append('{');
    QString previous;
    bool first = true;
    for (auto it = object.constBegin(), end = object.constEnd(); it != end; ++it) {
        QString key = it.key();
        if (!first && !lessByCodePoint(previous, key)) {
            out.truncate(start);
            appendObjectSorted(out, object);
            return;
        }
        if (!first)
            out.append(',');
        first = false;
        appendCanonicalJsonString(out, key);
        out.append(':');
        appendValue(out, it.value());
        previous = std::move(key);
    }
    out.append('}');
}

// Works on QJsonValue and on QJsonValueConstRef (values read in place while iterating, without copies).
template<typename Value> void appendValue(QByteArray& out, const Value& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        break;
    case QJsonValue::Bool:
        if (value.toBool())
            out.append("true", 4);
        else
            out.append("false", 5);
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendCanonicalJsonString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append('[');
        bool first = true;
        for (auto it = array.constBegin(), end = array.constEnd(); it != end; ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendValue(out, *it);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        break;
    }
}

} // namespace

void appendCanonicalJsonString(QByteArray& out, QStringView text)
{
    // Grow geometrically: reserving the exact size on every call would reallocate on almost every append.
    const qsizetype needed = out.size() + text.size() + 2;
    if (needed > out.capacity())
        out.reserve(std::max(needed, 2 * out.capacity()));
    out.append('"');
    const char16_t* p = text.utf16();
    const char16_t* end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            switch (c) {
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
                if (c < 0x20)
                    appendHexEscape(out, c);
                else
                    out.append(char(c));
            }
        } else if (c >= 0xD800 && c < 0xDC00 && p < end && *p >= 0xDC00 && *p < 0xE000) {
            const char32_t cp = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(*p) - 0xDC00);
            ++p;
            appendUtf8(out, cp);
        } else if (c >= 0xD800 && c < 0xE000) {
            appendUtf8(out, 0xFFFD); // lone surrogate: not encodable, same replacement QString::toUtf8 uses
        } else {
            appendUtf8(out, c);
        }
    }
    out.append('"');
}

void appendCanonicalJson(QByteArray& out, const QJsonValue& value)
{
    appendValue(out, value);
}

QByteArray canonicalJson(const QJsonValue& value)
{
    QByteArray out;
    out.reserve(128);
    appendCanonicalJson(out, value);
    return out;
}

} // namespace caseyos

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
    // Writes through a raw pointer into room reserved up front (6 bytes per UTF-16 unit is the most any
    // unit needs: the six-character escape of a control character), then trims. Appending char by char
    // cost more than everything else in the ingest of a signal. The buffer grows geometrically, so a
    // reused one stops reallocating.
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    const qsizetype most = start + text.size() * 6 + 2;
    if (most > out.capacity())
        out.reserve(std::max(most, 2 * out.capacity()));
    out.resize(most);
    char* o = out.data() + start;
    *o++ = '"';
    const char16_t* p = text.utf16();
    const char16_t* end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *o++ = char(c);
                continue;
            }
            *o++ = '\\';
            switch (c) {
            case u'"':
                *o++ = '"';
                break;
            case u'\\':
                *o++ = '\\';
                break;
            case u'\b':
                *o++ = 'b';
                break;
            case u'\f':
                *o++ = 'f';
                break;
            case u'\n':
                *o++ = 'n';
                break;
            case u'\r':
                *o++ = 'r';
                break;
            case u'\t':
                *o++ = 't';
                break;
            default: // other control characters
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = hex[(c >> 4) & 0xF];
                *o++ = hex[c & 0xF];
            }
        } else if (c < 0x800) {
            *o++ = char(0xC0 | (c >> 6));
            *o++ = char(0x80 | (c & 0x3F));
        } else if (c >= 0xD800 && c < 0xDC00 && p < end && *p >= 0xDC00 && *p < 0xE000) {
            const char32_t cp = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(*p++) - 0xDC00);
            *o++ = char(0xF0 | (cp >> 18));
            *o++ = char(0x80 | ((cp >> 12) & 0x3F));
            *o++ = char(0x80 | ((cp >> 6) & 0x3F));
            *o++ = char(0x80 | (cp & 0x3F));
        } else {
            // A lone surrogate is not encodable: the same replacement (U+FFFD) QString::toUtf8 uses.
            const char16_t unit = (c >= 0xD800 && c < 0xE000) ? char16_t(0xFFFD) : c;
            *o++ = char(0xE0 | (unit >> 12));
            *o++ = char(0x80 | ((unit >> 6) & 0x3F));
            *o++ = char(0x80 | (unit & 0x3F));
        }
    }
    *o++ = '"';
    out.resize(o - out.constData());
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

#include "storage/FastText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <charconv>
#include <cmath>

namespace caseyos::fasttext {

void appendUtf8(QByteArray& out, QStringView text)
{
    const char16_t* in = text.utf16();
    const qsizetype n = text.size();
    const qsizetype start = out.size();
    out.resize(start + n * 3); // the most UTF-8 a UTF-16 string can need
    char* o = out.data() + start;
    for (qsizetype i = 0; i < n; ++i) {
        char16_t c = in[i];
        if (c < 0x80) {
            *o++ = char(c);
        } else if (c < 0x800) {
            *o++ = char(0xC0 | (c >> 6));
            *o++ = char(0x80 | (c & 0x3F));
        } else if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && in[i + 1] >= 0xDC00 && in[i + 1] < 0xE000) {
            const char32_t cp = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(in[++i]) - 0xDC00);
            *o++ = char(0xF0 | (cp >> 18));
            *o++ = char(0x80 | ((cp >> 12) & 0x3F));
            *o++ = char(0x80 | ((cp >> 6) & 0x3F));
            *o++ = char(0x80 | (cp & 0x3F));
        } else {
            if (c >= 0xD800 && c < 0xE000)
                c = 0xFFFD;
            *o++ = char(0xE0 | (c >> 12));
            *o++ = char(0x80 | ((c >> 6) & 0x3F));
            *o++ = char(0x80 | (c & 0x3F));
        }
    }
    out.resize(o - out.constData());
}

namespace {

void appendString(QByteArray& out, QStringView text)
{
    // Fast path: nothing to escape (the usual case) → one UTF-8 append.
    bool plain = true;
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c < 0x20 || c == u'"' || c == u'\\') {
            plain = false;
            break;
        }
    }
    out.append('"');
    if (plain) {
        appendUtf8(out, text);
    } else {
        static constexpr char hex[] = "0123456789abcdef";
        qsizetype runStart = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c >= 0x20 && c != u'"' && c != u'\\')
                continue;
            appendUtf8(out, text.mid(runStart, i - runStart));
            runStart = i + 1;
            switch (c) {
            case u'"':
                out.append("\\\"", 2);
                break;
            case u'\\':
                out.append("\\\\", 2);
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
            case u'\b':
                out.append("\\b", 2);
                break;
            case u'\f':
                out.append("\\f", 2);
                break;
            default: {
                const char escape[6] = { '\\', 'u', '0', '0', hex[(c >> 4) & 0xF], hex[c & 0xF] };
                out.append(escape, 6);
            }
            }
        }
        appendUtf8(out, text.mid(runStart));
    }
    out.append('"');
}

void appendNumber(QByteArray& out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null", 4);
        return;
    }
    char buf[32];
    std::to_chars_result r;
    if (std::trunc(value) == value && std::fabs(value) <= 9007199254740992.0)
        r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
    else
        r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr - buf);
}

} // namespace

void appendJson(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        break;
    case QJsonValue::Bool:
        value.toBool() ? out.append("true", 4) : out.append("false", 5);
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue& element : value.toArray()) {
            if (!first)
                out.append(',');
            first = false;
            appendJson(out, element);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out.append('{');
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendString(out, it.key());
            out.append(':');
            appendJson(out, it.value());
        }
        out.append('}');
        break;
    }
    }
}

} // namespace caseyos::fasttext

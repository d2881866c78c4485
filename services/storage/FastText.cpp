#include "storage/FastText.h"


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

} // namespace caseyos::fasttext

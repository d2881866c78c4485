#include "voice/SpeakableText.h"

#include <QRegularExpression>

namespace caseyos::voice {

using namespace Qt::StringLiterals;

QString speakableText(const QString& markdown)
{
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression bareUrl(u"\\b(?:https?|caseyos)://\\S+"_s);
    static const QRegularExpression emphasis(u"(\\*\\*|__|\\*|`)"_s);
    static const QRegularExpression heading(u"^\\s{0,3}#{1,6}\\s*"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression bullet(u"^\\s*(?:[-*+]|\\d+[.)])\\s+"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression quote(u"^\\s*>\\s?"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression spaces(u"[ \\t]+"_s);

    QString text = markdown;
    text.replace(link, u"\\1"_s);
    text.replace(bareUrl, QString());
    text.replace(emphasis, QString());
    text.replace(heading, QString());
    text.replace(quote, QString());
    // A list item becomes a sentence of its own, so the voice pauses between items.
    QStringList lines;
    for (QString line : text.split(u'\n')) {
        const bool item = bullet.match(line).hasMatch();
        line.replace(bullet, QString());
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (item && !line.endsWith(u'.') && !line.endsWith(u'?') && !line.endsWith(u'!') && !line.endsWith(u':'))
            line += u'.';
        lines.append(line);
    }
    return lines.join(u' ').replace(spaces, u" "_s).trimmed();
}

QStringList speakableSentences(const QString& text)
{
    constexpr int kLongSentence = 220; // characters: cut at a comma beyond this, so the first audio comes soon
    static const QRegularExpression end(u"(?<=[.!?:;])\\s+"_s);
    QStringList out;
    for (const QString& sentence : text.split(end, Qt::SkipEmptyParts)) {
        QString rest = sentence.trimmed();
        while (rest.size() > kLongSentence) {
            const qsizetype comma = rest.lastIndexOf(u',', kLongSentence);
            const qsizetype space = rest.lastIndexOf(u' ', kLongSentence);
            const qsizetype cut = comma > 40 ? comma + 1 : (space > 40 ? space : kLongSentence);
            out.append(rest.left(cut).trimmed());
            rest = rest.mid(cut).trimmed();
        }
        if (!rest.isEmpty())
            out.append(rest);
    }
    return out;
}

} // namespace caseyos::voice

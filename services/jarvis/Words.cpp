#include "jarvis/Words.h"

#include <QRegularExpression>

#include <algorithm>

namespace caseyos::jarvis {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Damerau (optimal string alignment) distance, but only "is it at most one": cheaper and all we need.
bool withinOneEdit(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (std::abs(la - lb) > 1)
        return false;
    qsizetype i = 0;
    while (i < la && i < lb && a[i] == b[i])
        ++i;
    if (i == la && i == lb)
        return true;
    if (la == lb) {
        // substitution, or a swap of two neighbours
        if (a.mid(i + 1) == b.mid(i + 1))
            return true;
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a.mid(i + 2) == b.mid(i + 2);
    }
    // one insertion or deletion
    return la > lb ? a.mid(i + 1) == b.mid(i) : a.mid(i) == b.mid(i + 1);
}

} // namespace

QList<Word> splitWords(QStringView utterance)
{
    // Addresses first, so their dots and dashes do not split them.
    static const QRegularExpression emailPattern(
        QStringLiteral("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
    QList<Word> words;
    auto addWord = [&](qsizetype start, qsizetype end, bool isEmail) {
        Word w;
        w.start = start;
        w.length = end - start;
        QString text = utterance.mid(start, end - start).toString().toLower();
        if (!isEmail) {
            text.remove(u'\'');
            text.remove(u'\u2019');
        }
        w.isEmail = isEmail;
        text.toLongLong(&w.isNumber);
        w.text = std::move(text);
        words.append(std::move(w));
    };
    auto splitPlain = [&](qsizetype from, qsizetype to) {
        qsizetype i = from;
        while (i < to) {
            const QChar c = utterance[i];
            const bool hash = c == u'#' && i + 1 < to && utterance[i + 1].isDigit();
            if (!isWordChar(c) && !hash) {
                ++i;
                continue;
            }
            qsizetype end = i + 1;
            while (end < to) {
                const QChar d = utterance[end];
                const bool apostrophe = (d == u'\'' || d == u'\u2019') && end + 1 < to && utterance[end + 1].isLetter();
                if (!isWordChar(d) && !apostrophe)
                    break;
                ++end;
            }
            addWord(i, end, false);
            i = end;
        }
    };
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = emailPattern.globalMatch(utterance);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        splitPlain(at, m.capturedStart());
        addWord(m.capturedStart(), m.capturedEnd(), true);
        at = m.capturedEnd();
    }
    splitPlain(at, utterance.size());
    return words;
}

bool wordMatches(QStringView word, QStringView keyword)
{
    if (word == keyword)
        return true;
    if (keyword.size() < 6 || word.isEmpty() || word[0] != keyword[0])
        return false;
    return withinOneEdit(word, keyword);
}

Words::Words(QStringView utterance)
    : m_original(utterance.toString())
    , m_words(splitWords(utterance))
    , m_used(m_words.size(), false)
{
}

QString Words::originalText(qsizetype i) const
{
    const Word& w = m_words.at(i);
    return m_original.mid(w.start, w.length);
}

qsizetype Words::find(QStringView phrase, qsizetype from) const
{
    const QList<QStringView> keys = phrase.split(u' ', Qt::SkipEmptyParts);
    if (keys.isEmpty())
        return -1;
    for (qsizetype i = std::max<qsizetype>(from, 0); i + keys.size() <= m_words.size(); ++i) {
        bool all = true;
        for (qsizetype k = 0; k < keys.size() && all; ++k)
            all = wordMatches(m_words[i + k].text, keys[k]);
        if (all)
            return i;
    }
    return -1;
}

bool Words::hasAny(std::initializer_list<QStringView> phrases) const
{
    return findAny(phrases).first >= 0;
}

std::pair<qsizetype, qsizetype> Words::findAny(std::initializer_list<QStringView> phrases) const
{
    for (QStringView phrase : phrases) {
        const qsizetype at = find(phrase);
        if (at >= 0)
            return { at, phrase.count(u' ') + 1 };
    }
    return { -1, 0 };
}

void Words::markUsed(qsizetype from, qsizetype count)
{
    for (qsizetype i = from; i < from + count && i < m_used.size(); ++i)
        if (i >= 0)
            m_used[i] = true;
}

} // namespace caseyos::jarvis

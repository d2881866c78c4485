#include "signals/GmailReplyClassifier.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// PRODUCT.md §3 word lists. Within a class the more specific words come first so `matched` (used in the
// move title) says "pricing" rather than "interested" when both occur; the class itself does not depend
// on that order.
constexpr QStringView kNegative[]
    = { u"unsubscribe", u"not interested", u"remove me", u"stop emailing", u"no thanks", u"not a fit" };
constexpr QStringView kMeeting[]
    = { u"call", u"meeting", u"meet", u"schedule", u"calendar", u"availability", u"available" };
constexpr QStringView kUrgentInterest[] = { u"pricing", u"demo", u"trial" };
constexpr QStringView kOtherInterest[] = { u"tell me more", u"interested" };

// Lowercases and turns every run of non-letter/digit characters into one space, so phrases match across
// punctuation and line breaks ("No, thanks" → "no thanks") while word boundaries stay where they were.
QString normalized(const QString& subject, const QString& snippet)
{
    QString out(subject.size() + snippet.size() + 1, Qt::Uninitialized);
    auto* begin = reinterpret_cast<char16_t*>(out.data());
    char16_t* w = begin;
    bool pendingSpace = false;
    const auto feed = [&](QStringView text) {
        for (QChar ch : text) {
            const char16_t c = ch.unicode();
            char16_t lower;
            // ASCII by hand (most mail), everything else through Qt's Unicode tables.
            if (c < 0x80) {
                if (c >= u'A' && c <= u'Z')
                    lower = char16_t(c + 32);
                else if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
                    lower = c;
                else
                    lower = 0;
            } else {
                lower = ch.isLetterOrNumber() ? ch.toLower().unicode() : char16_t(0);
            }
            if (lower == 0) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && w != begin)
                *w++ = u' ';
            pendingSpace = false;
            *w++ = lower;
        }
        pendingSpace = true; // subject and snippet never run together
    };
    feed(subject);
    feed(snippet);
    out.truncate(w - begin);
    return out;
}

template<size_t N> QString firstMatch(QStringView text, const QStringView (&words)[N])
{
    for (QStringView word : words)
        if (containsWholePhrase(text, word))
            return word.toString();
    return {};
}

} // namespace

bool containsWholePhrase(QStringView text, QStringView phrase)
{
    if (phrase.isEmpty())
        return false;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(phrase, from);
        if (at < 0)
            return false;
        const qsizetype after = at + phrase.size();
        const bool startOk = at == 0 || !text[at - 1].isLetterOrNumber();
        const bool endOk = after == text.size() || !text[after].isLetterOrNumber();
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

GmailReplyClass classifyGmailReply(const QString& subject, const QString& snippet)
{
    const QString text = normalized(subject, snippet);
    GmailReplyClass result;
    const QString meetingWord = firstMatch(text, kMeeting);
    const QString urgentInterestWord = firstMatch(text, kUrgentInterest);
    result.hasMeetingWord = !meetingWord.isEmpty();
    result.hasInterestWord = !urgentInterestWord.isEmpty();

    // Negative phrases are checked first and win: "not interested" must never count as interest.
    if (const QString negative = firstMatch(text, kNegative); !negative.isEmpty()) {
        result.actionType = u"unsubscribe_process"_s;
        result.positive = false;
        result.matched = negative;
    } else if (result.hasMeetingWord) {
        result.actionType = u"schedule_meeting"_s;
        result.matched = meetingWord;
    } else if (result.hasInterestWord) {
        result.actionType = u"email_follow_up"_s;
        result.matched = urgentInterestWord;
    } else if (const QString interest = firstMatch(text, kOtherInterest); !interest.isEmpty()) {
        result.actionType = u"email_follow_up"_s;
        result.matched = interest;
    } else {
        result.actionType = u"thread_reply"_s;
    }
    return result;
}

double gmailReplyUrgency(bool positive, bool hasMeetingWord, bool hasInterestWord)
{
    double urgency = positive ? 0.85 : 0.5;
    if (hasMeetingWord)
        urgency += 0.1;
    if (hasInterestWord)
        urgency += 0.1;
    // Two decimals: 0.85 + 0.1 is 0.9499999999999999 in binary, which would leak into stored components.
    return std::min(0.95, std::round(urgency * 100.0) / 100.0);
}

} // namespace caseyos

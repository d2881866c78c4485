#pragma once

#include <QString>

namespace caseyos {

// Gmail reply class on the lowercased subject + snippet, whole words/phrases, first match wins
// (PRODUCT.md §3): negative, meeting, interest, otherwise plain reply.
struct GmailReplyClass
{
    QString actionType; // unsubscribe_process | schedule_meeting | email_follow_up | thread_reply
    bool positive = true; // false for the negative class (payload.is_positive overrides in the rule)
    bool hasMeetingWord = false;
    bool hasInterestWord = false; // pricing / demo / trial only (they raise urgency)
    QString matched; // the word or phrase that decided the class, for titles ("asked for pricing")
};

GmailReplyClass classifyGmailReply(const QString& subject, const QString& snippet);

// Urgency: 0.85 if positive else 0.5; +0.1 for a meeting word; +0.1 for pricing/demo/trial; cap 0.95.
double gmailReplyUrgency(bool positive, bool hasMeetingWord, bool hasInterestWord);

// True when `phrase` occurs in `lowercasedText` bounded by non-letter/digit characters on both sides.
bool containsWholePhrase(QStringView lowercasedText, QStringView phrase);

} // namespace caseyos

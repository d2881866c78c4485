#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>

namespace caseyos::jarvis {

// One word of an utterance: lowercase text, its place in the original (for quoting slots back with the
// user's own capitals) and whether it looked like an email address.
struct Word
{
    QString text; // lowercase, apostrophes removed ("what's" → "whats"), email addresses kept whole
    qsizetype start = 0; // in the original utterance
    qsizetype length = 0;
    bool isEmail = false;
    bool isNumber = false;
};

// Splits an utterance into words. Letters and digits make words; an address like dana@acme.com stays one
// word; '#12' gives the word "#12"; hyphens split ("follow-up" → "follow", "up").
QList<Word> splitWords(QStringView utterance);

// Whole-word comparison that forgives one typo in longer words: equal, or — when the keyword has at least
// 6 letters and both start with the same letter — one insertion, deletion, substitution or swap of
// neighbours apart ("snoze", "acept", "dismis"). Never a prefix or substring match: "postpone" is not
// "post", "proposal" is not "post".
bool wordMatches(QStringView word, QStringView keyword);

// The words of an utterance with helpers for phrase matching. Positions are word indexes.
class Words
{
public:
    explicit Words(QStringView utterance);

    qsizetype size() const { return m_words.size(); }
    const Word& at(qsizetype i) const { return m_words.at(i); }
    const QString& text(qsizetype i) const { return m_words.at(i).text; }
    const QString& original() const { return m_original; }
    QString originalText(qsizetype i) const; // the word as the user typed it

    // Index of the first occurrence of the phrase (space-separated keywords, each matched with
    // wordMatches) at or after `from`, or -1.
    qsizetype find(QStringView phrase, qsizetype from = 0) const;
    bool has(QStringView phrase) const { return find(phrase) >= 0; }
    bool hasAny(std::initializer_list<QStringView> phrases) const;
    // The first phrase of the list found, as (index, word count); index -1 when none.
    std::pair<qsizetype, qsizetype> findAny(std::initializer_list<QStringView> phrases) const;

    void markUsed(qsizetype from, qsizetype count); // words taken by a slot or a verb
    bool isUsed(qsizetype i) const { return m_used.at(i); }

private:
    QString m_original;
    QList<Word> m_words;
    QList<bool> m_used;
};

} // namespace caseyos::jarvis

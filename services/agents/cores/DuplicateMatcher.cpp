#include "agents/cores/DuplicateMatcher.h"

#include <QList>
#include <array>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

struct Block
{
    qsizetype i = 0;
    qsizetype j = 0;
    qsizetype size = 0;
};

// difflib's find_longest_match without junk: the longest common run of a[alo:ahi] and b[blo:bhi]; among
// equally long runs the one that ends first in a, then first in b (the order difflib's scan finds them).
Block longestMatch(
    const QString& a, const QString& b, qsizetype alo, qsizetype ahi, qsizetype blo, qsizetype bhi)
{
    Block best { alo, blo, 0 };
    // previous[x] / current[x]: the length of the common run ending at b[blo + x − 1] (x = 0: none).
    QList<qsizetype> previous(bhi - blo + 1, 0);
    QList<qsizetype> current(bhi - blo + 1, 0);
    for (qsizetype i = alo; i < ahi; ++i) {
        for (qsizetype j = blo; j < bhi; ++j) {
            const qsizetype x = j - blo + 1;
            const qsizetype k = a.at(i) == b.at(j) ? previous.at(x - 1) + 1 : 0;
            current[x] = k;
            if (k > best.size)
                best = { i - k + 1, j - k + 1, k };
        }
        previous.swap(current);
    }
    return best;
}

qsizetype matchingCharacters(const QString& a, const QString& b)
{
    qsizetype total = 0;
    QList<std::array<qsizetype, 4>> queue { { 0, a.size(), 0, b.size() } };
    while (!queue.isEmpty()) {
        const auto [alo, ahi, blo, bhi] = queue.takeLast();
        const Block m = longestMatch(a, b, alo, ahi, blo, bhi);
        if (m.size == 0)
            continue;
        total += m.size;
        if (alo < m.i && blo < m.j)
            queue.append({ alo, m.i, blo, m.j });
        if (m.i + m.size < ahi && m.j + m.size < bhi)
            queue.append({ m.i + m.size, ahi, m.j + m.size, bhi });
    }
    return total;
}

QString normalized(const QString& text)
{
    QString decomposed = text.normalized(QString::NormalizationForm_KD).toLower();
    QString out;
    for (QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    return out.simplified();
}

QString domainOf(const QString& email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    return at < 0 ? QString() : email.mid(at + 1).trimmed().toLower();
}

} // namespace

double sequenceRatio(const QString& a, const QString& b)
{
    if (a.isEmpty() && b.isEmpty())
        return 0.0;
    return 2.0 * double(matchingCharacters(a, b)) / double(a.size() + b.size());
}

double textSimilarity(const QString& a, const QString& b)
{
    return sequenceRatio(normalized(a), normalized(b));
}

QString phoneDigits(const QString& phone)
{
    QString digits;
    for (QChar c : phone)
        if (c.isDigit())
            digits += c;
    return digits;
}

int completeness(const ContactFacts& f)
{
    return int(!f.email.isEmpty()) + int(!f.name.isEmpty()) + int(!f.company.isEmpty())
        + int(!f.phone.isEmpty());
}

std::optional<DuplicateMatch> matchContacts(const ContactFacts& a, const ContactFacts& b)
{
    DuplicateMatch best;
    best.nameSimilarity = textSimilarity(a.name, b.name);
    best.companySimilarity = textSimilarity(a.company, b.company);
    auto consider = [&best](double score, const QString& reason) {
        if (score > best.score) {
            best.score = score;
            best.reason = reason;
        }
    };
    const QString emailA = a.email.trimmed().toLower();
    const QString emailB = b.email.trimmed().toLower();
    if (!emailA.isEmpty() && emailA == emailB)
        consider(1.0, u"same_email"_s);
    // Fewer than 7 digits is an extension or a typo, not a number two people could share by accident.
    const QString phoneA = phoneDigits(a.phone);
    if (phoneA.size() >= 7 && phoneA == phoneDigits(b.phone))
        consider(0.9, u"same_phone"_s);
    const QString domain = domainOf(emailA);
    if (!domain.isEmpty() && domain == domainOf(emailB) && best.nameSimilarity >= 0.7)
        consider(0.85, u"same_domain_similar_name"_s);
    if (best.companySimilarity >= 0.6 && best.nameSimilarity >= 0.7)
        consider(0.7 * (best.companySimilarity + best.nameSimilarity) / 2.0, u"similar_company_and_name"_s);
    if (best.score < kDuplicateReportThreshold)
        return std::nullopt;
    return best;
}

} // namespace caseyos::agents

#include "execution/EmailSafety.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

struct Term
{
    QString label;
    QRegularExpression pattern;
};

const QList<Term>& termPatterns()
{
    // (?<![\w-]) / (?![\w-]) instead of \b: "risk-free" and "100% free" start or end in a non-word character.
    static const QList<Term> terms = [] {
        const QList<std::pair<QString, QString>> spec { { u"guarantee(d)"_s, u"guaranteed?"_s },
            { u"100% free"_s, u"100\\s*%\\s*free"_s }, { u"risk-free"_s, u"risk-free"_s },
            { u"no risk"_s, u"no\\s+risk"_s }, { u"promise(d)"_s, u"promised?"_s },
            { u"free money"_s, u"free\\s+money"_s }, { u"act now"_s, u"act\\s+now"_s },
            { u"limited time"_s, u"limited\\s+time"_s }, { u"click here"_s, u"click\\s+here"_s },
            { u"cash bonus"_s, u"cash\\s+bonus"_s },
            { u"you have been selected"_s, u"you\\s+have\\s+been\\s+selected"_s },
            { u"winner"_s, u"winner"_s }, { u"congratulations you"_s, u"congratulations,?\\s+you"_s },
            { u"claim your"_s, u"claim\\s+your"_s } };
        QList<Term> out;
        for (const auto& [label, regex] : spec)
            out.append({ label,
                QRegularExpression(
                    u"(?<![\\w-])"_s + regex + u"(?![\\w-])"_s, QRegularExpression::CaseInsensitiveOption) });
        return out;
    }();
    return terms;
}

bool luhn(const QString& digits)
{
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

QString visibleText(const EmailPayload& email)
{
    static const QRegularExpression tags(u"<[^>]*>"_s);
    QString html = email.html;
    html.replace(tags, u" "_s);
    return email.subject + u'\n' + email.text + u'\n' + html;
}

void checkPii(const QString& text, SafetyReport& report)
{
    static const QRegularExpression ssn(u"(?<!\\d)\\d{3}-\\d{2}-\\d{4}(?!\\d)"_s);
    static const QRegularExpression card(u"(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"_s);
    static const QRegularExpression nineDigits(u"(?<![\\d-])\\d{9}(?![\\d-])"_s);
    if (ssn.match(text).hasMatch())
        report.violations << u"it contains what looks like a Social Security number"_s;
    for (auto it = card.globalMatch(text); it.hasNext();) {
        QString digits = it.next().captured();
        digits.remove(u' ').remove(u'-');
        if (luhn(digits)) {
            report.violations << u"it contains what looks like a payment card number"_s;
            break;
        }
    }
    if (nineDigits.match(text).hasMatch())
        report.warnings << u"it contains a 9-digit number (an SSN without dashes?)"_s;
}

void checkStyle(const QString& text, SafetyReport& report)
{
    int letters = 0;
    int capitals = 0;
    for (QChar ch : text) {
        if (ch.isLetter()) {
            ++letters;
            if (ch.isUpper())
                ++capitals;
        }
    }
    if (letters >= 20 && capitals * 10 > letters * 3)
        report.warnings << u"more than 30% of its letters are capitals"_s;
    if (text.count(u'!') > 3)
        report.warnings << u"it has more than 3 exclamation marks"_s;
}

} // namespace

QString SafetyReport::message() const
{
    if (violations.isEmpty())
        return {};
    return u"Blocked by the email safety checks: "_s + violations.join(u"; "_s) + u'.';
}

const QStringList& prohibitedTerms()
{
    static const QStringList labels = [] {
        QStringList out;
        for (const Term& t : termPatterns())
            out << t.label;
        return out;
    }();
    return labels;
}

const QStringList& blockedDomains()
{
    static const QStringList domains { u"donotreply.com"_s, u"noreply.com"_s, u"blackhole.com"_s };
    return domains;
}

SafetyReport checkEmailSafety(const EmailPayload& email, UnsubscribePolicy policy)
{
    SafetyReport report;
    const QString text = visibleText(email);
    for (const Term& term : termPatterns()) {
        const QRegularExpressionMatch m = term.pattern.match(text);
        if (m.hasMatch())
            report.violations << u"the prohibited term \"%1\" (found \"%2\")"_s.arg(term.label, m.captured());
    }
    const bool required = policy == UnsubscribePolicy::Always
        || (policy == UnsubscribePolicy::NewThreads && !email.isReply());
    if (required) {
        static const QRegularExpression optOut(
            u"unsubscribe|opt-out|preferences"_s, QRegularExpression::CaseInsensitiveOption);
        if (!optOut.match(text).hasMatch())
            report.violations
                << u"a new email needs unsubscribe wording (\"unsubscribe\", \"opt-out\" or \"preferences\")"_s;
    }
    for (const QString& address : email.recipients()) {
        const QString domain = address.section(u'@', 1).toLower();
        for (const QString& blocked : blockedDomains())
            if (domain == blocked || domain.endsWith(u'.' + blocked))
                report.violations << u"the recipient %1 is at a blocked domain (%2)"_s.arg(address, blocked);
    }
    checkPii(text, report);
    checkStyle(text, report);
    return report;
}

} // namespace caseyos

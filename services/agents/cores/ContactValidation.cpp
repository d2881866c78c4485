#include "agents/cores/ContactValidation.h"

#include "agents/cores/DuplicateMatcher.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

QString emailDomainOf(const QString& email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    return at < 0 ? QString() : email.mid(at + 1).toLower();
}

} // namespace

bool isValidEmailFormat(const QString& email)
{
    // Pragmatic, not RFC 5322: one @, no spaces, a dotted domain with a 2+ letter TLD, no ".." anywhere.
    static const QRegularExpression pattern(
        u"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$"_s);
    const QString e = email.trimmed();
    return pattern.match(e).hasMatch() && !e.contains(u".."_s) && !e.startsWith(u'.')
        && !e.section(u'@', 0, 0).endsWith(u'.');
}

bool isDisposableDomain(const QString& domain)
{
    static const QSet<QString> domains { u"mailinator.com"_s, u"guerrillamail.com"_s, u"10minutemail.com"_s,
        u"tempmail.com"_s, u"temp-mail.org"_s, u"throwawaymail.com"_s, u"yopmail.com"_s, u"trashmail.com"_s,
        u"sharklasers.com"_s, u"getnada.com"_s, u"dispostable.com"_s, u"maildrop.cc"_s, u"fakeinbox.com"_s };
    return domains.contains(domain.trimmed().toLower());
}

bool hasGenericPrefix(const QString& email)
{
    static const QSet<QString> prefixes { u"info"_s, u"sales"_s, u"support"_s, u"admin"_s, u"contact"_s,
        u"hello"_s, u"office"_s, u"team"_s, u"noreply"_s, u"no-reply"_s, u"marketing"_s, u"help"_s,
        u"billing"_s, u"enquiries"_s, u"inquiries"_s };
    return prefixes.contains(email.trimmed().section(u'@', 0, 0).toLower());
}

QString normalisePhone(const QString& phone)
{
    const QString digits = phoneDigits(phone);
    return digits.size() >= 10 ? u"+"_s + digits : QString();
}

QString standardiseJobTitle(const QString& title)
{
    static const QHash<QString, QString> words { { u"vp"_s, u"VP"_s }, { u"svp"_s, u"SVP"_s },
        { u"evp"_s, u"EVP"_s }, { u"ceo"_s, u"CEO"_s }, { u"cto"_s, u"CTO"_s }, { u"cfo"_s, u"CFO"_s },
        { u"cmo"_s, u"CMO"_s }, { u"coo"_s, u"COO"_s }, { u"cro"_s, u"CRO"_s }, { u"dir"_s, u"Director"_s },
        { u"mgr"_s, u"Manager"_s }, { u"sr"_s, u"Senior"_s }, { u"jr"_s, u"Junior"_s },
        { u"eng"_s, u"Engineer"_s }, { u"mktg"_s, u"Marketing"_s }, { u"ops"_s, u"Operations"_s },
        { u"hr"_s, u"HR"_s }, { u"it"_s, u"IT"_s } };
    QString text = title.simplified();
    text.replace(QRegularExpression(u"(?i)\\bvice president\\b"_s), u"VP"_s);
    text.replace(QRegularExpression(u"(?i)\\bchief executive officer\\b"_s), u"CEO"_s);
    QStringList out;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = word.toLower().remove(u'.');
        static const QSet<QString> small { u"of"_s, u"and"_s, u"for"_s, u"the"_s, u"to"_s, u"in"_s, u"&"_s };
        if (const auto it = words.constFind(key); it != words.cend())
            out << *it;
        else if (!out.isEmpty() && small.contains(key))
            out << key; // "VP of Sales", not "VP Of Sales"
        else if (word == word.toLower() || word == word.toUpper())
            out << (word.left(1).toUpper() + word.mid(1).toLower()); // "sales" / "SALES" → "Sales"
        else
            out << word; // mixed case is someone's deliberate spelling ("DevOps")
    }
    return out.join(u' ');
}

QList<ValidationIssue> validateContact(const ContactInput& c)
{
    QList<ValidationIssue> issues;
    const QString email = c.email.trimmed();
    if (email.isEmpty()) {
        issues.append({ u"email"_s, u"error"_s, u"missing"_s, u"No email address"_s, {} });
    } else if (!isValidEmailFormat(email)) {
        issues.append({ u"email"_s, u"error"_s, u"invalid_format"_s,
            u"\"%1\" is not an email address"_s.arg(email), {} });
    } else {
        if (isDisposableDomain(emailDomainOf(email)))
            issues.append({ u"email"_s, u"error"_s, u"disposable_domain"_s,
                u"%1 is a disposable address"_s.arg(email), {} });
        if (hasGenericPrefix(email))
            issues.append({ u"email"_s, u"warning"_s, u"generic_prefix"_s,
                u"%1 is a shared inbox, not a person"_s.arg(email), {} });
    }
    if (c.name.trimmed().isEmpty())
        issues.append({ u"name"_s, u"warning"_s, u"missing"_s, u"No name"_s, {} });
    if (c.company.trimmed().isEmpty())
        issues.append({ u"company"_s, u"info"_s, u"missing"_s, u"No company"_s, {} });
    if (!c.phone.trimmed().isEmpty()) {
        const QString normal = normalisePhone(c.phone);
        if (normal.isEmpty())
            issues.append({ u"phone"_s, u"warning"_s, u"too_short"_s,
                u"Phone \"%1\" has fewer than 10 digits"_s.arg(c.phone.trimmed()), {} });
        else if (normal != c.phone.trimmed())
            issues.append({ u"phone"_s, u"info"_s, u"standardise"_s,
                u"Phone can be stored as %1"_s.arg(normal), normal });
    }
    if (!c.jobTitle.trimmed().isEmpty()) {
        const QString standard = standardiseJobTitle(c.jobTitle);
        if (standard != c.jobTitle.trimmed())
            issues.append({ u"job_title"_s, u"info"_s, u"standardise"_s,
                u"Job title \"%1\" reads better as \"%2\""_s.arg(c.jobTitle.trimmed(), standard), standard });
    }
    return issues;
}

} // namespace caseyos::agents

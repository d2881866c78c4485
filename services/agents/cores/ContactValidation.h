#pragma once

#include <QList>
#include <QString>

namespace caseyos::agents {

// One problem with a contact record. Severities as the original's contact_validation: error (unusable),
// warning (likely wrong), info (tidy-up).
struct ValidationIssue
{
    QString field; // email, phone, job_title, name, company
    QString severity; // error, warning, info
    QString code; // missing, invalid_format, disposable_domain, generic_prefix, too_short, standardise
    QString message;
    QString suggestion; // the corrected value, when there is one
};

struct ContactInput
{
    QString email;
    QString name;
    QString company;
    QString phone;
    QString jobTitle;
};

// Email: required (error), format local@domain.tld (error), a disposable domain (error), a generic prefix
// such as info@ or sales@ (warning: a shared inbox, not a person). Name: required (warning); company: missing
// (info). Phone: ≥ 10 digits becomes "+digits" (info when the stored form differs), fewer digits is a
// warning. Job title: common abbreviations standardised (info), e.g. "vp sales" → "VP Sales".
QList<ValidationIssue> validateContact(const ContactInput& contact);

bool isValidEmailFormat(const QString& email);
bool isDisposableDomain(const QString& domain);
bool hasGenericPrefix(const QString& email);
// "+15550102000" for ≥ 10 digits; empty when there are fewer (not normalisable).
QString normalisePhone(const QString& phone);
QString standardiseJobTitle(const QString& title);

} // namespace caseyos::agents

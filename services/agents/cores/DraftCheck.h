#pragma once

#include <QString>
#include <QStringList>

namespace caseyos::agents {

// The original's validation agent on an outgoing email draft (original-behaviour.md §8.2 `validation`):
// four checks, "approved" only when all pass, else "requires_review".
//  - compliance: none of the words guarantee / promise / won't / can't, and an unsubscribe mention;
//  - quality: subject 5–100 characters, body 50–2000, and the body does not open with a bare "Hi";
//  - tone: none of must / demand / urgent / immediately;
//  - length: subject + body 100–3000 characters.
// Words match whole words, any case ("promised" is not "promise"; "Guarantee" is).
struct DraftCheckResult
{
    bool compliance = true;
    bool quality = true;
    bool tone = true;
    bool length = true;
    QStringList problems; // one line each
    bool approved() const { return compliance && quality && tone && length; }
    QString verdict() const; // approved, requires_review
};

DraftCheckResult checkDraft(const QString& subject, const QString& body);

} // namespace caseyos::agents

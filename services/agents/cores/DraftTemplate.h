#pragma once

#include <QString>
#include <QStringList>

namespace caseyos::agents {

// The original's offline draft_writer template (original-behaviour.md §8.2): subject "Let's explore working
// together - {company}", a greeting, up to 3 numbered slots, an optional asset link, "What works best for
// you?" and a P.S.; em-dashes replaced by "-". Ours opens with "Hello" (the original validator flags a body
// that opens with "Hi") and its P.S. offers an opt-out, so the draft passes checkDraft().
struct DraftInput
{
    QString contactName;
    QString company;
    QString context; // one line on why now ("you asked about pricing"), optional
    QStringList slots; // labels, at most 3 used
    QString assetUrl;
    QString senderName;
};

struct EmailDraft
{
    QString subject;
    QString body;
};

EmailDraft writeDraft(const DraftInput& input);

} // namespace caseyos::agents

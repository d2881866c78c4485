#pragma once

#include <QString>
#include <QStringList>

namespace caseyos::agents {

// The original's prospecting intent patterns (original-behaviour.md §8.2): question, greeting, proposal,
// budget, timeline, pain_point; score = matched / 6; > 0.5 → "draft_required" (a reply worth writing — the
// wording itself is a language model's job), else "archive". Whole words only ("postpone" is not "post").
struct ProspectIntent
{
    QStringList matched;
    double score = 0.0;
    QString action; // draft_required, archive
};

ProspectIntent classifyProspectMessage(const QString& text);

} // namespace caseyos::agents

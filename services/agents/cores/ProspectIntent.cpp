#include "agents/cores/ProspectIntent.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

ProspectIntent classifyProspectMessage(const QString& text)
{
    struct Pattern
    {
        const char* name;
        const char* regex;
    };
    static const Pattern patterns[] = {
        { "question", R"(\?|\b(what|how|when|where|why|which|can you|could you|would you|do you)\b)" },
        { "greeting", R"(\b(hi|hello|hey|thanks|thank you|good (morning|afternoon))\b)" },
        { "proposal", R"(\b(proposal|quote|pricing|prices?|offer|sow)\b)" },
        { "budget", R"(\b(budget|cost|costs|spend|afford|\$\s?\d[\d,.]*k?)\b|\$\d)" },
        { "timeline",
            R"(\b(timeline|deadline|next (week|month|quarter)|this (week|month|quarter)|q[1-4]|asap|by (monday|tuesday|wednesday|thursday|friday|end of))\b)" },
        { "pain_point",
            R"(\b(problem|problems|issue|issues|struggl\w*|challenge\w*|pain|frustrat\w*|bottleneck\w*|slow)\b)" },
    };
    ProspectIntent result;
    for (const Pattern& p : patterns) {
        const QRegularExpression re(QString::fromLatin1(p.regex), QRegularExpression::CaseInsensitiveOption);
        if (re.match(text).hasMatch())
            result.matched << QString::fromLatin1(p.name);
    }
    result.score = double(result.matched.size()) / 6.0;
    result.action = result.score > 0.5 ? u"draft_required"_s : u"archive"_s;
    return result;
}

} // namespace caseyos::agents

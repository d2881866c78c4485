// Research agents (original-behaviour.md §8.2): deep_research reads Drive documents with a language model.
// Offline it searches the app's own messages and meetings for the question's words and says what it needs.
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "core/Timestamps.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

AgentResult deepResearch(const AgentContext& ctx)
{
    const QString query = ctx.input.value(u"query"_s).toString().trimmed();
    QJsonArray matches;
    if (!query.isEmpty()) {
        QStringList words;
        for (const QString& w : query.split(QRegularExpression(u"\\W+"_s), Qt::SkipEmptyParts))
            if (w.size() >= 3)
                words << QRegularExpression::escape(w);
        const QRegularExpression re(
            u"\\b("_s + words.join(u'|') + u")\\b"_s, QRegularExpression::CaseInsensitiveOption);
        for (qsizetype i = ctx.data.messages.size() - 1; i >= 0 && matches.size() < 10 && !words.isEmpty();
             --i) {
            const MessageRecord& m = ctx.data.messages.at(i);
            if (re.match(m.subject + u' ' + m.snippet).hasMatch())
                matches.append(QJsonObject { { u"email"_s, m.email }, { u"subject"_s, m.subject },
                    { u"snippet"_s, m.snippet }, { u"at"_s, toIsoUtc(m.at) } });
        }
    }
    return AgentResult::needs(AgentStatus::NeedsModel,
        u"Deep research reads Google Drive documents with a language model; neither is connected. %1"_s.arg(
            query.isEmpty()
                ? u"Pass {\"query\": …} to search CaseyOS's own emails meanwhile."_s
                : u"%1 in CaseyOS's own emails."_s.arg(plural(matches.size(), u"match"_s, u"matches"_s))),
        { { u"query"_s, query }, { u"local_matches"_s, matches } });
}

} // namespace

QList<AgentDefinition> researchAgents()
{
    return {
        { { u"deep_research"_s, AgentDomain::Research,
              u"Answers a question from Drive documents and saved content (language model); offline, "
              u"searches "
              "your emails."_s,
              { { u"messages"_s, u"input"_s }, u"google_drive"_s, true } },
            deepResearch },
    };
}

} // namespace caseyos::agents

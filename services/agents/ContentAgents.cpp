// Content agents (original-behaviour.md §8.2): content_repurpose, content_repurpose_v2 (language is the
// product: a model writes them), social_scheduler and graphics_request (deterministic).
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/ContentFormats.h"
#include "core/Timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

QJsonObject limits()
{
    QJsonObject l;
    for (const QString& p : { u"linkedin"_s, u"twitter"_s, u"email"_s, u"newsletter"_s })
        l.insert(p, platformLimit(p));
    return l;
}

AgentResult contentRepurpose(const AgentContext& ctx)
{
    const QString text = ctx.input.value(u"text"_s).toString();
    QJsonObject local { { u"limits"_s, limits() } };
    if (!text.trimmed().isEmpty()) {
        // What needs no model: the text cut to each platform's size on word boundaries.
        local.insert(u"twitter_thread"_s,
            QJsonArray::fromStringList(splitForThread(text, platformLimit(u"twitter"_s), 5)));
        local.insert(u"email_snippet"_s, splitForThread(text, platformLimit(u"email"_s), 1).value(0));
    }
    return AgentResult::needs(AgentStatus::NeedsModel,
        u"Repurposing content into LinkedIn posts, a thread, an email and a newsletter needs a language "
        u"model "
        "(none is configured). Locally: platform limits%1."_s.arg(
            text.trimmed().isEmpty() ? QString() : u" and the text split to size"_s),
        local);
}

AgentResult contentRepurposeV2(const AgentContext&)
{
    return AgentResult::needs(AgentStatus::NeedsModel,
        u"Turning a transcript into LinkedIn and newsletter copy needs a language model (the original used "
        "Gemini); nothing useful can be done without one."_s,
        { { u"limits"_s, limits() } });
}

AgentResult socialScheduler(const AgentContext& ctx)
{
    AgentResult r;
    const QTimeZone zone = ctx.clock.localZone();
    QJsonObject next;
    QStringList lines;
    for (const QString& platform : { u"linkedin"_s, u"twitter"_s }) {
        QJsonArray times;
        QStringList shown;
        for (const QDateTime& t : nextPostingTimes(platform, ctx.clock.now(), zone, 3)) {
            times.append(toIsoUtc(t));
            shown << t.toTimeZone(zone).toString(u"ddd d MMM HH:mm"_s);
        }
        next.insert(platform, times);
        lines << platform + u": "_s + shown.join(u", "_s);
    }
    r.output = { { u"next_optimal_times"_s, next }, { u"zone"_s, QString::fromUtf8(zone.id()) },
        { u"posting"_s, u"needs connected LinkedIn / X accounts; CaseyOS only plans the times"_s } };
    r.summary = u"Next optimal posting times (your time): "_s + lines.join(u"; "_s) + u'.';
    return r;
}

AgentResult graphicsRequest(const AgentContext& ctx)
{
    QJsonObject sizes;
    for (const QString& kind : graphicKinds()) {
        const QSize s = *graphicSize(kind);
        sizes.insert(kind, u"%1×%2"_s.arg(s.width()).arg(s.height()));
    }
    const QString kind = ctx.input.value(u"kind"_s).toString();
    if (kind.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"Say what to design: {\"kind\": \"linkedin\", \"title\": …, \"urgency\": \"high\"}."_s,
            { { u"sizes"_s, sizes } });
    const std::optional<QSize> size = graphicSize(kind);
    if (!size)
        return AgentResult::needs(
            AgentStatus::NeedsInput, u"Unknown kind \"%1\"."_s.arg(kind), { { u"sizes"_s, sizes } });
    AgentResult r;
    const QString urgency = ctx.input.value(u"urgency"_s).toString(u"medium"_s);
    r.output = { { u"brief"_s,
        QJsonObject { { u"kind"_s, kind }, { u"title"_s, ctx.input.value(u"title"_s).toString() },
            { u"width"_s, size->width() }, { u"height"_s, size->height() }, { u"urgency"_s, urgency },
            { u"queue_rank"_s, urgencyRank(urgency) } } } };
    r.summary
        = u"Design brief: %1 at %2×%3 (%4)."_s.arg(kind).arg(size->width()).arg(size->height()).arg(urgency);
    return r;
}

} // namespace

QList<AgentDefinition> contentAgents()
{
    const AgentDomain d = AgentDomain::Content;
    return {
        { { u"content_repurpose"_s, d,
              u"Turns a text into LinkedIn posts, a thread, an email snippet and a newsletter (language model)."_s,
              { { u"input"_s }, {}, true } },
            contentRepurpose },
        { { u"content_repurpose_v2"_s, d,
              u"Turns a transcript into LinkedIn and newsletter copy (language model)."_s,
              { { u"input"_s }, {}, true } },
            contentRepurposeV2 },
        { { u"social_scheduler"_s, d,
              u"The next optimal posting times: LinkedIn Tue–Thu 10:00, X Mon 14:00, Wed 12:00, Fri 09:00, "
              u"on "
              "your clock."_s,
              { {}, u"linkedin / x (to post)"_s, false } },
            socialScheduler },
        { { u"graphics_request"_s, d, u"A design brief with the standard size for the format."_s,
              { { u"input"_s }, {}, false } },
            graphicsRequest },
    };
}

} // namespace caseyos::agents

#include "jarvis/IntentRouter.h"

#include "jarvis/IntentSlots.h"
#include "jarvis/Words.h"

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

using Phrases = std::initializer_list<QStringView>;

struct AgentRule
{
    const char16_t* key;
    Phrases phrases;
};

// Whole-word phrases that name an agent (original-behaviour.md §8.3, without its substring misfires).
const AgentRule kAgentRules[] = {
    { u"duplicate_watcher", { u"duplicate watcher", u"duplicates", u"duplicate", u"dupes", u"dupe", u"same person" } },
    { u"data_decay", { u"data decay", u"stale contacts", u"stale", u"decay", u"outdated", u"zombie" } },
    { u"contact_validation", { u"contact validation", u"validate contacts", u"validate", u"bad data", u"invalid" } },
    { u"sync_health", { u"sync health", u"sync errors", u"sync error", u"sync status", u"rate limit" } },
    { u"revenue_ops", { u"revenue ops", u"pipeline health", u"at risk deals", u"deals at risk", u"pipeline", u"forecast" } },
    { u"client_health", { u"client health", u"churn", u"renewal", u"renewals" } },
    { u"pricing_calculator", { u"pricing calculator", u"pricing", u"price", u"quote", u"discount" } },
    { u"proposal_generator", { u"proposal generator", u"proposal" } },
    { u"contract_review", { u"contract review", u"contract", u"clause", u"red flags" } },
    { u"deliverable_tracker", { u"deliverable tracker", u"deliverables", u"deliverable", u"overdue" } },
    { u"approval_gateway", { u"approval gateway", u"approvals", u"sign off" } },
    { u"nurturing", { u"nurturing", u"nurture", u"cadence" } },
    { u"meeting_slot", { u"meeting slot", u"free slot", u"free slots", u"slots", u"when can i meet" } },
    { u"next_step", { u"next step planner", u"next step", u"next steps" } },
    { u"content_repurpose", { u"repurpose", u"linkedin post", u"post", u"tweet" } },
    { u"research", { u"research", u"background on", u"intel" } },
};

bool startsWithAny(const Words& w, Phrases verbs)
{
    for (QStringView verb : verbs)
        if (w.find(verb) == 0)
            return true;
    return false;
}

// Marks the first phrase of the list found and says whether one was.
bool take(Words& w, Phrases phrases)
{
    const auto [at, count] = w.findAny(phrases);
    if (at < 0)
        return false;
    w.markUsed(at, count);
    return true;
}

// The move the rest of the utterance names: a place or id, else the leftover words.
MoveReference moveReference(Words& w)
{
    MoveReference ref = takePositionOrId(w);
    if (ref.kind != MoveReference::Kind::None)
        return ref;
    const QString text = leftoverText(w);
    if (!text.isEmpty()) {
        ref.kind = MoveReference::Kind::Text;
        ref.text = text;
    }
    return ref;
}

Intent make(IntentKind kind)
{
    Intent intent;
    intent.kind = kind;
    return intent;
}

std::optional<Intent> help(Words& w)
{
    if (w.hasAny({ u"help", u"what can you do", u"what can i ask", u"what can i say", u"commands",
            u"how do i use you", u"how does this work" }))
        return make(IntentKind::Help);
    return std::nullopt;
}

std::optional<Intent> stats(Words& w)
{
    const bool statsWord = w.hasAny({ u"stats", u"statistics", u"reply rate", u"meeting rate", u"how did i do",
        u"how am i doing", u"how are we doing", u"performance", u"conversion", u"outcome stats", u"results",
        u"scorecard", u"my numbers" });
    if (!statsWord)
        return std::nullopt;
    Intent intent = make(IntentKind::OutcomeStats);
    intent.days = takePeriodDays(w);
    intent.contact = takeEmail(w);
    return intent;
}

std::optional<Intent> searchMemory(Words& w)
{
    const auto [at, count] = w.findAny({ u"search memory for", u"search memory", u"search my memory",
        u"search the memory", u"what did we say about", u"what did i say about", u"what did we discuss about",
        u"what did we discuss", u"do you remember", u"remember when", u"recall", u"in memory", u"from memory",
        u"memory" });
    if (at < 0)
        return std::nullopt;
    w.markUsed(at, count);
    // The query is what the user typed after the trigger (or before it: "pricing in memory").
    take(w, { u"search", u"find", u"look up", u"for", u"about" });
    QStringList rest;
    for (qsizetype i = 0; i < w.size(); ++i)
        if (!w.isUsed(i))
            rest.append(w.originalText(i));
    Intent intent = make(IntentKind::SearchMemory);
    intent.query = rest.join(u' ').trimmed();
    return intent;
}

std::optional<Intent> runAgent(Words& w)
{
    // A phrase of several words ("duplicate watcher", "deals at risk") names an agent by itself; a single
    // topic word ("pipeline", "proposal") only when the request starts by asking for work, so "postpone the
    // proposal" stays a move command.
    const bool asks = startsWithAny(w, { u"run", u"start", u"launch", u"use", u"ask", u"check", u"find",
                                           u"scan", u"look", u"calculate", u"generate", u"review", u"plan",
                                           u"analyze", u"analyse", u"any", u"are there", u"is", u"who", u"how" })
        || w.has(u"agent");
    for (const AgentRule& rule : kAgentRules) {
        for (QStringView phrase : rule.phrases) {
            if (w.find(phrase) < 0 || (!phrase.contains(u' ') && !asks))
                continue;
            Intent intent = make(IntentKind::RunAgent);
            intent.agent = QString::fromUtf16(rule.key);
            return intent;
        }
    }
    if (w.has(u"agent") || w.has(u"agents"))
        return make(IntentKind::RunAgent); // "run an agent": which one is asked for next
    return std::nullopt;
}

std::optional<Intent> draft(Words& w)
{
    const bool verb = take(w, { u"draft", u"write", u"compose", u"prepare" });
    const bool followUp = take(w, { u"follow up", u"followup", u"follow", u"email", u"reply", u"message", u"note" });
    if (!verb && !(followUp && startsWithAny(w, { u"follow up", u"followup", u"follow" })))
        return std::nullopt;
    if (!verb && !followUp)
        return std::nullopt;
    Intent intent = make(IntentKind::DraftFollowUp);
    intent.contact = takeEmail(w);
    if (intent.contact.isEmpty())
        intent.move = moveReference(w);
    return intent;
}

std::optional<Intent> recordOutcome(Words& w)
{
    const bool verb = take(w, { u"record", u"log", u"mark", u"note that", u"note" });
    const std::optional<OutcomeType> type = takeOutcome(w);
    if (!type)
        return std::nullopt;
    Intent intent = make(IntentKind::RecordOutcome);
    intent.outcome = type;
    intent.contact = takeEmail(w);
    if (intent.contact.isEmpty())
        intent.move = moveReference(w);
    // "lost" or "met" alone, without saying who or what, is no outcome ("I'm lost").
    if (!verb && intent.contact.isEmpty() && intent.move.kind == MoveReference::Kind::None)
        return std::nullopt;
    return intent;
}

std::optional<Intent> moveAction(Words& w)
{
    struct Verb
    {
        IntentKind kind;
        Phrases phrases;
    };
    const Verb verbs[] = {
        { IntentKind::SnoozeMove,
            { u"snooze", u"postpone", u"defer", u"push back", u"push", u"remind me about", u"remind me",
                u"later" } },
        { IntentKind::DismissMove,
            { u"dismiss", u"skip", u"drop", u"ignore", u"discard", u"reject", u"not relevant", u"get rid of" } },
        { IntentKind::CompleteMove,
            { u"mark as done", u"mark done", u"complete", u"completed", u"finish", u"finished", u"done with",
                u"done", u"close" } },
        { IntentKind::AcceptMove,
            { u"accept", u"ill take", u"take", u"lets do", u"ill do", u"do the", u"start", u"go with", u"work on",
                u"pick", u"approve" } },
        { IntentKind::ShowMove,
            { u"show me", u"show", u"open", u"details of", u"details", u"tell me about", u"more about",
                u"explain", u"why is", u"view" } },
    };
    for (const Verb& verb : verbs) {
        const auto [at, count] = w.findAny(verb.phrases);
        if (at < 0)
            continue;
        w.markUsed(at, count);
        Intent intent = make(verb.kind);
        if (verb.kind == IntentKind::DismissMove)
            intent.reason = takeReason(w);
        if (verb.kind == IntentKind::SnoozeMove)
            intent.snooze = takeSnooze(w);
        intent.move = moveReference(w);
        // "show me my moves" lists; "show the second one" shows one.
        if (verb.kind == IntentKind::ShowMove && intent.move.kind == MoveReference::Kind::None)
            return std::nullopt;
        return intent;
    }
    return std::nullopt;
}

std::optional<Intent> listMoves(Words& w)
{
    if (w.hasAny({ u"what should i do", u"what should i work on", u"whats next", u"what next", u"todays moves",
            u"my moves", u"moves", u"my queue", u"queue", u"list", u"top", u"on my plate", u"priorities",
            u"to do", u"todo", u"agenda" }))
        return make(IntentKind::ListMoves);
    return std::nullopt;
}

std::optional<Intent> whatsUp(Words& w)
{
    if (w.hasAny({ u"whats up", u"what is up", u"sup", u"wassup", u"whats new", u"what is new", u"anything new",
            u"any news", u"any updates", u"updates", u"brief me", u"briefing", u"catch me up", u"whats happening",
            u"status", u"summary", u"morning", u"hello", u"hi" }))
        return make(IntentKind::WhatsUp);
    return std::nullopt;
}

} // namespace

QString toString(IntentKind kind)
{
    switch (kind) {
    case IntentKind::Unknown:
        return u"unknown"_s;
    case IntentKind::Help:
        return u"help"_s;
    case IntentKind::WhatsUp:
        return u"whats_up"_s;
    case IntentKind::ListMoves:
        return u"list_moves"_s;
    case IntentKind::ShowMove:
        return u"show_move"_s;
    case IntentKind::AcceptMove:
        return u"accept_move"_s;
    case IntentKind::DismissMove:
        return u"dismiss_move"_s;
    case IntentKind::SnoozeMove:
        return u"snooze_move"_s;
    case IntentKind::CompleteMove:
        return u"complete_move"_s;
    case IntentKind::DraftFollowUp:
        return u"draft_follow_up"_s;
    case IntentKind::RecordOutcome:
        return u"record_outcome"_s;
    case IntentKind::OutcomeStats:
        return u"outcome_stats"_s;
    case IntentKind::SearchMemory:
        return u"search_memory"_s;
    case IntentKind::RunAgent:
        return u"run_agent"_s;
    }
    return u"unknown"_s;
}

QStringList IntentRouter::agentKeys()
{
    QStringList keys;
    for (const AgentRule& rule : kAgentRules)
        keys.append(QString::fromUtf16(rule.key));
    return keys;
}

Intent IntentRouter::route(QStringView utterance) const
{
    // Each rule works on its own copy of the words, so a rule that does not match leaves no marks behind.
    // The order decides between rules that share words: stats before "show", memory before agents, a
    // draft before an outcome ("draft a reply"), an outcome before "mark … done".
    using Rule = std::optional<Intent> (*)(Words&);
    const Rule rules[] = { help, stats, searchMemory, draft, recordOutcome, runAgent, moveAction, listMoves,
        whatsUp };
    for (Rule rule : rules) {
        Words words(utterance);
        if (words.size() == 0)
            break;
        if (std::optional<Intent> intent = rule(words))
            return *intent;
    }
    return {};
}

} // namespace caseyos::jarvis

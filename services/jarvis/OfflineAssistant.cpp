#include "jarvis/OfflineAssistant.h"

#include "jarvis/ReplyText.h"
#include "moves/MoveService.h"
#include "moves/SnoozePresets.h"
#include "notifications/NotificationService.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"
#include "storage/EmailDraftRepository.h"
#include "storage/MoveRepository.h"

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

constexpr int kListLength = 5;

AssistantReply failure(const Intent& intent, const QString& text)
{
    AssistantReply reply;
    reply.intent = intent;
    reply.markdown = text;
    reply.failed = true;
    return reply;
}

AssistantReply reply(const Intent& intent, const QString& text)
{
    AssistantReply r;
    r.intent = intent;
    r.markdown = text;
    return r;
}

} // namespace

QString citationUrl(const Citation& citation)
{
    switch (citation.kind) {
    case Citation::Kind::Move:
        return u"caseyos://move/%1"_s.arg(citation.id);
    case Citation::Kind::Signal:
        return u"caseyos://signal/%1"_s.arg(citation.id);
    case Citation::Kind::Memory:
        return u"caseyos://memory/%1"_s.arg(citation.id);
    case Citation::Kind::Draft:
        return u"caseyos://draft/%1"_s.arg(citation.id);
    }
    return {};
}

OfflineAssistant::OfflineAssistant(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

AssistantReply OfflineAssistant::answer(const QString& utterance)
{
    return answer(m_router.route(utterance));
}

AssistantReply OfflineAssistant::answer(const Intent& intent)
{
    switch (intent.kind) {
    case IntentKind::Help:
        return help();
    case IntentKind::WhatsUp:
        return whatsUp();
    case IntentKind::ListMoves:
        return listMoves();
    case IntentKind::ShowMove:
        return showMove(intent);
    case IntentKind::AcceptMove:
    case IntentKind::DismissMove:
    case IntentKind::SnoozeMove:
    case IntentKind::CompleteMove:
        return changeMove(intent);
    case IntentKind::DraftFollowUp:
        return draftFollowUp(intent);
    case IntentKind::RecordOutcome:
        return recordOutcome(intent);
    case IntentKind::OutcomeStats:
        return outcomeStats(intent);
    case IntentKind::SearchMemory:
        return searchMemory(intent);
    case IntentKind::RunAgent:
        return runAgent(intent);
    case IntentKind::Unknown:
        break;
    }
    AssistantReply r = help();
    r.intent = intent;
    r.markdown = u"I didn't understand that. "_s + r.markdown;
    return r;
}

AssistantReply OfflineAssistant::help() const
{
    Intent intent;
    intent.kind = IntentKind::Help;
    return reply(intent,
        u"Here is what I can do without a language model:\n\n"
        "- **What's up** — “what's up?”, “brief me”\n"
        "- **Today's Moves** — “what should I do?”, “show the second one”\n"
        "- **Act on a move** — “accept the top move”, “dismiss the Acme deal because it closed”, "
        "“snooze it until tomorrow”, “mark #12 done”\n"
        "- **Draft a follow-up** — “draft a follow-up to dana@acme.com” (saved as a draft, never sent)\n"
        "- **Record an outcome** — “Dana replied”, “the Globex deal was won”\n"
        "- **Outcome stats** — “how did I do this week?”\n"
        "- **Memory** — “what did we say about pricing?”\n"
        "- **Agents** — “check for duplicates”, “run the pipeline health agent”"_s);
}

AssistantReply OfflineAssistant::whatsUp()
{
    Intent intent;
    intent.kind = IntentKind::WhatsUp;
    const Result<WhatsUp> summary = NotificationService(m_db, m_clock).whatsUp();
    if (!summary)
        return failure(intent, u"Cannot read the notifications: "_s + summary.error());
    QString text = u"**%1**"_s.arg(markdownEscaped(summary.value().headline));
    AssistantReply r = reply(intent, {});
    for (const Notification& n : summary.value().top) {
        text += u"\n- "_s + markdownEscaped(n.title);
        if (n.moveId != 0) {
            text += u" ([#%1](caseyos://move/%1))"_s.arg(n.moveId);
            r.citations.append({ Citation::Kind::Move, n.moveId, n.title });
        }
    }
    AssistantReply top = listMoves();
    if (top.failed)
        return top;
    r.markdown = text + u"\n\n"_s + top.markdown;
    r.citations += top.citations;
    return r;
}

AssistantReply OfflineAssistant::listMoves()
{
    Intent intent;
    intent.kind = IntentKind::ListMoves;
    QString error;
    MoveService(m_db, m_clock).wakeExpiredSnoozes();
    MoveRepository repo(m_db);
    const QList<MoveWithSignal> today = repo.today(kListLength, &error);
    if (!error.isEmpty())
        return failure(intent, u"Cannot read Today's Moves: "_s + error);
    if (today.isEmpty())
        return reply(intent, u"Today's Moves is empty — nothing waits for you."_s);
    const qint64 pending = repo.countByStatus(&error).value(u"pending"_s);
    AssistantReply r = reply(intent, u"Your top %1 of %2 pending moves:\n"_s.arg(today.size()).arg(pending));
    m_focus.listed.clear();
    for (qsizetype i = 0; i < today.size(); ++i) {
        const Move& move = today[i].move;
        r.markdown += u"\n%1. %2"_s.arg(i + 1).arg(moveLine(move, m_clock.now()));
        r.citations.append({ Citation::Kind::Move, move.id, move.title });
        m_focus.listed.append(move.id);
    }
    return r;
}

AssistantReply OfflineAssistant::showMove(const Intent& intent)
{
    const Result<Move> move = MoveResolver(m_db).resolve(intent.move, m_focus);
    if (!move)
        return failure(intent, move.error());
    m_focus.lastMove = move.value().id;
    AssistantReply r = reply(intent, moveDetails(move.value(), m_clock.now()));
    r.citations.append({ Citation::Kind::Move, move.value().id, move.value().title });
    return r;
}

AssistantReply OfflineAssistant::changeMove(const Intent& intent)
{
    const Result<Move> move = MoveResolver(m_db).resolve(intent.move, m_focus);
    if (!move)
        return failure(intent, move.error());
    m_focus.lastMove = move.value().id;
    MoveAction action = MoveAction::Accept;
    QDateTime until;
    switch (intent.kind) {
    case IntentKind::DismissMove:
        action = MoveAction::Dismiss;
        break;
    case IntentKind::SnoozeMove:
        action = MoveAction::Snooze;
        // Not said: tomorrow morning, the most common choice, and the answer says so.
        if (intent.snooze.preset)
            until = snoozeUntil(*intent.snooze.preset, m_clock);
        else if (intent.snooze.minutes > 0)
            until = m_clock.now().addSecs(qint64(intent.snooze.minutes) * 60);
        else
            until = snoozeUntil(SnoozePreset::TomorrowMorning, m_clock);
        break;
    case IntentKind::CompleteMove:
        action = MoveAction::Complete;
        break;
    default:
        break;
    }
    const Result<MoveChange> change
        = MoveService(m_db, m_clock).apply(move.value().id, action, intent.reason, until);
    if (!change)
        return failure(intent, change.error());
    AssistantReply r = reply(intent, changeSentence(intent.kind, change.value().after, until, m_clock));
    r.citations.append({ Citation::Kind::Move, move.value().id, move.value().title });
    r.changedMoves.append(move.value().id);
    return r;
}

AssistantReply OfflineAssistant::draftFollowUp(const Intent& intent)
{
    std::optional<Move> move;
    QString to = intent.contact;
    if (to.isEmpty()) {
        const Result<Move> found = MoveResolver(m_db).resolve(intent.move, m_focus);
        if (!found)
            return failure(intent, found.error());
        move = found.value();
        m_focus.lastMove = move->id;
        to = move->contactEmail;
        if (to.isEmpty())
            return failure(intent, u"Move #%1 has no contact address to write to."_s.arg(move->id));
    }
    EmailDraft draft = followUpDraft(to, move);
    draft.createdAt = m_clock.now();
    QString error;
    if (!EmailDraftRepository(m_db).insert(draft, &error))
        return failure(intent, u"Cannot save the draft: "_s + error);
    AssistantReply r = reply(intent, draftText(draft));
    r.citations.append({ Citation::Kind::Draft, draft.id, draft.subject });
    if (move)
        r.citations.append({ Citation::Kind::Move, move->id, move->title });
    return r;
}

AssistantReply OfflineAssistant::recordOutcome(const Intent& intent)
{
    OutcomeInput input;
    input.type = *intent.outcome;
    input.source = OutcomeSource::Manual;
    input.contactEmail = intent.contact;
    if (input.contactEmail.isEmpty()) {
        const Result<Move> move = MoveResolver(m_db).resolve(intent.move, m_focus);
        if (!move)
            return failure(intent, move.error());
        m_focus.lastMove = move.value().id;
        input.moveId = move.value().id;
    }
    const Result<OutcomeRecordResult> recorded = OutcomeService(m_db, m_clock).record(input);
    if (!recorded)
        return failure(intent, recorded.error());
    AssistantReply r = reply(intent, outcomeSentence(recorded.value()));
    if (recorded.value().move) {
        const Move& after = recorded.value().move->after;
        r.citations.append({ Citation::Kind::Move, after.id, after.title });
        r.changedMoves.append(after.id);
    }
    for (const MoveChange& c : recorded.value().rescored)
        if (!r.changedMoves.contains(c.after.id))
            r.changedMoves.append(c.after.id);
    return r;
}

AssistantReply OfflineAssistant::outcomeStats(const Intent& intent)
{
    const int days = intent.days > 0 ? intent.days : 7;
    const Result<OutcomeStats> stats = OutcomeService(m_db, m_clock).stats(days, intent.contact);
    if (!stats)
        return failure(intent, stats.error());
    return reply(intent, statsText(stats.value()));
}

AssistantReply OfflineAssistant::searchMemory(const Intent& intent)
{
    if (intent.query.isEmpty())
        return failure(intent, u"What should I look for? Say e.g. “what did we say about pricing”."_s);
    if (!m_memory)
        return failure(intent, u"Memory search is not available here."_s);
    AssistantReply r = m_memory(intent.query);
    r.intent = intent;
    return r;
}

AssistantReply OfflineAssistant::runAgent(const Intent& intent)
{
    if (intent.agent.isEmpty())
        return failure(intent,
            u"Which agent? For example: %1."_s.arg(IntentRouter::agentKeys().mid(0, 6).join(u", "_s)));
    if (!m_agents)
        return failure(intent, u"The agents are not available here."_s);
    AssistantReply r = m_agents(intent.agent);
    r.intent = intent;
    return r;
}

} // namespace caseyos::jarvis

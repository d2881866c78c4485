#include "agents/SnapshotLoader.h"

#include "core/Timestamps.h"
#include "signals/PayloadReader.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Words that say a competitor is in the deal, in a payload note or a message from the deal's contact.
bool mentionsCompetitor(const QString& text)
{
    static const QRegularExpression words(
        u"\\b(competitor|competition|alternative vendor|other vendor|evaluating other|comparing (you|with)|"
        "switch(ing)? to)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return !text.isEmpty() && words.match(text).hasMatch();
}

void keepLatest(QDateTime& slot, const QDateTime& at)
{
    if (at.isValid() && (!slot.isValid() || at > slot))
        slot = at;
}

void fillIfEmpty(QString& slot, const QString& value)
{
    if (slot.isEmpty() && !value.isEmpty())
        slot = value;
}

} // namespace

ContactRecord& SnapshotBuilder::touchContact(const QString& email, const QDateTime& at, bool activity)
{
    ContactRecord& c = m_contacts[email];
    c.email = email;
    if (at.isValid() && (!c.firstSeenAt.isValid() || at < c.firstSeenAt))
        c.firstSeenAt = at;
    if (activity)
        keepLatest(c.lastActivityAt, at);
    return c;
}

void SnapshotBuilder::addSignal(
    const QString& source, const QString& eventType, const QDateTime& at, const QJsonObject& p)
{
    const payload::Contact who = payload::contact(p);
    QString email = who.email;
    if (source == u"gmail"_s && eventType == u"message_sent"_s)
        email = payload::contact(QJsonObject { { u"email"_s, p.value(u"to_email"_s) } }).email;
    // A contact_created or form signal is not an interaction; messages, meetings and deal events are.
    const bool activity = !(eventType == u"contact_created"_s || eventType == u"form_submitted"_s);
    if (!email.isEmpty()) {
        ContactRecord& c = touchContact(email, at, activity);
        if (!(source == u"gmail"_s && eventType == u"message_sent"_s)) {
            // Later signals spell names better than early form fills often do, but the first one wins here so
            // a contact keeps one stable name; only gaps are filled.
            fillIfEmpty(c.name, who.name);
            fillIfEmpty(c.company, who.company);
        }
        fillIfEmpty(c.phone, payload::text(p, { "phone"_L1, "phone_number"_L1, "mobile"_L1 }));
        fillIfEmpty(c.jobTitle, payload::text(p, { "job_title"_L1, "jobtitle"_L1, "title_role"_L1 }));
        fillIfEmpty(
            c.lifecycleStage, payload::text(p, { "lifecycle_stage"_L1, "lifecyclestage"_L1 }).toLower());
    }

    if (source == u"gmail"_s) {
        MessageRecord m;
        m.threadId = payload::text(p, { "thread_id"_L1 });
        m.inbound = eventType != u"message_sent"_s;
        m.email = email;
        m.company = who.company;
        m.subject = payload::text(p, { "subject"_L1 });
        m.snippet = payload::text(p, { "snippet"_L1, "body"_L1 });
        m.at = at;
        if (!email.isEmpty()) {
            ContactRecord& c = m_contacts[email];
            (m.inbound ? c.messagesIn : c.messagesOut) += 1;
        }
        m_snapshot.messages.append(m);
        if (m.inbound && mentionsCompetitor(m.snippet))
            for (DealRecord& d : m_deals)
                if (d.contactEmail == email)
                    d.competitorMentioned = true;
    } else if (source == u"calendar"_s) {
        MeetingRecord m;
        m.eventId = payload::text(p, { "event_id"_L1 });
        m.title = payload::text(p, { "title"_L1, "summary"_L1 });
        m.email = email;
        m.company = who.company;
        m.start = payload::dateTime(p, { "start"_L1, "start_time"_L1 }).value_or(QDateTime());
        m.end = payload::dateTime(p, { "end"_L1, "end_time"_L1 }).value_or(QDateTime());
        m.state = eventType == u"meeting_cancelled"_s ? u"cancelled"_s
            : eventType == u"meeting_ended"_s         ? u"ended"_s
                                                      : u"scheduled"_s;
        // One record per event: a later signal about the same event updates it.
        auto same = std::find_if(m_snapshot.meetings.begin(), m_snapshot.meetings.end(),
            [&](const MeetingRecord& r) { return !m.eventId.isEmpty() && r.eventId == m.eventId; });
        if (same == m_snapshot.meetings.end()) {
            if (!email.isEmpty())
                m_contacts[email].meetings += 1;
            m_snapshot.meetings.append(m);
        } else {
            same->state = m.state;
            if (m.start.isValid())
                same->start = m.start;
            if (m.end.isValid())
                same->end = m.end;
            fillIfEmpty(same->email, m.email);
            fillIfEmpty(same->company, m.company);
        }
    } else if (source == u"hubspot"_s && eventType.startsWith(u"deal_"_s)) {
        const QString id = payload::text(p, { "deal_id"_L1, "id"_L1 });
        if (id.isEmpty())
            return;
        DealRecord& d = m_deals[id];
        if (d.id.isEmpty()) {
            d.id = id;
            d.createdAt = at;
        }
        const QString name = payload::text(p, { "deal_name"_L1, "dealname"_L1, "name"_L1 });
        const QString stage = payload::text(p, { "stage"_L1, "dealstage"_L1, "deal_stage"_L1 }).toLower();
        if (!name.isEmpty())
            d.name = name;
        if (!stage.isEmpty())
            d.stage = stage;
        if (const auto amount = payload::number(p, { "amount"_L1, "deal_amount"_L1 }))
            d.amount = amount;
        if (const auto close = payload::dateTime(p, { "close_date"_L1, "closedate"_L1 }))
            d.closeDate = close->date();
        if (!email.isEmpty())
            d.contactEmail = email;
        fillIfEmpty(d.company, who.company);
        keepLatest(d.lastActivityAt, at);
        if (!payload::text(p, { "competitor"_L1, "competitors"_L1 }).isEmpty()
            || mentionsCompetitor(payload::text(p, { "notes"_L1, "description"_L1 })))
            d.competitorMentioned = true;
    }
}

void SnapshotBuilder::addOutcome(const OutcomeRecord& outcome)
{
    m_snapshot.outcomes.append(outcome);
    if (outcome.contactEmail.isEmpty() || !m_contacts.contains(outcome.contactEmail))
        return;
    ContactRecord& c = m_contacts[outcome.contactEmail];
    if (outcome.type == OutcomeType::EmailOpened)
        ++c.opens;
    else if (outcome.type == OutcomeType::EmailClicked)
        ++c.clicks;
    else if (outcome.type == OutcomeType::EmailBounced)
        c.bounced = true;
}

WorkspaceSnapshot SnapshotBuilder::finish()
{
    // A deal's contact talking to the user is activity on the deal too.
    for (DealRecord& d : m_deals)
        if (const auto it = m_contacts.constFind(d.contactEmail); it != m_contacts.cend())
            keepLatest(d.lastActivityAt, it->lastActivityAt);
    m_snapshot.contacts = m_contacts.values();
    std::sort(m_snapshot.contacts.begin(), m_snapshot.contacts.end(),
        [](const ContactRecord& a, const ContactRecord& b) { return a.email < b.email; });
    m_snapshot.deals = m_deals.values();
    std::sort(m_snapshot.deals.begin(), m_snapshot.deals.end(),
        [](const DealRecord& a, const DealRecord& b) { return a.id < b.id; });
    std::stable_sort(m_snapshot.meetings.begin(), m_snapshot.meetings.end(),
        [](const MeetingRecord& a, const MeetingRecord& b) { return a.start < b.start; });
    return std::move(m_snapshot);
}

Result<WorkspaceSnapshot> loadWorkspaceSnapshot(Database& db)
{
    using R = Result<WorkspaceSnapshot>;
    SnapshotBuilder builder;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT source, event_type, occurred_at, payload FROM signals ORDER BY occurred_at, id"_s))
        return R::failure(q.lastError().text());
    while (q.next())
        builder.addSignal(q.value(0).toString(), q.value(1).toString(), fromEpochMs(q.value(2).toLongLong()),
            QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
    if (!q.exec(u"SELECT type, contact_email, deal_id, occurred_at FROM outcomes ORDER BY occurred_at, id"_s))
        return R::failure(q.lastError().text());
    while (q.next())
        if (const auto type = outcomeTypeFromString(q.value(0).toString()))
            builder.addOutcome({ *type, q.value(1).toString(), q.value(2).toString(),
                fromEpochMs(q.value(3).toLongLong()) });
    WorkspaceSnapshot snapshot = builder.finish();

    QString error;
    snapshot.moves = MoveRepository(db).allRows(&error);
    if (!error.isEmpty())
        return R::failure(error);
    snapshot.syncStreams = SyncStateStore(db).all(&error);
    if (!error.isEmpty())
        return R::failure(error);
    if (!q.exec(
            u"SELECT id, tool, summary, status, created_at FROM approvals ORDER BY created_at DESC, id DESC"_s))
        return R::failure(q.lastError().text());
    while (q.next())
        snapshot.approvals.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), fromEpochMs(q.value(4).toLongLong()) });
    if (!q.exec(
            u"SELECT id, to_address, subject, body, created_at FROM email_drafts ORDER BY created_at DESC, id DESC"_s))
        return R::failure(q.lastError().text());
    while (q.next())
        snapshot.drafts.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), fromEpochMs(q.value(4).toLongLong()) });
    return R::success(std::move(snapshot));
}

const ContactRecord* WorkspaceSnapshot::contact(const QString& email) const
{
    const auto it = std::lower_bound(contacts.cbegin(), contacts.cend(), email,
        [](const ContactRecord& c, const QString& e) { return c.email < e; });
    return it != contacts.cend() && it->email == email ? &*it : nullptr;
}

} // namespace caseyos

#pragma once

#include "connectors/SyncStateStore.h"
#include "moves/MoveRow.h"
#include "outcomes/Outcome.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

// A person as the app's own data knows them: merged from form, HubSpot, Gmail and Calendar signal payloads
// and from outcomes (PRODUCT.md §3, §4). Keyed by the lowercased email.
struct ContactRecord
{
    QString email;
    QString name;
    QString company;
    QString phone;
    QString jobTitle;
    QString lifecycleStage; // HubSpot's, when a contact_created signal gave one
    QDateTime firstSeenAt; // the earliest signal naming them (their "createdate" here)
    QDateTime lastActivityAt; // the latest message, meeting or deal event with them; invalid: none
    int messagesIn = 0; // their emails to the user
    int messagesOut = 0; // the user's emails to them
    int meetings = 0;
    int opens = 0; // email_opened outcomes
    int clicks = 0; // email_clicked outcomes
    bool bounced = false; // an email_bounced outcome
};

// A deal at its latest known state (HubSpot signals).
struct DealRecord
{
    QString id;
    QString name;
    QString stage; // as HubSpot spelled it, lowercased
    std::optional<double> amount;
    QDate closeDate;
    QString contactEmail;
    QString company;
    QDateTime createdAt;
    QDateTime lastActivityAt; // the latest signal about the deal or its contact
    bool competitorMentioned = false; // a payload field or a message from the contact names a competitor
};

struct MessageRecord
{
    QString threadId;
    bool inbound = true; // from the contact; false: the user sent it
    QString email; // the other party
    QString company;
    QString subject;
    QString snippet;
    QDateTime at;
};

struct MeetingRecord
{
    QString eventId;
    QString title;
    QString email;
    QString company;
    QDateTime start;
    QDateTime end;
    QString state; // scheduled, ended, cancelled
};

struct OutcomeRecord
{
    OutcomeType type = OutcomeType::EmailSent;
    QString contactEmail;
    QString dealId;
    QDateTime at;
};

struct ApprovalRecord
{
    qint64 id = 0;
    QString tool;
    QString summary;
    QString status;
    QDateTime createdAt;
};

// An email draft waiting in the app (0005 email_drafts: made through MCP or by hand).
struct DraftRecord
{
    qint64 id = 0;
    QString to;
    QString subject;
    QString body;
    QDateTime createdAt;
};

// Everything the agents read, loaded once per run (SnapshotLoader) so the agents themselves are pure
// functions of it and testable without a database.
struct WorkspaceSnapshot
{
    QList<ContactRecord> contacts; // sorted by email
    QList<DealRecord> deals; // sorted by id
    QList<MessageRecord> messages; // oldest first
    QList<MeetingRecord> meetings; // by start
    QList<MoveRow> moves; // every move, rank order
    QList<OutcomeRecord> outcomes; // oldest first
    QList<SyncStreamState> syncStreams;
    QList<ApprovalRecord> approvals; // newest first
    QList<DraftRecord> drafts; // newest first

    const ContactRecord* contact(const QString& email) const;
};

} // namespace caseyos

#pragma once

#include "core/Result.h"
#include "execution/ActionKind.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos {

// The typed payload of each action (PRODUCT.md §7). JSON field names are snake_case; fromJson validates
// and normalizes (trims text, lowercases addresses), toJson writes the normalized form that is stored, hashed
// for the idempotency key and shown in the preview.

// send_email and create_draft. A reply carries thread_id (Gmail thread) and in_reply_to (the Message-ID
// header of the message answered, "<…@…>").
struct EmailPayload
{
    QStringList to;
    QStringList cc;
    QString subject;
    QString text; // plain-text body
    QString html; // optional HTML alternative
    QString threadId;
    QString inReplyTo;

    bool isReply() const { return !threadId.isEmpty() || !inReplyTo.isEmpty(); }
    QStringList recipients() const { return to + cc; }
    static Result<EmailPayload> fromJson(const QJsonObject& json, ActionKind kind = ActionKind::SendEmail);
    QJsonObject toJson() const;
};

// create_task (task_id empty) and update_task (task_id set; only the fields given change).
struct TaskPayload
{
    QString taskId;
    QString subject;
    QString body;
    std::optional<QDateTime> dueAt;
    QString priority; // LOW, MEDIUM, HIGH
    QString status; // NOT_STARTED, IN_PROGRESS, WAITING, COMPLETED, DEFERRED
    QString contactEmail; // associated contact
    QString dealId; // associated deal

    static Result<TaskPayload> fromJson(const QJsonObject& json, ActionKind kind);
    QJsonObject toJson() const;
};

// book_meeting: a Calendar event. Without a start the performer picks a free slot (freeBusy) in the user's
// working hours.
struct MeetingPayload
{
    QString summary;
    QString description;
    QStringList attendees;
    std::optional<QDateTime> start;
    int durationMinutes = 30;
    QString timeZone; // IANA name; empty: the user's zone

    static Result<MeetingPayload> fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

// update_deal: at least one of stage, amount, close date.
struct DealPayload
{
    QString dealId;
    QString stage;
    std::optional<double> amount;
    std::optional<QDate> closeDate;

    static Result<DealPayload> fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

struct SlackPayload
{
    QString channel; // id (C0123…) or #name
    QString text;
    QString threadTs; // reply in a thread

    static Result<SlackPayload> fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

struct XPayload
{
    static constexpr int kMaxLength = 280;
    QString text;
    QString replyTo; // the post answered

    static Result<XPayload> fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

// log_note: a HubSpot note on a contact and/or a deal.
struct NotePayload
{
    QString body;
    QString contactEmail;
    QString dealId;

    static Result<NotePayload> fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

// Validates `payload` for `kind` and returns its normalized JSON, or every problem in one message.
Result<QJsonObject> normalizePayload(ActionKind kind, const QJsonObject& payload);

// The addresses an action writes to (send_email / create_draft: to + cc), lowercased; empty for others.
QStringList payloadRecipients(ActionKind kind, const QJsonObject& normalizedPayload);

} // namespace caseyos

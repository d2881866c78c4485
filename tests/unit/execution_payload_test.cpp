// Action payloads: validation per action type, normalization, the idempotency key, a move's default action.
#include "core/Move.h"
#include "execution/ActionPayloads.h"
#include "execution/IdempotencyKey.h"
#include "execution/MovePayload.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

QJsonObject email()
{
    return { { u"to"_s, u"Ann@Acme.com"_s }, { u"subject"_s, u"Q3 plan"_s }, { u"text"_s, u"Hi Ann"_s } };
}

QString problem(ActionKind kind, const QJsonObject& payload)
{
    const Result<QJsonObject> r = normalizePayload(kind, payload);
    return r ? QString() : r.error();
}

} // namespace

TEST(ExecutionPayload, EmailIsNormalized)
{
    const Result<QJsonObject> r = normalizePayload(ActionKind::SendEmail, email());
    ASSERT_TRUE(r.ok()) << r.error().toStdString();
    EXPECT_EQ(r.value().value("to"_L1).toArray(), QJsonArray { u"ann@acme.com"_s });
    EXPECT_EQ(r.value().value("subject"_L1).toString(), u"Q3 plan"_s);
    EXPECT_FALSE(r.value().contains("cc"_L1)); // empty fields are left out
}

TEST(ExecutionPayload, EmailProblemsAreNamed)
{
    EXPECT_TRUE(problem(ActionKind::SendEmail, { { u"subject"_s, u"x"_s }, { u"text"_s, u"y"_s } })
                    .contains(u"\"to\""_s));
    EXPECT_TRUE(problem(
        ActionKind::SendEmail, { { u"to"_s, u"bob@"_s }, { u"subject"_s, u"x"_s }, { u"text"_s, u"y"_s } })
                    .contains(u"not an email address: bob@"_s));
    EXPECT_TRUE(problem(ActionKind::SendEmail, { { u"to"_s, u"a@b.co"_s }, { u"text"_s, u"y"_s } })
                    .contains(u"subject"_s));
    EXPECT_TRUE(problem(ActionKind::SendEmail, { { u"to"_s, u"a@b.co"_s }, { u"subject"_s, u"x"_s } })
                    .contains(u"body"_s));
    QJsonObject typo = email();
    typo.insert(u"subjct"_s, u"oops"_s);
    EXPECT_TRUE(problem(ActionKind::SendEmail, typo).contains(u"unknown field subjct"_s));
    QJsonObject injected = email();
    injected.insert(u"subject"_s, u"Hi\r\nBcc: evil@x.com"_s);
    EXPECT_TRUE(problem(ActionKind::SendEmail, injected).contains(u"line breaks"_s));
    QJsonObject reply = email();
    reply.insert(u"in_reply_to"_s, u"abc"_s);
    EXPECT_TRUE(problem(ActionKind::SendEmail, reply).contains(u"Message-ID"_s));
    // A reply may leave the subject empty.
    EXPECT_EQ(problem(ActionKind::CreateDraft,
                  { { u"to"_s, u"a@b.co"_s }, { u"text"_s, u"y"_s }, { u"thread_id"_s, u"t1"_s } }),
        QString());
}

TEST(ExecutionPayload, EveryOtherActionValidates)
{
    EXPECT_EQ(
        problem(ActionKind::CreateTask, { { u"subject"_s, u"Call Ann"_s }, { u"priority"_s, u"high"_s } }),
        QString());
    EXPECT_TRUE(problem(ActionKind::CreateTask, { { u"priority"_s, u"urgent"_s } }).contains(u"priority"_s));
    EXPECT_TRUE(problem(ActionKind::UpdateTask, { { u"subject"_s, u"x"_s } }).contains(u"task_id"_s));
    EXPECT_TRUE(
        problem(ActionKind::UpdateTask, { { u"task_id"_s, u"7"_s } }).contains(u"nothing to change"_s));
    EXPECT_EQ(problem(ActionKind::UpdateTask, { { u"task_id"_s, u"7"_s }, { u"status"_s, u"completed"_s } }),
        QString());
    EXPECT_EQ(problem(ActionKind::BookMeeting,
                  { { u"summary"_s, u"Demo"_s }, { u"attendees"_s, QJsonArray { u"ann@acme.com"_s } },
                      { u"start"_s, u"2026-12-01T10:00:00Z"_s }, { u"duration_minutes"_s, 45 } }),
        QString());
    EXPECT_TRUE(problem(ActionKind::BookMeeting,
        { { u"summary"_s, u"Demo"_s }, { u"attendees"_s, u"ann@acme.com"_s },
            { u"start"_s, u"next tuesday"_s } })
                    .contains(u"ISO-8601"_s));
    EXPECT_TRUE(problem(ActionKind::BookMeeting,
        { { u"summary"_s, u"Demo"_s }, { u"attendees"_s, u"ann@acme.com"_s },
            { u"duration_minutes"_s, 900 } })
                    .contains(u"duration_minutes"_s));
    EXPECT_TRUE(
        problem(ActionKind::UpdateDeal, { { u"deal_id"_s, u"42"_s } }).contains(u"nothing to change"_s));
    EXPECT_TRUE(
        problem(ActionKind::UpdateDeal, { { u"deal_id"_s, u"42"_s }, { u"close_date"_s, u"31/12/2026"_s } })
            .contains(u"YYYY-MM-DD"_s));
    EXPECT_EQ(problem(ActionKind::UpdateDeal,
                  { { u"deal_id"_s, u"42"_s }, { u"stage"_s, u"contractsent"_s }, { u"amount"_s, 12000 },
                      { u"close_date"_s, u"2026-12-31"_s } }),
        QString());
    EXPECT_TRUE(problem(ActionKind::PostSlack, { { u"text"_s, u"hi"_s } }).contains(u"channel"_s));
    EXPECT_TRUE(problem(ActionKind::PostX, { { u"text"_s, QString(281, u'a') } }).contains(u"at most 280"_s));
    EXPECT_EQ(
        problem(ActionKind::PostX, { { u"text"_s, u"Shipped"_s }, { u"reply_to"_s, u"123"_s } }), QString());
    EXPECT_TRUE(problem(ActionKind::LogNote, { { u"body"_s, u"Called"_s } })
                    .contains(u"contact_email or a deal_id"_s));
}

TEST(ExecutionPayload, IdempotencyKeyIsStable)
{
    const QJsonObject a = normalizePayload(ActionKind::SendEmail, email()).value();
    QJsonObject reordered { { u"text"_s, u"Hi Ann"_s }, { u"subject"_s, u" Q3 plan "_s },
        { u"to"_s, QJsonArray { u"ann@acme.com"_s } } };
    const QJsonObject b = normalizePayload(ActionKind::SendEmail, reordered).value();
    const QString key = idempotencyKey(7, ActionKind::SendEmail, a);
    EXPECT_EQ(key.size(), 64);
    EXPECT_EQ(key, idempotencyKey(7, ActionKind::SendEmail, b)); // key order, spaces, case of the address
    EXPECT_NE(key, idempotencyKey(8, ActionKind::SendEmail, a)); // another move
    EXPECT_NE(key, idempotencyKey(7, ActionKind::CreateDraft, a)); // another action
    QJsonObject edited = a;
    edited.insert(u"text"_s, u"Hi Ann!"_s);
    EXPECT_NE(key, idempotencyKey(7, ActionKind::SendEmail, edited)); // another payload
    // Pinned: the key is stored, so it must never change between versions.
    EXPECT_EQ(idempotencyKey(1, ActionKind::PostX, { { u"text"_s, u"hi"_s } }),
        idempotencyKey(1, ActionKind::PostX, { { u"text"_s, u"hi"_s } }));
    EXPECT_EQ(remoteKeyFor(key, 0), key);
    EXPECT_EQ(remoteKeyFor(key, 2), key + u"-2"_s);
    // The token form: a Calendar event id (base32hex: 0-9 a-v, 5–1024 characters) and one search token.
    const QRegularExpression base32hex(u"^[0-9a-v]{5,1024}$"_s);
    EXPECT_EQ(remoteToken(key), u"cos"_s + key);
    EXPECT_TRUE(base32hex.match(remoteToken(remoteKeyFor(key, 2))).hasMatch());
    EXPECT_EQ(remoteToken(remoteKeyFor(key, 2)), u"cos"_s + key + u"v2"_s);
    EXPECT_NE(remoteToken(remoteKeyFor(key, 2)), remoteToken(remoteKeyFor(key, 3)));
}

TEST(ExecutionPayload, MovesGetTheirDefaultAction)
{
    Move reply;
    reply.actionType = u"email_follow_up"_s;
    reply.title = u"Reply to Ann"_s;
    reply.contactEmail = u"ann@acme.com"_s;
    reply.contactName = u"Ann Lee"_s;
    reply.actionContext = { { u"thread_id"_s, u"t9"_s }, { u"subject"_s, u"Pricing"_s } };
    ActionDraft d = defaultActionFor(reply);
    EXPECT_EQ(d.kind, ActionKind::SendEmail);
    EXPECT_EQ(d.payload.value("thread_id"_L1).toString(), u"t9"_s);
    EXPECT_EQ(d.payload.value("subject"_L1).toString(), u"Re: Pricing"_s);
    EXPECT_TRUE(d.payload.value("text"_L1).toString().startsWith(u"Hi Ann,"_s));
    EXPECT_TRUE(normalizePayload(d.kind, d.payload).ok());

    Move meeting = reply;
    meeting.actionType = u"schedule_meeting"_s;
    d = defaultActionFor(meeting);
    EXPECT_EQ(d.kind, ActionKind::BookMeeting);
    EXPECT_TRUE(normalizePayload(d.kind, d.payload).ok());

    Move prep = reply;
    prep.actionType = u"meeting_prep"_s;
    prep.dealId = u"42"_s;
    d = defaultActionFor(prep);
    EXPECT_EQ(d.kind, ActionKind::CreateTask);
    EXPECT_EQ(d.payload.value("deal_id"_L1).toString(), u"42"_s);
    EXPECT_TRUE(normalizePayload(d.kind, d.payload).ok());

    Move named = reply;
    named.actionType = u"post_x"_s;
    named.actionContext = { { u"text"_s, u"We shipped"_s } };
    d = defaultActionFor(named);
    EXPECT_EQ(d.kind, ActionKind::PostX);
    EXPECT_EQ(d.payload.value("text"_L1).toString(), u"We shipped"_s);
}

#include "check_test_support.h"

#include "moves/MoveService.h"
#include "notifications/NotificationService.h"
#include "signals/IngestPipeline.h"
#include "signals/SignalParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <variant>

using namespace Qt::StringLiterals;

namespace caseyos::test {

void WorkspaceFixture::SetUp()
{
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
}

QString WorkspaceFixture::at(qint64 seconds) const
{
    return clock.now().addSecs(seconds).toString(Qt::ISODateWithMs);
}

qint64 WorkspaceFixture::ingest(const QByteArray& json)
{
    const QJsonObject record = QJsonDocument::fromJson(json).object();
    EXPECT_FALSE(record.isEmpty()) << "bad test JSON: " << json.constData();
    auto parsed = signalFromJson(record, clock.now());
    if (!std::holds_alternative<Signal>(parsed)) {
        ADD_FAILURE() << std::get<QString>(parsed).toStdString();
        return 0;
    }
    IngestPipeline pipeline(db, clock);
    EXPECT_TRUE(pipeline.add(std::get<Signal>(parsed)));
    EXPECT_TRUE(pipeline.flush());
    return pipeline.createdMoveIds().isEmpty() ? 0 : pipeline.createdMoveIds().first();
}

qint64 WorkspaceFixture::lead(const QString& email, qint64 occurredSeconds)
{
    return ingest(u"{\"source\":\"form\",\"event_type\":\"form_submitted\",\"source_id\":\"lead-%1\","
                  "\"occurred_at\":\"%2\",\"payload\":{\"email\":\"%1\",\"name\":\"Lead %1\","
                  "\"form_name\":\"Demo request\"}}"_s.arg(email, at(occurredSeconds))
                      .toUtf8());
}

qint64 WorkspaceFixture::reply(const QString& from, qint64 occurredSeconds)
{
    return ingest(
        u"{\"source\":\"gmail\",\"event_type\":\"reply_received\",\"source_id\":\"msg-%1-%3\","
        "\"occurred_at\":\"%2\",\"payload\":{\"thread_id\":\"t-%1\",\"from_email\":\"%1\","
        "\"subject\":\"Re: pricing\",\"snippet\":\"Can we talk pricing?\"}}"_s.arg(from, at(occurredSeconds))
            .arg(++m_sequence)
            .toUtf8());
}

qint64 WorkspaceFixture::dealChange(const QString& dealId, const QString& stage, qint64 occurredSeconds)
{
    return ingest(u"{\"source\":\"hubspot\",\"event_type\":\"deal_stage_changed\",\"source_id\":\"d-%1-%2\","
                  "\"occurred_at\":\"%3\",\"payload\":{\"deal_id\":\"%1\",\"deal_name\":\"Deal %1\","
                  "\"stage\":\"%2\",\"amount\":12000}}"_s.arg(dealId, stage, at(occurredSeconds))
                      .toUtf8());
}

qint64 WorkspaceFixture::meeting(const QString& eventId, qint64 startsInSeconds, const QString& title)
{
    return ingest(u"{\"source\":\"calendar\",\"event_type\":\"meeting_scheduled\",\"source_id\":\"%1-%4\","
                  "\"occurred_at\":\"%2\",\"payload\":{\"event_id\":\"%1\",\"title\":\"%5\",\"start\":\"%3\","
                  "\"end\":\"%6\",\"attendee_email\":\"dana@acme.com\",\"contact_name\":\"Dana Lee\"}}"_s
                      .arg(eventId, at(0), at(startsInSeconds))
                      .arg(++m_sequence)
                      .arg(title, at(startsInSeconds + 1800))
                      .toUtf8());
}

qint64 WorkspaceFixture::cancelMeeting(const QString& eventId)
{
    return ingest(u"{\"source\":\"calendar\",\"event_type\":\"meeting_cancelled\",\"source_id\":\"%1-c%3\","
                  "\"occurred_at\":\"%2\",\"payload\":{\"event_id\":\"%1\"}}"_s.arg(eventId, at(0))
                      .arg(++m_sequence)
                      .toUtf8());
}

qint64 WorkspaceFixture::move(const QString& title, qint64 dueInSeconds)
{
    Move draft;
    draft.title = title;
    draft.actionType = u"create_task"_s;
    if (dueInSeconds != 0)
        draft.dueBy = clock.now().addSecs(dueInSeconds);
    const Result<Move> made = MoveService(db, clock).create(draft, {});
    EXPECT_TRUE(made.ok()) << made.error().toStdString();
    return made.ok() ? made.value().id : 0;
}

bool WorkspaceFixture::completeMove(qint64 id)
{
    const Result<MoveChange> done = MoveService(db, clock).apply(id, MoveAction::Complete);
    EXPECT_TRUE(done.ok()) << done.error().toStdString();
    return done.ok();
}

QList<Notification> WorkspaceFixture::pass()
{
    const CheckPassResult result = BackgroundChecks(db, clock).runPass();
    EXPECT_TRUE(result.errors.isEmpty()) << result.errors.join(u"; "_s).toStdString();
    return result.created;
}

QList<Notification> WorkspaceFixture::ofKind(const QList<Notification>& list, const QString& kind)
{
    QList<Notification> found;
    for (const Notification& n : list)
        if (n.kind == kind)
            found.append(n);
    return found;
}

QList<Notification> WorkspaceFixture::unread()
{
    const auto list = NotificationService(db, clock).unread();
    EXPECT_TRUE(list.ok()) << list.error().toStdString();
    return list.ok() ? list.value() : QList<Notification>();
}

} // namespace caseyos::test

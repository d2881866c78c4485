// create_task, update_task, update_deal and log_note through the executor against FakeHubspot over HTTP,
// checking the server's records: created with their associations and gone after undo, updated and back to the
// old values after undo; a refusal is a clear, retryable failure; after a crash what landed is found (no
// duplicate) and what did not is run once.
#include "CrmExecutionFixture.h"

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

using ExecutionHubspot = CrmExecution;

QJsonObject taskPayload()
{
    return { { u"subject"_s, u"Send the renewal quote"_s },
        { u"body"_s, u"Ann asked for the 3-year option"_s }, { u"due_at"_s, u"2026-11-03T14:00:00Z"_s },
        { u"priority"_s, u"HIGH"_s }, { u"contact_email"_s, u"Ann@Acme.com"_s }, { u"deal_id"_s, u"701"_s } };
}

QString prop(const std::optional<QJsonObject>& properties, const QString& name)
{
    return properties ? properties->value(name).toString() : u"<no record>"_s;
}

} // namespace

TEST_F(ExecutionHubspot, CreateTaskLandsWithItsAssociationsAndUndoDeletesIt)
{
    const SubmitResult r = submit(ActionKind::CreateTask, taskPayload());
    ASSERT_EQ(r.status, SubmitResult::Status::Started) << r.message.toStdString();
    // The preview shows the body as it is sent, ref word included, and the contact look-up.
    const QString token = remoteToken(r.record->remoteKey);
    EXPECT_EQ(r.preview.outgoing.value("request"_L1).toString(), u"POST crm/v3/objects/tasks"_s);
    EXPECT_TRUE(r.preview.outgoing.value("contact_lookup"_L1).toString().contains(u"ann@acme.com"_s));
    const QJsonObject sentProperties
        = r.preview.outgoing.value("body"_L1).toObject().value("properties"_L1).toObject();
    EXPECT_TRUE(
        sentProperties.value("hs_task_body"_L1).toString().endsWith(u"(CaseyOS ref "_s + token + u')'));

    const ExecutionRecord done = finished(r.record->id);
    ASSERT_EQ(done.state, ExecutionState::Succeeded) << done.error.toStdString();
    ASSERT_EQ(hubspot.objectCount(u"tasks"_s), 1);
    const QString id = done.remoteRef;
    const auto task = hubspot.properties(u"tasks"_s, id);
    EXPECT_EQ(prop(task, u"hs_task_subject"_s), u"Send the renewal quote"_s);
    EXPECT_EQ(
        prop(task, u"hs_task_body"_s), u"Ann asked for the 3-year option\n\n(CaseyOS ref "_s + token + u')');
    EXPECT_EQ(prop(task, u"hs_timestamp"_s),
        QString::number(QDateTime(QDate(2026, 11, 3), QTime(14, 0), QTimeZone::utc()).toMSecsSinceEpoch()));
    EXPECT_EQ(prop(task, u"hs_task_priority"_s), u"HIGH"_s);
    EXPECT_EQ(prop(task, u"hs_task_status"_s), u"NOT_STARTED"_s);
    EXPECT_EQ(hubspot.associations(u"tasks"_s, id),
        (QList<QPair<QString, int>> { { u"501"_s, 204 }, { u"701"_s, 216 } }));
    EXPECT_EQ(done.undoInfo.value("task_id"_L1).toString(), id);

    restart(); // undo works from the database alone
    const Result<ExecutionRecord> undone = undo(r.record->id);
    ASSERT_TRUE(undone.ok()) << undone.error().toStdString();
    EXPECT_TRUE(hubspot.isArchived(u"tasks"_s, id));
    EXPECT_EQ(hubspot.objectCount(u"tasks"_s), 0);
    EXPECT_EQ(record(r.record->id).state, ExecutionState::Undone);
}

TEST_F(ExecutionHubspot, TaskWithoutDueDateIsDueTomorrowMorningInTheUsersZone)
{
    const SubmitResult r
        = submit(ActionKind::CreateTask, { { u"subject"_s, u"Call Ann"_s }, { u"deal_id"_s, u"701"_s } });
    ASSERT_EQ(finished(r.record->id).state, ExecutionState::Succeeded)
        << record(r.record->id).error.toStdString();
    const auto task = hubspot.properties(u"tasks"_s, record(r.record->id).remoteRef);
    // The clock says Friday 30 Oct 12:10 in New York: Saturday 09:00 EDT = 13:00 UTC.
    EXPECT_EQ(prop(task, u"hs_timestamp"_s), QString::number(newYork(2026, 10, 31, 9).toMSecsSinceEpoch()));
    EXPECT_EQ(hubspot.associations(u"tasks"_s, record(r.record->id).remoteRef),
        (QList<QPair<QString, int>> { { u"701"_s, 216 } }));
}

TEST_F(ExecutionHubspot, LogNoteLandsOnContactAndDealAndUndoDeletesIt)
{
    const SubmitResult r = submit(ActionKind::LogNote,
        { { u"body"_s, u"Budget approved by the CFO"_s }, { u"contact_email"_s, u"ann@acme.com"_s },
            { u"deal_id"_s, u"701"_s } });
    ASSERT_EQ(r.status, SubmitResult::Status::Started) << r.message.toStdString();
    const ExecutionRecord done = finished(r.record->id);
    ASSERT_EQ(done.state, ExecutionState::Succeeded) << done.error.toStdString();
    const auto note = hubspot.properties(u"notes"_s, done.remoteRef);
    EXPECT_TRUE(
        prop(note, u"hs_note_body"_s).startsWith(u"Budget approved by the CFO\n\n(CaseyOS ref cos"_s));
    EXPECT_EQ(prop(note, u"hs_timestamp"_s), QString::number(clock.now().toMSecsSinceEpoch()));
    EXPECT_EQ(hubspot.associations(u"notes"_s, done.remoteRef),
        (QList<QPair<QString, int>> { { u"501"_s, 202 }, { u"701"_s, 214 } }));

    ASSERT_TRUE(undo(r.record->id).ok());
    EXPECT_TRUE(hubspot.isArchived(u"notes"_s, done.remoteRef));
    EXPECT_EQ(hubspot.objectCount(u"notes"_s), 0);
}

TEST_F(ExecutionHubspot, UpdateTaskKeepsTheOldValuesAndUndoWritesThemBack)
{
    hubspot.setProperty(u"tasks"_s, u"9100"_s, u"hs_task_subject"_s, u"Call Ann"_s);
    hubspot.setProperty(u"tasks"_s, u"9100"_s, u"hs_task_status"_s, u"NOT_STARTED"_s);
    hubspot.setProperty(u"tasks"_s, u"9100"_s, u"hs_task_priority"_s, u"LOW"_s);
    hubspot.setProperty(u"tasks"_s, u"9100"_s, u"hs_timestamp"_s, u"2026-11-02T14:00:00.000Z"_s);
    // A move's update_task carries its contact and deal as context; they are not sent.
    const SubmitResult r = submit(ActionKind::UpdateTask,
        { { u"task_id"_s, u"9100"_s }, { u"status"_s, u"COMPLETED"_s }, { u"priority"_s, u"HIGH"_s },
            { u"body"_s, u"Done: she agreed"_s }, { u"due_at"_s, u"2026-11-04T15:00:00Z"_s },
            { u"contact_email"_s, u"ann@acme.com"_s } });
    ASSERT_EQ(r.status, SubmitResult::Status::Started) << r.message.toStdString();
    EXPECT_EQ(r.preview.outgoing.value("request"_L1).toString(), u"PATCH crm/v3/objects/tasks/9100"_s);
    const ExecutionRecord done = finished(r.record->id);
    ASSERT_EQ(done.state, ExecutionState::Succeeded) << done.error.toStdString();

    auto task = hubspot.properties(u"tasks"_s, u"9100"_s);
    EXPECT_EQ(prop(task, u"hs_task_status"_s), u"COMPLETED"_s);
    EXPECT_EQ(prop(task, u"hs_task_priority"_s), u"HIGH"_s);
    EXPECT_EQ(prop(task, u"hs_task_body"_s), u"Done: she agreed"_s);
    EXPECT_EQ(prop(task, u"hs_task_subject"_s), u"Call Ann"_s); // not in the payload: untouched
    const QJsonObject previous = done.undoInfo.value("previous"_L1).toObject();
    EXPECT_EQ(previous.value("hs_task_status"_L1).toString(), u"NOT_STARTED"_s);
    EXPECT_EQ(previous.value("hs_task_body"_L1).toString(), QString()); // it had none
    EXPECT_FALSE(previous.contains("hs_task_subject"_L1));

    const Result<ExecutionRecord> undone = undo(r.record->id);
    ASSERT_TRUE(undone.ok()) << undone.error().toStdString();
    task = hubspot.properties(u"tasks"_s, u"9100"_s);
    EXPECT_EQ(prop(task, u"hs_task_status"_s), u"NOT_STARTED"_s);
    EXPECT_EQ(prop(task, u"hs_task_priority"_s), u"LOW"_s);
    EXPECT_EQ(prop(task, u"hs_timestamp"_s), u"2026-11-02T14:00:00.000Z"_s);
    EXPECT_FALSE(task->contains(u"hs_task_body"_s)); // cleared again
    EXPECT_EQ(prop(task, u"hs_task_subject"_s), u"Call Ann"_s);
}

TEST_F(ExecutionHubspot, UpdateDealAndUndoPutsItBackAtItsOldStage)
{
    const SubmitResult r = submit(ActionKind::UpdateDeal,
        { { u"deal_id"_s, u"701"_s }, { u"stage"_s, u"contractsent"_s }, { u"amount"_s, 15000.5 },
            { u"close_date"_s, u"2026-12-31"_s } });
    ASSERT_EQ(r.status, SubmitResult::Status::Started) << r.message.toStdString();
    const ExecutionRecord done = finished(r.record->id);
    ASSERT_EQ(done.state, ExecutionState::Succeeded) << done.error.toStdString();
    auto deal = hubspot.properties(u"deals"_s, u"701"_s);
    EXPECT_EQ(prop(deal, u"dealstage"_s), u"contractsent"_s);
    EXPECT_EQ(prop(deal, u"amount"_s), u"15000.5"_s);
    EXPECT_EQ(prop(deal, u"closedate"_s), u"2026-12-31T00:00:00Z"_s);
    EXPECT_EQ(done.remoteRef, u"701"_s);

    restart();
    const Result<ExecutionRecord> undone = undo(r.record->id);
    ASSERT_TRUE(undone.ok()) << undone.error().toStdString();
    deal = hubspot.properties(u"deals"_s, u"701"_s);
    EXPECT_EQ(prop(deal, u"dealstage"_s), u"qualifiedtobuy"_s);
    EXPECT_EQ(prop(deal, u"amount"_s), u"10000.00"_s);
    EXPECT_EQ(prop(deal, u"closedate"_s), u"2026-11-30T00:00:00Z"_s);
    EXPECT_EQ(prop(deal, u"dealname"_s), u"Acme renewal"_s);
    EXPECT_EQ(record(r.record->id).state, ExecutionState::Undone);
}

TEST_F(ExecutionHubspot, RefusalsAreClearFailuresAndARetryCreatesOnce)
{
    // A stage the pipeline does not have: HubSpot's 400, said in one sentence, the deal untouched.
    const SubmitResult bad
        = submit(ActionKind::UpdateDeal, { { u"deal_id"_s, u"701"_s }, { u"stage"_s, u"wonish"_s } });
    const ExecutionRecord failed = finished(bad.record->id);
    ASSERT_EQ(failed.state, ExecutionState::Failed);
    EXPECT_TRUE(failed.error.startsWith(u"Could not update HubSpot deal 701: "_s))
        << failed.error.toStdString();
    EXPECT_TRUE(failed.error.contains(u"not one of the allowed options"_s)) << failed.error.toStdString();
    EXPECT_EQ(prop(hubspot.properties(u"deals"_s, u"701"_s), u"dealstage"_s), u"qualifiedtobuy"_s);

    // An unknown contact: nothing is created.
    QJsonObject stranger = taskPayload();
    stranger.insert(u"contact_email"_s, u"nobody@acme.com"_s);
    const ExecutionRecord noContact = finished(submit(ActionKind::CreateTask, stranger).record->id);
    EXPECT_EQ(noContact.error,
        u"No HubSpot contact has the address nobody@acme.com, so the task was not created"_s);

    // HubSpot failing (503) on the create: one request (a create is never retried on its own), failed.
    hubspot.addFault({ FakeFault::Kind::Status, 503, {}, u"/crm/v3/objects/tasks"_s });
    const SubmitResult first = submit(ActionKind::CreateTask, taskPayload());
    const ExecutionRecord down = finished(first.record->id);
    ASSERT_EQ(down.state, ExecutionState::Failed);
    EXPECT_TRUE(down.error.startsWith(u"Could not create the HubSpot task: "_s)) << down.error.toStdString();
    EXPECT_TRUE(down.error.contains(u"HTTP 503"_s)) << down.error.toStdString();
    for (const QString& e : { failed.error, noContact.error, down.error }) {
        EXPECT_FALSE(e.contains(u"crm-test-token"_s));
        EXPECT_FALSE(e.contains(u"http://"_s));
    }
    EXPECT_EQ(hubspot.requestCount(u"/crm/v3/objects/tasks"_s), 1);
    EXPECT_EQ(hubspot.objectCount(u"tasks"_s), 0);

    // Retried: the executor asks HubSpot first (search by the ref word), then creates it once.
    const SubmitResult again = submit(ActionKind::CreateTask, taskPayload());
    ASSERT_EQ(again.record->id, first.record->id);
    const ExecutionRecord retried = finished(first.record->id);
    ASSERT_EQ(retried.state, ExecutionState::Succeeded) << retried.error.toStdString();
    EXPECT_EQ(retried.attempts, 2);
    EXPECT_EQ(hubspot.requestCount(u"/crm/v3/objects/tasks/search"_s), 1);
    EXPECT_EQ(hubspot.objectCount(u"tasks"_s), 1);
}

TEST_F(ExecutionHubspot, ReconcileFindsWhatLandedAndRunsWhatDidNotOnce)
{
    // Task: the call landed before the crash (created on HubSpot, never stored) → found, not created again.
    const ExecutionRecord landed = orphan(ActionKind::CreateTask, taskPayload());
    const PerformResult made = performDirectly(ActionKind::CreateTask, landed.payload, landed.remoteKey);
    ASSERT_TRUE(made.ok) << made.error.toStdString();
    // Note: the crash came before the call → run once now.
    const ExecutionRecord lost
        = orphan(ActionKind::LogNote, { { u"body"_s, u"Lost in the crash"_s }, { u"deal_id"_s, u"701"_s } });
    // Deal: the PATCH landed → found; the values before it are lost, so undo explains instead of guessing.
    const QJsonObject dealChange { { u"deal_id"_s, u"701"_s }, { u"stage"_s, u"closedwon"_s } };
    const ExecutionRecord dealRow = orphan(ActionKind::UpdateDeal, dealChange);
    ASSERT_TRUE(performDirectly(ActionKind::UpdateDeal, dealRow.payload, dealRow.remoteKey).ok);
    // Task update that never left → run once, with the old values read then.
    const ExecutionRecord taskRow = orphan(
        ActionKind::UpdateTask, { { u"task_id"_s, made.remoteRef }, { u"status"_s, u"COMPLETED"_s } });
    ASSERT_EQ(hubspot.objectCount(u"tasks"_s), 1);

    restartAndReconcile();

    const ExecutionRecord task = record(landed.id);
    EXPECT_EQ(task.state, ExecutionState::Succeeded) << task.error.toStdString();
    EXPECT_EQ(task.remoteRef, made.remoteRef);
    EXPECT_EQ(task.attempts, 1); // found, not run again
    EXPECT_EQ(hubspot.objectCount(u"tasks"_s), 1);

    const ExecutionRecord note = record(lost.id);
    EXPECT_EQ(note.state, ExecutionState::Succeeded) << note.error.toStdString();
    EXPECT_EQ(note.attempts, 2);
    EXPECT_EQ(hubspot.objectCount(u"notes"_s), 1);

    const ExecutionRecord deal = record(dealRow.id);
    EXPECT_EQ(deal.state, ExecutionState::Succeeded);
    EXPECT_TRUE(deal.undoInfo.value("previous_unknown"_L1).toBool());
    EXPECT_EQ(prop(hubspot.properties(u"deals"_s, u"701"_s), u"dealstage"_s), u"closedwon"_s);
    const Result<ExecutionRecord> refused = undo(dealRow.id);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().contains(u"were not recorded"_s)) << refused.error().toStdString();

    const ExecutionRecord updated = record(taskRow.id);
    EXPECT_EQ(updated.state, ExecutionState::Succeeded) << updated.error.toStdString();
    EXPECT_EQ(updated.undoInfo.value("previous"_L1).toObject().value("hs_task_status"_L1).toString(),
        u"NOT_STARTED"_s);
    EXPECT_EQ(prop(hubspot.properties(u"tasks"_s, made.remoteRef), u"hs_task_status"_s), u"COMPLETED"_s);

    // Another start finds nothing left to do and creates nothing.
    restartAndReconcile();
    EXPECT_EQ(hubspot.objectCount(u"tasks"_s), 1);
    EXPECT_EQ(hubspot.objectCount(u"notes"_s), 1);
}

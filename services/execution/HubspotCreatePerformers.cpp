// create_task and log_note: HubSpot records created with their associations, found again by their ref word.
#include "connectors/clients/HubspotCrmClient.h"
#include "core/Clock.h"
#include "execution/ActionPayloads.h"
#include "execution/HubspotPerformerParts.h"
#include "execution/IdempotencyKey.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString withRef(const QString& text, const QString& remoteKey)
{
    const QString ref = u"(CaseyOS ref %1)"_s.arg(remoteToken(remoteKey));
    return text.isEmpty() ? ref : text + u"\n\n"_s + ref;
}

// What create_task and log_note share: the contact lookup, the create, the search by ref word, the archive.
class CreatePerformer : public HubspotPerformer
{
public:
    using HubspotPerformer::HubspotPerformer;
    QString pastTense() const override { return u"created"_s; }
    bool canUndo() const override { return true; }

    void perform(
        const QJsonObject& payload, const QString& remoteKey, QObject* context, PerformDone done) override
    {
        const QString email = contactEmail(payload);
        if (email.isEmpty()) {
            create(payload, remoteKey, {}, context, std::move(done));
            return;
        }
        m_client->findContactByEmail(email, context,
            [this, payload, remoteKey, email, context, done](const ClientResult<QString>& found) {
                if (!found.ok())
                    done(hubspotFailure(
                        u"Could not look up the HubSpot contact for the %1"_s.arg(noun()), found.error));
                else if (found.value.isEmpty())
                    done({ false, {}, {},
                        u"No HubSpot contact has the address %1, so the %2 was not created"_s.arg(
                            email, noun()) });
                else
                    create(payload, remoteKey, found.value, context, done);
            });
    }

    QJsonObject describe(const QJsonObject& payload, const QString& remoteKey) const override
    {
        const QString email = contactEmail(payload);
        QJsonObject out { { u"request"_s, QString(u"POST crm/v3/objects/"_s + type()) },
            { u"body"_s,
                body(payload, remoteKey, email.isEmpty() ? QString() : u"<id of %1>"_s.arg(email)) } };
        if (!email.isEmpty())
            out.insert(
                u"contact_lookup"_s, u"POST crm/v3/objects/contacts/search (email EQ %1)"_s.arg(email));
        return out;
    }

    void find(const QString& remoteKey, const QJsonObject&, QObject* context, FindDone done) override
    {
        m_client->findIdByToken(type(), textProperty(), remoteToken(remoteKey), context,
            [done, key = idKey()](const ClientResult<QString>& found) {
                FindResult out;
                if (!found.ok()) {
                    out.status = FindResult::Status::Error;
                    out.error = found.error.message;
                } else if (found.value.isEmpty()) {
                    out.status = FindResult::Status::NotFound;
                } else {
                    out.status = FindResult::Status::Found;
                    out.remoteRef = found.value;
                    out.undoInfo = { { key, found.value } };
                }
                done(out);
            });
    }

    void undo(const ExecutionRecord& record, QObject* context, UndoDone done) override
    {
        const QString id = record.undoInfo.value(idKey()).toString(record.remoteRef);
        auto archived = [done](const ClientResult<bool>& result) {
            // Already deleted by hand in HubSpot: nothing is left, which is what undo wants.
            if (result.ok() || result.error.status == 404)
                done({ true, {} });
            else
                done({ false, result.error.message });
        };
        if (type() == u"tasks"_s)
            m_client->archiveTask(id, context, archived);
        else
            m_client->archiveNote(id, context, archived);
    }

protected:
    virtual QString noun() const = 0; // "task", "note"
    virtual QString type() const = 0; // "tasks", "notes"
    virtual QString textProperty() const = 0; // where the ref word goes
    virtual QString contactEmail(const QJsonObject& payload) const = 0;
    // The POST body with `contactId` as the contact to associate (empty: none).
    virtual QJsonObject body(
        const QJsonObject& payload, const QString& remoteKey, const QString& contactId) const = 0;
    virtual void send(const QJsonObject& payload, const QString& remoteKey, const QString& contactId,
        QObject* context, HubspotCrmClient::ObjectDone done)
        = 0;
    QString idKey() const { return noun() + u"_id"_s; } // task_id, note_id in undo_info

private:
    void create(const QJsonObject& payload, const QString& remoteKey, const QString& contactId,
        QObject* context, PerformDone done)
    {
        send(payload, remoteKey, contactId, context,
            [done, key = idKey(), noun = noun()](const ClientResult<HubspotObject>& created) {
                if (!created.ok()) {
                    done(hubspotFailure(u"Could not create the HubSpot %1"_s.arg(noun), created.error));
                    return;
                }
                done({ true, created.value.id, { { key, created.value.id } }, {} });
            });
    }
};

class CreateTaskPerformer final : public CreatePerformer
{
public:
    using CreatePerformer::CreatePerformer;
    ActionKind kind() const override { return ActionKind::CreateTask; }

protected:
    QString noun() const override { return u"task"_s; }
    QString type() const override { return u"tasks"_s; }
    QString textProperty() const override { return u"hs_task_body"_s; }
    QString contactEmail(const QJsonObject& payload) const override
    {
        return payload.value("contact_email"_L1).toString();
    }
    QJsonObject body(
        const QJsonObject& payload, const QString& remoteKey, const QString& contactId) const override
    {
        return hubspotTaskBody(input(payload, remoteKey, contactId));
    }
    void send(const QJsonObject& payload, const QString& remoteKey, const QString& contactId,
        QObject* context, HubspotCrmClient::ObjectDone done) override
    {
        m_client->createTask(input(payload, remoteKey, contactId), context, std::move(done));
    }

private:
    HubspotTaskInput input(
        const QJsonObject& payload, const QString& remoteKey, const QString& contactId) const
    {
        const Result<TaskPayload> parsed = TaskPayload::fromJson(payload, ActionKind::CreateTask);
        const TaskPayload p = parsed ? parsed.value() : TaskPayload {}; // validated before
        HubspotTaskInput task;
        task.subject = p.subject;
        task.body = withRef(p.body, remoteKey);
        // HubSpot requires a due date; without one the task is for tomorrow morning in the user's zone.
        const QTimeZone zone = m_clock.localZone();
        task.due = p.dueAt.value_or(
            QDateTime(m_clock.now().toTimeZone(zone).date().addDays(1), QTime(9, 0), zone));
        if (!p.status.isEmpty())
            task.status = p.status;
        task.priority = p.priority;
        task.contactId = contactId;
        task.dealId = p.dealId;
        return task;
    }
};

class LogNotePerformer final : public CreatePerformer
{
public:
    using CreatePerformer::CreatePerformer;
    ActionKind kind() const override { return ActionKind::LogNote; }

protected:
    QString noun() const override { return u"note"_s; }
    QString type() const override { return u"notes"_s; }
    QString textProperty() const override { return u"hs_note_body"_s; }
    QString contactEmail(const QJsonObject& payload) const override
    {
        return payload.value("contact_email"_L1).toString();
    }
    QJsonObject body(
        const QJsonObject& payload, const QString& remoteKey, const QString& contactId) const override
    {
        return hubspotNoteBody(input(payload, remoteKey, contactId));
    }
    void send(const QJsonObject& payload, const QString& remoteKey, const QString& contactId,
        QObject* context, HubspotCrmClient::ObjectDone done) override
    {
        m_client->createNote(input(payload, remoteKey, contactId), context, std::move(done));
    }

private:
    HubspotNoteInput input(
        const QJsonObject& payload, const QString& remoteKey, const QString& contactId) const
    {
        const Result<NotePayload> parsed = NotePayload::fromJson(payload);
        const NotePayload p = parsed ? parsed.value() : NotePayload {}; // validated before
        // The timeline shows the note when it was logged.
        return { withRef(p.body, remoteKey), m_clock.now(), contactId, p.dealId };
    }
};

} // namespace

void addHubspotCreatePerformers(
    PerformerRegistry& registry, const std::shared_ptr<HubspotCrmClient>& client, const Clock& clock)
{
    registry.add(std::make_unique<CreateTaskPerformer>(client, clock));
    registry.add(std::make_unique<LogNotePerformer>(client, clock));
}

} // namespace caseyos

// update_task and update_deal: read the fields about to change, PATCH them, and write the old values back on
// undo.
#include "connectors/HubspotCursor.h"
#include "connectors/clients/HubspotCrmClient.h"
#include "execution/ActionPayloads.h"
#include "execution/HubspotPerformerParts.h"

#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

using PropertiesDone = std::function<void(const ClientResult<QJsonObject>&)>;

// HubSpot answers with strings (or null); a property it does not have is an empty value.
QJsonObject previousValues(const QJsonObject& current, const QJsonObject& changes)
{
    QJsonObject previous;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        previous.insert(it.key(), current.value(it.key()).toString());
    return previous;
}

// Whether `current` already holds every value of `changes`, compared as HubSpot stores them: dates as
// instants (sent as epoch ms or ISO, read back as ISO), amounts as numbers ("15000.5" == "15000.50").
bool holds(const QJsonObject& current, const QJsonObject& changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString want = it.value().toString();
        const QString have = current.value(it.key()).toString();
        if (it.key() == u"hs_timestamp"_s || it.key() == u"closedate"_s) {
            if (hubspotTimeMs(want) != hubspotTimeMs(have))
                return false;
        } else if (it.key() == u"amount"_s) {
            if (want.toDouble() != have.toDouble() || want.isEmpty() != have.isEmpty())
                return false;
        } else if (want != have) {
            return false;
        }
    }
    return true;
}

// A decimal as HubSpot's amount text: at most two decimals, no trailing zeros ("15000.5", "20000").
QString decimalText(double value)
{
    QString text = QString::number(std::round(value * 100) / 100, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

// What update_task and update_deal share. undo_info: {"object_id", "changed": sent properties,
// "previous": the values read before} — or "previous_unknown": true when reconcile found the change already
// made.
class UpdatePerformer : public HubspotPerformer
{
public:
    using HubspotPerformer::HubspotPerformer;
    QString pastTense() const override { return u"updated"_s; }
    bool canUndo() const override { return true; }

    void perform(const QJsonObject& payload, const QString&, QObject* context, PerformDone done) override
    {
        const QString id = objectId(payload);
        const QJsonObject changes = changesFor(payload);
        read(id, context, [this, id, changes, context, done](const ClientResult<QJsonObject>& current) {
            if (!current.ok()) {
                done(hubspotFailure(
                    u"Could not read HubSpot %1 %2 before changing it"_s.arg(noun(), id), current.error));
                return;
            }
            const QJsonObject previous = previousValues(current.value, changes);
            write(id, changes, context,
                [this, id, changes, previous, done](const ClientResult<QJsonObject>& written) {
                    if (!written.ok()) {
                        done(hubspotFailure(
                            u"Could not update HubSpot %1 %2"_s.arg(noun(), id), written.error));
                        return;
                    }
                    done({ true, id,
                        { { u"object_id"_s, id }, { u"changed"_s, changes }, { u"previous"_s, previous } },
                        {} });
                });
        });
    }

    QJsonObject describe(const QJsonObject& payload, const QString&) const override
    {
        const QString path = u"crm/v3/objects/%1s/%2"_s.arg(noun(), objectId(payload));
        return { { u"request"_s, QString(u"PATCH "_s + path) },
            { u"body"_s, QJsonObject { { u"properties"_s, changesFor(payload) } } },
            { u"read_first"_s, u"GET %1 (the current values, kept for undo)"_s.arg(path) } };
    }

    void find(const QString&, const QJsonObject& payload, QObject* context, FindDone done) override
    {
        const QString id = objectId(payload);
        const QJsonObject changes = changesFor(payload);
        read(id, context, [id, changes, done](const ClientResult<QJsonObject>& current) {
            FindResult out;
            if (!current.ok()) {
                out.status = FindResult::Status::Error;
                out.error = current.error.message;
            } else if (holds(current.value, changes)) {
                // Done, but the values before were read by the run that was interrupted and are lost.
                out.status = FindResult::Status::Found;
                out.remoteRef = id;
                out.undoInfo
                    = { { u"object_id"_s, id }, { u"changed"_s, changes }, { u"previous_unknown"_s, true } };
            } else {
                out.status = FindResult::Status::NotFound; // running it again reads the values afresh
            }
            done(out);
        });
    }

    void undo(const ExecutionRecord& record, QObject* context, UndoDone done) override
    {
        const QString id = record.undoInfo.value("object_id"_L1).toString(record.remoteRef);
        const QJsonObject previous = record.undoInfo.value("previous"_L1).toObject();
        if (!record.undoInfo.value("previous"_L1).isObject() || previous.isEmpty()) {
            done({ false,
                u"the %1's values before the change were not recorded (the run was interrupted), so they "
                u"cannot "
                "be restored: change them back in HubSpot"_s.arg(noun()) });
            return;
        }
        write(id, previous, context, [done](const ClientResult<QJsonObject>& written) {
            done({ written.ok(), written.error.message });
        });
    }

protected:
    virtual QString noun() const = 0; // "task", "deal"
    virtual QString objectId(const QJsonObject& payload) const = 0;
    // The HubSpot properties the payload changes, as they are sent.
    virtual QJsonObject changesFor(const QJsonObject& payload) const = 0;
    virtual void read(const QString& id, QObject* context, PropertiesDone done) = 0;
    virtual void write(
        const QString& id, const QJsonObject& properties, QObject* context, PropertiesDone done)
        = 0;
};

class UpdateTaskPerformer final : public UpdatePerformer
{
public:
    using UpdatePerformer::UpdatePerformer;
    ActionKind kind() const override { return ActionKind::UpdateTask; }

protected:
    QString noun() const override { return u"task"_s; }
    QString objectId(const QJsonObject& payload) const override
    {
        return payload.value("task_id"_L1).toString();
    }
    QJsonObject changesFor(const QJsonObject& payload) const override
    {
        const Result<TaskPayload> parsed = TaskPayload::fromJson(payload, ActionKind::UpdateTask);
        const TaskPayload p = parsed ? parsed.value() : TaskPayload {}; // validated before
        QJsonObject changes;
        if (!p.subject.isEmpty())
            changes.insert(u"hs_task_subject"_s, p.subject);
        if (!p.body.isEmpty())
            changes.insert(u"hs_task_body"_s, p.body);
        if (p.dueAt)
            changes.insert(u"hs_timestamp"_s, QString::number(p.dueAt->toMSecsSinceEpoch()));
        if (!p.priority.isEmpty())
            changes.insert(u"hs_task_priority"_s, p.priority);
        if (!p.status.isEmpty())
            changes.insert(u"hs_task_status"_s, p.status);
        return changes;
    }
    void read(const QString& id, QObject* context, PropertiesDone done) override
    {
        m_client->getTask(id, context, [done](const ClientResult<HubspotObject>& r) {
            done({ r.value.properties, r.error });
        });
    }
    void write(
        const QString& id, const QJsonObject& properties, QObject* context, PropertiesDone done) override
    {
        m_client->updateTask(id, properties, context, [done](const ClientResult<HubspotObject>& r) {
            done({ r.value.properties, r.error });
        });
    }
};

class UpdateDealPerformer final : public UpdatePerformer
{
public:
    using UpdatePerformer::UpdatePerformer;
    ActionKind kind() const override { return ActionKind::UpdateDeal; }

protected:
    QString noun() const override { return u"deal"_s; }
    QString objectId(const QJsonObject& payload) const override
    {
        return payload.value("deal_id"_L1).toString();
    }
    QJsonObject changesFor(const QJsonObject& payload) const override
    {
        const Result<DealPayload> parsed = DealPayload::fromJson(payload);
        const DealPayload p = parsed ? parsed.value() : DealPayload {}; // validated before
        QJsonObject changes;
        if (!p.stage.isEmpty())
            changes.insert(u"dealstage"_s, p.stage);
        if (p.amount)
            changes.insert(u"amount"_s, decimalText(*p.amount));
        // A close date is a day: midnight UTC, as HubSpot stores date values. toUTC() for the "Z" form (a
        // QTimeZone::utc() date-time would print "+00:00").
        if (p.closeDate)
            changes.insert(u"closedate"_s,
                QDateTime(*p.closeDate, QTime(0, 0), QTimeZone::utc()).toUTC().toString(Qt::ISODate));
        return changes;
    }
    void read(const QString& id, QObject* context, PropertiesDone done) override
    {
        m_client->getDeal(id, context, [done](const ClientResult<HubspotDealFields>& r) {
            done({ r.value.properties, r.error });
        });
    }
    void write(
        const QString& id, const QJsonObject& properties, QObject* context, PropertiesDone done) override
    {
        m_client->updateDeal(id, properties, context, [done](const ClientResult<HubspotDealFields>& r) {
            done({ r.value.properties, r.error });
        });
    }
};

} // namespace

void addHubspotUpdatePerformers(
    PerformerRegistry& registry, const std::shared_ptr<HubspotCrmClient>& client, const Clock& clock)
{
    registry.add(std::make_unique<UpdateTaskPerformer>(client, clock));
    registry.add(std::make_unique<UpdateDealPerformer>(client, clock));
}

} // namespace caseyos

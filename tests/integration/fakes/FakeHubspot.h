#pragma once

#include "FakeHttpServer.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <optional>

namespace caseyos::test {

// HubSpot CRM v3 as far as sync and the executor's client use it (shapes from hubspot-crm-*.json): POST
// /crm/v3/objects/{deals,contacts,tasks,notes} /search (one filter group: hs_lastmodifieddate GTE/GT/LTE value,
// or email EQ; sorts on it; limit ≤ 200; `after` offset; the 10 000-result window: an `after` at or past it is a
// 400), POST .../batch/read, GET /crm/v3/pipelines/deals; and the record endpoints with state tests can check
// (FakeHubspotObjects.cpp): POST /crm/v3/objects/{tasks,notes} (properties + associations to existing contacts
// and deals), GET / PATCH (a deal's dealstage must be a stage of its pipeline; "" clears a property) / DELETE
// /crm/v3/objects/{type}/{id}; the search also takes `<property> CONTAINS_TOKEN <word>` (words split at
// everything but letters and digits, any case) as the executor's reconcile sends it. By default it enforces 100
// requests / 10 s (429 over budget) like the real API, and sends the X-HubSpot-RateLimit-* headers.
// HubSpot's error body: {"status":"error","message":…,"category":…,"correlationId":…}.
FakeReply hubspotError(int status, const QString& category, const QString& message);

class FakeHubspot final : public FakeHttpServer
{
    Q_OBJECT
public:
    static constexpr int kSearchWindow = 10000;

    explicit FakeHubspot(bool enforceLimits = true, QObject* parent = nullptr);

    // Creates or updates an object; its hs_lastmodifieddate becomes `modifiedMs`.
    void putDeal(const QString& id, const QString& name, const QString& stage, double amount,
        qint64 modifiedMs, const QString& pipeline = QStringLiteral("default"));
    void putContact(const QString& id, const QString& email, qint64 modifiedMs);
    // Sets one property of a record (created when missing), e.g. a deal's closedate or an existing task.
    void setProperty(const QString& type, const QString& id, const QString& name, const QString& value);
    void setPipelines(const QJsonObject& body) { m_pipelines = body; }
    static QJsonObject defaultPipelines(); // the default sales pipeline with HubSpot's default stage ids
    int objectCount(const QString& type) const { return int(m_objects.value(type).size()); }
    QStringList ids(const QString& type) const { return m_objects.value(type).keys(); } // not archived

    // A record's properties as stored (nullopt: none, or archived), its associations ({to: id, typeId}), and
    // whether it was archived (DELETE).
    std::optional<QJsonObject> properties(const QString& type, const QString& id) const;
    QList<QPair<QString, int>> associations(const QString& type, const QString& id) const;
    bool isArchived(const QString& type, const QString& id) const { return m_archived.value(type).contains(id); }

protected:
    FakeReply handle(const FakeRequest& request) override;
    FakeHeaders extraHeaders(const FakeRequest& request) const override;

private:
    struct Object
    {
        QString id;
        QJsonObject properties;
        qint64 modifiedMs = 0;
        QList<QPair<QString, int>> associations;
    };
    FakeReply search(const QString& type, const FakeRequest& request) const;
    FakeReply batchRead(const QString& type, const FakeRequest& request) const;
    QJsonObject toJson(const Object& object, const QJsonArray& properties) const;
    FakeReply create(const QString& type, const FakeRequest& request);
    FakeReply record(const QString& type, const QString& id, const FakeRequest& request);
    QStringList stageIds(const QString& pipeline) const;

    const QList<const Object*>& sorted(const QString& type) const; // ascending (modified, id); cached

    QHash<QString, QMap<QString, Object>> m_objects; // type → id → object
    mutable QHash<QString, QList<const Object*>> m_sorted; // cleared by every put
    QHash<QString, QSet<QString>> m_archived; // type → archived ids
    qint64 m_nextId = 9000001;
    QJsonObject m_pipelines;
    bool m_enforce = true;
};

} // namespace caseyos::test

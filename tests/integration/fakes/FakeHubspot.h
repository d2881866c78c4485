#pragma once

#include "FakeHttpServer.h"

#include <QJsonObject>
#include <QMap>

namespace caseyos::test {

// HubSpot CRM v3 as far as sync uses it (shapes from hubspot-crm-*.json): POST
// /crm/v3/objects/{deals,contacts} /search (one filter group: hs_lastmodifieddate GTE/GT/LTE value; sorts on
// it; limit ≤ 200; `after` offset; the 10 000-result window: an `after` at or past it is a 400), POST
// .../batch/read, GET /crm/v3/pipelines/deals. By default it enforces 100 requests / 10 s (429 over budget)
// like the real API, and sends the X-HubSpot-RateLimit-* headers.
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
    void setPipelines(const QJsonObject& body) { m_pipelines = body; }
    static QJsonObject defaultPipelines(); // the default sales pipeline with HubSpot's default stage ids
    int objectCount(const QString& type) const { return int(m_objects.value(type).size()); }

protected:
    FakeReply handle(const FakeRequest& request) override;
    FakeHeaders extraHeaders(const FakeRequest& request) const override;

private:
    struct Object
    {
        QString id;
        QJsonObject properties;
        qint64 modifiedMs = 0;
    };
    FakeReply search(const QString& type, const FakeRequest& request) const;
    FakeReply batchRead(const QString& type, const FakeRequest& request) const;
    QJsonObject toJson(const Object& object, const QJsonArray& properties) const;

    const QList<const Object*>& sorted(const QString& type) const; // ascending (modified, id); cached

    QHash<QString, QMap<QString, Object>> m_objects; // type → id → object
    mutable QHash<QString, QList<const Object*>> m_sorted; // cleared by every put
    QJsonObject m_pipelines;
    bool m_enforce = true;
};

} // namespace caseyos::test

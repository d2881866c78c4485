#pragma once

#include "connectors/HubspotPipelines.h"
#include "connectors/SyncCommit.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// A deal as last stored in sync_hubspot_deals (ids, stage, amount: no names).
struct StoredDeal
{
    QString pipeline;
    QString stage;
    std::optional<double> amount;
};

// One deal from a search result.
struct HubspotDeal
{
    QString id;
    QString name;
    QString pipeline;
    QString stage;
    std::optional<double> amount;
    qint64 modifiedMs = 0;
};

std::optional<HubspotDeal> parseHubspotDeal(const QJsonObject& result);

// The stored rows for these deal ids (absent: never seen).
QHash<QString, StoredDeal> loadStoredDeals(
    Database& db, const QString& account, const QStringList& ids, QString* error);

// Whether some deal's stage differs from its stored one (then the pipelines are needed to classify it).
bool anyStageChanged(const QList<HubspotDeal>& deals, const QHash<QString, StoredDeal>& stored);

// Adds to `page` what the deals mean against their stored state: deal_created for a deal not seen before,
// deal_stage_changed (+ won / lost / advanced / regressed outcome) for a new stage, deal_amount_changed for a
// new amount; and the upsert of every deal's row. With `baseline` (the account's first sync) only the rows.
void addDealChanges(SyncPage& page, const QString& account, const QList<HubspotDeal>& deals,
    const QHash<QString, StoredDeal>& stored, const HubspotPipelines& pipelines, bool baseline);

} // namespace caseyos

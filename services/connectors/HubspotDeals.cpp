#include "connectors/HubspotDeals.h"

#include "connectors/HubspotCursor.h"
#include "core/Timestamps.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

std::optional<double> amountOf(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    bool ok = false;
    const double amount = value.toString().toDouble(&ok);
    return ok ? std::optional<double>(amount) : std::nullopt;
}

std::optional<OutcomeType> outcomeFor(StageChange change)
{
    switch (change) {
    case StageChange::Won:
        return OutcomeType::DealWon;
    case StageChange::Lost:
        return OutcomeType::DealLost;
    case StageChange::Advanced:
        return OutcomeType::DealStageAdvanced;
    case StageChange::Regressed:
        return OutcomeType::DealStageRegressed;
    case StageChange::None:
        break;
    }
    return std::nullopt;
}

QJsonObject payloadOf(const HubspotDeal& deal, const HubspotPipelines& pipelines)
{
    QJsonObject payload { { u"deal_id"_s, deal.id }, { u"deal_name"_s, deal.name },
        { u"stage"_s, deal.stage }, { u"pipeline"_s, deal.pipeline } };
    if (deal.amount)
        payload.insert(u"amount"_s, *deal.amount);
    if (const auto stage = pipelines.stage(deal.pipeline, deal.stage); stage && !stage->label.isEmpty())
        payload.insert(u"stage_label"_s, stage->label);
    return payload;
}

} // namespace

std::optional<HubspotDeal> parseHubspotDeal(const QJsonObject& result)
{
    HubspotDeal deal;
    deal.id = result.value(u"id"_s).toString();
    if (deal.id.isEmpty())
        return std::nullopt;
    const QJsonObject p = result.value(u"properties"_s).toObject();
    deal.name = p.value(u"dealname"_s).toString();
    deal.pipeline = p.value(u"pipeline"_s).toString();
    deal.stage = p.value(u"dealstage"_s).toString();
    deal.amount = amountOf(p.value(u"amount"_s));
    deal.modifiedMs = hubspotTimeMs(p.value(u"hs_lastmodifieddate"_s).toString());
    if (deal.modifiedMs == 0)
        deal.modifiedMs = hubspotTimeMs(result.value(u"updatedAt"_s).toString());
    return deal;
}

QHash<QString, StoredDeal> loadStoredDeals(
    Database& db, const QString& account, const QStringList& ids, QString* error)
{
    QHash<QString, StoredDeal> stored;
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT pipeline, stage, amount FROM sync_hubspot_deals WHERE account = ? AND deal_id = ?"_s);
    for (const QString& id : ids) {
        q.addBindValue(account);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError().text();
            return stored;
        }
        if (q.next()) {
            StoredDeal deal { q.value(0).toString(), q.value(1).toString(), std::nullopt };
            if (!q.value(2).isNull())
                deal.amount = q.value(2).toDouble();
            stored.insert(id, deal);
        }
    }
    return stored;
}

bool anyStageChanged(const QList<HubspotDeal>& deals, const QHash<QString, StoredDeal>& stored)
{
    for (const HubspotDeal& deal : deals) {
        const auto it = stored.constFind(deal.id);
        if (it != stored.cend() && (it->stage != deal.stage || it->pipeline != deal.pipeline))
            return true;
    }
    return false;
}

void addDealChanges(SyncPage& page, const QString& account, const QList<HubspotDeal>& deals,
    const QHash<QString, StoredDeal>& stored, const HubspotPipelines& pipelines, bool baseline)
{
    for (const HubspotDeal& deal : deals) {
        if (baseline)
            continue;
        const QDateTime at = fromEpochMs(deal.modifiedMs);
        const auto before = stored.constFind(deal.id);
        const QString when = QString::number(deal.modifiedMs);
        Signal signal;
        signal.source = u"hubspot"_s;
        signal.occurredAt = at;
        signal.payload = payloadOf(deal, pipelines);
        if (before == stored.cend()) {
            signal.eventType = u"deal_created"_s;
            signal.sourceId = deal.id + u":created"_s;
            page.signalList.append(signal);
            continue;
        }
        if (before->stage != deal.stage || before->pipeline != deal.pipeline) {
            const QString change = before->stage + u'>' + deal.stage + u'@' + when;
            signal.eventType = u"deal_stage_changed"_s;
            signal.sourceId = deal.id + u':' + change;
            signal.payload.insert(u"previous_stage"_s, before->stage);
            if (const auto prev = pipelines.stage(before->pipeline, before->stage);
                prev && !prev->label.isEmpty())
                signal.payload.insert(u"previous_stage_label"_s, prev->label);
            page.signalList.append(signal);
            const auto type
                = outcomeFor(pipelines.classify(before->pipeline, before->stage, deal.pipeline, deal.stage));
            if (type) {
                SyncOutcome outcome;
                outcome.key = account + u":stage:"_s + deal.id + u':' + change;
                outcome.input.type = *type;
                outcome.input.source = OutcomeSource::Hubspot;
                outcome.input.dealId = deal.id;
                outcome.input.occurredAt = at;
                outcome.input.context = QJsonObject { { u"deal_id"_s, deal.id }, { u"stage"_s, deal.stage },
                    { u"previous_stage"_s, before->stage } };
                page.outcomes.append(outcome);
            }
        } else if (before->amount != deal.amount && deal.amount) {
            signal.eventType = u"deal_amount_changed"_s;
            signal.sourceId = deal.id + u":amount:"_s + QString::number(*deal.amount, 'f', 2) + u'@' + when;
            page.signalList.append(signal);
        }
    }
    auto previousExtra = page.extra;
    page.extra = [account, deals, previousExtra](Database& tx, QString* error) {
        if (previousExtra && !previousExtra(tx, error))
            return false;
        QSqlQuery q(tx.sql());
        q.prepare(u"INSERT INTO sync_hubspot_deals (account, deal_id, pipeline, stage, amount, modified_at) "
                  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, deal_id) DO UPDATE SET pipeline = "
                  "excluded.pipeline, "
                  "stage = excluded.stage, amount = excluded.amount, modified_at = excluded.modified_at"_s);
        for (const HubspotDeal& deal : deals) {
            q.addBindValue(account);
            q.addBindValue(deal.id);
            q.addBindValue(deal.pipeline);
            q.addBindValue(deal.stage);
            q.addBindValue(deal.amount ? QVariant(*deal.amount) : QVariant(QMetaType::fromType<double>()));
            q.addBindValue(deal.modifiedMs);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
        }
        return true;
    };
}

} // namespace caseyos

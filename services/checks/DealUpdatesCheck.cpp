#include "checks/CheckText.h"
#include "checks/NewSignals.h"
#include "checks/SignalChecks.h"
#include "signals/HubspotTables.h"
#include "signals/PayloadReader.h"
#include "signals/RuleText.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// "Northwind Logistics - Fleet ops rollout moved to contract sent", "new deal … ($76,000)", "… now $9,000".
QString dealUpdate(const CheckedSignal& s)
{
    const QJsonObject& p = s.payload;
    QString deal = payload::text(p, { "deal_name"_L1, "dealname"_L1, "name"_L1 });
    if (deal.isEmpty())
        deal = u"Deal "_s + payload::text(p, { "deal_id"_L1, "dealId"_L1 });
    deal = ruletext::shortened(deal, 60);
    const QString stage
        = hubspotStageLabel(payload::text(p, { "stage"_L1, "dealstage"_L1, "deal_stage"_L1 }));
    const std::optional<double> amount = payload::number(p, { "amount"_L1, "deal_amount"_L1 });
    if (s.eventType == "deal_created"_L1)
        return u"new deal "_s + deal + (amount ? u" ("_s + ruletext::money(*amount) + u')' : QString());
    if (s.eventType == "deal_amount_changed"_L1)
        return deal + (amount ? u" now "_s + ruletext::money(*amount) : u": amount changed"_s);
    return deal + (stage.isEmpty() ? u" changed stage"_s : u" moved to "_s + stage);
}

} // namespace

bool DealUpdatesCheck::run(const CheckContext& ctx, QList<Notification>* notifications, QString* error)
{
    const auto fresh = takeNewSignals(ctx, name(),
        u"source = 'hubspot' AND (event_type = 'deal_created' OR event_type = 'deal_stage_changed' OR "
        "event_type = 'deal_amount_changed')"_s,
        error);
    if (!fresh)
        return false;
    if (fresh->isEmpty())
        return true;
    Notification n;
    n.kind = name();
    n.priority = NotificationPriority::Normal;
    const CheckedSignal& point = pointOf(*fresh);
    n.moveId = point.moveId;
    n.signalId = point.id;
    QStringList updates;
    for (auto it = fresh->crbegin(); it != fresh->crend(); ++it)
        updates << dealUpdate(*it);
    if (fresh->size() == 1) {
        QString update = updates.first();
        update[0] = update[0].toUpper();
        n.title = u"Deal update: "_s + update;
        n.message = u"HubSpot reported a change to this deal."_s;
    } else {
        n.title = checktext::counted(fresh->size(), u"deal update"_s, u"deal updates"_s);
        QString message = checktext::listed(updates);
        message[0] = message[0].toUpper();
        n.message = message + u'.';
    }
    notifications->append(n);
    return true;
}

} // namespace caseyos

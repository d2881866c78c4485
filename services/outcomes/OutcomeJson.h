#pragma once

#include "outcomes/Outcome.h"
#include "outcomes/OutcomeStats.h"

#include <QJsonArray>
#include <QJsonObject>

namespace caseyos {

struct OutcomeRecordResult;

// JSON forms for the CLI (`outcome … --json`) and, later, MCP. Times are ISO-8601 UTC; ids are numbers or
// null.

// {id, type, category, source, confidence, impact, contact_email, move_id, deal_id, signal_id, note,
//  context, occurred_at, created_at}
QJsonObject outcomeToJson(const Outcome& outcome);

// {outcome, move: {id, title, status_before, status} | null, adjustment, rescored: [{id, title, status,
//  aps_before, aps, outcome_adjustment, reasoning}]}
QJsonObject recordResultToJson(const OutcomeRecordResult& result);

// {days, contact_email|null, from, to, total, positive, negative, net_impact, mean_impact, reply_rate,
//  meeting_rate, by_type {type: n} (all 20), by_category {category: n} (all 5),
//  funnel {sent, opened, replied, booked}, per_day [{date: "YYYY-MM-DD" (local), count, net_impact}]}
QJsonObject statsToJson(const OutcomeStats& stats);

// [{type, category, impact, label}] in PRODUCT.md §4's order.
QJsonArray outcomeTypesToJson();

} // namespace caseyos

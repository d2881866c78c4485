#pragma once

#include "net/RateGovernor.h"

#include <QString>

namespace caseyos {

// The published per-account limits of the providers CaseyOS syncs, as RateGovernor buckets.
// Bucket keys: "<provider>:<account>". Windows carry a small pad for network jitter: requests leave
// here evenly but can arrive bunched, and the server counts arrivals.
namespace providerlimits {

inline constexpr qint64 kJitterPadMs = 250;

// HubSpot: 100 requests / 10 s per account, and CRM search at most 4 / s (its own bucket; a search
// spends from both).
void configureHubspot(RateGovernor& governor, const QString& account);
QList<RateCost> hubspotCosts(const QString& account, bool isCrmSearch);

// Gmail: 250 quota units per user per second; each method has its unit cost.
void configureGmail(RateGovernor& governor, const QString& account);
// Units per call for the methods CaseyOS uses ("messages.get", "history.list", …); 5 when unknown.
double gmailQuotaUnits(const QString& method);
QList<RateCost> gmailCosts(const QString& account, const QString& method);

// Google Calendar: 600 queries per user per minute.
void configureCalendar(RateGovernor& governor, const QString& account);
QList<RateCost> calendarCosts(const QString& account);

} // namespace providerlimits
} // namespace caseyos

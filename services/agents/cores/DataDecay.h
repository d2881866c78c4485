#pragma once

#include <QDateTime>
#include <QString>

namespace caseyos::agents {

// The original's data_decay thresholds (original-behaviour.md §8.2): days since the last activity (else
// since the record was created, else 999): ≥ 365 zombie +0.8, ≥ 180 decayed +0.5, ≥ 90 stale +0.2, else
// fresh 0; +0.2 when the email bounced or is invalid; +0.1 when not fresh and never opened or clicked; capped
// at 1. The original names the actions (none / enrich / verify_email / archive / delete) and a 1–5 priority
// without saying which bucket gets which; the mapping here is ours (see DataDecay.cpp).
struct DecayInput
{
    QDateTime lastActivityAt; // invalid: none
    QDateTime createdAt; // invalid: unknown
    bool badEmail = false; // bounced or invalid
    bool engaged = false; // any open or click
};

struct DecayAssessment
{
    int days = 999;
    QString bucket; // fresh, stale, decayed, zombie
    double score = 0.0; // 0..1
    QString action; // none, enrich, verify_email, archive, delete
    int priority = 5; // 1 = most urgent
};

DecayAssessment assessDecay(const DecayInput& input, const QDateTime& now);
QString decayBucket(int days);

} // namespace caseyos::agents

#pragma once

#include "outcomes/Outcome.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos {

class Database;

// Sums of the outcomes of one type in a window.
struct OutcomeTypeAggregate
{
    OutcomeType type = OutcomeType::EmailSent;
    qint64 count = 0;
    double impactSum = 0.0;
    qint64 positive = 0;
    qint64 negative = 0;
};

// Sums of the outcomes in one time range [fromMs, toMs).
struct OutcomeRangeAggregate
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 count = 0;
    double impactSum = 0.0;
};

// Reads and writes the outcomes table (0002_outcomes.sql). Synchronous, on the thread that owns the
// Database; errors come back as text in `error`. Contact emails are compared in their normalized form
// (normalizeContactEmail), which is how they are stored.
class OutcomeRepository
{
public:
    explicit OutcomeRepository(Database& db);

    bool insert(Outcome& outcome, QString* error); // writes the new id into `outcome`
    std::optional<Outcome> find(qint64 id, QString* error = nullptr) const;
    QList<Outcome> forMove(qint64 moveId, QString* error = nullptr) const; // oldest first
    QList<Outcome> forContact(
        const QString& email, int limit, QString* error = nullptr) const; // newest first

    // The contact's outcome adjustment at nowMs (OutcomeAdjustment.h); 0 for no outcomes or an empty email.
    double adjustment(const QString& email, qint64 nowMs, QString* error = nullptr) const;
    // The same for many contacts in a few statements (ingest gives each new move its contact's adjustment).
    // Keys are normalized emails; contacts without outcomes are absent (their adjustment is 0).
    QHash<QString, double> adjustments(
        const QStringList& emails, qint64 nowMs, QString* error = nullptr) const;

    // Per type, for outcomes with fromMs ≤ occurred_at ≤ toMs (of one contact when `email` is not empty).
    QList<OutcomeTypeAggregate> typeAggregates(
        qint64 fromMs, qint64 toMs, const QString& email, QString* error) const;
    // For each consecutive pair of `boundaries` (ascending), the outcomes with b[i] ≤ occurred_at < b[i+1].
    QList<OutcomeRangeAggregate> rangeAggregates(
        const QList<qint64>& boundaries, const QString& email, QString* error) const;

    qint64 count(QString* error = nullptr) const;

    // The moves an outcome for `email` re-scores: that contact's open moves (pending, snoozed, in progress),
    // matched ignoring case as payloads spell addresses as they like. Empty for an empty email.
    QList<qint64> openMoveIds(const QString& email, QString* error) const;

private:
    Database& m_db;
};

} // namespace caseyos

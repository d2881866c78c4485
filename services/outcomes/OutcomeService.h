#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "moves/MoveService.h"
#include "outcomes/Outcome.h"
#include "outcomes/OutcomeStats.h"
#include "scoring/ApsCalculator.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QStringList>
#include <optional>

namespace caseyos {

class Database;

// What recording one outcome changed, so a list can update its rows in place.
struct OutcomeRecordResult
{
    Outcome outcome;
    // The move the outcome was recorded for, before and after (completed unless it already was, or was
    // dismissed); nullopt when the outcome named no move.
    std::optional<MoveChange> move;
    // Every open move (pending, snoozed, in progress) of the contact, re-scored: before and after.
    QList<MoveChange> rescored;
    double adjustment = 0.0; // the contact's outcome adjustment after this outcome
};

// Records outcomes and feeds them back into APS (PRODUCT.md §2, §4), and computes outcome stats.
// Synchronous: call it on the thread that owns the Database (the storage thread in the app).
class OutcomeService
{
public:
    OutcomeService(Database& db, const Clock& clock, ApsWeights weights = {});

    // In one transaction: inserts the outcome (impact = default × confidence); when it names a move,
    // completes that move and writes its "outcome_recorded" event; then re-scores every open move of the
    // contact (the given one, else the move's) with the contact's new adjustment. Fails, changing nothing,
    // for a confidence outside [0, 1], an unknown move, a contact that contradicts the move's, or an
    // outcome that names neither a move nor a contact.
    Result<OutcomeRecordResult> record(const OutcomeInput& input);

    // The contact's outcome adjustment at `now` (0 for no outcomes).
    double contactAdjustment(const QString& email, const QDateTime& now, QString* error = nullptr) const;
    // Many contacts at once, for ingest: keys are normalized emails (normalizeContactEmail); a contact
    // without outcomes is absent, i.e. 0.
    QHash<QString, double> contactAdjustments(
        const QStringList& emails, const QDateTime& now, QString* error = nullptr) const;

    // Stats over the last `days` local calendar days (1–90), of one contact when `contactEmail` is given.
    Result<OutcomeStats> stats(int days, const QString& contactEmail, const QDateTime& now) const;
    Result<OutcomeStats> stats(int days, const QString& contactEmail = {}) const; // now = the clock's

private:
    Database& m_db;
    const Clock& m_clock;
    ApsWeights m_weights;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::OutcomeRecordResult)

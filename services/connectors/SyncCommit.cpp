#include "connectors/SyncCommit.h"

#include "core/DedupeKey.h"
#include "core/Timestamps.h"
#include "outcomes/OutcomeRepository.h"
#include "scoring/ApsCalculator.h"
#include "signals/IngestPipeline.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Re-scores the contact's open moves with its new outcome adjustment, as OutcomeService::record does (that
// function opens its own transaction, so the page cannot call it; this is the same step inside the page's).
bool rescoreContact(Database& db, const Clock& clock, const QString& contact, QString* error)
{
    if (contact.isEmpty())
        return true;
    const QDateTime now = clock.now();
    OutcomeRepository outcomes(db);
    const double adjustment = outcomes.adjustment(contact, toEpochMs(now), error);
    if (!error->isEmpty())
        return false;
    const QList<qint64> open = outcomes.openMoveIds(contact, error);
    if (!error->isEmpty())
        return false;
    MoveRepository moves(db);
    for (qint64 id : open) {
        std::optional<Move> move = moves.find(id, error);
        if (!move)
            return false;
        applyAps(*move, computeAps(move->components, adjustment));
        move->updatedAt = now;
        if (!moves.update(*move, error))
            return false;
    }
    return true;
}

// Whether the key is new; if so, records the outcome (the repository insert, inside the page's transaction)
// and its key.
bool recordOnce(Database& db, const Clock& clock, const SyncOutcome& item, bool* recorded, QString* error)
{
    *recorded = false;
    QSqlQuery seen(db.sql());
    seen.prepare(u"SELECT 1 FROM sync_outcome_keys WHERE outcome_key = ?"_s);
    seen.addBindValue(item.key);
    if (!seen.exec()) {
        *error = seen.lastError().text();
        return false;
    }
    if (seen.next())
        return true;

    const OutcomeInput& in = item.input;
    Outcome outcome;
    outcome.type = in.type;
    outcome.category = categoryOf(in.type);
    outcome.source = in.source;
    outcome.confidence = in.confidence;
    outcome.impact = scaledImpact(in.type, in.confidence);
    outcome.contactEmail = normalizeContactEmail(in.contactEmail);
    outcome.dealId = in.dealId.trimmed();
    outcome.note = in.note.trimmed();
    outcome.context = in.context;
    outcome.createdAt = clock.now();
    outcome.occurredAt = in.occurredAt.isValid() ? in.occurredAt.toUTC() : outcome.createdAt;
    if (!OutcomeRepository(db).insert(outcome, error))
        return false;

    QSqlQuery key(db.sql());
    key.prepare(u"INSERT INTO sync_outcome_keys (outcome_key, outcome_id) VALUES (?, ?)"_s);
    key.addBindValue(item.key);
    key.addBindValue(outcome.id);
    if (!key.exec()) {
        *error = key.lastError().text();
        return false;
    }
    *recorded = true;
    return true;
}

} // namespace

bool commitSyncPage(Database& db, const Clock& clock, SyncPage page, SyncStepCounts* counts, QString* error)
{
    // One batch for the whole page (never split): the batch size only has to exceed any page.
    IngestPipeline pipeline(db, clock, {}, 1'000'000);
    const QDateTime now = clock.now();
    for (Signal& signal : page.signalList) {
        signal.receivedAt = now;
        if (!signal.occurredAt.isValid())
            signal.occurredAt = now;
        signal.dedupeKey = dedupeKey(signal);
        pipeline.add(std::move(signal));
    }
    int outcomesMade = 0;
    SyncStepCounts added;
    const bool ok = pipeline.flush([&](Database& tx, QString* stepError) {
        outcomesMade = 0;
        QSet<QString> contacts;
        for (const SyncOutcome& item : std::as_const(page.outcomes)) {
            bool recorded = false;
            if (!recordOnce(tx, clock, item, &recorded, stepError))
                return false;
            outcomesMade += recorded ? 1 : 0;
            if (recorded)
                contacts.insert(normalizeContactEmail(item.input.contactEmail));
        }
        // Once per contact and page, after all its outcomes (a busy thread's replies would otherwise re-score
        // the same moves once per reply).
        for (const QString& contact : std::as_const(contacts)) {
            if (!rescoreContact(tx, clock, contact, stepError))
                return false;
        }
        if (page.extra && !page.extra(tx, stepError))
            return false;
        // The new-signal count is only known after the commit (the report merges then); it is added below.
        added.itemsSeen = page.itemsSeen;
        added.outcomesMade = outcomesMade;
        return SyncStateStore(tx).saveCursor(page.account, page.stream, page.cursor, added, stepError);
    });
    if (!ok) {
        if (error)
            *error = pipeline.report().fatalError;
        return false;
    }
    if (const int made = pipeline.report().ingested; made > 0) {
        SyncStepCounts signalCounts;
        signalCounts.signalsMade = made;
        QString ignored; // a counter only: the page itself is committed
        SyncStateStore(db).addCounts(page.account, page.stream, signalCounts, &ignored);
    }
    if (counts) {
        counts->itemsSeen = page.itemsSeen;
        counts->signalsMade = pipeline.report().ingested;
        counts->outcomesMade = outcomesMade;
    }
    return true;
}

} // namespace caseyos

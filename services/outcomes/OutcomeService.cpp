#include "outcomes/OutcomeService.h"

#include "core/Timestamps.h"
#include "outcomes/OutcomeRepository.h"
#include "storage/Database.h"
#include "storage/MoveEventRepository.h"
#include "storage/MoveRepository.h"

#include <QJsonObject>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

double round6(double value)
{
    const double rounded = std::round(value * 1e6) / 1e6;
    return rounded == 0.0 ? 0.0 : rounded;
}

// The move an outcome is recorded for becomes completed: the outcome says the move's work happened. A move
// already completed keeps its completion time; a dismissed one stays dismissed (the user decided against
// it; the outcome is still recorded and linked).
bool completesMove(MoveStatus status)
{
    return status != MoveStatus::Completed && status != MoveStatus::Dismissed;
}

} // namespace

OutcomeService::OutcomeService(Database& db, const Clock& clock, ApsWeights weights)
    : m_db(db)
    , m_clock(clock)
    , m_weights(weights)
{
}

Result<OutcomeRecordResult> OutcomeService::record(const OutcomeInput& input)
{
    using R = Result<OutcomeRecordResult>;
    if (!isValidConfidence(input.confidence))
        return R::failure(u"Confidence must be a number from 0 to 1 (got %1)"_s.arg(input.confidence));

    MoveRepository moves(m_db);
    QString error;
    std::optional<Move> move;
    if (input.moveId) {
        move = moves.find(*input.moveId, &error);
        if (!move)
            return R::failure(error.isEmpty() ? u"No move with id %1"_s.arg(*input.moveId) : error);
    }
    QString contact = normalizeContactEmail(input.contactEmail);
    if (move) {
        const QString moveContact = normalizeContactEmail(move->contactEmail);
        if (contact.isEmpty())
            contact = moveContact;
        else if (!moveContact.isEmpty() && moveContact != contact)
            return R::failure(u"Move %1 is about %2, not %3"_s.arg(move->id).arg(moveContact, contact));
    }
    if (!move && contact.isEmpty())
        return R::failure(u"An outcome needs a move or a contact email"_s);

    const QDateTime now = m_clock.now();
    OutcomeRecordResult result;
    Outcome& outcome = result.outcome;
    outcome.type = input.type;
    outcome.category = categoryOf(input.type);
    outcome.source = input.source;
    outcome.confidence = input.confidence;
    outcome.impact = scaledImpact(input.type, input.confidence);
    outcome.contactEmail = contact;
    outcome.moveId = input.moveId;
    outcome.dealId = input.dealId.trimmed().isEmpty() && move ? move->dealId : input.dealId.trimmed();
    outcome.signalId = input.signalId;
    outcome.note = input.note.trimmed();
    outcome.context = input.context;
    outcome.occurredAt = input.occurredAt.isValid() ? input.occurredAt.toUTC() : now;
    outcome.createdAt = now;

    OutcomeRepository outcomes(m_db);
    MoveEventRepository events(m_db);
    const qint64 nowMs = toEpochMs(now);
    const bool ok = m_db.transaction(
        [&] {
            if (!outcomes.insert(outcome, &error))
                return false;
            if (move) {
                Move after = *move;
                if (completesMove(move->effectiveStatus(now))) {
                    after.status = MoveStatus::Completed;
                    after.completedAt = now;
                    after.snoozedUntil = {};
                }
                after.updatedAt = now;
                const QJsonObject details { { u"type"_s, toString(outcome.type) },
                    { u"outcome_id"_s, outcome.id }, { u"impact"_s, outcome.impact },
                    { u"confidence"_s, outcome.confidence }, { u"status"_s, toString(after.status) } };
                if (!moves.update(after, &error)
                    || !events.insert(after.id, u"outcome_recorded"_s, now, details, &error))
                    return false;
                result.move = MoveChange { *move, after };
            }
            if (contact.isEmpty())
                return true;
            // The adjustment is read back after the insert, so it includes this outcome.
            result.adjustment = outcomes.adjustment(contact, nowMs, &error);
            if (!error.isEmpty())
                return false;
            const QList<qint64> open = outcomes.openMoveIds(contact, &error);
            if (!error.isEmpty())
                return false;
            for (qint64 id : open) {
                const std::optional<Move> before = moves.find(id, &error);
                if (!before)
                    return false;
                Move after = *before;
                applyAps(after, computeAps(before->components, result.adjustment, m_weights));
                after.updatedAt = now;
                if (!moves.update(after, &error))
                    return false;
                result.rescored.append({ *before, after });
            }
            return true;
        },
        &error);
    if (!ok)
        return R::failure(error.isEmpty() ? u"Could not record the outcome"_s : error);
    return R::success(result);
}

double OutcomeService::contactAdjustment(const QString& email, const QDateTime& now, QString* error) const
{
    return OutcomeRepository(m_db).adjustment(email, toEpochMs(now), error);
}

QHash<QString, double> OutcomeService::contactAdjustments(
    const QStringList& emails, const QDateTime& now, QString* error) const
{
    return OutcomeRepository(m_db).adjustments(emails, toEpochMs(now), error);
}

Result<OutcomeStats> OutcomeService::stats(int days, const QString& contactEmail) const
{
    return stats(days, contactEmail, m_clock.now());
}

Result<OutcomeStats> OutcomeService::stats(int days, const QString& contactEmail, const QDateTime& now) const
{
    using R = Result<OutcomeStats>;
    if (days < kMinStatsDays || days > kMaxStatsDays)
        return R::failure(u"The stats window must be from %1 to %2 days (got %3)"_s.arg(kMinStatsDays)
                              .arg(kMaxStatsDays)
                              .arg(days));
    OutcomeStats stats;
    stats.days = days;
    stats.contactEmail = normalizeContactEmail(contactEmail);
    stats.to = now.toUTC();
    const qint64 nowMs = toEpochMs(now);

    // Local midnights of the window's days (startOfDay handles a day whose midnight a DST change skips),
    // then "now" (+1: the ranges are half-open) closing today.
    const QTimeZone zone = m_clock.localZone();
    const QDate today = now.toTimeZone(zone).date();
    QList<qint64> boundaries;
    QList<QDate> dates;
    for (int i = days - 1; i >= 0; --i) {
        const QDate date = today.addDays(-i);
        dates.append(date);
        boundaries.append(date.startOfDay(zone).toMSecsSinceEpoch());
    }
    boundaries.append(nowMs + 1);
    stats.from = fromEpochMs(boundaries.first()).toUTC();

    for (OutcomeType type : allOutcomeTypes())
        stats.byType.insert(type, 0);
    for (OutcomeCategory category : allOutcomeCategories())
        stats.byCategory.insert(category, 0);

    OutcomeRepository repository(m_db);
    QString error;
    const QList<OutcomeTypeAggregate> perType
        = repository.typeAggregates(boundaries.first(), nowMs, stats.contactEmail, &error);
    if (!error.isEmpty())
        return R::failure(error);
    double net = 0.0;
    for (const OutcomeTypeAggregate& a : perType) {
        stats.byType[a.type] += a.count;
        stats.byCategory[categoryOf(a.type)] += a.count;
        stats.total += a.count;
        stats.positive += a.positive;
        stats.negative += a.negative;
        net += a.impactSum;
    }
    stats.netImpact = round6(net);
    stats.meanImpact = stats.total > 0 ? round6(net / double(stats.total)) : 0.0;
    const qint64 sent = stats.sent();
    if (sent > 0) {
        stats.replyRate = double(stats.replied()) / double(sent);
        stats.meetingRate = double(stats.byType.value(OutcomeType::MeetingBooked)
                                + stats.byType.value(OutcomeType::MeetingHeld))
            / double(sent);
    }

    const QList<OutcomeRangeAggregate> perDay
        = repository.rangeAggregates(boundaries, stats.contactEmail, &error);
    if (!error.isEmpty())
        return R::failure(error);
    for (qsizetype i = 0; i < perDay.size() && i < dates.size(); ++i)
        stats.perDay.append({ dates.at(i), perDay.at(i).count, round6(perDay.at(i).impactSum) });
    return R::success(stats);
}

} // namespace caseyos

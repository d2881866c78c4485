#include "moves/MoveService.h"

#include "core/Timestamps.h"
#include "outcomes/OutcomeRepository.h"
#include "storage/Database.h"
#include "storage/MoveEventRepository.h"
#include "storage/MoveRepository.h"
#include "storage/SignalRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString noSuchMove(qint64 id)
{
    return u"No move with id %1"_s.arg(id);
}

// Why a move in `status` cannot take `action`, or an empty string when it can.
QString illegalTransition(qint64 id, MoveStatus status, MoveAction action)
{
    switch (action) {
    case MoveAction::Accept:
    case MoveAction::Complete:
    case MoveAction::Dismiss:
    case MoveAction::Snooze:
        if (status == MoveStatus::Completed)
            return u"Move %1 is already completed"_s.arg(id);
        if (status == MoveStatus::Dismissed)
            return action == MoveAction::Dismiss ? u"Move %1 is already dismissed"_s.arg(id)
                                                 : u"Move %1 is dismissed; reopen it first"_s.arg(id);
        return {};
    case MoveAction::Reopen:
        if (status == MoveStatus::Pending)
            return u"Move %1 is already pending"_s.arg(id);
        return {};
    }
    return {};
}

// Checks the fields a person types; returns the first problem.
QString validateDraft(Move& move)
{
    move.title = move.title.trimmed();
    move.actionType = move.actionType.trimmed();
    move.domain = move.domain.trimmed().toLower();
    move.contactEmail = move.contactEmail.trimmed();
    if (move.title.isEmpty())
        return u"A move needs a title"_s;
    if (move.actionType.isEmpty())
        return u"A move needs an action type"_s;
    if (move.domain.isEmpty())
        move.domain = u"sales"_s;
    if (!moveDomains().contains(move.domain))
        return u"Unknown domain \"%1\" (use sales, marketing or cs)"_s.arg(move.domain);
    return {};
}

QStringList changedFields(const Move& a, const Move& b)
{
    QStringList fields;
    auto check = [&](bool differs, const char* name) {
        if (differs)
            fields << QString::fromLatin1(name);
    };
    check(a.title != b.title, "title");
    check(a.description != b.description, "description");
    check(a.actionType != b.actionType, "action_type");
    check(a.actionContext != b.actionContext, "action_context");
    check(a.domain != b.domain, "domain");
    check(!(a.components == b.components), "components");
    check(a.contactEmail != b.contactEmail, "contact_email");
    check(a.contactName != b.contactName, "contact_name");
    check(a.company != b.company, "company");
    check(a.dealId != b.dealId, "deal_id");
    check(a.dueBy != b.dueBy, "due_by");
    return fields;
}

} // namespace

MoveService::MoveService(Database& db, const Clock& clock, ApsWeights weights)
    : m_db(db)
    , m_clock(clock)
    , m_weights(weights)
{
}

Result<MoveChange> MoveService::apply(
    qint64 moveId, MoveAction action, const QString& reason, const QDateTime& until)
{
    MoveRepository moves(m_db);
    QString error;
    const std::optional<Move> found = moves.find(moveId, &error);
    if (!found)
        return Result<MoveChange>::failure(error.isEmpty() ? noSuchMove(moveId) : error);

    const QDateTime now = m_clock.now();
    const Move& before = *found;
    // An expired snooze is pending (PRODUCT.md §1), so it can be accepted, dismissed, … like any pending
    // move.
    const QString illegal = illegalTransition(moveId, before.effectiveStatus(now), action);
    if (!illegal.isEmpty())
        return Result<MoveChange>::failure(illegal);

    Move after = before;
    QString eventType;
    QJsonObject details;
    switch (action) {
    case MoveAction::Accept:
    case MoveAction::Complete:
        after.status = MoveStatus::Completed;
        after.completedAt = now;
        after.snoozedUntil = {};
        eventType = action == MoveAction::Accept ? u"move_accepted"_s : u"move_completed"_s;
        break;
    case MoveAction::Dismiss:
        after.status = MoveStatus::Dismissed;
        after.dismissReason = reason.trimmed();
        after.snoozedUntil = {};
        eventType = u"move_dismissed"_s;
        details.insert(u"reason"_s, after.dismissReason);
        break;
    case MoveAction::Snooze:
        if (!until.isValid())
            return Result<MoveChange>::failure(u"Snoozing needs a time to snooze until"_s);
        if (until <= now)
            return Result<MoveChange>::failure(
                u"Cannot snooze until %1: that time has already passed"_s.arg(toIsoUtc(until)));
        after.status = MoveStatus::Snoozed;
        after.snoozedUntil = until.toUTC();
        eventType = u"move_snoozed"_s;
        details.insert(u"until"_s, toIsoUtc(after.snoozedUntil));
        break;
    case MoveAction::Reopen:
        after.status = MoveStatus::Pending;
        after.completedAt = {};
        after.snoozedUntil = {};
        after.dismissReason.clear();
        eventType = u"move_reopened"_s;
        details.insert(u"from"_s, toString(before.status));
        break;
    }
    after.updatedAt = now;

    MoveEventRepository events(m_db);
    const bool ok = m_db.transaction(
        [&] { return moves.update(after, &error) && events.insert(moveId, eventType, now, details, &error); },
        &error);
    if (!ok)
        return Result<MoveChange>::failure(error);
    return Result<MoveChange>::success({ before, after });
}

Result<Move> MoveService::create(Move draft, const ApsInput& components)
{
    return create(std::move(draft), components, u"manual"_s, {});
}

Result<Move> MoveService::create(Move draft, const ApsInput& components, const QString& source,
    const std::function<bool(const Move&, QString*)>& alsoWrite)
{
    if (const QString problem = validateDraft(draft); !problem.isEmpty())
        return Result<Move>::failure(problem);
    const QDateTime now = m_clock.now();
    Move move = draft;
    move.id = 0;
    move.status = MoveStatus::Pending;
    move.dismissReason.clear();
    move.snoozedUntil = {};
    move.completedAt = {};
    move.executedAt = {};
    move.signalId.reset();
    move.createdAt = now;
    move.updatedAt = now;
    // A new move starts with what its contact's outcomes say (PRODUCT.md §2), like an imported one.
    QString adjustmentError;
    const double adjustment
        = OutcomeRepository(m_db).adjustment(move.contactEmail, toEpochMs(now), &adjustmentError);
    if (!adjustmentError.isEmpty())
        return Result<Move>::failure(adjustmentError);
    applyAps(move, computeAps(resolveComponents(move.actionType, components), adjustment, m_weights));

    MoveRepository moves(m_db);
    MoveEventRepository events(m_db);
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            return moves.insert(move, source, &error)
                && events.insert(move.id, u"move_created"_s, now, { { u"via"_s, source } }, &error)
                && (!alsoWrite || alsoWrite(move, &error));
        },
        &error);
    if (!ok)
        return Result<Move>::failure(error);
    return Result<Move>::success(move);
}

Result<MoveChange> MoveService::edit(const Move& move, const ApsInput& components)
{
    MoveRepository moves(m_db);
    QString error;
    const std::optional<Move> found = moves.find(move.id, &error);
    if (!found)
        return Result<MoveChange>::failure(error.isEmpty() ? noSuchMove(move.id) : error);

    Move edited = move;
    if (const QString problem = validateDraft(edited); !problem.isEmpty())
        return Result<MoveChange>::failure(problem);
    // Only what a person edits changes; status, times and the signal link stay. The adjustment follows the
    // contact: re-read, since the contact may have changed and outcomes may have come in since.
    Move after = *found;
    after.title = edited.title;
    after.description = edited.description;
    after.actionType = edited.actionType;
    after.actionContext = edited.actionContext;
    after.domain = edited.domain;
    after.contactEmail = edited.contactEmail;
    after.contactName = edited.contactName;
    after.company = edited.company;
    after.dealId = edited.dealId;
    after.dueBy = edited.dueBy;
    const QDateTime now = m_clock.now();
    const double adjustment = OutcomeRepository(m_db).adjustment(after.contactEmail, toEpochMs(now), &error);
    if (!error.isEmpty())
        return Result<MoveChange>::failure(error);
    applyAps(after, computeAps(resolveComponents(after.actionType, components), adjustment, m_weights));
    after.updatedAt = now;

    const QStringList fields = changedFields(*found, after);
    MoveEventRepository events(m_db);
    const bool ok = m_db.transaction(
        [&] {
            return moves.update(after, &error)
                && events.insert(after.id, u"move_edited"_s, now,
                    { { u"fields"_s, QJsonArray::fromStringList(fields) } }, &error);
        },
        &error);
    if (!ok)
        return Result<MoveChange>::failure(error);
    return Result<MoveChange>::success({ *found, after });
}

Result<Move> MoveService::remove(qint64 moveId)
{
    MoveRepository moves(m_db);
    QString error;
    const std::optional<Move> found = moves.find(moveId, &error);
    if (!found)
        return Result<Move>::failure(error.isEmpty() ? noSuchMove(moveId) : error);
    const QDateTime now = m_clock.now();
    SignalRepository signalRepo(m_db);
    MoveEventRepository events(m_db);
    const bool ok = m_db.transaction(
        [&] {
            if (found->signalId && !signalRepo.setMoveId(*found->signalId, std::nullopt, &error))
                return false;
            return moves.remove(moveId, &error)
                && events.insert(moveId, u"move_deleted"_s, now, { { u"title"_s, found->title } }, &error);
        },
        &error);
    if (!ok)
        return Result<Move>::failure(error);
    return Result<Move>::success(*found);
}

Result<Move> MoveService::restore(const Move& snapshot)
{
    if (snapshot.id <= 0)
        return Result<Move>::failure(u"Cannot restore a move that was never saved"_s);
    MoveRepository moves(m_db);
    SignalRepository signalRepo(m_db);
    MoveEventRepository events(m_db);
    QString error;
    const std::optional<Move> existing = moves.find(snapshot.id, &error);
    if (!existing && !error.isEmpty())
        return Result<Move>::failure(error);

    const QDateTime now = m_clock.now();
    Move move = snapshot;
    move.updatedAt = now;
    const bool ok = m_db.transaction(
        [&] {
            if (existing) {
                // The signal link is not part of an undo: keep the stored one.
                move.signalId = existing->signalId;
                if (!moves.update(move, &error))
                    return false;
            } else {
                QString source = u"manual"_s;
                if (move.signalId) {
                    const std::optional<Signal> signal = signalRepo.find(*move.signalId, &error);
                    if (signal)
                        source = signal->source;
                    else
                        move.signalId.reset(); // the signal is gone; restore the move on its own
                }
                if (!moves.insert(move, source, &error))
                    return false;
                if (move.signalId && !signalRepo.setMoveId(*move.signalId, move.id, &error))
                    return false;
            }
            return events.insert(move.id, u"move_restored"_s, now, {}, &error);
        },
        &error);
    if (!ok)
        return Result<Move>::failure(error);
    return Result<Move>::success(move);
}

void MoveService::recordViewed(qint64 moveId)
{
    MoveRepository moves(m_db);
    if (!moves.find(moveId))
        return;
    MoveEventRepository(m_db).insert(moveId, u"move_viewed"_s, m_clock.now(), {}, nullptr);
}

int MoveService::wakeExpiredSnoozes()
{
    QString error;
    return int(wakeExpiredSnoozes(&error).size());
}

QList<qint64> MoveService::wakeExpiredSnoozes(QString* error)
{
    MoveRepository moves(m_db);
    const qint64 nowMs = toEpochMs(m_clock.now());
    QString failure;
    // Read first: most calls find nothing, and then no write lock is taken (the CLI may run beside the app).
    QList<qint64> woken = moves.expiredSnoozes(nowMs, &failure);
    if (woken.isEmpty()) {
        if (error)
            *error = failure;
        return {};
    }
    const bool ok = m_db.transaction(
        [&] {
            woken = moves.expiredSnoozes(nowMs, &failure);
            if (!failure.isEmpty())
                return false;
            return woken.isEmpty() || moves.wakeExpiredSnoozes(nowMs, &failure);
        },
        &failure);
    if (!ok) {
        if (error)
            *error = failure;
        return {};
    }
    return woken;
}

std::optional<Move> MoveService::find(qint64 moveId) const
{
    return MoveRepository(m_db).find(moveId);
}

QList<MoveEvent> MoveService::history(qint64 moveId) const
{
    return MoveEventRepository(m_db).history(moveId);
}

} // namespace caseyos

#include "checks/MoveChecks.h"

#include "checks/CheckState.h"
#include "checks/CheckText.h"
#include "core/Timestamps.h"
#include "signals/RuleText.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// A set of moves described in SQL: a WHERE condition over the moves table and its bound values.
struct MoveCondition
{
    QString where;
    QVariantList values;
};

// Pending at `nowMs`: a snooze that has run out counts as pending (PRODUCT.md §1).
QString pendingAt()
{
    return u"(status = 'pending' OR (status = 'snoozed' AND snoozed_until IS NOT NULL AND snoozed_until <= ?))"_s;
}

struct MoveBrief
{
    qint64 id = 0;
    QString title;
    double aps = 0;
    QDateTime dueBy;
    QDateTime createdAt;
};

// What a condition covers now, and what in it is new since the check last noted it.
struct ConditionState
{
    qint64 total = 0;
    qint64 fresh = 0;
    qint64 noted = 0; // remembered from the last run, some of which may have left the condition
    QList<MoveBrief> freshTop; // the highest-ranked new ones (at most 3)
    QList<MoveBrief> top; // the highest-ranked of all (at most 1)
};

QList<MoveBrief> briefs(
    Database& db, const QString& sql, const QVariantList& values, QString* error, bool* ok)
{
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    QList<MoveBrief> found;
    if (!q.exec()) {
        *ok = setError(error, q);
        return found;
    }
    while (q.next()) {
        MoveBrief b;
        b.id = q.value(0).toLongLong();
        b.title = q.value(1).toString();
        b.aps = q.value(2).toDouble();
        b.dueBy = q.value(3).isNull() ? QDateTime() : fromEpochMs(q.value(3).toLongLong());
        b.createdAt = fromEpochMs(q.value(4).toLongLong());
        found.append(b);
    }
    return found;
}

qint64 countOf(Database& db, const QString& sql, const QVariantList& values, QString* error, bool* ok)
{
    QSqlQuery q(db.sql());
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        *ok = setError(error, q);
        return 0;
    }
    return q.value(0).toLongLong();
}

// `wantTop`: also the highest-ranked of all, when there is something new to notify.
std::optional<ConditionState> readCondition(const CheckContext& ctx, const QString& check,
    const MoveCondition& condition, bool wantTop, QString* error)
{
    const QString columns = u"SELECT id, title, aps, due_by, created_at FROM moves WHERE "_s;
    const QString notNoted = u" AND "_s + CheckState::notNotedCondition(u"id"_s);
    const QVariantList freshValues = condition.values + QVariantList { check };
    const QString rank = u" ORDER BY aps DESC, id LIMIT "_s;
    bool ok = true;
    ConditionState state;
    state.noted = CheckState(ctx.db).itemCount(check, error);
    if (state.noted < 0)
        return std::nullopt;
    state.total = countOf(
        ctx.db, u"SELECT COUNT(*) FROM moves WHERE "_s + condition.where, condition.values, error, &ok);
    if (ok && state.total > 0)
        state.fresh = countOf(ctx.db, u"SELECT COUNT(*) FROM moves WHERE "_s + condition.where + notNoted,
            freshValues, error, &ok);
    if (ok && state.fresh > 0)
        state.freshTop
            = briefs(ctx.db, columns + condition.where + notNoted + rank + u'3', freshValues, error, &ok);
    if (ok && wantTop && state.fresh > 0)
        state.top = briefs(ctx.db, columns + condition.where + rank + u'1', condition.values, error, &ok);
    if (!ok)
        return std::nullopt;
    return state;
}

// Makes the remembered set the current one, writing only what changed: most runs change nothing and then
// take no write lock at all.
bool remember(const CheckContext& ctx, const QString& check, const MoveCondition& condition,
    const ConditionState& state, QString* error)
{
    CheckState memory(ctx.db);
    const QString current = u"SELECT id FROM moves WHERE "_s + condition.where;
    if (state.fresh > 0
        && !memory.noteItems(check, current + u" AND "_s + CheckState::notNotedCondition(u"id"_s),
            condition.values + QVariantList { check }, toEpochMs(ctx.now), error))
        return false;
    // Remembered ones still in the condition: total − fresh; the rest have left it.
    const qint64 left = state.noted - (state.total - state.fresh);
    return left <= 0 || memory.forgetItemsNotIn(check, current, condition.values, error);
}

} // namespace

bool OverdueMovesCheck::run(const CheckContext& ctx, QList<Notification>* notifications, QString* error)
{
    const qint64 nowMs = toEpochMs(ctx.now);
    const MoveCondition overdue { pendingAt() + u" AND due_by IS NOT NULL AND due_by < ?"_s,
        { nowMs, nowMs } };
    const auto state = readCondition(ctx, name(), overdue, false, error);
    if (!state)
        return false;
    if (state->fresh > 0) {
        Notification n;
        n.kind = name();
        n.priority = NotificationPriority::High;
        const MoveBrief& first = state->freshTop.first();
        n.moveId = first.id;
        n.title = state->total == 1 ? u"Overdue: "_s + ruletext::shortened(first.title, 80)
                                    : u"%1 overdue moves"_s.arg(state->total);
        QStringList named;
        for (const MoveBrief& b : state->freshTop)
            named << ruletext::quoted(b.title, 60)
                    + u" (due %1 ago)"_s.arg(checktext::span(b.dueBy.secsTo(ctx.now)));
        n.message = (state->fresh == 1 ? u"Newly overdue: "_s : u"%1 newly overdue: "_s.arg(state->fresh))
            + checktext::listedOf(named, state->fresh) + u'.';
        notifications->append(n);
    }
    return remember(ctx, name(), overdue, *state, error);
}

bool StaleMovesCheck::run(const CheckContext& ctx, QList<Notification>* notifications, QString* error)
{
    const qint64 nowMs = toEpochMs(ctx.now);
    const MoveCondition stale { pendingAt() + u" AND created_at < ?"_s,
        { nowMs, toEpochMs(ctx.now.addSecs(-checkrules::kStaleAfterSeconds)) } };
    const auto state = readCondition(ctx, name(), stale, true, error);
    if (!state)
        return false;
    if (state->total > checkrules::kStaleMoreThan && state->fresh > 0) {
        Notification n;
        n.kind = name();
        n.priority = NotificationPriority::Normal;
        const MoveBrief& top = state->top.first();
        n.moveId = top.id;
        n.title = u"%1 stale moves need attention"_s.arg(state->total);
        n.message = u"%1 pending moves have waited more than %2. Highest ranked: %3 (APS %4, waiting %5)."_s
                        .arg(state->total)
                        .arg(checktext::span(checkrules::kStaleAfterSeconds), ruletext::quoted(top.title, 80),
                            QString::number(top.aps, 'f', 1), checktext::span(top.createdAt.secsTo(ctx.now)));
        notifications->append(n);
    }
    return remember(ctx, name(), stale, *state, error);
}

} // namespace caseyos

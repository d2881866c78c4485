#include "checks/CheckText.h"
#include "checks/NewSignals.h"
#include "checks/SignalChecks.h"
#include "core/Timestamps.h"
#include "signals/PayloadReader.h"
#include "signals/RuleText.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kLeadCondition = u"source = 'form' AND event_type = 'form_submitted'"_s;

// The largest number of leads inside any 10-minute span that holds at least one new lead. Already-notified
// leads count too: two leads, then a third five minutes later, is a burst of three.
bool isBurst(const CheckContext& ctx, const QList<CheckedSignal>& fresh, QString* error, bool* ok)
{
    *ok = true;
    const qint64 window = checkrules::kLeadBurstSeconds * 1000;
    const qint64 first = toEpochMs(fresh.first().occurredAt) - window;
    const qint64 last = toEpochMs(fresh.last().occurredAt) + window;
    QSqlQuery q(ctx.db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, occurred_at FROM signals WHERE occurred_at >= ? AND occurred_at <= ? AND "
              "state <> 'ignored' AND "_s
        + kLeadCondition + u" ORDER BY occurred_at, id"_s);
    q.addBindValue(first);
    q.addBindValue(last);
    if (!q.exec()) {
        *ok = setError(error, q);
        return false;
    }
    QList<QPair<qint64, bool>> leads; // occurred_at, new?
    QSet<qint64> freshIds;
    for (const CheckedSignal& s : fresh)
        freshIds.insert(s.id);
    while (q.next())
        leads.append({ q.value(1).toLongLong(), freshIds.contains(q.value(0).toLongLong()) });
    // Sliding window over the time-ordered leads: [i, j] spans at most 10 minutes.
    qsizetype j = 0;
    for (qsizetype i = 0; i < leads.size(); ++i) {
        if (j < i)
            j = i;
        while (j + 1 < leads.size() && leads.at(j + 1).first - leads.at(i).first <= window)
            ++j;
        if (j - i + 1 < checkrules::kLeadBurstCount)
            continue;
        for (qsizetype k = i; k <= j; ++k)
            if (leads.at(k).second)
                return true;
    }
    return false;
}

QString leadName(const CheckedSignal& s)
{
    const payload::Contact c = payload::contact(s.payload);
    return ruletext::person(c.name, c.email, c.company);
}

} // namespace

bool NewLeadsCheck::run(const CheckContext& ctx, QList<Notification>* notifications, QString* error)
{
    const auto fresh = takeNewSignals(ctx, name(), kLeadCondition, error);
    if (!fresh)
        return false;
    if (fresh->isEmpty())
        return true;
    bool ok = true;
    const bool burst = isBurst(ctx, *fresh, error, &ok);
    if (!ok)
        return false;

    Notification n;
    n.kind = name();
    n.priority = burst ? NotificationPriority::High : NotificationPriority::Normal;
    const CheckedSignal& point = pointOf(*fresh);
    n.moveId = point.moveId;
    n.signalId = point.id;
    if (fresh->size() == 1) {
        const CheckedSignal& s = fresh->first();
        n.title = u"New form lead: "_s + leadName(s);
        const QString form = payload::text(s.payload, { "form_name"_L1, "form"_L1 });
        const QString note = payload::text(s.payload, { "message"_L1, "comments"_L1, "note"_L1 });
        QStringList parts;
        if (!form.isEmpty())
            parts << u"Submitted “%1”"_s.arg(form);
        if (!note.isEmpty())
            parts << ruletext::quoted(note, 120);
        n.message = parts.isEmpty() ? u"A form was submitted."_s : parts.join(u": "_s);
    } else {
        n.title = checktext::counted(fresh->size(), u"new form lead"_s, u"new form leads"_s);
        QStringList names;
        // Newest first: the names people read first are the leads that just came in.
        for (auto it = fresh->crbegin(); it != fresh->crend(); ++it)
            names << leadName(*it);
        n.message = checktext::listed(names);
    }
    if (burst)
        n.message = u"%1 or more leads within %2. "_s.arg(checkrules::kLeadBurstCount)
                        .arg(checktext::span(checkrules::kLeadBurstSeconds))
            + n.message;
    notifications->append(n);
    return true;
}

} // namespace caseyos

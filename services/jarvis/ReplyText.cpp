#include "jarvis/ReplyText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

QString whenText(const QDateTime& at, const Clock& clock)
{
    const QDateTime local = at.toTimeZone(clock.localZone());
    const QDate today = clock.now().toTimeZone(clock.localZone()).date();
    const QString time = local.toString(u"HH:mm"_s);
    if (local.date() == today)
        return u"today at "_s + time;
    if (local.date() == today.addDays(1))
        return u"tomorrow at "_s + time;
    return QLocale::c().toString(local.date(), u"dddd d MMMM"_s) + u" at "_s + time;
}

QString percent(double ratio)
{
    return QString::number(qRound(ratio * 100.0)) + u'%';
}

QString firstName(const QString& name, const QString& email)
{
    const QString first = name.section(u' ', 0, 0).trimmed();
    if (!first.isEmpty())
        return first;
    QString local = email.section(u'@', 0, 0).section(u'.', 0, 0);
    if (!local.isEmpty())
        local[0] = local[0].toUpper();
    return local;
}

} // namespace

QString markdownEscaped(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (QStringView(u"\\`*_[]<>#|").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString moveLink(const Move& move)
{
    return u"[#%1 %2](caseyos://move/%1)"_s.arg(move.id).arg(markdownEscaped(move.title));
}

QString moveLine(const Move& move, const QDateTime& now)
{
    QString line = moveLink(move) + u" — APS %1"_s.arg(qRound(move.aps));
    const QString who = !move.contactName.isEmpty() ? move.contactName : move.contactEmail;
    if (!who.isEmpty())
        line += u" · "_s + markdownEscaped(who);
    if (!move.company.isEmpty())
        line += u" ("_s + markdownEscaped(move.company) + u')';
    if (move.dueBy.isValid() && move.dueBy < now)
        line += u" · **overdue**"_s;
    return line;
}

QString moveDetails(const Move& move, const QDateTime& now)
{
    QString text = u"**%1** — %2, APS %3\n"_s.arg(moveLink(move), toString(move.effectiveStatus(now)))
                       .arg(qRound(move.aps));
    if (!move.description.isEmpty())
        text += u"\n"_s + markdownEscaped(move.description) + u"\n"_s;
    if (!move.reasoning.isEmpty())
        text += u"\n*Why:* "_s + markdownEscaped(move.reasoning) + u"\n"_s;
    QStringList parts;
    for (const QString& part : { move.contactName, move.contactEmail, move.company })
        if (!part.isEmpty())
            parts.append(part);
    const QString who = parts.join(u" · "_s);
    if (!who.isEmpty())
        text += u"\n*Contact:* "_s + markdownEscaped(who);
    if (move.dueBy.isValid())
        text += u"\n*Due:* "_s + move.dueBy.toUTC().toString(Qt::ISODate);
    return text;
}

QString changeSentence(IntentKind kind, const Move& after, const QDateTime& until, const Clock& clock)
{
    switch (kind) {
    case IntentKind::AcceptMove:
        return u"Accepted %1 — it is %2 now."_s.arg(moveLink(after), toString(after.status).replace(u'_', u' '));
    case IntentKind::DismissMove:
        return after.dismissReason.isEmpty()
            ? u"Dismissed %1."_s.arg(moveLink(after))
            : u"Dismissed %1 (%2)."_s.arg(moveLink(after), markdownEscaped(after.dismissReason));
    case IntentKind::SnoozeMove:
        return u"Snoozed %1 until %2."_s.arg(moveLink(after), whenText(until, clock));
    case IntentKind::CompleteMove:
        return u"Marked %1 done."_s.arg(moveLink(after));
    default:
        return moveLink(after);
    }
}

QString outcomeSentence(const OutcomeRecordResult& result)
{
    const Outcome& o = result.outcome;
    QString text = u"Recorded **%1**"_s.arg(outcomeTypeLabel(o.type).toLower());
    if (!o.contactEmail.isEmpty())
        text += u" for "_s + markdownEscaped(o.contactEmail);
    text += u" (impact %1)."_s.arg(o.impact, 0, 'f', 1);
    if (result.move)
        text += u" %1 is %2."_s.arg(moveLink(result.move->after), toString(result.move->after.status));
    if (!result.rescored.isEmpty())
        text += u" Re-scored %n open move(s) of this contact; their adjustment is now %1."_s.arg(
            result.adjustment, 0, 'f', 1).replace(u"%n"_s, QString::number(result.rescored.size()));
    return text;
}

QString statsText(const OutcomeStats& stats)
{
    const QString period = stats.days == 1 ? u"today"_s : u"the last %1 days"_s.arg(stats.days);
    if (stats.total == 0)
        return u"No outcomes recorded in %1%2."_s.arg(
            period, stats.contactEmail.isEmpty() ? QString() : u" for "_s + stats.contactEmail);
    QString text = u"In %1: **%2 outcomes**, %3 positive and %4 negative, net impact %5."_s.arg(period)
                       .arg(stats.total)
                       .arg(stats.positive)
                       .arg(stats.negative)
                       .arg(stats.netImpact, 0, 'f', 1);
    text += u"\n\n- Emails sent: %1, replies: %2 (reply rate %3)\n- Meetings booked: %4 (meeting rate %5)"_s
                .arg(stats.sent())
                .arg(stats.replied())
                .arg(percent(stats.replyRate))
                .arg(stats.booked())
                .arg(percent(stats.meetingRate));
    return text;
}

EmailDraft followUpDraft(const QString& to, const std::optional<Move>& move)
{
    EmailDraft draft;
    draft.to = to;
    const QString name = firstName(move ? move->contactName : QString(), to);
    const QString topic = move ? (!move->company.isEmpty() ? move->company : move->title) : QString();
    draft.subject = topic.isEmpty() ? u"Following up"_s : u"Following up - "_s + topic;
    draft.body = u"Hi %1,\n\n"_s.arg(name.isEmpty() ? u"there"_s : name);
    if (move && !move->title.isEmpty())
        draft.body += u"I wanted to follow up on \"%1\".\n\n"_s.arg(move->title);
    else
        draft.body += u"I wanted to follow up on our last conversation.\n\n"_s;
    draft.body += u"Would a short call this week work to agree on next steps? Happy to fit your schedule.\n\n"
                  "Best regards"_s;
    if (move)
        draft.moveId = move->id;
    return draft;
}

QString draftText(const EmailDraft& draft)
{
    QString body = draft.body;
    body.replace(u"\n"_s, u"\n> "_s);
    return u"Saved draft %1 to %2 — nothing was sent.\n\n**Subject:** %3\n\n> %4"_s.arg(draft.id)
        .arg(markdownEscaped(draft.to), markdownEscaped(draft.subject), body);
}

} // namespace caseyos::jarvis

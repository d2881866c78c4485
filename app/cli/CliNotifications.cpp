// caseyos notifications [--all] [--json]
// caseyos notifications read|dismiss|snooze ID [--until WHEN] [--json]; caseyos notifications read --all
// caseyos whats-up [--json]
#include "Cli.h"
#include "CliCommon.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "moves/SnoozePresets.h"
#include "notifications/NotificationJson.h"
#include "notifications/NotificationService.h"
#include "storage/Database.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

constexpr int kNotificationTitleWidth = 70;

QString priorityLabel(NotificationPriority priority)
{
    return toString(priority).toUpper();
}

void printList(const QList<Notification>& list, bool withState, const QDateTime& now)
{
    if (list.isEmpty()) {
        printOut(withState ? u"No notifications.\n"_s : u"No unread notifications. All clear.\n"_s);
        return;
    }
    int idWidth = 2;
    for (const Notification& n : list)
        idWidth = qMax(idWidth, int(QString::number(n.id).size()));
    QString text = padLeft(u"ID"_s, idWidth) + u"  "_s + padRight(u"Priority"_s, 8) + u"  "_s
        + padRight(u"Created"_s, 16) + u"  "_s + (withState ? padRight(u"State"_s, 9) + u"  "_s : QString())
        + u"Title\n"_s;
    const QString indent(idWidth + 2 + 8 + 2 + 16 + 2 + (withState ? 11 : 0), u' ');
    for (const Notification& n : list) {
        text += padLeft(QString::number(n.id), idWidth) + u"  "_s + padRight(priorityLabel(n.priority), 8)
            + u"  "_s + padRight(localTime(n.createdAt), 16) + u"  "_s
            + (withState ? padRight(toString(n.state(now)), 9) + u"  "_s : QString())
            + elide(n.title, kNotificationTitleWidth) + u'\n';
        if (!n.message.isEmpty())
            text += indent + elide(n.message, kNotificationTitleWidth + 40) + u'\n';
    }
    printOut(text);
}

int listNotifications(NotificationService& service, bool all, bool json, const QDateTime& now)
{
    const Result<QList<Notification>> list = all ? service.all() : service.unread();
    if (!list) {
        printErr(list.error());
        return ExitFailure;
    }
    if (json) {
        printJson(jsonArrayOf(list.value(), [&now](const Notification& n) { return notificationToJson(n, now); }));
    } else {
        printList(list.value(), all, now);
    }
    return ExitOk;
}

void printChanged(const Notification& n, const QString& verb, bool json, const QDateTime& now)
{
    if (json) {
        printJson(notificationToJson(n, now));
        return;
    }
    QString text = u"Notification %1 %2: now %3"_s.arg(n.id).arg(verb, toString(n.state(now)));
    if (n.state(now) == NotificationState::Snoozed)
        text += u" until "_s + localTime(n.snoozedUntil) + u" ("_s + toIsoUtc(n.snoozedUntil) + u')';
    printOut(text + u"\n  "_s + n.title + u'\n');
}

} // namespace

int runNotifications(const QStringList& arguments)
{
    CommandParser command(u"notifications"_s,
        u"List unread notifications (most urgent first, then newest), or change one:\n"
        "  read ID          mark it read (read --all: every unread one)\n"
        "  dismiss ID       remove it from the list for good\n"
        "  snooze ID --until WHEN   hide it until then; it comes back unread\n"
        "WHEN: 1h, 4h, tomorrow (09:00), monday (next Monday 09:00), or an ISO-8601 date-time\n"
        "(without an offset it is local time)."_s,
        u"[read|dismiss|snooze ID]"_s, u"Nothing to list; or an action and the notification's id."_s);
    const QCommandLineOption allOption(
        u"all"_s, u"List: include read, dismissed and snoozed ones. With read: mark every one read."_s);
    const QCommandLineOption untilOption(u"until"_s, u"When a snoozed notification comes back."_s, u"WHEN"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON (an array when listing)."_s);
    command.addOption(allOption);
    command.addOption(untilOption);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QCommandLineParser& parser = command.parser();
    const QStringList args = command.positional();
    const bool all = parser.isSet(allOption);
    const Clock& clock = SystemClock::instance();

    QString action;
    qint64 id = 0;
    QDateTime until;
    if (!args.isEmpty()) {
        action = args.at(0);
        if (action != u"read"_s && action != u"dismiss"_s && action != u"snooze"_s) {
            printErr(u"unknown notifications action \"%1\" (use read, dismiss or snooze)"_s.arg(action));
            return ExitUsage;
        }
        const bool markAll = action == u"read"_s && all;
        if (markAll ? args.size() != 1 : args.size() != 2) {
            printErr(markAll ? u"read --all takes no id"_s
                             : u"usage: caseyos notifications read|dismiss|snooze ID (or read --all)"_s);
            return ExitUsage;
        }
        if (all && !markAll) {
            printErr(u"--all only applies to listing and to read"_s);
            return ExitUsage;
        }
        if (!markAll) {
            const std::optional<qint64> parsed
                = parseId(args.at(1), u"notification"_s, u"a whole number, as \"caseyos notifications\" shows"_s);
            if (!parsed)
                return ExitUsage;
            id = *parsed;
        }
    }
    if (action == u"snooze"_s) {
        if (!parser.isSet(untilOption)) {
            printErr(u"snooze needs --until WHEN (1h, 4h, tomorrow, monday or a date-time)"_s);
            return ExitUsage;
        }
        const std::optional<QDateTime> parsed = parseSnoozeUntil(parser.value(untilOption), clock);
        if (!parsed) {
            printErr(
                u"cannot understand --until \"%1\" (use 1h, 4h, tomorrow, monday or an ISO-8601 date-time)"_s
                    .arg(parser.value(untilOption)));
            return ExitUsage;
        }
        until = *parsed;
    } else if (parser.isSet(untilOption)) {
        printErr(u"--until only applies to snooze"_s);
        return ExitUsage;
    }

    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    NotificationService service(db, clock);
    const QDateTime now = clock.now();
    if (action.isEmpty())
        return listNotifications(service, all, parser.isSet(json), now);

    if (action == u"read"_s && all) {
        const Result<int> marked = service.markAllRead();
        if (!marked) {
            printErr(marked.error());
            return ExitFailure;
        }
        if (parser.isSet(json))
            printJson(QJsonObject { { u"marked_read"_s, marked.value() } });
        else
            printOut(u"Marked %1 notification%2 read.\n"_s.arg(marked.value())
                         .arg(marked.value() == 1 ? u""_s : u"s"_s));
        return ExitOk;
    }
    const Result<Notification> result = action == u"read"_s ? service.markRead(id)
        : action == u"dismiss"_s                            ? service.dismiss(id)
                                                            : service.snooze(id, until);
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    const QString verb = action == u"read"_s ? u"marked read"_s
        : action == u"dismiss"_s             ? u"dismissed"_s
                                             : u"snoozed"_s;
    printChanged(result.value(), verb, parser.isSet(json), now);
    return ExitOk;
}

int runWhatsUp(const QStringList& arguments)
{
    CommandParser command(u"whats-up"_s,
        u"Sum up the unread notifications: a one-line headline, the counts by priority and the\n"
        "five most important urgent or high ones."_s,
        {});
    const QCommandLineOption json(u"json"_s,
        u"Print {\"headline\", \"counts\": {\"urgent\",\"high\",\"normal\",\"low\"}, \"total_unread\", \"top\": […]}."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!command.positional().isEmpty()) {
        printErr(u"whats-up takes no arguments (got \"%1\")"_s.arg(command.positional().join(u' ')));
        return ExitUsage;
    }
    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    const Result<WhatsUp> summary = NotificationService(db, SystemClock::instance()).whatsUp();
    if (!summary) {
        printErr(summary.error());
        return ExitFailure;
    }
    const WhatsUp& s = summary.value();
    if (command.parser().isSet(json)) {
        printJson(whatsUpToJson(s));
        return ExitOk;
    }
    QString text = s.headline + u'\n';
    if (s.counts.total() > 0)
        text += u"Unread: %1 urgent, %2 high, %3 normal, %4 low\n"_s.arg(s.counts.urgent)
                    .arg(s.counts.high)
                    .arg(s.counts.normal)
                    .arg(s.counts.low);
    for (const Notification& n : s.top)
        text += u"  #%1 %2  %3\n"_s.arg(n.id).arg(
            padRight(priorityLabel(n.priority), 6), elide(n.title, kNotificationTitleWidth));
    printOut(text);
    return ExitOk;
}

} // namespace caseyos::cli

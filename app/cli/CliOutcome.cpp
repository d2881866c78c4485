// caseyos outcome record|stats|types: record what happened after a move, and see what outcomes add up to.
#include "Cli.h"
#include "CliCommon.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "outcomes/OutcomeJson.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

const char kOutcomeHelp[] = R"(Usage: caseyos outcome SUBCOMMAND [options]

Outcomes are what happened after a move (a reply, a meeting, a lost deal). Recording one completes its
move and re-scores every open move of that contact (PRODUCT.md §2: the time-weighted mean of the contact's
outcome impacts, up to ±20 APS points).

Subcommands:
  record    Record an outcome: --move ID or --contact EMAIL, and --type TYPE
  stats     Outcome counts, rates and impact over the last N days (--days N, --contact EMAIL)
  types     The 20 outcome types with their category and impact

Run "caseyos outcome SUBCOMMAND --help" for a subcommand's options.
)";

// Signed, one decimal: "+8.0", "−4.0" (a typographic minus, as the reasoning strings use), "0.0".
QString signedImpact(double value, int decimals = 1)
{
    const double shown = std::round(value * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    if (shown == 0.0)
        return QString::number(0.0, 'f', decimals);
    return (shown > 0 ? u"+"_s : u"−"_s) + QString::number(std::fabs(shown), 'f', decimals);
}

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + u'%';
}

// The first argument after "outcome" that is not an option or an option's value.
QString findSubcommand(const QStringList& arguments)
{
    static const QStringList withValue { u"--home"_s, u"--log-level"_s, u"--move"_s, u"--contact"_s,
        u"--type"_s, u"--confidence"_s, u"--note"_s, u"--at"_s, u"--days"_s };
    const qsizetype start = arguments.indexOf(u"outcome"_s);
    for (qsizetype i = start + 1; start >= 0 && i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (!arg.startsWith(u'-'))
            return arg;
        if (withValue.contains(arg))
            ++i;
    }
    return {};
}

// An ISO-8601 date-time for --at; without an offset it is local time, as the user reads a clock.
std::optional<QDateTime> parseWhen(const QString& text, const Clock& clock)
{
    const std::optional<IsoDateTimeParts> parts = parseIsoDateTimeParts(text.trimmed());
    if (!parts)
        return std::nullopt;
    if (parts->offsetSeconds)
        return parseIsoDateTime(text.trimmed());
    const QDateTime local(parts->date, parts->time, clock.localZone());
    return local.isValid() ? std::optional<QDateTime>(local.toUTC()) : std::nullopt;
}

void printRecorded(const OutcomeRecordResult& r)
{
    const Outcome& o = r.outcome;
    QString text
        = u"Recorded %1 (%2, %3)"_s.arg(toString(o.type), signedImpact(o.impact), toString(o.category));
    if (o.confidence < 1.0)
        text += u" at confidence %1"_s.arg(o.confidence);
    if (!o.contactEmail.isEmpty())
        text += u" for "_s + o.contactEmail;
    text += u".\n"_s;
    if (r.move) {
        const Move& m = r.move->after;
        if (r.move->before.status != m.status)
            text += u"Move %1 completed: %2\n"_s.arg(m.id).arg(m.title);
        else
            text += u"Move %1 stays %2: %3\n"_s.arg(m.id).arg(toString(m.status), m.title);
    }
    if (o.contactEmail.isEmpty()) {
        text += u"No contact, so no move was re-scored.\n"_s;
    } else if (r.rescored.isEmpty()) {
        text += u"%1 has no other open moves; outcome adjustment now %2.\n"_s.arg(
            o.contactEmail, signedImpact(r.adjustment));
    } else {
        text += u"Re-scored %1 open move%2 of %3 (outcome adjustment %4):\n"_s.arg(r.rescored.size())
                    .arg(r.rescored.size() == 1 ? QString() : u"s"_s, o.contactEmail,
                        signedImpact(r.adjustment));
        int idWidth = 2;
        for (const MoveChange& c : r.rescored)
            idWidth = qMax(idWidth, int(QString::number(c.after.id).size()));
        for (const MoveChange& c : r.rescored)
            text += u"  "_s + padLeft(QString::number(c.after.id), idWidth) + u"  "_s
                + padLeft(QString::number(c.before.aps, 'f', 2), 6) + u" → "_s
                + padLeft(QString::number(c.after.aps, 'f', 2), 6) + u"  "_s + elide(c.after.title, 60)
                + u'\n';
    }
    printOut(text);
}

int runRecord(const QStringList& arguments)
{
    CommandParser command(u"outcome"_s,
        u"Record an outcome. With --move, the move is completed (unless it already is, or was dismissed) "
        u"and\n"
        "the contact is the move's. Every open move of the contact is then re-scored.\n"
        "TYPE: one of \"caseyos outcome types\" (e.g. email_replied, meeting_booked, deal_lost).\n"
        "The recorded impact is the type's impact × confidence."_s,
        u"record (--move ID | --contact EMAIL) --type TYPE [--confidence C] [--note TEXT] [--at WHEN]"_s,
        u"\"record\"."_s);
    const QCommandLineOption moveOption(u"move"_s, u"The move the outcome is for (its id)."_s, u"ID"_s);
    const QCommandLineOption contactOption(
        u"contact"_s, u"The contact the outcome is about (default: the move's)."_s, u"EMAIL"_s);
    const QCommandLineOption typeOption(u"type"_s, u"The outcome type (required)."_s, u"TYPE"_s);
    const QCommandLineOption confidenceOption(
        u"confidence"_s, u"How sure you are, from 0 to 1 (default 1)."_s, u"C"_s, u"1"_s);
    const QCommandLineOption noteOption(u"note"_s, u"A note kept with the outcome."_s, u"TEXT"_s);
    const QCommandLineOption atOption(u"at"_s,
        u"When it happened: ISO-8601 date-time, local time without an offset (default: now)."_s, u"WHEN"_s);
    const QCommandLineOption json(u"json"_s, u"Print what changed as JSON."_s);
    for (const QCommandLineOption& option :
        { moveOption, contactOption, typeOption, confidenceOption, noteOption, atOption, json })
        command.addOption(option);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (command.positional().size() != 1) {
        printErr(
            u"outcome record takes options only (got \"%1\")"_s.arg(command.positional().mid(1).join(u' ')));
        return ExitUsage;
    }
    const QCommandLineParser& parser = command.parser();
    const Clock& clock = SystemClock::instance();
    OutcomeInput input;
    input.source = OutcomeSource::Manual;

    if (!parser.isSet(typeOption)) {
        printErr(u"outcome record needs --type TYPE (one of: %1)"_s.arg(outcomeTypeNames()));
        return ExitUsage;
    }
    const std::optional<OutcomeType> type = outcomeTypeFromString(parser.value(typeOption));
    if (!type) {
        printErr(u"unknown outcome type \"%1\" (valid types: %2)"_s.arg(
            parser.value(typeOption), outcomeTypeNames()));
        return ExitUsage;
    }
    input.type = *type;

    if (!parser.isSet(moveOption) && !parser.isSet(contactOption)) {
        printErr(u"outcome record needs --move ID or --contact EMAIL"_s);
        return ExitUsage;
    }
    if (parser.isSet(moveOption)) {
        const std::optional<qint64> id = parseId(parser.value(moveOption), u"move"_s, kMoveIdHint);
        if (!id)
            return ExitUsage;
        input.moveId = *id;
    }
    if (parser.isSet(contactOption)) {
        input.contactEmail = parser.value(contactOption).trimmed();
        if (!input.contactEmail.contains(u'@')) {
            printErr(u"--contact needs an email address (got \"%1\")"_s.arg(parser.value(contactOption)));
            return ExitUsage;
        }
    }
    bool confidenceOk = false;
    input.confidence = parser.value(confidenceOption).trimmed().toDouble(&confidenceOk);
    if (!confidenceOk || !isValidConfidence(input.confidence)) {
        printErr(
            u"--confidence must be a number from 0 to 1 (got \"%1\")"_s.arg(parser.value(confidenceOption)));
        return ExitUsage;
    }
    input.note = parser.value(noteOption);
    if (parser.isSet(atOption)) {
        const std::optional<QDateTime> when = parseWhen(parser.value(atOption), clock);
        if (!when) {
            printErr(
                u"cannot understand --at \"%1\" (use an ISO-8601 date-time, e.g. 2026-11-24T15:30)"_s.arg(
                    parser.value(atOption)));
            return ExitUsage;
        }
        if (*when > clock.now().addSecs(60)) {
            printErr(u"--at %1 is in the future; record an outcome once it has happened"_s.arg(
                parser.value(atOption)));
            return ExitUsage;
        }
        input.occurredAt = *when;
    }

    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    const Result<OutcomeRecordResult> result = OutcomeService(db, clock).record(input);
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    if (parser.isSet(json))
        printJson(recordResultToJson(result.value()));
    else
        printRecorded(result.value());
    return ExitOk;
}

void printStats(const OutcomeStats& s)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    QString text = u"Outcomes, last %1 day%2 (%3 – %4)"_s.arg(s.days).arg(s.days == 1 ? QString() : u"s"_s,
        s.from.toTimeZone(zone).date().toString(Qt::ISODate),
        s.to.toTimeZone(zone).date().toString(Qt::ISODate));
    if (!s.contactEmail.isEmpty())
        text += u" for "_s + s.contactEmail;
    text += u"\n\n"_s;
    if (s.total == 0) {
        text += u"No outcomes recorded in this window. Record one with: caseyos outcome record --help\n"_s;
        printOut(text);
        return;
    }
    text += u"  Total %1 · positive %2 · negative %3\n"_s.arg(s.total).arg(s.positive).arg(s.negative);
    text += u"  Net impact %1 · mean impact %2\n"_s.arg(
        signedImpact(s.netImpact), signedImpact(s.meanImpact, 2));
    text += u"  Reply rate %1 · meeting rate %2%3\n"_s.arg(
        percent(s.replyRate), percent(s.meetingRate), s.sent() == 0 ? u" (no emails sent)"_s : QString());
    text += u"  Funnel: sent %1 → opened %2 → replied %3 → booked %4\n\n"_s.arg(s.sent())
                .arg(s.opened())
                .arg(s.replied())
                .arg(s.booked());
    text += u"By category:\n"_s;
    for (auto it = s.byCategory.cbegin(); it != s.byCategory.cend(); ++it)
        text += u"  "_s + padRight(outcomeCategoryLabel(it.key()), 10)
            + padLeft(QString::number(it.value()), 7) + u'\n';
    text += u"\nBy type:\n"_s;
    for (auto it = s.byType.cbegin(); it != s.byType.cend(); ++it)
        if (it.value() > 0)
            text += u"  "_s + padRight(toString(it.key()), 22) + padLeft(QString::number(it.value()), 7)
                + u'\n';
    text += u"\nNet impact per day:\n"_s;
    for (const OutcomeDay& day : s.perDay) {
        if (day.count == 0 && s.perDay.size() > 14)
            continue; // long windows list only the days with outcomes
        text += u"  "_s + day.date.toString(u"ddd yyyy-MM-dd"_s) + u"  "_s
            + padLeft(signedImpact(day.netImpact), 7) + u"  ("_s + QString::number(day.count) + u")\n"_s;
    }
    printOut(text);
}

int runStats(const QStringList& arguments)
{
    CommandParser command(u"outcome"_s,
        u"Outcome stats over the last N local calendar days (today included): counts by type and category,\n"
        "positive / negative counts, net and mean impact, reply rate (replied / sent) and meeting rate\n"
        "((booked + held) / sent), both 0 when nothing was sent, and net impact per day."_s,
        u"stats [--days N] [--contact EMAIL] [--json]"_s, u"\"stats\"."_s);
    const QCommandLineOption daysOption(
        u"days"_s, u"The window, 1 to 90 days (default 7)."_s, u"N"_s, u"7"_s);
    const QCommandLineOption contactOption(u"contact"_s, u"Only this contact's outcomes."_s, u"EMAIL"_s);
    const QCommandLineOption json(u"json"_s, u"Print the stats as JSON."_s);
    command.addOption(daysOption);
    command.addOption(contactOption);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (command.positional().size() != 1) {
        printErr(
            u"outcome stats takes options only (got \"%1\")"_s.arg(command.positional().mid(1).join(u' ')));
        return ExitUsage;
    }
    const QCommandLineParser& parser = command.parser();
    bool ok = false;
    const int days = parser.value(daysOption).toInt(&ok);
    if (!ok || days < kMinStatsDays || days > kMaxStatsDays) {
        printErr(u"--days must be a whole number from %1 to %2 (got \"%3\")"_s.arg(kMinStatsDays)
                     .arg(kMaxStatsDays)
                     .arg(parser.value(daysOption)));
        return ExitUsage;
    }
    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    const Result<OutcomeStats> result
        = OutcomeService(db, SystemClock::instance()).stats(days, parser.value(contactOption));
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    if (parser.isSet(json))
        printJson(statsToJson(result.value()));
    else
        printStats(result.value());
    return ExitOk;
}

int runTypes(const QStringList& arguments)
{
    CommandParser command(u"outcome"_s,
        u"The 20 outcome types, by category, with the impact each adds to its contact's outcome mean."_s,
        u"types [--json]"_s, u"\"types\"."_s);
    const QCommandLineOption json(u"json"_s, u"Print the types as a JSON array."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (command.positional().size() != 1) {
        printErr(
            u"outcome types takes no arguments (got \"%1\")"_s.arg(command.positional().mid(1).join(u' ')));
        return ExitUsage;
    }
    if (command.parser().isSet(json)) {
        printJson(outcomeTypesToJson());
        return ExitOk;
    }
    QString text;
    for (OutcomeCategory category : allOutcomeCategories()) {
        text += outcomeCategoryLabel(category) + u'\n';
        for (OutcomeType type : allOutcomeTypes())
            if (categoryOf(type) == category)
                text += u"  "_s + padRight(toString(type), 22)
                    + padLeft(signedImpact(defaultImpact(type), 0), 4) + u"  "_s + outcomeTypeLabel(type)
                    + u'\n';
    }
    printOut(text);
    return ExitOk;
}

} // namespace

int runOutcome(const QStringList& arguments)
{
    const QString sub = findSubcommand(arguments);
    if (sub == u"record"_s)
        return runRecord(arguments);
    if (sub == u"stats"_s)
        return runStats(arguments);
    if (sub == u"types"_s)
        return runTypes(arguments);
    const bool help = arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s);
    if (sub.isEmpty()) {
        printOut(QString::fromUtf8(kOutcomeHelp));
        return help ? ExitOk : ExitUsage;
    }
    printErr(u"unknown outcome subcommand \"%1\" (use record, stats or types)"_s.arg(sub));
    return ExitUsage;
}

} // namespace caseyos::cli

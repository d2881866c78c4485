#include "jarvis/IntentSlots.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

// Words that say nothing about which move or contact is meant.
const QSet<QString>& fillerWords()
{
    static const QSet<QString> words = { u"a"_s, u"an"_s, u"the"_s, u"one"_s, u"ones"_s, u"move"_s, u"moves"_s,
        u"please"_s, u"pls"_s, u"can"_s, u"could"_s, u"would"_s, u"you"_s, u"i"_s, u"im"_s, u"ill"_s, u"me"_s,
        u"my"_s, u"to"_s, u"for"_s, u"with"_s, u"about"_s, u"on"_s, u"of"_s, u"and"_s, u"now"_s, u"just"_s,
        u"lets"_s, u"let"_s, u"us"_s, u"we"_s, u"jarvis"_s, u"casey"_s, u"hey"_s, u"deal"_s, u"task"_s,
        u"item"_s, u"thing"_s, u"was"_s, u"is"_s, u"were"_s, u"are"_s, u"has"_s, u"have"_s, u"had"_s,
        u"did"_s, u"got"_s, u"been"_s, u"already"_s, u"as"_s, u"that"_s, u"this"_s, u"it"_s, u"from"_s,
        u"at"_s, u"in"_s, u"by"_s, u"go"_s, u"ahead"_s, u"up"_s, u"out"_s, u"back"_s, u"there"_s, u"our"_s,
        u"your"_s, u"their"_s, u"they"_s, u"he"_s, u"she"_s, u"them"_s, u"him"_s, u"her"_s, u"who"_s,
        u"which"_s, u"what"_s, u"whats"_s, u"ok"_s, u"okay"_s, u"yes"_s, u"so"_s, u"then"_s, u"today"_s,
        u"todays"_s, u"record"_s, u"log"_s, u"mark"_s, u"note"_s, u"say"_s, u"said"_s, u"all"_s, u"email"_s,
        u"contact"_s, u"person"_s, u"guy"_s, u"company"_s, u"account"_s, u"meeting"_s, u"call"_s };
    return words;
}

// A value and the phrases that say it. An aggregate, not std::pair: only aggregate initialisation extends
// the life of the braced phrase list to the table's (a pair's constructor would leave it dangling).
template<typename T>
struct Said
{
    T value;
    std::initializer_list<QStringView> phrases;
};

struct Ordinal
{
    const char16_t* word;
    int position;
};

constexpr Ordinal kOrdinals[] = { { u"first", 1 }, { u"1st", 1 }, { u"top", 1 }, { u"second", 2 },
    { u"2nd", 2 }, { u"third", 3 }, { u"3rd", 3 }, { u"fourth", 4 }, { u"4th", 4 }, { u"fifth", 5 },
    { u"5th", 5 }, { u"sixth", 6 }, { u"6th", 6 }, { u"seventh", 7 }, { u"7th", 7 }, { u"eighth", 8 },
    { u"8th", 8 }, { u"ninth", 9 }, { u"9th", 9 }, { u"tenth", 10 }, { u"10th", 10 }, { u"last", -1 },
    { u"bottom", -1 } };

constexpr Ordinal kNumberWords[] = { { u"one", 1 }, { u"two", 2 }, { u"three", 3 }, { u"four", 4 },
    { u"five", 5 }, { u"six", 6 }, { u"seven", 7 }, { u"eight", 8 }, { u"nine", 9 }, { u"ten", 10 } };

// A number written with digits or as a word (one … ten), or 0.
int numberAt(const Words& words, qsizetype i)
{
    if (i < 0 || i >= words.size())
        return 0;
    if (words.at(i).isNumber)
        return words.text(i).toInt();
    for (const Ordinal& n : kNumberWords)
        if (words.text(i) == QStringView(n.word))
            return n.position;
    if (words.text(i) == u"a"_s || words.text(i) == u"an"_s)
        return 1;
    return 0;
}

// "<n> <unit>" at i, in minutes; 0 when there is none.
int durationAt(const Words& words, qsizetype i)
{
    const int n = numberAt(words, i);
    if (n <= 0 || i + 1 >= words.size())
        return 0;
    const QString& unit = words.text(i + 1);
    if (unit == u"minute"_s || unit == u"minutes"_s || unit == u"mins"_s || unit == u"min"_s)
        return n;
    if (unit == u"hour"_s || unit == u"hours"_s || unit == u"hrs"_s || unit == u"hr"_s)
        return n * 60;
    if (unit == u"day"_s || unit == u"days"_s)
        return n * 24 * 60;
    if (unit == u"week"_s || unit == u"weeks"_s)
        return n * 7 * 24 * 60;
    return 0;
}

void markWithPreposition(Words& words, qsizetype at, qsizetype count)
{
    static const QSet<QString> prepositions
        = { u"for"_s, u"until"_s, u"till"_s, u"til"_s, u"to"_s, u"by"_s, u"in"_s, u"over"_s, u"past"_s,
              u"last"_s, u"this"_s, u"the"_s, u"next"_s };
    qsizetype from = at;
    while (from > 0 && prepositions.contains(words.text(from - 1)) && !words.isUsed(from - 1))
        --from;
    words.markUsed(from, at - from + count);
}

} // namespace

SnoozeSpec takeSnooze(Words& words)
{
    SnoozeSpec spec;
    // Compact forms first: "1h", "4h", "2d".
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& t = words.text(i);
        if (t.size() >= 2 && (t.endsWith(u'h') || t.endsWith(u'd') || t.endsWith(u'm'))) {
            bool ok = false;
            const int n = QStringView(t).chopped(1).toInt(&ok);
            if (ok && n > 0) {
                spec.minutes = t.endsWith(u'h') ? n * 60 : t.endsWith(u'd') ? n * 24 * 60 : n;
                markWithPreposition(words, i, 1);
                break;
            }
        }
        const int minutes = durationAt(words, i);
        if (minutes > 0) {
            spec.minutes = minutes;
            markWithPreposition(words, i, 2);
            break;
        }
    }
    if (spec.minutes == 60) {
        spec.preset = SnoozePreset::OneHour;
        spec.minutes = 0;
    } else if (spec.minutes == 240) {
        spec.preset = SnoozePreset::FourHours;
        spec.minutes = 0;
    }
    if (spec.isSet())
        return spec;
    const Said<SnoozePreset> presets[] = {
        { SnoozePreset::TomorrowMorning, { u"tomorrow morning", u"tomorrow", u"tmrw", u"tmr" } },
        { SnoozePreset::NextMondayMorning, { u"next monday", u"monday", u"next week" } },
        { SnoozePreset::FourHours, { u"few hours", u"couple of hours", u"couple hours", u"this afternoon", u"later today" } },
        { SnoozePreset::OneHour, { u"an hour", u"one hour", u"a bit", u"a while" } },
    };
    for (const auto& [preset, phrases] : presets) {
        const auto [at, count] = words.findAny(phrases);
        if (at >= 0) {
            spec.preset = preset;
            markWithPreposition(words, at, count);
            return spec;
        }
    }
    return spec;
}

int takePeriodDays(Words& words)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        const int minutes = durationAt(words, i);
        if (minutes >= 24 * 60) {
            markWithPreposition(words, i, 2);
            return std::clamp(minutes / (24 * 60), 1, 90);
        }
    }
    const Said<int> periods[] = {
        { 1, { u"today", u"yesterday" } },
        { 7, { u"this week", u"last week", u"past week", u"the week", u"weekly", u"week" } },
        { 30, { u"this month", u"last month", u"past month", u"the month", u"monthly", u"month" } },
        { 90, { u"this quarter", u"last quarter", u"quarter", u"quarterly" } },
    };
    for (const auto& [days, phrases] : periods) {
        const auto [at, count] = words.findAny(phrases);
        if (at >= 0) {
            markWithPreposition(words, at, count);
            return days == 1 && words.text(at) == u"yesterday"_s ? 2 : days;
        }
    }
    return 0;
}

std::optional<OutcomeType> takeOutcome(Words& words)
{
    // Longer phrases first, so "not interested" is not read as "interested".
    const Said<OutcomeType> outcomes[] = {
        { OutcomeType::NoResponse,
            { u"no response", u"no reply", u"didnt respond", u"didnt reply", u"did not respond",
                u"did not reply", u"never replied", u"never responded", u"ghosted", u"no answer" } },
        { OutcomeType::MeetingNoShow, { u"no show", u"noshow", u"didnt show", u"did not show" } },
        { OutcomeType::NegativeResponse, { u"not interested", u"negative response", u"said no" } },
        { OutcomeType::PositiveResponse, { u"positive response", u"is interested", u"was interested", u"interested" } },
        { OutcomeType::MeetingRescheduled, { u"rescheduled" } },
        { OutcomeType::MeetingBooked, { u"meeting booked", u"booked a meeting", u"booked", u"scheduled a meeting" } },
        { OutcomeType::MeetingHeld, { u"meeting held", u"had the meeting", u"had a meeting", u"met with", u"met" } },
        { OutcomeType::DealWon, { u"closed won", u"won", u"signed" } },
        { OutcomeType::DealLost, { u"closed lost", u"lost" } },
        { OutcomeType::DealStageAdvanced, { u"moved to the next stage", u"next stage", u"advanced" } },
        { OutcomeType::EmailReplied, { u"replied", u"responded", u"wrote back", u"answered", u"got a reply" } },
        { OutcomeType::EmailBounced, { u"bounced" } },
        { OutcomeType::EmailUnsubscribed, { u"unsubscribed" } },
        { OutcomeType::EmailOpened, { u"opened" } },
        { OutcomeType::EmailClicked, { u"clicked" } },
    };
    for (const auto& [type, phrases] : outcomes) {
        const auto [at, count] = words.findAny(phrases);
        if (at >= 0) {
            words.markUsed(at, count);
            return type;
        }
    }
    return std::nullopt;
}

QString takeEmail(Words& words)
{
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i).isEmail && !words.isUsed(i)) {
            words.markUsed(i, 1);
            return words.text(i);
        }
    }
    return {};
}

MoveReference takePositionOrId(Words& words)
{
    MoveReference ref;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.isUsed(i))
            continue;
        const QString& t = words.text(i);
        if (t.startsWith(u'#')) {
            ref.kind = MoveReference::Kind::Id;
            ref.id = QStringView(t).mid(1).toLongLong();
            words.markUsed(i, 1);
            return ref;
        }
        if (t == u"id"_s && i + 1 < words.size() && words.at(i + 1).isNumber) {
            ref.kind = MoveReference::Kind::Id;
            ref.id = words.text(i + 1).toLongLong();
            words.markUsed(i, 2);
            return ref;
        }
        for (const Ordinal& o : kOrdinals) {
            if (wordMatches(t, QStringView(o.word))) {
                ref.kind = MoveReference::Kind::Position;
                ref.position = o.position;
                words.markUsed(i, 1);
                return ref;
            }
        }
        const bool counter = t == u"number"_s || t == u"no"_s || t == u"item"_s || t == u"move"_s
            || t == u"rank"_s || t == u"position"_s;
        if (counter && numberAt(words, i + 1) > 0 && words.text(i + 1) != u"a"_s) {
            ref.kind = MoveReference::Kind::Position;
            ref.position = numberAt(words, i + 1);
            words.markUsed(i, 2);
            return ref;
        }
        if (words.at(i).isNumber && t.toInt() > 0 && t.toInt() <= 1000) {
            ref.kind = MoveReference::Kind::Position;
            ref.position = t.toInt();
            words.markUsed(i, 1);
            return ref;
        }
    }
    const auto [at, count] = words.findAny({ u"that one", u"this one", u"it", u"that", u"this", u"same one" });
    if (at >= 0) {
        ref.kind = MoveReference::Kind::Previous;
        words.markUsed(at, count);
    }
    return ref;
}

QString leftoverText(const Words& words)
{
    QStringList kept;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.isUsed(i) || fillerWords().contains(words.text(i)))
            continue;
        QString t = words.originalText(i).toLower();
        if (t.endsWith(u"'s"_s) || t.endsWith(u"\u2019s"_s))
            t.chop(2);
        t.remove(u'\'');
        if (!t.isEmpty())
            kept.append(t);
    }
    return kept.join(u' ');
}

QString takeReason(Words& words)
{
    const auto [at, count] = words.findAny({ u"because", u"since", u"reason", u"as it", u"cause" });
    if (at < 0 || at + count >= words.size())
        return {};
    const qsizetype from = at + count;
    words.markUsed(at, words.size() - at);
    return words.original().mid(words.at(from).start).trimmed();
}

} // namespace caseyos::jarvis

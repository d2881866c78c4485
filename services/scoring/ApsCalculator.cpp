#include "scoring/ApsCalculator.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

double clamp01(double value)
{
    return std::isnan(value) ? 0.0 : std::clamp(value, 0.0, 1.0);
}

// Rounds half away from zero to `decimals` places without letting binary error decide the tie:
// 0.4·0.6 + … can land on 68.49999999999999 for an exact 68.5. Snapping to micro-units first removes
// that error (no score or percentage needs more than 6 significant decimals).
qint64 roundedUnits(double value, int decimals)
{
    const qint64 micro = std::llround(value * 1e6);
    qint64 step = 1;
    for (int i = decimals; i < 6; ++i)
        step *= 10;
    const qint64 half = step / 2;
    return micro >= 0 ? (micro + half) / step : -((-micro + half) / step);
}

int percent(double fraction)
{
    return int(roundedUnits(fraction * 100.0, 0));
}

} // namespace

bool ApsWeights::isValid() const
{
    for (double w : { revenue, urgency, effort, strategic })
        if (!(w >= 0.0 && w <= 1.0)) // NaN fails too
            return false;
    return std::fabs(revenue + urgency + effort + strategic - 1.0) <= 1e-6;
}

ApsComponents defaultComponents(QStringView actionType)
{
    const QString type = actionType.trimmed().toString().toLower();
    if (type == "schedule_meeting"_L1 || type == "book_meeting"_L1 || type == "meeting_follow_up"_L1)
        return { 0.9, 0.8, 0.4, 0.8 };
    if (type == "email_follow_up"_L1 || type == "send_email"_L1 || type == "thread_bump"_L1)
        return { 0.6, 0.7, 0.2, 0.5 };
    if (type == "update_crm"_L1 || type == "data_cleanup"_L1)
        return { 0.3, 0.4, 0.3, 0.6 };
    if (type == "create_task"_L1 || type == "log_call"_L1)
        return { 0.4, 0.5, 0.3, 0.5 };
    return { 0.5, 0.5, 0.5, 0.5 };
}

ApsComponents resolveComponents(QStringView actionType, const ApsInput& input)
{
    const ApsComponents defaults = defaultComponents(actionType);
    const auto pick = [](const std::optional<double>& given, double fallback) {
        return given && !std::isnan(*given) ? clamp01(*given) : fallback;
    };
    return { pick(input.revenue, defaults.revenue), pick(input.urgency, defaults.urgency),
        pick(input.effort, defaults.effort), pick(input.strategic, defaults.strategic) };
}

double apsScore(const ApsComponents& c, double outcomeAdjustment, const ApsWeights& w)
{
    const double raw = w.revenue * clamp01(c.revenue) + w.urgency * clamp01(c.urgency)
        + w.effort * (1.0 - clamp01(c.effort)) + w.strategic * clamp01(c.strategic);
    const double adjustment = std::isfinite(outcomeAdjustment) ? outcomeAdjustment : 0.0;
    const double bounded = std::clamp(100.0 * raw + adjustment, 0.0, 100.0);
    return double(roundedUnits(bounded, 2)) / 100.0;
}

QString apsReasoning(const ApsComponents& c, double outcomeAdjustment)
{
    // Written by hand into one buffer: every ingested signal gets a reasoning string, and
    // QString::number goes through the locale machinery.
    QString text;
    text.reserve(96);
    const auto appendInt = [&text](qint64 value) {
        char16_t digits[20];
        int n = 0;
        do {
            digits[n++] = char16_t(u'0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n > 0)
            text.append(QChar(digits[--n]));
    };
    text.append(u"Revenue ");
    appendInt(percent(clamp01(c.revenue)));
    text.append(u"% · Urgency ");
    appendInt(percent(clamp01(c.urgency)));
    text.append(u"% · Effort ");
    appendInt(percent(1.0 - clamp01(c.effort)));
    text.append(u"% easy · Strategic ");
    appendInt(percent(clamp01(c.strategic)));
    text.append(u'%');
    if (std::isfinite(outcomeAdjustment) && outcomeAdjustment != 0.0) {
        const qint64 tenths = roundedUnits(outcomeAdjustment, 1);
        const qint64 magnitude = tenths < 0 ? -tenths : tenths;
        // A typographic minus (U+2212) reads as a sign, not a dash, next to "·".
        text.append(outcomeAdjustment < 0 ? u" · Outcome −" : u" · Outcome +");
        appendInt(magnitude / 10);
        text.append(u'.');
        appendInt(magnitude % 10);
    }
    return text;
}

ApsResult computeAps(const ApsComponents& components, double outcomeAdjustment, const ApsWeights& weights)
{
    ApsResult result;
    result.components = { clamp01(components.revenue), clamp01(components.urgency),
        clamp01(components.effort), clamp01(components.strategic) };
    result.outcomeAdjustment = std::isfinite(outcomeAdjustment) ? outcomeAdjustment : 0.0;
    result.score = apsScore(result.components, result.outcomeAdjustment, weights);
    result.reasoning = apsReasoning(result.components, result.outcomeAdjustment);
    return result;
}

void applyAps(Move& move, const ApsResult& result)
{
    move.aps = result.score;
    move.components = result.components;
    move.outcomeAdjustment = result.outcomeAdjustment;
    move.reasoning = result.reasoning;
}

} // namespace caseyos

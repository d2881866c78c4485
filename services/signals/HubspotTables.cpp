#include "signals/HubspotTables.h"

#include "signals/RuleText.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// HubSpot's internal stage ids are one lowercase word ("closedwon"); people and exports also write
// "Closed Won" or "closed_won". Dropping case and separators maps all of them to the id.
QString normalizedStage(QStringView stage)
{
    QString key;
    key.reserve(stage.size());
    for (QChar ch : stage)
        if (ch.isLetterOrNumber())
            key.append(ch.toLower());
    return key;
}

} // namespace

HubspotStageRule hubspotStageRule(QStringView stage)
{
    const QString key = normalizedStage(stage);
    if (key == "appointmentscheduled"_L1)
        return { 0.9, u"meeting_prep"_s, 0.4, 8 };
    if (key == "qualifiedtobuy"_L1)
        return { 0.8, u"email_follow_up"_s, 0.5, 4 };
    if (key == "presentationscheduled"_L1)
        return { 0.85, u"presentation_prep"_s, 0.6, 4 };
    if (key == "decisionmakerboughtin"_L1)
        return { 0.9, u"proposal_send"_s, 0.8, 1 };
    if (key == "contractsent"_L1)
        return { 0.95, u"contract_follow_up"_s, 0.9, 1 };
    if (key == "closedwon"_L1)
        return { 0.3, u"onboarding_kickoff"_s, 1.0, 24 };
    if (key == "closedlost"_L1)
        return { 0.1, u"win_loss_analysis"_s, 0.2, 8 };
    return {};
}

double hubspotRevenueForAmount(std::optional<double> amount)
{
    if (!amount || std::isnan(*amount) || *amount <= 0.0)
        return 0.3;
    const double a = *amount;
    if (a < 5000.0)
        return 0.5;
    if (a < 10000.0)
        return 0.6;
    if (a < 25000.0)
        return 0.7;
    if (a < 50000.0)
        return 0.8;
    if (a < 100000.0)
        return 0.9;
    return 1.0;
}

// "decision maker bought in" for HubSpot's built-in stage ids; other stages as the payload spelled them.
QString hubspotStageLabel(const QString& stage)
{
    QString key;
    for (QChar ch : stage)
        if (ch.isLetterOrNumber())
            key.append(ch.toLower());
    static const std::pair<QLatin1StringView, QLatin1StringView> labels[] = {
        { "appointmentscheduled"_L1, "appointment scheduled"_L1 },
        { "qualifiedtobuy"_L1, "qualified to buy"_L1 },
        { "presentationscheduled"_L1, "presentation scheduled"_L1 },
        { "decisionmakerboughtin"_L1, "decision maker bought in"_L1 },
        { "contractsent"_L1, "contract sent"_L1 },
        { "closedwon"_L1, "closed won"_L1 },
        { "closedlost"_L1, "closed lost"_L1 },
    };
    for (const auto& [id, label] : labels)
        if (key == id)
            return QString(label);
    return stage.isEmpty() ? QString() : ruletext::quoted(stage, 40);
}

} // namespace caseyos

#include "agents/cores/Nurturing.h"

using namespace Qt::StringLiterals;

namespace caseyos::agents {

std::optional<NurtureStep> nurtureStep(const QString& stage)
{
    if (stage == u"initial_contact"_s)
        return NurtureStep { stage, 3, u"send a short follow-up to the first contact"_s };
    if (stage == u"engaged"_s)
        return NurtureStep { stage, 5, u"share something useful for their problem"_s };
    if (stage == u"qualified"_s)
        return NurtureStep { stage, 2, u"book the next meeting"_s };
    if (stage == u"proposal"_s)
        return NurtureStep { stage, 7, u"check in on the proposal"_s };
    return std::nullopt;
}

QString nurtureStage(bool hasReplied, const QString& dealStage)
{
    if (dealStage == u"proposal"_s || dealStage == u"negotiation"_s)
        return u"proposal"_s;
    if (dealStage == u"qualified"_s || dealStage == u"discovery"_s)
        return u"qualified"_s;
    return hasReplied ? u"engaged"_s : u"initial_contact"_s;
}

} // namespace caseyos::agents

#include "execution/ExecutionGate.h"

#include "core/Timestamps.h"
#include "execution/ActionPayloads.h"
#include "execution/EmailSafety.h"
#include "execution/ExecutionRepository.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

GateResult blocked(const char* by, QString message)
{
    GateResult result;
    result.blockedBy = QString::fromLatin1(by);
    result.message = std::move(message);
    return result;
}

} // namespace

GateResult checkGates(Database& db, const ExecutionLimits& limits, ActionKind kind,
    const QJsonObject& payload, const QDateTime& leavesAt)
{
    if (limits.killSwitch && reachesPeople(kind))
        return blocked("kill_switch",
            u"The kill switch is on: nothing is sent, posted or sent as an invitation until it is turned off "
            "(drafts, tasks and CRM updates still run)"_s);
    GateResult result;
    if (kind != ActionKind::SendEmail && kind != ActionKind::CreateDraft)
        return result;
    const Result<EmailPayload> email = EmailPayload::fromJson(payload, kind);
    if (!email)
        return blocked("storage", email.error());
    if (kind == ActionKind::SendEmail) {
        ExecutionRepository executions(db);
        QString error;
        const qint64 at = toEpochMs(leavesAt);
        constexpr qint64 kDay = 24LL * 3600 * 1000;
        // The window ends just after `at`: a send already queued for the same instant counts.
        const int today = executions.countSends(kind, at - kDay, at + 1, {}, &error);
        if (today < 0)
            return blocked("storage", error);
        if (today >= limits.emailsPerDay)
            return blocked("daily_cap",
                u"Send cap reached: %1 emails in the last 24 hours (the cap is %2 a day)"_s.arg(today).arg(
                    limits.emailsPerDay));
        for (const QString& address : email.value().recipients()) {
            const int week = executions.countSends(kind, at - 7 * kDay, at + 1, address, &error);
            if (week < 0)
                return blocked("storage", error);
            if (week >= limits.emailsPerContactPerWeek)
                return blocked("contact_cap",
                    u"Send cap reached for %1: %2 emails in the last 7 days (the cap is %3 a week per contact)"_s
                        .arg(address)
                        .arg(week)
                        .arg(limits.emailsPerContactPerWeek));
        }
    }
    const SafetyReport safety = checkEmailSafety(email.value(), limits.unsubscribe);
    result.warnings = safety.warnings;
    // A draft does not leave: the user reviews it in Gmail before sending, so its problems are warnings here.
    if (kind == ActionKind::CreateDraft) {
        result.warnings += safety.violations;
        return result;
    }
    if (!safety.ok()) {
        GateResult out = blocked("safety", safety.message());
        out.warnings = safety.warnings;
        return out;
    }
    return result;
}

} // namespace caseyos

#include "audit/AuditJson.h"

#include "core/Timestamps.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QJsonObject auditEntryToJson(const AuditEntry& e)
{
    return { { u"id"_s, e.id }, { u"at"_s, toIsoUtc(e.at) }, { u"kind"_s, e.kind }, { u"actor"_s, e.actor },
        { u"subject"_s, e.subject }, { u"details"_s, e.details }, { u"prev_hash"_s, e.prevHash },
        { u"hash"_s, e.hash } };
}

QJsonObject auditVerificationToJson(const AuditVerification& v)
{
    QJsonObject json { { u"ok"_s, v.ok }, { u"checked"_s, v.checked }, { u"first_id"_s, v.firstId },
        { u"last_id"_s, v.lastId }, { u"checkpoint_id"_s, v.checkpointId } };
    if (!v.ok) {
        json.insert(u"broken_id"_s, v.brokenId);
        json.insert(u"reason"_s, v.reason);
    }
    return json;
}

} // namespace caseyos

#include "agents/AgentSupport.h"

#include "agents/Agent.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

QJsonObject agentInfoToJson(const AgentInfo& info)
{
    return { { u"name"_s, info.name }, { u"domain"_s, toString(info.domain) },
        { u"description"_s, info.description },
        { u"needs"_s,
            QJsonObject { { u"data"_s, QJsonArray::fromStringList(info.needs.data) },
                { u"account"_s,
                    info.needs.account.isEmpty() ? QJsonValue() : QJsonValue(info.needs.account) },
                { u"model"_s, info.needs.model } } } };
}

namespace agents {

ProposedMove proposal(const QString& subject, const QString& title, const QString& actionType,
    const QString& moveDomain, const QString& description, const QJsonObject& evidence)
{
    ProposedMove p;
    p.subject = subject;
    p.draft.title = title;
    p.draft.actionType = actionType;
    p.draft.domain = moveDomain;
    p.draft.description = description;
    p.evidence = evidence;
    return p;
}

void forContact(ProposedMove& move, const ContactRecord& contact)
{
    move.draft.contactEmail = contact.email;
    move.draft.contactName = contact.name;
    move.draft.company = contact.company;
}

bool hasOpenMove(const WorkspaceSnapshot& data, const QString& email, qint64 nowMs)
{
    if (email.isEmpty())
        return false;
    return std::any_of(data.moves.cbegin(), data.moves.cend(), [&](const MoveRow& m) {
        const MoveStatus s = m.effectiveStatus(nowMs);
        return m.contactEmail.compare(email, Qt::CaseInsensitive) == 0
            && (s == MoveStatus::Pending || s == MoveStatus::Snoozed || s == MoveStatus::InProgress);
    });
}

int daysSince(const QDateTime& since, const QDateTime& now)
{
    return since.isValid() ? int(std::max<qint64>(0, since.secsTo(now) / 86400)) : 0;
}

QString plural(qsizetype count, const QString& singular, const QString& pluralForm)
{
    return QString::number(count) + u' '
        + (count == 1 ? singular : (pluralForm.isEmpty() ? singular + u's' : pluralForm));
}

} // namespace agents
} // namespace caseyos

#include "AgentText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos {

QString AgentText::domainLabel(AgentDomain domain)
{
    switch (domain) {
    case AgentDomain::Sales:
        return tr("Sales");
    case AgentDomain::Content:
        return tr("Content");
    case AgentDomain::Fulfillment:
        return tr("Fulfillment");
    case AgentDomain::Contracts:
        return tr("Contracts");
    case AgentDomain::Ops:
        return tr("Ops");
    case AgentDomain::Research:
        return tr("Research");
    case AgentDomain::DataHygiene:
        return tr("Data hygiene");
    }
    return toString(domain);
}

QString AgentText::displayName(const QString& agent)
{
    // The registry's names are the original's Jarvis keys; people read words. The key stays in the detail.
    QString name = agent;
    name.replace(u'_', u' ');
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

QString AgentText::dataLabel(const QString& data)
{
    if (data == u"input"_s)
        return tr("your input");
    if (data == u"sync_state"_s)
        return tr("sync state");
    QString label = data;
    return label.replace(u'_', u' ');
}

QString AgentText::accountLabel(const QString& account)
{
    // The registry names accounts by provider key, sometimes with a note ("google_calendar (live free/busy,
    // later)"): the keys become product names, the note stays.
    static const QList<std::pair<QString, QString>> names { { u"google_drive"_s, u"Google Drive"_s },
        { u"google_calendar"_s, u"Google Calendar"_s }, { u"gmail"_s, u"Gmail"_s },
        { u"hubspot"_s, u"HubSpot"_s }, { u"linkedin"_s, u"LinkedIn"_s }, { u"slack"_s, u"Slack"_s },
        { u"x"_s, u"X"_s } };
    QString label = account;
    for (const auto& [key, name] : names)
        label.replace(QRegularExpression(u"\\b"_s + key + u"\\b"_s), name);
    return label;
}

QString AgentText::needsText(const AgentNeeds& needs)
{
    QStringList parts;
    QStringList data;
    for (const QString& d : needs.data)
        data << dataLabel(d);
    if (!data.isEmpty())
        parts << data.join(u", "_s);
    if (!needs.account.isEmpty())
        parts << tr("%1 account").arg(accountLabel(needs.account));
    if (needs.model)
        parts << tr("language model");
    return parts.isEmpty() ? tr("nothing") : parts.join(u" · "_s);
}

QString AgentText::statusLabel(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Ok:
        return tr("Done");
    case AgentStatus::NeedsModel:
        return tr("Needs a language model");
    case AgentStatus::NeedsAccount:
        return tr("Needs an account");
    case AgentStatus::NeedsInput:
        return tr("Needs input");
    case AgentStatus::Failed:
        return tr("Failed");
    }
    return toString(status);
}

QColor AgentText::statusColor(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Ok:
        return {};
    case AgentStatus::NeedsModel:
    case AgentStatus::NeedsAccount:
    case AgentStatus::NeedsInput:
        return QColor(0xa0, 0x52, 0x00); // amber, dark enough to read: could not do its whole job here
    case AgentStatus::Failed:
        return QColor(0xb7, 0x1c, 0x1c);
    }
    return {};
}

QString AgentText::modelNotice(bool modelConfigured)
{
    // jarvis::AgentModelStep: with a model the agents may use, the prose is written by it after the local part.
    return modelConfigured
        ? tr("Needs a language model for the part that is prose: the model set for Jarvis writes it after the "
             "local part.")
        : tr("Needs a language model for its full job, and none is configured for agents (choose one and let "
             "agents use it in Settings). It does only the part that needs no model and says what is missing.");
}

} // namespace caseyos

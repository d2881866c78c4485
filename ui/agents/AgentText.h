#pragma once

#include "agents/AgentTypes.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace caseyos {

// Words the Agents view shows (list, detail, status bar), in one place so they agree.
class AgentText
{
    Q_DECLARE_TR_FUNCTIONS(AgentText)
public:
    static QString domainLabel(AgentDomain domain); // DataHygiene → "Data hygiene"
    static QString displayName(const QString& agent); // "duplicate_watcher" → "Duplicate watcher"
    static QString dataLabel(const QString& data); // "sync_state" → "sync state", "input" → "your input"
    static QString accountLabel(const QString& account); // "google_drive" → "Google Drive"
    // One line: "contacts, deals · Google Drive account · language model"; "nothing" when it needs nothing.
    static QString needsText(const AgentNeeds& needs);
    static QString statusLabel(AgentStatus status); // "Done", "Needs a language model", …
    static QColor statusColor(AgentStatus status); // readable on a light background; invalid for Done
    // What an agent that needs a language model can do here, said before it is run.
    static QString modelNotice(bool modelConfigured);
};

} // namespace caseyos

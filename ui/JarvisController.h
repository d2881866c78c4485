#pragma once

#include "core/Clock.h"
#include "jarvis/JarvisClient.h"

#include <QObject>
#include <QPointer>

namespace caseyos {

class ChatModel;
class ChatPane;
class TriageController;
class WorkspaceClient;
class WorkspaceStatusBar;

// Wires the Jarvis pane: questions go to a JarvisClient on the storage thread; a language model's answer
// streams into its row as it arrives; answers fill the chat, and the moves an answer changed are updated in
// the list in place. A newer question drops the answer to an older one. caseyos://move/ID links open the
// move.
class JarvisController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        ChatPane* pane = nullptr;
        ChatModel* model = nullptr;
        TriageController* triage = nullptr;
        WorkspaceStatusBar* statusBar = nullptr;
    };
    JarvisController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);

    // What each question is answered with (language model or offline); kept across workspaces.
    void setConfigSource(JarvisClient::ConfigSource source);
    void attach(WorkspaceClient* workspace);
    void ask(const QString& text);

Q_SIGNALS:
    void openMoveRequested(qint64 moveId);
    void answered(); // an answer is in the chat (tests wait for it)

private:
    Parts m_parts;
    const Clock& m_clock;
    JarvisClient* m_client = nullptr;
    JarvisClient::ConfigSource m_config;
    int m_pendingRow = -1;
};

} // namespace caseyos

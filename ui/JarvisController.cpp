#include "JarvisController.h"

#include "TriageController.h"
#include "WorkspaceStatusBar.h"
#include "jarvis/ChatModel.h"
#include "jarvis/ChatPane.h"
#include "jarvis/JarvisClient.h"
#include "workspace/WorkspaceClient.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace caseyos {

JarvisController::JarvisController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
{
    connect(m_parts.pane, &ChatPane::askRequested, this, &JarvisController::ask);
    connect(m_parts.pane, &ChatPane::linkActivated, this, [this](const QUrl& url) {
        if (url.scheme() != u"caseyos"_s)
            return; // answers only link inside the app
        const qint64 id = url.path().mid(1).toLongLong();
        if (url.host() == u"move"_s && id > 0)
            Q_EMIT openMoveRequested(id);
    });
}

void JarvisController::setConfigSource(JarvisClient::ConfigSource source)
{
    m_config = std::move(source);
    if (m_client)
        m_client->setConfigSource(m_config);
}

void JarvisController::attach(WorkspaceClient* workspace)
{
    delete m_client;
    m_client = new JarvisClient(workspace->databasePath(), m_clock, workspace->storageThread(), this);
    m_client->setConfigSource(m_config);
    connect(m_client, &JarvisClient::delta, this,
        [this](qint64, const QString& text) { m_parts.model->appendDelta(m_pendingRow, text); });
    connect(m_client, &JarvisClient::answered, this,
        [this](qint64, const jarvis::AssistantReply& reply, const QList<MoveRow>& rows) {
            m_parts.model->answer(m_pendingRow, reply);
            m_pendingRow = -1;
            if (!rows.isEmpty())
                m_parts.triage->showChangedRows(rows);
            Q_EMIT answered();
        });
}

void JarvisController::ask(const QString& text)
{
    if (!m_client) {
        m_parts.statusBar->showMessage(tr("Jarvis is not ready: no workspace is open yet."), 5000);
        return;
    }
    m_parts.model->dropPending(); // the user moved on: an older answer will not land
    m_parts.model->addQuestion(text);
    m_pendingRow = m_parts.model->addPendingAnswer();
    m_client->ask(text);
}

} // namespace caseyos

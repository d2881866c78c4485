#pragma once

#include "core/Clock.h"
#include "workspace/WorkspaceClient.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace caseyos {

class MainWindow;

// Gets a workspace to the window without ever blocking it: resolves the data folder, prepares the demo
// workspace off the UI thread when asked (it imports the sample signals), then creates the WorkspaceClient
// (storage thread) and attaches it. Used by the app's entry point and by the UI tests alike.
class WorkspaceLauncher : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString home; // resolved data folder
        bool demo = false;
    };
    WorkspaceLauncher(Options options, const Clock& clock, MainWindow* window);
    ~WorkspaceLauncher() override;

    void start();
    QString databasePath() const { return m_databasePath; } // known once ready
    WorkspaceClient* client() const { return m_client; }

Q_SIGNALS:
    void clientCreated(caseyos::WorkspaceClient* client);
    void failed(const QString& error);

private:
    void openDatabase(const QString& path);
    void fail(const QString& error);

    Options m_options;
    const Clock& m_clock;
    QPointer<MainWindow> m_window;
    QPointer<WorkspaceClient> m_client;
    QString m_databasePath;
};

} // namespace caseyos

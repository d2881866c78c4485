#include "WorkspaceLauncher.h"

#include "MainWindow.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Paths.h"
#include "workspace/WorkspaceClient.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

struct DemoResult
{
    QString path;
    QString error;
};

} // namespace

WorkspaceLauncher::WorkspaceLauncher(Options options, const Clock& clock, MainWindow* window)
    : QObject(window)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_window(window)
{
}

WorkspaceLauncher::~WorkspaceLauncher() = default;

void WorkspaceLauncher::start()
{
    QString error;
    if (!ensureDirectory(m_options.home, &error)) {
        fail(error);
        return;
    }
    if (!m_options.demo) {
        openDatabase(caseyos::databasePath(m_options.home));
        return;
    }
    if (m_window)
        m_window->showPreparing(u"Preparing demo workspace…"_s);
    qInfo("Preparing the demo workspace in %s", qPrintable(demoHome(m_options.home)));
    // ensureDemoWorkspace imports the sample signals synchronously: it runs on the thread pool, and the
    // window (already shown) waits for the result without blocking.
    auto* watcher = new QFutureWatcher<DemoResult>(this);
    connect(watcher, &QFutureWatcher<DemoResult>::finished, this, [this, watcher] {
        const DemoResult result = watcher->result();
        watcher->deleteLater();
        if (result.path.isEmpty())
            fail(u"The demo workspace could not be prepared: "_s + result.error);
        else
            openDatabase(result.path);
    });
    const QString home = m_options.home;
    const Clock* clock = &m_clock;
    watcher->setFuture(QtConcurrent::run([home, clock] {
        DemoResult result;
        result.path = ensureDemoWorkspace(home, *clock, &result.error);
        return result;
    }));
}

void WorkspaceLauncher::openDatabase(const QString& path)
{
    m_databasePath = path;
    qInfo("Opening workspace %s", qPrintable(path));
    if (!m_window)
        return;
    auto* client = new WorkspaceClient(path, m_clock);
    m_client = client;
    m_window->attachClient(client);
    Q_EMIT clientCreated(client);
}

void WorkspaceLauncher::fail(const QString& error)
{
    qWarning("Workspace unavailable: %s", qPrintable(error));
    if (m_window)
        m_window->showOpenError(error);
    Q_EMIT failed(error);
}

} // namespace caseyos

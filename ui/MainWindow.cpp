#include "MainWindow.h"

#include "CommandPalette.h"
#include "FilterBar.h"
#include "JarvisController.h"
#include "VoiceController.h"
#include "MoveActions.h"
#include "MoveDetailPane.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "NotificationsController.h"
#include "OutcomesController.h"
#include "ShortcutHelpDialog.h"
#include "TriageController.h"
#include "WorkspaceStatusBar.h"
#include "accounts/AccountRegistry.h"
#include "accounts/AccountsDialog.h"
#include "accounts/AccountsPage.h"
#include "accounts/AccountsRuntime.h"
#include "accounts/SyncAccounts.h"
#include "accounts/SyncController.h"
#include "accounts/TokenStore.h"
#include "agents/AgentsController.h"
#include "agents/AgentsView.h"
#include "approvals/ApprovalsController.h"
#include "checks/BackgroundScheduler.h"
#include "execution/AccountPerformers.h"
#include "execution/ExecutionClient.h"
#include "execution/ExecutionController.h"
#include "jarvis/ChatModel.h"
#include "jarvis/ChatPane.h"
#include "jarvis/JarvisConfig.h"
#include "mcp/ApprovalsClient.h"
#include "mcp/McpClientConfig.h"
#include "notifications/NotificationsClient.h"
#include "notifications/NotificationsPanel.h"
#include "outcomes/OutcomesView.h"
#include "settings/SettingsDialog.h"
#include "voice/VoiceSettings.h"
#include "workspace/WorkspaceClient.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

MainWindow::MainWindow(const Clock& clock, Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_clock(clock)
    , m_options(options)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"CaseyOS"_s);
    setWindowIcon(QIcon(u":/icons/caseyos.svg"_s));
    resize(1280, 800);

    m_model = new MovesModel(clock, this);
    m_proxy = new MovesFilterProxy(this);
    m_proxy->setMovesModel(m_model);
    m_actions = new MoveActions(this);

    m_stack = new QStackedWidget;
    setCentralWidget(m_stack);

    auto* statePage = new QWidget;
    auto* stateLayout = new QVBoxLayout(statePage);
    stateLayout->addStretch(2);
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont stateFont = m_stateLabel->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.25);
    m_stateLabel->setFont(stateFont);
    stateLayout->addWidget(m_stateLabel);
    m_stateProgress = new QProgressBar;
    m_stateProgress->setRange(0, 0); // busy
    m_stateProgress->setMaximumWidth(320);
    m_stateProgress->setTextVisible(false);
    stateLayout->addWidget(m_stateProgress, 0, Qt::AlignHCenter);
    stateLayout->addStretch(3);
    m_stack->addWidget(statePage);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    m_filterBar = new FilterBar(m_proxy, m_model);
    contentLayout->addWidget(m_filterBar);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_view = new MovesView;
    m_view->setMovesProxy(m_proxy);
    m_detail = new MoveDetailPane(clock);
    m_detail->setMinimumWidth(340);
    m_detail->setActions({ m_actions->accept, m_actions->snooze, m_actions->dismiss },
        { m_actions->complete, m_actions->reopen, m_actions->editMove, m_actions->deleteMove });
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({ 860, 420 });
    contentLayout->addWidget(m_splitter, 1);
    m_stack->addWidget(content);

    m_statusBar = new WorkspaceStatusBar;
    setStatusBar(m_statusBar);

    TriageController::Parts parts;
    parts.window = this;
    parts.model = m_model;
    parts.proxy = m_proxy;
    parts.view = m_view;
    parts.detail = m_detail;
    parts.statusBar = m_statusBar;
    parts.actions = m_actions;
    m_controller = new TriageController(parts, clock, this);
    connect(m_controller, &TriageController::opened, this, [this](bool ok, const QString& error) {
        if (ok) {
            m_stack->setCurrentIndex(1);
            m_view->setFocus();
        } else {
            showOpenError(error);
        }
    });

    m_approvals = new ApprovalsController(clock, this, this);
    ExecutionController::Parts executionParts;
    executionParts.window = this;
    executionParts.triage = m_controller;
    executionParts.actions = m_actions;
    executionParts.model = m_model;
    executionParts.view = m_view;
    executionParts.detail = m_detail;
    executionParts.statusBar = m_statusBar;
    m_executions = new ExecutionController(executionParts, clock, this);
    buildOutcomesDock();
    buildNotificationsDock();
    buildJarvisDock();
    buildAgentsDock();

    m_palette = new CommandPalette(
        m_actions->all() + QList<QAction*> { m_executions->killSwitchAction(), m_approvals->action() }, this);
    connect(m_actions->commandPalette, &QAction::triggered, m_palette, &CommandPalette::openPalette);
    connect(m_actions->shortcutHelp, &QAction::triggered, this, &MainWindow::showShortcutHelp);
    connect(m_actions->focusSearch, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    connect(m_actions->openDetail, &QAction::triggered, this, &MainWindow::openDetail);
    connect(m_actions->quit, &QAction::triggered, this, &MainWindow::quitApplication);
    connect(m_actions->settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_view, &MovesView::openDetailRequested, this, &MainWindow::openDetail);
    connect(m_filterBar, &FilterBar::leaveRequested, this, [this] { m_view->setFocus(); });
    connect(m_detail, &MoveDetailPane::leaveRequested, this, [this] { m_view->setFocus(); });

    buildMenus();
    buildToolBar();
    if (m_options.persistSettings)
        restoreSettings();
    showPreparing(tr("Opening workspace…"));
}

MainWindow::~MainWindow()
{
    // The dialog and the sync refer to the accounts stack: they go first.
    delete m_accountsDialog;
    delete m_sync;
    delete m_accountsRuntime;
}

AccountsRuntime& MainWindow::accountsRuntime()
{
    if (!m_accountsRuntime)
        m_accountsRuntime = new AccountsRuntime(m_clock, m_client ? m_client->databasePath() : QString(), {}, this);
    return *m_accountsRuntime;
}

void MainWindow::startSync()
{
    if (m_sync || !m_client)
        return;
    AccountsRuntime& runtime = accountsRuntime();
    m_sync = new SyncController(
        runtime.service(), tokenProviderFor(&runtime.tokens()), m_client->databasePath(), m_clock, {}, {}, this);
    m_sync->start();
    if (m_accountsDialog)
        m_accountsDialog->page()->setSync(m_sync);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->importFiles);
    file->addAction(m_actions->reload);
    connect(file->addAction(tr("&Accounts…")), &QAction::triggered, this, &MainWindow::showAccounts);
    file->addAction(m_actions->settings);
    file->addSeparator();
    file->addAction(m_actions->quit);

    QMenu* move = menuBar()->addMenu(tr("&Move"));
    move->addAction(m_actions->accept);
    move->addAction(m_actions->dismiss);
    move->addAction(m_actions->snooze);
    move->addAction(m_actions->complete);
    move->addAction(m_actions->reopen);
    move->addAction(m_actions->execute);
    move->addAction(m_executions->killSwitchAction());
    move->addSeparator();
    move->addAction(m_actions->newMove);
    move->addAction(m_actions->editMove);
    move->addAction(m_actions->deleteMove);
    move->addSeparator();
    move->addAction(m_actions->undo);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_actions->nextMove);
    go->addAction(m_actions->previousMove);
    go->addAction(m_actions->openDetail);
    go->addAction(m_actions->focusSearch);
    go->addSeparator();
    go->addAction(m_actions->commandPalette);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_jarvisDock->toggleViewAction());
    m_viewMenu->addAction(m_notificationsDock->toggleViewAction());
    m_viewMenu->addAction(m_outcomesDock->toggleViewAction());
    m_viewMenu->addAction(m_agentsDock->toggleViewAction());
    m_viewMenu->addAction(m_approvals->action());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions->shortcutHelp);
    QAction* about = help->addAction(tr("&About CaseyOS"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildOutcomesDock()
{
    m_outcomesView = new OutcomesView;
    m_outcomesDock = new QDockWidget(tr("Outcomes"), this);
    m_outcomesDock->setObjectName(u"outcomesDock"_s);
    m_outcomesDock->setWidget(m_outcomesView);
    m_outcomesDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_outcomesDock);
    m_outcomesDock->hide(); // opened from View ▸ Outcomes; restoreState brings back the user's choice
    QAction* toggle = m_outcomesDock->toggleViewAction();
    toggle->setText(tr("&Outcomes"));
    toggle->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    toggle->setToolTip(tr("Outcome stats: the email funnel, outcomes by category, net impact per day"));

    OutcomesController::Parts parts;
    parts.triage = m_controller;
    parts.detail = m_detail;
    parts.view = m_outcomesView;
    parts.dock = m_outcomesDock;
    parts.statusBar = m_statusBar;
    m_outcomes = new OutcomesController(parts, m_clock, this);
}

void MainWindow::buildJarvisDock()
{
    m_chatModel = new ChatModel(this);
    m_chatPane = new ChatPane(m_chatModel);
    m_jarvisDock = new QDockWidget(tr("Jarvis"), this);
    m_jarvisDock->setObjectName(u"jarvisDock"_s);
    m_jarvisDock->setWidget(m_chatPane);
    m_jarvisDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // Beside Today's Moves from the first start (PRODUCT.md §6); restoreState keeps the user's choice.
    addDockWidget(Qt::RightDockWidgetArea, m_jarvisDock);
    QAction* toggle = m_jarvisDock->toggleViewAction();
    toggle->setText(tr("&Jarvis"));
    toggle->setShortcut(QKeySequence(u"Ctrl+J"_s));
    toggle->setToolTip(tr("Ask Jarvis about your moves, outcomes and memory, or tell it what to do"));
    // Opening the pane from the keyboard puts the keyboard in its question line.
    connect(toggle, &QAction::triggered, this, [this](bool shown) {
        if (shown)
            m_chatPane->focusInput();
    });

    JarvisController::Parts parts;
    parts.pane = m_chatPane;
    parts.model = m_chatModel;
    parts.triage = m_controller;
    parts.statusBar = m_statusBar;
    m_jarvis = new JarvisController(parts, m_clock, this);
    // Read at each question, so a changed provider or key applies to the next one. The keychain (accounts
    // runtime) is only woken when the chosen provider needs a key: offline, the default, never touches it.
    m_jarvis->setConfigSource([this] {
        jarvis::LlmConfig config;
        config.settings = llm::LlmSettings::load(QSettings());
        if (!llm::keyProviderFor(config.settings.provider).isEmpty()) {
            AccountsRuntime& runtime = accountsRuntime();
            config.key
                = jarvis::apiKeySource(runtime.registry(), &runtime.tokens(), config.settings.provider);
        }
        return config;
    });
    connect(m_jarvis, &JarvisController::openMoveRequested, this, &MainWindow::openMove);

    VoiceController::Parts voiceParts;
    voiceParts.window = this;
    voiceParts.bar = m_chatPane->voiceBar();
    voiceParts.jarvis = m_jarvis;
    voiceParts.statusBar = m_statusBar;
    // Read at start, after Settings ▸ Apply and at each question: the keychain is only woken when OpenAI
    // transcribes or speaks.
    m_voice = new VoiceController(voiceParts, [this] {
        voice::VoiceRuntime runtime;
        runtime.settings = voice::VoiceSettings::load(QSettings());
        if (runtime.settings.transcription == voice::Engine::OpenAi
            || runtime.settings.speech == voice::Engine::OpenAi) {
            AccountsRuntime& accounts = accountsRuntime();
            runtime.openAiKey
                = jarvis::apiKeySource(accounts.registry(), &accounts.tokens(), llm::ProviderKind::OpenAi);
        }
        return runtime;
    }, this);
    // The offline recogniser expects the names in the list (sent to the voice thread at each full load).
    connect(m_controller, &TriageController::movesListed, m_voice, [this] { m_voice->learnNames(*m_model); });
}

void MainWindow::buildAgentsDock()
{
    m_agentsView = new AgentsView(m_clock);
    m_agentsDock = new QDockWidget(tr("Agents"), this);
    m_agentsDock->setObjectName(u"agentsDock"_s);
    m_agentsDock->setWidget(m_agentsView);
    m_agentsDock->setAllowedAreas(
        Qt::BottomDockWidgetArea | Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_agentsDock);
    m_agentsDock->hide(); // View ▸ Agents; restoreState brings back the user's choice
    QAction* toggle = m_agentsDock->toggleViewAction();
    toggle->setText(tr("A&gents"));
    // Ctrl+Shift+A is Approvals.
    toggle->setShortcut(QKeySequence(u"Ctrl+Shift+G"_s));
    toggle->setToolTip(tr("The agents by domain: what each needs, what it found last, and Run"));
    connect(toggle, &QAction::triggered, this, [this](bool shown) {
        if (shown)
            m_agentsView->focusList();
    });

    AgentsController::Parts parts;
    parts.view = m_agentsView;
    parts.dock = m_agentsDock;
    parts.triage = m_controller;
    parts.statusBar = m_statusBar;
    m_agents = new AgentsController(parts, m_clock, this);
    connect(m_agents, &AgentsController::openMoveRequested, this, &MainWindow::openMove);
    // Read at each run, like Jarvis's: the keychain (accounts runtime) is only woken when there is an account.
    m_agents->setAccessSource([this] {
        AgentRunAccess access;
        access.llm.settings = llm::LlmSettings::load(QSettings());
        const QList<Account> accounts = AccountRegistry().accounts();
        if (accounts.isEmpty())
            return access;
        AccountsRuntime& runtime = accountsRuntime();
        access.accounts = runtime.registry().accounts();
        access.tokens = &runtime.tokens();
        access.llm.key = jarvis::apiKeySource(runtime.registry(), &runtime.tokens(), access.llm.settings.provider);
        return access;
    });
    // Jarvis runs agents too ("check for duplicates"): an open dock shows that run.
    connect(m_jarvis, &JarvisController::answered, m_agents, [this] {
        if (m_agentsDock->isVisible())
            m_agents->refresh();
    });
}

void MainWindow::showJarvis()
{
    m_jarvisDock->show();
    m_jarvisDock->raise();
    m_chatPane->focusInput();
}

void MainWindow::buildNotificationsDock()
{
    m_notificationsPanel = new NotificationsPanel(m_clock);
    m_notificationsDock = new QDockWidget(tr("Notifications"), this);
    m_notificationsDock->setObjectName(u"notificationsDock"_s);
    m_notificationsDock->setWidget(m_notificationsPanel);
    m_notificationsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_notificationsDock);
    m_notificationsDock->hide(); // View ▸ Notifications; restoreState brings back the user's choice
    QAction* toggle = m_notificationsDock->toggleViewAction();
    toggle->setText(tr("&Notifications"));
    toggle->setShortcut(QKeySequence(u"Ctrl+Shift+N"_s));
    toggle->setToolTip(
        tr("What the background checks found: new leads, replies, overdue moves, meetings soon"));

    NotificationsController::Parts parts;
    parts.panel = m_notificationsPanel;
    parts.dock = m_notificationsDock;
    parts.statusBar = m_statusBar;
    m_notifications = new NotificationsController(parts, m_clock, this);
    connect(m_notifications, &NotificationsController::openMoveRequested, this, &MainWindow::openMove);
    connect(m_notificationsPanel, &NotificationsPanel::openApprovalsRequested, m_approvals,
        &ApprovalsController::showDialog);
    // An approval that came or went also came or went as a notification: the panel reads them again.
    connect(m_approvals, &ApprovalsController::approvalsChanged, m_notifications, [this] {
        if (NotificationsClient* client = m_notifications->client())
            client->load();
    });
    connect(m_controller, &TriageController::opened, m_notifications, [this](bool ok) {
        if (ok)
            m_notifications->workspaceOpened();
    });
}

void MainWindow::showAccounts()
{
    if (!m_accountsDialog)
        m_accountsDialog = new AccountsDialog(m_clock, accountsRuntime(), m_sync, this);
    m_accountsDialog->show();
    m_accountsDialog->raise();
    m_accountsDialog->activateWindow();
}

void MainWindow::showSettings()
{
    if (!m_settingsDialog) {
        SettingsDialog::Sources sources;
        sources.executions = m_executions->client();
        // The same key source Jarvis uses; the keychain is woken only for a provider that needs a key.
        sources.keySource = [this](llm::ProviderKind kind) {
            AccountsRuntime& runtime = accountsRuntime();
            return jarvis::apiKeySource(runtime.registry(), &runtime.tokens(), kind);
        };
        sources.showAccounts = [this] { showAccounts(); };
        const QString home = !m_options.home.isEmpty() ? m_options.home
            : m_client                                 ? QFileInfo(m_client->databasePath()).absolutePath()
                                                       : QString();
        if (!home.isEmpty())
            sources.mcpClientConfig
                = mcpClientConfig(QCoreApplication::applicationFilePath(), home, m_options.demo);
        m_settingsDialog = new SettingsDialog(m_clock, std::move(sources), this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        // What running parts keep rather than re-read: the checks' timer here, the tray's options through
        // settingsChanged (DesktopWindowBinding).
        connect(m_settingsDialog, &SettingsDialog::applied, this, [this] {
            BackgroundScheduler* scheduler = m_notifications->scheduler();
            const int minutes = BackgroundScheduler::intervalFromSettings();
            if (scheduler && scheduler->interval() != std::chrono::minutes(minutes))
                scheduler->setIntervalMinutes(minutes);
            m_voice->reconfigure();
            Q_EMIT settingsChanged();
        });
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

SettingsDialog* MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

void MainWindow::showNotifications()
{
    bringToFront();
    m_notificationsDock->show();
    m_notificationsDock->raise();
    m_notificationsPanel->setFocus(Qt::OtherFocusReason);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Moves"));
    bar->setObjectName(u"movesToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(m_actions->newMove);
    bar->addSeparator();
    bar->addAction(m_actions->accept);
    bar->addAction(m_actions->snooze);
    bar->addAction(m_actions->dismiss);
    bar->addAction(m_actions->complete);
    bar->addAction(m_actions->reopen);
    bar->addAction(m_actions->execute);
    bar->addSeparator();
    bar->addAction(m_actions->undo);
    auto* spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_executions->killSwitchAction());
    bar->addAction(m_approvals->action());
    bar->addAction(m_actions->importFiles);
    bar->addAction(m_actions->reload);
    bar->addAction(m_actions->commandPalette);
}

void MainWindow::showPreparing(const QString& text)
{
    m_stateLabel->setText(text);
    m_stateProgress->show();
    m_stack->setCurrentIndex(0);
}

void MainWindow::showOpenError(const QString& text)
{
    const QString message = tr("The workspace could not be opened.\n\n") + text;
    m_stateLabel->setText(message);
    m_stateProgress->hide();
    m_stack->setCurrentIndex(0);
    auto* box = new QMessageBox(QMessageBox::Critical, u"CaseyOS"_s, message, QMessageBox::Ok, this);
    box->setObjectName(u"openErrorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::attachClient(WorkspaceClient* client)
{
    m_client = client;
    client->setParent(this);
    showPreparing(tr("Opening workspace…"));
    m_controller->attach(client);
    m_outcomes->attach(client);
    m_notifications->attach(client);
    m_jarvis->attach(client);
    m_approvals->attach(client->databasePath());
    m_executions->attach(client, performerSetup());
    // A decision here or in another process (`caseyos approvals`, an MCP tool allowed for good) may have
    // approved a call: the executor takes what waits (a no-op when nothing does; its start() does it too),
    // and the approvals are listed again at once to show what became of them.
    ExecutionClient* executions = m_executions->client();
    connect(m_approvals, &ApprovalsController::approvalsChanged, executions, [executions] {
        if (executions->isReady())
            executions->handOverApproved();
    });
    connect(executions, &ExecutionClient::approvalsHandedOver, m_approvals, [this] {
        if (ApprovalsClient* approvals = m_approvals->client())
            approvals->refresh();
    });
    connect(m_controller, &TriageController::opened, m_approvals, [this](bool ok) {
        if (ok) {
            m_approvals->workspaceOpened();
            m_executions->workspaceOpened();
        }
    });
    connect(
        client, &WorkspaceClient::importFinished, m_notifications, &NotificationsController::importFinished);
    if (m_options.backgroundSync) {
        connect(m_controller, &TriageController::opened, this, [this](bool ok) {
            if (ok)
                startSync();
        });
    }
}

bool MainWindow::isShowingContent() const
{
    return m_stack->currentIndex() == 1;
}

QString MainWindow::stateText() const
{
    return m_stack->currentIndex() == 0 ? m_stateLabel->text() : QString();
}

void MainWindow::openDetail()
{
    if (m_view->currentMoveId() == 0)
        return;
    m_detail->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showShortcutHelp()
{
    auto* dialog = new ShortcutHelpDialog(m_actions->all() + QList<QAction*> { m_executions->killSwitchAction() }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

PerformerSetup MainWindow::performerSetup()
{
    if (m_options.performers)
        return m_options.performers;
    if (!m_options.backgroundSync) {
        return [](PerformerRegistry& registry, HttpClient&) {
            for (ActionKind kind : allActionKinds())
                registry.setUnavailable(kind,
                    u"The demo workspace does not act on your accounts: open your own workspace to run %1"_s.arg(
                        toString(kind)));
        };
    }
    // The accounts as they are now; the keychain is touched only when one is connected. The setup runs on the
    // execution thread; tokens are asked of the TokenStore on this one (requestAccessToken).
    const QList<Account> accounts = AccountRegistry().accounts();
    QPointer<TokenStore> tokens = accounts.isEmpty() ? nullptr : &accountsRuntime().tokens();
    const Clock& clock = m_clock;
    return [accounts, tokens, &clock](PerformerRegistry& registry, HttpClient& http) {
        addAccountPerformers(registry, http, accounts, tokens.data(), QSettings(), clock);
    };
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("About CaseyOS"),
        tr("<b>CaseyOS %1</b><br>Signals from your CRM, inbox and calendar, ranked into Today's Moves.").arg(
            QCoreApplication::applicationVersion()),
        QMessageBox::Ok, this);
    box->setIconPixmap(QIcon(u":/icons/caseyos.svg"_s).pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(u"window/geometry"_s).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(u"window/state"_s).toByteArray(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray split = settings.value(u"window/splitter"_s).toByteArray(); !split.isEmpty())
        m_splitter->restoreState(split);
    if (const QByteArray header = settings.value(u"window/columns"_s).toByteArray(); !header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    m_filterBar->restoreState(settings);
    m_view->syncColumnsToView();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    settings.setValue(u"window/columns"_s, m_view->horizontalHeader()->saveState());
    m_filterBar->saveState(settings);
}

void MainWindow::bringToFront()
{
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

void MainWindow::openMove(qint64 moveId)
{
    bringToFront();
    if (!m_view->selectMove(moveId))
        m_statusBar->showMessage(
            u"Move #%1 is not in the list (filtered out, or no longer open)"_s.arg(moveId), 10000);
}

void MainWindow::quitApplication()
{
    m_quitting = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_options.persistSettings)
        saveSettings();
    if (m_closeToTray && !m_quitting) {
        // Background mode: the window goes, CaseyOS (its checks and the tray) stays.
        event->ignore();
        hide();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT quitRequested();
}

} // namespace caseyos

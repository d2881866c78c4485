#include "ExecuteDialog.h"

#include "ExecutionText.h"
#include "OutgoingText.h"
#include "PayloadEditor.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kPreviewDelayMs = 400;

QPlainTextEdit* makeOutgoingView(const QString& name)
{
    auto* view = new QPlainTextEdit;
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setPlaceholderText(QCoreApplication::translate("ExecuteDialog", "The dry run shows it here."));
    return view;
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

} // namespace

ExecuteDialog::ExecuteDialog(qint64 moveId, const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_moveId(moveId)
{
    setObjectName(u"executeDialog"_s);
    setWindowTitle(tr("Execute move"));
    setSizeGripEnabled(true);
    resize(980, 640);
    m_previewDelay.setSingleShot(true);
    m_previewDelay.setInterval(kPreviewDelayMs);
    connect(&m_previewDelay, &QTimer::timeout, this, &ExecuteDialog::previewRequested);
    buildUi(title);
    setPhase(Phase::Loading);
    setStatus(tr("Loading the move…"), true);
}

void ExecuteDialog::buildUi(const QString& title)
{
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto* heading = new QLabel(title);
    heading->setObjectName(u"executeTitle"_s);
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    auto* actionRow = new QHBoxLayout;
    auto* actionLabel = new QLabel(tr("&Action:"));
    m_action = new QComboBox;
    m_action->setObjectName(u"executeAction"_s);
    m_action->setMinimumWidth(180);
    actionLabel->setBuddy(m_action);
    m_actionNote = new QLabel;
    m_actionNote->setObjectName(u"executeActionNote"_s);
    m_actionNote->setStyleSheet(u"color: #5f6b7a;"_s);
    actionRow->addWidget(actionLabel);
    actionRow->addWidget(m_action);
    actionRow->addSpacing(8);
    actionRow->addWidget(m_actionNote, 1);
    layout->addLayout(actionRow);

    m_banner = new QLabel;
    m_banner->setObjectName(u"executeBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto* split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);
    auto* payloadBox = new QGroupBox(tr("Payload (edit before running)"));
    auto* payloadLayout = new QVBoxLayout(payloadBox);
    m_editor = new PayloadEditor;
    payloadLayout->addWidget(m_editor);
    split->addWidget(payloadBox);

    auto* outgoingBox = new QGroupBox(tr("Exactly what will be sent"));
    auto* outgoingLayout = new QVBoxLayout(outgoingBox);
    m_request = new QLabel;
    m_request->setObjectName(u"executeRequest"_s);
    m_request->setStyleSheet(u"color: #5f6b7a;"_s);
    m_request->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outgoingLayout->addWidget(m_request);
    m_tabs = new QTabWidget;
    m_readable = makeOutgoingView(u"executeOutgoing"_s);
    m_raw = makeOutgoingView(u"executeRaw"_s);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_readable, tr("Message"));
    m_tabs->addTab(m_raw, tr("Raw"));
    outgoingLayout->addWidget(m_tabs);
    split->addWidget(outgoingBox);
    split->setSizes({ 470, 510 });
    layout->addWidget(split, 1);

    auto* statusRow = new QHBoxLayout;
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->hide();
    m_status = new QLabel;
    m_status->setObjectName(u"executeStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_undo = new QPushButton(QIcon(u":/icons/undo.svg"_s), tr("&Undo"));
    m_undo->setObjectName(u"executeUndo"_s);
    m_undo->setToolTip(tr("Take it out of the outbox: nothing is sent"));
    m_retry = new QPushButton(QIcon(u":/icons/reload.svg"_s), tr("&Retry"));
    m_retry->setObjectName(u"executeRetry"_s);
    m_retry->setToolTip(tr("Run it again (the executor first checks whether the failed attempt got through)"));
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_undo);
    statusRow->addWidget(m_retry);
    layout->addLayout(statusRow);

    auto* buttons = new QHBoxLayout;
    m_dryRun = new QPushButton(tr("&Dry run"));
    m_dryRun->setObjectName(u"executeDryRun"_s);
    m_dryRun->setToolTip(tr("Show exactly what would go out; nothing is sent or changed"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(u"executeCancel"_s);
    m_execute = new QPushButton(QIcon(u":/icons/execute.svg"_s), tr("&Execute"));
    m_execute->setObjectName(u"executeRun"_s);
    m_execute->setToolTip(tr("Run it for real (Ctrl+Enter). A send waits in the outbox for the undo window "
                             "first."));
    QFont strong = m_execute->font();
    strong.setBold(true);
    m_execute->setFont(strong);
    // Enter in a field must never send: no button is the default, Execute has its own chord.
    for (QPushButton* button : { m_dryRun, m_cancel, m_execute, m_undo, m_retry })
        button->setAutoDefault(false);
    buttons->addWidget(m_dryRun);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_execute);
    layout->addLayout(buttons);

    for (const QKeySequence& chord : { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto* shortcut = new QShortcut(chord, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_execute->isEnabled())
                m_execute->click();
        });
    }
    connect(m_dryRun, &QPushButton::clicked, this, [this] {
        m_previewDelay.stop();
        Q_EMIT previewRequested();
    });
    connect(m_execute, &QPushButton::clicked, this, [this] {
        m_previewDelay.stop();
        Q_EMIT executeRequested();
    });
    connect(m_retry, &QPushButton::clicked, this, &ExecuteDialog::executeRequested);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        if (m_executionId != 0)
            Q_EMIT undoRequested(m_executionId);
    });
    connect(m_editor, &PayloadEditor::edited, this, &ExecuteDialog::onEdited);
    connect(m_action, &QComboBox::activated, this, [this] {
        m_editor->setKind(static_cast<ActionKind>(m_action->currentData().toInt()));
        onEdited();
    });
}

void ExecuteDialog::setDraft(const ExecutionDraft& draft)
{
    if (!draft.error.isEmpty()) {
        setBanner(u"<b>%1</b><br>%2"_s.arg(tr("This move cannot be executed"), escaped(draft.error)), Tone::Error);
        setStatus(QString());
        setPhase(Phase::Done);
        return;
    }
    m_action->clear();
    // An email can go out now or wait as a draft in Gmail; other actions are what the move says.
    QList<ActionKind> kinds { draft.kind };
    if (draft.kind == ActionKind::SendEmail || draft.kind == ActionKind::CreateDraft)
        kinds = { ActionKind::SendEmail, ActionKind::CreateDraft };
    for (ActionKind kind : kinds)
        m_action->addItem(actionLabel(kind), int(kind));
    m_action->setCurrentIndex(m_action->findData(int(draft.kind)));
    m_editor->setPayload(draft.kind, draft.payload);
    m_hasDraft = true;
    setPhase(Phase::Editing);
    setStatus(tr("Preparing the preview…"), true);
    Q_EMIT previewRequested();
}

void ExecuteDialog::refreshPreview()
{
    if (m_hasDraft && m_phase == Phase::Editing)
        Q_EMIT previewRequested();
}

ExecuteRequest ExecuteDialog::request(bool dryRun) const
{
    ExecuteRequest request;
    request.moveId = m_moveId;
    request.kind = static_cast<ActionKind>(m_action->currentData().toInt());
    request.payload = m_editor->payload().value_or(QJsonObject());
    request.dryRun = dryRun;
    request.approved = !dryRun; // pressing Execute after seeing the preview is the confirmation
    return request;
}

bool ExecuteDialog::payloadParses(QString* error) const
{
    return m_editor->payload(error).has_value();
}

void ExecuteDialog::onEdited()
{
    m_invalid = false;
    m_request->setText(tr("Changed: the preview follows in a moment…"));
    m_previewDelay.start();
    setPhase(m_phase);
}

QString ExecuteDialog::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ExecuteDialog::setBanner(const QString& html, Tone tone)
{
    if (html.isEmpty()) {
        m_banner->hide();
        return;
    }
    static const QString styles[] = {
        u"background: #e8f1fb; border: 1px solid #b6d3f2; color: #0b4a8b;"_s,
        u"background: #fff4e5; border: 1px solid #ffd08a; color: #6d3a00;"_s,
        u"background: #fdecea; border: 1px solid #f1b8b4; color: #8c1d18;"_s,
    };
    m_banner->setStyleSheet(styles[int(tone)] + u" border-radius: 4px; padding: 8px 10px;"_s);
    m_banner->setText(html);
    m_banner->show();
}

void ExecuteDialog::setStatus(const QString& html, bool busy)
{
    m_status->setText(html);
    m_busy->setVisible(busy);
}

void ExecuteDialog::setPhase(Phase phase)
{
    m_phase = phase;
    const bool editing = phase == Phase::Editing;
    m_editor->setEditable(editing);
    m_action->setEnabled(editing && m_action->count() > 1);
    m_dryRun->setEnabled(editing && m_hasDraft);
    m_execute->setEnabled(editing && m_hasDraft && !m_invalid && payloadParses());
    m_undo->setVisible(phase == Phase::Waiting);
    if (phase != Phase::Editing)
        m_retry->hide();
    const bool started = phase == Phase::Waiting || phase == Phase::Running || phase == Phase::Done;
    m_cancel->setText(started ? tr("Close") : tr("Cancel"));
}

void ExecuteDialog::setOutgoing(const QJsonObject& outgoing)
{
    if (outgoing.isEmpty())
        return;
    const OutgoingText text = outgoingText(outgoing);
    m_request->setText(text.request.isEmpty() ? tr("Request body:") : text.request);
    m_readable->setPlainText(text.readable);
    m_raw->setPlainText(text.raw);
}

void ExecuteDialog::showWorking(const QString& text)
{
    setStatus(text, true);
    setPhase(Phase::Working);
}

void ExecuteDialog::showPreviewPending()
{
    setStatus(tr("Updating the preview…"), true);
}

void ExecuteDialog::showResult(const SubmitResult& result, bool dryRun)
{
    if (dryRun && m_phase != Phase::Editing)
        return; // a preview overtaken by the run itself
    const ExecutionPreview& preview = result.preview;
    setOutgoing(preview.outgoing);
    if (preview.send)
        m_actionNote->setText(preview.undoWindowMs > 0
                ? tr("Waits %1 s in the outbox before it leaves; Undo cancels it").arg(preview.undoWindowMs / 1000)
                : tr("Leaves at once (the undo window is 0 s)"));
    else
        m_actionNote->setText(tr("Runs at once"));
    QString warnings;
    for (const QString& warning : preview.warnings)
        warnings += u"<br>• "_s + escaped(warning);
    auto showWarnings = [&] {
        if (warnings.isEmpty())
            setBanner(QString(), Tone::Info);
        else
            setBanner(u"<b>%1</b>"_s.arg(tr("Check before running:")) + warnings, Tone::Warning);
    };
    using S = SubmitResult::Status;
    switch (result.status) {
    case S::DryRun:
    case S::NeedsApproval:
        showWarnings();
        setStatus(dryRun ? tr("Dry run: nothing was sent or changed. <b>Execute</b> runs it.")
                         : escaped(result.message));
        setPhase(Phase::Editing);
        return;
    case S::Invalid:
        m_invalid = true;
        setBanner(u"<b>%1</b><br>%2"_s.arg(tr("The payload needs a fix"), escaped(result.message)), Tone::Error);
        setStatus(dryRun ? QString() : tr("Not executed: nothing was sent or changed."));
        setPhase(Phase::Editing);
        return;
    case S::Blocked:
        setBanner(u"<b>%1</b><br>%2"_s.arg(blockedHeading(result.blockedBy), escaped(result.message))
                + warnings,
            Tone::Error);
        setStatus(dryRun ? QString() : tr("Not executed: nothing was sent or changed."));
        setPhase(Phase::Editing);
        return;
    case S::AlreadyDone:
        setBanner(escaped(result.message), Tone::Info);
        setStatus(QString());
        setPhase(Phase::Done);
        return;
    case S::InProgress:
    case S::Started:
        m_executionId = result.record ? result.record->id : 0;
        showWarnings();
        showRunning();
        return;
    case S::Queued:
        m_executionId = result.record ? result.record->id : 0;
        showWarnings();
        setPhase(Phase::Waiting);
        return; // the countdown follows at once
    }
}

void ExecuteDialog::showCountdown(int secondsLeft, const QString& target)
{
    const QString who = target.isEmpty() ? QString() : tr(" to <b>%1</b>").arg(target.toHtmlEscaped());
    setStatus(tr("Sending%1 in %2 s — <b>Undo</b> takes it back (or close this and press z)")
                  .arg(who)
                  .arg(secondsLeft));
    if (m_phase != Phase::Waiting)
        setPhase(Phase::Waiting);
}

void ExecuteDialog::showRunning()
{
    setStatus(tr("Running… the result shows here."), true);
    setPhase(Phase::Running);
}

void ExecuteDialog::showFinished(const ExecutionRecord& record)
{
    QString text = u"✔ "_s + stateLabel(record.state, record.action);
    if (!record.remoteRef.isEmpty())
        text += u" ("_s + record.remoteRef.toHtmlEscaped() + u')';
    setStatus(u"<span style='color:#1b6e20'>%1</span>"_s.arg(text));
    setPhase(Phase::Done);
}

void ExecuteDialog::showFailed(const ExecutionRecord& record)
{
    setStatus(u"<span style='color:#b3261e'>✖ %1</span>"_s.arg(tr("Failed: %1").arg(escaped(record.error))));
    setPhase(Phase::Editing);
    m_retry->show();
}

void ExecuteDialog::showUndone(const ExecutionRecord& record)
{
    setStatus(record.state == ExecutionState::Cancelled
            ? tr("↶ Cancelled: taken out of the outbox, nothing was sent.")
            : tr("↶ Undone."));
    setPhase(Phase::Editing);
}

void ExecuteDialog::showUndoRefused(const QString& message)
{
    setBanner(u"<b>%1</b><br>%2"_s.arg(tr("Not undone"), escaped(message)), Tone::Warning);
}

} // namespace caseyos

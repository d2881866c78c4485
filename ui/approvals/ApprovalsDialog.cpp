#include "ApprovalsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

// "today 10:41" or "24/11/2026 10:41", in the user's zone.
QString when(const QDateTime& utc, const QDateTime& now)
{
    const QDateTime local = utc.toLocalTime();
    const QString time = local.time().toString(u"HH:mm"_s);
    if (local.date() == now.toLocalTime().date())
        return ApprovalsDialog::tr("today %1").arg(time);
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' ' + time;
}

QString statusText(const Approval& a)
{
    if (a.status == u"approved"_s) {
        const QString approved = a.decidedBy == u"allowed_tool"_s ? ApprovalsDialog::tr("Approved (tool always allowed)")
                                                                  : ApprovalsDialog::tr("Approved");
        if (a.executedAt.isValid())
            return ApprovalsDialog::tr("%1 — done (execution %2)").arg(approved).arg(a.executionId);
        if (!a.handoff.isEmpty())
            return approved + u" — "_s + a.handoff;
        return a.awaitsHandoff() ? ApprovalsDialog::tr("%1 — handing to the executor…").arg(approved) : approved;
    }
    if (a.status == u"rejected"_s)
        return ApprovalsDialog::tr("Rejected — will never run");
    return ApprovalsDialog::tr("Waiting for your decision");
}

// The result line's look: green for approved, grey for rejected, red for an error.
void styleResult(QLabel* label, const QString& kind)
{
    const QString colors = kind == u"approved"_s
        ? u"background:#e3f4e6; color:#14532d; border:1px solid #7cc08a;"_s
        : kind == u"rejected"_s ? u"background:#eeeeee; color:#333333; border:1px solid #bbbbbb;"_s
                                : u"background:#fde8e8; color:#7f1d1d; border:1px solid #e59a9a;"_s;
    label->setStyleSheet(u"QLabel { %1 border-radius:4px; padding:6px 8px; }"_s.arg(colors));
    label->show();
}

} // namespace

ApprovalsDialog::ApprovalsDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(clock)
{
    setObjectName(u"approvalsDialog"_s);
    setWindowTitle(tr("Approvals"));
    resize(860, 520);

    m_header = new QLabel;
    m_header->setObjectName(u"approvalsHeader"_s);
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.15);
    m_header->setFont(headerFont);
    auto* explanation
        = new QLabel(tr("MCP clients asked CaseyOS to run these calls. Nothing is sent or changed "
                        "until you approve it; a rejected call never runs."));
    explanation->setWordWrap(true);

    m_result = new QLabel;
    m_result->setObjectName(u"approvalsResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    m_list = new QListWidget;
    m_list->setObjectName(u"approvalsList"_s);
    m_list->setMinimumWidth(300);
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setAccessibleName(tr("Approvals"));
    connect(m_list, &QListWidget::currentRowChanged, this, &ApprovalsDialog::showDetails);

    m_summary = new QLabel;
    m_summary->setObjectName(u"approvalSummary"_s);
    m_summary->setWordWrap(true);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);
    m_meta = new QLabel;
    m_meta->setObjectName(u"approvalMeta"_s);
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_arguments = new QPlainTextEdit;
    m_arguments->setObjectName(u"approvalArguments"_s);
    m_arguments->setReadOnly(true);
    m_arguments->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_arguments->setAccessibleName(tr("Arguments of the call"));
    auto* argumentsLabel = new QLabel(tr("The call:"));
    argumentsLabel->setBuddy(m_arguments);

    auto* details = new QWidget;
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(8, 0, 0, 0);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_meta);
    detailsLayout->addWidget(argumentsLabel);
    detailsLayout->addWidget(m_arguments, 1);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_approve = new QPushButton(tr("&Approve…"));
    m_approve->setObjectName(u"approveButton"_s);
    m_reject = new QPushButton(tr("&Reject…"));
    m_reject->setObjectName(u"rejectButton"_s);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_approve, QDialogButtonBox::ActionRole);
    buttons->addButton(m_reject, QDialogButtonBox::ActionRole);
    // Enter in the list must not decide anything: no button is a default one.
    for (QAbstractButton* b : buttons->buttons()) {
        if (auto* push = qobject_cast<QPushButton*>(b))
            push->setAutoDefault(false);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsDialog::approveCurrent);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsDialog::rejectCurrent);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(explanation);
    layout->addWidget(m_result);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    setApprovals({}, {});
    m_header->setText(tr("Loading approvals…"));
}

const Approval* ApprovalsDialog::approvalAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

QMessageBox* ApprovalsDialog::confirmation() const
{
    return m_confirm;
}

qint64 ApprovalsDialog::currentId() const
{
    const Approval* a = approvalAt(m_list->currentRow());
    return a ? a->id : 0;
}

QString ApprovalsDialog::callText(const Approval& approval)
{
    const QString arguments
        = QString::fromUtf8(QJsonDocument(approval.arguments).toJson(QJsonDocument::Indented));
    return approval.tool + u'(' + arguments.trimmed() + u')';
}

void ApprovalsDialog::setApprovals(const QList<Approval>& pending, const QList<Approval>& decided)
{
    const qint64 keep = currentId();
    m_rows = pending + decided;
    m_pendingCount = int(pending.size());
    m_header->setText(pending.isEmpty() ? tr("No approval is waiting.")
            : pending.size() == 1       ? tr("1 approval is waiting for your decision")
                                  : tr("%1 approvals are waiting for your decision").arg(pending.size()));
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int select = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Approval& a = m_rows[row];
        const bool isPending = row < m_pendingCount;
        const QString second
            = isPending ? tr("requested %1").arg(when(a.createdAt, m_clock.now())) : statusText(a);
        auto* item = new QListWidgetItem(u"#%1  %2\n%3\n%4"_s.arg(a.id).arg(a.tool, a.summary, second));
        item->setData(IdRole, a.id);
        item->setToolTip(callText(a));
        if (!isPending)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        m_list->addItem(item);
        if (a.id == keep)
            select = row;
    }
    // After a decision the next waiting one comes up; with none left the decided one stays in view.
    if ((select < 0 || select >= m_pendingCount) && m_pendingCount > 0)
        select = 0;
    m_list->setCurrentRow(select);
    showDetails();
}

void ApprovalsDialog::showDetails()
{
    const Approval* a = approvalAt(m_list->currentRow());
    if (!a) {
        m_summary->setText(m_rows.isEmpty()
                ? tr("When an MCP client asks to send or change something, it shows "
                     "up here (and as a notification).")
                : QString());
        m_meta->clear();
        m_arguments->clear();
        updateButtons();
        return;
    }
    m_summary->setText(a->summary.isEmpty() ? a->tool : a->summary);
    QString meta = tr("Approval #%1 · tool %2 · requested %3")
                       .arg(a->id)
                       .arg(a->tool, when(a->createdAt, m_clock.now()));
    meta += u"\n"_s + statusText(*a);
    if (a->decidedAt.isValid())
        meta += u" · "_s + when(a->decidedAt, m_clock.now());
    m_meta->setText(meta);
    m_arguments->setPlainText(callText(*a));
    updateButtons();
}

void ApprovalsDialog::updateButtons()
{
    const Approval* a = approvalAt(m_list->currentRow());
    const bool decidable = a && a->status == u"pending"_s && m_deciding == 0 && !m_confirm;
    m_approve->setEnabled(decidable);
    m_reject->setEnabled(decidable);
}

void ApprovalsDialog::approveCurrent()
{
    confirm(true);
}

void ApprovalsDialog::rejectCurrent()
{
    confirm(false);
}

void ApprovalsDialog::confirm(bool approve)
{
    const Approval* a = approvalAt(m_list->currentRow());
    if (!a || a->status != u"pending"_s || m_deciding != 0 || m_confirm)
        return;
    const Approval approval = *a;
    const QString question = approve ? tr("Approve approval #%1?").arg(approval.id)
                                     : tr("Reject approval #%1?").arg(approval.id);
    const QString consequence = approve
        ? tr("CaseyOS then runs it through the executor, with the same checks as Execute (kill switch, send "
             "caps, safety rules). A send waits in the outbox for the undo window: Undo in the status bar "
             "(z) still stops it.")
        : tr("A rejected call never runs, and cannot be approved later.");
    auto* box = new QMessageBox(QMessageBox::Question, windowTitle(), question, QMessageBox::NoButton, this);
    box->setObjectName(u"approvalConfirm"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setText(u"<b>%1</b><br>%2"_s.arg(question.toHtmlEscaped(), approval.summary.toHtmlEscaped()));
    box->setInformativeText(u"%1<pre>%2</pre>%3"_s.arg(tr("The MCP client asked to run:").toHtmlEscaped(),
        callText(approval).toHtmlEscaped(), consequence.toHtmlEscaped()));
    QPushButton* action
        = box->addButton(approve ? tr("Approve #%1").arg(approval.id) : tr("Reject #%1").arg(approval.id),
            QMessageBox::AcceptRole);
    action->setObjectName(u"confirmButton"_s);
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(action);
    box->setEscapeButton(cancel);
    if (approve) {
        // PRODUCT.md §8: the user may allow a tool permanently; later calls of it are approved at once.
        auto* always = new QCheckBox(tr("Always allow %1 from MCP clients (no more questions)").arg(approval.tool));
        always->setObjectName(u"alwaysAllowTool"_s);
        box->setCheckBox(always);
    }
    m_confirm = box;
    connect(box, &QMessageBox::finished, this, [this, box, action, approval, approve] {
        const bool confirmed = box->clickedButton() == action;
        if (confirmed && approve && box->checkBox() && box->checkBox()->isChecked())
            Q_EMIT allowToolRequested(approval.tool);
        m_confirm = nullptr;
        if (confirmed) {
            m_deciding = approval.id;
            m_result->setText(
                approve ? tr("Approving #%1…").arg(approval.id) : tr("Rejecting #%1…").arg(approval.id));
            styleResult(m_result, u"rejected"_s);
            if (approve)
                Q_EMIT approveRequested(approval.id);
            else
                Q_EMIT rejectRequested(approval.id);
        }
        updateButtons();
    });
    updateButtons();
    box->open();
}

void ApprovalsDialog::showDecided(const Approval& approval)
{
    if (approval.id == m_deciding)
        m_deciding = 0;
    const QString what = u"#%1 %2 — %3"_s.arg(approval.id).arg(approval.tool, approval.summary);
    if (approval.status == u"approved"_s) {
        m_result->setText(
            tr("✔ Approved %1. CaseyOS is running it through the executor; its result appears in the list.")
                .arg(what));
    } else {
        m_result->setText(tr("✖ Rejected %1. It will never run.").arg(what));
    }
    styleResult(m_result, approval.status);
    updateButtons();
}

void ApprovalsDialog::showError(const QString& message)
{
    m_deciding = 0;
    m_result->setText(message);
    styleResult(m_result, u"error"_s);
    updateButtons();
}

} // namespace caseyos

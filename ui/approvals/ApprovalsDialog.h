#pragma once

#include "core/Clock.h"
#include "mcp/ApprovalService.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QListWidget;
class QMessageBox;
class QPlainTextEdit;
class QPushButton;

namespace caseyos {

// The pending approvals (MCP tool calls that would send or change something, PRODUCT.md §8): a list of what
// each one would do — tool, summary, when requested — with its arguments pretty-printed beside it, and
// Approve… / Reject… (Alt+A / Alt+R). Each asks for a confirmation that shows exactly the call that will be
// approved or rejected. Below the pending ones, the latest decided ones with their outcome. Non-modal, never
// touches the database: it takes its data through slots and only emits requests (ApprovalsController wires
// them to an ApprovalsClient).
class ApprovalsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ApprovalsDialog(const Clock& clock, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }
    QLabel* resultLabel() const { return m_result; }
    QPlainTextEdit* argumentsView() const { return m_arguments; }
    QMessageBox* confirmation() const; // the open confirmation, or null
    qint64 currentId() const; // the selected approval (0: none)
    bool isDeciding() const { return m_deciding != 0; }

    // "execute_move({…})" as the confirmation and the details show it: the tool and its arguments, indented.
    static QString callText(const Approval& approval);

public Q_SLOTS:
    void setApprovals(const QList<caseyos::Approval>& pending, const QList<caseyos::Approval>& decided);
    void showDecided(const caseyos::Approval& approval);
    void showError(const QString& message);
    void approveCurrent(); // asks for the confirmation
    void rejectCurrent();

Q_SIGNALS:
    void approveRequested(qint64 id);
    void rejectRequested(qint64 id);
    // The user ticked "Always allow" while approving a call of `tool`.
    void allowToolRequested(const QString& tool);

private:
    void showDetails();
    void confirm(bool approve);
    void updateButtons();
    const Approval* approvalAt(int row) const;

    const Clock& m_clock;
    QList<Approval> m_rows; // pending, then decided: one per list row
    int m_pendingCount = 0;
    qint64 m_deciding = 0; // the id whose decision is on its way to the worker
    QLabel* m_header = nullptr;
    QLabel* m_result = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_meta = nullptr;
    QPlainTextEdit* m_arguments = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPointer<QMessageBox> m_confirm;
};

} // namespace caseyos

#pragma once

#include "core/Clock.h"
#include "outcomes/Outcome.h"
#include "workspace/MoveDetail.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QFormLayout;
class QGroupBox;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;
class QAction;

namespace caseyos {

class ComponentBar;
class OutcomePicker;
struct MoveRow;

// The selected move in full: why it ranks where it does (APS components as bars, reasoning), who it is about,
// the signal it came from (payload pretty-printed) and its history, times in the local zone.
// It shows what the list row knows at once and fills in the rest when the storage thread answers.
class MoveDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit MoveDetailPane(const Clock& clock, QWidget* parent = nullptr);

    // Buttons for the move commands (the same QActions as the menus and keys): the main ones with their
    // names, the others as icons (the pane is narrow).
    void setActions(const QList<QAction*>& named, const QList<QAction*>& iconOnly);
    // A section another part of the window fills (the executions), placed above the history.
    void addSection(QWidget* section);

    void showRow(const MoveRow& row); // immediately, from the list
    void showDetail(const MoveDetail& detail); // when loaded; ignored unless it is the shown move
    void clear();
    qint64 moveId() const { return m_moveId; }
    bool hasDetail() const { return m_hasDetail; }
    const MoveDetail& detail() const { return m_detail; }

    // Text as shown, for tests and accessibility.
    QString titleText() const;
    QString reasoningText() const;
    QString historyText() const;
    QString signalText() const;
    QString outcomeText() const; // the last outcome recorded for the shown move, or empty
    OutcomePicker* outcomePicker() const { return m_outcomePicker; }

Q_SIGNALS:
    void leaveRequested(); // Esc: back to the list
    void moveShown(qint64 moveId); // another move is shown (0: none), for the sections to follow
    // "Record outcome…" was used for the shown move: connect to OutcomesClient::recordForMove.
    void outcomeRequested(qint64 moveId, caseyos::OutcomeType type, double confidence, const QString& note);

private:
    void buildUi();
    void showComponents(const ApsComponents& components, double aps, double adjustment);
    QLabel* addValue(QFormLayout* form, const QString& label);

    const Clock& m_clock;
    qint64 m_moveId = 0;
    bool m_hasDetail = false;
    MoveDetail m_detail;

    QStackedWidget* m_stack = nullptr;
    QWidget* m_actionsRow = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_meta = nullptr;
    QLabel* m_status = nullptr;
    OutcomePicker* m_outcomePicker = nullptr;
    QLabel* m_outcome = nullptr;
    QLabel* m_apsValue = nullptr;
    ComponentBar* m_revenue = nullptr;
    ComponentBar* m_urgency = nullptr;
    ComponentBar* m_effort = nullptr;
    ComponentBar* m_strategic = nullptr;
    QLabel* m_reasoning = nullptr;
    QLabel* m_contact = nullptr;
    QLabel* m_email = nullptr;
    QLabel* m_company = nullptr;
    QLabel* m_deal = nullptr;
    QLabel* m_due = nullptr;
    QLabel* m_created = nullptr;
    QLabel* m_updated = nullptr;
    QGroupBox* m_descriptionBox = nullptr;
    QLabel* m_description = nullptr;
    QGroupBox* m_signalBox = nullptr;
    QLabel* m_signalSource = nullptr;
    QLabel* m_signalEvent = nullptr;
    QLineEdit* m_signalSourceId = nullptr;
    QLabel* m_signalOccurred = nullptr;
    QLineEdit* m_signalDedupe = nullptr;
    QPlainTextEdit* m_payload = nullptr;
    QLabel* m_history = nullptr;
    QVBoxLayout* m_bodyLayout = nullptr;
    QGroupBox* m_historyBox = nullptr;
};

} // namespace caseyos

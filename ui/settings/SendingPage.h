#pragma once

#include "SettingsPage.h"
#include "execution/ExecutionSettings.h"

#include <QPointer>

class QComboBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace caseyos {

class Clock;
class ExecutionClient;
class WorkingHoursBox;

// Settings ▸ Sending: the undo window, the send caps and the unsubscribe wording — kept in the workspace's
// database (ExecutionSettings) so the window, the CLI and the MCP server honour the same values — and the
// working hours for meeting slots (QSettings, WorkingHoursBox). The database part goes through the executor's
// own thread (ExecutionClient): read when the page is made (the fields wait, disabled, until then), written
// by saveLimits() with the answer in limitsSaved(). Without an open workspace that part says so and stays
// off.
class SendingPage : public SettingsPage
{
    Q_OBJECT
public:
    SendingPage(ExecutionClient* executions, const Clock& clock, QWidget* parent = nullptr);

    QString title() const override { return tr("Sending"); }
    void load(const QSettings& settings) override; // the working hours; the limits come from the database
    std::optional<SettingsProblem> validate() const override;
    void save(QSettings& settings) const override;

    bool limitsLoaded() const { return m_loaded.has_value(); }
    bool limitsChanged() const;
    ExecutionLimits limits() const; // the stored ones with the edits applied (valid once validate() passed)
    // Starts writing the changed limits → limitsSaved(); false when there is nothing to write.
    bool saveLimits();

    QSpinBox* undoWindowBox() const { return m_undoWindow; }
    QSpinBox* emailsPerDayBox() const { return m_emailsPerDay; }
    QSpinBox* emailsPerContactBox() const { return m_emailsPerContact; }
    QComboBox* unsubscribeBox() const { return m_unsubscribe; }
    QLabel* limitsStatus() const { return m_status; }
    WorkingHoursBox* workingHours() const { return m_hours; }

Q_SIGNALS:
    void limitsSaved(const QString& error); // empty: stored
    void limitsReady(); // the stored limits are shown (tests wait for it)

private:
    void requestLimits();
    void showLimits(const ExecutionLimits& limits);
    void setLimitsEnabled(bool enabled);

    QPointer<ExecutionClient> m_executions;
    std::optional<ExecutionLimits> m_loaded;
    quint64 m_loadRequest = 0;
    quint64 m_saveRequest = 0;
    ExecutionLimits m_saving;
    QGroupBox* m_limitsBox = nullptr;
    QSpinBox* m_undoWindow = nullptr;
    QSpinBox* m_emailsPerDay = nullptr;
    QSpinBox* m_emailsPerContact = nullptr;
    QComboBox* m_unsubscribe = nullptr;
    QLabel* m_status = nullptr;
    WorkingHoursBox* m_hours = nullptr;
};

} // namespace caseyos

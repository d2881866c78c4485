#pragma once

#include "SettingsPage.h"

class QCheckBox;

namespace caseyos {

// Settings ▸ Memory: whether the messages of a summarised session may be deleted (SummaryPolicy,
// memory/deleteSummarizedMessages; off by default). Read at each summary run.
class MemoryPage : public SettingsPage
{
    Q_OBJECT
public:
    explicit MemoryPage(QWidget* parent = nullptr);

    QString title() const override { return tr("Memory"); }
    void load(const QSettings& settings) override;
    std::optional<SettingsProblem> validate() const override { return std::nullopt; }
    void save(QSettings& settings) const override;

    QCheckBox* deleteSummarizedBox() const { return m_deleteSummarized; }

private:
    QCheckBox* m_deleteSummarized = nullptr;
};

} // namespace caseyos

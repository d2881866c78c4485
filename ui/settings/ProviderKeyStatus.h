#pragma once

#include "connectors/clients/ClientTypes.h"
#include "llm/LlmSettings.h"

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace caseyos {

// The Assistant page's line about the chosen provider's API key: whether one is stored, from the same source
// Jarvis reads it from at each question (jarvis::apiKeySource: the provider's account on the Accounts page,
// its key in the OS keychain). Reading the keychain is asynchronous: "Checking the keychain…" first, then
// the answer; a newer check drops an older answer. The key itself is only tested for being there — it is
// never shown, kept or written anywhere. A button opens the Accounts page, where keys are managed.
class ProviderKeyStatus : public QWidget
{
    Q_OBJECT
public:
    // Where the key of `kind` would come from; an empty source: no account for it. Called on this thread.
    using KeySourceFor = std::function<TokenSource(llm::ProviderKind kind)>;

    ProviderKeyStatus(KeySourceFor keySource, std::function<void()> manageKeys, QWidget* parent = nullptr);

    void check(llm::ProviderKind kind);
    QString text() const;
    bool isChecking() const { return m_checking; }
    QPushButton* manageButton() const { return m_manage; }

private:
    void setStatus(const QString& text, bool checking);

    KeySourceFor m_keySource;
    QLabel* m_label = nullptr;
    QPushButton* m_manage = nullptr;
    quint64 m_generation = 0;
    bool m_checking = false;
};

} // namespace caseyos

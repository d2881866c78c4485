#include "ProviderKeyStatus.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace caseyos {

namespace {

// The account provider's name as the Accounts page shows it.
QString keyProviderName(llm::ProviderKind kind)
{
    switch (kind) {
    case llm::ProviderKind::OpenAi:
        return ProviderKeyStatus::tr("OpenAI");
    case llm::ProviderKind::Xai:
        return ProviderKeyStatus::tr("xAI");
    case llm::ProviderKind::Gemini:
        return ProviderKeyStatus::tr("Gemini");
    case llm::ProviderKind::Offline:
    case llm::ProviderKind::OpenAiCompatible:
        break;
    }
    return {};
}

} // namespace

ProviderKeyStatus::ProviderKeyStatus(
    KeySourceFor keySource, std::function<void()> manageKeys, QWidget* parent)
    : QWidget(parent)
    , m_keySource(std::move(keySource))
{
    // The sentence, then the button under it: the answer gets the whole width and the button stays whole.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("keyStatusLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    layout->addWidget(m_label);
    m_manage = new QPushButton(tr("Manage keys on the Accounts page…"));
    m_manage->setObjectName(QStringLiteral("manageKeysButton"));
    m_manage->setAutoDefault(false);
    m_manage->setEnabled(bool(manageKeys));
    connect(m_manage, &QPushButton::clicked, this, [manageKeys] {
        if (manageKeys)
            manageKeys();
    });
    layout->addWidget(m_manage, 0, Qt::AlignLeft);
}

QString ProviderKeyStatus::text() const
{
    return m_label->text();
}

void ProviderKeyStatus::setStatus(const QString& text, bool checking)
{
    m_label->setText(text);
    m_checking = checking;
}

void ProviderKeyStatus::check(llm::ProviderKind kind)
{
    const quint64 generation = ++m_generation;
    if (kind == llm::ProviderKind::Offline) {
        setStatus(tr("The offline assistant needs no key."), false);
        return;
    }
    if (llm::keyProviderFor(kind).isEmpty()) {
        setStatus(tr("No key is used: the server is called without one."), false);
        return;
    }
    const QString name = keyProviderName(kind);
    const TokenSource source = m_keySource ? m_keySource(kind) : TokenSource();
    if (!source) {
        setStatus(
            tr("No key for %1 is stored: add one on the Accounts page (until then Jarvis answers offline).")
                .arg(name),
            false);
        return;
    }
    setStatus(tr("Checking the keychain…"), true);
    // Only whether a key came back is kept; the key goes out of scope with the callback's argument.
    source(this, [this, generation, name](const Result<QString>& key) {
        if (generation != m_generation)
            return; // the provider changed meanwhile
        if (key && !key.value().isEmpty())
            setStatus(tr("A key for %1 is stored in the keychain.").arg(name), false);
        else
            setStatus(tr("The key for %1 cannot be read from the keychain: %2")
                          .arg(name, key ? tr("it is empty") : key.error()),
                false);
    });
}

} // namespace caseyos

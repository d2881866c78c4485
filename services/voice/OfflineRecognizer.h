#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

struct ps_decoder_s;
struct ngram_model_s;

namespace caseyos::voice {

// Offline transcription of one utterance with pocketsphinx and Debian's en-us model (PRODUCT.md §6): no
// network, no key. Used on the "voice" thread only; not a QObject. Loading takes about a second, so keep one
// instance.
class OfflineRecognizer
{
public:
    // nullptr with a sentence in `error` when the model is missing or cannot be loaded.
    static std::unique_ptr<OfflineRecognizer> create(QString* error);
    ~OfflineRecognizer();
    OfflineRecognizer(const OfflineRecognizer&) = delete;
    OfflineRecognizer& operator=(const OfflineRecognizer&) = delete;

    // The words heard in 16 kHz mono 16-bit PCM, lower case. Empty with an empty `error`: nothing was heard.
    QString transcribe(const QByteArray& pcm, QString* error);

    // Phrases to favour: Jarvis's commands and the workspace's names. A trigram model of them is interpolated
    // with the general model, so they are recognised far better while other speech still is. Words the
    // pronouncing dictionary lacks are left out. An empty list goes back to the general model alone.
    void setVocabulary(const QStringList& phrases);
    // Words of the last setVocabulary() that the dictionary lacks (so the caller can say which names are
    // unheard).
    QStringList unknownWords() const { return m_unknownWords; }

    // Weight of the phrase model against the general one (0–1), 0.5 by default. Measured on 24 commands and
    // 144 words of free speech by flite: 0.2–0.5 gave 23/24 commands word for word and 141/144 free words,
    // 0.65–0.8 22/24 and 141/144; the general model alone 21/32 commands' key words against 32/32.
    void setVocabularyWeight(double weight) { m_vocabularyWeight = weight; }

private:
    OfflineRecognizer() = default;
    bool useSearch(const char* name);

    ps_decoder_s* m_decoder = nullptr;
    ngram_model_s* m_generalModel = nullptr;
    QStringList m_unknownWords;
    double m_vocabularyWeight = 0.5;
};

} // namespace caseyos::voice

#include "voice/OfflineRecognizer.h"

#include "voice/PhraseLanguageModel.h"
#include "voice/PocketSphinxModel.h"
#include "voice/VoiceAudio.h"

#include <QCoreApplication>
#include <QTemporaryFile>
#include <pocketsphinx.h>
#include <sphinxbase/ngram_model.h>

using namespace Qt::StringLiterals;

namespace caseyos::voice {

namespace {

constexpr const char* kGeneralSearch = "general";
constexpr const char* kVocabularySearch = "vocabulary";

} // namespace

std::unique_ptr<OfflineRecognizer> OfflineRecognizer::create(QString* error)
{
    const PocketSphinxModel model = PocketSphinxModel::installed(error);
    if (!model.isValid())
        return nullptr;
    std::unique_ptr<OfflineRecognizer> recognizer(new OfflineRecognizer);
    recognizer->m_decoder = createDecoder(model, CepstralMean::Batch, error);
    if (!recognizer->m_decoder)
        return nullptr;
    // The general model is kept (not only handed to a search) so that a vocabulary can be interpolated with
    // it. Every model must share the decoder's log tables; ngram_model_read takes its own reference to them
    // (valgrind: retaining them here leaked the tables).
    recognizer->m_generalModel = ngram_model_read(ps_get_config(recognizer->m_decoder),
        model.languageModel.toLocal8Bit().constData(), NGRAM_AUTO, ps_get_logmath(recognizer->m_decoder));
    if (!recognizer->m_generalModel
        || ps_set_lm(recognizer->m_decoder, kGeneralSearch, recognizer->m_generalModel) < 0
        || !recognizer->useSearch(kGeneralSearch)) {
        if (error)
            *error = QCoreApplication::translate(
                "caseyos::voice", "The offline speech recogniser could not load its model.");
        return nullptr;
    }
    return recognizer;
}

OfflineRecognizer::~OfflineRecognizer()
{
    if (m_decoder)
        ps_free(m_decoder);
    if (m_generalModel)
        ngram_model_free(m_generalModel);
}

bool OfflineRecognizer::useSearch(const char* name)
{
    return ps_set_search(m_decoder, name) >= 0;
}

void OfflineRecognizer::setVocabulary(const QStringList& phrases)
{
    m_unknownWords.clear();
    // Replacing the search in use would leave the decoder pointing at the freed one: step off it first.
    useSearch(kGeneralSearch);
    QList<QStringList> sentences;
    for (const QString& phrase : phrases) {
        // A word the dictionary lacks splits the phrase: the decoder could never produce it.
        QStringList sentence;
        for (const QString& word : phraseWords(phrase)) {
            char* pronunciation = ps_lookup_word(m_decoder, word.toUtf8().constData());
            if (pronunciation) {
                ckd_free(pronunciation);
                sentence.append(word);
                continue;
            }
            if (!m_unknownWords.contains(word))
                m_unknownWords.append(word);
            if (!sentence.isEmpty())
                sentences.append(sentence);
            sentence.clear();
        }
        if (!sentence.isEmpty())
            sentences.append(sentence);
    }
    if (sentences.isEmpty()) {
        useSearch(kGeneralSearch);
        return;
    }

    // sphinxbase reads ARPA models from files only.
    QTemporaryFile file;
    if (!file.open() || file.write(arpaTrigramModel(sentences)) < 0 || !file.flush()) {
        useSearch(kGeneralSearch);
        return;
    }
    ngram_model_t* phraseModel = ngram_model_read(ps_get_config(m_decoder),
        file.fileName().toLocal8Bit().constData(), NGRAM_ARPA, ps_get_logmath(m_decoder));
    if (!phraseModel) {
        useSearch(kGeneralSearch);
        return;
    }
    ngram_model_t* models[] = { m_generalModel, phraseModel };
    const char* names[] = { "general", "phrases" };
    const float32 weights[] = { float32(1.0 - m_vocabularyWeight), float32(m_vocabularyWeight) };
    // The set holds its own references to both models, as the search does to the set.
    ngram_model_t* set
        = ngram_model_set_init(ps_get_config(m_decoder), models, const_cast<char**>(names), weights, 2);
    ngram_model_free(phraseModel);
    if (!set || ps_set_lm(m_decoder, kVocabularySearch, set) < 0) {
        if (set)
            ngram_model_free(set);
        useSearch(kGeneralSearch);
        return;
    }
    ngram_model_free(set);
    useSearch(kVocabularySearch);
}

QString OfflineRecognizer::transcribe(const QByteArray& pcm, QString* error)
{
    if (error)
        error->clear();
    const auto samples = pcm.size() / 2;
    // Less than a tenth of a second holds no word (and too few frames for the decoder's normalisation).
    if (samples < kCaptureSampleRate / 10)
        return {};
    if (ps_start_utt(m_decoder) < 0) {
        if (error)
            *error = QCoreApplication::translate(
                "caseyos::voice", "The offline speech recogniser failed to start.");
        return {};
    }
    // full_utt: the whole utterance at once lets the decoder normalise its features over all of it.
    ps_process_raw(m_decoder, reinterpret_cast<const int16*>(pcm.constData()), size_t(samples), FALSE, TRUE);
    ps_end_utt(m_decoder);
    int32 score = 0;
    const char* hypothesis = ps_get_hyp(m_decoder, &score);
    return hypothesis ? QString::fromUtf8(hypothesis).toLower().simplified() : QString();
}

} // namespace caseyos::voice

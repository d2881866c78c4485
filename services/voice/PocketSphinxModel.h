#pragma once

#include <QString>
#include <QStringList>

struct ps_decoder_s;

namespace caseyos::voice {

// Debian's pocketsphinx-en-us model (acoustic model, general language model, pronouncing dictionary), shared
// by the recogniser and the wake-word spotter. Internal to caseyos_voice.
struct PocketSphinxModel
{
    QString acousticDir; // en-us/
    QString languageModel; // en-us.lm.bin
    QString dictionary; // cmudict-en-us.dict

    // The model in `directory` (laid out as Debian's), or empty paths with the "not installed" sentence in
    // `error`.
    static PocketSphinxModel at(const QString& directory, QString* error);
    // The installed model, or empty paths with the "not installed" sentence in `error`.
    static PocketSphinxModel installed(QString* error);
    bool isValid() const { return !acousticDir.isEmpty(); }
};

// How the decoder normalises the audio's level and colour: over each whole utterance (the same audio always
// gives the same words), or as a running mean carried from one utterance to the next (what a stream needs).
enum class CepstralMean { Batch, Live };

// A decoder with `model`'s acoustic model and dictionary and no search yet, or nullptr (sentence in `error`).
// pocketsphinx logs a great deal to stderr by default: its log goes nowhere so the app's output stays clean.
ps_decoder_s* createDecoder(const PocketSphinxModel& model, CepstralMean mean, QString* error);

// The words of a phrase as the dictionary spells them: lower case, apostrophes and inner hyphens kept
// ("what's", "follow-up"), everything else a separator.
QStringList phraseWords(const QString& phrase);

} // namespace caseyos::voice

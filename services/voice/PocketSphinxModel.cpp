#include "voice/PocketSphinxModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <pocketsphinx.h>
#include <sphinxbase/err.h>

using namespace Qt::StringLiterals;

namespace caseyos::voice {

PocketSphinxModel PocketSphinxModel::installed(QString* error)
{
    return at(QStringLiteral(CASEYOS_POCKETSPHINX_MODEL_DIR), error);
}

PocketSphinxModel PocketSphinxModel::at(const QString& directory, QString* error)
{
    const QDir dir(directory);
    PocketSphinxModel model;
    model.acousticDir = dir.filePath(u"en-us"_s);
    model.languageModel = dir.filePath(u"en-us.lm.bin"_s);
    model.dictionary = dir.filePath(u"cmudict-en-us.dict"_s);
    if (!QFileInfo::exists(model.acousticDir + u"/mdef"_s) || !QFileInfo::exists(model.languageModel)
        || !QFileInfo::exists(model.dictionary)) {
        if (error)
            *error = QCoreApplication::translate(
                "caseyos::voice", "The offline speech model is not installed (package pocketsphinx-en-us).");
        return {};
    }
    return model;
}

ps_decoder_s* createDecoder(const PocketSphinxModel& model, CepstralMean mean, QString* error)
{
    // Before anything is parsed: cmd_ln_init itself logs the whole configuration to stderr.
    err_set_logfp(nullptr);
    const QByteArray acoustic = model.acousticDir.toLocal8Bit();
    const QByteArray dictionary = model.dictionary.toLocal8Bit();
    // cmd_ln_init copies its strings (cmd_ln_parse_r would keep pointers to them).
    cmd_ln_t* config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", acoustic.constData(), "-dict",
        dictionary.constData(), "-logfn", "/dev/null", "-cmn", mean == CepstralMean::Batch ? "batch" : "live",
        static_cast<const char*>(nullptr));
    ps_decoder_t* decoder = config ? ps_init(config) : nullptr;
    if (config)
        cmd_ln_free_r(config); // the decoder keeps its own reference
    if (!decoder && error)
        *error = QCoreApplication::translate(
            "caseyos::voice", "The offline speech recogniser could not load its model.");
    return decoder;
}

QStringList phraseWords(const QString& phrase)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}'\\-]+"_s);
    QStringList words;
    for (QString word : phrase.toLower().replace(u'\u2019', u'\'').split(separators, Qt::SkipEmptyParts)) {
        while (!word.isEmpty() && (word.front() == u'\'' || word.front() == u'-'))
            word.remove(0, 1);
        while (!word.isEmpty() && (word.back() == u'\'' || word.back() == u'-'))
            word.chop(1);
        if (!word.isEmpty())
            words.append(word);
    }
    return words;
}

} // namespace caseyos::voice

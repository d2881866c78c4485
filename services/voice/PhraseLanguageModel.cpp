#include "voice/PhraseLanguageModel.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace caseyos::voice {

namespace {

// How much of each seen n-gram's count is set aside for unseen continuations.
constexpr double kDiscount = 0.5;

using Gram = QStringList;

struct Counts
{
    std::map<Gram, double> grams[3]; // ordered, so the file is the same for the same phrases
    std::map<Gram, double> histories[2]; // count of a history followed by anything (orders 2 and 3)
};

QByteArray log10Text(double probability)
{
    return QByteArray::number(probability > 0 ? std::log10(probability) : -99.0, 'f', 6);
}

} // namespace

QByteArray arpaTrigramModel(const QList<QStringList>& sentences)
{
    const QString begin = u"<s>"_s;
    const QString end = u"</s>"_s;
    Counts counts;
    double tokens = 0;
    for (const QStringList& sentence : sentences) {
        if (sentence.isEmpty())
            continue;
        QStringList words { begin };
        words += sentence;
        words.append(end);
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (i > 0) {
                counts.grams[0][{ words[i] }] += 1;
                tokens += 1;
            }
            for (int order = 2; order <= 3; ++order) {
                if (i + 1 < order)
                    continue;
                const Gram gram = words.mid(i + 1 - order, order);
                counts.grams[order - 1][gram] += 1;
                counts.histories[order - 2][gram.first(order - 1)] += 1;
            }
        }
    }
    counts.grams[0][{ begin }] += 0; // listed, never predicted

    // Unigrams: add-one over the words (never zero, so backing off always lands somewhere).
    const double vocabulary = double(counts.grams[0].size() - 1);
    std::map<Gram, double> unigram;
    for (const auto& [gram, count] : counts.grams[0])
        unigram[gram] = gram.first() == begin ? 0.0 : (count + 1) / (tokens + vocabulary);

    // Discounted probabilities of seen n-grams, and back-off weights of their histories.
    std::map<Gram, double> probability[3];
    probability[0] = unigram;
    std::map<Gram, double> backoff[2];
    const auto lowerOrder = [&](const Gram& gram) -> double {
        // Katz back-off probability of gram's last word after its shorter history.
        Gram shorter = gram.mid(1);
        double weight = 1.0;
        while (true) {
            const int order = int(shorter.size());
            const auto seen = probability[order - 1].find(shorter);
            if (seen != probability[order - 1].end())
                return weight * seen->second;
            const auto history = backoff[order - 2].find(shorter.first(order - 1));
            if (history != backoff[order - 2].end())
                weight *= history->second;
            shorter = shorter.mid(1);
        }
    };
    for (int order = 2; order <= 3; ++order) {
        std::map<Gram, std::pair<double, double>>
            mass; // history -> (seen probability, lower-order probability)
        for (const auto& [gram, count] : counts.grams[order - 1]) {
            const Gram history = gram.first(order - 1);
            const double p = (count - kDiscount) / counts.histories[order - 2][history];
            probability[order - 1][gram] = p;
            mass[history].first += p;
            mass[history].second += lowerOrder(gram);
        }
        for (const auto& [history, sums] : mass)
            backoff[order - 2][history] = (1.0 - sums.first) / std::max(1e-9, 1.0 - sums.second);
    }

    QByteArray out = "\\data\\\n";
    for (int order = 1; order <= 3; ++order)
        out += "ngram " + QByteArray::number(order) + '='
            + QByteArray::number(qsizetype(probability[order - 1].size())) + '\n';
    for (int order = 1; order <= 3; ++order) {
        out += "\n\\" + QByteArray::number(order) + "-grams:\n";
        for (const auto& [gram, p] : probability[order - 1]) {
            out += log10Text(p) + ' ' + gram.join(u' ').toUtf8();
            if (order < 3) {
                const auto weight = backoff[order - 1].find(gram);
                if (weight != backoff[order - 1].end())
                    out += ' ' + log10Text(weight->second);
                else if (gram.last() != end)
                    out += " 0.000000";
            }
            out += '\n';
        }
    }
    out += "\n\\end\\\n";
    return out;
}

} // namespace caseyos::voice

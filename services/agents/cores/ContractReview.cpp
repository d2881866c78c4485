#include "agents/cores/ContractReview.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

struct Phrase
{
    const char* text;
    const char* severity;
};

constexpr Phrase kRedFlags[] = {
    { "unlimited liability", "critical" },
    { "indemnify and hold harmless", "high" },
    { "perpetual license", "high" },
    { "exclusive rights", "high" },
    { "waive any claims", "high" },
    { "sole discretion", "medium" },
    { "without limitation", "medium" },
    { "automatic renewal", "medium" },
    { "non-refundable", "medium" },
    { "governing law", "low" },
};

// The words that show a clause is there (headings or the usual wording), as regular expressions.
const QHash<QString, QString>& clauseWording()
{
    static const QHash<QString, QString> wording {
        { u"payment_terms"_s, u"\\bpayments?\\b|\\binvoic|\\bfees?\\b"_s },
        { u"scope"_s, u"\\bscope\\b"_s },
        { u"deliverables"_s, u"\\bdeliverables?\\b"_s },
        { u"termination"_s, u"\\bterminat"_s },
        { u"liability"_s, u"\\bliab(ility|le)\\b"_s },
        { u"ip_ownership"_s, u"intellectual property|\\bownership\\b|\\bip rights\\b"_s },
        { u"confidentiality"_s, u"\\bconfidential"_s },
        { u"term"_s, u"\\bterm\\b|\\bduration\\b"_s },
        { u"permitted_use"_s, u"permitted use|\\bsolely for\\b|\\bpurpose\\b"_s },
        { u"compensation"_s, u"\\bcompensation\\b|\\bsalary\\b|\\bwages?\\b"_s },
        { u"duties"_s, u"\\bduties\\b|\\bresponsibilities\\b"_s },
    };
    return wording;
}

// Spaces and hyphen variants collapsed so "non refundable", "Non-Refundable" and line-broken phrases match.
QString flatten(const QString& text)
{
    QString t = text.toLower();
    t.replace(QRegularExpression(u"[\\x{2010}-\\x{2015}]"_s), u"-"_s);
    return t.simplified();
}

} // namespace

QStringList requiredClauses(const QString& contractType)
{
    const QString type = contractType.trimmed().toLower();
    if (type == u"services_agreement"_s)
        return { u"payment_terms"_s, u"scope"_s, u"deliverables"_s, u"termination"_s, u"liability"_s,
            u"ip_ownership"_s, u"confidentiality"_s };
    if (type == u"nda"_s)
        return { u"confidentiality"_s, u"term"_s, u"permitted_use"_s };
    if (type == u"employment"_s)
        return { u"compensation"_s, u"duties"_s, u"termination"_s, u"confidentiality"_s };
    return {};
}

QList<RedFlag> findRedFlags(const QString& text)
{
    const QString flat = flatten(text);
    QList<RedFlag> flags;
    for (const Phrase& p : kRedFlags) {
        QString pattern = QRegularExpression::escape(QString::fromLatin1(p.text));
        pattern.replace(u"\\-"_s, u"[- ]?"_s).replace(u"\\ "_s, u"\\s+"_s);
        const QRegularExpression re(u"\\b"_s + pattern + u"\\b"_s);
        int count = 0;
        for (QRegularExpressionMatchIterator it = re.globalMatch(flat); it.hasNext(); it.next())
            ++count;
        if (count > 0)
            flags.append({ QString::fromLatin1(p.text), QString::fromLatin1(p.severity), count });
    }
    return flags;
}

QStringList missingClauses(const QString& text, const QString& contractType)
{
    const QString flat = flatten(text);
    QStringList missing;
    for (const QString& clause : requiredClauses(contractType))
        if (!QRegularExpression(clauseWording().value(clause)).match(flat).hasMatch())
            missing << clause;
    return missing;
}

QString contractRiskLevel(int score)
{
    if (score >= 70)
        return u"critical"_s;
    if (score >= 50)
        return u"high"_s;
    return score >= 25 ? u"medium"_s : u"low"_s;
}

int contractRiskScore(const QList<RedFlag>& flags, int missing, const QList<ClauseAnalysis>& analyses,
    int* flagPoints, int* missingPoints, int* analysisPoints)
{
    int flagsTotal = 0;
    for (const RedFlag& f : flags)
        flagsTotal += f.severity == u"critical"_s ? 15
            : f.severity == u"high"_s             ? 10
            : f.severity == u"medium"_s           ? 5
                                                  : 0;
    flagsTotal = std::min(flagsTotal, 40);
    const int missingTotal = std::min(10 * std::max(0, missing), 30);
    int analysisTotal = 0;
    for (const ClauseAnalysis& a : analyses)
        analysisTotal += a.risk == u"high"_s ? 8 : a.risk == u"medium"_s ? 4 : 0;
    if (flagPoints)
        *flagPoints = flagsTotal;
    if (missingPoints)
        *missingPoints = missingTotal;
    if (analysisPoints)
        *analysisPoints = analysisTotal;
    return std::min(100, flagsTotal + missingTotal + analysisTotal);
}

ContractReview reviewContract(
    const QString& text, const QString& contractType, const QList<ClauseAnalysis>& analyses)
{
    ContractReview r;
    r.contractType = contractType.trimmed().toLower();
    r.redFlags = findRedFlags(text);
    r.missingClauses = missingClauses(text, r.contractType);
    r.riskScore = contractRiskScore(r.redFlags, int(r.missingClauses.size()), analyses, &r.redFlagPoints,
        &r.missingClausePoints, &r.analysisPoints);
    r.riskLevel = contractRiskLevel(r.riskScore);
    return r;
}

} // namespace caseyos::agents

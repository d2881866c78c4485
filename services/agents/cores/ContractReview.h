#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace caseyos::agents {

// The original's contract_review (original-behaviour.md §8.2). Red-flag phrases: "unlimited liability"
// critical; "indemnify and hold harmless", "perpetual license", "exclusive rights", "waive any claims" high;
// "sole discretion", "without limitation", "automatic renewal", "non-refundable" medium; "governing law" low.
// Required clauses: services_agreement 7 (payment_terms, scope, deliverables, termination, liability,
// ip_ownership, confidentiality), nda 3 (confidentiality, term, permitted_use), employment 4 (compensation,
// duties, termination, confidentiality). Risk score: red flags critical +15, high +10, medium +5 (total ≤
// 40); each missing clause +10 (≤ 30); each clause analysis high +8, medium +4; total ≤ 100. Level: ≥ 70
// critical, ≥ 50 high, ≥ 25 medium, else low.
struct RedFlag
{
    QString phrase;
    QString severity; // critical, high, medium, low
    int count = 0;
};

// A clause someone (a person, or later a language model) judged risky.
struct ClauseAnalysis
{
    QString clause;
    QString risk; // high, medium, low
};

struct ContractReview
{
    QString contractType;
    QList<RedFlag> redFlags;
    QStringList missingClauses;
    int redFlagPoints = 0; // after its cap
    int missingClausePoints = 0; // after its cap
    int analysisPoints = 0;
    int riskScore = 0;
    QString riskLevel;
};

QStringList requiredClauses(const QString& contractType); // empty for an unknown type
QList<RedFlag> findRedFlags(const QString& text);
// Which required clauses the text has, by their headings or usual wording.
QStringList missingClauses(const QString& text, const QString& contractType);
QString contractRiskLevel(int score);
int contractRiskScore(const QList<RedFlag>& flags, int missing, const QList<ClauseAnalysis>& analyses,
    int* flagPoints = nullptr, int* missingPoints = nullptr, int* analysisPoints = nullptr);
ContractReview reviewContract(
    const QString& text, const QString& contractType, const QList<ClauseAnalysis>& analyses = {});

} // namespace caseyos::agents

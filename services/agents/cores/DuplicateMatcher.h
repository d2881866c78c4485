#pragma once

#include <QString>
#include <optional>

namespace caseyos::agents {

// difflib.SequenceMatcher(None, a, b).ratio(): 2·M / (|a| + |b|), M = the characters in the matching blocks
// found by repeatedly taking the longest common substring (Ratcliff–Obershelp), as the original's duplicate
// watcher used. Two empty strings give 0 here, not difflib's 1.0: "no company" on both sides is not a match.
double sequenceRatio(const QString& a, const QString& b);

// Case-, accent-insensitive and space-collapsed form of sequenceRatio for names and companies.
double textSimilarity(const QString& a, const QString& b);

struct ContactFacts
{
    QString email;
    QString name;
    QString company;
    QString phone;
};

struct DuplicateMatch
{
    double score = 0.0;
    QString reason; // same_email, same_phone, same_domain_similar_name, similar_company_and_name
    double nameSimilarity = 0.0;
    double companySimilarity = 0.0;
};

// The original's thresholds (original-behaviour.md §8.2 duplicate_watcher): exact email 1.0; same phone 0.9;
// same email domain and name similarity ≥ 0.7 → 0.85; company similarity ≥ 0.6 and name similarity ≥ 0.7
// → 0.7 × mean of the two. The match is the highest rule that applies, reported when ≥ kReportThreshold.
inline constexpr double kDuplicateReportThreshold = 0.5;
std::optional<DuplicateMatch> matchContacts(const ContactFacts& a, const ContactFacts& b);

// Digits only, for comparing phone numbers written differently ("+1 (555) 010-2000" = "15550102000").
QString phoneDigits(const QString& phone);

// How many of the facts are filled: a merge keeps the more complete record.
int completeness(const ContactFacts& facts);

} // namespace caseyos::agents

#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace caseyos::agents {

// The original's proposal_generator (original-behaviour.md §8.2): catalogue brand_strategy $8k / 4 weeks,
// content_strategy $6k / 3 weeks, go_to_market $12k / 6 weeks, monthly_retainer $5k a month (recurring);
// 5 % off for 2 services, 10 % for ≥ 3; start date today + 7 days; payment "50% upfront, 50% on completion".
// The text is a template; an executive summary in prose is a language model's job (not done here).
struct ProposalService
{
    QString key;
    QString name;
    double price = 0.0;
    int weeks = 0; // 0: recurring
    bool recurring = false;
};

const QList<ProposalService>& proposalCatalogue();

struct Proposal
{
    QString client;
    QList<ProposalService> services;
    QStringList unknown; // keys not in the catalogue
    double oneTimeSubtotal = 0.0;
    double monthly = 0.0;
    double discountRate = 0.0;
    double oneTimeTotal
        = 0.0; // discount applies to the whole order's one-time part and the monthly fee alike
    double monthlyTotal = 0.0;
    QDate startDate;
    QDate endDate; // start + the one-time engagements, one after another
    int totalWeeks = 0;
    QString paymentTerms = QStringLiteral("50% upfront, 50% on completion");
    QString text; // Markdown
};

double proposalDiscount(int services); // 0, 0.05 (2), 0.10 (≥ 3)
Proposal generateProposal(const QString& client, const QStringList& serviceKeys, const QDate& today);

} // namespace caseyos::agents

// Contracts agents (original-behaviour.md §8.2, deterministic): proposal_generator, contract_review,
// pricing_calculator. They work on what the caller gives them (the services to quote, a contract's text).
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/ContractReview.h"
#include "agents/cores/Pricing.h"
#include "agents/cores/Proposal.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

// A list given as a JSON array of strings or as one comma-separated string.
QStringList stringList(const QJsonValue& value)
{
    if (value.isArray()) {
        QStringList list;
        for (const QJsonValue& v : value.toArray())
            if (v.isString())
                list << v.toString();
        return list;
    }
    return value.toString().split(u',', Qt::SkipEmptyParts);
}

QJsonArray catalogueJson()
{
    QJsonArray list;
    for (const ProposalService& s : proposalCatalogue())
        list.append(QJsonObject { { u"key"_s, s.key }, { u"name"_s, s.name }, { u"price"_s, s.price },
            { u"weeks"_s, s.weeks }, { u"recurring"_s, s.recurring } });
    return list;
}

AgentResult proposalGenerator(const AgentContext& ctx)
{
    const QStringList keys = stringList(ctx.input.value(u"services"_s));
    if (keys.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"Name the services: {\"client\": \"Acme\", \"services\": [\"brand_strategy\", \"go_to_market\"]}."_s,
            { { u"catalogue"_s, catalogueJson() } });
    const Proposal p = generateProposal(ctx.input.value(u"client"_s).toString(), keys,
        ctx.clock.now().toTimeZone(ctx.clock.localZone()).date());
    AgentResult r;
    if (p.services.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"None of %1 is in the catalogue."_s.arg(keys.join(u", "_s)),
            { { u"catalogue"_s, catalogueJson() } });
    r.output = { { u"client"_s, p.client }, { u"one_time_subtotal"_s, p.oneTimeSubtotal },
        { u"discount_rate"_s, p.discountRate }, { u"one_time_total"_s, p.oneTimeTotal },
        { u"monthly_total"_s, p.monthlyTotal }, { u"start_date"_s, p.startDate.toString(Qt::ISODate) },
        { u"end_date"_s, p.endDate.toString(Qt::ISODate) }, { u"payment_terms"_s, p.paymentTerms },
        { u"unknown_services"_s, QJsonArray::fromStringList(p.unknown) }, { u"markdown"_s, p.text },
        { u"executive_summary"_s, u"needs a language model"_s } };
    for (const QString& u : p.unknown)
        r.findings.append(
            { u"warning"_s, u, u"\"%1\" is not in the catalogue and was left out"_s.arg(u), {} });
    r.summary = u"Proposal for %1: %2 one-time%3, starting %4."_s.arg(p.client)
                    .arg(p.oneTimeTotal, 0, 'f', 0)
                    .arg(p.monthlyTotal > 0 ? u" + %1 a month"_s.arg(p.monthlyTotal, 0, 'f', 0) : QString())
                    .arg(p.startDate.toString(Qt::ISODate));
    return r;
}

AgentResult contractReview(const AgentContext& ctx)
{
    const QString text = ctx.input.value(u"text"_s).toString();
    const QString type = ctx.input.value(u"type"_s).toString(u"services_agreement"_s);
    if (text.trimmed().isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"Give the contract's text: {\"text\": …, \"type\": \"services_agreement\" | \"nda\" | "
            u"\"employment\"} "
            "(caseyos agent run contract_review --text-file FILE)."_s);
    QList<ClauseAnalysis> analyses;
    for (const QJsonValue& v : ctx.input.value(u"analyses"_s).toArray())
        analyses.append({ v[u"clause"_s].toString(), v[u"risk"_s].toString() });
    const ContractReview review = reviewContract(text, type, analyses);
    AgentResult r;
    QJsonArray flags;
    for (const RedFlag& f : review.redFlags) {
        const QJsonObject flag { { u"phrase"_s, f.phrase }, { u"severity"_s, f.severity },
            { u"count"_s, f.count } };
        flags.append(flag);
        r.findings.append(
            { f.severity, f.phrase, u"Red flag: \"%1\" (%2)"_s.arg(f.phrase, f.severity), flag });
    }
    for (const QString& clause : review.missingClauses)
        r.findings.append({ u"medium"_s, clause, u"Missing clause: %1"_s.arg(clause), {} });
    r.output = { { u"type"_s, review.contractType }, { u"risk_score"_s, review.riskScore },
        { u"risk_level"_s, review.riskLevel }, { u"red_flags"_s, flags },
        { u"missing_clauses"_s, QJsonArray::fromStringList(review.missingClauses) },
        { u"points"_s,
            QJsonObject { { u"red_flags"_s, review.redFlagPoints },
                { u"missing_clauses"_s, review.missingClausePoints },
                { u"clause_analyses"_s, review.analysisPoints } } },
        { u"clause_analysis"_s,
            u"a clause-by-clause reading needs a language model; pass \"analyses\" to include your own"_s } };
    if (requiredClauses(type).isEmpty())
        r.findings.append({ u"info"_s, type,
            u"No required-clause list for \"%1\" (services_agreement, nda, employment)"_s.arg(type), {} });
    r.summary = u"Risk %1 (%2/100): %3, %4."_s.arg(review.riskLevel)
                    .arg(review.riskScore)
                    .arg(plural(review.redFlags.size(), u"red flag"_s),
                        plural(review.missingClauses.size(), u"missing clause"_s));
    return r;
}

PricingInput pricingInput(const QJsonObject& in)
{
    PricingInput p;
    for (const QJsonValue& v : in.value(u"services"_s).toArray()) {
        PricedService s;
        if (v.isString()) {
            s.service = v.toString();
        } else {
            const QJsonObject o = v.toObject();
            s.service = o.value(u"service"_s).toString();
            s.complexity = o.value(u"complexity"_s).toString(u"medium"_s);
            s.retainerHours = o.value(u"hours"_s).toInt(20);
            s.trainingDays = o.value(u"days"_s).toDouble(1.0);
            s.weeks = o.value(u"weeks"_s).toInt(0);
        }
        s.service = s.service.trimmed().toLower();
        p.services.append(s);
    }
    p.customerYears = in.value(u"customer_years"_s).toInt(0);
    p.returningCustomer = in.value(u"returning"_s).toBool(false);
    p.referralPercent = in.value(u"referral_percent"_s).toInt(0);
    if (in.contains(u"sign_within_days"_s))
        p.signWithinDays = in.value(u"sign_within_days"_s).toInt();
    p.logoRights = in.value(u"logo"_s).toBool(false);
    p.caseStudy = in.value(u"case_study"_s).toBool(false);
    return p;
}

AgentResult pricingCalculator(const AgentContext& ctx)
{
    const PricingInput in = pricingInput(ctx.input);
    if (in.services.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"Name the services: {\"services\": [{\"service\": \"strategy\", \"complexity\": \"high\", "
            u"\"weeks\": 6}, "
            "\"audit\"], \"customer_years\": 2, \"referral_percent\": 5, \"sign_within_days\": 7, \"logo\": true}."_s);
    const PricingQuote q = quote(in);
    AgentResult r;
    QJsonArray lines;
    for (const PricingLine& l : q.lines)
        lines.append(QJsonObject { { u"service"_s, l.service }, { u"base"_s, l.base },
            { u"factor"_s, l.factor }, { u"price"_s, l.price } });
    for (const QString& e : q.errors)
        r.findings.append({ u"warning"_s, u"input"_s, e, {} });
    if (q.capped)
        r.findings.append({ u"info"_s, u"discount"_s,
            u"Discounts add up to %1%; capped at 25%"_s.arg(q.requestedDiscount * 100.0, 0, 'f', 0),
            { { u"requested"_s, q.requestedDiscount } } });
    r.output = { { u"lines"_s, lines }, { u"subtotal"_s, q.subtotal },
        { u"discounts"_s, QJsonArray::fromStringList(q.discounts) },
        { u"requested_discount"_s, q.requestedDiscount }, { u"discount"_s, q.discount },
        { u"capped"_s, q.capped }, { u"total"_s, q.total },
        { u"payment_options"_s, QJsonArray::fromStringList(q.paymentOptions) } };
    r.summary = u"Quote: $%1 less %2% = $%3%4."_s.arg(q.subtotal, 0, 'f', 2)
                    .arg(q.discount * 100.0, 0, 'f', 0)
                    .arg(q.total, 0, 'f', 2)
                    .arg(q.capped ? u" (discounts capped at 25%)"_s : QString());
    return r;
}

} // namespace

QList<AgentDefinition> contractAgents()
{
    const AgentDomain d = AgentDomain::Contracts;
    return {
        { { u"proposal_generator"_s, d,
              u"A proposal from the service catalogue with bundle discount, start date and payment terms."_s,
              { { u"input"_s }, {}, false } },
            proposalGenerator },
        { { u"contract_review"_s, d,
              u"Red-flag phrases and missing clauses in a contract, scored to a risk level (low, medium, "
              u"high, "
              "critical)."_s,
              { { u"input"_s }, {}, false } },
            contractReview },
        { { u"pricing_calculator"_s, d,
              u"Prices services by complexity and duration with volume, loyalty, referral, early-bird and "
              "strategic discounts, capped at 25 % in total."_s,
              { { u"input"_s }, {}, false } },
            pricingCalculator },
    };
}

} // namespace caseyos::agents

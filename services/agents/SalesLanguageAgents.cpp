// Sales agents whose product is mostly language or another account's data (original-behaviour.md §8.2):
// research, thread_reader, long_memory, asset_hunter. Each does what the app's own data allows and says
// plainly what needs a model or a connection.
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/RevenueOps.h"
#include "core/Timestamps.h"

#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

// An industry guess from the company name, as the original's research agent did (words only, no lookup).
QString guessIndustry(const QString& company)
{
    static const QList<std::pair<QString, QString>> words {
        { u"\\b(legal|law|attorneys?|solicitors?)\\b"_s, u"legal"_s },
        { u"\\b(dental|health|clinic|medical|care|pharma)\\b"_s, u"healthcare"_s },
        { u"\\b(logistics|freight|shipping|fleet|transport)\\b"_s, u"logistics"_s },
        { u"\\b(fintech|finance|financial|capital|bank|payments?)\\b"_s, u"financial services"_s },
        { u"\\b(software|labs?|tech|ai|cloud|data|digital|io)\\b"_s, u"technology"_s },
        { u"\\b(events?|hospitality|hotels?)\\b"_s, u"events & hospitality"_s },
        { u"\\b(timber|manufacturing|industries|steel|works)\\b"_s, u"manufacturing"_s },
        { u"\\b(retail|shop|store|brands?)\\b"_s, u"retail"_s },
    };
    for (const auto& [pattern, industry] : words)
        if (QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption).match(company).hasMatch())
            return industry;
    return {};
}

QString subjectEmail(const AgentContext& ctx)
{
    return ctx.input.value(u"contact"_s).toString().trimmed().toLower();
}

AgentResult research(const AgentContext& ctx)
{
    const QString email = subjectEmail(ctx);
    const QString company = ctx.input.value(u"company"_s).toString().trimmed();
    if (email.isEmpty() && company.isEmpty())
        return AgentResult::needs(
            AgentStatus::NeedsInput, u"Name a contact or a company: {\"contact\": …} or {\"company\": …}."_s);
    QJsonArray people;
    QJsonArray deals;
    QJsonArray hooks;
    QString companyName = company;
    int threads = 0;
    QSet<QString> threadIds;
    for (const ContactRecord& c : ctx.data.contacts) {
        const bool match = (!email.isEmpty() && c.email == email)
            || (!company.isEmpty() && c.company.compare(company, Qt::CaseInsensitive) == 0);
        if (!match)
            continue;
        if (companyName.isEmpty())
            companyName = c.company;
        people.append(
            QJsonObject { { u"email"_s, c.email }, { u"name"_s, c.name }, { u"job_title"_s, c.jobTitle },
                { u"messages_in"_s, c.messagesIn }, { u"messages_out"_s, c.messagesOut },
                { u"meetings"_s, c.meetings }, { u"last_activity_at"_s, toIsoUtc(c.lastActivityAt) } });
        for (const MessageRecord& m : ctx.data.messages)
            if (m.email == c.email && !m.threadId.isEmpty())
                threadIds.insert(m.threadId);
    }
    threads = int(threadIds.size());
    for (const DealRecord& d : ctx.data.deals) {
        if (d.company.compare(companyName, Qt::CaseInsensitive) != 0 && d.contactEmail != email)
            continue;
        deals.append(
            QJsonObject { { u"id"_s, d.id }, { u"name"_s, d.name }, { u"stage"_s, canonicalStage(d.stage) },
                { u"amount"_s, d.amount ? QJsonValue(*d.amount) : QJsonValue() } });
        hooks.append(u"Deal \"%1\" is at %2"_s.arg(d.name, canonicalStage(d.stage)));
    }
    if (people.isEmpty() && deals.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"CaseyOS knows nothing about %1 yet."_s.arg(email.isEmpty() ? company : email));
    // Talking points are prose, the part a model is for: the run says so, with what is known locally.
    AgentResult r;
    r.status = AgentStatus::NeedsModel;
    r.output = { { u"company"_s, companyName }, { u"industry_guess"_s, guessIndustry(companyName) },
        { u"people"_s, people }, { u"deals"_s, deals }, { u"email_threads"_s, threads },
        { u"hooks"_s, hooks },
        { u"talking_points"_s,
            u"needs a language model (and HubSpot/Gmail lookups beyond CaseyOS's own data)"_s } };
    r.summary = u"%1: %2, %3, %4 (industry guess: %5). Talking points need a language model."_s.arg(
        companyName.isEmpty() ? email : companyName, plural(people.size(), u"person"_s, u"people"_s),
        plural(deals.size(), u"deal"_s), plural(threads, u"thread"_s),
        guessIndustry(companyName).isEmpty() ? u"unknown"_s : guessIndustry(companyName));
    return r;
}

QJsonObject threadSummary(const QList<const MessageRecord*>& messages)
{
    QStringList snippets;
    for (qsizetype i = std::max<qsizetype>(0, messages.size() - 3); i < messages.size(); ++i)
        snippets << messages.at(i)->snippet;
    return { { u"thread_id"_s, messages.first()->threadId }, { u"subject"_s, messages.last()->subject },
        { u"messages"_s, messages.size() }, { u"first_at"_s, toIsoUtc(messages.first()->at) },
        { u"last_at"_s, toIsoUtc(messages.last()->at) }, { u"last_snippets"_s, snippets.join(u" | "_s) } };
}

AgentResult threadReader(const AgentContext& ctx)
{
    const QString threadId = ctx.input.value(u"thread_id"_s).toString();
    const QString email = subjectEmail(ctx);
    QMap<QString, QList<const MessageRecord*>> threads; // by thread id
    for (const MessageRecord& m : ctx.data.messages)
        if (!m.threadId.isEmpty() && (threadId.isEmpty() || m.threadId == threadId)
            && (email.isEmpty() || m.email == email))
            threads[m.threadId].append(&m);
    QList<QList<const MessageRecord*>> ordered = threads.values();
    std::sort(ordered.begin(), ordered.end(),
        [](const auto& a, const auto& b) { return a.last()->at > b.last()->at; });
    QJsonArray list;
    for (const auto& t : ordered.mid(0, threadId.isEmpty() && email.isEmpty() ? 5 : ordered.size()))
        list.append(threadSummary(t));
    AgentResult r;
    r.output = { { u"threads"_s, list } };
    r.summary = list.isEmpty() ? u"No email threads match."_s
                               : u"%1 (newest first); a prose summary needs a language model."_s.arg(
                                   plural(list.size(), u"thread"_s));
    return r;
}

AgentResult longMemory(const AgentContext& ctx)
{
    // The original returned canned patterns with made-up success rates. Here: what the user's own sent
    // emails and the replies that followed say, per company.
    struct Tally
    {
        QSet<QString> sentThreads;
        QSet<QString> repliedThreads;
    };
    QHash<QString, Tally> byCompany;
    QHash<QString, QString> companyOf;
    for (const ContactRecord& c : ctx.data.contacts)
        companyOf.insert(c.email, c.company);
    for (const MessageRecord& m : ctx.data.messages) {
        const QString company = companyOf.value(m.email, m.company);
        if (company.isEmpty() || m.threadId.isEmpty())
            continue;
        Tally& t = byCompany[company];
        if (!m.inbound)
            t.sentThreads.insert(m.threadId);
        else if (t.sentThreads.contains(m.threadId))
            t.repliedThreads.insert(m.threadId);
    }
    const QString only = ctx.input.value(u"company"_s).toString().trimmed();
    QJsonArray list;
    for (auto it = byCompany.cbegin(); it != byCompany.cend(); ++it) {
        if (it->sentThreads.isEmpty()
            || (!only.isEmpty() && it.key().compare(only, Qt::CaseInsensitive) != 0))
            continue;
        list.append(
            QJsonObject { { u"company"_s, it.key() }, { u"threads_started"_s, it->sentThreads.size() },
                { u"threads_replied"_s, it->repliedThreads.size() },
                { u"reply_rate"_s, double(it->repliedThreads.size()) / double(it->sentThreads.size()) } });
    }
    AgentResult r;
    r.output = { { u"companies"_s, list },
        { u"patterns"_s, u"needs a language model to say what worked in the wording"_s } };
    r.summary
        = u"Reply rates of your own threads for %1."_s.arg(plural(list.size(), u"company"_s, u"companies"_s));
    return r;
}

AgentResult assetHunter(const AgentContext&)
{
    return AgentResult::needs(AgentStatus::NeedsAccount,
        u"Finding sales assets needs a connected Google Drive account (CaseyOS cannot search Drive yet). The "
        "original's mock assets are not reproduced."_s,
        { { u"folder_rules"_s,
            QJsonObject { { u"pesti_sales"_s,
                              QJsonObject { { u"include_prefixes"_s,
                                                QJsonArray { u"CHAINge Proposals"_s, u"CP Client Reports"_s,
                                                    u"CP Proposals"_s, u"Manifest 2026"_s } },
                                  { u"exclude_prefixes"_s, QJsonArray { u"CP Closed"_s } } } },
                { u"charlie_pesti"_s,
                    QJsonObject { { u"include_prefixes"_s, QJsonArray { u"*"_s } } } } } } });
}

} // namespace

QList<AgentDefinition> salesLanguageAgents()
{
    const AgentDomain d = AgentDomain::Sales;
    return {
        { { u"research"_s, d,
              u"What CaseyOS knows about a contact or company: people, deals, threads, an industry guess and "
              "hooks; talking points need a language model."_s,
              { { u"contacts"_s, u"deals"_s, u"messages"_s, u"input"_s }, {}, true } },
            research },
        { { u"thread_reader"_s, d,
              u"Email threads: message count, first and last dates, the last three snippets."_s,
              { { u"messages"_s }, {}, false } },
            threadReader },
        { { u"long_memory"_s, d, u"Reply rates of the threads you started, per company."_s,
              { { u"messages"_s }, {}, true } },
            longMemory },
        { { u"asset_hunter"_s, d, u"Finds proposals and case studies in Google Drive folders."_s,
              { {}, u"google_drive"_s, false } },
            assetHunter },
    };
}

} // namespace caseyos::agents

#include "SignalGenerator.h"

#include "core/Timestamps.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::bench {

namespace {

// splitmix64: tiny, fast and the same sequence everywhere for a given seed.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template<typename T, size_t N> const T& pick(const std::array<T, N>& items)
    {
        return items[size_t(below(int(N)))];
    }

private:
    quint64 m_state;
};

struct Name
{
    const char* display; // UTF-8
    const char* ascii; // for email addresses
};

constexpr std::array<Name, 40> kFirst { { { "Dana", "dana" }, { "Marcus", "marcus" }, { "Priya", "priya" },
    { "Tom", "tom" }, { "Elena", "elena" }, { "Jonah", "jonah" }, { "Rachel", "rachel" }, { "Sam", "sam" },
    { "Molly", "molly" }, { "Owen", "owen" }, { "Grace", "grace" }, { "Luis", "luis" },
    { "Hannah", "hannah" }, { "Ben", "ben" }, { "Aisha", "aisha" }, { "Victor", "victor" },
    { "Nora", "nora" }, { "Jake", "jake" }, { "Chloé", "chloe" }, { "Daniel", "daniel" }, { "Leah", "leah" },
    { "Mike", "mike" }, { "Sofia", "sofia" }, { "Arjun", "arjun" }, { "Karen", "karen" },
    { "Ethan", "ethan" }, { "Mia", "mia" }, { "Isabel", "isabel" }, { "Ryan", "ryan" },
    { "Fatima", "fatima" }, { "Noah", "noah" }, { "Ava", "ava" }, { "Zoë", "zoe" }, { "José", "jose" },
    { "Søren", "soren" }, { "Kwame", "kwame" }, { "Olivia", "olivia" }, { "Łukasz", "lukasz" },
    { "Yuki", "yuki" }, { "Mariana", "mariana" } } };

constexpr std::array<Name, 32> kLast { { { "Lee", "lee" }, { "Oyelaran", "oyelaran" }, { "Raman", "raman" },
    { "Becker", "becker" }, { "Vasquez", "vasquez" }, { "Kim", "kim" }, { "Adeyemi", "adeyemi" },
    { "Whitaker", "whitaker" }, { "Hart", "hart" }, { "Fitzgerald", "fitzgerald" }, { "Liu", "liu" },
    { "Navarro", "navarro" }, { "Schmidt", "schmidt" }, { "Carter", "carter" }, { "Bello", "bello" },
    { "Mendes", "mendes" }, { "Quinn", "quinn" }, { "Morrison", "morrison" }, { "Dubois", "dubois" },
    { "Osei", "osei" }, { "Goldberg", "goldberg" }, { "Kowalski", "kowalski" }, { "Rossi", "rossi" },
    { "Mehta", "mehta" }, { "O'Connell", "oconnell" }, { "Müller", "muller" }, { "Álvarez", "alvarez" },
    { "Tanaka", "tanaka" }, { "Haddad", "haddad" }, { "Jensen", "jensen" }, { "Novak", "novak" },
    { "Lindqvist", "lindqvist" } } };

constexpr std::array<const char*, 32> kCompanyStem { "Northwind", "Harborview", "Kestrel", "Pinecrest",
    "Tidewater", "Alder", "Meridian", "Bluepeak", "Copperleaf", "Quanta", "Ridgeline", "Sableworks",
    "Fernhill", "Ironclad", "Lumora", "Oakridge", "Vantage", "Saltmarsh", "Brightwave", "Cobalt",
    "Greenfield", "Orbital", "Summit", "Cascadia", "Tallgrass", "Helix", "Keystone", "Wayfarer", "Nimbus",
    "Polaris", "Redwood", "Stonebridge" };

constexpr std::array<const char*, 16> kCompanyKind { "Logistics", "Dental Group", "Robotics", "Academy",
    "Brewing", "Legal", "Freight", "Solar", "Property", "Lab Supply", "Outdoor", "Studio", "Health",
    "Fabrication", "Fintech", "Insurance" };

struct Reply
{
    const char* subject; // %1 = company
    const char* snippet;
};

// One list per Gmail reply class (PRODUCT.md §3); texts chosen so each lands in its class.
constexpr std::array<Reply, 6> kNegative { { { "Re: Following up", "Please remove me from this list." },
    { "Re: Checking in", "We're not interested right now, thanks." },
    { "Re: Lumenpath for %1", "Honestly it's not a fit for a team our size." },
    { "Re: Quick question", "No thanks, we're all set." },
    { "Re: 3 ideas for %1", "Please stop emailing me about this." }, { "unsubscribe", "unsubscribe" } } };
constexpr std::array<Reply, 7> kMeeting { { { "Re: Intro", "Happy to meet next week, Tuesday works." },
    { "Re: Webinar follow-up", "Could we get a call on the books with our VP Ops?" },
    { "Re: Proposal draft", "Let's schedule 30 minutes to walk through the redlines." },
    { "Re: Next steps", "I'll send a calendar invite for Thursday 10am." },
    { "Re: Onboarding plan", "I'm available Wednesday or Friday morning." },
    { "Re: Pilot results", "Can you share your availability for a review meeting?" },
    { "Re: Pricing for %1", "Close to budget. Can we hop on a call to go through the tiers?" } } };
constexpr std::array<Reply, 5> kInterest {
    { { "Re: Lumenpath for field teams", "Can you tell me more about the HubSpot sync?" },
        { "Re: Quick idea for %1", "We're interested. What does onboarding look like?" },
        { "Re: Pricing", "Could you send over pricing for the Growth plan?" },
        { "Re: Saw your post", "Do you have a recorded demo I could share?" },
        { "Re: Getting started", "Is there a free trial for our team?" } }
};
constexpr std::array<Reply, 6> kPlain {
    { { "Re: Security questionnaire", "Attached the completed questionnaire." },
        { "Re: Invoice", "Paid this morning, should land in 2-3 business days." },
        { "Re: Q3 numbers", "Let me recall the exact figures and circle back." },
        { "Re: Workflow", "Our ops lead can demonstrate the current process." },
        { "Automatic reply: Re: Proposal", "I'm out of the office until Monday." },
        { "Re: Contract", "Legal has a couple of small comments, sending them over today." } }
};

constexpr std::array<const char*, 8> kStages { "appointmentscheduled", "qualifiedtobuy",
    "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost",
    "negotiation" };
constexpr std::array<const char*, 6> kDealSuffix { "Annual plan", "Team expansion", "Pilot", "Enterprise",
    "Renewal", "Multi-site rollout" };
constexpr std::array<const char*, 6> kMeetingKind { "Discovery call", "Lumenpath demo", "Pricing review",
    "Rollout planning", "Contract walkthrough", "Quarterly business review" };
constexpr std::array<const char*, 6> kForms { "Demo request", "Pricing page: talk to sales",
    "Free trial signup", "Webinar: Pipeline hygiene in 30 minutes", "Contact us", "Newsletter signup" };
constexpr std::array<const char*, 8> kTasks { "Send the ROI model", "Prep pricing options",
    "Update close dates in HubSpot", "Ask for a testimonial", "Log call notes",
    "Draft the case study outline", "Send the renewal quote", "Review the onboarding plan" };
constexpr std::array<const char*, 5> kTaskActions { "send_email", "update_crm", "log_call", "book_meeting",
    "data_cleanup" };

QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

struct Person
{
    QString name;
    QString email;
    QString company;
};

QString subjectFor(const Reply& reply, const Person& person)
{
    const QString subject = utf8(reply.subject);
    return subject.contains(u"%1"_s) ? subject.arg(person.company) : subject;
}

class Builder
{
public:
    Builder(const GeneratorOptions& options)
        : m_rng(options.seed)
        , m_now(options.now.toUTC())
        , m_count(options.count)
    {
    }

    // A distinct signal number `n`; `ignored` asks for one that no rule turns into a move.
    Signal make(int n, bool ignored)
    {
        Signal s;
        const int roll = m_rng.below(100);
        // Spread over the 30 days before now, in arrival order, with some jitter.
        const qint64 span = 30LL * 24 * 3600;
        const qint64 offset = span - span * qint64(n) / qMax(1, m_count) + m_rng.between(0, 3600);
        s.occurredAt = m_now.addSecs(-qMax<qint64>(60, offset));
        s.receivedAt = m_now;
        const Person p = person();
        if (roll < 35)
            gmail(s, n, p, ignored);
        else if (roll < 60)
            hubspot(s, n, p, ignored);
        else if (roll < 78)
            calendar(s, n, p, ignored);
        else if (roll < 92)
            form(s, n, p, ignored);
        else
            manual(s, n, p, ignored);
        return s;
    }

private:
    Person person()
    {
        const Name& first = m_rng.pick(kFirst);
        const Name& last = m_rng.pick(kLast);
        const int stem = m_rng.below(int(kCompanyStem.size()));
        const int kind = m_rng.below(int(kCompanyKind.size()));
        Person p;
        p.name = utf8(first.display) + u' ' + utf8(last.display);
        p.company = utf8(kCompanyStem[size_t(stem)]) + u' ' + utf8(kCompanyKind[size_t(kind)]);
        const QString domain = QString::fromLatin1(kCompanyStem[size_t(stem)]).toLower()
            + QString::fromLatin1(kCompanyKind[size_t(kind)]).toLower().remove(u' ') + u".com"_s;
        p.email = QString::fromLatin1(first.ascii) + u'.' + QString::fromLatin1(last.ascii) + u'@' + domain;
        return p;
    }

    // Unique per distinct signal: a bijection of n, so ids never collide and still look random.
    static QString hexId(int n, quint64 salt)
    {
        const quint64 mixed = (quint64(n) + 1) * 0x9e3779b97f4a7c15ULL ^ salt;
        return QString::number(mixed, 16).rightJustified(16, u'0');
    }

    QString iso(qint64 secsFromOccurred, const Signal& s) const
    {
        return toIsoUtc(s.occurredAt.addSecs(secsFromOccurred));
    }

    void gmail(Signal& s, int n, const Person& p, bool ignored)
    {
        s.source = u"gmail"_s;
        s.sourceId = hexId(n, 0x1901);
        const int cls = m_rng.below(100);
        const Reply& r = cls < 15 ? m_rng.pick(kNegative)
            : cls < 45            ? m_rng.pick(kMeeting)
            : cls < 70            ? m_rng.pick(kInterest)
                                  : m_rng.pick(kPlain);
        QJsonObject payload { { u"thread_id"_s, hexId(n / 3, 0x7707) }, { u"message_id"_s, s.sourceId },
            { u"sender_name"_s, p.name }, { u"company"_s, p.company }, { u"subject"_s, subjectFor(r, p) },
            { u"snippet"_s, utf8(r.snippet) } };
        if (ignored) {
            // Mail the user sent has no rule; a label change has no sender.
            s.eventType = m_rng.chance(0.5) ? u"message_sent"_s : u"thread_updated"_s;
            if (s.eventType == u"message_sent"_s)
                payload.insert(u"from_email"_s, u"casey@lumenpath.io"_s);
        } else {
            s.eventType = m_rng.chance(0.85) ? u"reply_received"_s : u"thread_updated"_s;
            payload.insert(u"from_email"_s, p.email);
            if (m_rng.chance(0.1))
                payload.insert(u"revenue_potential"_s, 0.9);
            if (m_rng.chance(0.03))
                payload.insert(u"is_positive"_s, false);
        }
        s.payload = payload;
    }

    void hubspot(Signal& s, int n, const Person& p, bool ignored)
    {
        s.source = u"hubspot"_s;
        s.sourceId = QString::number(4182000000LL + qint64(n) * 7);
        const QString stage = utf8(m_rng.pick(kStages));
        const int variant = m_rng.below(3); // HubSpot exports name these properties differently
        QJsonObject payload { { u"deal_id"_s, QString::number(18730000000LL + n / 4) },
            { variant == 0         ? u"stage"_s
                    : variant == 1 ? u"dealstage"_s
                                   : u"deal_stage"_s,
                stage },
            { u"contact_email"_s, p.email }, { u"contact_name"_s, p.name }, { u"company"_s, p.company },
            { u"pipeline"_s, u"default"_s } };
        const int band = m_rng.below(8); // missing, 0, <5k, <10k, <25k, <50k, <100k, >=100k
        static constexpr std::array<int, 8> kLow { 0, 0, 500, 5000, 10000, 25000, 50000, 100000 };
        static constexpr std::array<int, 8> kHigh { 0, 0, 4999, 9999, 24999, 49999, 99999, 400000 };
        if (band > 0)
            payload.insert(variant == 2 ? u"deal_amount"_s : u"amount"_s,
                band == 1 ? 0 : m_rng.between(kLow[size_t(band)], kHigh[size_t(band)]));
        if (ignored) {
            if (m_rng.chance(0.5)) {
                s.eventType = u"contact_created"_s;
                payload = QJsonObject { { u"email"_s, p.email }, { u"name"_s, p.name },
                    { u"company"_s, p.company }, { u"lifecycle_stage"_s, u"lead"_s } };
            } else {
                s.eventType = u"deal_stage_changed"_s; // without deal_name
            }
        } else {
            const int event = m_rng.below(100);
            s.eventType = event < 60 ? u"deal_stage_changed"_s
                : event < 85         ? u"deal_created"_s
                                     : u"deal_amount_changed"_s;
            payload.insert(u"deal_name"_s, QString(p.company + u" - "_s + utf8(m_rng.pick(kDealSuffix))));
        }
        s.payload = payload;
    }

    void calendar(Signal& s, int n, const Person& p, bool ignored)
    {
        s.source = u"calendar"_s;
        const QString eventId = hexId(n, 0xca1e) + hexId(n, 0x5eed).left(10);
        const QString title = utf8(m_rng.pick(kMeetingKind)) + u": "_s + p.company;
        QJsonObject payload { { u"event_id"_s, eventId }, { u"title"_s, title },
            { u"attendee_email"_s, p.email }, { u"contact_name"_s, p.name }, { u"company"_s, p.company },
            { u"location"_s, u"Google Meet"_s } };
        const int minutes = 30 * m_rng.between(1, 2);
        if (ignored) {
            s.eventType = u"meeting_cancelled"_s;
            s.sourceId = eventId + u":cancelled"_s;
        } else if (m_rng.chance(0.6)) {
            s.eventType = u"meeting_scheduled"_s;
            s.sourceId = eventId + u":created"_s;
            // Within 24 h or 2–10 days out (urgency 0.9 vs 0.6).
            const qint64 lead = m_rng.chance(0.4)
                ? m_rng.between(1, 23) * 3600LL
                : m_rng.between(2, 10) * 86400LL + m_rng.between(0, 8) * 3600LL;
            payload.insert(u"start"_s, iso(lead, s));
            payload.insert(u"end"_s, iso(lead + minutes * 60, s));
        } else {
            s.eventType = u"meeting_ended"_s;
            s.sourceId = eventId + u":ended"_s;
            payload.insert(u"start"_s, iso(-minutes * 60 - 120, s));
            payload.insert(u"end"_s, iso(-120, s));
        }
        s.payload = payload;
    }

    void form(Signal& s, int n, const Person& p, bool ignored)
    {
        s.source = u"form"_s;
        s.eventType = u"form_submitted"_s;
        s.sourceId = u"sub_"_s + hexId(n, 0xf0f0);
        const bool otherKeys = m_rng.chance(0.2); // some form tools name the fields differently
        QJsonObject payload { { u"form_name"_s, utf8(m_rng.pick(kForms)) },
            { otherKeys ? u"contact_name"_s : u"name"_s, p.name },
            { otherKeys ? u"company_name"_s : u"company"_s, p.company },
            { u"utm_source"_s, m_rng.chance(0.5) ? u"google"_s : u"linkedin"_s } };
        if (!ignored) // a submission without an email cannot be followed up
            payload.insert(otherKeys ? u"contact_email"_s : u"email"_s, p.email);
        if (m_rng.chance(0.4))
            payload.insert(u"revenue_potential"_s, m_rng.between(2, 10) / 10.0);
        if (m_rng.chance(0.3))
            payload.insert(u"strategic_value"_s, m_rng.between(2, 10) / 10.0);
        s.payload = payload;
    }

    void manual(Signal& s, int n, const Person& p, bool ignored)
    {
        s.source = u"manual"_s;
        QJsonObject payload { { u"contact_email"_s, p.email }, { u"company"_s, p.company } };
        if (ignored) {
            s.eventType = u"note_added"_s;
            payload.insert(u"text"_s, u"Procurement cycle is about six weeks."_s);
        } else {
            s.eventType = u"task_created"_s;
            payload.insert(u"title"_s, QString(utf8(m_rng.pick(kTasks)) + u" for "_s + p.name));
            if (m_rng.chance(0.5)) { // explicit components; the rest take the rule's defaults
                payload.insert(u"action_type"_s, utf8(m_rng.pick(kTaskActions)));
                payload.insert(u"revenue_impact"_s, m_rng.between(0, 10) / 10.0);
                payload.insert(u"urgency"_s, m_rng.between(0, 10) / 10.0);
                payload.insert(u"due_by"_s, iso(m_rng.between(2, 72) * 3600LL, s));
            }
        }
        // Quick-add tasks carry no source_id; they are unique by payload (local_id).
        if (m_rng.chance(0.3))
            payload.insert(u"local_id"_s, n);
        else
            s.sourceId = u"task-"_s + QString::number(n);
        s.payload = payload;
    }

    Rng m_rng;
    QDateTime m_now;
    int m_count;
};

} // namespace

GeneratedSignals generateSignals(const GeneratorOptions& options)
{
    GeneratedSignals out;
    Builder builder(options);
    Rng slots(options.seed ^ 0xd0d0);
    const int duplicates = int(std::lround(options.count * options.duplicateShare));
    // Which arrival slots repeat an earlier signal: spread evenly with jitter, never the first slot.
    std::vector<bool> isDuplicate(size_t(options.count), false);
    for (int i = 0; i < duplicates; ++i) {
        const double step = double(options.count) / duplicates;
        int slot = int(step * i + slots.unit() * step);
        slot = qBound(1, slot, options.count - 1);
        while (isDuplicate[size_t(slot)])
            slot = slot + 1 < options.count ? slot + 1 : 1;
        isDuplicate[size_t(slot)] = true;
    }
    QVector<int> distinctAt; // indexes of distinct signals in `items`
    out.items.reserve(options.count);
    distinctAt.reserve(options.count);
    for (int i = 0; i < options.count; ++i) {
        if (isDuplicate[size_t(i)]) {
            // A retry or an overlapping sync: usually a recent signal, sometimes an old one.
            const int back = slots.chance(0.8) ? qMin(int(distinctAt.size()), 1 + slots.below(500))
                                               : 1 + slots.below(int(distinctAt.size()));
            out.items.append(out.items.at(distinctAt.at(distinctAt.size() - back)));
            ++out.duplicates;
            continue;
        }
        const bool ignored = slots.chance(options.ignoredShare);
        distinctAt.append(int(out.items.size()));
        out.items.append(builder.make(out.distinct, ignored));
        ++out.distinct;
        if (ignored)
            ++out.ignored;
        ++out.distinctBySource[out.items.constLast().source];
    }
    out.moves = out.distinct - out.ignored;
    return out;
}

QByteArray toJsonLine(const Signal& signal)
{
    QJsonObject object { { u"source"_s, signal.source }, { u"event_type"_s, signal.eventType } };
    if (!signal.sourceId.isNull())
        object.insert(u"source_id"_s, signal.sourceId);
    object.insert(u"occurred_at"_s, toIsoUtc(signal.occurredAt));
    object.insert(u"payload"_s, signal.payload);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace caseyos::bench

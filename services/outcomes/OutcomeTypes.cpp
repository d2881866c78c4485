#include "outcomes/Outcome.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

struct TypeInfo
{
    OutcomeType type;
    const char* name;
    const char16_t* label;
    OutcomeCategory category;
    double impact;
};

// PRODUCT.md §4 (not the original's table: its bounce, unsubscribe, regression, loss and negative-response
// impacts differ, and it derived the category from a substring of the name).
constexpr TypeInfo kTypes[] = {
    { OutcomeType::EmailSent, "email_sent", u"Email sent", OutcomeCategory::Email, 0 },
    { OutcomeType::EmailOpened, "email_opened", u"Email opened", OutcomeCategory::Email, 2 },
    { OutcomeType::EmailClicked, "email_clicked", u"Email clicked", OutcomeCategory::Email, 4 },
    { OutcomeType::EmailReplied, "email_replied", u"Email replied", OutcomeCategory::Email, 8 },
    { OutcomeType::EmailBounced, "email_bounced", u"Email bounced", OutcomeCategory::Email, -4 },
    { OutcomeType::EmailUnsubscribed, "email_unsubscribed", u"Unsubscribed", OutcomeCategory::Email, -5 },
    { OutcomeType::MeetingBooked, "meeting_booked", u"Meeting booked", OutcomeCategory::Meeting, 10 },
    { OutcomeType::MeetingHeld, "meeting_held", u"Meeting held", OutcomeCategory::Meeting, 9 },
    { OutcomeType::MeetingNoShow, "meeting_no_show", u"No-show", OutcomeCategory::Meeting, -4 },
    { OutcomeType::MeetingRescheduled, "meeting_rescheduled", u"Meeting rescheduled",
        OutcomeCategory::Meeting, 1 },
    { OutcomeType::DealCreated, "deal_created", u"Deal created", OutcomeCategory::Deal, 10 },
    { OutcomeType::DealStageAdvanced, "deal_stage_advanced", u"Deal advanced", OutcomeCategory::Deal, 7 },
    { OutcomeType::DealStageRegressed, "deal_stage_regressed", u"Deal regressed", OutcomeCategory::Deal, -4 },
    { OutcomeType::DealWon, "deal_won", u"Deal won", OutcomeCategory::Deal, 10 },
    { OutcomeType::DealLost, "deal_lost", u"Deal lost", OutcomeCategory::Deal, -5 },
    { OutcomeType::TaskCompleted, "task_completed", u"Task completed", OutcomeCategory::Task, 3 },
    { OutcomeType::TaskOverdue, "task_overdue", u"Task overdue", OutcomeCategory::Task, -2 },
    { OutcomeType::PositiveResponse, "positive_response", u"Positive response", OutcomeCategory::General, 6 },
    { OutcomeType::NegativeResponse, "negative_response", u"Negative response", OutcomeCategory::General,
        -5 },
    { OutcomeType::NoResponse, "no_response", u"No response", OutcomeCategory::General, -1 },
};

const TypeInfo& info(OutcomeType type)
{
    // The table is in enum order (checked by the unit tests through every accessor).
    return kTypes[static_cast<int>(type)];
}

QString lenientKey(QStringView text)
{
    QString key = text.trimmed().toString().toLower();
    key.replace(u'-', u'_');
    key.replace(u' ', u'_');
    return key;
}

} // namespace

const QList<OutcomeType>& allOutcomeTypes()
{
    static const QList<OutcomeType> types = [] {
        QList<OutcomeType> list;
        for (const TypeInfo& t : kTypes)
            list.append(t.type);
        return list;
    }();
    return types;
}

const QList<OutcomeCategory>& allOutcomeCategories()
{
    static const QList<OutcomeCategory> categories { OutcomeCategory::Email, OutcomeCategory::Meeting,
        OutcomeCategory::Deal, OutcomeCategory::Task, OutcomeCategory::General };
    return categories;
}

const QList<OutcomeSource>& allOutcomeSources()
{
    static const QList<OutcomeSource> sources { OutcomeSource::Gmail, OutcomeSource::Hubspot,
        OutcomeSource::Calendar, OutcomeSource::Manual, OutcomeSource::System };
    return sources;
}

QString toString(OutcomeType type)
{
    return QString::fromLatin1(info(type).name);
}

QString toString(OutcomeCategory category)
{
    switch (category) {
    case OutcomeCategory::Email:
        return u"email"_s;
    case OutcomeCategory::Meeting:
        return u"meeting"_s;
    case OutcomeCategory::Deal:
        return u"deal"_s;
    case OutcomeCategory::Task:
        return u"task"_s;
    case OutcomeCategory::General:
        return u"general"_s;
    }
    return u"general"_s;
}

QString toString(OutcomeSource source)
{
    switch (source) {
    case OutcomeSource::Gmail:
        return u"gmail"_s;
    case OutcomeSource::Hubspot:
        return u"hubspot"_s;
    case OutcomeSource::Calendar:
        return u"calendar"_s;
    case OutcomeSource::Manual:
        return u"manual"_s;
    case OutcomeSource::System:
        return u"system"_s;
    }
    return u"manual"_s;
}

std::optional<OutcomeType> outcomeTypeFromString(QStringView text)
{
    const QString key = lenientKey(text);
    for (const TypeInfo& t : kTypes)
        if (key == QLatin1StringView(t.name))
            return t.type;
    return std::nullopt;
}

std::optional<OutcomeCategory> outcomeCategoryFromString(QStringView text)
{
    const QString key = lenientKey(text);
    for (OutcomeCategory c : allOutcomeCategories())
        if (key == toString(c))
            return c;
    return std::nullopt;
}

std::optional<OutcomeSource> outcomeSourceFromString(QStringView text)
{
    const QString key = lenientKey(text);
    for (OutcomeSource s : allOutcomeSources())
        if (key == toString(s))
            return s;
    return std::nullopt;
}

QString outcomeTypeLabel(OutcomeType type)
{
    return QString::fromUtf16(info(type).label);
}

QString outcomeCategoryLabel(OutcomeCategory category)
{
    switch (category) {
    case OutcomeCategory::Email:
        return u"Email"_s;
    case OutcomeCategory::Meeting:
        return u"Meeting"_s;
    case OutcomeCategory::Deal:
        return u"Deal"_s;
    case OutcomeCategory::Task:
        return u"Task"_s;
    case OutcomeCategory::General:
        return u"General"_s;
    }
    return u"General"_s;
}

OutcomeCategory categoryOf(OutcomeType type)
{
    return info(type).category;
}

double defaultImpact(OutcomeType type)
{
    return info(type).impact;
}

double scaledImpact(OutcomeType type, double confidence)
{
    const double raw = defaultImpact(type) * confidence;
    const double rounded = std::round(raw * 1e6) / 1e6;
    return rounded == 0.0 ? 0.0 : rounded; // no "-0" for a negative type at confidence 0
}

bool isValidConfidence(double confidence)
{
    return confidence >= 0.0 && confidence <= 1.0; // NaN fails both
}

QString outcomeTypeNames()
{
    QStringList names;
    for (const TypeInfo& t : kTypes)
        names << QString::fromLatin1(t.name);
    return names.join(u", "_s);
}

QString normalizeContactEmail(const QString& email)
{
    return email.trimmed().toLower();
}

} // namespace caseyos

#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace caseyos {

// The 20 outcome types of PRODUCT.md §4, in the table's order (also the order pickers and stats list them).
enum class OutcomeType {
    EmailSent,
    EmailOpened,
    EmailClicked,
    EmailReplied,
    EmailBounced,
    EmailUnsubscribed,
    MeetingBooked,
    MeetingHeld,
    MeetingNoShow,
    MeetingRescheduled,
    DealCreated,
    DealStageAdvanced,
    DealStageRegressed,
    DealWon,
    DealLost,
    TaskCompleted,
    TaskOverdue,
    PositiveResponse,
    NegativeResponse,
    NoResponse,
};

enum class OutcomeCategory { Email, Meeting, Deal, Task, General };

enum class OutcomeSource { Gmail, Hubspot, Calendar, Manual, System };

// Every type / category / source in declaration order.
const QList<OutcomeType>& allOutcomeTypes();
const QList<OutcomeCategory>& allOutcomeCategories();
const QList<OutcomeSource>& allOutcomeSources();

// Stored names: "email_replied", "email", "manual".
QString toString(OutcomeType type);
QString toString(OutcomeCategory category);
QString toString(OutcomeSource source);
// Lenient: case, surrounding spaces and '-' for '_' do not matter ("Email-Replied" is email_replied).
std::optional<OutcomeType> outcomeTypeFromString(QStringView text);
std::optional<OutcomeCategory> outcomeCategoryFromString(QStringView text);
std::optional<OutcomeSource> outcomeSourceFromString(QStringView text);

// Names for people: "Email replied", "Email".
QString outcomeTypeLabel(OutcomeType type);
QString outcomeCategoryLabel(OutcomeCategory category);

OutcomeCategory categoryOf(OutcomeType type);
double defaultImpact(OutcomeType type); // in [−5, +10]

// default × confidence, rounded to 6 decimals so 8 × 0.3 is stored and shown as 2.4.
double scaledImpact(OutcomeType type, double confidence);
bool isValidConfidence(double confidence); // a number in [0, 1]

// "email_sent, email_opened, …": every valid type name, for error messages.
QString outcomeTypeNames();

// The form in which contact emails are stored and compared: trimmed and lowercased.
QString normalizeContactEmail(const QString& email);

// One recorded outcome (PRODUCT.md §4). Times are UTC.
struct Outcome
{
    qint64 id = 0;
    OutcomeType type = OutcomeType::EmailSent;
    OutcomeCategory category = OutcomeCategory::Email;
    OutcomeSource source = OutcomeSource::Manual;
    double confidence = 1.0;
    double impact = 0.0; // default impact × confidence
    QString contactEmail; // normalized; empty: about no one in particular
    std::optional<qint64> moveId;
    QString dealId;
    std::optional<qint64> signalId;
    QString note;
    QJsonObject context;
    QDateTime occurredAt; // when it happened (detected_at)
    QDateTime createdAt; // when it was recorded
};

// What a caller (UI, CLI, connector, MCP) asks to record. Name a move, a contact, or both.
struct OutcomeInput
{
    OutcomeType type = OutcomeType::EmailSent;
    OutcomeSource source = OutcomeSource::Manual;
    double confidence = 1.0;
    std::optional<qint64> moveId;
    QString contactEmail; // empty: the move's contact
    QString dealId; // empty: the move's deal
    std::optional<qint64> signalId;
    QString note;
    QJsonObject context;
    QDateTime occurredAt; // invalid: now
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::OutcomeType)
Q_DECLARE_METATYPE(caseyos::Outcome)
Q_DECLARE_METATYPE(caseyos::OutcomeInput)

#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace caseyos {

enum class MoveStatus { Pending, InProgress, Completed, Dismissed, Snoozed, Failed };

QString toString(MoveStatus status);
std::optional<MoveStatus> moveStatusFromString(QStringView text);

const QStringList& moveDomains(); // sales, marketing, cs

// APS components, each in [0, 1]. Effort is stored raw (1 = hardest); the score inverts it.
struct ApsComponents
{
    double revenue = 0.5;
    double urgency = 0.5;
    double effort = 0.5;
    double strategic = 0.5;
    friend bool operator==(const ApsComponents&, const ApsComponents&) = default;
};

// One recommended action (PRODUCT.md §1). Times are UTC; an invalid QDateTime means "not set".
struct Move
{
    qint64 id = 0;
    QString title;
    QString description;
    QString actionType;
    QJsonObject actionContext;
    QString domain = QStringLiteral("sales");
    double aps = 0.0;
    ApsComponents components;
    double outcomeAdjustment = 0.0;
    QString reasoning;
    QString contactEmail;
    QString contactName;
    QString company;
    QString dealId;
    MoveStatus status = MoveStatus::Pending;
    QString dismissReason;
    QDateTime dueBy;
    QDateTime snoozedUntil;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime completedAt;
    QDateTime executedAt;
    std::optional<qint64> signalId;

    // A snooze that has run out counts as pending (PRODUCT.md §1).
    MoveStatus effectiveStatus(const QDateTime& now) const
    {
        if (status == MoveStatus::Snoozed && snoozedUntil.isValid() && snoozedUntil <= now)
            return MoveStatus::Pending;
        return status;
    }
};

// Today's order: APS descending, then due_by ascending (none last), then created_at ascending, then id.
bool ranksBefore(const Move& a, const Move& b);

} // namespace caseyos

#include "Move.h"
#include "Signal.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(SignalState state)
{
    switch (state) {
    case SignalState::New: return u"new"_s;
    case SignalState::Processed: return u"processed"_s;
    case SignalState::Ignored: return u"ignored"_s;
    case SignalState::Failed: return u"failed"_s;
    }
    return u"new"_s;
}

std::optional<SignalState> signalStateFromString(QStringView text)
{
    for (auto s : { SignalState::New, SignalState::Processed, SignalState::Ignored, SignalState::Failed })
        if (text == toString(s))
            return s;
    return std::nullopt;
}

const QStringList& signalSources()
{
    static const QStringList sources { u"form"_s, u"hubspot"_s, u"gmail"_s, u"calendar"_s, u"manual"_s };
    return sources;
}

bool isKnownSource(QStringView source)
{
    for (const QString& s : signalSources())
        if (source == s)
            return true;
    return false;
}

QString toString(MoveStatus status)
{
    switch (status) {
    case MoveStatus::Pending: return u"pending"_s;
    case MoveStatus::InProgress: return u"in_progress"_s;
    case MoveStatus::Completed: return u"completed"_s;
    case MoveStatus::Dismissed: return u"dismissed"_s;
    case MoveStatus::Snoozed: return u"snoozed"_s;
    case MoveStatus::Failed: return u"failed"_s;
    }
    return u"pending"_s;
}

std::optional<MoveStatus> moveStatusFromString(QStringView text)
{
    for (auto s : { MoveStatus::Pending, MoveStatus::InProgress, MoveStatus::Completed, MoveStatus::Dismissed,
             MoveStatus::Snoozed, MoveStatus::Failed })
        if (text == toString(s))
            return s;
    return std::nullopt;
}

const QStringList& moveDomains()
{
    static const QStringList domains { u"sales"_s, u"marketing"_s, u"cs"_s };
    return domains;
}

bool ranksBefore(const Move& a, const Move& b)
{
    if (a.aps != b.aps)
        return a.aps > b.aps;
    if (a.dueBy.isValid() != b.dueBy.isValid())
        return a.dueBy.isValid();
    if (a.dueBy.isValid() && a.dueBy != b.dueBy)
        return a.dueBy < b.dueBy;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

} // namespace caseyos

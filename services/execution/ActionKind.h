#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace caseyos {

// What an execution does in the outside world (PRODUCT.md §7). Stored by name ("send_email").
enum class ActionKind {
    SendEmail,
    CreateDraft,
    CreateTask,
    UpdateTask,
    BookMeeting,
    UpdateDeal,
    PostSlack,
    PostX,
    LogNote
};

const QList<ActionKind>& allActionKinds();
QString toString(ActionKind kind);
std::optional<ActionKind> actionKindFromString(QStringView text); // exact stored name, case-insensitive
QString actionKindNames(); // "send_email, create_draft, …" for error messages

// Reaches people the moment it runs and cannot be taken back: the kill switch stops these, and they wait in
// the outbox for the undo window first. Drafts, tasks, notes and CRM updates stay possible under the switch.
bool isSend(ActionKind kind);
// What the kill switch stops: the sends, and a meeting booked with attendees (Calendar emails them an
// invitation the moment it is created).
bool reachesPeople(ActionKind kind);

} // namespace caseyos

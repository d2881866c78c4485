#pragma once

#include "core/Move.h"
#include "execution/ActionKind.h"

#include <QJsonObject>

namespace caseyos {

// The action a move runs and the payload it starts from (editable before running).
struct ActionDraft
{
    ActionKind kind = ActionKind::CreateTask;
    QJsonObject payload;
};

// Maps the move's action_type (the names the signal rules give: email_follow_up, thread_reply,
// schedule_meeting, meeting_prep, …, or an action name itself such as send_email) to an action, and fills
// the payload from the move's contact, title, description, due time, deal and action_context (a Gmail
// thread_id and subject make the email a reply in that thread). Anything without an outside action of its
// own becomes a task.
ActionDraft defaultActionFor(const Move& move);

} // namespace caseyos

#include "execution/ActionKind.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace caseyos {

const QList<ActionKind>& allActionKinds()
{
    static const QList<ActionKind> kinds { ActionKind::SendEmail, ActionKind::CreateDraft,
        ActionKind::CreateTask, ActionKind::UpdateTask, ActionKind::BookMeeting, ActionKind::UpdateDeal,
        ActionKind::PostSlack, ActionKind::PostX, ActionKind::LogNote };
    return kinds;
}

QString toString(ActionKind kind)
{
    switch (kind) {
    case ActionKind::SendEmail:
        return u"send_email"_s;
    case ActionKind::CreateDraft:
        return u"create_draft"_s;
    case ActionKind::CreateTask:
        return u"create_task"_s;
    case ActionKind::UpdateTask:
        return u"update_task"_s;
    case ActionKind::BookMeeting:
        return u"book_meeting"_s;
    case ActionKind::UpdateDeal:
        return u"update_deal"_s;
    case ActionKind::PostSlack:
        return u"post_slack"_s;
    case ActionKind::PostX:
        return u"post_x"_s;
    case ActionKind::LogNote:
        return u"log_note"_s;
    }
    return {};
}

std::optional<ActionKind> actionKindFromString(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    for (ActionKind kind : allActionKinds())
        if (trimmed.compare(toString(kind), Qt::CaseInsensitive) == 0)
            return kind;
    return std::nullopt;
}

QString actionKindNames()
{
    QStringList names;
    for (ActionKind kind : allActionKinds())
        names << toString(kind);
    return names.join(u", "_s);
}

bool isSend(ActionKind kind)
{
    return kind == ActionKind::SendEmail || kind == ActionKind::PostSlack || kind == ActionKind::PostX;
}

bool reachesPeople(ActionKind kind)
{
    return isSend(kind) || kind == ActionKind::BookMeeting;
}

} // namespace caseyos

#pragma once

#include "jarvis/Intent.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace caseyos::jarvis {

// Something an answer refers to, which the chat pane can open.
struct Citation
{
    enum class Kind { Move, Signal, Memory, Draft };
    Kind kind = Kind::Move;
    qint64 id = 0;
    QString label;
};

QString citationUrl(const Citation& citation); // "caseyos://move/12", the link used in the Markdown

// One answer of the assistant: Markdown text composed from real data, what it refers to and what changed.
struct AssistantReply
{
    Intent intent;
    QString markdown;
    QList<Citation> citations;
    QList<qint64> changedMoves; // moves whose state the request changed (the list refreshes them)
    bool failed = false; // the request could not be done; markdown says why
};

} // namespace caseyos::jarvis

Q_DECLARE_METATYPE(caseyos::jarvis::AssistantReply)

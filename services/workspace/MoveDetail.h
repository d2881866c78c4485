#pragma once

#include "core/Move.h"
#include "core/Signal.h"
#include "moves/MoveEvent.h"

#include <QList>
#include <QMetaType>

#include <optional>

namespace caseyos {

// Everything the detail pane shows for one move.
struct MoveDetail
{
    Move move;
    std::optional<Signal> signal;
    QList<MoveEvent> history;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::MoveDetail)

#pragma once

#include "moves/SnoozePresets.h"
#include "outcomes/Outcome.h"

#include <QString>

#include <optional>

namespace caseyos::jarvis {

// What the user asked for, as the offline router understands it (PRODUCT.md §6).
enum class IntentKind {
    Unknown,
    Help,
    WhatsUp, // the unread notifications summed up, and the top moves
    ListMoves, // Today's Moves
    ShowMove,
    AcceptMove,
    DismissMove,
    SnoozeMove,
    CompleteMove,
    DraftFollowUp, // an email draft to a contact (offline: from a template)
    RecordOutcome,
    OutcomeStats,
    SearchMemory,
    RunAgent,
};

QString toString(IntentKind kind); // "accept_move"

// Which move the user means.
struct MoveReference
{
    enum class Kind {
        None, // not said
        Position, // "the second one", "top", "number 3", "the last one": a place in the last list shown
        Id, // "#12", "id 12"
        Text, // "the Acme deal", "Dana's move": words to find in the title, contact or company
        Previous, // "it", "that one": the move talked about last
    };
    Kind kind = Kind::None;
    int position = 0; // 1-based; -1 = the last one
    qint64 id = 0;
    QString text; // lowercase words
    friend bool operator==(const MoveReference&, const MoveReference&) = default;
};

// How long to snooze: a preset, or a number of minutes ("for 2 days").
struct SnoozeSpec
{
    std::optional<SnoozePreset> preset;
    int minutes = 0;
    bool isSet() const { return preset.has_value() || minutes > 0; }
};

struct Intent
{
    IntentKind kind = IntentKind::Unknown;
    MoveReference move;
    QString contact; // an address or a name as the user wrote it
    SnoozeSpec snooze;
    std::optional<OutcomeType> outcome;
    int days = 0; // stats period; 0 = not said
    QString query; // memory search text
    QString agent; // agent key, e.g. "duplicate_watcher"
    QString reason; // dismiss reason ("because …")
};

} // namespace caseyos::jarvis

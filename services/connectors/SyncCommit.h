#pragma once

#include "connectors/SyncStateStore.h"
#include "core/Clock.h"
#include "core/Signal.h"
#include "outcomes/Outcome.h"

#include <QList>
#include <QString>
#include <functional>

namespace caseyos {

class Database;

// An outcome a sync detected, with the key that makes it happen once ("gmail:<account>:bounce:<message id>").
struct SyncOutcome
{
    QString key;
    OutcomeInput input;
};

// Everything one sync page writes. commit() stores it in ONE write transaction through
// IngestPipeline::flush(step): the signals (deduplicated, with their moves), the outcomes (each once, by
// key), the connector's own rows (`extra`) and the stream's cursor. A crash before the commit leaves none of
// it, after the commit all of it, so a re-run neither skips nor repeats anything.
struct SyncPage
{
    QString account;
    QString stream;
    QString cursor; // the position after this page
    int itemsSeen = 0;
    QList<Signal> signalList; // source, event type, source id, payload, occurred at; keys are set here
    QList<SyncOutcome> outcomes;
    std::function<bool(Database& db, QString* error)> extra; // optional: connector rows, same transaction
};

// Commits the page; on success `counts` holds what it added (new signals, new outcomes).
bool commitSyncPage(Database& db, const Clock& clock, SyncPage page, SyncStepCounts* counts, QString* error);

} // namespace caseyos

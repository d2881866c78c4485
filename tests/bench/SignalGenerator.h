#pragma once

#include "core/Signal.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QVector>

namespace caseyos::bench {

struct GeneratorOptions
{
    int count = 200000; // signals in total, duplicates included
    double duplicateShare = 0.05; // share of `count` that repeats an earlier signal exactly
    double ignoredShare = 0.03; // share of the distinct signals that no rule turns into a move
    quint64 seed = 20261120;
    QDateTime now; // signals happen in the 30 days before it; receivedAt = now
};

// Signals as connectors would deliver them, in arrival order: every source and event of PRODUCT.md §3
// in realistic proportions (Gmail most, then HubSpot, calendar, forms, manual), all Gmail reply classes,
// all HubSpot stages and revenue bands, the lenient payload key variants, unique source_ids (a few manual
// tasks carry none and are unique by payload). Duplicates are exact copies of an earlier signal.
// The counts say what a correct pipeline must report. Dedupe keys are left empty (computing them is part of
// what the benchmark times).
struct GeneratedSignals
{
    QVector<Signal> items;
    int distinct = 0; // signals a correct pipeline stores (ingested)
    int duplicates = 0;
    int ignored = 0; // distinct signals stored as ignored (no rule, or a field the rule needs is missing)
    int moves = 0; // distinct - ignored: one move per remaining signal
    QMap<QString, int> distinctBySource;
};

GeneratedSignals generateSignals(const GeneratorOptions& options);

// The signal as one JSON Lines record (source, event_type, source_id when present, occurred_at, payload),
// newline included: the input `caseyos ingest` reads.
QByteArray toJsonLine(const Signal& signal);

} // namespace caseyos::bench

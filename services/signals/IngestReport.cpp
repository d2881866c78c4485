#include "signals/IngestReport.h"

namespace caseyos {

void IngestReport::merge(const IngestReport& other)
{
    read += other.read;
    ingested += other.ingested;
    duplicates += other.duplicates;
    invalid += other.invalid;
    movesCreated += other.movesCreated;
    errors += other.errors;
    // The first storage failure is the one that stopped the work.
    if (fatalError.isEmpty())
        fatalError = other.fatalError;
}

} // namespace caseyos

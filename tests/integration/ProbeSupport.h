#pragma once

#include "storage/Database.h"

#include <QStringList>
#include <cstdio>

namespace caseyos::test {

// The start every probe process shares (sync_probe, exec_probe, audit_probe): checks the argument count
// (program name included), prints `usage` when it is wrong, and opens the database named by the first
// argument. False (after printing why) means: exit with 2.
inline bool startProbe(const QStringList& args, qsizetype argumentCount, const char* usage, Database& db)
{
    if (args.size() != argumentCount) {
        std::fprintf(stderr, "usage: %s\n", usage);
        return false;
    }
    QString error;
    if (!db.open(args[1], &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    return true;
}

} // namespace caseyos::test

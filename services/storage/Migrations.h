#pragma once

#include <QString>

namespace caseyos {

class Database;

// The numbered migrations compiled in under :/migrations ("0001_initial.sql", …). Each file's statements
// are separated by lines holding only ";;" and run in one transaction together with its row in
// schema_migrations(version, applied_at).
int knownSchemaVersion();

// Applies every migration newer than the database's version, oldest first. Stops at the first failure
// (that migration is rolled back, earlier ones stay).
bool applyMigrations(Database& db, QString* error);

} // namespace caseyos

#pragma once

#include <QString>

namespace caseyos {

// The data folder: --home DIR, else $CASEYOS_HOME, else QStandardPaths::AppDataLocation.
QString resolveHome(const QString& homeOption);
QString databasePath(const QString& home); // <home>/caseyos.db
QString demoHome(const QString& home); // <home>/demo
QString logDirectory(const QString& home); // <home>/logs

// Creates the folder (and parents) if missing. False with a message if it cannot be created or written.
bool ensureDirectory(const QString& path, QString* error);

} // namespace caseyos

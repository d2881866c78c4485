#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace caseyos {

// Installs the translations for `locale` on the application: CaseyOS's own (compiled in under :/i18n from
// translations/caseyos_<lang>.ts) and Qt's own for the standard dialogs (when the system has them). English
// needs none. Returns the languages installed ("caseyos_de", "qtbase_de"), empty when nothing matched.
QStringList installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

} // namespace caseyos

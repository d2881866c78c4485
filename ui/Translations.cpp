#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Loads `prefix`_<best match for locale>.qm from `folder` into a translator owned by the application.
bool install(QCoreApplication& app, const QLocale& locale, const QString& prefix, const QString& folder,
    QStringList* installed)
{
    auto* translator = new QTranslator(&app);
    if (!translator->load(locale, prefix, u"_"_s, folder)) {
        delete translator;
        return false;
    }
    app.installTranslator(translator);
    installed->append(prefix + u'_' + translator->language());
    return true;
}

} // namespace

QStringList installTranslations(QCoreApplication& app, const QLocale& locale)
{
    QStringList installed;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return installed; // the source language
    install(app, locale, u"caseyos"_s, u":/i18n"_s, &installed);
    install(app, locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath), &installed);
    return installed;
}

} // namespace caseyos

// Translations: a German desktop gets the window's menus and move commands in German from the .qm compiled in
// from translations/caseyos_de.ts; English needs none and keeps the source text.
#include "MainWindow.h"
#include "Translations.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

QStringList menuTitles(const caseyos::MainWindow& window)
{
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

QStringList actionTexts(const QMenu* menu)
{
    QStringList texts;
    for (QAction* action : menu->actions())
        if (!action->isSeparator())
            texts << action->text();
    return texts;
}

TEST(TranslationsTest, GermanLocaleShowsGermanMenusAndCommands)
{
    const QStringList installed = caseyos::installTranslations(*QCoreApplication::instance(), QLocale(u"de_DE"_s));
    ASSERT_TRUE(installed.contains(u"caseyos_de_DE"_s) || installed.contains(u"caseyos_de"_s))
        << installed.join(u", "_s).toStdString();

    caseyos::test::WindowHarness h;
    ASSERT_TRUE(h.start());
    const caseyos::MainWindow& window = *h.window();
    EXPECT_EQ(menuTitles(window),
        QStringList({ u"&Datei"_s, u"&Schritt"_s, u"&Gehe zu"_s, u"&Ansicht"_s, u"&Hilfe"_s }));
    const QMenu* moveMenu = window.menuBar()->actions().at(1)->menu();
    ASSERT_NE(moveMenu, nullptr);
    const QStringList commands = actionTexts(moveMenu);
    EXPECT_TRUE(commands.contains(u"&Annehmen"_s)) << commands.join(u" | "_s).toStdString();
    EXPECT_TRUE(commands.contains(u"&Verwerfen …"_s)) << commands.join(u" | "_s).toStdString();
    EXPECT_FALSE(commands.contains(u"&Accept"_s));

    // Every translator this test installed goes again, so other tests in the binary see English.
    for (QObject* child : QCoreApplication::instance()->children())
        if (auto* translator = qobject_cast<QTranslator*>(child))
            QCoreApplication::removeTranslator(translator);
}

TEST(TranslationsTest, EnglishNeedsNoTranslation)
{
    EXPECT_TRUE(caseyos::installTranslations(*QCoreApplication::instance(), QLocale(u"en_GB"_s)).isEmpty());
    caseyos::test::WindowHarness h;
    ASSERT_TRUE(h.start());
    EXPECT_EQ(menuTitles(*h.window()), QStringList({ u"&File"_s, u"&Move"_s, u"&Go"_s, u"&View"_s, u"&Help"_s }));
}

} // namespace

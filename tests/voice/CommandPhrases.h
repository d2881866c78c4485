#pragma once

#include <QStringList>

namespace caseyos::voice::test {

// Jarvis's command phrases and a workspace's names, as the app hands them to
// OfflineRecognizer::setVocabulary.
inline QStringList commandVocabulary()
{
    return {
        QStringLiteral("what's up"),
        QStringLiteral("what's on my plate today"),
        QStringLiteral("accept the top move"),
        QStringLiteral("accept the second move"),
        QStringLiteral("snooze the second one until tomorrow"),
        QStringLiteral("snooze the top move until monday"),
        QStringLiteral("dismiss the third move"),
        QStringLiteral("draft a follow-up to sarah chen"),
        QStringLiteral("draft a follow-up to david miller"),
        QStringLiteral("record an outcome"),
        QStringLiteral("run the duplicate watcher"),
        QStringLiteral("run the stale deal agent"),
        QStringLiteral("search memory for pricing"),
        QStringLiteral("search memory for the renewal"),
        QStringLiteral("help"),
        QStringLiteral("show my notifications"),
        QStringLiteral("list my agents"),
        QStringLiteral("who is sarah chen"),
        QStringLiteral("schedule a meeting with priya patel"),
        QStringLiteral("show contacts at globex"),
        QStringLiteral("summarize the acme deal"),
        QStringLiteral("what changed since yesterday"),
        QStringLiteral("read my latest email"),
        QStringLiteral("cancel"),
        QStringLiteral("yes"),
        QStringLiteral("no"),
        // Names from the workspace (contacts, companies).
        QStringLiteral("sarah chen"),
        QStringLiteral("david miller"),
        QStringLiteral("priya patel"),
        QStringLiteral("acme"),
        QStringLiteral("globex"),
        QStringLiteral("initech"),
    };
}

} // namespace caseyos::voice::test

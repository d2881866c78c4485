#include "voice/VoiceCommands.h"

namespace caseyos::voice {

QStringList commandPhrases()
{
    return {
        QStringLiteral("what's up"),
        QStringLiteral("what's up today"),
        QStringLiteral("what should i do next"),
        QStringLiteral("show me my moves"),
        QStringLiteral("show the top move"),
        QStringLiteral("show the second one"),
        QStringLiteral("accept the top move"),
        QStringLiteral("accept the first one"),
        QStringLiteral("accept the second one"),
        QStringLiteral("accept the third one"),
        QStringLiteral("dismiss the top move"),
        QStringLiteral("dismiss the second one"),
        QStringLiteral("snooze the top move"),
        QStringLiteral("snooze the second one until tomorrow"),
        QStringLiteral("snooze it until next week"),
        QStringLiteral("complete the top move"),
        QStringLiteral("mark the first one as done"),
        QStringLiteral("draft a follow up to"),
        QStringLiteral("write a follow up email to"),
        QStringLiteral("record an outcome"),
        QStringLiteral("they replied"),
        QStringLiteral("the meeting is booked"),
        QStringLiteral("the deal is won"),
        QStringLiteral("the deal is lost"),
        QStringLiteral("how did we do this week"),
        QStringLiteral("show my stats for this month"),
        QStringLiteral("search memory for"),
        QStringLiteral("what did we say about pricing"),
        QStringLiteral("run the duplicate watcher"),
        QStringLiteral("check for duplicates"),
        QStringLiteral("run the pipeline health agent"),
        QStringLiteral("find a meeting slot"),
        QStringLiteral("help"),
        QStringLiteral("what can you do"),
    };
}

} // namespace caseyos::voice

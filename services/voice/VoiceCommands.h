#pragma once

#include <QStringList>

namespace caseyos::voice {

// What people say to Jarvis, in the words of the offline intent router (services/jarvis/IntentRouter): the
// offline recogniser is biased toward these (OfflineRecognizer::setVocabulary) so a spoken command comes out
// in words the router knows, while other speech is still transcribed.
QStringList commandPhrases();

} // namespace caseyos::voice

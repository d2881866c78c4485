#pragma once

#include <QString>
#include <QStringList>

namespace caseyos::voice {

// What of an answer is read aloud: Jarvis answers in Markdown with links to moves; a voice reads the words,
// not the asterisks, brackets and addresses ("[Reply to Sarah](caseyos://move/3)" → "Reply to Sarah").
QString speakableText(const QString& markdown);

// The text cut into sentences (and over-long sentences at commas), so speech can start after the first one
// and the user can interrupt between them.
QStringList speakableSentences(const QString& text);

} // namespace caseyos::voice

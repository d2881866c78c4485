#pragma once

#include "core/Clock.h"
#include "core/Move.h"
#include "jarvis/Intent.h"
#include "outcomes/OutcomeService.h"
#include "outcomes/OutcomeStats.h"
#include "storage/EmailDraftRepository.h"

#include <optional>

namespace caseyos::jarvis {

// The offline assistant's sentences, composed from the data they describe. Markdown; links are
// caseyos://move/ID so the chat pane opens the move.

QString markdownEscaped(const QString& text);
QString moveLink(const Move& move); // "[#12 Reply to Dana](caseyos://move/12)"
QString moveLine(const Move& move, const QDateTime& now); // link, APS, contact, due
QString moveDetails(const Move& move, const QDateTime& now);
QString changeSentence(IntentKind kind, const Move& after, const QDateTime& until, const Clock& clock);
QString outcomeSentence(const OutcomeRecordResult& result);
QString statsText(const OutcomeStats& stats);

// A follow-up email from the offline template: greets the contact by first name, names the move's subject
// and asks for a next step. `move` is nullopt when only an address is known.
EmailDraft followUpDraft(const QString& to, const std::optional<Move>& move);
QString draftText(const EmailDraft& draft);

} // namespace caseyos::jarvis

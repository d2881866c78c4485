#pragma once

#include "connectors/clients/ClientTypes.h"

#include <functional>

namespace caseyos {

class Clock;
class HttpClient;
class PerformerRegistry;
struct WorkingHours;

// book_meeting through GoogleCalendarClient on the user's primary calendar; the attendees get Google's
// invitation (sendUpdates=all) and, on undo, its cancellation. Without a start in the payload the meeting
// goes in the first free slot (freeBusy over the primary calendar and the attendees' calendars Google lets us
// see) within `hours` (MeetingSlots.h: working days and hours, in the payload's time_zone or else
// hours.zone); the event carries that zone's IANA name. The event id is remoteToken(remoteKey), chosen by us:
// inserting it twice is refused (409) instead of booking twice — perform() then takes the existing event —
// and find() after a crash is one events.get. Undo deletes the event; one already gone counts as undone.
// `config.baseUrl`: https://www.googleapis.com/calendar/v3 (or a test server); `http` and `clock` must
// outlive the registry.
void addCalendarPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config,
    const Clock& clock, const WorkingHours& hours);
// The same with the hours read at each booking (on the executor's thread), so a change in the settings
// applies to the next meeting without a restart.
using WorkingHoursSource = std::function<WorkingHours()>;
void addCalendarPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config,
    const Clock& clock, WorkingHoursSource hours);

} // namespace caseyos

#!/usr/bin/env python3
"""Generates resources/demo/signals.jsonl, the sample signals of the demo workspace.

Deterministic (fixed seed, Python 3 standard library only): running it again gives the same bytes, and
the committed file must be exactly its output (`--check` verifies that).

The sample is ten days of a founder/seller's workspace, ending at the reference "now" 2026-11-20T16:00Z
(the app shifts every time so the newest signal happened an hour before the real now). It covers every
rule of PRODUCT.md §3: all five sources, every HubSpot stage and revenue band, every Gmail reply class,
calendar meetings within and beyond 24 h, manual tasks with and without explicit components, a few
duplicates (same source_id twice, and one form posted twice without an id) and signals that no rule
turns into a move. The generator checks all of that before it writes anything.

Usage:
  python3 tools/generate_demo_signals.py            # (re)writes resources/demo/signals.jsonl
  python3 tools/generate_demo_signals.py --check    # exit 1 if the committed file differs
  python3 tools/generate_demo_signals.py --stdout   # print instead of writing
"""

import argparse
import datetime as dt
import json
import pathlib
import random
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
import demo_signals_data as data  # noqa: E402

SEED = 20261120
NOW = dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.timezone.utc)
WINDOW_START = dt.datetime(2026, 11, 10, 16, 0, tzinfo=dt.timezone.utc)
LATEST = NOW - dt.timedelta(minutes=20)  # nothing happens in the last minutes before "now"
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "demo" / "signals.jsonl"

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# ---------------------------------------------------------------------------------------------- helpers


def iso(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def ascii_fold(text):
    special = {"ø": "o", "Ø": "O", "æ": "ae", "ß": "ss", "ł": "l"}
    text = "".join(special.get(c, c) for c in text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii())


def local_part(first, last, style):
    first = ascii_fold(first).lower().replace("'", "").replace(" ", "")
    last = ascii_fold(last).lower().replace("'", "").replace(" ", "")
    return [f"{first}.{last}", first, f"{first[0]}{last}"][style]


class Clock:
    """Picks plausible working-hours instants inside the window."""

    def __init__(self, rng):
        self.rng = rng

    def raw(self, day, hour):
        return WINDOW_START.replace(hour=0, minute=0) + dt.timedelta(
            days=day, hours=hour, minutes=self.rng.randrange(0, 60), seconds=self.rng.randrange(0, 60))

    def at(self, day, hour):
        """A fixed day/hour of the story (deal steps), kept inside the window."""
        return min(max(self.raw(day, hour), WINDOW_START + dt.timedelta(minutes=7)), LATEST)

    def working(self, t):
        """Moves an instant that fell in the night to the next morning (people reply in working hours)."""
        if 8 <= t.hour < 22:
            return t
        morning = t if t.hour < 8 else t + dt.timedelta(days=1)
        return min(morning.replace(hour=self.rng.randint(8, 10), minute=self.rng.randrange(0, 60)), LATEST)

    def business(self, first_day=0, last_day=10):
        while True:
            day = self.rng.randint(first_day, last_day)
            weekday = (WINDOW_START + dt.timedelta(days=day)).weekday()
            if weekday >= 5 and self.rng.random() > 0.12:
                continue  # weekends are quiet
            hour = self.rng.choice([8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 18, 19, 21])
            t = self.raw(day, hour)
            if WINDOW_START < t < LATEST:
                return t


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.hubspot = 4182003117

    def hubspot_event(self):
        self.hubspot += self.rng.randint(1200, 98000)
        return str(self.hubspot)

    def gmail(self):
        return f"19{self.rng.getrandbits(56):014x}"

    def calendar(self):
        alphabet = "abcdefghijklmnopqrstuv0123456789"
        return "".join(self.rng.choice(alphabet) for _ in range(26))

    def uuid(self):
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def signal(source, event_type, source_id, occurred_at, payload):
    obj = {"source": source, "event_type": event_type}
    if source_id is not None:
        obj["source_id"] = source_id
    obj["occurred_at"] = iso(occurred_at)
    obj["payload"] = payload
    return {"_t": occurred_at, "obj": obj}


# ------------------------------------------------------------------------------------------- the cast


def build_people():
    companies = {key: (name, domain, industry) for key, name, domain, industry in data.COMPANIES}
    people = []
    for i, (first, last, title, key) in enumerate(data.PEOPLE):
        name, domain, industry = companies[key]
        style = 1 if key in ("tidewater", "tallgrass", "granite", "nimbus") else (0 if i % 3 else 2)
        people.append({
            "first": first, "name": f"{first} {last}", "title": title, "company_key": key,
            "company": name, "industry": industry, "email": f"{local_part(first, last, style)}@{domain}",
        })
    return people, companies


# ---------------------------------------------------------------------------------------------- HubSpot


def hubspot_signals(rng, clock, ids, people):
    out = []
    for n, (key, company_key, contact, suffix, amount, path) in enumerate(data.DEALS):
        person = people[contact]
        assert person["company_key"] == company_key, key
        deal_id = str(18730000000 + n * 7919 + rng.randint(0, 999))
        deal_name = f"{person['company']} - {suffix}"
        style = n % 3  # HubSpot exports and webhooks name these properties differently
        stage_key = ["stage", "dealstage", "deal_stage"][style]
        amount_key = "deal_amount" if style == 2 else "amount"
        previous = None
        current_amount = amount
        close = (NOW + dt.timedelta(days=rng.randint(14, 75))).date().isoformat()
        for day, hour, event, stage, new_amount in path:
            t = clock.at(day, hour)
            payload = {"deal_id": deal_id, "deal_name": deal_name, stage_key: stage}
            if event == "amount":
                payload["previous_amount"] = current_amount
                current_amount = new_amount
            if current_amount is not None:
                payload[amount_key] = current_amount
            if event == "stage":
                payload["previous_stage"] = previous or data.STAGE_ORDER[max(0, data.STAGE_ORDER.index(stage) - 1)]
            payload.update({
                "pipeline": "default", "close_date": close, "contact_email": person["email"],
                "contact_name": person["name"], "company": person["company"], "owner_email": data.OWNER_EMAIL,
            })
            event_type = {"created": "deal_created", "stage": "deal_stage_changed",
                          "amount": "deal_amount_changed"}[event]
            out.append(signal("hubspot", event_type, ids.hubspot_event(), t, payload))
            previous = stage

    # New contacts synced from HubSpot: no rule turns them into moves (stored as ignored).
    for person in rng.sample(people[44:], 5):
        payload = {"contact_id": str(rng.randint(90000000, 99999999)), "email": person["email"],
                   "name": person["name"], "company": person["company"], "job_title": person["title"],
                   "lifecycle_stage": "lead", "original_source": "Webinar import"}
        out.append(signal("hubspot", "contact_created", ids.hubspot_event(), clock.business(), payload))

    # A webhook that only carried the deal id: the rule needs deal_name, so it is ignored with a reason.
    out.append(signal("hubspot", "deal_stage_changed", ids.hubspot_event(), clock.business(4, 8),
                      {"deal_id": "18739911042", "dealstage": "qualifiedtobuy", "pipeline": "default"}))
    return out


# ------------------------------------------------------------------------------------------------ Gmail


def fill(template, rng, person):
    return template.format(first=ascii_fold(person["first"]).lower(), owner=data.OWNER_NAME.split()[0],
                           company=person["company"], seats=rng.choice([12, 18, 25, 40, 60, 120]),
                           day=rng.choice(DAY_NAMES), invoice=rng.randint(1030, 1099))


def gmail_payload(ids, person, subject, snippet, thread_id=None, extra=None):
    payload = {"thread_id": thread_id or ids.gmail(), "message_id": ids.gmail(), "from_email": person["email"],
               "sender_name": person["name"], "company": person["company"], "subject": subject,
               "snippet": snippet, "to_email": data.OWNER_EMAIL}
    payload.update(extra or {})
    return payload


def gmail_signals(rng, clock, ids, people):
    out = []
    deal_contacts = [people[d[2]] for d in data.DEALS]
    big_deal_contacts = {people[d[2]]["email"] for d in data.DEALS if (d[4] or 0) >= 100000}
    others = [p for p in people if p not in deal_contacts]
    deal_companies = {d[1] for d in data.DEALS}
    strangers = [p for p in people if p["company_key"] not in deal_companies]  # the ones who say no
    # How many replies of each class: each template once, then extra picks for the common classes.
    extra = {"negative": 0, "meeting": 5, "interest": 5, "plain": 3}
    replies = []
    for cls, templates in data.GMAIL_REPLIES.items():
        picks = list(templates) + [rng.choice(templates) for _ in range(extra[cls])]
        for subject, snippet in picks:
            pool = strangers if cls == "negative" else (deal_contacts if rng.random() < 0.55 else others)
            person = rng.choice(pool)
            extra_fields = {"revenue_potential": 0.9} if person["email"] in big_deal_contacts else {}
            payload = gmail_payload(ids, person, fill(subject, rng, person), fill(snippet, rng, person),
                                    extra=extra_fields)
            replies.append((person, payload))
    for person, payload in replies:
        out.append(signal("gmail", "reply_received", payload["message_id"], clock.business(), payload))

    # A polite no without any of the negative phrases: the sync marks it negative explicitly.
    person = people[27]
    payload = gmail_payload(ids, person, "Re: Decision on Lumenpath",
                            "We decided to go with another vendor this quarter. Thanks for all your help.",
                            extra={"is_positive": False})
    out.append(signal("gmail", "reply_received", payload["message_id"], clock.at(9, 12), payload))

    # A bounce: a plain reply from the mailer daemon.
    sender, name, subject, snippet = data.MAILER_DAEMON
    bounce = {"first": "Mail", "name": name, "email": sender, "company": ""}
    payload = gmail_payload(ids, bounce, subject, snippet)
    del payload["company"]
    out.append(signal("gmail", "reply_received", payload["message_id"], clock.business(), payload))

    # Later messages in some of those threads arrive as thread_updated.
    follow_ups = [
        "Also, can we include our finance lead on the next call?",
        "Quick follow-up: any update on pricing for the annual option?",
        "Forwarding this to our CTO as well.",
        "One more thing: does the trial include API access?",
        "Bumping this. Are you available Thursday?",
        "Sorry, one correction: it's 18 seats, not 15.",
        "Thanks again. Our team is reviewing the proposal this week.",
        "Looping back: we'd like a demo for the regional managers too.",
    ]
    threads = [s for s in out if s["obj"]["payload"].get("thread_id") and s["_t"] < NOW - dt.timedelta(days=1)
               and s["obj"]["payload"]["from_email"].split("@")[1] != "googlemail.com"]
    for snippet, original in zip(follow_ups, rng.sample(threads, len(follow_ups))):
        p = original["obj"]["payload"]
        person = {"email": p["from_email"], "name": p["sender_name"], "company": p["company"]}
        payload = gmail_payload(ids, person, p["subject"], snippet, thread_id=p["thread_id"])
        t = clock.working(original["_t"] + dt.timedelta(hours=rng.randint(3, 40), minutes=rng.randint(0, 59)))
        if t >= LATEST:
            t = original["_t"] + dt.timedelta(hours=1, minutes=rng.randint(0, 59))
        out.append(signal("gmail", "thread_updated", payload["message_id"], t, payload))

    # Mail the owner sent: no rule (ignored).
    for subject, snippet in data.SENT_MAIL:
        person = rng.choice(deal_contacts)
        payload = {"thread_id": ids.gmail(), "message_id": ids.gmail(), "from_email": data.OWNER_EMAIL,
                   "to_email": person["email"], "subject": fill(subject, rng, person),
                   "snippet": snippet.format(first=person["first"], company=person["company"])}
        out.append(signal("gmail", "message_sent", payload["message_id"], clock.business(), payload))

    # A label change on a thread with no sender: thread_updated needs from_email, so it is ignored.
    payload = {"thread_id": threads[0]["obj"]["payload"]["thread_id"], "message_id": ids.gmail(),
               "labels_added": ["STARRED"], "subject": threads[0]["obj"]["payload"]["subject"]}
    out.append(signal("gmail", "thread_updated", payload["message_id"], clock.business(6, 10), payload))
    return out


# --------------------------------------------------------------------------------------------- Calendar


def slot_after(t, rng, within_day):
    """A weekday meeting slot on the half hour, 08:00–20:00 UTC: within 24 h of t, or 2–7 days later."""
    while True:
        if within_day:
            start = t + dt.timedelta(hours=rng.randint(2, 23))
        else:
            start = (t + dt.timedelta(days=rng.randint(2, 7))).replace(hour=rng.randint(8, 19))
        start = start.replace(minute=rng.choice([0, 30]), second=0)
        if start.weekday() < 5 and 8 <= start.hour < 20 and (start - t <= dt.timedelta(hours=24)) == within_day:
            return start


def relationship(person):
    stages = {}
    for deal in data.DEALS:
        if deal[1] == person["company_key"]:
            stages[deal[1]] = [step[3] for step in deal[5]]
    path = stages.get(person["company_key"])
    if path is None:
        return "prospect"
    return "customer" if path[-1] == "closedwon" else "deal"


def calendar_payload(ids, person, rng, start):
    title, minutes = rng.choice(data.MEETING_TITLES[relationship(person)])
    return {"event_id": ids.calendar(),
            "title": title.format(company=person["company"], first=person["first"]),
            "start": iso(start), "end": iso(start + dt.timedelta(minutes=minutes)),
            "attendee_email": person["email"], "contact_name": person["name"], "company": person["company"],
            "location": rng.choice(["Google Meet", "Zoom", "Google Meet", f"{person['company']} office"]),
            "organizer_email": data.OWNER_EMAIL}


def parse(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def calendar_signals(rng, clock, ids, people):
    out = []
    deal_contacts = [people[d[2]] for d in data.DEALS]
    candidates = deal_contacts + rng.sample(people, 10)
    cancelled = 0
    for i, person in enumerate(candidates[:24]):
        t = clock.business(0, 9)
        within_day = i % 5 in (0, 2)  # ~40% are booked for the next 24 hours
        start = slot_after(t, rng, within_day)
        payload = calendar_payload(ids, person, rng, start)
        out.append(signal("calendar", "meeting_scheduled", f"{payload['event_id']}:created", t, payload))
        end = parse(payload["end"])
        when = clock.working(t + dt.timedelta(hours=rng.randint(5, 30)))
        if start > t + dt.timedelta(days=2) and end > NOW and when < LATEST and cancelled < 2:
            # Cancellations have no rule (ignored).
            cancelled += 1
            out.append(signal("calendar", "meeting_cancelled", f"{payload['event_id']}:cancelled", when,
                              {"event_id": payload["event_id"], "title": payload["title"],
                               "attendee_email": person["email"], "reason": "Attendee declined"}))
        elif end + dt.timedelta(minutes=10) < LATEST:
            ended = dict(payload)
            out.append(signal("calendar", "meeting_ended", f"{payload['event_id']}:ended",
                              end + dt.timedelta(minutes=rng.randint(1, 9)), ended))
    # Meetings booked before the window that took place during it.
    for person in rng.sample(people, 5):
        start = clock.business(0, 3).replace(minute=rng.choice([0, 30]), second=0)
        payload = calendar_payload(ids, person, rng, start)
        end = parse(payload["end"])
        out.append(signal("calendar", "meeting_ended", f"{payload['event_id']}:ended",
                          end + dt.timedelta(minutes=rng.randint(1, 9)), payload))
    return out


# ------------------------------------------------------------------------------------------------ Forms


def form_signals(rng, clock, ids):
    out = []
    weights = [f[1] for f in data.FORMS]
    leads = list(data.LEADS)
    rng.shuffle(leads)
    for i, (first, last, title, company, domain, size) in enumerate(leads[:26]):
        form_name, _, revenue, strategic, messages = rng.choices(data.FORMS, weights)[0]
        if i < len(data.FORMS):
            form_name, _, revenue, strategic, messages = data.FORMS[i]  # every form at least once
        if title == "Journalist":
            form_name, _, revenue, strategic, messages = data.FORMS[4]
        email = f"{local_part(first, last, i % 3)}@{domain}"
        person = {"first": first, "name": f"{first} {last}", "company": company}
        if i % 5 == 3:  # some form tools name the fields differently
            payload = {"form_name": form_name, "contact_email": email, "contact_name": person["name"],
                       "company_name": company}
        else:
            payload = {"form_name": form_name, "email": email, "name": person["name"], "company": company}
        payload.update({"job_title": title, "company_size": size})
        message = fill(rng.choice(messages), rng, person)
        if title == "Journalist":
            message = "Press inquiry about your seed round."
        if message:
            payload["message"] = message
        payload["utm_source"] = rng.choice(data.UTM_SOURCES)
        if revenue is not None:
            payload["revenue_potential"] = revenue if size not in ("201-500", "501-1000") else min(1.0, revenue + 0.1)
        if strategic is not None:
            payload["strategic_value"] = strategic
        out.append(signal("form", "form_submitted", f"sub_{ids.uuid()}", clock.business(), payload))

    # A trial signup that lost its email field: the rule needs one, so it is ignored with a reason.
    first, last, title, company, domain, size = leads[26]
    out.append(signal("form", "form_submitted", f"sub_{ids.uuid()}", clock.business(3, 9),
                      {"form_name": "Free trial signup", "name": f"{first} {last}", "company": company,
                       "company_size": size, "utm_source": "g2"}))
    # The website's embedded contact form sends no submission id; the visitor pressed Submit twice.
    first, last, title, company, domain, size = leads[27]
    payload = {"form_name": "Contact us", "email": f"{local_part(first, last, 0)}@{domain}",
               "name": f"{first} {last}", "company": company, "job_title": title, "company_size": size,
               "message": "We're a 15-person sales team looking for something lighter than Salesforce."}
    t = clock.business(5, 9)
    out.append(signal("form", "form_submitted", None, t, payload))
    out.append(signal("form", "form_submitted", None, t + dt.timedelta(seconds=4), dict(payload)))
    return out


# ----------------------------------------------------------------------------------------------- Manual


def manual_signals(rng, clock, people):
    out = []
    for i, (title, notes, contact, fields) in enumerate(data.MANUAL_TASKS):
        t = clock.business()
        payload = {"title": title}
        if notes:
            payload["notes"] = notes
        if contact is not None:
            payload["contact_email"] = people[contact]["email"]
            payload["contact_name"] = people[contact]["name"]
            payload["company"] = people[contact]["company"]
        for key in ("action_type", "revenue_impact", "urgency", "effort", "strategic_value"):
            if key in fields:
                payload[key] = fields[key]
        if "due_in_hours" in fields:
            payload["due_by"] = iso(t + dt.timedelta(hours=fields["due_in_hours"]))
        source_id = f"task-{1040 + i * 3}" if i % 4 != 2 else None  # quick-add tasks carry no id
        out.append(signal("manual", "task_created", source_id, t, payload))
    # Notes have no rule (ignored).
    out.append(signal("manual", "note_added", "note-2207", clock.business(),
                      {"text": "Kestrel's procurement cycle is ~6 weeks; legal review happens in parallel.",
                       "company": "Kestrel Robotics"}))
    return out


# ------------------------------------------------------------------------------------------- assembling


def add_duplicates(rng, signals):
    """Webhook retries and overlapping syncs deliver some signals twice (same source_id)."""
    wanted = [("hubspot", "deal_stage_changed"), ("hubspot", "deal_created"), ("gmail", "reply_received"),
              ("gmail", "reply_received"), ("calendar", "meeting_scheduled"), ("form", "form_submitted")]
    result = list(signals)
    taken = set()
    for source, event in wanted:
        pool = [i for i, s in enumerate(result) if s["obj"]["source"] == source and s["obj"]["event_type"] == event
                and "source_id" in s["obj"] and i not in taken and i < len(result) - 12]
        i = rng.choice(pool)
        taken.add(i)
        copy = {"_t": result[i]["_t"], "obj": json.loads(json.dumps(result[i]["obj"]))}
        result.insert(i + rng.randint(3, 12), copy)
    return result


def generate():
    rng = random.Random(SEED)
    clock = Clock(rng)
    ids = Ids(rng)
    people, _ = build_people()
    signals = (hubspot_signals(rng, clock, ids, people) + gmail_signals(rng, clock, ids, people)
               + calendar_signals(rng, clock, ids, people) + form_signals(rng, clock, ids)
               + manual_signals(rng, clock, people))
    signals.sort(key=lambda s: (s["_t"], s["obj"]["source"], s["obj"].get("source_id") or ""))
    signals = add_duplicates(rng, signals)
    return [s["obj"] for s in signals]


# ------------------------------------------------------------------------------------------ self-checks

NEGATIVE = ["unsubscribe", "not interested", "remove me", "stop emailing", "no thanks", "not a fit"]
MEETING = ["meet", "meeting", "call", "schedule", "calendar", "available", "availability"]
INTEREST = ["interested", "tell me more", "pricing", "demo", "trial"]


def has_phrase(text, phrase):
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(phrase, start + 1)
    return False


def reply_class(subject, snippet):
    text = f"{subject} {snippet}".lower()
    for cls, words in (("negative", NEGATIVE), ("meeting", MEETING), ("interest", INTEREST)):
        if any(has_phrase(text, w) for w in words):
            return cls
    return "plain"


def revenue_band(amount):
    if amount is None or amount <= 0:
        return "none"
    for limit in (5000, 10000, 25000, 50000, 100000):
        if amount < limit:
            return f"<{limit}"
    return ">=100000"


def check(objs):
    problems = []

    def need(condition, message):
        if not condition:
            problems.append(message)

    need(150 <= len(objs) <= 250, f"{len(objs)} signals, want 150-250")
    need({o["source"] for o in objs} == {"form", "hubspot", "gmail", "calendar", "manual"}, "a source is missing")
    need(all(o["occurred_at"] < iso(NOW) for o in objs), "a signal is not before now")

    keys = [(o["source"], o["event_type"], o["source_id"]) for o in objs if "source_id" in o]
    need(len(keys) - len(set(keys)) == 6, f"{len(keys) - len(set(keys))} source_id duplicates, want 6")
    no_id = [json.dumps(o, sort_keys=True) for o in objs if "source_id" not in o]
    need(len(no_id) - len({json.dumps({k: o[k] for k in ("source", "event_type", "payload")}, sort_keys=True)
                           for o in objs if "source_id" not in o}) == 1, "want one payload duplicate")

    hub = [o["payload"] for o in objs if o["source"] == "hubspot" and o["event_type"].startswith("deal_")
           and "deal_name" in o["payload"]]
    stages = {(p.get("stage") or p.get("dealstage") or p.get("deal_stage")) for p in hub}
    need(set(data.STAGE_ORDER) <= stages, f"stages missing: {set(data.STAGE_ORDER) - stages}")
    bands = {revenue_band(p.get("amount", p.get("deal_amount"))) for p in hub}
    need(len(bands) == 7, f"revenue bands covered: {sorted(bands)}")
    need(any("amount" not in p and "deal_amount" not in p for p in hub), "no deal without an amount")
    need(any(p.get("amount", p.get("deal_amount")) == 0 for p in hub), "no deal with amount 0")

    replies = [o["payload"] for o in objs if o["source"] == "gmail" and "from_email" in o["payload"]
               and o["event_type"] in ("reply_received", "thread_updated")]
    texts = [f"{p['subject']} {p['snippet']}".lower() for p in replies]
    classes = {reply_class(p["subject"], p["snippet"]) for p in replies}
    need(classes == {"negative", "meeting", "interest", "plain"}, f"reply classes: {classes}")
    for word in NEGATIVE + MEETING + INTEREST:
        need(any(has_phrase(t, word) for t in texts), f"no reply contains '{word}'")
    for cls, templates in data.GMAIL_REPLIES.items():
        for subject, snippet in templates:
            need(reply_class(subject, snippet) == cls, f"'{snippet}' is not {cls}")

    cal = [o for o in objs if o["source"] == "calendar" and o["event_type"] == "meeting_scheduled"]
    gaps = [parse(o["payload"]["start"]) - parse(o["occurred_at"]) for o in cal]
    need(any(g <= dt.timedelta(hours=24) for g in gaps) and any(g > dt.timedelta(hours=24) for g in gaps),
         "meetings within and beyond 24 h")
    need(any(o["event_type"] == "meeting_ended" for o in objs), "no meeting_ended")

    tasks = [o["payload"] for o in objs if o["event_type"] == "task_created"]
    explicit = ("action_type", "revenue_impact", "urgency", "effort", "strategic_value", "due_by")
    need(any(any(k in p for k in explicit) for p in tasks), "no task with explicit components")
    need(any(not any(k in p for k in explicit) for p in tasks), "no task without explicit components")
    need(len({o["payload"]["form_name"] for o in objs if o["event_type"] == "form_submitted"}) == len(data.FORMS),
         "a form is missing")
    return problems


def summary(objs):
    by_source = {}
    for o in objs:
        by_source.setdefault(o["source"], {}).setdefault(o["event_type"], 0)
        by_source[o["source"]][o["event_type"]] += 1
    lines = [f"{len(objs)} signals"]
    for source, events in sorted(by_source.items()):
        detail = ", ".join(f"{e} {n}" for e, n in sorted(events.items()))
        lines.append(f"  {source:9} {sum(events.values()):3}  ({detail})")
    replies = [o["payload"] for o in objs if o["source"] == "gmail" and "from_email" in o["payload"]
               and o["event_type"] != "message_sent"]
    counts = {}
    for p in replies:
        cls = reply_class(p["subject"], p["snippet"])
        counts[cls] = counts.get(cls, 0) + 1
    lines.append("  gmail reply classes: " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items())))
    return "\n".join(lines)


def render(objs):
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is not the output")
    parser.add_argument("--stdout", action="store_true", help="print the signals instead of writing the file")
    args = parser.parse_args()

    objs = generate()
    problems = check(objs)
    if problems:
        print("generate_demo_signals: the sample does not cover the spec:\n  " + "\n  ".join(problems),
              file=sys.stderr)
        return 1
    text = render(objs)
    if args.stdout:
        sys.stdout.write(text)
    elif args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is not the generator's output; run tools/generate_demo_signals.py", file=sys.stderr)
            return 1
        print(f"{OUTPUT} is up to date", file=sys.stderr)
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT}\n{summary(objs)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

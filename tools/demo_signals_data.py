"""Fixed data for generate_demo_signals.py: the workspace owner, fictional companies and people, deals,
Gmail reply texts, meetings, forms and manual tasks.

Everything here is invented. Company domains use real-looking but fictional names; none is meant to
point at a real organisation. The reply texts are written so that each one lands in the Gmail reply class
it is filed under (PRODUCT.md §3); the generator re-checks that and fails if one drifts.
"""

OWNER_NAME = "Casey Morgan"
OWNER_EMAIL = "casey@lumenpath.io"
OWNER_COMPANY = "Lumenpath"

# (key, name, email domain, industry)
COMPANIES = [
    ("northwind", "Northwind Logistics", "northwindlogistics.com", "Logistics"),
    ("harborview", "Harborview Dental Group", "harborviewdental.com", "Healthcare"),
    ("kestrel", "Kestrel Robotics", "kestrelrobotics.io", "Industrial automation"),
    ("pinecrest", "Pinecrest Academy", "pinecrestacademy.org", "Education"),
    ("tidewater", "Tidewater Brewing Co.", "tidewaterbrewing.com", "Food & beverage"),
    ("alder", "Alder & Finch Legal", "alderfinch.law", "Legal services"),
    ("meridian", "Meridian Freight", "meridianfreight.co", "Logistics"),
    ("bluepeak", "Bluepeak Solar", "bluepeaksolar.com", "Energy"),
    ("copperleaf", "Copperleaf Property Management", "copperleafpm.com", "Real estate"),
    ("quanta", "Quanta Lab Supply", "quantalabsupply.com", "Life sciences"),
    ("ridgeline", "Ridgeline Outdoor", "ridgelineoutdoor.com", "Retail"),
    ("sableworks", "Sableworks Studio", "sableworks.design", "Creative agency"),
    ("fernhill", "Fernhill Health Partners", "fernhillhealth.com", "Healthcare"),
    ("ironclad", "Ironclad Fabrication", "ironcladfab.com", "Manufacturing"),
    ("lumora", "Lumora Fintech", "lumora.finance", "Financial services"),
    ("oakridge", "Oakridge Insurance Brokers", "oakridgebrokers.com", "Insurance"),
    ("vantage", "Vantage HR Cloud", "vantagehr.cloud", "HR software"),
    ("saltmarsh", "Saltmarsh Hospitality", "saltmarshhotels.com", "Hospitality"),
    ("brightwave", "Brightwave Telecom", "brightwavetel.net", "Telecommunications"),
    ("cobalt", "Cobalt Security", "cobaltsec.io", "Cybersecurity"),
    ("greenfield", "Greenfield Agritech", "greenfieldagri.com", "Agriculture"),
    ("orbital", "Orbital Media Group", "orbitalmedia.tv", "Media"),
    ("summit", "Summit Ridge Construction", "summitridgebuild.com", "Construction"),
    ("cascadia", "Cascadia Water Works", "cascadiawater.org", "Utilities"),
    ("tallgrass", "Tallgrass Veterinary", "tallgrassvet.com", "Veterinary care"),
    ("helix", "Helix Biometrics", "helixbio.io", "Biotech"),
    ("keystone", "Keystone Payroll", "keystonepayroll.com", "Payroll services"),
    ("wayfarer", "Wayfarer Travel Co.", "wayfarertravel.co", "Travel"),
    ("elmstreet", "Elm Street Bakery Group", "elmstreetbakery.com", "Food & beverage"),
    ("nimbus", "Nimbus Cloud Kitchens", "nimbuskitchens.com", "Food delivery"),
    ("polaris", "Polaris Engineering", "polariseng.de", "Engineering"),
    ("arcadia", "Arcadia Learning", "arcadialearning.com", "EdTech"),
    ("redwood", "Redwood Analytics", "redwoodanalytics.ai", "Data & analytics"),
    ("stonebridge", "Stonebridge Capital", "stonebridgecap.com", "Venture capital"),
    ("vireo", "Vireo Home Care", "vireohomecare.com", "Home healthcare"),
    ("granite", "Granite State Roofing", "granitestateroofing.com", "Home services"),
    ("mosaic", "Mosaic Events", "mosaicevents.co", "Events"),
    ("trellis", "Trellis Nonprofit Network", "trellisnetwork.org", "Nonprofit"),
    ("silverline", "Silverline Auto Group", "silverlineauto.com", "Automotive"),
    ("bergmann", "Bergmann & Søn Shipping", "bergmann-son.dk", "Shipping"),
    ("lagos", "Lagoa Verde Cosméticos", "lagoaverde.com.br", "Cosmetics"),
    ("aurora", "Aurora Fitness Clubs", "aurorafitness.com", "Fitness"),
]

# (first, last, job title, company key). Several people per company for the accounts with deals.
PEOPLE = [
    ("Dana", "Lee", "VP Operations", "northwind"),
    ("Marcus", "Oyelaran", "Director of Fleet", "northwind"),
    ("Priya", "Raman", "Practice Operations Manager", "harborview"),
    ("Tom", "Becker", "CFO", "harborview"),
    ("Elena", "Vasquez", "Head of Sales", "kestrel"),
    ("Jonah", "Kim", "COO", "kestrel"),
    ("Rachel", "Adeyemi", "Procurement Lead", "kestrel"),
    ("Sam", "Whitaker", "Director of Admissions", "pinecrest"),
    ("Molly", "Hart", "Founder", "tidewater"),
    ("Owen", "Fitzgerald", "Managing Partner", "alder"),
    ("Grace", "Liu", "Office Administrator", "alder"),
    ("Luis", "Navarro", "Sales Manager", "meridian"),
    ("Hannah", "Schmidt", "VP Revenue", "meridian"),
    ("Ben", "Carter", "Head of Growth", "bluepeak"),
    ("Aisha", "Bello", "Sales Operations", "bluepeak"),
    ("Victor", "Mendes", "Portfolio Director", "copperleaf"),
    ("Nora", "Quinn", "Commercial Director", "quanta"),
    ("Jake", "Morrison", "E-commerce Lead", "ridgeline"),
    ("Chloé", "Dubois", "Creative Director", "sableworks"),
    ("Daniel", "Osei", "Head of Partnerships", "fernhill"),
    ("Leah", "Goldberg", "Practice Manager", "fernhill"),
    ("Mike", "Kowalski", "Plant Manager", "ironclad"),
    ("Sofia", "Rossi", "Chief Revenue Officer", "lumora"),
    ("Arjun", "Mehta", "RevOps Manager", "lumora"),
    ("Karen", "Doyle", "Agency Principal", "oakridge"),
    ("Ethan", "Brooks", "VP Sales", "vantage"),
    ("Mia", "Tanaka", "Sales Enablement", "vantage"),
    ("Isabel", "Moreno", "Group Sales Director", "saltmarsh"),
    ("Ryan", "O'Connell", "Enterprise AE Lead", "brightwave"),
    ("Fatima", "Haddad", "CEO", "cobalt"),
    ("Noah", "Jensen", "Account Executive", "cobalt"),
    ("Ava", "Petrov", "Operations Lead", "greenfield"),
    ("Liam", "Gallagher", "Ad Sales Director", "orbital"),
    ("Zoë", "Müller", "Project Controls Manager", "summit"),
    ("Carlos", "Ibarra", "Customer Programs Manager", "cascadia"),
    ("Emily", "Park", "Practice Owner", "tallgrass"),
    ("Kwame", "Asante", "BD Director", "helix"),
    ("Olivia", "Grant", "Head of Customer Success", "keystone"),
    ("Henry", "Walsh", "Partnerships Manager", "wayfarer"),
    ("Julia", "Novak", "Operations Director", "elmstreet"),
    ("Andre", "Baptiste", "Founder & CEO", "nimbus"),
    ("Katrin", "Vogel", "Head of Sales DACH", "polaris"),
    ("Rosa", "Delgado", "VP Partnerships", "arcadia"),
    ("Ian", "McAllister", "Sales Director", "redwood"),
    ("Chen", "Wei", "Principal", "stonebridge"),
    ("Beatriz", "Santos", "Regional Manager", "vireo"),
    ("Derek", "Haines", "Owner", "granite"),
    ("Lucy", "Fontaine", "Head of Sponsorships", "mosaic"),
    ("Paul", "Nguyen", "Development Director", "trellis"),
    ("Greg", "Sutton", "Fleet & BDC Manager", "silverline"),
    ("Søren", "Bergmann", "Commercial Manager", "bergmann"),
    ("Mariana", "Costa", "Head of B2B", "lagos"),
    ("Jasmine", "Reid", "Membership Director", "aurora"),
    ("José", "Álvarez", "Sales Lead", "meridian"),
    ("Hugo", "Lindqvist", "VP Sales", "redwood"),
    ("Tessa", "Morgan", "Marketing Manager", "bluepeak"),
]

# Deals: (deal key, company key, contact index in PEOPLE, deal name suffix, amount or None, path).
# path: list of (day offset from the window start, hour UTC, event, stage, amount override or None).
#  - "created" is deal_created at the given stage, "stage" is deal_stage_changed, "amount" is
#    deal_amount_changed. Together the deals visit every HubSpot stage of PRODUCT.md §3 and every
#    revenue band (missing, 0, <5k, <10k, <25k, <50k, <100k, >=100k).
DEALS = [
    ("northwind-fleet", "northwind", 0, "Fleet ops rollout", 76000, [
        (0, 17, "created", "appointmentscheduled", None),
        (2, 15, "stage", "qualifiedtobuy", None),
        (6, 14, "stage", "presentationscheduled", None),
        (9, 13, "stage", "decisionmakerboughtin", None),
    ]),
    ("harborview-clinics", "harborview", 2, "12-clinic rollout", 18000, [
        (0, 19, "created", "qualifiedtobuy", None),
        (3, 16, "stage", "presentationscheduled", None),
        (8, 15, "stage", "contractsent", None),
    ]),
    ("kestrel-enterprise", "kestrel", 4, "Enterprise annual", 240000, [
        (1, 14, "stage", "presentationscheduled", None),
        (6, 17, "stage", "decisionmakerboughtin", None),
        (7, 16, "amount", "decisionmakerboughtin", 265000),
        (9, 18, "stage", "contractsent", None),
    ]),
    ("pinecrest-pilot", "pinecrest", 7, "Admissions pilot", None, [
        (2, 18, "created", "appointmentscheduled", None),
    ]),
    ("tidewater-starter", "tidewater", 8, "Starter plan", 4800, [
        (1, 20, "stage", "qualifiedtobuy", None),
        (6, 17, "stage", "closedlost", None),
    ]),
    ("alder-team", "alder", 9, "Team plan", 7200, [
        (0, 18, "created", "qualifiedtobuy", None),
        (3, 15, "stage", "closedwon", None),
    ]),
    ("meridian-expansion", "meridian", 12, "Sales team expansion", 42000, [
        (1, 16, "created", "appointmentscheduled", None),
        (3, 14, "stage", "qualifiedtobuy", None),
        (7, 15, "stage", "presentationscheduled", None),
        (9, 10, "amount", "presentationscheduled", 48500),
    ]),
    ("bluepeak-growth", "bluepeak", 13, "Growth plan", 22000, [
        (2, 13, "stage", "decisionmakerboughtin", None),
        (6, 16, "stage", "negotiation", None),
        (8, 17, "stage", "contractsent", None),
    ]),
    ("lumora-platform", "lumora", 22, "Platform + API", 135000, [
        (3, 15, "created", "qualifiedtobuy", None),
        (6, 16, "stage", "presentationscheduled", None),
    ]),
    ("vantage-partner", "vantage", 25, "Partner bundle", 56000, [
        (0, 21, "stage", "contractsent", None),
        (3, 18, "stage", "closedwon", None),
    ]),
    ("cobalt-renewal", "cobalt", 29, "Renewal FY27", 31000, [
        (6, 14, "created", "negotiation", None),
        (8, 12, "amount", "negotiation", 36500),
    ]),
    ("saltmarsh-properties", "saltmarsh", 27, "Five properties", 9500, [
        (2, 17, "created", "appointmentscheduled", None),
        (6, 13, "stage", "qualifiedtobuy", None),
        (9, 11, "stage", "closedlost", None),
    ]),
    ("tallgrass-clinic", "tallgrass", 35, "Single clinic", 2400, [
        (3, 19, "created", "qualifiedtobuy", None),
        (7, 14, "stage", "closedwon", None),
    ]),
    ("redwood-data", "redwood", 43, "Data team seats", 0, [
        (6, 15, "created", "appointmentscheduled", None),
        (8, 16, "amount", "appointmentscheduled", 14500),
    ]),
    ("polaris-dach", "polaris", 41, "DACH sales team", 88000, [
        (3, 9, "stage", "appointmentscheduled", None),
        (8, 9, "stage", "presentationscheduled", None),
    ]),
    ("greenfield-pilot", "greenfield", 31, "Field ops pilot", 6400, [
        (7, 16, "created", "qualifiedtobuy", None),
    ]),
    ("nimbus-kitchens", "nimbus", 40, "Multi-site", 27500, [
        (1, 18, "stage", "qualifiedtobuy", None),
        (6, 15, "stage", "closedlost", None),
    ]),
]

# Stage display order of the default pipeline (for previous_stage in payloads).
STAGE_ORDER = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin",
               "negotiation", "contractsent", "closedwon", "closedlost"]

# Gmail replies: class -> list of (subject, snippet). {first} is the sender's first name, {owner} the
# owner's first name, {company} the sender's company, {seats} a seat count, {day} a weekday.
GMAIL_REPLIES = {
    "negative": [
        ("Re: Quick question about your pipeline reviews", "Please remove me from this list. Thanks."),
        ("Re: Following up", "We're not interested right now, we just renewed with another vendor for two years."),
        ("Re: Lumenpath for the {company} ops team",
         "Honestly it's not a fit for a team our size. Good luck with it though!"),
        ("Re: Checking in", "No thanks, we're all set for this year."),
        ("Re: 3 ideas for {company}", "Please stop emailing me about this, I've asked twice already."),
        ("unsubscribe", "unsubscribe"),
        ("Re: Following up on my last note", "Not interested. Please take me off your sequence."),
        ("Re: Worth a conversation?", "Thanks {owner}, but it's not a fit for us. We run everything out of spreadsheets."),
        ("Re: Can I send you a short video?", "No thanks."),
    ],
    "meeting": [
        ("Re: Intro: Lumenpath x {company}", "Thanks {owner}, happy to meet next week. {day} afternoon works on my side."),
        ("Re: Follow-up from the webinar",
         "Could we get a call on the books with our VP Ops? She has questions on rollout."),
        ("Re: Proposal draft", "Let's schedule 30 minutes to walk through the redlines with legal."),
        ("Re: Next steps", "I'll send a calendar invite for {day} 10am ET, shout if that doesn't work."),
        ("Re: Onboarding plan", "I'm available {day} or Friday morning, whichever suits your team."),
        ("Re: Pilot results", "Can you share your availability for a review with our CFO?"),
        ("Re: Pricing for {seats} seats",
         "This is close to budget. Can we hop on a call {day} to go through the tiers?"),
        ("Re: Demo follow-up", "Loved the demo. Can we meet with the rest of the team next week?"),
        ("Re: Security review", "Our IT lead wants a meeting before we sign off on the SSO setup."),
        ("Re: Quick sync?", "Yes please, grab any slot on my calendar: cal.example/{first}"),
        ("Re: Renewal", "Let's get a call in before the end of the month to lock in the renewal."),
        ("Re: Contract questions", "Are you available tomorrow at 2? Our counsel has two questions."),
    ],
    "interest": [
        ("Re: Lumenpath for field teams", "This looks promising. Can you tell me more about how the HubSpot sync works?"),
        ("Re: Quick idea for {company}", "We're interested. What does onboarding look like for about {seats} reps?"),
        ("Re: Pricing", "Could you send over pricing for the Growth plan with annual billing?"),
        ("Re: Saw your post on LinkedIn", "Do you have a recorded demo I could share with my cofounder?"),
        ("Re: Getting started", "Is there a free trial? I'd like to try it on our own pipeline first."),
        ("Re: Your note about forecasting", "Interested, tell me more about the forecasting piece."),
        ("Re: Lumenpath + {company}", "Sounds relevant for us. What's the pricing for {seats} users?"),
        ("Re: Following up on the trial", "The trial went well. Can we extend it by two weeks for the wider team?"),
        ("Re: Case study", "Very interested in the logistics case study, can you send it over?"),
    ],
    "plain": [
        ("Re: Security questionnaire", "Attached the completed SOC 2 questionnaire. Let me know if anything is missing."),
        ("Re: Invoice #{invoice}", "Paid this morning, should land in 2-3 business days."),
        ("Re: Q3 numbers", "Let me recall the exact figures from finance and circle back tomorrow."),
        ("Re: Workflow walkthrough",
         "Our ops lead can demonstrate the current process so you can see where the gaps are."),
        ("Automatic reply: Re: Proposal", "I'm out of the office until Monday with limited access to email."),
        ("Re: Intro", "Looping in my colleague who owns procurement here, she'll take it from here."),
        ("Re: Contract", "Legal has a couple of small comments, will send them over by end of day."),
        ("Re: Thanks!", "Thanks for the recap, super helpful. Sharing it with the team now."),
        ("Re: Data export", "Got the CSV, the numbers match what we see in HubSpot."),
        ("Re: Onboarding checklist", "Done: SSO configured and 14 users invited. Two left to go."),
        ("Re: Reference customers", "Spoke with your reference at Alder & Finch, very positive."),
    ],
}

# Replies that the workspace owner's own mailbox produced (bounces, auto-replies): (from, name, subject, snippet).
MAILER_DAEMON = ("mailer-daemon@googlemail.com", "Mail Delivery Subsystem", "Delivery Status Notification (Failure)",
                 "Address not found. Your message wasn't delivered because the address couldn't be found.")

# Outgoing mail the owner sent (gmail message_sent has no rule: stored as ignored).
SENT_MAIL = [
    ("Recap and next steps", "Hi {first}, thanks for the time today. Here's a short recap and the next steps we agreed."),
    ("Proposal for {company}", "Hi {first}, attached is the proposal we discussed, with the annual and two-year options."),
    ("Following up on our chat", "Hi {first}, following up on our conversation last week. Any questions from the team?"),
    ("Lumenpath pricing overview", "Hi {first}, as promised, here's the pricing overview for the plans we talked about."),
    ("Intro: Lumenpath x {company}", "Hi {first}, a mutual contact suggested we talk. Would a short intro be useful?"),
]

# Calendar meetings by relationship: (title template, minutes). {company} is the attendee's company.
MEETING_TITLES = {
    "customer": [  # the deal is won
        ("Onboarding kickoff: {company}", 60),
        ("Pilot check-in: {company}", 30),
        ("Quarterly business review: {company}", 60),
    ],
    "deal": [  # an open deal
        ("Lumenpath demo for {company}", 45),
        ("Pricing review with {company}", 30),
        ("{company} x Lumenpath: rollout planning", 60),
        ("Contract walkthrough: {company}", 30),
        ("Security review with the {company} IT team", 45),
    ],
    "prospect": [
        ("Intro call: {first} ({company})", 20),
        ("Discovery call: {company}", 30),
        ("Lumenpath demo for {company}", 45),
    ],
}

# Forms: (form name, share weight, revenue_potential or None, strategic_value or None, message templates).
FORMS = [
    ("Demo request", 6, 0.8, 0.6, [
        "We're evaluating tools to prioritise our pipeline. Team of {seats}.",
        "Would love a walkthrough for our sales leadership.",
        "Looking to replace our spreadsheet-based follow-up process.",
    ]),
    ("Pricing page: talk to sales", 5, 0.7, None, [
        "Need a quote for {seats} seats, annual billing.",
        "Do you offer nonprofit or education pricing?",
        "What's included in the Growth plan vs Scale?",
    ]),
    ("Free trial signup", 5, None, None, [
        "",
        "Trying it out for our SDR team.",
    ]),
    ("Webinar: Pipeline hygiene in 30 minutes", 4, 0.4, 0.3, [
        "",
        "Can't make the live session, please send the recording.",
    ]),
    ("Contact us", 3, None, 0.7, [
        "We're a partner agency and would like to discuss a referral agreement.",
        "Press inquiry about your seed round.",
    ]),
    ("Newsletter signup", 2, 0.2, 0.2, [""]),
]

# Manual tasks. Each: (title, notes, contact index or None, explicit fields dict).
# Explicit fields use the names of PRODUCT.md §3 (action_type, revenue_impact, urgency, effort,
# strategic_value, due_by as an hour offset that the generator turns into an ISO time).
MANUAL_TASKS = [
    ("Send Dana the ROI model before the exec meeting", "She asked for the fleet-size version.", 0,
     {"action_type": "send_email", "revenue_impact": 0.9, "urgency": 0.8, "effort": 0.3, "due_in_hours": 20}),
    ("Prep pricing options for Kestrel procurement", "Three tiers, multi-year discount capped at 12%.", 6,
     {"revenue_impact": 1.0, "strategic_value": 0.9}),
    ("Update HubSpot close dates for Q4 deals", "Several deals still show October close dates.", None,
     {"action_type": "update_crm", "effort": 0.2}),
    ("Ask Owen for a testimonial", "Alder & Finch went live last week, good moment.", 9, {}),
    ("Log call notes from Harborview CFO call", "", 3, {"action_type": "log_call", "urgency": 0.6}),
    ("Draft the case study outline with Northwind", "Focus on fleet utilisation numbers.", 1,
     {"strategic_value": 0.8, "effort": 0.6}),
    ("Clean up duplicate contacts from the webinar import", "", None,
     {"action_type": "data_cleanup", "revenue_impact": 0.0, "urgency": 0.2, "effort": 0.4, "strategic_value": 0.3}),
    ("Book Stonebridge intro for the seed extension", "Chen offered an intro to two portfolio companies.", 44,
     {"action_type": "book_meeting", "due_in_hours": 48}),
    ("Send renewal quote to Cobalt Security", "Include the 2-year option.", 29,
     {"action_type": "send_email", "revenue_impact": 0.8, "urgency": 0.9, "due_in_hours": 6}),
    ("Review onboarding plan for Vantage", "", 26, {}),
    ("Follow up with Polaris on the German DPA", "Katrin needs the DPA in German before legal review.", 41,
     {"urgency": 0.7}),
    ("Prepare board update slides", "Pipeline, wins, churn risks.", None,
     {"revenue_impact": 0.3, "urgency": 0.6, "effort": 0.8, "strategic_value": 0.9, "due_in_hours": 72}),
    ("Call Julia about the bakery group's pilot scope", "", 39, {"action_type": "log_call"}),
    ("Check in with Meridian on the seat count", "Hannah mentioned adding José's team.", 12, {}),
]

# Inbound leads (form submissions) are mostly people the workspace has not met yet.
# (first, last, job title, company, domain, company size)
LEADS = [
    ("Amelia", "Sorensen", "Head of Sales", "Brightpath Recruiting", "brightpathrecruit.com", "51-200"),
    ("Raj", "Patel", "Founder", "Stackhouse Labs", "stackhouselabs.io", "11-50"),
    ("Claire", "Dumont", "RevOps Lead", "Veritas Freight Audit", "veritasaudit.com", "201-500"),
    ("Tyler", "Nash", "Sales Manager", "Copperline HVAC", "copperlinehvac.com", "51-200"),
    ("Ingrid", "Halvorsen", "COO", "Fjordline Seafood", "fjordlineseafood.no", "201-500"),
    ("Marco", "Bellini", "Business Development", "Bellini Ceramiche", "belliniceramiche.it", "11-50"),
    ("Yuki", "Sato", "Growth Manager", "Kumo Robotics", "kumorobotics.jp", "51-200"),
    ("Olamide", "Adebayo", "CEO", "Paystream Africa", "paystream.africa", "11-50"),
    ("Lauren", "Fisher", "VP Customer Success", "Crestview SaaS", "crestviewsaas.com", "501-1000"),
    ("Diego", "Ramírez", "Sales Director", "Andes Coffee Importers", "andescoffee.com", "51-200"),
    ("Sarah", "Okafor", "Partnerships", "Lighthouse Agency", "lighthouse.agency", "11-50"),
    ("Peter", "Lindgren", "CTO", "Nordvik Energy", "nordvikenergy.se", "201-500"),
    ("Hana", "Novotná", "Marketing Lead", "Vltava Digital", "vltavadigital.cz", "11-50"),
    ("Brandon", "Lewis", "Account Director", "Summit Peak Media", "summitpeakmedia.com", "51-200"),
    ("Aaliyah", "Johnson", "Head of Operations", "Bramble Home Goods", "bramblehome.com", "51-200"),
    ("Felix", "Wagner", "Geschäftsführer", "Wagner Maschinenbau", "wagner-maschinenbau.de", "201-500"),
    ("Nina", "Kovac", "Sales Ops Analyst", "Adriatic Yachts", "adriaticyachts.hr", "51-200"),
    ("Chris", "Donovan", "Owner", "Donovan Plumbing & Heating", "donovanplumbing.com", "1-10"),
    ("Meera", "Iyer", "Director of Sales", "Saffron Health", "saffronhealth.in", "201-500"),
    ("Tom", "Ashworth", "Journalist", "The Startup Ledger", "startupledger.news", "11-50"),
    ("Valentina", "Ruiz", "Program Manager", "Open Doors Foundation", "opendoors.org", "51-200"),
    ("Kai", "Andersen", "SDR Team Lead", "Polarbyte", "polarbyte.io", "51-200"),
    ("Rebecca", "Stone", "VP Marketing", "Harlow & Pine", "harlowpine.com", "201-500"),
    ("Jamal", "Wright", "Founder", "Courtside Analytics", "courtside.ai", "1-10"),
    ("Elise", "Moreau", "Head of Growth", "Maison Clair", "maisonclair.fr", "51-200"),
    ("Gabriel", "Souza", "Commercial Lead", "Rio Verde Logistics", "rioverdelog.com.br", "201-500"),
    ("Anna", "Kowalczyk", "Sales Manager", "Baltic Timber", "baltictimber.pl", "51-200"),
    ("Owen", "Price", "Head of Sales", "Keel & Compass", "keelcompass.co.uk", "11-50"),
]

UTM_SOURCES = ["google", "linkedin", "newsletter", "g2", "referral", "podcast"]

"""Word lists the name rules read: months and seasons, and verbs that show a person."""
from __future__ import annotations

__all__ = [
    "DIALECT_WORDS", "HOSTEL_DOINGS", "KIND_NOUNS", "LOOK_PARTICIPLES", "MEDICINE_ENDINGS",
    "PERSON_OBJECT_VERBS", "PERSON_VERBS", "SERVICE_BODIES", "STATE_WORDS", "SUBSTITUTES",
    "SPEECH_VERBS", "TEXT_SPEAK", "DAYTIME_NAMES", "DRUG_NAMES", "IDEA_NAMES",
    "TIME_BEFORE", "TIME_NAMES", "TIME_VERBS", "TIME_WORDS",
]

# Months, seasons and days of the year that are also first names: a person only when the
# sentence shows one ("June rang me", "my keyworker May", "Summer's dad"), since "in May"
# and "Valentine's was hard" (the day) are far commoner.
TIME_NAMES = frozenset(["april", "may", "june", "summer", "autumn", "valentine", "valentines"])
# Name-words (each also in data/name_words.txt) that are the word for an idea, a drug or a
# time of day, which people make a sentence's subject: "Faith was hard to keep", "Crystal
# was my drug", "Dawn came". Opening a sentence, where the capital says nothing, they are
# words when what follows says a thing (person_cues.said_as_thing), names otherwise.
IDEA_NAMES = frozenset(
    ["faith", "hope", "grace", "charity", "mercy", "patience", "joy", "destiny", "harmony",
     "chance"])
DRUG_NAMES = frozenset(["crystal", "brown"])
DAYTIME_NAMES = frozenset(["dawn", "eve"])
TIME_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "july", "august", "september", "october", "november", "december",
     "christmas", "easter"])
TIME_BEFORE = frozenset(
    ["in", "last", "this", "next", "since", "until", "till", "by", "before", "after", "during",
     "of", "early", "late", "mid", "every", "the", "that", "over", "through", "from", "to"])
# Verbs (and the adverbs that come between) that need a person doing them: after a
# name-word they show a person ("Hope kept me alive", "Summer rang me", "Mark never came
# back"). Privacy first: "Faith got me through" is redacted too.
PERSON_VERBS = frozenset(
    ["said", "says", "told", "tells", "asked", "asks", "rang", "rings", "phoned", "texted",
     "messaged", "called", "calls", "came", "comes", "visited", "visits", "helped", "helps",
     "kept", "keeps", "picked", "drove", "took", "brought", "met", "sent", "wrote", "cried",
     "laughed", "shouted", "screamed", "knew", "knows", "thought", "thinks", "reckons",
     "reckoned", "listened", "answered", "looked", "stood", "stayed", "lived", "lives", "moved",
     "went", "left", "died", "got", "did", "made", "would", "could", "should", "used", "wanted",
     "wants", "loved", "loves", "hated", "hit", "stabbed", "grassed", "promised", "waited",
     "sorted", "found", "paid", "lent", "let", "sat", "slept", "married", "dumped", "tried",
     "works", "worked", "gave", "gives", "saved", "talked", "spoke", "smiled", "hugged", "were",
     "won't", "wouldn't", "couldn't", "didn't", "can't", "never", "always"])
# What seasons and months do as well ("Summer came early", "June went by"): no evidence
# of a person after June or Summer, unless "came to see", "came round".
TIME_VERBS = frozenset(
    ["came", "comes", "went", "left", "kept", "keeps", "got", "did", "made", "would", "could",
     "should", "used", "gave", "gives", "brought", "took", "let", "found", "were", "never",
     "always", "stood", "sat", "stayed"])
# Verbs done to a person, so a month or season after them is someone ("I told June").
PERSON_OBJECT_VERBS = frozenset(
    ["told", "tell", "asked", "ask", "rang", "ring", "phoned", "texted", "messaged", "called",
     "thanked", "hugged", "kissed", "married", "visited", "trust", "trusted",
     # "I owe Rich a tenner", "I met Joy in rehab": owing and meeting are done to people.
     "owe", "owed", "met", "meet"])
# Verbs of speaking and messaging: what a capitalised word does before them shows a person
# even when it is an English word or a town ("Star told me", "Sutton said"); an institution
# says things too ("Probation said"), so name_rules skips services, roles and relatives.
SPEECH_VERBS = frozenset(
    ["said", "says", "told", "tells", "rang", "rings", "phoned", "texted", "messaged", "asked",
     "asks", "reckons", "reckoned", "shouted", "screamed", "whispered", "replied", "answered",
     "promised", "swore", "lied", "laughed", "cried", "smiled", "winked", "hugged"])
# "Rose tinted glasses", "Honey coloured walls": after a name-word, a participle of colour,
# scent or look makes it the first half of a compound adjective written without its hyphen.
LOOK_PARTICIPLES = frozenset(
    ["tinted", "tinged", "coloured", "colored", "scented", "flavoured", "flavored", "shaped",
     "hued", "toned", "haired", "eyed", "cheeked", "lipped", "faced", "glazed", "roasted",
     "patterned", "striped"])
# Medicine names by their international stems (Sertraline, Olanzapine, Diazepam, Tramadol).
MEDICINE_ENDINGS = (
    "azepam", "azolam", "apine", "oxetine", "alopram", "traline", "idone", "peridol", "gabalin",
    "pentin", "orphine", "amadol", "codone", "tanyl", "trigine", "proate", "prazole", "olol",
    "triptyline", "pramine", "afaxine", "iclone", "zodone",
)
# Pronouns and function words as typed in dialect or texting ("tell ya", "told yer mam",
# "asked yous", "told summat"): never a lower-case name after "tell" or "asked".
# Texting shorthand ("ngl", "tbh"): a filler, never a name, in any case ("Ngl the staff ...").
TEXT_SPEAK = frozenset(
    ["ngl", "tbh", "tbf", "imo", "imho", "idk", "idc", "btw", "fwiw", "smh", "rn", "af", "ffs",
     "wtf", "omfg", "brb", "thx", "pls", "plz", "nvm", "ikr", "irl", "lol", "omg", "lmao"])
DIALECT_WORDS = frozenset(
    ["ya", "yer", "yah", "yous", "youse", "yez", "ye", "thee", "tha", "thi", "dem", "dat", "da",
     "ma", "mi", "em", "ur", "wat", "wot", "summat", "owt", "nowt", "nuffin", "sumthin", "wiv",
     "fer", "coz", "cuz", "bruv", "blud", "fam", "init", "innit", "lot", "lots", "everyone",
     "yall", "y'all", "ppl", "sum", "nun", "wen", "dis", "dey", "ting", "tings",
     # Who someone is, in slang ("me and bro", "my mate thingy"), and texting fillers.
     "bro", "bae", "bestie", "thingy", "wifey", "hubby", "sarge", "guv", "mucker", "cuzzy",
     "cellie", "celly", "padmate", "keyworker", "lol", "omg", "lmao", "haha", "yeh",
     # Contractions typed without the apostrophe, and spoken forms ("and shes said",
     # "then theyve said no", "me and thru with it" are not "and [name] said").
     "shes", "hes", "theyve", "theyre", "theyd", "theyll", "dont", "didnt", "doesnt", "cant",
     "wont", "isnt", "wasnt", "werent", "arent", "havent", "hasnt", "hadnt", "couldnt",
     "wouldnt", "shouldnt", "mustnt", "im", "ive", "youre", "youve", "youd", "youll", "weve",
     "thats", "whats", "wheres", "theres", "heres", "whos", "itll", "aint", "dunno", "thru",
     "tho", "gonna", "wanna", "gotta", "lemme", "gimme", "kinda", "sorta", "outta", "cos",
     *TEXT_SPEAK])
# Towns that are everyday words ("interested in reading", "in bath", "barking dogs"): in
# lower case never the town (nor the prison named after it), and opening a sentence only
# when the model says so.
EVERYDAY = frozenset(
    ["reading", "bath", "bow", "angel", "barking", "harrow", "poplar", "stoke", "hull", "derby",
     "sale", "bury", "deal", "send", "march", "street", "ware", "moss", "meadows", "dingle",
     "belvedere", "custom house"])
# What a place is called when someone says what it is ("Ashwood, that's a recovery house",
# "the Carver Street hostel", "a refuge called Oasis", "Beech Tree surgery"): one regex
# fragment a kind, read case-insensitively; "AP" is matched in capitals only.
KIND_NOUNS = {
    "prison": ("prisons?", "jails?", "nick", "YOI", "cat [a-d]", "open (?:prison|nick)",
               "young offenders(?: institution)?"),
    "hospital": ("hospitals?", "infirmary", "wards?", "units?",
                 "clinics?", "(?:gp )?surgery", "(?:gp )?practice", "medical centre",
                 "health centre", "hospice", "picu", "on a section(?: \\d| two| three)?"),
    "hostel": ("(?:bail |wet |dry |direct access |women'?s |young people'?s |yp |ymca )?hostels?",
               "(?:night |winter )?shelters?", "(?:women'?s )?refuges?", "approved premises",
               "(?-i:AP)", "supported (?:housing|accommodation|lodgings?|house|living)",
               "(?:recovery|halfway|dry|wet|move[- ]on|supported|safe) houses?", "foyer",
               # "rehab" finds a named place; treatment.py then says it is a hospital.
               "(?:housing )?project", "rehab", "hostel for [a-z ]+"),
}
# What supported housing is said to do for or to the people in it ("evicted from", "my
# room at", "a key to my own door", "the keyworkers at"): where no word of kind is said,
# these show a home rather than a ward or a cell.
HOSTEL_DOINGS = (
    "key ?workers?", "curfew", "house meetings?", "residents?", "rough sleepers?", "care leavers?",
    "evicted", "rent arrears", "arrears", "(?:my|your|a|the|our|same|own)(?: [a-z]+)? room",
    "own (?:flat|place|door|front door)",
    "(?:living|lived|live|stopping|stopped|stayed|staying|housed|placed|put (?:me|us|him|her) up"
    "|kipping|kipped|dossing|dossed)"
    " (?:at|in)", "(?:moved|put|placed|sent|housed|kicked|chucked) (?:me|us|him|her|them)(?: all)?"
    " (?:out of|to|in|into|at|from)",
    "moved (?:out of|into|from)", "signing in", "sign in", "visitors", "ex-offenders",
    "licence conditions", "housing officer", "council",
    # What a hostel hands out or checks at the door, the course it sends you on, the bed it
    # keeps for a crisis, and a rehab's live-in stay ("residential at Birchwood Grange").
    "fobs?", "lockers?", "breathalys(?:e|ed|es|er|ing)", "tenancy", "emergency beds?",
    "residential",
    # Waiting to move on to a flat, and the street team that finds people a bed.
    "move[- ]on", "moved on", "outreach", "(?:a )?bed for the night",
    # Where people go from sofas and the street, and what gets them thrown out.
    "bedsits?", "b ?(?:and|&|n) ?b", "sofa surf(?:ing|ed|er)",
    "(?:slept|sleeping|sleep) (?:rough|out)",
    "on the streets?", "house rules", "housing benefit", "service charge",
    # An approved premises' curfew: "breached me for being late back to Goldcrest".
    "late back", "breached",
    # Moving in, being thrown out, and the worker who supports tenants.
    "mov(?:ed|ing|e) in", "(?:thrown|chucked|kicked|turfed) out", "support workers?",
    # Temporary accommodation waits for a flat; before it, a tent.
    "(?:waiting|wait|bidding) (?:for|on) (?:a|my) (?:flat|house|place)", "tents?",
    # Probation decides where someone on licence lives: an approved premises.
    "probation (?:wanted|sent|put|placed|moved) (?:me|us|him|her|them)",
    # Sent or released somewhere to live ("I got sent to Riverside", "my release was to
    # Mulberry House").
    "(?:got|get|gets|getting|been|was|were) (?:sent|moved|placed|shipped) (?:back )?(?:to|into)",
    "release (?:address|was to)", "released (?:me |us |him |her )?to",
    # What a hostel gives and keeps: a bed found for someone, a numbered room, a door locked
    # on whoever is back late ("found me a bed at Lantern", "in Acorn now, room 12").
    "(?:got|get|gets|found|find|gave|give|given|offered|sorted)(?: me| us| him| her| them)? a bed",
    "room (?:\\d+|number)", "locked out",
    # Beds taken: "the Oaks is full of people coming off the gear", "no beds at Lantern".
    "(?:is|was|are|were|always|never|too|so)(?: always| never)? full", "no (?:beds|vacancies)")
# A state someone is in or a way of speaking, which opens a sentence as the state itself
# ("Sober helped me" for being sober, "Clean kept me alive", "Honest said nothing" for
# "honest, I said nothing"): never a nickname there, unlike "Tiny" or "Lofty".
STATE_WORDS = frozenset(
    ["sober", "clean", "dry", "straight", "honest", "busy", "calm", "quiet", "alone", "free",
     "safe", "stable", "settled", "sane", "well", "sorry", "serious", "skint", "homeless",
     "single", "lonely", "bored", "sick", "ill", "drunk", "high", "stoned", "hungry", "tired"])
# Bodies someone served or lived in that are no building ("I lived in the Army for ten
# years", "in the Forces"): never a hostel, a ward or a prison however the sentence goes.
# Medicines for drug and alcohol treatment people are "put on" (NICE CG52/CG115 and the
# Orange Book's substitution and relapse-prevention drugs, by generic and brand name) that
# MEDICINE_ENDINGS does not already cover.
SUBSTITUTES = frozenset(
    ["methadone", "physeptone", "buprenorphine", "subutex", "espranor", "suboxone", "buvidal",
     "naltrexone", "naloxone", "acamprosate", "campral", "disulfiram", "antabuse", "librium",
     "chlordiazepoxide", "valium", "lofexidine", "nalmefene", "selincro"])
SERVICE_BODIES = frozenset(["army", "navy", "raf", "marines", "forces", "military", "police"])
# "the mental health unit", "the drug team", "the crisis ward": words that say what kind of
# service or ward, typed in lower case with no name among them, name no one's place.
SERVICE_KIND_WORDS = frozenset(
    ["mental", "health", "psych", "psychiatric", "forensic", "acute", "secure", "locked", "open",
     "crisis", "assessment", "admissions", "detox", "rehab", "rehabilitation", "recovery",
     "addiction", "addictions", "substance", "misuse", "drug", "drugs", "alcohol", "eating",
     "disorder", "disorders", "community", "learning", "disability", "disabilities", "dementia",
     "older", "adult", "adults", "elderly", "youth", "young", "people", "children's",
     "childrens", "women's", "womens", "men's", "mens", "mother", "baby", "maternity",
     "intensive", "care", "high", "low", "medium", "dependency", "general", "emergency",
     "respite", "day", "night", "inpatient", "outpatient", "segregation", "seg", "healthcare",
     "induction", "resettlement", "liaison", "treatment", "support", "outreach", "homeless",
     "housing", "offending", "behaviour", "behavioural", "brain", "injury", "stroke", "burns",
     "cardiac", "renal", "surgical", "medical", "respiratory", "trauma", "psychology",
     "psychiatry", "therapy", "therapeutic", "wellbeing", "perinatal", "neuro", "neurology"])

"""Invented forum-member segments for the theme tests (no real people or places).

Topics: housing after prison, community sentences and breach, mental health, drugs and
alcohol, police trust, being offline (phones and forms: not in the default codebook),
and travel costs to appointments (mostly one talkative member), plus small talk.
"""
from __future__ import annotations

import hashlib

from analysis.core.themes import QuestionInput, SegmentInput

# member id -> demographics (several groups have fewer than five members on purpose)
MEMBERS = {
    1: {"gender": "man", "age": "25-39"}, 2: {"gender": "woman", "age": "25-39"},
    3: {"gender": "man", "age": "40-59"}, 4: {"gender": "man", "age": "18-24"},
    5: {"gender": "woman", "age": "40-59"}, 6: {"gender": "man", "age": "25-39"},
    7: {"gender": "man", "age": "40-59"}, 8: {"gender": "woman", "age": "18-24"},
    9: {"gender": "man", "age": "25-39"}, 10: {"gender": "non-binary", "age": "25-39"},
    11: {"gender": "man", "age": "60+"}, 12: {"gender": "woman", "age": "40-59"},
    13: {"gender": "man", "age": "25-39"}, 14: {"gender": "man", "age": "40-59"},
    15: {"gender": "woman", "age": "25-39"}, 16: {"gender": "man", "age": "18-24"},
}

TOPICS = {
    "housing": [
        (1, "transcript:1",
         "I came out of prison with nowhere to live and slept in a doorway the first night."),
        (2, "transcript:1",
         "I lost my flat while I was inside because nobody told the council to pay the rent."),
        (3, "transcript:1",
         "The council said I was not in priority need so I ended up sofa surfing for months."),
        (6, "transcript:2",
         "The hostel was full of people using and I could not keep my head straight there."),
        (9, "transcript:2",
         "Housing first gave me my own front door and everything else followed from that."),
        (13, "survey:1",
         "No landlord will rent to you with a record and no deposit, so you end up homeless."),
        (5, "transcript:3",
         "They gave me a hostel place forty miles away from my family and my support."),
        (11, "survey:1",
         "Temporary accommodation was one room with a kettle and I was there a year."),
        (14, "transcript:2",
         "If you have no fixed abode the court just keeps you on remand, so you lose everything."),
        (15, "transcript:3",
         "Nobody sorted housing before my release date, it was all left to the last day."),
        (7, "transcript:1",
         "The housing officer said come back on Monday, on a Friday, with nowhere to sleep."),
        (1, "transcript:1",
         "A decent flat is the first thing, without a roof you cannot sort anything else out."),
        (12, "survey:1", "I was evicted from the supported housing for one missed rent payment."),
        (4, "transcript:3",
         "At nineteen I got a flat with nothing in it, no bed, no cooker, nothing."),
        (16, "transcript:3",
         "The homeless team said I made myself intentionally homeless by going to prison."),
    ],
    "breach": [
        (3, "transcript:1",
         "I got breached for missing one probation appointment because I had no credit."),
        (4, "transcript:3",
         "The unpaid work hours clashed with my job so I nearly lost both of them."),
        (6, "transcript:2",
         "My licence conditions meant I could not go near the area where my family lives."),
        (7, "transcript:1",
         "I was recalled for being late to probation and lost my place at the hostel."),
        (9, "transcript:2",
         "A community order with treatment did more for me than any prison sentence did."),
        (10, "survey:1",
         "Probation keeps changing my officer and every new one has new rules for me."),
        (13, "survey:1",
         "The curfew and the tag meant I could not take the night shift I was offered."),
        (14, "transcript:2",
         "They breach you for small things and then you are back inside for weeks."),
        (2, "transcript:1",
         "My probation officer actually listened and moved the appointment when my son was ill."),
        (8, "transcript:3",
         "Nobody explained my licence conditions properly, I found out when I was recalled."),
        (11, "survey:1",
         "Reporting to probation twice a week when it is two buses away is a setup to fail."),
        (16, "transcript:3",
         "The community order had so many requirements I could not keep track of them."),
        (5, "transcript:3",
         "I breached my order because I was in hospital and nobody checked why."),
    ],
    "mental": [
        (2, "transcript:1", "Nobody at the police station asked about my mental health, not once."),
        (5, "transcript:3",
         "The liaison and diversion worker at court was the first person who listened to me."),
        (8, "transcript:3",
         "I was taken on a section 136 and kept in a cell because there were no beds."),
        (10, "survey:1",
         "The crisis team never rang me back when I was struggling with my anxiety."),
        (12, "survey:1",
         "I waited eighteen months for counselling and by then I had given up on it."),
        (15, "transcript:3",
         "My depression got much worse in prison and nobody noticed until I self harmed."),
        (1, "transcript:1",
         "The mental health team said I had to stop drinking first before they would see me."),
        (3, "transcript:1", "When I was sectioned the ward felt safer than anywhere I had lived."),
        (6, "transcript:2", "Panic attacks every morning and the GP just gave me more tablets."),
        (9, "transcript:2",
         "Having a therapist who understood trauma changed how I see my whole life."),
        (13, "survey:1",
         "My psychiatrist changed three times in a year and each time I started again."),
        (16, "transcript:3",
         "I felt suicidal on release and the only number they gave me never answered."),
        (11, "survey:1", "Mental health support in prison was a leaflet under the door."),
    ],
    "drugs": [
        (1, "transcript:1", "I was using heroin to block everything out after my dad died."),
        (4, "transcript:3",
         "My methadone script was stopped when I went in and I rattled in my cell."),
        (6, "transcript:2",
         "There was no rehab place so I was back on the drink within a week of release."),
        (7, "transcript:1",
         "The recovery group kept me going when nothing else did, I am two years clean."),
        (9, "transcript:2", "You come out clean and they put you in a hostel full of spice."),
        (10, "survey:1", "I needed a detox bed but the waiting list for detox was four months."),
        (12, "survey:1", "Alcohol was how I coped with everything, and it cost me my kids."),
        (14, "transcript:2", "The drug worker only saw me for ten minutes every fortnight."),
        (15, "transcript:3",
         "I relapsed the day I got out because my dealer was waiting at the station."),
        (3, "transcript:1", "Naloxone training at the needle exchange saved my mate's life."),
        (16, "transcript:3", "Cannabis and then crack, it all started when I was fifteen."),
        (5, "transcript:3", "Drug testing on my order kept me honest, I will give them that."),
        (13, "survey:1",
         "Rehab should be there the day you ask, not months later when you are using again."),
    ],
    "police": [
        (1, "transcript:1", "The police only see my record and not me as a person."),
        (2, "transcript:1", "I would never call the police, even when I was attacked last year."),
        (4, "transcript:3",
         "They stopped and searched me three times in one week walking to college."),
        (8, "transcript:3", "The officer in custody treated me like a human being for once."),
        (9, "transcript:2",
         "Police turned up at my mum's house at six in the morning in front of the kids."),
        (11, "survey:1", "When I was the victim of a crime nobody believed me because of my past."),
        (13, "survey:1", "The arresting officers laughed at me when I said I heard voices."),
        (14, "transcript:2", "Local coppers know me by name and that cuts both ways."),
        (15, "transcript:3", "I reported my ex to the police and they arrested me instead."),
        (16, "transcript:3",
         "Young lads round our way do not trust the police at all, they just run."),
        (6, "transcript:2",
         "The custody sergeant got me a solicitor and a doctor, which I did not expect."),
        (3, "transcript:1",
         "Stop and search makes you feel like a criminal before you have done anything."),
    ],
    "offline": [
        (2, "transcript:1", "Everything is online now and I had no smartphone when I came out."),
        (3, "transcript:1",
         "You cannot do the forms without internet and the library wifi keeps dropping."),
        (5, "transcript:3", "My phone got cut off so I missed the text about my appointment."),
        (8, "transcript:3", "I do not have an email address so they said they could not help me."),
        (10, "survey:1", "The app kept logging me out and I had no data left to try again."),
        (12, "survey:1",
         "A charity gave me a phone with credit and that one thing sorted so much."),
        (14, "transcript:2",
         "Filling in forms online is impossible when you have never used a computer."),
        (15, "transcript:3", "I had to borrow a phone to call them and then they rang back on it."),
        (6, "transcript:2",
         "No phone means no jobs, no doctor and no benefits, everything is an app."),
        (13, "survey:1",
         "The wifi in the hostel only works in the corridor and everyone is on it."),
    ],
    "travel": [
        (7, "transcript:1", "The bus fare to my appointments is more than I have left each week."),
        (7, "transcript:1",
         "Two buses there and two buses back, it takes my whole day for ten minutes."),
        (7, "transcript:1", "If I walk it is an hour and a half each way in the rain."),
        (7, "transcript:1",
         "They will not pay travel costs unless you have the ticket and I lose tickets."),
        (7, "transcript:1", "A bus pass would be the difference between turning up and not."),
        (1, "transcript:1", "I missed the train and they marked me as not attending."),
    ],
    "smalltalk": [
        (3, "transcript:1", "Yeah."),
        (9, "transcript:2", "Can we have a break now?"),
        (14, "transcript:2", "My cat is called Biscuit and she is fourteen."),
        (6, "transcript:2", "Mm, fair enough, I suppose."),
    ],
}


def text_hash(text: str) -> str:
    """Same hash the platform stores (sha256 of UTF-8 text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def forum_segments() -> list[SegmentInput]:
    """All fixture segments, ids 1.. in topic order."""
    out = []
    for rows in TOPICS.values():
        for member, source, text in rows:
            out.append(SegmentInput(id=len(out) + 1, text=text, text_hash=text_hash(text),
                                    member_id=member, source_key=source,
                                    group=dict(MEMBERS[member])))
    return out


def topic_of() -> dict[int, str]:
    """Segment id -> invented topic name."""
    ids, n = {}, 0
    for topic, rows in TOPICS.items():
        for _ in rows:
            n += 1
            ids[n] = topic
    return ids


QUESTIONS = [
    QuestionInput(1, "How can we make sure people leaving prison have somewhere safe to live?",
                  "Q1"),
    QuestionInput(2,
        "How can community sentences and probation supervision be made to work better?", "Q2"),
    QuestionInput(3,
                  "How can police, health and other services better support people with mental "
                  "health needs?", "Q3"),
    QuestionInput(4, "What would help people recover from drug and alcohol problems?", "Q4"),
]

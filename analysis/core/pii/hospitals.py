"""Detect hospitals, wards and clinics: by name, from a list, or by their town near care."""
from __future__ import annotations

import re

from ..lists import load_set
from .common import CAP_WORD, Candidate, is_sentence_start, sentence_parts
from .name_words import never_name
from .places import (
    NAME_WORDS,
    SAINTLY_NAME,
    first_word_generic,
    list_matches,
    matches,
    said_near,
)
from .word_lists import TIME_NAMES

__all__ = ["find_hospitals"]

HOSPITAL = re.compile(
    rf"\b{NAME_WORDS}(?:['’]s?)?[ \t]+(?:Hospital|Infirmary|Ward|Clinic|Medical Centre|"
    rf"Health Centre|Surgery|Mental Health Unit|Medical Practice|Practice"
    # "Elm Tree Medical": a practice by its own name, the last word said alone.
    rf"|Medical(?![ \t]+{CAP_WORD}))\b"
)
# "Wythenshawe hospital", "Maple ward", "Meadowbrook Unit", "the Mount Vernon surgery": the
# word typed in lower case, or a ward or unit by its own name; "a Leeds hospital" (a broad
# area) says no more than the city, so it stays.
# "the Meadowbank psych unit": what kind of unit may come between the name and the word.
# What kind of unit, in either place below: one list.
UNIT_KINDS = (r"(?:psych|psychiatric|mental[ \t]+health|acute|secure|detox|crisis|assessment"
              r"|addiction|eating[ \t]+disorders?|mother[ \t]+and[ \t]+baby|locked)")
HOSPITAL_LOWER = re.compile(
    rf"\b(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)[ \t]+(?:{UNIT_KINDS}[ \t]+)?"
    rf"(?:hospital|infirmary|ward|[Uu]nit|surgery|clinic|practice)\b")
# "took me to the Infirmary": the town's infirmary, said as "the General" is.
THE_INFIRMARY = re.compile(r"\b[Tt]he[ \t]+(?P<name>Infirmary)\b")
# "registered with Dr Okoro's": a doctor's name with 's and no noun after is their surgery.
DOCTORS_OWN = re.compile(
    rf"\b(?:Dr|Doctor)\.?[ \t]+{CAP_WORD}['’]s(?=[ \t]*[,.;!?]|[ \t]*$|[ \t]+(?:on|in|at"
    rf"|for|and|but|since|every|when|round|up|down)\b)")
# "Ward 22", "on ward 7": a ward by its number says which hospital floor someone was on.
# A council ward ("Ward 3 of the council", "the electoral ward 3") is an area, not a bed.
WARD_NUMBER = re.compile(
    r"(?<![Ee]lectoral )(?<![Cc]ouncil )\b[Ww]ard[ \t]+\d{1,3}[A-Za-z]?\b(?![/.:]\d)"
    r"(?![ \t]+of[ \t]+the[ \t]+(?:council|borough|city))")
# "the Redwood Centre for detox", "a detox at the Elm Unit": a named Centre, Unit or Clinic
# where someone is treated is a hospital, as the README says a detox is unless at a named
# House or Lodge (a residential unit, a hostel). Not near housing words: "testing at the
# Aspen Centre, ... straight to probation" is where a requirement is kept, left to hostels.
TREATMENT_CENTRE = re.compile(
    rf"\b{SAINTLY_NAME}[ \t]+(?:Centre|Center|Unit|Clinic)\b")
TREATMENT_CONTEXT = re.compile(
    r"\b(?:detox|detoxing|detoxed|psych|psychiatric|psychiatrist|mental health|methadone"
    r"|withdrawals?|rattling|sectioned|section|nurses?|doctors?|ward|inpatient|admitted)\b",
    re.IGNORECASE)
HOUSING_CONTEXT = re.compile(
    r"\b(?:hostels?|refuge|approved premises|supported (?:housing|accommodation)|shelter"
    r"|foyer|housed|curfew|testing|probation)\b", re.IGNORECASE)
NOT_HOSPITAL_FIRST = frozenset(
    ["psych", "prison", "army", "field", "cottage", "teaching", "nearest", "local", "big",
     "district", "general", "secure", "nhs", "kids", "baby", "proper", "same", "different",
     # Units and wards a prison or hospital has, not a named place ("the Segregation Unit").
     "segregation", "seg", "healthcare", "care", "intensive", "induction", "separation",
     "supervision", "dependency", "drug", "drugs", "inpatient", "outpatient", "female", "male",
     "mother", "burns", "stroke", "renal", "children's", "childrens", "ten", "open", "locked",
     # What kind of ward: "a night on the Acute ward", "the Assessment Unit".
     "acute", "crisis", "assessment", "admissions", "older", "adult", "elderly", "maternity",
     "surgical", "medical", "cardiac", "respiratory"])
# Hospitals said by their town or saint, near a word about hospital care: "Sandwell
# General", "the General", "the Royal Oldham", "St Mary's", "sectioned at Highcroft".
NOT_HOSPITAL_GENERAL = r"(?:Attorney|Secretary|Major|Surgeon|Director|Solicitor|Inspector|Governor)"
# Words after "Royal" or "St Mary's" that make it no hospital ("the Royal British Legion",
# "St John's Ambulance", "St Patrick's Day").
NOT_HOSPITAL_NEXT = (
    r"(?i:election|secretary|practitioner|manager|mail|navy|air|marines|mint|legion|british"
    r"|courts?|exchange|society|bank|family|albert|opera|ballet|academy|mile|ambulance|day"
    r"|trust|church|cathedral|school|college|university|primary|park|variety|wedding|we"
    r"|treatment)\b"
)
# Words that follow a place someone was in ("in the Royal for a week").
AFTER_PLACE = r"(?:for|after|with|on|in|at|when|till|until|overnight|again)\b"
HOSPITAL_BY_TOWN = re.compile(
    rf"\b(?:(?:(?!{NOT_HOSPITAL_GENERAL}\b){CAP_WORD}|[Tt]he)[ \t]+General(?![ \t]+[A-Z])"
    rf"|(?:[Tt]he[ \t]+)?Royal(?:[ \t]+(?!{NOT_HOSPITAL_NEXT}){CAP_WORD}){{1,2}}"
    # "the royal free"
    rf"|[Tt]he[ \t]+royal[ \t]+(?!{NOT_HOSPITAL_NEXT}|{AFTER_PLACE}|and\b|of\b)[a-z]+"
    rf"|St\.?[ \t]+{CAP_WORD}(?:['’]s|['’])"
    # "in the Royal for a week": the Royal alone, said as somewhere someone was.
    rf"|[Tt]he[ \t]+[Rr]oyal(?=[ \t]*[,.;!?]|[ \t]*$|[ \t]+{AFTER_PLACE}))(?!\w)"
    rf"(?![ \t]+{NOT_HOSPITAL_NEXT})"
)
# A saint's or royal name near a church or school is that church or school ("St Luke's
# treated me like family, best church in town").
SAINT_NOT_CARE = re.compile(r"\b(?i:church|parish|vicar|mass|school|primary|college)\b")
HOSPITAL_AFTER_CARE = re.compile(
    rf"\b(?P<cue>(?i:ward|wards|sectioned|admitted|a&e|a and e|casualty|detox|unit"
    rf"|(?:on|under)[ \t]+(?:a[ \t]+)?section(?:[ \t]+\d)?))[ \t]+"
    rf"(?:(?:me|him|her|them|up)[ \t]+)?(?i:at|in|to|into)[ \t]+(?:the[ \t]+)?"
    rf"(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}})"
)
# "the psych ward at the becklin centre": a place typed in lower case after a care cue.
CARE_LOWER = re.compile(
    r"\b(?P<cue>(?i:ward|sectioned|admitted|a&e|casualty|detox))[ \t]+"
    r"(?:(?:me|him|her|them|up)[ \t]+)?"
    r"(?i:at|in|to|into)[ \t]+(?:the[ \t]+)?(?P<name>[a-z]{3,}[ \t]+(?:centre|unit|house|clinic"
    r"|hospital|lodge))\b")
# "took me to Springfield on a section", "in Highcroft under section 3".
HOSPITAL_BEFORE_SECTION = re.compile(
    rf"\b(?i:to|at|in|into)[ \t]+(?:the[ \t]+)?(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}})"
    rf"[ \t]+(?i:on|under)[ \t]+(?:a[ \t]+)?(?i:section)\b"
)
# "out of Meadowbank, the psych unit", "Highcroft, a secure hospital": a name explained
# as a hospital or unit straight after it. Not one word opening a sentence ("Honestly, the
# unit was ...": an aside, not a name).
HOSPITAL_EXPLAINED = re.compile(
    rf"\b(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?),[ \t]+(?i:the|a)[ \t]+"
    rf"(?i:{UNIT_KINDS}[ \t]+)?"
    rf"(?i:hospital|unit|ward|infirmary)\b"
)
HOSPITAL_CONTEXT = re.compile(
    r"\b(?:hospital|ward|sectioned|section|admitted|discharged|a&e|casualty|overdosed?|ambulance"
    r"|psych|psychiatric|mental health|nurses?|doctors?|consultant|surgery|operation|born|birth"
    r"|icu|intensive care|detox|stitches|broken|od|od['’]?d|sepsis|abscess|infection"
    r"|x-ray|scan|kept me in|collapsed|unwell|poorly|psychiatrist|psychosis|breakdown|meds"
    r"|medication|drip|paramedics|stomach pumped|inpatient|patient|crisis team|stabbed"
    r"|stabbing|stab wound|injuries|injured|treated|beaten up|fractured?"
    # What is done to a patient: "stitched up at", "blood tests at", "three admissions to".
    r"|stitched|seizures?|blood tests?|diagnos[a-z]+|depot|admissions?|trolley|gp|liver"
    r"|woke up|rushed (?:me|him|her|them)"
    # An operation on a joint, coming round in a bed, being watched one to one or sat in a
    # ward's day room, a mental health assessment, therapy or a CPN after discharge.
    r"|(?:my|his|her) (?:hip|knee|shoulder|ankle|wrist|leg|arm|jaw)|came round|tubes"
    r"|one to one|on obs|day room|self[- ]harm(?:ed|ing)?|assessed|therap(?:y|ist)|cpns?"
    r"|eating disorders?|beating|(?:medium|low|high) secure"
    # Sent "out of area": where a mental health bed is found when none is free nearby.
    r"|out of area|bloods|jabs|injections?|physio|ect"
    # Where the police take someone under section 136, when family visit, what brings a
    # parent in by ambulance.
    r"|place of safety|visiting (?:hours|time)|chest pains?|heart attack"
    # Registered with a practice ("registered at the Grove").
    r"|registered (?:at|with)"
    # "blue lighted me to Morriston": taken by ambulance with the lights on.
    r"|blue[- ]light(?:s|ed|ing)?"
    # Where a baby is had: "had the baby in the Royal ...", "went into labour at St ...".
    r"|(?:had|having|have) (?:the|a|my|our|her|his|their) (?:baby|babby|wean|kid)|gave birth"
    r"|(?:into|in) labour|maternity|midwi(?:fe|ves))\b",
    re.IGNORECASE,
)


POSSESSIVE = re.compile(r"['’]s\b")


def _around(text: str, cand: Candidate) -> str:
    """The sentence a candidate is said in, where what it is for is said."""
    before, after = sentence_parts(text, cand.start, cand.end)
    return before + text[cand.start:cand.end] + after


def find_hospitals(text: str) -> list[Candidate]:
    """Find hospitals, wards and clinics by name ("Kingsmead Hospital", "the Maudsley").

    Also hospitals said by their town near words about care ("the Royal Oldham after the
    overdose", "Sandwell General", "the royal free"), names after "ward at", "sectioned
    at", "on a section at", "A&E at" (not times: "sectioned at Christmas"), names before
    "on a section", and "Wythenshawe hospital" with the word in lower case. A detox at a
    named House or Lodge ("detox at Oak House") is treatment, a hospital like a rehab.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``hospital``.
    """
    found = matches(HOSPITAL, text, "hospital") + list_matches("hospitals.txt", text, "hospital")
    found += [Candidate(m.start(), m.end(), "hospital") for m in WARD_NUMBER.finditer(text)]
    found += matches(DOCTORS_OWN, text, "hospital")
    found += [Candidate(*m.span("name"), "hospital") for m in THE_INFIRMARY.finditer(text)]
    found += [c for c in matches(TREATMENT_CENTRE, text, "hospital")
              if TREATMENT_CONTEXT.search(_around(text, c)) and not HOUSING_CONTEXT.search(
                  _around(text, c))]
    for m in HOSPITAL_BY_TOWN.finditer(text):
        if m.group().lower() in load_set("not_names.txt"):  # "St Mungo's" is a charity
            continue
        if said_near(text, m, HOSPITAL_CONTEXT) and not said_near(text, m, SAINT_NOT_CARE):
            found.append(Candidate(m.start(), m.end(), "hospital"))
    areas, first_names = load_set("broad_areas.txt"), load_set("first_names.txt")
    for m in [*HOSPITAL_LOWER.finditer(text), *CARE_LOWER.finditer(text)]:
        # "Knee surgery was ..." opening a sentence is an operation, not a practice.
        lone_opener = " " not in m.group("name") and is_sentence_start(text, m.start())
        if (m.group("name").lower() not in areas and not first_word_generic(text, m.start("name"))
                and m.group("name").split()[0].lower() not in NOT_HOSPITAL_FIRST
                and not (lone_opener and m.re is HOSPITAL_LOWER)):
            found.append(Candidate(m.start("name") if m.re is CARE_LOWER else m.start(), m.end(),
                                   "hospital"))
    for m in [*HOSPITAL_AFTER_CARE.finditer(text), *HOSPITAL_BEFORE_SECTION.finditer(text),
              *HOSPITAL_EXPLAINED.finditer(text)]:
        # "sectioned in Leeds" names a city, kept like any broad area; "admitted to Dave"
        # is a person, left to the name detectors.
        name = m.group("name").lower()
        if m.re is HOSPITAL_EXPLAINED and " " not in name and is_sentence_start(text, m.start()):
            continue
        # "admitted me to Jimmy's": a first name's 's after a care cue is where, not who.
        owned = m.re is HOSPITAL_AFTER_CARE and " " not in name and POSSESSIVE.match(
            text, m.end("name"))
        if owned:
            found.append(Candidate(m.start("name"), owned.end(), "hospital"))
        # "sectioned at Christmas", "admitted in November", "detox in May" are times.
        elif (name not in areas and name.split()[0] not in first_names
                and not never_name(name.split()[0]) and name.split()[0] not in TIME_NAMES
                and not first_word_generic(text, m.start("name"))):
            found.append(Candidate(m.start("name"), m.end("name"), "hospital"))
    return found

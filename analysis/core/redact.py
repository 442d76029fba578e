"""Find personal data in transcript text and replace it with typed placeholders.

Choices, so reviewers know what to expect:

* People's names, named workers ("Dr Okafor"), addresses, streets, estates, named schools
  ("Greenway High"), UK phone numbers, emails, full postcodes, National Insurance numbers,
  dates of birth, prison and other reference numbers, and named prisons, hospitals and
  hostels are redacted. A named rehab or detox is treatment, so a ``[hospital]`` whatever its
  name ends in ("rehab at Hope Lodge"); a hostel is where someone is housed (a recovery or
  dry house, supported housing, an approved premises); see ``pii/treatment.py``.
* Named towns, cities, boroughs, districts, neighbourhoods and estates ("Skegness",
  "Brixton", "a flat in gorton", "grew up in the Meadows") are redacted as ``[place]``:
  for people with convictions, a town beside a prison and a daughter's name can identify
  someone, and the facilitator can keep a place that carries the argument. Only nations
  and regions made of many towns are kept (``data/kept_regions.txt``): the UK, "Wales",
  countries, "the North East", "the Midlands", "South London", counties ("Kent"), and
  London, which is one of England's nine regions (33 boroughs), not one town; Birmingham
  is one city and is redacted. See ``pii/areas.py``. ``keep_broad_areas=True`` (CLI
  ``--keep-broad-areas``) is the old policy: towns and districts kept. Partial postcodes
  ("SE15") are kept either way. A name the name detectors call a person stays a name
  ("Chelsea told me"). Where a relative lives is personal, so "my mum lives in Wales" is
  redacted as ``[place]`` whatever the setting (and never as a prison).
* Public landmarks ("Trafalgar Square", ``data/landmarks.txt``) are nobody's address and
  are kept unless said as a home ("a flat on ..."), as are courts ("the judge at
  Snaresbrook"). Only the place is kept: a facilitator's name or a name after a cue ("my
  mate Paddington") is still a name there. Shopping centres and city-centre spots ("the
  Arndale", "begging in Piccadilly") are landmarks too; a capitalised word after "the" is
  a venue or area, never guessed to be a person.
* First names that are also words are names when the sentence shows a person ("Hope kept
  me alive", "Summer rang me", "me and Angel", "Ruby's dad"), privacy first; "Hope is
  what kept me going", "in June" and "Summer was hard" are kept, and so, opening a
  sentence, are ideas, drugs and times of day said as such ("Faith was hard to keep",
  "Crystal was my drug", "Dawn came"). Any capitalised word that
  speaks or is with someone ("Star told me", "Sutton said", "me and Tanner") is someone,
  unless it is a service, role or group ("Probation said", "Mum said", "Staff told me");
  "Rose tinted glasses" is kept. Courts known by their town ("the hearing at Snaresbrook",
  "sentenced at Barry") are kept like the judge's.
* A block of flats said as a home ("I live at Marlowe Court") is a ``[place]``, a "Court"
  said as supported housing a ``[hostel]``; a court of law is kept with its town
  ("Southwark Crown Court", "the Old Bailey"). Brands, programmes, characters, drinks and
  drugs named like people ("Marks and Spencer", "Harry Potter", "Crystal meth", "a bottle
  of Brandy") are kept (``data/public_names.txt``, ``pii/public_names.py``), as are teams
  ("the Crystal Palace game", "Liverpool won"), a weather warning ("went to Amber") and a
  famous full name said as music or film ("Bob Marley on repeat"); a block of flats that
  bailiffs or police come to is a home too ("came to Carlton Court").
* Initials someone goes by are a name where the sentence shows a person ("JD said", "me n
  KT", "TJ's mum"); abbreviations ("my PO", "NA", "my CV") are kept. Identifiers spelt out
  after the word for what they are ("postcode is G thirty three, two A B", "reg was papa
  echo six eight, ...") are redacted as that identifier.
* Pets ("my dog Tyson") and firms named after people ("Brannigan & Co solicitors") are
  names; pubs drunk at and places someone does a job at ("a chef at the Red Lion") are
  places; "the Old Bill" is the police.
* Lower-case names that are words or short are names in a strong frame ("auntie pat", "me and
  jo", "i live with ade", "wee eck", ``pii/kin_lower.py``, ``pii/lower_frames.py``); estates,
  recovery hubs, projects ("Open Door do a drop in"), pubs and Welsh places ("yn Llanidloes",
  "Maes Gwyn") are found by their frame (``pii/venues.py``); clubs and public figures in the
  news (``pii/public_frames.py``) and accredited programmes ("Kaizen") are kept.
* A birth date with its month in another language ("born 4 marca 1986") is a date of birth
  (``pii/foreign_months.py``); a small business named before what it is ("Fresh Start
  cafe", "Brody's car wash") is a ``[place]``, the word for what it is kept; a nickname
  after "the" where prison time was done ("my first lump in the Meadow") is a prison
  (``pii/prison_stints.py``); a rehab someone was funded for is treatment.
* Other dates (a court or release date, even beside a date of birth), ages, services and
  organisations (Universal Credit, Housing First, Jobcentre, NA, DBS) are kept.
* The detectors over-propose on purpose: a facilitator reviews every redaction.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

from .pii import (
    areas,
    blocks,
    contact,
    hospitals,
    institutions,
    kept_mentions,
    lower_frames,
    name_rules,
    named_sites,
    names,
    places,
    prison_stints,
    prison_towns,
    prisons,
    public_mentions,
    said_ids,
    span_edges,
    spelt_ids,
    spoken_codes,
    treatment,
    venues,
    whereabouts,
    workplaces,
)
from .pii.lexicon import english_adjectives, english_lexicon, english_modifiers, english_verbs
from .pii.resolve import LABELS, resolve, where_things_are

__all__ = [
    "LABELS", "RedactionResult", "Span", "apply_redactions", "find_personal_data",
    "placeholder", "redact",
]

# spaCy's memory grows with document length; long transcripts go through in pieces.
MAX_CHUNK_CHARS = 50_000


@dataclass(frozen=True)
class Span:
    """One piece of personal data: offsets into the original text, label, and the text."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class RedactionResult:
    """The redacted text and the spans (offsets into the original) that were replaced."""

    text: str
    spans: list[Span]


def placeholder(label: str) -> str:
    """Return the placeholder written in place of data with this label.

    Args:
        label: one of ``LABELS``.

    Returns:
        The label in square brackets, e.g. ``"[name]"``.
    """
    return f"[{label}]"


def _chunks(text: str) -> Iterable[tuple[int, str]]:
    """Yield (offset, piece) splitting long text at line breaks."""
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def _model_entities(text: str, nlp: Language) -> list[tuple[int, int, str]]:
    """Run the spaCy pipeline (or a fake with ``.ents``) and return (start, end, label)."""
    found = []
    for offset, piece in _chunks(text):
        for ent in nlp(piece).ents:
            found.append((offset + ent.start_char, offset + ent.end_char, ent.label_))
    return found


def find_personal_data(
    text: str, *, known_names: Iterable[str] = (), keep_broad_areas: bool = False,
    nlp: Language | None = None,
) -> list[Span]:
    """Find personal data in ``text``.

    Args:
        text: the text to search (one turn or a whole transcript).
        known_names: real names the facilitator supplied (participants, workers);
            matched case-insensitively as whole words, in full and by each part.
        keep_broad_areas: the old policy, opt-in: keep named towns, cities, boroughs and
            districts. False (default) redacts them as ``[place]`` (``pii/areas.py``),
            keeping only nations and regions.
        nlp: a loaded spaCy ``Language`` (or any callable returning an object with
            ``.ents``); None loads the default model once per process.

    Returns:
        Non-overlapping spans sorted by start, offsets into ``text``.
    """
    if not text.strip():
        return []
    known_names = tuple(known_names)  # read twice: by the name finder and after the frames
    if nlp is None:
        from .nlp import load_nlp

        nlp = load_nlp()
    entities = _model_entities(text, nlp)
    is_word = english_lexicon(nlp)
    people = names.find_names(
        text,
        person_spans=[(s, e) for s, e, label in entities if label == "PERSON"],
        known_names=known_names,
        other_entities=[ent for ent in entities if ent[2] != "PERSON"],
        is_word=is_word,
        is_modifier=english_modifiers(nlp),
        is_adjective=english_adjectives(nlp),
    )
    # "my partner ade", "i live with ade", "wee eck": lower-case words said as someone.
    people += lower_frames.lower_case_names(
        text, (is_word, english_modifiers(nlp), english_verbs(nlp)))
    cands = list(people)
    for detector in (
        contact.find_emails, contact.find_phones, contact.find_postcodes,
        contact.find_ni_numbers, contact.find_id_numbers, said_ids.find_said_prison_numbers,
        spelt_ids.find_spelt_ids, spoken_codes.find_spoken_codes,
        contact.find_dates_of_birth,
        places.find_addresses, prisons.find_prisons, hospitals.find_hospitals, places.find_hostels,
        prison_stints.find_prison_stints,
    ):
        cands += detector(text)
    cands += whereabouts.find_bare_streets(text, is_word)
    cands += workplaces.find_workplaces(text, is_word)
    cands += workplaces.find_firms(text, is_word) + workplaces.find_pubs(text)
    cands += workplaces.find_businesses(text, is_word)
    cands += venues.find_venues(text, is_word)
    cands += blocks.lower_case_hostels(text, is_word) + span_edges.firms_by_ampersand(text, is_word)
    cands += institutions.find_by_kind(text, entities, is_word)
    cands += named_sites.find_named_sites(text, cands, is_word)
    cands += prisons.listed_with_prisons(text, [c for c in cands if c.label == "prison"])
    cands += prison_towns.prison_towns(text, cands)  # "my number in Lincoln was A1234BC"
    if not keep_broad_areas:
        cands += areas.find_areas(text, entities, people, is_word)
    # "the Ken Loach film" is no one's, unless the facilitator said the name is someone's
    # here; "Castle Craig" found as "Craig" leaves no part behind.
    cands = public_mentions.drop_public_mentions(text, where_things_are(text, cands), is_word)
    cands += name_rules.known_names(text, known_names)
    cands = span_edges.widen(text, cands, english_modifiers(nlp), english_verbs(nlp))
    # "rehab at Hope Lodge": a named rehab or detox is treatment, a hospital (pii/treatment.py).
    cands = treatment.treatment_homes(text, cands)
    # "on New Year's Eve", "Bolton beat Wigan", "in Gujarati we say" (pii/kept_mentions.py).
    cands = kept_mentions.drop_kept_mentions(text, cands, is_word)
    return [Span(c.start, c.end, c.label, text[c.start:c.end]) for c in resolve(cands)]


def apply_redactions(text: str, spans: Sequence[Span]) -> str:
    """Replace each span of ``text`` with its placeholder.

    Args:
        text: the original text the spans point into.
        spans: spans with offsets into ``text``; they must not overlap (reviewers may
            add or drop spans, so this is checked).

    Returns:
        The redacted text.

    Raises:
        ValueError: if spans overlap or fall outside the text.
    """
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < pos or span.end > len(text) or span.start > span.end:
            raise ValueError(f"span {span.start}-{span.end} overlaps another or is out of range")
        out.append(text[pos:span.start])
        out.append(placeholder(span.label))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def redact(text: str, **kwargs: Any) -> RedactionResult:
    """Find personal data and return the redacted text with the spans used.

    Args:
        text: the text to redact.
        **kwargs: passed to ``find_personal_data`` (known_names, keep_broad_areas, nlp).

    Returns:
        A ``RedactionResult`` whose spans point into the original ``text``.
    """
    spans = find_personal_data(text, **kwargs)
    return RedactionResult(apply_redactions(text, spans), spans)

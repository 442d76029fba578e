"""The demo draft: a response to the demo call for evidence, in the voice of the exemplar.

Quotes are looked up by a phrase in the quotable demo segments (so consent and redaction
apply as always); a phrase whose speaker may not be quoted is simply skipped.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.models import Theme
from exports.models import DraftQuote
from exports.services.drafts import current_draft, organisation_profile
from exports.services.editing import record_version
from exports.services.quotes import mark_cuts
from forum.access import Role
from forum.extensions import db
from forum.models import Consultation, User
from forum.services.segments import quotable_segments

ABOUT = (
    "We are a charity working across England with people in repeat contact with the police "
    "and courts who also face poor mental health, drug and alcohol problems and homelessness. "
    "Our service-user forum brings together people with lived experience of the \"revolving door\" "
    "of crisis and crime. This response is informed by our research, our work with partners, "
    "and by what forum members told us for this call for evidence.")
INTRODUCTION = (
    "We welcome the Ministry of Justice's call for evidence and its recognition that reducing "
    "reoffending needs prisons, probation, health, housing and local government to work "
    "together.\n\n"
    "The people we work with are among the most likely to come back round the system, and the "
    "least likely to be asked why. We asked them. Their answers are plain: release on a Friday "
    "with nowhere to go, five weeks without money, and support that ends at the gate undo the "
    "work that prisons and probation do.[^1]\n\n"
    "[^1]: Forum members' words are quoted with their consent; names and places have been removed.")
SUMMARY = (
    "Members told us that the days after release decide whether people stay out. **Housing, "
    "identification, money and medication must be sorted before the gate, not after it.** "
    "Community sentences only work when the support behind them is real, and women need "
    "services designed for women.")
# "What we did", in Easy Read words, by question number.
DONE = {
    "1": "We asked for ID, a bank account and money to be ready on the day you leave prison.",
    "2": "We asked the government to sort out housing 12 weeks before you leave prison.",
    "3": "We said community orders need real help, not short meetings.",
    "4": "We asked for mental health nurses at every police station and court.",
    "7": "We asked for safe places to live that are just for women.",
}
RECOMMENDATIONS = [
    "Start housing plans at least twelve weeks before a known release date, and end Friday "
    "releases.",
    "Make sure everyone leaves prison with ID, a bank account, a Universal Credit claim and a "
    "phone.",
    "Fund liaison and diversion services in every custody suite and court, and keep them there.",
    "Commission women-only accommodation and services for women leaving prison.",
    "Pay people with lived experience to help design and check reoffending services.",
]
SECTIONS = {
    "1": ("Members described a circle of paperwork that is almost impossible to break from "
          "outside: "
          "no ID without an address, no address without a deposit, no deposit without a bank "
          "account.\n\n"
          "- Identification and bank accounts should be arranged before release.\n"
          "- Benefit claims should start inside, so the first payment does not take five weeks.",
          ["proof of address", "discharge grant"]),
    "2": ("Housing was the first thing every member raised. Release dates are known for months, "
          "yet "
          "people still leave with \"no fixed abode\" on their paperwork, often on a Friday "
          "afternoon "
          "when council housing teams have closed.\n\n"
          "**We recommend that housing plans start at least twelve weeks before release.** Members "
          "were "
          "clear that a hostel bed is not the same as a home, and that a flat without support can "
          "be "
          "\"a lonelier way of being homeless\".",
          ["come back Monday", "twelve weeks before", "lonelier way of being homeless"]),
    "3": ("Members who had served community orders valued them only when the support behind them "
          "was real. Monthly twenty-minute appointments do not help anyone keep to the conditions "
          "of an order.",
          ["Twenty minutes"]),
    "4": ("Liaison and diversion can change the course of an arrest. One member described a "
          "custody nurse "
          "who asked *what was going on*, rather than what they had done, and arranged their care.",
          ["asked what was going on"]),
    "7": ("Women leaving prison told us they face a choice between returning to an abusive partner "
          "and a hostel full of men. That is not a choice. Women-only accommodation should be "
          "available on release.",
          ["chair against the door", "address in the box"]),
}


def _find(segments, phrase: str):
    wanted = phrase.lower()
    return next((s for s in segments if wanted in s.text.lower()), None)


def shortened(text: str, phrase: str, words: int = 45) -> str:
    """A long quote cut down around the chosen phrase with "...", as an officer might."""
    if len(text.split()) <= words:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    start = next((i for i, s in enumerate(sentences) if phrase.lower() in s.lower()), 0)
    kept = [sentences[start]]
    for sentence in sentences[start + 1:]:
        if len(" ".join(kept + [sentence]).split()) > words:
            break
        kept.append(sentence)
    return mark_cuts(" ".join(kept), text)


def load_demo_draft() -> dict[str, int]:
    """Write the demo response for the demo consultation (quotes only where consent allows)."""
    consultation = db.session.scalar(select(Consultation).where(
        Consultation.title == "Reducing reoffending: call for evidence"))
    if consultation is None:
        return {}
    officer = db.session.scalar(
        select(User).where(User.role == Role.POLICY_OFFICER).order_by(User.id))
    profile = organisation_profile()
    profile.about = ABOUT
    profile.contact = "Policy team, policy@forumvoice.example"
    db.session.commit()
    draft = current_draft(consultation.id)
    assert draft is not None  # the consultation exists: it was found above
    draft.about, draft.contact = profile.about, profile.contact
    draft.introduction, draft.summary = INTRODUCTION, SUMMARY
    draft.recommendations = RECOMMENDATIONS
    draft.easy_read_intro = ("You told us what helps people stop offending.\n"
                             "We wrote to the government.\nHere is what you said and what we did.")
    segments = quotable_segments(consultation.id)
    themes = list(db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)))
    quotes = 0
    for section in draft.sections:
        text, phrases = SECTIONS.get(section.question.number, ("", []))
        section.text = text
        found = {}
        for phrase in phrases:
            segment = _find(segments, phrase)
            if segment is not None and segment.id not in found:
                found[segment.id] = (segment, phrase)
        for segment, phrase in found.values():
            section.quotes.append(DraftQuote(segment_id=segment.id,
                                             text=shortened(segment.text, phrase),
                                             position=len(section.quotes)))
            quotes += 1
        chosen = [segment for segment, _ in found.values()]
        ids = {s.id for s in chosen}
        section.theme_ids = [t.id for t in themes
                             if any(link.segment_id in ids for link in t.links)]
        if section.question.number in DONE:
            done = DONE[section.question.number]
            keys = [str(i) for i in section.theme_ids] or [f"q{section.question_id}"]
            draft.easy_read_done = {**{k: done for k in keys}, **(draft.easy_read_done or {})}
    record_version(draft, officer, "Demo draft written")
    return {"draft sections": sum(1 for s in draft.sections if s.text), "draft quotes": quotes}

"""Drafts as documents: the one place consent, redaction and quote checks are applied.

Everything a renderer prints comes through ``response_document`` or ``easy_read_document``,
so a quote that fails a check is left out of every format alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from analysis.models import Theme
from exports.document import EasyReadDocument, EasyReadItem, Quote, ResponseDocument, Section
from exports.models import Draft, DraftQuote, DraftSection, OrganisationProfile
from exports.services.evidence import (
    Evidence,
    gather_evidence,
    methods_paragraph,
    placeholders_in,
    theme_figures,
)
from exports.services.quotes import attribution, quote_matches, source_label
from forum.extensions import db
from forum.models import Consultation, Question
from forum.services.segments import quotable_segments

EASY_READ_ITEMS = 5
NOT_QUOTABLE = ("Left out: the member has not agreed to be quoted, or these words are held for "
                "review.")
CHANGED = ("Left out: these words no longer match what the member said. Copy them again or "
           "shorten with \"...\".")


def organisation_profile() -> OrganisationProfile:
    """The one organisation profile row, created empty the first time it is needed."""
    profile = db.session.scalar(select(OrganisationProfile).order_by(OrganisationProfile.id))
    if profile is None:
        profile = OrganisationProfile(name=current_app.config.get("ORG_NAME", "Forum Voice"))
        db.session.add(profile)
        db.session.flush()
    return profile


def current_draft(consultation_id: int) -> Draft | None:
    """The consultation's draft, started from the organisation profile if there is none.

    Args:
        consultation_id: the consultation.

    Returns:
        The draft with one section per current question, or None if there is no such
        consultation.
    """
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None:
        return None
    draft = db.session.scalar(select(Draft).where(Draft.consultation_id == consultation_id))
    if draft is None:
        profile = organisation_profile()
        draft = Draft(consultation=consultation, title=f"Response to {consultation.title}"[:200],
                      organisation=profile.name, about=profile.about, contact=profile.contact,
                      date=date.today(), recommendations=[], easy_read_done={})
        db.session.add(draft)
    have = {s.question_id for s in draft.sections}
    for question in consultation.questions:
        if question.id not in have:
            draft.sections.append(DraftSection(question=question, text="", theme_ids=[]))
    try:
        db.session.commit()
    except IntegrityError:
        # Two first visits at once: the other request made the draft (or section); use it.
        db.session.rollback()
        return db.session.scalar(select(Draft).where(Draft.consultation_id == consultation_id))
    return draft


def ordered_sections(draft: Draft) -> list[DraftSection]:
    """Sections in the consultation's own question order."""
    return sorted(draft.sections, key=lambda s: (s.question.position, s.question_id))


def chapter_of(question: Question) -> str:
    """The consultation's chapter or part heading a question sits under, or "" for none.

    Consultations with sections (from the pasted "Chapter 3: ..." lines) print each
    question under its chapter; the rule is forum's ``question_heading``.
    """
    from forum.services.consultation_questions import question_heading

    return (question_heading(question) or "").strip()


def consultation_themes(consultation_id: int) -> list[Theme]:
    return list(db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id)
                                   .order_by(Theme.position, Theme.id)))


@dataclass(frozen=True)
class QuoteCheck:
    """A chosen quote and why it cannot be printed (``problem`` is None when it can)."""

    quote: DraftQuote
    problem: str | None


def check_quotes(draft: Draft) -> dict[int, QuoteCheck]:
    """Check every quote of a draft against consent and the segment's current text.

    Returns:
        {DraftQuote id: QuoteCheck}.
    """
    quotable = {s.id: s for s in quotable_segments(draft.consultation_id)}
    checks = {}
    for section in draft.sections:
        for quote in section.quotes:
            segment = quotable.get(quote.segment_id)
            problem = None
            if segment is None:
                problem = NOT_QUOTABLE
            elif not quote_matches(quote.text, segment.text):
                problem = CHANGED
            checks[quote.id] = QuoteCheck(quote, problem)
    return checks


def linked_themes(draft: Draft, themes: list[Theme] | None = None) -> list[Theme]:
    """Themes linked from any section, each once, in the order first linked."""
    by_id = {t.id: t
        for t in (themes if themes is not None else consultation_themes(draft.consultation_id))}
    seen: list[Theme] = []
    for section in ordered_sections(draft):
        for theme_id in section.theme_ids or []:
            theme = by_id.get(theme_id)
            if theme is not None and theme not in seen:
                seen.append(theme)
    return seen


def quote_captions(draft: Draft) -> dict[int, str]:
    """How each chosen quote will be credited: {DraftQuote id: "Forum member, a man · Survey"}."""
    members = gather_evidence(draft.consultation_id).members
    return {q.id: f"{attribution(q.segment.member, members)} · {source_label(q.segment)}"
            for s in draft.sections for q in s.quotes if q.segment is not None}


def _printable_quotes(section: DraftSection, checks: dict[int, QuoteCheck],
                      evidence: Evidence) -> tuple[Quote, ...]:
    return tuple(Quote(segment_id=q.segment_id, text=" ".join(q.text.split()),
                       attribution=attribution(q.segment.member, evidence.members),
                       source=source_label(q.segment))
                 for q in section.quotes if checks[q.id].problem is None)


def response_document(draft: Draft) -> ResponseDocument:
    """The checked response: failing quotes left out, unanswered questions only listed.

    Args:
        draft: the draft to print.

    Returns:
        A ResponseDocument with the methods paragraph and theme figures written from the data.
    """
    evidence = gather_evidence(draft.consultation_id)
    checks = check_quotes(draft)
    themes = consultation_themes(draft.consultation_id)
    labels = {t.id: t.label for t in themes}
    sections, unanswered = [], []
    for section in ordered_sections(draft):
        quotes = _printable_quotes(section, checks, evidence)
        if not section.text.strip() and not quotes:
            unanswered.append(Section(number=section.question.label,
                                      question=section.question.text,
                                      chapter=chapter_of(section.question)))
            continue
        sections.append(Section(
            number=section.question.label, question=section.question.text,
            text=section.text.strip(), quotes=quotes, chapter=chapter_of(section.question),
            themes=tuple(labels[i] for i in section.theme_ids or [] if i in labels)))
    return ResponseDocument(
        title=draft.title, organisation=draft.organisation, date=draft.date or date.today(),
        contact=draft.contact, about=draft.about, introduction=draft.introduction,
        summary=draft.summary,
        recommendations=tuple(r for r in draft.recommendations or [] if r.strip()),
        methods=methods_paragraph(evidence, placeholders_in(q for s in sections for q in s.quotes)),
        sections=tuple(sections), unanswered=tuple(unanswered),
        # "What members raised most often": the most first (as linked, where counts tie).
        theme_figures=tuple(sorted(theme_figures(linked_themes(draft, themes), evidence),
                                   key=lambda figure: -figure.members)))


def easy_read_themes(draft: Draft) -> list[Theme]:
    """The themes the Easy Read summary covers: linked themes heard from most members first."""
    evidence = gather_evidence(draft.consultation_id)
    themes = linked_themes(draft)
    figures = theme_figures(themes, evidence)
    ranked = sorted(zip(themes, figures, strict=False), key=lambda pair: -pair[1].members)
    return [theme for theme, _ in ranked[:EASY_READ_ITEMS]]


@dataclass(frozen=True)
class EasyReadTopic:
    """One "You said" item: a theme, or an answered question when no themes are linked."""

    key: str  # the theme id, or "q<question id>"; keys draft.easy_read_done
    label: str
    segment_ids: frozenset[int]
    fallback_quotes: tuple[int, ...] = ()  # segment ids to quote when the officer chose none here
    asked: str = ""  # the question's own wording, when the label is only "Question 5"


def easy_read_heading(section: DraftSection) -> tuple[str, str]:
    """A question's heading in the Easy Read summary, and its formal wording if still needed.

    Args:
        section: the draft section of the question.

    Returns:
        (the officer's plain heading, "") or, without one, ("Question 5", the question's text):
        a short, findable heading, with the hard words kept below for a supporter to read.
    """
    plain = " ".join((section.easy_read_heading or "").split())
    if plain:
        return plain, ""
    return f"Question {section.question.number}", " ".join(section.question.text.split())


def easy_read_topics(draft: Draft) -> list[EasyReadTopic]:
    """What the Easy Read summary covers, in order (at most ``EASY_READ_ITEMS``)."""
    themes = easy_read_themes(draft)
    if themes:
        return [EasyReadTopic(str(t.id), t.label, frozenset(link.segment_id for link in t.links),
                              tuple(link.segment_id for link in t.quote_links)) for t in themes]
    checks = check_quotes(draft)
    topics = []
    for section in ordered_sections(draft):
        ids = frozenset(q.segment_id for q in section.quotes if checks[q.id].problem is None)
        if ids:
            heading, asked = easy_read_heading(section)
            topics.append(EasyReadTopic(f"q{section.question_id}", heading, ids, asked=asked))
    return topics[:EASY_READ_ITEMS]


def easy_read_document(draft: Draft) -> EasyReadDocument:
    """"You said, we did" for members: the top themes with one checked quote each.

    Args:
        draft: the draft.

    Returns:
        An EasyReadDocument; a topic's quote is the first printable quote the officer chose
        from it, or the theme's own first quotable quote, or none. Without linked themes,
        the answered questions with quotes are the topics.
    """
    checks = check_quotes(draft)
    quotable = {s.id: s for s in quotable_segments(draft.consultation_id)}
    chosen = [q for s in ordered_sections(draft) for q in s.quotes if checks[q.id].problem is None]
    body = draft.consultation.consulting_body
    items = []
    for topic in easy_read_topics(draft):
        quote = next((Quote(q.segment_id, " ".join(q.text.split()), source=source_label(q.segment))
                      for q in chosen if q.segment_id in topic.segment_ids), None)
        if quote is None:
            quote = next((Quote(i, quotable[i].text, source=source_label(quotable[i]))
                          for i in topic.fallback_quotes if i in quotable), None)
        done = (draft.easy_read_done or {}).get(topic.key, "").strip()
        items.append(EasyReadItem(theme=topic.label, quote=quote, asked=topic.asked,
                                  what_we_did=done
                                  or f"We told the {body} what you said about this."))
    intro = tuple(line.strip() for line in (draft.easy_read_intro or "").splitlines()
                  if line.strip())
    if not intro:
        intro = (f"You told us what you think about {draft.consultation.title}.",
                 f"We wrote to the {body}.", "Here is what you said and what we did.")
    return EasyReadDocument(title="You said, we did", organisation=draft.organisation,
                            date=draft.date or date.today(), intro=intro, items=tuple(items),
                            contact=draft.contact)

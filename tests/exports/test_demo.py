"""The demo draft: officer text for the demo consultation, quotes only where consent allows."""
from sqlalchemy import select

from exports.demo import load_demo_draft, shortened
from exports.services.drafts import current_draft, response_document
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services.segments import text_hash


def _segment(consultation_id, member, text):
    segment = Segment(consultation_id=consultation_id, source_type=SegmentSource.SURVEY,
                      source_id=1,
                      position=member.id, member=member, text=text, text_hash=text_hash(text))
    db.session.add(segment)
    return segment


def test_the_demo_draft_answers_some_questions_and_quotes_only_with_consent(app, demo):
    members = {m.pseudonym: m for m in db.session.scalars(select(Member))}
    quotable, refused = members["Member 1"], members["Member 4"]  # Member 4 said no to quotes
    assert quotable.may_quote and not refused.may_quote
    _segment(1, quotable, "They said come back Monday.")
    _segment(1, refused, "Sort it twelve weeks before release.")
    db.session.commit()
    assert load_demo_draft() == {"draft sections": 5, "draft quotes": 1}
    doc = response_document(current_draft(1))
    assert [s.number for s in doc.sections] == ["Q1", "Q2", "Q3", "Q4", "Q7"]
    assert [q.text for s in doc.sections for q in s.quotes] == ["They said come back Monday."]
    assert len(doc.recommendations) == 5 and doc.about.startswith("We are a charity")
    assert current_draft(1).versions[0].note == "Demo draft written"


def test_long_demo_quotes_are_shortened_around_the_phrase_and_still_match():
    from exports.services.quotes import quote_matches

    text = " ".join(f"Sentence number {i} has a few words in it."
                    for i in range(12)) + " The phrase is here."
    short = shortened(text, "phrase is here")
    assert short == "... The phrase is here."
    assert quote_matches(short, text)

"""Over every source, what members said comes before documents' passages in each group: the
page is "Search what members said", and a police plan saying "breach" led the results."""
from __future__ import annotations

from sqlalchemy import select

from analysis.services.search import Filters, search_results
from forum.access import Role
from forum.extensions import db
from forum.models import Segment, SegmentSource
from tests.analysis.views.test_search import _add

PLAN = ("Priority 2: we will work with probation so that fewer people are recalled to custody "
        "for breaching their licence conditions.")


def _member_saying_breach(consultation):
    return next(s for s in db.session.scalars(select(Segment).where(
        Segment.consultation_id == consultation.id, Segment.member_id.is_not(None)))
        if "breached" in s.text.lower())


def test_members_words_come_before_documents_over_every_source(app, analysed, consultation):
    plan = _add(consultation.id, PLAN)
    member = _member_saying_breach(consultation)
    aside = _add(consultation.id, "The plan also funds more police officers on the beat.")
    # The plan is the closer in meaning, and said the word: it came first.
    similarity = {plan.id: 0.8, member.id: 0.4, aside.id: 0.7}
    results = search_results(consultation.id, "breach", Filters(), similarity)
    said = [h.segment.source_type for h in results.said]
    assert said[0] != SegmentSource.DOCUMENT and said[-1] == SegmentSource.DOCUMENT
    assert said.index(SegmentSource.DOCUMENT) > max(
        k for k, kind in enumerate(said) if kind != SegmentSource.DOCUMENT)
    # Only documents asked for: ranked among themselves as before.
    documents = search_results(consultation.id, "breach", Filters(source="document"),
                               similarity)
    assert documents.said[0].segment.id == plan.id


def test_the_page_says_members_words_come_first(auth, analysed, consultation):
    _add(consultation.id, PLAN)
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "breach"}).get_data(as_text=True)
    assert "In each list, what members said comes first, then passages from documents." in html
    # Not said where no document is among the results.
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "breach", "source": "transcript"}).get_data(
                               as_text=True)
    assert "then passages from documents" not in html

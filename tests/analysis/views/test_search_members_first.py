"""Over every source, what members said comes before documents' passages: the page is "Search
what members said", and a police plan saying "breach" led the results. Members' words close in
meaning come before a document that says the words too: documents are a group of their own,
after both of members' groups."""
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
    kinds = [h.segment.source_type for h in results.hits]
    assert kinds[0] != SegmentSource.DOCUMENT and kinds[-1] == SegmentSource.DOCUMENT
    assert kinds.index(SegmentSource.DOCUMENT) > max(
        k for k, kind in enumerate(kinds) if kind != SegmentSource.DOCUMENT)
    # Only documents asked for: ranked among themselves as before.
    documents = search_results(consultation.id, "breach", Filters(source="document"),
                               similarity)
    assert documents.said[0].segment.id == plan.id


def test_members_words_close_in_meaning_come_before_a_document_saying_the_words(
        app, analysed, consultation):
    plan = _add(consultation.id, PLAN)
    member = _member_saying_breach(consultation)
    # A member's words about recall, without the word: close in meaning only.
    close = next(s for s in db.session.scalars(select(Segment).where(
        Segment.consultation_id == consultation.id, Segment.member_id.is_not(None)))
        if "breach" not in s.text.lower())
    results = search_results(consultation.id, "breach", Filters(),
                             {plan.id: 0.9, member.id: 0.4, close.id: 0.5})
    order = [h.segment.id for h in results.hits]
    assert order.index(member.id) < order.index(close.id) < order.index(plan.id)
    assert [h.segment.id for h in results.documents] == [plan.id]
    assert all(h.segment.source_type != SegmentSource.DOCUMENT
               for h in results.said + results.near)


def test_the_page_puts_documents_under_their_own_heading_last(auth, analysed, consultation):
    _add(consultation.id, PLAN)
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "breach"}).get_data(as_text=True)
    said_at = html.index("What members said in your words")
    documents_at = html.index("Passages from documents (1)")
    assert said_at < documents_at < html.index("fewer people are recalled")
    # No such heading where no document is among the results.
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "breach", "source": "transcript"}).get_data(
                               as_text=True)
    assert "Passages from documents" not in html


def test_documents_cut_off_by_members_words_are_still_said_to_match(
        app, analysed, consultation, monkeypatch):
    # Members' words filled every place: the passages were cut before they were counted, so
    # the page neither listed them nor said "More passages match than fit on this page".
    from analysis.services import search

    monkeypatch.setattr(search, "LIMIT", 1)
    monkeypatch.setattr(search, "KEYWORD_PLACES", 1)
    member = _member_saying_breach(consultation)
    _add(consultation.id, "They breached me for being late once.", SegmentSource.TRANSCRIPT,
         member=member.member)
    _add(consultation.id, PLAN)
    results = search_results(consultation.id, "breach", Filters())
    assert len(results.said) == 1 and results.documents == []
    assert results.more_documents

"""The search page's Source filter offers only the kinds of source this consultation has."""
from __future__ import annotations

import re

from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.models import Segment, SegmentSource


def _source_options(html: str) -> list[str]:
    select_html = re.search(r'<select[^>]*name="source".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select_html)


def test_only_sources_the_consultation_has_are_offered(auth, analysed, consultation):
    present = set(db.session.scalars(select(Segment.source_type).where(
        Segment.consultation_id == consultation.id).distinct()))
    assert SegmentSource.CSV_IMPORT not in present  # the fixture has no imported answers
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search").get_data(as_text=True)
    offered = _source_options(html)
    assert offered[0] == "Any source"
    assert sorted(offered[1:]) == sorted(s.label for s in present)
    assert SegmentSource.CSV_IMPORT.label not in offered


def test_asking_for_a_source_the_consultation_lacks_says_so(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"source": "csv_import"}).get_data(as_text=True)
    assert 'id="found">Nothing found</h2>' in html
    # The heading says nothing was found: the line under it says what to do, not that again.
    assert "Try other words, or fewer filters." in html and "Nothing matched" not in html
    assert "This consultation has no imported survey answers" in html
    # The select still shows what was asked for, not "Any source".
    assert re.search(r'<option[^>]*value="csv_import"[^>]*selected', html)


def test_an_unknown_kind_of_source_is_named_as_an_error(auth, analysed, consultation):
    # "?source=podcast" silently found nothing, as if the consultation had no such words.
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.get(f"/consultations/{consultation.id}/search",
                               query_string={"q": "housing", "source": "<b>podcast</b>"})
    html = response.get_data(as_text=True)
    assert "govuk-error-summary" in html
    assert "“&lt;b&gt;podcast&lt;/b&gt;” is not a kind of source" in html
    assert 'id="found"' not in html


def test_the_heading_counts_members_words_and_document_passages_apart(auth, analysed,
                                                                       consultation):
    # "3 segments found" counted a document's passage as if a member had said it.
    from tests.analysis.views.test_search import _add

    _add(consultation.id, "Officers should stop breaching people for one missed appointment.")
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "breaching"}).get_data(as_text=True)
    said = html.count('<li class="fv-evidence">') - 1  # all but the document's passage
    assert said > 1
    assert f'id="found">{said} things members said and 1 document passage found</h2>' in html
    assert "segments found" not in html
    only_documents = auth.client.get(f"/consultations/{consultation.id}/search",
                                     query_string={"source": "document"}).get_data(as_text=True)
    assert 'id="found">1 document passage found</h2>' in only_documents

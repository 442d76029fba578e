"""Who said a segment and where, as theme, mapping and search pages show it."""
from __future__ import annotations

from analysis.views.segment_info import describe
from forum.extensions import db
from forum.models import SegmentSource
from tests.analysis.views.test_coding import document, segment


def test_a_document_passage_is_named_by_its_document(demo):
    # It read "Public document · Document": one thing said twice, and not which document.
    _doc, (passage,) = document("Westmarsh police and crime plan", ["We will fund a gate service."])
    db.session.commit()
    (view,) = describe([passage])
    assert view.who == "Public document"
    assert view.source == "Document: Westmarsh police and crime plan"


def test_a_survey_answer_without_a_member_is_not_called_a_public_document(demo):
    answer = segment(SegmentSource.SURVEY, 1, "Nobody met me at the gate.")
    db.session.commit()
    (view,) = describe([answer])
    assert view.who == "Anonymous answer"

"""Issue #14 point 3: a kind of source has one name, the same on every page and in data files."""
import re

from forum.access import Role
from forum.models.segments import SOURCE_LABELS, SegmentSource


def test_the_consultation_page_names_sources_as_segments_and_filters_do(auth, demo):
    auth.login(Role.POLICY_OFFICER)

    html = auth.client.get("/consultations/1").get_data(as_text=True)

    row = r'<tr class="govuk-table__row"><td class="govuk-table__cell">([^<]+)</td>'
    kinds = set(re.findall(row + r'<td class="govuk-table__cell"><a', html))
    assert {SegmentSource.TRANSCRIPT.label, SegmentSource.SURVEY.label} <= kinds
    assert kinds <= set(SOURCE_LABELS.values())

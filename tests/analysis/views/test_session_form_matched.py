"""The focus group's own form and attendance added by matching a speaker. Saved as it came (the
matched member's box ticked, as every attending member's is), the member stays 'added by
matching', so correcting the match still takes them off. A box the facilitator ticks for a
member who was not shown as attending is theirs: kept whatever the match becomes."""
import lxml.html

from tests.analysis.views.test_speakers_attendance import _match, _session_nobody_attended
from tests.analysis.views.test_speakers_corrected import STAFF, _attending, _members, _uploaded

HINT = "Added by matching them to a speaker in a transcript: they come off if that match changes"


def _form(auth, session) -> tuple[str, list[tuple[str, str]]]:
    page = auth.client.get(f"/sessions/{session.id}/edit").get_data(as_text=True)
    form = lxml.html.fromstring(page).xpath("//form[.//input[@name='title']]")[0]
    return page, list(form.form_values())


def _send(auth, session, values) -> None:
    response = auth.client.post(f"/sessions/{session.id}/edit", data=_multi(values))
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]


def _multi(values):
    data: dict[str, list[str]] = {}
    for name, value in values:
        data.setdefault(name, []).append(value)
    return data


def test_saving_the_form_unchanged_keeps_the_member_added_by_matching(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    transcript = _uploaded(auth, session)
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    page, values = _form(auth, session)
    assert ("member_ids", str(kestrel.id)) in values  # shown as attending
    assert HINT in page
    _send(auth, session, values)
    assert _attending(session.id) == ["Kestrel"]
    _match(auth, transcript, {**STAFF, "Dave": "unmatched", "Marcia": "unmatched"})
    assert _attending(session.id) == []


def test_a_box_the_facilitator_ticks_keeps_the_member_whatever_the_match(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    transcript = _uploaded(auth, session)
    # The form was opened before the match was made: Kestrel's box was not ticked.
    page, values = _form(auth, session)
    assert ("member_ids", str(kestrel.id)) not in values and HINT not in page
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    _send(auth, session, [*values, ("member_ids", str(kestrel.id))])
    page, _values = _form(auth, session)
    assert HINT not in page  # theirs now, not the match's
    _match(auth, transcript, {**STAFF, "Dave": "unmatched", "Marcia": "unmatched"})
    assert _attending(session.id) == ["Kestrel"]


def test_unticked_and_ticked_again_it_is_the_facilitators(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    transcript = _uploaded(auth, session)
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    _page, values = _form(auth, session)
    _send(auth, session, [v for v in values if v != ("member_ids", str(kestrel.id))])
    assert _attending(session.id) == []
    _page, values = _form(auth, session)
    _send(auth, session, [*values, ("member_ids", str(kestrel.id))])
    _match(auth, transcript, {**STAFF, "Dave": "unmatched", "Marcia": "unmatched"})
    assert _attending(session.id) == ["Kestrel"]

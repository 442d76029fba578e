"""The codebook editor: seeded once, search terms checked, typed text kept, order and delete."""
import pytest
from sqlalchemy import func, select

from analysis.core.themes.guide import load_codebook
from analysis.models import CodebookEntry
from analysis.services.codebook import (
    codebook_entries,
    consultation_codebook,
    ensure_codebook,
    search_term_errors,
)
from forum.access import Role
from forum.extensions import db


def test_codebook_is_seeded_from_the_default_once(demo):
    defaults = load_codebook().names()
    entries = ensure_codebook(1)
    assert [e.name for e in entries] == defaults and [e.position
        for e in entries] == list(range(1, len(defaults) + 1))
    db.session.delete(entries[0])
    db.session.commit()
    assert [e.name for e in ensure_codebook(1)] == defaults[1:]
    assert consultation_codebook(1).names() == defaults[1:]
    assert ensure_codebook(2)[0].consultation_id == 2


@pytest.mark.parametrize("term, problem", [
    ("re:(unclosed", "this pattern is not valid: a ( bracket is not closed"),
    ("re:[abc", "a [ bracket is not closed"),
    ("re:*abc", "has nothing before it to repeat"),
    ("re:(?<=a+)b",
     "check its brackets and special characters (look-behind requires fixed-width pattern)"),
    ("re:", "type a pattern after “re:”"),
    ("re:x*", "matches empty text"),
    ("re:(?<=a)b", "look-ahead and look-behind"),
    ("re:(\\w+) \\1", "a back-reference"),
    ("ev*ict", "put * only at the end of a word"),
    ("*", "needs at least one letter"),
])
def test_bad_search_terms_are_named_with_their_line(term, problem):
    errors = search_term_errors(["housing", term])
    assert len(errors) == 1 and errors[0].startswith("Line 2") and problem in errors[0]


def test_good_search_terms_pass():
    assert search_term_errors(["homeless*", "rough sleeping", r"re:section 13[56]", "re:\\bIOM\\b",
                               "re:(a+)+$"]) == []  # RE2 runs nested repeats in linear time


def form(**values):
    return {"name": "", "description": "", "examples": "", "search_terms": "", **values}


def test_invalid_pattern_shows_next_to_the_field_and_keeps_what_was_typed(auth, demo):
    auth.login(Role.POLICY_OFFICER)
    auth.client.get("/consultations/1/codebook/")
    before = db.session.scalar(select(func.count(CodebookEntry.id)))
    response = auth.client.post("/consultations/1/codebook/new", data=form(
        name="Women <as> offenders", description="Women in the justice system",
        examples="women's centre\nmothers in prison", search_terms="women\nre:(mother"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="search_terms-error"' in html
    assert "Line 2 (“re:(mother”): this pattern is not valid" in html
    assert 'value="Women &lt;as&gt; offenders"' in html
    assert "women\nre:(mother</textarea>" in html and "mothers in prison" in html
    assert db.session.scalar(select(func.count(CodebookEntry.id))) == before


def test_add_edit_move_and_delete_a_code(auth, demo):
    auth.login(Role.FACILITATOR)
    auth.client.get("/consultations/1/codebook/")
    response = auth.client.post("/consultations/1/codebook/new", data=form(
        name="Women as offenders", examples="women's centre\n\nwomen's centre",
        search_terms="women*\n re:mothers? \n"))
    assert response.status_code == 302
    entry = codebook_entries(1)[-1]
    assert (entry.name, entry.examples, entry.search_terms) == (
        "Women as offenders", ["women's centre"], ["women*", "re:mothers?"])
    clash = auth.client.post(f"/consultations/1/codebook/{entry.id}",
                             data=form(name="housing and HOMELESSNESS"))
    assert "Another code already has this name" in clash.get_data(as_text=True)
    auth.client.post(f"/consultations/1/codebook/{entry.id}",
                     data=form(name="Women", search_terms="women"))
    db.session.refresh(entry)
    assert entry.name == "Women" and entry.search_terms == ["women"]
    auth.client.post(f"/consultations/1/codebook/{entry.id}/move", data={"direction": "up"})
    names = [e.name for e in codebook_entries(1)]
    assert names[-2] == "Women"
    first = codebook_entries(1)[0]
    auth.client.post(f"/consultations/1/codebook/{first.id}/move", data={"direction": "up"})
    assert codebook_entries(1)[0].id == first.id
    assert "Delete the code “Women”?" in auth.client.get(
        f"/consultations/1/codebook/{entry.id}/delete").get_data(as_text=True)
    auth.client.post(f"/consultations/1/codebook/{entry.id}/delete")
    assert "Women" not in [e.name for e in codebook_entries(1)]


def test_a_code_of_another_consultation_is_not_found(auth, demo):
    auth.login(Role.POLICY_OFFICER)
    other = ensure_codebook(2)[0]
    assert auth.client.get(f"/consultations/1/codebook/{other.id}").status_code == 404
    assert auth.client.post(f"/consultations/1/codebook/{other.id}/delete").status_code == 404


def test_the_list_shows_codes_and_explains_terms(auth, demo):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get("/consultations/1/codebook/").get_data(as_text=True)
    assert "Housing and homelessness" in html and "homeless*" in html
    edit = auth.client.get("/consultations/1/codebook/new").get_data(as_text=True)
    assert "“evict*” finds “evicted”, “eviction” and “evicting”" in edit
    assert "re:section 13[56]" in edit

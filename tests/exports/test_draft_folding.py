"""The draft's questions fold into an accordion: one line each until one needs the officer.

Open, the demo draft was some 14,170 px tall at 768 wide."""
import re

from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db
from tests.exports.test_views import _form, _url

SECTION = re.compile(r'<section class="govuk-accordion__section'
                     r'( govuk-accordion__section--expanded)?" id="section-(Q\d+)"')


def _open(page: str) -> dict[str, bool]:
    return {label: bool(expanded) for expanded, label in SECTION.findall(page)}


def test_every_question_is_one_line_saying_where_it_stands(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    shown = _open(page)
    assert len(shown) == len(current_draft(forum.consultation.id).sections) > 1
    assert not any(shown.values())
    assert 'data-remember-expanded="true"' in page  # what the officer opened stays open
    assert "Not answered" in page


def test_moving_a_quote_comes_back_to_its_question_open(forum, auth, officer):
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    for name in ("Amber", "Fern"):
        add_quote(q2, forum.segments[name].id, officer)
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post(_url(forum), data=_form(draft, action=f"down:{q2.quotes[0].id}"))
    assert response.status_code == 302
    page = auth.client.get(response.headers["Location"]).get_data(as_text=True)
    assert _open(page)["Q2"] and sum(_open(page).values()) == 1
    assert 'data-remember-expanded="false"' in page  # the page says what to open this time
    picker = auth.client.get(_url(forum, f"/questions/{q2.question_id}/quotes")).get_data(
        as_text=True)
    assert f"draft?open={q2.question_id}#section-Q2" in picker  # "Back to the draft"


def test_a_question_with_an_error_or_a_changed_quote_is_open(forum, auth, officer):
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    q3 = next(s for s in draft.sections if s.question.number != "2")
    add_quote(q2, forum.segments["Amber"].id, officer)
    q2.quotes[0].text = "When I got out I was given a flat."
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    assert [label for label, is_open in _open(auth.client.get(_url(forum)).get_data(
        as_text=True)).items() if is_open] == ["Q2"]
    response = auth.client.post(_url(forum), data=_form(
        draft, **{f"section-{q3.id}-easy-read": "word " * 40}))
    assert response.status_code == 400
    shown = _open(response.get_data(as_text=True))
    assert shown[q3.question.label] and shown["Q2"]


PART = re.compile(r'<section class="govuk-accordion__section'
                  r'( govuk-accordion__section--expanded)?" id="part-([a-z]+)"')


def test_the_cover_about_us_and_introduction_fold_too_and_open_on_an_error(forum, auth):
    """Above the first question were some 2,700 px of boxes most often filled in once."""
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    assert dict((name, bool(expanded)) for expanded, name in PART.findall(page)) == {
        "cover": False, "about": False, "intro": False}
    draft = current_draft(forum.consultation.id)
    response = auth.client.post(_url(forum), data=_form(draft, title=""))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert dict((name, bool(expanded)) for expanded, name in PART.findall(page)) == {
        "cover": True, "about": False, "intro": False}


ACCORDION = re.compile(r'<div class="govuk-accordion"[^>]*>')


def test_each_accordion_names_its_own_show_all_and_hide_all_buttons(forum, auth):
    """GOV.UK's script writes "Show all sections" on every accordion unless told otherwise:
    a screen reader heard two identical buttons on the draft page."""
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    accordions = ACCORDION.findall(page)
    assert len(accordions) >= 2
    for which in ("show", "hide"):
        named = re.compile(rf'data-i18n\.{which}-all-sections="([^"]+)"')
        names = [named.search(tag) for tag in accordions]
        assert all(names), accordions
        texts = [name.group(1) for name in names if name]
        assert len(set(texts)) == len(texts) and all(t != "Show all sections" for t in texts)


EASY_READ = re.compile(r'<section class="govuk-accordion__section'
                       r'( govuk-accordion__section--expanded)?" id="easy-read-([a-z]+)"')


def _fold(page: str, element_id: str) -> str:
    fold = page[page.index(f'id="{element_id}"'):]
    return fold[:fold.index("</section>")]


def test_the_what_we_did_boxes_fold_and_still_save(forum, auth, officer):
    """Always open, the Easy Read boxes were some 1,300 px at the foot of the demo draft."""
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    add_quote(q2, forum.segments["Amber"].id, officer)
    db.session.commit()
    key = f"q{q2.question_id}"
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    assert {name: bool(expanded) for expanded, name in EASY_READ.findall(page)} == {
        "intro": False, "done": False}
    # The boxes are inside their closed folds, so in the form and posted with it.
    assert 'name="easy_read_intro"' in _fold(page, "easy-read-intro")
    done = _fold(page, "easy-read-done")
    assert f'name="easy_read_done-{key}"' in done and "0 of 1 written" in done
    form = page.index('id="draft-form"')
    assert form < page.index('id="easy-read-done"') < page.index("</form>", form)
    response = auth.client.post(_url(forum), data=_form(
        draft, **{f"easy_read_done-{key}": "We asked for homes on the day."}))
    assert response.status_code == 302
    db.session.expire_all()
    assert draft.easy_read_done == {key: "We asked for homes on the day."}
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    assert "1 of 1 written" in _fold(page, "easy-read-done")

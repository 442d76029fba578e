"""The editor over HTTP: save, errors keep typing, autosave, conflicts, picker, history."""
import re

from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db


def _form(draft, **changes):
    data = {"revision": str(draft.revision), "title": draft.title,
            "organisation": draft.organisation,
            "contact": draft.contact, "about": draft.about, "introduction": draft.introduction,
            "summary": draft.summary, "recommendations": "\n".join(draft.recommendations),
            "easy_read_intro": "", "date-day": "14", "date-month": "3", "date-year": "2026"}
    for section in draft.sections:
        data[f"section-{section.id}-text"] = section.text
    data.update(changes)
    return data


def _url(forum, tail=""):
    return f"/consultations/{forum.consultation.id}/draft{tail}"


def test_the_editor_shows_every_question_and_saves(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    assert "Q2. How can housing on release be improved?" in page and "Q7." in page
    assert "This response draws on what 8 forum members" in page
    draft = current_draft(forum.consultation.id)
    section = draft.sections[0]
    response = auth.client.post(_url(forum), data=_form(
        draft, summary="Members want homes.", recommendations="One\n\nTwo",
        **{f"section-{section.id}-text": "Housing first.",
           f"section-{section.id}-themes": [str(forum.themes[0].id)]}))
    assert response.status_code == 302
    db.session.expire_all()
    assert (draft.summary, draft.recommendations, section.text) == ("Members want homes.",
        ["One", "Two"], "Housing first.")
    assert section.theme_ids == [forum.themes[0].id] and draft.date.isoformat() == "2026-03-14"


def test_a_bad_form_keeps_what_was_typed_and_saves_nothing(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    response = auth.client.post(_url(forum),
                                data=_form(draft, title="", summary="Typed <b>text</b>",
                                                        **{"date-day": "31", "date-month": "2"}))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter a title for the response" in page and "Enter a real date" in page
    assert "Typed &lt;b&gt;text&lt;/b&gt;" in page
    db.session.expire_all()
    assert draft.revision == 1 and draft.summary == ""


def test_autosave_returns_the_new_revision(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    response = auth.client.post(_url(forum, "/autosave"),
                                data=_form(draft, summary="Autosaved words"))
    assert response.status_code == 200
    assert response.json["saved"] is True and response.json["revision"] == 2
    db.session.expire_all()
    assert draft.summary == "Autosaved words" and draft.versions[0].note == "Autosaved"
    stale = auth.client.post(_url(forum, "/autosave"), data=_form(draft, revision="1"))
    assert stale.status_code == 409 and stale.json["conflict"] is True
    assert auth.client.post(_url(forum, "/autosave"), data={"summary": "x"}).status_code == 400


def test_the_second_editor_is_warned_with_the_other_change(forum, app, auth, users):
    draft = current_draft(forum.consultation.id)
    opened_at = draft.revision
    from flask import g

    from tests.conftest import Auth

    admin = app.test_client()
    Auth(admin).login(Role.ADMIN)  # completes the two-factor step too
    assert admin.post(_url(forum),
                      data=_form(draft, summary="The admin's summary")).status_code == 302
    # both clients share the test's app context, where the user is cached
    g.pop("_login_user", None)
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post(_url(forum),
                                data=_form(draft, revision=str(opened_at), summary="Mine"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Test Admin saved this draft" in page and "The admin&#39;s summary" in page
    assert ">Mine</textarea>" in page  # what I typed is still there
    db.session.expire_all()
    assert draft.summary == "The admin's summary"
    revision = re.search(r'name="revision" id="revision" value="(\d+)"', page).group(1)
    assert auth.client.post(_url(forum),
                            data=_form(draft, revision=revision, summary="Mine")).status_code == 302
    db.session.expire_all()
    assert draft.summary == "Mine"


def test_my_own_save_from_another_tab_is_not_called_someone_elses(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    opened_at = draft.revision
    assert auth.client.post(_url(forum), data=_form(draft, summary="Tab one")).status_code == 302
    response = auth.client.post(_url(forum),
                                data=_form(draft, revision=str(opened_at), summary="Tab two"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and ">Tab two</textarea>" in page
    assert "Someone else" not in page
    assert "You saved this draft" in page and "another tab or window" in page


def test_picking_searching_and_ordering_quotes(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    url = _url(forum, f"/questions/{q2.question_id}/quotes?theme={forum.themes[0].id}")
    page = auth.client.get(url).get_data(as_text=True)
    assert "nowhere to go" in page and "hostel" in page
    assert "REFUSER-SECRET" not in page and "HELD-WORDS" not in page
    page = auth.client.get(
        _url(forum, f"/questions/{q2.question_id}/quotes?q=HOSTEL+nights")).get_data(as_text=True)
    assert "hostel" in page and "nowhere to go" not in page
    for name in ("Amber", "Fern"):
        response = auth.client.post(_url(forum, f"/questions/{q2.question_id}/quotes/add"),
                                    data={"segment_id": forum.segments[name].id})
        assert response.status_code == 302
    refused = auth.client.post(_url(forum, f"/questions/{q2.question_id}/quotes/add"),
                               data={"segment_id": forum.segments["Refuser"].id},
                               follow_redirects=True)
    assert "cannot be quoted" in refused.get_data(as_text=True)
    db.session.expire_all()
    fern = q2.quotes[1]
    auth.client.post(_url(forum), data=_form(draft, action=f"up:{fern.id}",
                                             **{f"quote-{fern.id}-text": "The hostel was full of "
                                                                         "drugs..."}))
    db.session.expire_all()
    assert [q.segment_id for q in q2.quotes] == [forum.segments["Fern"].id,
                                                 forum.segments["Amber"].id]
    assert q2.quotes[0].text == "The hostel was full of drugs..."
    response = auth.client.post(_url(forum), data=_form(draft, action=f"pick:{q2.question_id}"))
    assert response.headers["Location"].endswith(f"/questions/{q2.question_id}/quotes")


def test_a_changed_quote_is_flagged_in_the_editor(forum, auth, officer):
    from exports.services.draft_quotes import add_quote

    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    add_quote(q2, forum.segments["Amber"].id, officer)
    q2.quotes[0].text = "When I got out I was given a flat."
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    assert "no longer match what the member said" in page


def test_history_restore_and_notices(forum, auth, officer):
    from exports.services.draft_quotes import add_quote
    from forum.services.members import withdraw_consent

    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    auth.client.post(_url(forum), data=_form(draft, summary="Version one"))
    db.session.expire_all()
    auth.client.post(_url(forum), data=_form(draft, summary="Version two"))
    page = auth.client.get(_url(forum, "/versions")).get_data(as_text=True)
    assert page.count("Restore<span") == 1 and "Version one" in page
    db.session.expire_all()
    old = draft.versions[1]
    response = auth.client.post(_url(forum, f"/versions/{old.id}/restore"),
                                data={"revision": draft.revision})
    assert response.status_code == 302
    db.session.expire_all()
    assert draft.summary == "Version one"
    add_quote(next(s for s in draft.sections if s.question.number == "2"),
              forum.segments["Quitter"].id, officer)
    withdraw_consent(forum.members["Quitter"], None)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    assert "Quotes were taken out of Q2 because a member withdrew" in page
    notice = draft.notices[0]
    auth.client.post(_url(forum, f"/notices/{notice.id}/dismiss"))
    assert "Quotes were taken out" not in auth.client.get(_url(forum)).get_data(as_text=True)


def test_what_we_did_boxes_are_saved_by_theme_or_question(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    theme, question = forum.themes[0], draft.sections[0].question_id
    auth.client.post(_url(forum),
                     data=_form(draft, **{f"easy_read_done-{theme.id}": "We asked for homes.",
                                                       f"easy_read_done-q{question}": "We wrote to "
                                                                                      "them.",
                                                       "easy_read_done-x": "ignored"}))
    db.session.expire_all()
    assert draft.easy_read_done == {str(theme.id): "We asked for homes.",
                                    f"q{question}": "We wrote to them."}


def _elm_answers_q7_by_the_models_map(forum):
    """Elm's words: no person's link, the analysis mapped them to Q7; in "Continuity of care"."""
    from analysis.models import SegmentQuestionMap, ThemeSegment

    elm = forum.segments["Elm"]
    q7 = next(q for q in forum.consultation.questions if q.number == "7")
    elm.question_id = None
    db.session.add(SegmentQuestionMap(segment_id=elm.id, question_id=q7.id, confidence=0.8))
    db.session.add(ThemeSegment(theme_id=forum.themes[1].id, segment_id=elm.id))
    db.session.commit()
    return q7


def test_a_section_offers_the_themes_and_quotes_heard_for_its_question_first(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    q7 = _elm_answers_q7_by_the_models_map(forum)
    housing, continuity = forum.themes
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question_id == q7.id)

    editor = auth.client.get(_url(forum)).get_data(as_text=True)
    box = editor[editor.index(f'id="section-{section.id}-heading"'):]
    assert box.index(f"section-{section.id}-theme-{continuity.id}") < box.index(
        f"section-{section.id}-theme-{housing.id}")
    # Counted in segments, and it says so ("1 said" read as one member).
    assert "(1 segment answers Q7)" in box

    picker = auth.client.get(_url(forum, f"/questions/{q7.id}/quotes")).get_data(as_text=True)
    # mapped by the analysis, not tagged by a person
    assert "Women need women-only spaces" in picker
    assert "Q7 (suggested)" in picker
    assert '<optgroup label="In answers to Q7">' in picker
    assert picker.index(f'value="{continuity.id}"') < picker.index(f'value="{housing.id}"')
    themed = auth.client.get(
        _url(forum, f"/questions/{q7.id}/quotes?theme={continuity.id}")).get_data(as_text=True)
    # Birch is the theme's first quote, but Elm answered Q7, so Elm comes first here.
    assert themed.index("Women need women-only") < themed.index("probation officer changed")


def test_choosing_part_of_a_segment_keeps_the_words_when_they_do_not_match(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    url = _url(forum, f"/questions/{q2.question_id}/quotes/add")
    amber = forum.segments["Amber"].id
    refused = auth.client.post(url, data={"segment_id": amber, "words": "nowhere to sleep"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Those words are not exactly what the member said" in page
    assert ">nowhere to sleep</textarea>" in page  # what was typed stays
    # The page opens at its top, far from the quote: a summary there says what went wrong and
    # links to the box (the reason was only beside the box, below the fold).
    summary = page.index("govuk-error-summary")
    assert summary < page.index("<h1") and f'href="#words-{amber}"' in page[summary:]
    assert "<title>Error: Add quotes to Q2" in page
    added = auth.client.post(url, data={"segment_id": amber, "words": "I had nowhere to go."})
    assert added.status_code == 302 and added.headers["Location"].endswith(f"#pick-{amber}")
    db.session.expire_all()
    # Chosen from mid-sentence, with words after it: dots mark both cuts.
    assert [q.text for q in q2.quotes] == ["... I had nowhere to go. ..."]


def test_an_unchecked_suggested_theme_name_is_warned_of_and_never_printed_as_one(forum, auth,
                                                                                 officer):
    from analysis.services import theme_edits
    from exports.services.downloads import export_file
    from tests.exports.conftest import pdf_pages_text, squash

    auth.login(Role.POLICY_OFFICER)
    theme = forum.themes[0]
    theme.label_by = "suggested"  # a code's name no code fits: pages say "Suggested: ..."
    draft = current_draft(forum.consultation.id)
    section = draft.sections[0]
    section.text, section.theme_ids = "Housing first.", [theme.id]
    db.session.commit()
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    warning = page[page.index('id="unchecked-labels"'):].split("</div>")[0]
    assert "only a codebook suggestion" in warning and theme.label in warning
    assert f"/themes/{theme.id}" in warning
    assert f"Suggested: {theme.label}" in page  # the theme boxes say so as every page does
    pdf = squash(" ".join(pdf_pages_text(export_file(forum.consultation.id, "pdf")[0])))
    assert squash(theme.label) in pdf and "Suggested" not in pdf

    theme_edits.rename(theme, theme.label, officer)  # a person keeps the name
    assert 'id="unchecked-labels"' not in auth.client.get(_url(forum)).get_data(as_text=True)


def test_each_question_takes_a_plain_easy_read_heading_kept_with_the_draft(forum, auth, officer):
    """Typed next to the question, saved, printed in the Easy Read PDF and kept in history."""
    from exports.services.draft_quotes import add_quote
    from tests.exports.conftest import pdf_pages_text

    auth.login(Role.POLICY_OFFICER)
    draft = current_draft(forum.consultation.id)
    q5 = next(s for s in draft.sections if s.question.number == "5")
    add_quote(q5, forum.segments["Dove"].id, officer)
    page = auth.client.get(_url(forum)).get_data(as_text=True)
    name = f"section-{q5.id}-easy-read"
    assert f'name="{name}"' in page and "Say it in plain words, 10 words or fewer" in page
    assert page.index("Q5. What would help") < page.index(f'name="{name}"') < page.index(
        f'name="section-{q5.id}-text"')  # next to its question, before the answer
    too_long = auth.client.post(_url(forum), data=_form(draft, **{name: "word " * 30}))
    assert too_long.status_code == 400 and "Easy Read heading for Q5 must be" in (
        too_long.get_data(as_text=True))
    db.session.expire_all()
    auth.client.post(_url(forum), data=_form(draft, **{name: " Getting a job <b>now</b> "}))
    db.session.expire_all()
    assert q5.easy_read_heading == "Getting a job <b>now</b>"
    def saved_heading(version):
        return next(s["easy_read_heading"] for s in version.snapshot["sections"]
                    if s["question_id"] == q5.question_id)

    assert saved_heading(draft.versions[0]) == q5.easy_read_heading
    assert 'value="Getting a job &lt;b&gt;now&lt;/b&gt;"' in (
        auth.client.get(_url(forum)).get_data(as_text=True))
    pdf = auth.client.get(_url(forum, "/download/easyread")).data
    text = " ".join(pdf_pages_text(pdf))
    assert "Getting a job <b>now</b>" in text and "What would help people on probation" not in text
    auth.client.post(_url(forum), data=_form(draft))  # a form without the field keeps it
    db.session.expire_all()
    assert q5.easy_read_heading == "Getting a job <b>now</b>"
    auth.client.post(_url(forum), data=_form(draft, **{name: ""}))
    db.session.expire_all()
    assert q5.easy_read_heading == ""
    old = next(v for v in draft.versions if saved_heading(v))
    auth.client.post(_url(forum, f"/versions/{old.id}/restore"), data={"revision": draft.revision})
    db.session.expire_all()
    assert q5.easy_read_heading == "Getting a job <b>now</b>"

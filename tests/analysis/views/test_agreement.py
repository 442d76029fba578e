"""Blind coding: a sample of 30, coded without the app's choices, then agreement and fixes."""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.models import AgreementSample
from analysis.services.agreement import app_coding
from exports.services.evidence import gather_evidence, methods_paragraph
from forum.access import Role
from forum.extensions import db
from forum.models import Segment


def code_all(auth, consultation, sample, choose):
    """Code every segment of the sample; choose(segment_id, app) -> (theme ids, question)."""
    url = f"/consultations/{consultation.id}/agreement/{sample.id}/code"
    for _ in range(len(sample.items)):
        html = auth.client.get(url).get_data(as_text=True)
        segment_id = int(re.search(r'name="segment_id" value="(\d+)"', html).group(1))
        # Blind: nothing on the page is pre-chosen.
        # A theme's name may say "Suggested:" (the same on every passage): nothing else may.
        page = re.sub(r'<div id="themes-hint".*?</div>', "", html, flags=re.S)
        assert not re.search(r"<input[^>]*checked", html)
        assert "suggested" not in page.replace(">Suggested: ", ">").lower()
        themes, question = choose(segment_id, app_coding(consultation.id, [segment_id])[segment_id])
        auth.client.post(url, data={"segment_id": segment_id, "themes": [str(t) for t in themes],
                                    "question": question})
    return auth.client.get(url)


def draw(auth, consultation):
    response = auth.client.post(f"/consultations/{consultation.id}/agreement")
    assert response.status_code == 302
    return db.session.scalars(select(AgreementSample).order_by(AgreementSample.id.desc())).first()


def test_blind_coding_then_agreement_per_theme_overall_and_disagreements(auth, analysed,
                                                                         consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    assert len(sample.items) == 30
    result_url = f"/consultations/{consultation.id}/agreement/{sample.id}"
    # The figures stay hidden until the sample is coded.
    assert auth.client.get(result_url).status_code == 302
    flipped = {i.segment_id for i in sample.items[:6]}

    def choose(segment_id, app):
        themes, question = app
        if segment_id in flipped:
            return set(), "none"
        return themes, str(question) if question else "none"

    done = code_all(auth, consultation, sample, choose)
    assert done.status_code == 302 and done.headers["Location"].endswith(result_url)
    html = auth.client.get(result_url).get_data(as_text=True)
    assert "Disagreements to fix" in html and "95% interval" in html and "Per theme" in html
    ids = [i.segment_id for i in sample.items]
    app = app_coding(consultation.id, ids)
    mine = [None if s in flipped else app[s][1] for s in ids]
    from sklearn.metrics import cohen_kappa_score

    expected = cohen_kappa_score(["none" if x is None else str(x) for x in mine],
                                 ["none" if app[s][1] is None else str(app[s][1]) for s in ids])
    assert f"{expected:.2f}" in html
    differing = sum(1 for s in flipped if app[s][0] or app[s][1] is not None)
    assert f"Disagreements to fix ({differing})" in html
    # The methods paragraph of the exported response states the agreement.
    paragraph = methods_paragraph(gather_evidence(consultation.id))
    assert "coded a random sample of 30 segments" in paragraph and "Cohen's kappa" in paragraph


def test_two_coders_see_their_kappa_and_a_fix_applies_the_question(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    code_all(auth, consultation, sample, lambda s, app: (app[0], str(app[1]) if app[1] else "none"))
    auth.logout()
    auth.login(Role.ADMIN)
    first = sample.items[0].segment_id
    app_first = app_coding(consultation.id, [first])[first][1]
    from forum.models import Question

    other = next(q for q in db.session.scalars(select(Question).where(
        Question.consultation_id == consultation.id)) if q.id != app_first)
    code_all(auth, consultation, sample,
             lambda s,
             app: (app[0], str(other.id) if s == first else (str(app[1]) if app[1] else "none")))
    html = auth.client.get(
        f"/consultations/{consultation.id}/agreement/{sample.id}").get_data(as_text=True)
    assert "You and Test Policy officer (30 segments both coded)" in html
    response = auth.client.post(f"/consultations/{consultation.id}/agreement/{sample.id}/fix",
                                data={"segment_id": first, "what": "question"})
    assert response.status_code == 302
    assert db.session.get(Segment, first).question_id == other.id


def test_a_coder_who_chose_no_question_can_take_that_choice(auth, analysed, consultation):
    # Choosing "None" for a segment the app linked to a question offered no button, and
    # the fix did nothing: a person's "answers none of them" is now a choice it can record.
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    linked = next(i.segment_id for i in sample.items
                  if app_coding(consultation.id, [i.segment_id])[i.segment_id][1] is not None)
    code_all(auth, consultation, sample, lambda s, app: (
        app[0], "none" if s == linked else (str(app[1]) if app[1] else "none")))
    result_url = f"/consultations/{consultation.id}/agreement/{sample.id}"
    html = auth.client.get(result_url).get_data(as_text=True)
    assert "Use: answers none of the questions" in html
    response = auth.client.post(f"{result_url}/fix",
                                data={"segment_id": linked, "what": "question"},
                                follow_redirects=True)
    assert "now answers none of the questions" in response.get_data(as_text=True)
    segment = db.session.get(Segment, linked)
    assert segment.question_id is None and segment.no_question is True


def test_a_small_consultation_cannot_draw_and_others_may_not_see(auth, consultation):
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post(f"/consultations/{consultation.id}/agreement",
                                follow_redirects=True)
    assert "A blind sample needs 30 usable segments" in response.get_data(as_text=True)
    for role in (Role.FACILITATOR, Role.PEER_RESEARCHER):
        auth.logout()
        auth.login(role)
        assert auth.client.get(f"/consultations/{consultation.id}/agreement").status_code == 403


def test_each_fix_button_names_its_own_disagreement(auth, analysed, consultation):
    from analysis.models import Theme

    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    theme_ids = list(db.session.scalars(
        select(Theme.id).where(Theme.consultation_id == consultation.id)))

    def choose(segment_id, app):
        # One theme the app did not choose, so every disagreement offers one "Move to" button.
        themes, _question = app
        return {next(t for t in theme_ids if t not in themes)}, "none"

    code_all(auth, consultation, sample, choose)
    html = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample.id}"
                           ).get_data(as_text=True)
    numbers = [int(n) for n in re.findall(r"\(disagreement (\d+)\)", html)]
    # Each button names the disagreement it sits in (a question's and a theme's may share one).
    assert numbers == sorted(numbers) and sorted(set(numbers)) == list(range(1, 31))


def test_the_audit_log_names_the_sample_drawn(auth, analysed, consultation):
    from forum.models.audit import AuditEvent

    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "agreement_sample_drawn")).one()
    assert (event.object_type, event.object_id) == ("AgreementSample", sample.id)


def test_a_deleted_practice_sample_is_never_reported(auth, analysed, consultation):
    from analysis.models import AgreementCode
    from forum.models.audit import AuditEvent

    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    code_all(auth, consultation, sample, lambda segment_id, app: (set(), "none"))
    assert "coded a random sample" in methods_paragraph(gather_evidence(consultation.id))
    sample_id = sample.id
    listing = auth.client.get(f"/consultations/{consultation.id}/agreement").get_data(
        as_text=True)
    assert f"/agreement/{sample_id}/delete" in listing
    # A link first asks: nothing is deleted until the question is answered.
    asked = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample_id}/delete")
    assert "This cannot be undone" in asked.get_data(as_text=True)
    assert db.session.get(AgreementSample, sample_id) is not None
    for role in (Role.FACILITATOR, Role.PEER_RESEARCHER):  # the analysing roles only
        auth.logout()
        auth.login(role)
        assert auth.client.post(
            f"/consultations/{consultation.id}/agreement/{sample_id}/delete").status_code == 403
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    done = auth.client.post(f"/consultations/{consultation.id}/agreement/{sample_id}/delete",
                            follow_redirects=True).get_data(as_text=True)
    assert "the response will not report it" in done
    db.session.expire_all()
    assert db.session.get(AgreementSample, sample_id) is None
    assert not db.session.scalars(select(AgreementCode).where(
        AgreementCode.sample_id == sample_id)).all()
    assert "coded a random sample" not in methods_paragraph(gather_evidence(consultation.id))
    assert db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "agreement_sample_deleted")).one().object_id == sample_id


def test_the_figures_are_explained_in_plain_english(auth, analysed, consultation):
    def explained(html):
        details = html.split('<details class="govuk-details"')[1].split("</details>")[0]
        assert "What do these numbers mean?" in details
        for words in ("<h3 class=\"govuk-heading-s\">F1</h3>", "Cohen's kappa</h3>",
                      "95% interval</h3>", "agreement you would get by luck",
                      "95 times in 100 it fell between the two numbers shown"):
            assert words in details, words

    auth.login(Role.POLICY_OFFICER)
    explained(auth.client.get(f"/consultations/{consultation.id}/agreement").get_data(as_text=True))
    sample = draw(auth, consultation)
    code_all(auth, consultation, sample, lambda _id, app: (app[0], str(app[1] or "none")))
    html = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample.id}"
                           ).get_data(as_text=True)
    explained(html)
    # The figures themselves are still there.
    assert re.search(r"<td class=\"govuk-table__cell\">1\.00 <span class=\"govuk-body-s\">"
                     r"\(95% interval 1\.00 to 1\.00\)", html)


def test_the_agreement_page_leads_back_to_the_consultation(auth, consultation):
    # Opened from the consultation page, its back link went to question mapping.
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/agreement").data.decode()
    assert re.search(rf'href="/consultations/{consultation.id}"[^>]*>\s*Back to the consultation',
                     html)


def test_the_page_is_named_in_plain_words_wherever_it_is_linked(auth, consultation):
    # New officers could not tell what "Agreement with an analyst" was for, or who the analyst
    # was: it is where they code a sample themselves and see how far the themes agree.
    auth.login(Role.POLICY_OFFICER)
    base = f"/consultations/{consultation.id}"
    url = f"{base}/agreement"
    pages = {path: auth.client.get(path).get_data(as_text=True)
             for path in (base, url, f"{base}/question-mapping")}
    assert f'href="{url}">Check the themes yourself</a>' in pages[base]
    assert '<h1 class="govuk-heading-l">Check the themes yourself</h1>' in pages[url]
    assert f'href="{url}">Check the themes and questions yourself</a>' in pages[
        f"{base}/question-mapping"]
    assert not any("analyst" in html.lower() for html in pages.values())


def test_a_missing_question_keeps_the_ticked_themes_and_a_save_redirects(auth, analysed,
                                                                        consultation):
    # Forgetting the question lost every theme ticked; and a save answered the POST with the
    # next segment's page, so Back showed the browser's "Confirm form resubmission".
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    url = f"/consultations/{consultation.id}/agreement/{sample.id}/code"
    html = auth.client.get(url).get_data(as_text=True)
    segment_id = re.search(r'name="segment_id" value="(\d+)"', html).group(1)
    theme_id = re.search(r'name="themes" type="checkbox" value="(\d+)"', html).group(1)
    refused = auth.client.post(url, data={"segment_id": segment_id, "themes": [theme_id]})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert f'name="segment_id" value="{segment_id}"' in page
    assert re.search(rf'value="{theme_id}" checked', page)
    assert "govuk-form-group--error" in page and 'href="#question-' in page
    saved = auth.client.post(url, data={"segment_id": segment_id, "themes": [theme_id],
                                        "question": "none"})
    assert saved.status_code == 302 and saved.headers["Location"] == url

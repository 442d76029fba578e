"""Builder pages: add, change, reorder, delete, publish, preview; wording warns but never blocks."""
import io
import re

from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from surveys.models import MediaKind, QuestionKind, Survey, SurveyMedia

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
       b"\x08\x06\x00\x00\x00\x1f\x15"
       b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
WAV = (b"RIFF$\x00\x00\x00WAVEfmt "
       + b"\x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00\x80>\x00\x00\x02\x00\x10\x00"
       + b"data\x00\x00\x00\x00")


def question_form(**fields):
    data = {"kind": "single_choice", "text": "Where did you sleep?", "help_text": "",
            "choices": "Hostel\nStreet",
            "consultation_question_id": "0", "show_if": "", "picture_alt": ""}
    data.update(fields)
    return data


def test_a_policy_officer_builds_and_publishes_a_survey(auth, consultation):
    auth.login(Role.POLICY_OFFICER)
    client = auth.client
    response = client.post("/surveys/new",
                           data={"consultation_id": consultation.id, "title": "Peer survey",
                                                  "purpose": "We want to hear from you."})
    assert response.status_code == 302
    survey = db.session.scalar(select(Survey))
    base = f"/surveys/{survey.id}"
    response = client.post(f"{base}/questions/new", data=question_form(
        kind="yes_no", text="Did you breach your order?", extras=["prefer_not"],
        consultation_question_id=str(consultation.questions[0].id)), follow_redirects=True)
    assert response.status_code == 200
    page = response.data.decode()
    assert "Question 1 saved. 1 wording warning: see below." in page
    assert "‘breach’ may not be understood. Try: ‘breaking the rules of your order’." in page
    yes_no = survey.latest_version.questions[0]
    assert yes_no.kind == QuestionKind.YES_NO and yes_no.offer_prefer_not
    assert yes_no.question_id == consultation.questions[0].id
    client.post(f"{base}/questions/new", data=question_form(text="Where did you sleep?",
                                                             show_if=f"{yes_no.id}:yes"))
    client.post(f"{base}/questions/new",
                data=question_form(kind="free_text", text="Tell us more", choices=""))
    db.session.expire_all()
    texts = lambda: [q.text for q in survey.latest_version.questions]  # noqa: E731
    assert texts() == ["Did you breach your order?", "Where did you sleep?", "Tell us more"]
    assert survey.latest_version.questions[1].show_if_question_id == yes_no.id
    third = survey.latest_version.questions[2]
    client.post(f"{base}/questions/{third.id}/move", data={"direction": "up"})
    db.session.expire_all()
    assert texts() == ["Did you breach your order?", "Tell us more", "Where did you sleep?"]
    client.post(f"{base}/questions/{third.id}/delete")
    db.session.expire_all()
    assert texts() == ["Did you breach your order?", "Where did you sleep?"]
    page = client.get(base).data.decode()
    assert "Shown only if question 1 is ‘Yes’" in page and "Answers Q1" in page
    # 'breach' is jargon: publishing asks first, and publishes only when told to.
    asked = client.post(f"{base}/publish").data.decode()
    assert "Publish anyway?" in asked and "‘breach’ may not be understood" in asked
    db.session.expire_all()
    assert survey.published_version is None
    response = client.post(f"{base}/publish", data={"anyway": "1"}, follow_redirects=True)
    assert "Version 1 is published" in response.data.decode()
    db.session.expire_all()
    assert survey.published_version.number == 1
    assert f'href="/run/{survey.published_version.id}/"' in client.get(base).data.decode()


def test_changing_a_published_question_makes_a_new_version(auth, survey, version, questions):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/{questions[4].id}/edit",
                                data=question_form(kind="scale", text="How good was the help?",
                                                   choices=""))
    assert response.status_code == 302
    db.session.expire_all()
    assert [v.number for v in survey.versions] == [1, 2]
    assert version.questions[3].text == "How was the help?"
    assert survey.latest_version.questions[3].text == "How good was the help?"
    page = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert "Changes not published yet" in page and "Publish version 2" in page


def test_problems_are_shown_and_the_typing_is_kept(auth, survey):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/new",
                                data=question_form(text="Pick one", choices="Only one"))
    assert response.status_code == 200
    page = response.data.decode()
    assert "There is a problem" in page and "Give at least two choices" in page
    assert "Pick one</textarea>" in page
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(), "picture": (io.BytesIO(PNG), "house.png")},
        content_type="multipart/form-data")
    assert "Describe the picture" in response.data.decode()
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(picture_alt="A house"),
        "picture": (io.BytesIO(b"<svg onload=alert(1)>"), "x.svg")},
        content_type="multipart/form-data")
    assert "The picture must be a PNG, JPEG, GIF or WebP file" in response.data.decode()
    db.session.expire_all()
    assert len(survey.latest_version.questions) == 6


def test_a_chosen_picture_survives_the_form_coming_back_with_a_problem(auth, survey):
    # The file box came back empty ("No file chosen") and the picture had to be found again.
    auth.login(Role.FACILITATOR)
    url = f"/surveys/{survey.id}/questions/new"
    response = auth.client.post(url, data={
        **question_form(text="", kind="yes_no", choices=""),
        "picture": (io.BytesIO(PNG), "house.png")}, content_type="multipart/form-data")
    page = response.data.decode()
    assert response.status_code == 200 and "Enter the question" in page
    assert "Picture chosen: <strong>house.png</strong>" in page
    kept = re.search(r'name="picture_kept" type="hidden" value="(\d+)"|'
                     r'type="hidden" name="picture_kept" value="(\d+)"|'
                     r'name="picture_kept"[^>]*value="(\d+)"', page)
    assert kept, "the picture's id is not in the form"
    kept_id = next(group for group in kept.groups() if group)
    assert f'src="/run/media/{kept_id}"' in page
    # Second try: the question and alt text typed, no file chosen again.
    response = auth.client.post(url, data={
        **question_form(text="Is this your home?", kind="yes_no", choices="",
                        picture_alt="A small house"), "picture_kept": kept_id})
    assert response.status_code == 302, response.data[:2000]
    db.session.expire_all()
    question = survey.latest_version.questions[-1]
    assert question.text == "Is this your home?" and question.picture_id == int(kept_id)
    assert question.picture.content_type == "image/png"


def test_a_kept_picture_must_belong_to_the_survey(auth, survey, consultation):
    from surveys.services.surveys import create_survey

    other = create_survey(consultation, "Other survey", "")
    other_picture = SurveyMedia(survey_id=other.id, kind=MediaKind.PICTURE, filename="x.png",
                                content_type="image/png", size=1, sha256="0" * 64)
    db.session.add(other_picture)
    db.session.commit()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(text="Is this your home?", kind="yes_no", choices="",
                        picture_alt="A house"), "picture_kept": str(other_picture.id)})
    assert response.status_code == 302
    db.session.expire_all()
    assert survey.latest_version.questions[-1].picture_id is None


def test_pictures_and_audio_are_uploaded_and_served(app, auth, survey):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(kind="yes_no", text="Is this your home?", picture_alt="A small house",
                        choices=""),
        "picture": (io.BytesIO(PNG), "house.png"), "audio": (io.BytesIO(WAV), "q.wav")},
        content_type="multipart/form-data")
    assert response.status_code == 302, response.data[:2000]
    db.session.expire_all()
    question = survey.latest_version.questions[-1]
    assert question.picture.content_type == "image/png" and question.picture_alt == "A small house"
    assert question.audio.content_type == "audio/wav"
    served = auth.client.get(f"/run/media/{question.picture_id}")
    assert served.data == PNG and served.mimetype == "image/png"
    assert db.session.scalar(
        select(SurveyMedia).where(SurveyMedia.id == question.audio_id)).size == len(WAV)


def test_preview_shows_the_draft_exactly_as_the_tablet(auth, survey):
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/surveys/{survey.id}/preview/2").data.decode()
    assert 'data-preview="1"' in page and "data-runner" in page
    assert re.search(r'<h1 class="govuk-fieldset__heading">\s*Where did you sleep\?</h1>', page)
    assert "Question 2 of 6" in page and "this is how the tablet shows it" in page
    assert auth.client.get(f"/surveys/{survey.id}/preview/").status_code == 200
    assert auth.client.get(f"/surveys/{survey.id}/preview/99").status_code == 404


def test_peer_researchers_cannot_build(auth, survey):
    auth.login(Role.PEER_RESEARCHER)
    assert auth.client.get(f"/surveys/{survey.id}/questions/new").status_code == 403
    assert auth.client.post(f"/surveys/{survey.id}/publish").status_code == 403
    page = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert "Run on this tablet" in page and "Add a question" not in page


def test_only_survey_authors_see_the_reading_age_checks(auth, survey):
    # A peer researcher opening a survey to run it saw "Question: reading age about 7 – plain
    # enough." under every question: advice for whoever words the survey, not for them.
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert "Have you been to prison?" in page
    assert "reading age" not in page and "fv-readability" not in page
    for role in (Role.FACILITATOR, Role.POLICY_OFFICER, Role.ADMIN):
        auth.logout()
        auth.login(role)
        page = auth.client.get(f"/surveys/{survey.id}").data.decode()
        assert "Question: reading age about" in page, role


def test_a_consultation_page_says_where_its_first_survey_starts(auth, consultation):
    # A new consultation said "No surveys, focus groups or documents yet." and offered a
    # policy officer no way on from there: surveys were only reachable from the menu.
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    link = f"/surveys/new?consultation_id={consultation.id}"
    assert f'href="{link}">Build a survey for this consultation</a>' in html
    form = auth.client.get(link).data.decode()
    assert re.search(rf'<option[^>]*selected[^>]*value="{consultation.id}"|'
                     rf'<option[^>]*value="{consultation.id}"[^>]*selected', form)


def test_only_survey_builders_are_offered_a_survey(auth, consultation):
    auth.login(Role.PEER_RESEARCHER)
    html = auth.client.get(f"/consultations/{consultation.id}").data.decode()
    assert "Build a survey" not in html


def test_the_must_answer_hint_reads_before_its_box(auth, consultation):
    auth.login(Role.POLICY_OFFICER)
    auth.client.post("/surveys/new", data={"consultation_id": consultation.id, "title": "S",
                                           "purpose": "We want to hear from you."})
    survey = db.session.scalar(select(Survey))
    html = auth.client.get(f"/surveys/{survey.id}/questions/new").data.decode()
    hint = html.index("If this is not ticked, ‘Next’ with no answer asks ‘Skip this question?’")
    assert hint < html.index("The participant must answer this question")
    assert "Otherwise ‘Next’" not in html

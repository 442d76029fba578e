"""Deleting a survey question asks first: one tap on "Delete", 20 pixels from "Move down",
took the question out at once, and quietly dropped the skip logic of questions shown after it."""
from forum.access import Role
from forum.extensions import db


def test_delete_asks_first_and_says_what_else_changes(auth, survey):
    auth.login(Role.FACILITATOR)
    first = survey.published_version.questions[0]  # "Have you been to prison?"; q5 depends on it
    confirm = f"/surveys/{survey.id}/questions/{first.id}/delete"
    page = auth.client.get(f"/surveys/{survey.id}").data.decode()
    assert f'href="{confirm}"' in page  # a link to the question, not a form that deletes it
    assert f'action="{confirm}"' not in page
    page = auth.client.get(confirm).data.decode()
    assert "Delete question 1?" in page and "Have you been to prison?" in page
    assert "Question 5 is shown only if this question is answered" in page
    assert "It will be shown to everyone." in page
    assert f'action="{confirm}"' in page and 'href="/surveys/' in page  # and a way back
    db.session.expire_all()
    assert survey.latest_version.is_published  # asking changed nothing
    response = auth.client.post(confirm, follow_redirects=True)
    assert "Question deleted." in response.data.decode()
    db.session.expire_all()
    assert [q.text for q in survey.latest_version.questions][0] == "Where did you sleep?"


def test_only_those_who_build_surveys_are_asked(auth, survey):
    auth.login(Role.PEER_RESEARCHER)
    question = survey.published_version.questions[0]
    assert auth.client.get(
        f"/surveys/{survey.id}/questions/{question.id}/delete").status_code == 403

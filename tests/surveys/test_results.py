"""Results per question: counts, percentages, chart, demographic filters, small groups hidden."""
from forum.access import Role
from forum.models import Member
from forum.services.members import save_member
from surveys.services.devices import Tablet
from surveys.services.payload import VersionSpecs
from surveys.services.results import version_results
from surveys.services.sync import receive_response
from tests.surveys.conftest import make_payload


def send(version, questions, device, member=None, answers=None):
    body = make_payload(version, questions, member_id=member.id if member else None)
    body["answers"] = [{"question_id": questions[p].id, "value": v} for p, v in answers.items()]
    receive_response(Tablet(device.id, device.token_hash), body, VersionSpecs())


def fill(version, questions, tablet):
    """Six women (25-34), two men; two anonymous answers."""
    device, _ = tablet
    women = [save_member(Member(age_band="25-34", gender="Woman", lived_experience=["prison"]), "")
             for _ in range(6)]
    men = [save_member(Member(age_band="45-54", gender="Man", lived_experience=["probation"]), "")
           for _ in range(2)]
    for index, member in enumerate(women):
        send(version, questions, device, member, {1: "yes", 2: "hostel" if index < 4 else "street",
                                                   3: ["family", "charity"] if index % 2
                                                   else ["family"],
                                                   6: index})
    for member in men:
        send(version, questions, device, member, {1: "no", 2: "friend"})
    send(version, questions, device, None, {1: "prefer_not", 5: "<script>alert(1)</script>"})
    send(version, questions, device, None, {1: "yes"})


def test_counts_and_percentages(version, questions, tablet):
    fill(version, questions, tablet)
    results = version_results(version)
    assert results.responses == 10 and not results.hidden
    yes_no = results.questions[0]
    assert yes_no.answered == 10
    assert [(c.label, c.count, c.percent) for c in yes_no.choices] == [
        ("Yes", 7, 70.0), ("No", 2, 20.0), ("Prefer not to say", 1, 10.0)]
    single = results.questions[1]
    assert [(c.value, c.count) for c in single.choices] == [
        ("hostel", 4), ("friend", 2), ("street", 2), ("dont_know", 0)]
    multiple = results.questions[2]
    assert [(c.value, c.count, c.percent) for c in multiple.choices] == [
        ("family", 6, 100.0), ("probation", 0, 0.0), ("charity", 3, 50.0)]
    assert results.questions[5].numbers == {"median": 2.5, "lowest": 0, "highest": 5, "mean": 2.5}
    assert results.questions[4].texts == ["<script>alert(1)</script>"]


def test_filters_and_small_groups_are_hidden(version, questions, tablet):
    fill(version, questions, tablet)
    women = version_results(version, {"gender": "Woman"})
    assert women.responses == 6 and not women.hidden
    assert [c.count for c in women.questions[0].choices] == [6, 0, 0]
    assert women.filter_label == "Gender: Woman"
    men = version_results(version, {"gender": "Man"})
    assert men.hidden and men.responses == 2 and men.questions == []
    assert version_results(version,
                           {"lived_experience": "prison", "age_band": "25-34"}).responses == 6
    # Unknown filters or values are ignored rather than trusted.
    assert version_results(version, {"gender": "<b>", "colour": "red"}).filters == {}


def test_the_results_page(auth, survey, version, questions, tablet):
    fill(version, questions, tablet)
    auth.login(Role.FACILITATOR)
    page = auth.client.get(f"/surveys/{survey.id}/results").data.decode()
    assert '<svg class="fv-chart"' in page and 'role="img"' in page
    assert "Yes 7 (70.0%)" in page
    # Free text is shown to facilitators as text, never as markup.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    page = auth.client.get(f"/surveys/{survey.id}/results?gender=Man").data.decode()
    assert "Fewer than 5 people in this group answered" in page and "fv-chart" not in page
    auth.logout()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/surveys/{survey.id}/results").data.decode()
    assert "1 written answer" in page and "alert(1)" not in page
    auth.logout()
    auth.login(Role.PEER_RESEARCHER)
    assert auth.client.get(f"/surveys/{survey.id}/results").status_code == 403

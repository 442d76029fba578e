"""Packages above forum put their actions on the consultation page; the view's own roles decide."""
import pytest

from forum.access import Role, allow
from forum.services.actions import ConsultationAction, register_consultation_action
from tests.surveys.conftest import consultation  # noqa: F401  (fixture)


def _page(client, consultation_id):
    return client.get(f"/consultations/{consultation_id}").get_data(as_text=True)


def test_a_policy_officer_sees_drafting_evidence_and_themes(auth, client, consultation):
    auth.login(Role.POLICY_OFFICER)
    page = _page(client, consultation.id)
    for words in ("Draft the response", "Documents", "Codebook", "Themes in what members said",
                  "Search what members said"):
        assert words in page


def test_an_action_is_shown_only_to_roles_its_view_allows(app, auth, client, consultation):
    @allow(Role.ADMIN)
    def admin_only(consultation_id):
        return "secret"

    app.add_url_rule("/consultations/<int:consultation_id>/admin-only", "admin_only", admin_only)
    register_consultation_action(app,
                                 ConsultationAction("Evidence", "admin_only", "Admin-only tool"))
    auth.login(Role.FACILITATOR)
    assert "Admin-only tool" not in _page(client, consultation.id)
    auth.logout()
    auth.login(Role.ADMIN)
    assert "Admin-only tool" in _page(client, consultation.id)


def test_a_label_function_can_leave_an_action_off(app, auth, client, consultation):
    auth.login(Role.ADMIN)
    assert "survey answers before they are analysed" not in _page(client, consultation.id)


def test_an_unknown_group_is_refused(app):
    with pytest.raises(ValueError):
        register_consultation_action(app, ConsultationAction("Nowhere", "themes.index", "x"))


def test_preparing_survey_answers_is_offered_only_where_there_can_be_some(auth, client, demo):
    """A consultation just made from a pasted list offered 'Prepare new survey answers for
    analysis', with no survey and no imported answers to prepare."""
    from forum.extensions import db
    from forum.models import Consultation

    empty = Consultation(title="Resettlement: call for evidence",
                         consulting_body="Ministry of Justice")
    db.session.add(empty)
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    assert "Prepare new survey answers" not in _page(client, empty.id)
    assert "Prepare new survey answers" in _page(client, 1)  # the demo's, with its survey

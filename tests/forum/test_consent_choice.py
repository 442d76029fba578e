"""Recording consent is an explicit choice: "Record consent" with nothing ticked recorded
"Does not take part" without a word, easy to do by accident straight after adding a member.
Not taking part is a decision of its own, so it is an option the facilitator ticks."""
import re

from forum.access import Role
from forum.extensions import db
from forum.models import Member
from forum.services import members as service


def _new_member():
    return service.save_member(Member(lived_experience=[]), "")


def _consents(member_id):
    db.session.expire_all()
    return db.session.get(Member, member_id).consents


def test_nothing_ticked_is_refused_with_the_message_on_the_choices_keeping_the_note(auth):
    member = _new_member()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{member.id}/consent",
                                data={"note": "Phoned them on Tuesday"})
    html = response.data.decode()
    assert response.status_code == 200
    assert _consents(member.id) == []  # before: "Does not take part" recorded
    message = ("Choose what the member agrees to, or \u2018None of these\u2019 if they do not "
               "take part")
    summary = html.split('class="govuk-error-summary"', 1)[1].split("</div>", 1)[0]
    assert f'<a href="#take_part">{message}</a>' in summary
    group = re.search(r'<div class="govuk-form-group govuk-form-group--error">\s*'
                      r'<fieldset class="govuk-fieldset"[^>]*>(.*?)</fieldset>', html, re.S)
    assert group and message in group.group(1)
    assert 'aria-describedby="agrees-hint agrees-error"' in html
    assert "<title>Error: " in html
    assert "Phoned them on Tuesday</textarea>" in html


def test_not_taking_part_is_an_option_ticked_on_its_own(auth):
    member = _new_member()
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/members/{member.id}/consent").data.decode()
    assert '<div class="govuk-checkboxes__divider">or</div>' in html
    assert re.search(r'id="declines" name="declines" type="checkbox" value="y"[^>]*'
                     r'data-behaviour="exclusive"', html)
    response = auth.client.post(f"/members/{member.id}/consent",
                                data={"declines": "y", "note": "Said no"})
    assert response.status_code == 302
    [record] = _consents(member.id)
    assert not record.take_part and record.note == "Said no"
    assert db.session.get(Member, member.id).consent_state == "not_taking_part"


def test_none_of_these_with_another_box_is_refused(auth):
    # GOV.UK Frontend unticks the others when 'None of these' is ticked; without JavaScript
    # both could be sent, and which one was meant is not ours to guess.
    member = _new_member()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{member.id}/consent",
                                data={"declines": "y", "take_part": "y"})
    assert response.status_code == 200
    assert "Choose \u2018None of these\u2019 on its own" in response.data.decode()
    assert _consents(member.id) == []


def test_a_member_who_does_not_take_part_has_none_of_these_ticked_next_time(auth):
    member = _new_member()
    service.record_consent(member, None, take_part=False, may_quote=False,
                           may_quote_with_demographics=False, audio_recording=False)
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/members/{member.id}/consent").data.decode()
    assert re.search(r'id="declines" name="declines" type="checkbox" value="y" checked', html)
    assert not re.search(r'id="take_part" name="take_part" type="checkbox" value="y" checked',
                         html)


def test_none_of_these_after_taking_part_is_asked_again_then_recorded(auth):
    member = _new_member()
    service.record_consent(member, None, take_part=True, may_quote=True,
                           may_quote_with_demographics=False, audio_recording=False)
    auth.login(Role.FACILITATOR)
    url = f"/members/{member.id}/consent"
    html = auth.client.post(url, data={"declines": "y"}).data.decode()
    assert "This takes away" in html and len(_consents(member.id)) == 1
    response = auth.client.post(url, data={"declines": "y", "confirmed": "take_part,may_quote"})
    assert response.status_code == 302
    assert not db.session.get(Member, member.id).takes_part



def test_voice_recorded_without_taking_part_is_refused_not_recorded_as_declining(auth):
    # record_consent keeps audio only with taking part: 'Have their voice recorded' ticked
    # alone passed the form and was recorded as "Does not take part" without a word, the
    # very accident 'None of these' is there to stop.
    member = _new_member()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{member.id}/consent",
                                data={"audio_recording": "y", "note": "Recording only"})
    assert response.status_code == 200
    assert _consents(member.id) == []
    assert ("A member\u2019s voice can only be recorded if they agree to take part"
            in response.data.decode())

"""`flask demo load` printed 'Object of type <ConsentRecord> not in session, add operation
along Member.consents will not proceed': a consent was read before its record was added."""
import warnings

from sqlalchemy.exc import SAWarning

from forum.models import Member
from forum.services.members import record_consent, save_member, withdraw_consent


def test_recording_and_withdrawing_consent_warns_of_nothing(app):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SAWarning)
        member = save_member(Member(age_band="25-34"), "Member 70")
        record_consent(member, None, take_part=True, may_quote=True,
                       may_quote_with_demographics=False, audio_recording=False)
        change = withdraw_consent(member, None)
    assert change.record.withdrawn and not member.takes_part

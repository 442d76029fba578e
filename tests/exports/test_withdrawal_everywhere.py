"""An attacker's check of withdrawal: once a member withdraws, their words are on no page that
searches, groups, quotes or exports, for any staff role, at once.

Every GET route of the app is opened with the consultation's real ids (and searches for the
words), before and after the member withdraws through the web. Before, the words must be
found somewhere (or the crawl proves nothing); after, only on the pages that are about the
member or their transcript (a facilitator checks those; they are not analysis or quotes).
"""
from __future__ import annotations

import pytest

from analysis.models import AgreementItem, AgreementSample
from exports.services.downloads import FORMATS
from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db
from tests.exports.test_downloads import _text
from tests.forum.test_access import SIGN_OUTS

WORDS = ("QUITTER-WORDS", "losing my flat")
# Pages about the member or the transcript itself: the facilitator's record, not analysis.
ABOUT_THE_MEMBER = {"members.show", "members.subject_access", "transcripts.show",
                    "transcripts.review", "transcripts.speakers", "transcripts.safeguarding"}
SEARCHES = {"themes.search": "?q=losing+flat", "quotes.picker": "?q=flat"}


def _values(forum, draft) -> dict:
    quitter = forum.segments["Quitter"]
    section = next(s for s in draft.sections if s.question.number == "2")
    return {"consultation_id": forum.consultation.id, "theme_id": forum.themes[0].id,
            "segment_id": quitter.id, "member_id": forum.members["Quitter"].id,
            "session_id": forum.session.id, "transcript_id": quitter.source_id,
            "question_id": section.question.id, "turn_id": quitter.turn_id,
            "export_format": "csv", "source": f"transcript:{quitter.source_id}",
            "question": str(section.question.id)}


def _pages_saying(app, client, values) -> set[str]:
    found = set()
    for rule in app.url_map.iter_rules():
        if ("GET" not in rule.methods or rule.endpoint.endswith("static")
                or rule.endpoint in ABOUT_THE_MEMBER | SIGN_OUTS):
            continue
        if not set(rule.arguments) <= values.keys():
            continue
        url = rule.build({a: values[a] for a in rule.arguments})[1]
        response = client.get(url + SEARCHES.get(rule.endpoint, ""))
        body = response.get_data()
        text = body.decode("utf-8", "replace")
        if rule.endpoint.endswith("download") and response.status_code == 200:
            for fmt in FORMATS:
                data = client.get(rule.build({**{a: values[a] for a in rule.arguments},
                                              "export_format": fmt})[1]).get_data()
                text += _text(fmt, data)
        if any(word in text for word in WORDS):
            found.add(rule.endpoint)
    return found


@pytest.mark.parametrize("role", [Role.ADMIN, Role.POLICY_OFFICER, Role.FACILITATOR])
def test_a_withdrawn_members_words_leave_every_search_theme_quote_and_export_at_once(
        app, forum, officer, auth, role):
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    section.theme_ids = [t.id for t in forum.themes]
    db.session.commit()
    add_quote(section, forum.segments["Quitter"].id, officer)
    values = _values(forum, draft)
    # A blind-coding sample drawn before the withdrawal, Quitter's words first to code.
    sample = AgreementSample(consultation_id=forum.consultation.id, seed=1,
                             created_by_id=officer.id, practice=True)
    sample.items = [AgreementItem(segment_id=forum.segments[name].id, position=i)
                    for i, name in enumerate(["Quitter", "Amber"])]
    db.session.add(sample)
    db.session.commit()
    values["sample_id"] = sample.id
    auth.login(role)
    before = _pages_saying(app, auth.client, values)
    assert before - ABOUT_THE_MEMBER, "the crawl finds the words nowhere: it proves nothing"
    auth.logout()  # signing in over another role's session kept the first one
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{values['member_id']}/withdraw",
                                data={"note": ""})
    assert response.status_code == 302
    db.session.expire_all()
    assert not db.session.get(type(forum.members["Quitter"]), values["member_id"]).takes_part
    auth.logout()
    auth.login(role)
    after = _pages_saying(app, auth.client, values)
    assert after - ABOUT_THE_MEMBER == set(), sorted(after)

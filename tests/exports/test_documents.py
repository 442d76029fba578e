"""What reaches a ResponseDocument / EasyReadDocument: consent, checks, methods, figures."""
from datetime import date

from exports.models import DraftQuote
from exports.services.draft_quotes import add_quote
from exports.services.drafts import (
    CHANGED,
    NOT_QUOTABLE,
    check_quotes,
    current_draft,
    easy_read_document,
    response_document,
)
from forum.extensions import db
from forum.services.members import withdraw_consent


def _section(draft, number):
    return next(s for s in draft.sections if s.question.number == number)


def _all_text(doc) -> str:
    parts = [doc.methods] + [q.text + q.attribution for s in doc.sections for q in s.quotes]
    return "\n".join(parts + [s.text for s in doc.sections])


def test_a_new_draft_has_a_section_per_question_in_the_consultations_numbering(forum):
    draft = current_draft(forum.consultation.id)
    assert sorted(s.question.label for s in draft.sections) == ["Q2", "Q5", "Q7"]
    assert draft.title == "Response to Reducing reoffending"
    assert current_draft(forum.consultation.id).id == draft.id
    assert current_draft(999) is None


def test_unanswered_questions_are_left_out(forum, officer):
    draft = current_draft(forum.consultation.id)
    _section(draft, "5").text = "Work coaches who understand convictions help."
    add_quote(_section(draft, "2"), forum.segments["Amber"].id, officer)
    doc = response_document(draft)
    assert [s.number for s in doc.sections] == ["Q2", "Q5"]
    assert doc.sections[0].quotes[0].text.startswith("When I got out")
    assert doc.sections[0].quotes[0].source == "Focus group, 3 March 2026"


def test_only_quotable_segments_can_be_added(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = _section(draft, "2")
    assert "cannot be quoted" in add_quote(section, forum.segments["Refuser"].id, officer)
    assert "cannot be quoted" in add_quote(section, forum.held.id, officer)
    assert section.quotes == []


def test_refused_and_held_quotes_never_reach_the_document_even_if_stored(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = _section(draft, "2")
    section.text = "Housing matters."
    for segment in (forum.segments["Refuser"], forum.held, forum.segments["Amber"]):
        section.quotes.append(
            DraftQuote(segment_id=segment.id, text=segment.text, position=len(section.quotes)))
    db.session.commit()
    checks = check_quotes(draft)
    assert sorted(c.problem or "" for c in checks.values()) == ["", NOT_QUOTABLE, NOT_QUOTABLE]
    text = _all_text(response_document(draft))
    assert "REFUSER-SECRET" not in text and "HELD-WORDS" not in text
    assert "nowhere to go" in text


def test_a_changed_quote_is_flagged_and_left_out_but_a_shortened_one_is_kept(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = _section(draft, "2")
    add_quote(section, forum.segments["Amber"].id, officer)
    add_quote(section, forum.segments["Fern"].id, officer)
    section.quotes[0].text = "When I got out... come back Monday."
    section.quotes[1].text = "The hostel was lovely, I stayed for years."
    db.session.commit()
    checks = check_quotes(draft)
    assert checks[section.quotes[0].id].problem is None
    assert checks[section.quotes[1].id].problem == CHANGED
    quotes = response_document(draft).sections[0].quotes
    assert [q.text for q in quotes] == ["When I got out... come back Monday."]


def test_a_quote_is_checked_against_the_segments_current_text(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = _section(draft, "2")
    add_quote(section, forum.segments["Amber"].id, officer)
    forum.segments["Amber"].text = ("When I got out I had nowhere to go. The council said [NAME] "
                                    "would ring.")
    db.session.commit()
    assert check_quotes(draft)[section.quotes[0].id].problem == CHANGED
    assert response_document(draft).sections == ()


def test_attribution_only_with_consent_and_a_group_of_five(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = _section(draft, "2")
    for name in ("Amber", "Cedar", "Fern"):
        add_quote(section, forum.segments[name].id, officer)
    quotes = {q.segment_id: q.attribution for q in response_document(draft).sections[0].quotes}
    # Four women aged 25-34 took part (Amber, Birch, Cedar, Dove): too few for her age to
    # be printed, but five women (with Elm) are enough for "a woman".
    assert quotes[forum.segments["Amber"].id] == "Forum member, a woman"
    assert quotes[forum.segments["Cedar"].id] == "Forum member"  # no consent to demographics
    assert quotes[forum.segments["Fern"].id] == "Forum member"  # only 3 men


def test_withdrawal_takes_quotes_out_of_every_draft_and_leaves_a_notice(forum, officer, users):
    from forum.access import Role
    from forum.models import AuditEvent

    draft = current_draft(forum.consultation.id)
    add_quote(_section(draft, "2"), forum.segments["Quitter"].id, officer)
    add_quote(_section(draft, "7"), forum.segments["Quitter"].id, officer)
    add_quote(_section(draft, "7"), forum.segments["Elm"].id, officer)
    withdraw_consent(forum.members["Quitter"], users[Role.FACILITATOR])
    db.session.expire_all()
    assert [q.segment_id for s in draft.sections for q in s.quotes] == [forum.segments["Elm"].id]
    notice = draft.notices[0]
    assert notice.sections == ["Q2", "Q7"]
    assert "withdrew" in notice.message
    event = db.session.scalars(
        db.select(AuditEvent).where(AuditEvent.action == "draft_quotes_removed")).one()
    assert event.detail["quotes"] == 2
    assert "QUITTER" not in _all_text(response_document(draft))


def test_refusing_quotes_later_also_takes_them_out(forum, officer):
    from forum.services.members import record_consent

    draft = current_draft(forum.consultation.id)
    add_quote(_section(draft, "2"), forum.segments["Amber"].id, officer)
    record_consent(forum.members["Amber"], None, take_part=True, may_quote=False,
                   may_quote_with_demographics=False, audio_recording=False)
    db.session.expire_all()
    assert _section(draft, "2").quotes == []
    assert draft.notices[0].sections == ["Q2"]


def test_erasing_a_member_takes_their_quotes_out_with_a_notice(forum, officer, users):
    from forum.access import Role
    from forum.services.privacy import erase_member

    draft = current_draft(forum.consultation.id)
    add_quote(_section(draft, "5"), forum.segments["Birch"].id, officer)
    erase_member(forum.members["Birch"], users[Role.ADMIN])
    db.session.expire_all()
    assert _section(draft, "5").quotes == []
    assert "erased" in draft.notices[0].message


def test_methods_paragraph_is_written_from_the_data(forum):
    draft = current_draft(forum.consultation.id)
    methods = response_document(draft).methods
    # Refuser takes part (not quoted) so is counted; no survey responses exist.
    assert methods == ("This response draws on what 8 forum members told us in one focus group "
                       "(3 March 2026). All quotes are from forum members unless stated otherwise.")
    withdraw_consent(forum.members["Quitter"], None)
    assert "what 7 forum members" in response_document(draft).methods


def test_a_printed_quote_with_a_placeholder_gets_it_explained(forum, officer):
    draft = current_draft(forum.consultation.id)
    forum.segments["Amber"].text = "When I got out of [prison] I had nowhere to go."
    db.session.commit()
    add_quote(_section(draft, "2"), forum.segments["Amber"].id, officer)
    methods = response_document(draft).methods
    assert "Words in square brackets, such as [prison], stand in for details" in methods


def test_theme_figures_for_linked_themes_count_members_who_take_part(forum):
    draft = current_draft(forum.consultation.id)
    _section(draft, "2").theme_ids = [forum.themes[0].id]
    _section(draft, "5").theme_ids = [forum.themes[1].id, forum.themes[0].id]
    db.session.commit()
    figures = response_document(draft).theme_figures
    assert [(f.label, f.members, f.total_members) for f in figures] == [
        ("Housing and homelessness", 4, 8), ("Continuity of care", 3, 8)]
    withdraw_consent(forum.members["Quitter"], None)
    assert response_document(draft).theme_figures[0].members == 3


def test_easy_read_has_top_themes_with_one_checked_quote_each(forum, officer):
    draft = current_draft(forum.consultation.id)
    _section(draft, "2").theme_ids = [forum.themes[1].id, forum.themes[0].id]
    draft.easy_read_done = {
        str(forum.themes[0].id): "We asked for housing help on the day of release."}
    db.session.commit()
    add_quote(_section(draft, "2"), forum.segments["Fern"].id, officer)
    doc = easy_read_document(draft)
    assert [i.theme for i in doc.items] == ["Housing and homelessness", "Continuity of care"]
    housing, care = doc.items
    assert housing.quote.segment_id == forum.segments["Fern"].id  # the officer's choice first
    assert housing.what_we_did == "We asked for housing help on the day of release."
    assert care.quote.segment_id == forum.segments["Birch"].id  # the theme's own first quote
    assert care.what_we_did == "We told the Ministry of Justice what you said about this."
    assert doc.intro and doc.date == draft.date
    assert isinstance(doc.date, date)


def test_without_linked_themes_easy_read_covers_answered_questions_with_quotes(forum, officer):
    draft = current_draft(forum.consultation.id)
    q5 = _section(draft, "5")
    add_quote(q5, forum.segments["Dove"].id, officer)
    draft.easy_read_done = {f"q{q5.question_id}": "We asked for work coaches who understand."}
    db.session.commit()
    doc = easy_read_document(draft)
    assert [(i.theme, i.asked, i.quote.segment_id, i.what_we_did) for i in doc.items] == [
        ("Question 5", "What would help people on probation get into work?",
         forum.segments["Dove"].id, "We asked for work coaches who understand.")]


def test_easy_read_question_headings_are_the_officers_plain_words(forum, officer):
    """The consultation's wording is not Easy Read: the officer's plain heading replaces it."""
    draft = current_draft(forum.consultation.id)
    q2, q5 = _section(draft, "2"), _section(draft, "5")
    add_quote(q2, forum.segments["Fern"].id, officer)
    add_quote(q5, forum.segments["Dove"].id, officer)
    q5.easy_read_heading = "  Getting a   job  "
    db.session.commit()
    doc = easy_read_document(draft)
    assert [(i.theme, i.asked) for i in doc.items] == [
        ("Question 2", "How can housing on release be improved?"), ("Getting a job", "")]
    # The full response keeps the consultation's own wording.
    assert [s.question for s in response_document(draft).sections][-1] == (
        "What would help people on probation get into work?")

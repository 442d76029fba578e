"""Issue #14 point 3: members per theme are counted once, the same on the page and in exports."""
from analysis.models import ThemeAlso
from analysis.services.safeguarding import flag_turn, record_review
from analysis.services.theme_store import refresh_stats
from exports.services.drafts import current_draft, response_document
from forum.access import Role
from forum.extensions import db
from forum.services.members import withdraw_consent


def _link(draft, theme):
    section = next(s for s in draft.sections if s.question.number == "2")
    section.theme_ids = [theme.id]
    db.session.commit()


def test_the_export_counts_a_themes_members_as_the_themes_page_does(forum):
    housing, care = forum.themes
    # Elm's words sit in no theme but are nearly as close to "Continuity of care": they count.
    db.session.add(ThemeAlso(theme_id=care.id, segment_id=forum.segments["Elm"].id))
    refresh_stats(forum.consultation.id)
    db.session.commit()
    draft = current_draft(forum.consultation.id)
    _link(draft, care)

    figure = response_document(draft).theme_figures[0]

    assert (figure.members, care.stats["members"]) == (4, 4)


def test_the_themes_page_stops_counting_a_member_who_withdraws(forum):
    housing = forum.themes[0]
    refresh_stats(forum.consultation.id)
    db.session.commit()
    assert housing.stats["members"] == 4

    withdraw_consent(forum.members["Quitter"], None)
    db.session.expire_all()

    assert housing.stats["members"] == 3
    _link(current_draft(forum.consultation.id), housing)
    assert response_document(current_draft(forum.consultation.id)).theme_figures[0].members == 3


def test_a_safeguarding_hold_recounts_the_theme_at_once(forum, users):
    housing = forum.themes[0]
    refresh_stats(forum.consultation.id)
    db.session.commit()
    assert (housing.stats["members"], housing.stats["segments"]) == (4, 4)
    turn = forum.segments["Fern"].turn

    flag_turn(turn, "Talks about self-harm", users[Role.FACILITATOR])
    db.session.expire_all()
    assert (housing.stats["members"], housing.stats["segments"]) == (3, 3)

    record_review(turn, users[Role.FACILITATOR], "not_a_risk", "Checked with Fern after the group.")
    db.session.expire_all()
    assert (housing.stats["members"], housing.stats["segments"]) == (4, 4)


def test_withdrawing_a_member_counted_only_as_nearly_as_close_recounts_the_theme(forum):
    care = forum.themes[1]
    db.session.add(ThemeAlso(theme_id=care.id, segment_id=forum.segments["Elm"].id))
    refresh_stats(forum.consultation.id)
    db.session.commit()
    assert care.stats["members"] == 4

    withdraw_consent(forum.members["Elm"], None)
    db.session.expire_all()

    assert care.stats["members"] == 3


def test_the_chart_of_what_members_raised_most_often_puts_the_most_first(forum):
    # It printed the themes in the order the draft first linked them: "6 of 8" above "7 of 8"
    # under the heading "What members raised most often".
    housing, care = forum.themes
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    section.theme_ids = [care.id, housing.id]  # the smaller first
    db.session.commit()
    figures = response_document(draft).theme_figures
    assert [(f.label, f.members) for f in figures] == [(housing.label, 4), (care.label, 3)]


def _survey_answer_waiting_for_a_check(forum):
    """Gale answered a survey; her only words wait for a check, so no usable segment yet."""
    from forum.models import Member, Segment, SegmentSource
    from forum.services.members import record_consent
    from forum.services.segments import text_hash
    from surveys.models import QuestionKind, SurveyResponse
    from surveys.services.questions import QuestionData, add_question
    from surveys.services.surveys import create_survey, draft_version, publish

    gale = Member(pseudonym="Gale", gender="Woman", age_band="25-34")
    db.session.add(gale)
    record_consent(gale, None, take_part=True, may_quote=True, may_quote_with_demographics=True,
                   audio_recording=False)
    survey = create_survey(forum.consultation, "After release", "What helped.")
    add_question(draft_version(survey), QuestionData(QuestionKind.FREE_TEXT, "What helped?"))
    publish(survey, None)
    response = SurveyResponse(uuid="6b1f0c9e-0000-4000-8000-000000000001",
                              version_id=survey.published_version.id, member=gale,
                              payload_hash="x")
    db.session.add(response)
    db.session.flush()
    db.session.add(Segment(consultation_id=forum.consultation.id, source_type=SegmentSource.SURVEY,
                           source_id=response.id, position=0, member=gale,
                           text="GALE-WORDS not checked yet.", text_hash=text_hash("GALE-WORDS"),
                           needs_review=True))
    db.session.commit()


def test_the_export_counts_members_heard_out_of_the_same_total_as_the_themes_page(forum):
    # The themes page said "4 of 8" while the printed chart said "4 of 9": the export also
    # counted a member whose only survey answer was still waiting for a check.
    from exports.services.evidence import gather_evidence, methods_paragraph

    _survey_answer_waiting_for_a_check(forum)
    housing = forum.themes[0]
    refresh_stats(forum.consultation.id)
    db.session.commit()
    _link(current_draft(forum.consultation.id), housing)

    figure = response_document(current_draft(forum.consultation.id)).theme_figures[0]
    methods = methods_paragraph(gather_evidence(forum.consultation.id))

    assert (figure.members, figure.total_members) == (4, housing.stats["member_total"]) == (4, 8)
    assert "what 8 forum members told us in one focus group (3 March 2026)." in methods
    assert "survey response" not in methods


def test_the_draft_page_says_where_a_ticked_theme_is_printed(forum, auth):
    # A new officer ticked "Themes this answer draws on" as a note to themselves, and the
    # response then printed "Themes: ..." under the question and a chart of those themes.
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/consultations/{forum.consultation.id}/draft").get_data(as_text=True)
    assert ("The themes you tick are named under this answer in the response, and shown in its "
            "chart “What members raised most often” (drawn when 2 or more themes are ticked "
            "across the response) and in the Easy Read summary.") in page

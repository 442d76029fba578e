"""Quote checking (with "...") and demographic attribution rules."""

from exports.services.quotes import MIN_GROUP, attribution, mark_cuts, quote_matches

SOURCE = "When I got out I had nowhere to go.  The council said\ncome back Monday."


def test_an_exact_quote_matches_whatever_the_whitespace():
    assert quote_matches("When I got out I had nowhere to go. The council said come back Monday.",
                         SOURCE)


def test_a_shortened_quote_is_checked_piece_by_piece_in_order():
    assert quote_matches("When I got out... come back Monday.", SOURCE)
    assert quote_matches("...I had nowhere to go…", SOURCE)
    assert not quote_matches("come back Monday... When I got out", SOURCE)  # order matters
    assert not quote_matches("When I got out... come back Tuesday.", SOURCE)


def test_a_quote_leaving_out_words_before_or_after_says_so_with_dots():
    # The walk's quote: chosen from the middle of "Someone to help me fill in the forms
    # without looking down on me." it was printed with no dots in front.
    said = "Someone to help me fill in the forms without looking down on me."
    assert (mark_cuts("help me fill in the forms ... looking down on me", said)
            == "... help me fill in the forms ... looking down on me")
    assert mark_cuts("I had nowhere to go.", SOURCE) == "... I had nowhere to go. ..."
    assert mark_cuts("The council said come back Monday.", SOURCE) == (
        "... The council said come back Monday.")
    assert mark_cuts("When I got out", SOURCE) == "When I got out ..."


def test_a_quote_left_whole_or_already_dotted_gets_no_more_dots():
    whole = "When I got out I had nowhere to go. The council said come back Monday"
    assert mark_cuts(whole, SOURCE) == whole  # only the full stop left off
    assert mark_cuts("...I had nowhere to go…", SOURCE) == "...I had nowhere to go…"
    assert mark_cuts("nowhere to go", '"Nowhere to go," she said.'.lower()) == (
        "nowhere to go ...")  # an opening quotation mark left off is no cut
    assert mark_cuts("not what she said", SOURCE) == "not what she said"  # no match: untouched


def test_a_changed_or_empty_quote_does_not_match():
    assert not quote_matches("When I got out I had nowhere to stay.", SOURCE)
    assert not quote_matches("...", SOURCE)
    assert not quote_matches("", SOURCE)


def _member(gender, age, demographics=True, withdrawn=False):
    from forum.models import ConsentRecord, Member

    consent = ConsentRecord(take_part=True, may_quote=True, withdrawn=withdrawn,
                            may_quote_with_demographics=demographics)
    return Member(gender=gender, age_band=age, consents=[consent])


def test_attribution_needs_consent_and_a_group_of_five():
    woman = _member("Woman", "25-34")
    group = [_member("Woman", "25-34") for _ in range(MIN_GROUP)]
    assert attribution(woman, group) == "Forum member, a woman aged 25 to 34"
    assert attribution(_member("Woman", "25-34", demographics=False), group) == "Forum member"
    assert attribution(woman, group[:MIN_GROUP - 1]) == "Forum member"


def test_attribution_falls_back_to_a_coarser_group():
    woman = _member("Woman", "65 or over")
    group = [woman] + [_member("Woman", "25-34") for _ in range(MIN_GROUP - 1)]
    assert attribution(woman, group) == "Forum member, a woman"
    unknown = _member("Prefer not to say", "65 or over")
    group = [_member("Man", "65 or over") for _ in range(MIN_GROUP)]
    assert attribution(unknown, group) == "Forum member aged 65 or over"
    assert attribution(None, group) == "Forum member"


def test_a_survey_quote_names_its_source_as_every_other_page_does():
    # The quote picker and the PDF said "Survey"; search, themes and filters "Tablet survey".
    from exports.services.quotes import source_label
    from forum.models import Segment, SegmentSource

    assert source_label(Segment(source_type=SegmentSource.SURVEY)) == "Tablet survey"
    assert source_label(Segment(source_type=SegmentSource.SURVEY)) == SegmentSource.SURVEY.label

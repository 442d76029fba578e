"""The quote picker's line under each quote names the question it answers once.

It read "Member 1, Survey, Q5" followed straight away by an "Answers Q5" tag."""
import re

import lxml.html

from exports.services.drafts import current_draft
from forum.access import Role
from tests.exports.test_views import _elm_answers_q7_by_the_models_map, _url


def meta_lines(html: str) -> list[str]:
    page = lxml.html.fromstring(html)
    lines = page.xpath('//p[contains(concat(" ", @class, " "), " fv-quote__meta ")]')
    return [" ".join(line.text_content().split()) for line in lines]


def test_a_quote_answering_this_question_names_it_once(forum, auth):
    auth.login(Role.POLICY_OFFICER)
    q2 = next(s for s in current_draft(forum.consultation.id).sections
              if s.question.number == "2")
    lines = meta_lines(auth.client.get(
        _url(forum, f"/questions/{q2.question_id}/quotes")).get_data(as_text=True))
    answering = [line for line in lines if "Answers Q2" in line]
    assert answering and all(line.count("Q2") == 1 for line in answering), lines


def test_a_suggested_answer_still_says_it_is_suggested(forum, auth):
    q7 = _elm_answers_q7_by_the_models_map(forum)
    auth.login(Role.POLICY_OFFICER)
    # In the theme Elm's words share with Birch's, said in answer to Q5.
    lines = meta_lines(auth.client.get(_url(
        forum, f"/questions/{q7.id}/quotes?theme={forum.themes[1].id}")).get_data(as_text=True))
    elm = [line for line in lines if "(suggested)" in line]
    assert len(elm) == 1 and elm[0].count("Q7") == 1 and "Answers Q7 (suggested)" in elm[0], lines
    # Words said in answer to another question still say which, with no tag.
    others = [line for line in lines if "Q7" not in line]
    assert others and all(re.search(r", Q[25]\b", line) and "Answers" not in line
                          for line in others), lines


def test_the_picker_loads_its_script_once(forum, auth):
    # It was loaded three times: in the head, after the back link and at the foot.
    auth.login(Role.POLICY_OFFICER)
    q2 = next(s for s in current_draft(forum.consultation.id).sections
              if s.question.number == "2")
    html = auth.client.get(_url(forum, f"/questions/{q2.question_id}/quotes")).get_data(
        as_text=True)
    assert html.count("pick.js") == 1


def test_a_suggested_theme_says_so_in_the_pickers_list_of_themes(forum, auth):
    # Under "In answers to Q7" the list printed the suggestion as a plain name, while "Other
    # themes", the theme pages and the draft's theme boxes said "Suggested: ...".
    from forum.extensions import db

    q7 = _elm_answers_q7_by_the_models_map(forum)
    theme = forum.themes[1]
    theme.label_by = "suggested"
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    page = lxml.html.fromstring(auth.client.get(
        _url(forum, f"/questions/{q7.id}/quotes")).get_data(as_text=True))
    grouped = page.xpath('//optgroup[starts-with(@label, "In answers to")]/option/text()')
    named = [" ".join(o.split()) for o in page.xpath(f'//option[@value="{theme.id}"]/text()')]
    assert any("Continuity of care" in o for o in grouped), grouped
    assert named and all(o.startswith("Suggested: Continuity of care") for o in named), named

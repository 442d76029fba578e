"""Issue 11 item 5: a quote with a redaction placeholder is shown to the officer before
export, with a way to pick another; evidence-rich quotes are tagged."""
import lxml.html
import pytest

from forum.access import Role
from forum.extensions import db

WARNING = "This quote has [name] in place of personal details"


@pytest.fixture
def section(forum, users):
    from exports.services.draft_quotes import add_quote
    from exports.services.drafts import current_draft

    amber = forum.segments["Amber"]
    amber.text = "When I got out I had nowhere to go. [name] at the council said come back Monday."
    db.session.commit()
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    add_quote(q2, amber.id, users[Role.POLICY_OFFICER])
    add_quote(q2, forum.segments["Fern"].id, users[Role.POLICY_OFFICER])
    return q2


def quote_items(html: str, section_label: str):
    quote = 'contains(concat(" ", @class, " "), " fv-quote ")'
    page = lxml.html.fromstring(html)
    return page.xpath(f'//section[@id="section-{section_label}"]//li[{quote}]')


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def test_the_draft_warns_about_a_placeholder_and_offers_another_quote(forum, auth, section):
    auth.login(Role.POLICY_OFFICER)
    url = f"/consultations/{forum.consultation.id}/draft"
    page = auth.client.get(url).get_data(as_text=True)
    amber, fern = quote_items(page, section.question.label)
    assert WARNING in text_of(amber)
    assert WARNING not in text_of(fern)
    pick = amber.xpath('.//div[contains(@class, "fv-quote__placeholder")]//button')[0]
    assert "Pick another quote" in text_of(pick)
    # It saves the draft first (the draft form's "pick" action, tested in test_views),
    # then opens this section's quote picker.
    assert pick.get("value") == f"pick:{section.question_id}"
    assert any(a.get("id") == "draft-form" for a in pick.iterancestors("form"))


def test_the_draft_tags_evidence_rich_quotes(forum, auth, section):
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/consultations/{forum.consultation.id}/draft").get_data(as_text=True)
    amber, fern = quote_items(page, section.question.label)
    assert "Evidence-rich" in text_of(amber)  # "When I got out I had nowhere to go"
    assert "Evidence-rich" not in text_of(fern)


def test_the_picker_warns_about_a_chosen_quote_with_a_placeholder(forum, auth, section):
    auth.login(Role.POLICY_OFFICER)
    theme = next(t for t in forum.themes if t.label == "Housing and homelessness")
    query = f"?theme={theme.id}"
    page = auth.client.get(f"/consultations/{forum.consultation.id}/draft/questions/"
                           f"{section.question_id}/quotes{query}").get_data(as_text=True)
    amber = lxml.html.fromstring(page).get_element_by_id(f"pick-{forum.segments['Amber'].id}")
    assert WARNING in text_of(amber)
    assert "Evidence-rich" in text_of(amber)

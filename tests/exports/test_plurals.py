"""Exports word their counts through Flask-Babel's ngettext, as the rest of the app does."""
from datetime import date

import flask_babel
import pytest
from flask import url_for

from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from exports.services.editing import DraftEdit, save_draft
from exports.services.evidence import Evidence, methods_paragraph
from forum.access import Role


@pytest.fixture
def plurals(monkeypatch):
    """The (singular, plural) pairs asked of Flask-Babel: what a catalogue would translate."""
    asked: list[tuple[str, str]] = []
    real = flask_babel.Domain.get_translations

    class Recording:
        def __init__(self, translations):
            self.translations = translations

        def ungettext(self, singular, plural, num):
            asked.append((singular, plural))
            return self.translations.ungettext(singular, plural, num)

        def __getattr__(self, name):
            return getattr(self.translations, name)

    monkeypatch.setattr(flask_babel.Domain, "get_translations",
                        lambda domain: Recording(real(domain)))
    return asked


@pytest.mark.parametrize("counts, words", [
    # GOV.UK style: 'one' in running text; 2 and up in figures.
    ((1, 1, 1), "what one forum member told us in one focus group (3 March 2026) "
                "and one survey response."),
    ((2, 3, 5), "what 5 forum members told us in 2 focus groups (3 March 2026 and 4 March 2026) "
                "and 3 survey responses."),
])
def test_the_methods_paragraph_counts_through_ngettext(app, plurals, counts, words):
    groups, responses, members = counts
    dates = [date(2026, 3, 3 + i) for i in range(groups)]
    evidence = Evidence(members=[object()] * members, focus_group_dates=dates,
                        survey_responses=responses, segments=[])
    assert words in methods_paragraph(evidence)
    assert {singular for singular, _ in plurals} >= {
        "one forum member", "one focus group", "one survey response"}


def test_the_version_history_counts_through_ngettext(forum, officer, auth, plurals):
    draft = current_draft(forum.consultation.id)
    section = draft.sections[0]
    add_quote(section, forum.segments["Amber"].id, officer)
    edit = DraftEdit(section_text={section.id: "Housing first."})
    save_draft(draft, edit, draft.revision, officer)
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(url_for("drafts.versions", consultation_id=forum.consultation.id))
    html = page.get_data(as_text=True)
    assert f"{len(draft.versions)} saved versions, newest first" in html
    assert "(1 quote)" in html
    assert {singular for singular, _ in plurals} >= {"%(num)d saved version", "%(num)d quote"}


def test_the_measured_agreement_is_explained_in_plain_words(app):
    """"F1 0.82 ... Cohen's kappa 0.71" meant nothing to the policy readers of a response."""
    measured = ("To check the analysis, an analyst coded a random sample of 30 segments. "
                "Agreement with the software was, for themes, F1 0.82 (95% interval 0.70 to "
                "0.90), Cohen's kappa 0.71; for questions, F1 0.90 (95% interval 0.80 to 0.95), "
                "Cohen's kappa 0.85.")
    evidence = Evidence(members=[object()] * 5, focus_group_dates=[date(2026, 3, 3)],
                        survey_responses=0, segments=[], agreement=measured)
    paragraph = methods_paragraph(evidence)
    assert measured + " On both measures, 1 would mean the analyst and the software agreed " \
        "on every segment." in paragraph
    assert paragraph.endswith("All quotes are from forum members unless stated otherwise.")
    unmeasured = methods_paragraph(Evidence(members=[object()], focus_group_dates=[],
                                            survey_responses=2, segments=[]))
    assert "both measures" not in unmeasured


def test_placeholders_in_printed_quotes_are_explained(app):
    """A quote read "I was in [prison] with [name]" and nothing said what the brackets were."""
    from exports.document import Quote
    from exports.services.evidence import placeholders_in

    quotes = [Quote(1, "I was in [prison] with [name], and [name] again", "Forum member", ""),
              Quote(2, "Then [laughs] nothing [sic]", "Forum member", "")]
    found = placeholders_in(quotes)
    assert found == ("[name]", "[prison]")  # only the redaction labels, each once, sorted
    evidence = Evidence(members=[object()] * 3, focus_group_dates=[date(2026, 3, 3)],
                        survey_responses=0, segments=[])
    paragraph = methods_paragraph(evidence, placeholders=found)
    assert ("Words in square brackets, such as [name] or [prison], stand in for details that "
            "could identify someone.") in paragraph
    assert paragraph.endswith("All quotes are from forum members unless stated otherwise.")
    assert "square brackets" not in methods_paragraph(evidence)
    assert placeholders_in([quotes[1]]) == ()

"""Each theme's stability on the themes and theme pages: found again in k of R, "Check" below."""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.core.themes.stability import RESAMPLES, STABLE_FROM
from analysis.models import AnalysisRun, Theme
from forum.access import Role
from forum.extensions import db


def themes():
    return list(db.session.scalars(select(Theme).order_by(Theme.position)))


def stability_cell(html: str, theme_id: int) -> str:
    """The stability mark of one theme and what follows it up to the end of its cell."""
    found = re.search(rf'data-stability="{theme_id}">(.*?)</td>', html, re.S)
    assert found, f"no stability shown for theme {theme_id}"
    return found.group(1)


def test_a_run_stores_each_themes_stability(analysed):
    run = db.session.scalar(select(AnalysisRun))
    assert run.settings["resamples"] == RESAMPLES
    stored = [t["found_again"] for t in run.result["themes"]]
    assert all(isinstance(k, int) and 0 <= k <= RESAMPLES for k in stored)
    assert sorted(t.found_again for t in themes()) == sorted(stored)
    assert all(t.resamples == RESAMPLES for t in themes())


def test_themes_page_says_found_again_and_marks_unstable_themes_check(auth, analysed,
                                                                     consultation):
    steady, shaky = themes()[:2]
    steady.found_again, shaky.found_again = RESAMPLES, STABLE_FROM - 1
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert f"Found again in {RESAMPLES} of {RESAMPLES} tries" in stability_cell(html, steady.id)
    assert "Check" not in stability_cell(html, steady.id)
    shaky_cell = stability_cell(html, shaky.id)
    assert f"Found again in {STABLE_FROM - 1} of {RESAMPLES} tries" in shaky_cell
    assert '<strong class="govuk-tag govuk-tag--yellow">Check</strong>' in shaky_cell
    assert f"fewer than {STABLE_FROM} of {RESAMPLES}" in html

    page = auth.client.get(f"/themes/{shaky.id}").get_data(as_text=True)
    assert "Check</strong>" in page.split('id="stability"')[1].split("</p>")[0]
    assert f"found this theme again only {STABLE_FROM - 1} times" in page
    page = auth.client.get(f"/themes/{steady.id}").get_data(as_text=True)
    assert "Check</strong>" not in page.split('id="stability"')[1].split("</p>")[0]


def test_a_merged_theme_says_stability_is_not_measured_until_undone(auth, analysed,
                                                                   consultation):
    first, second = themes()[:2]
    before = first.found_again
    auth.login(Role.POLICY_OFFICER)
    auth.client.post(f"/themes/{first.id}/rename", data={"label": "Housing after prison"})
    db.session.refresh(first)
    assert first.found_again == before  # a new name keeps the run's number
    response = auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id})
    assert response.status_code == 302
    merged = db.session.get(Theme, first.id)
    assert merged.found_again is None and merged.resamples is None
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert "Stability not measured" in stability_cell(html, first.id)
    assert "Check" not in stability_cell(html, first.id)
    page = auth.client.get(f"/themes/{first.id}").get_data(as_text=True)
    assert "merged, split or made by people" in page

    from analysis.services.theme_history import history

    edit = history(consultation.id)[0]
    response = auth.client.post(
        f"/consultations/{consultation.id}/themes/history/{edit.id}/undo", data={})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, first.id).found_again == before


def test_split_themes_are_not_measured(analysed):
    from analysis.services.theme_split import SplitPart, split
    from forum.models import User

    theme = themes()[0]
    ids = sorted(link.segment_id for link in theme.links)
    half = len(ids) // 2
    parts = [SplitPart("One part", [], ids[:half], []), SplitPart("Other", [], ids[half:], [])]
    made = split(theme, parts, db.session.scalar(select(User)))
    assert [t.found_again for t in made] == [None, None]
    assert all(t.stability_note == "Stability not measured" for t in made)


def test_a_run_too_large_to_measure_says_so(auth, analysed, consultation):
    from analysis.core.themes.stability import MEASURED_UP_TO

    run = db.session.scalar(select(AnalysisRun))
    run.segment_count, run.settings = MEASURED_UP_TO + 1, {**run.settings, "resamples": 0}
    for theme in themes():
        theme.found_again = theme.resamples = None
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert f"more than {MEASURED_UP_TO:,} segments, so stability was not measured" in html
    assert "Check</strong>" not in stability_cell(html, themes()[0].id)
    page = auth.client.get(f"/themes/{themes()[0].id}").get_data(as_text=True)
    assert f"run that found this theme had more than {MEASURED_UP_TO:,} segments" in page


def test_a_theme_from_a_run_before_stability_was_measured_is_not_said_to_be_edited(
        auth, analysed, consultation):
    run = db.session.scalar(select(AnalysisRun))
    run.settings = {k: v for k, v in run.settings.items() if k != "resamples"}
    theme = themes()[0]
    theme.found_again = theme.resamples = None
    db.session.commit()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    said = page.split('id="stability"')[1].split("</p>")[0]
    assert "merged, split or made by people" not in said
    assert "did not measure" in said
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert "made before the app measured stability" in html

"""Theme pages: status, table and charts, and people renaming, moving, pinning, merging, split."""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.models import AnalysisRun, RunStatus, Theme, ThemeSegment
from forum.access import Role
from forum.extensions import db
from forum.models import Segment
from forum.models.audit import AuditEvent


def themes():
    return list(db.session.scalars(select(Theme).order_by(Theme.position)))


def actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_themes_page_shows_table_not_grouped_and_accessible_charts(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    first = themes()[0]
    s = first.stats
    assert first.label in html
    assert (f"{s['members']} of {s['member_total']} members, "
            f"in {s['sources']} of {s['source_total']} sources") in html
    assert "Not grouped" in html and f"/consultations/{consultation.id}/themes/not-grouped" in html
    assert html.count("<svg") == 1 and "<title id=\"prevalence-title\">" in html
    assert '<desc id="prevalence-desc">' in html and "Members per theme as a table" in html
    assert "style=" not in html
    # The fixture's nine members make every group smaller than 5: no heatmap at all.
    assert "fewer than 5 members, so no breakdown by age" in html
    # "Segment" and "held" are the app's words: the page says what they mean, once.
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert ("A segment is a short passage of what one member said, with personal details "
            "taken out") in text
    assert "not held" not in text and "not waiting for a safeguarding review" in text


def test_status_endpoint_and_progress_script_while_running(auth, consultation, forum_rows):
    from forum.models import Job, JobStatus

    job = Job(kind="analysis.run", status=JobStatus.RUNNING, stage="Grouping into themes",
              percent=50)
    db.session.add(job)
    db.session.flush()
    db.session.add(
        AnalysisRun(consultation_id=consultation.id, status=RunStatus.RUNNING, job_id=job.id))
    db.session.commit()
    auth.login(Role.FACILITATOR)
    status = auth.client.get(f"/consultations/{consultation.id}/themes/status").get_json()
    assert status["status"] == "running" and status["stage"] == "Grouping into themes"
    assert status["percent"] == 50
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert re.search(r'<script nonce="[^"]+">', html) and "Grouping into themes" in html
    assert "Run the analysis" not in html  # one run at a time


def test_run_button_starts_a_run_and_a_failure_offers_retry(auth, consultation):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/consultations/{consultation.id}/themes/run")
    assert response.status_code == 302
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    assert "The last analysis failed" in html and "no usable segments" in html
    assert "Try again" in html
    assert "analysis_started" in actions()


def test_rename_keeps_what_was_typed_on_error_and_is_audited(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    theme = themes()[0]
    long_name = "x" * 130
    response = auth.client.post(f"/themes/{theme.id}/rename", data={"label": long_name})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "120 characters or fewer" in html and f'value="{long_name}"' in html
    response = auth.client.post(f"/themes/{theme.id}/rename",
                                data={"label": "  Housing <after> prison "})
    assert response.status_code == 302
    db.session.refresh(theme)
    assert theme.label == "Housing <after> prison" and theme.label_by == "person"
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert "Housing &lt;after&gt; prison" in page
    assert "theme_renamed" in actions()


def test_a_suggested_name_says_so_until_a_person_keeps_it(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    theme = themes()[0]
    theme.label, theme.label_by = "Housing and homelessness", "suggested"
    db.session.commit()
    listing = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert "Suggested: Housing and homelessness" in listing
    assert "Suggested: Housing and homelessness</h1>" in page and "Save that name" in page
    auth.client.post(f"/themes/{theme.id}/rename", data={"label": "Housing and homelessness"})
    page = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    assert "Suggested:" not in page and "Housing and homelessness</h1>" in page


def test_move_a_segment_to_another_theme_and_to_not_grouped(auth, analysed, consultation):
    auth.login(Role.FACILITATOR)
    first, second = themes()[:2]
    segment_id = first.links[-1].segment_id
    back = f"/themes/{first.id}"
    response = auth.client.post(f"/consultations/{consultation.id}/segments/{segment_id}/move",
                                data={"to": str(second.id), "next": back})
    assert response.status_code == 302 and response.headers["Location"].endswith(back)
    link = db.session.scalar(select(ThemeSegment).where(ThemeSegment.segment_id == segment_id))
    assert link.theme_id == second.id and link.placed_by == "person"
    auth.client.post(f"/consultations/{consultation.id}/segments/{segment_id}/move",
                     data={"to": "none", "next": "//evil.example/"})
    assert db.session.scalar(
        select(ThemeSegment).where(ThemeSegment.segment_id == segment_id)) is None
    page = auth.client.get(
        f"/consultations/{consultation.id}/themes/not-grouped").get_data(as_text=True)
    text = db.session.get(Segment, segment_id).text
    assert text.replace("'", "&#39;") in page
    assert actions().count("segment_moved") == 2


def test_pin_and_unpin_quotes(auth, analysed):
    auth.login(Role.FACILITATOR)
    theme = themes()[0]
    quote = theme.quote_links[0].segment_id
    auth.client.post(f"/themes/{theme.id}/quotes", data={"segment_id": quote, "action": "unpin"})
    db.session.expire_all()
    assert quote not in [q.segment_id for q in themes()[0].quote_links]
    auth.client.post(f"/themes/{theme.id}/quotes", data={"segment_id": quote, "action": "pin"})
    db.session.expire_all()
    quotes = themes()[0].quote_links
    assert quotes[0].segment_id == quote and quotes[0].quote_by == "person" and len(quotes) <= 5
    assert {"quote_pinned", "quote_unpinned"} <= set(actions())


def test_merge_checked_and_split_with_preview(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    total = len(first.links) + len(second.links)
    assert auth.client.post(f"/themes/{first.id}/merge",
                            data={"other": second.id}).status_code == 302
    db.session.expire_all()
    merged = db.session.get(Theme, first.id)
    assert db.session.get(Theme, second.id) is None and len(merged.links) == total
    auth.client.post(f"/themes/{first.id}/checked", data={"checked": "1"})
    db.session.expire_all()
    assert db.session.get(Theme, first.id).checked_at is not None

    preview = auth.client.get(f"/themes/{first.id}/split").get_data(as_text=True)
    assert "Nothing has changed yet" in preview
    value = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', preview).group(1)
    stale = auth.client.post(f"/themes/{first.id}/split", data={"fingerprint": "stale"})
    assert stale.status_code == 302 and db.session.get(Theme, first.id) is not None
    done = auth.client.post(f"/themes/{first.id}/split", data={"fingerprint": value})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, first.id) is None
    assert sum(len(t.links) for t in themes()) >= total
    assert {"themes_merged", "theme_checked", "theme_split"} <= set(actions())


def test_split_preview_is_made_by_a_job_and_applying_it_reclusters_nothing(auth, analysed,
                                                                           monkeypatch):
    from analysis.services import theme_split
    from analysis.services.theme_jobs import SPLIT_PREVIEW
    from forum.models import Job

    auth.login(Role.POLICY_OFFICER)
    theme = max(themes(), key=lambda t: len(t.links))
    preview = auth.client.get(f"/themes/{theme.id}/split").get_data(as_text=True)
    job = db.session.scalar(select(Job).where(Job.kind == SPLIT_PREVIEW))
    assert job is not None and job.params["theme_id"] == theme.id and job.params["parts"]
    value = re.search(r'name="fingerprint"[^>]*value="([^"]+)"', preview).group(1)

    def no_clustering_here(theme):
        raise AssertionError("the web request re-clustered the theme")

    monkeypatch.setattr(theme_split, "split_preview", no_clustering_here)
    again = auth.client.get(f"/themes/{theme.id}/split").get_data(as_text=True)
    assert "Nothing has changed yet" in again  # the kept preview, not a new one
    done = auth.client.post(f"/themes/{theme.id}/split", data={"fingerprint": value})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, theme.id) is None
    assert len(job.params["parts"]) == len([t for t in themes() if t.label in
                                             {p["label"][:120] for p in job.params["parts"]}])


def test_split_page_shows_progress_until_the_worker_has_a_preview(auth, analysed, monkeypatch):
    from forum import jobs

    queued = []
    monkeypatch.setattr(jobs, "_queue", queued.append)  # a busy worker: nothing runs yet
    auth.login(Role.POLICY_OFFICER)
    theme = max(themes(), key=lambda t: len(t.links))
    waiting = auth.client.get(f"/themes/{theme.id}/split")
    html = waiting.get_data(as_text=True)
    assert waiting.status_code == 202
    assert "Preparing to split" in html and "Waiting to start" in html
    status = auth.client.get(f"/themes/{theme.id}/split/status").get_json()
    assert status["status"] == "queued"
    assert auth.client.get(f"/themes/{theme.id}/split").status_code == 202 and len(queued) == 1
    jobs.run_job(queued[0])
    assert auth.client.get(f"/themes/{theme.id}/split/status").get_json()["status"] == "done"
    assert "Nothing has changed yet" in auth.client.get(
        f"/themes/{theme.id}/split").get_data(as_text=True)


def test_a_split_that_cannot_be_made_says_why(auth, analysed):
    auth.login(Role.POLICY_OFFICER)
    theme = min(themes(), key=lambda t: len(t.links))
    for link in theme.links[3:]:
        db.session.delete(link)
    db.session.commit()
    response = auth.client.get(f"/themes/{theme.id}/split", follow_redirects=True)
    assert "at least 4 segments" in response.get_data(as_text=True)


def test_themes_page_shows_each_themes_broader_theme_from_the_run(auth, analysed, consultation):
    import lxml.html

    stored = themes()
    if not any(t.broader for t in stored):
        # The fixture's topics are far apart, so the run may name no group (a group is named
        # only where a heading holds for all its themes: test_hierarchy); give two one.
        stored[0].broader = stored[1].broader = "Support after release"
        db.session.commit()
        stored = themes()
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/themes").get_data(as_text=True)
    table = lxml.html.fromstring(html).xpath(
        '//table[caption[contains(., "Themes, largest first")]]')[0]
    headers = [" ".join(th.text_content().split()) for th in table.xpath(".//thead//th")]
    assert headers[:2] == ["Theme", "Broader theme"]
    rows = {" ".join(r.xpath("./td")[0].xpath(".//a")[0].text_content().split()):
            " ".join(r.xpath("./td")[1].text_content().split()) for r in table.xpath(".//tbody/tr")}
    for theme in stored:
        assert rows[theme.label] == (theme.broader or "")


def test_a_theme_page_says_small_counts_are_hidden_not_the_groups(auth, analysed):
    """'Groups of fewer than 5 are not shown' sat over rows of groups, each 'fewer than 5':
    what is hidden is how many members of a group raised it."""
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/themes/{themes()[0].id}").get_data(as_text=True)
    assert "Who raised it" in html
    assert "Groups of fewer than 5 are not shown" not in html
    assert ("Where 1 to 4 members of a group raised it, the page says ‘fewer than 5’, so "
            "that no one can be picked out.") in html


def test_merge_starts_with_no_theme_chosen_and_names_what_was_merged(auth, analysed):
    # The list started on the first other theme, so "Merge into this theme" pressed to see
    # what it does merged the largest theme away, and the page said only "Merged into X.".
    auth.login(Role.POLICY_OFFICER)
    first, second = themes()[:2]
    page = auth.client.get(f"/themes/{first.id}").get_data(as_text=True)
    merge_list = re.search(r'<select[^>]*name="other".*?</select>', page, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)<", merge_list)[0] == "Choose a theme"
    response = auth.client.post(f"/themes/{first.id}/merge", data={"other": ""})
    assert response.status_code == 400
    assert "Choose a theme to merge with" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Theme, second.id) is not None
    done = auth.client.post(f"/themes/{first.id}/merge", data={"other": second.id},
                            follow_redirects=True).get_data(as_text=True)
    assert f"Merged “{second.label}” into “{first.label}”." in done.replace("&#34;", '"')

"""Analysis runs: usable segments only, themes applied in one go, failures explained."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from analysis.models import AnalysisRun, CodebookEntry, RunStatus, Theme, ThemeSegment
from analysis.services import themes as service
from forum.extensions import db
from forum.models import JobStatus, Segment


def test_first_run_applies_themes_from_usable_segments(analysed, consultation, forum_rows):
    run = db.session.get(AnalysisRun, analysed.id)
    assert run.status == RunStatus.DONE, run.message
    assert run.job.status == JobStatus.DONE and run.job.percent == 100
    themes = list(db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)))
    assert len(themes) >= 3
    assert run.result["themes"] and run.settings["embedder"] == "fake-concepts"
    codes = {t.code for t in themes}
    assert "Housing and homelessness" in codes
    for theme in themes:
        assert theme.stats["segments"] == len(theme.links) > 0
        assert theme.stats["member_total"] >= theme.stats["members"] > 0
        assert 0 < len(theme.quote_links) <= 5
    # The codebook was seeded from the defaults on first use.
    assert db.session.scalar(select(func.count(CodebookEntry.id)).where(
        CodebookEntry.consultation_id == consultation.id)) == 14


def test_held_and_non_consenting_segments_are_left_out(consultation, forum_rows):
    held, *rest = forum_rows
    held.held = True
    db.session.commit()
    run = service.start_run(consultation.id, None)
    run = db.session.get(AnalysisRun, run.id)
    assert run.segment_count == len(forum_rows) - 1
    placed = set(db.session.scalars(select(ThemeSegment.segment_id)))
    assert held.id not in placed
    assert str(held.id) not in run.result["assignments"]


def test_one_active_run_per_consultation(consultation, forum_rows):
    db.session.add(AnalysisRun(consultation_id=consultation.id, status=RunStatus.RUNNING))
    db.session.commit()
    with pytest.raises(service.RunBusy):
        service.start_run(consultation.id, None)


def test_no_segments_fails_with_a_reason_and_can_be_retried(consultation):
    run = service.start_run(consultation.id, None)
    run = db.session.get(AnalysisRun, run.id)
    assert run.status == RunStatus.FAILED
    assert "no usable segments" in run.message
    assert run.job.status == JobStatus.FAILED and run.job.message == run.message


def test_a_failure_part_way_leaves_the_old_themes_untouched(analysed, consultation, monkeypatch):
    before = {t.id: (t.label, sorted(link.segment_id for link in t.links))
              for t in db.session.scalars(select(Theme))}
    import analysis.services.theme_store as store

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # Fails after old links were deleted and new themes were added, before the commit.
    monkeypatch.setattr(store, "_save_question_links", broken)
    db.session.add(Segment(consultation_id=consultation.id, source_type=analysed_source(),
                           source_id=9, member_id=None, text="A new public text about housing.",
                           text_hash="x" * 64))
    db.session.commit()
    run = service.start_run(consultation.id, None)
    db.session.expire_all()
    run = db.session.get(AnalysisRun, run.id)
    assert run.status == RunStatus.FAILED
    assert "disk full" in run.message and "themes were not changed" in run.message
    after = {t.id: (t.label, sorted(link.segment_id for link in t.links))
             for t in db.session.scalars(select(Theme))}
    assert after == before


def analysed_source():
    from forum.models import SegmentSource

    return SegmentSource.DOCUMENT


def test_a_run_cut_off_by_a_dead_worker_is_failed_and_can_be_retried(analysed, consultation):
    from datetime import timedelta

    from forum.jobs import fail_abandoned_jobs
    from forum.models.base import utcnow

    before = {t.id: t.label for t in db.session.scalars(select(Theme))}
    run = service.start_run(consultation.id, None)
    run = db.session.get(AnalysisRun, run.id)
    # As a worker on another host leaves it when killed mid-run: running, heartbeat long gone.
    # (It ran here, in this live process: a worker on this host is judged by its process.)
    long_ago = utcnow() - timedelta(hours=1)
    run.status, run.job.status = RunStatus.RUNNING, JobStatus.RUNNING
    run.job.worker = "another-host:4242"
    run.job.heartbeat_at = run.job.started_at = long_ago
    db.session.commit()
    assert fail_abandoned_jobs(lease=60) == [run.job.id]
    db.session.refresh(run)
    assert run.status == RunStatus.FAILED and "worker stopped" in run.message
    assert {t.id: t.label for t in db.session.scalars(select(Theme))} == before
    again = db.session.get(AnalysisRun, service.retry_run(run, None).id)
    assert again.status == RunStatus.DONE, again.message


def test_erasing_a_member_recounts_the_themes(analysed, consultation):
    from flask import current_app

    from forum.models import Member
    from forum.services import privacy

    theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
    total = theme.stats["member_total"]
    member = db.session.get(Member, theme.links[0].segment.member_id)
    privacy.erase_member(member, None, hooks=current_app.extensions[privacy.ERASE_HOOKS_KEY])
    db.session.expire_all()
    for theme in db.session.scalars(select(Theme)):
        assert theme.stats["member_total"] == total - 1
        assert theme.stats["segments"] == len([link for link in theme.links])


def test_quotes_from_members_who_withdrew_quote_consent_are_not_shown(auth, analysed):
    from forum.access import Role
    from forum.services.members import record_consent

    theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
    quoted = theme.quote_links[0].segment
    record_consent(quoted.member, None, take_part=True, may_quote=False,
                   may_quote_with_demographics=False, audio_recording=False)
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/themes/{theme.id}").get_data(as_text=True)
    quotes = html.split('id="quotes"')[1].split("Who raised it")[0]
    assert quoted.text.replace("'", "&#39;") not in quotes


def test_segments_close_to_more_than_one_theme_count_in_each(analysed, consultation, app):
    from analysis.models import ThemeAlso

    themes = {t.id: t for t in db.session.scalars(
        select(Theme).where(Theme.consultation_id == consultation.id))}
    own = {link.segment_id: t.id for t in themes.values() for link in t.links}
    also = list(db.session.scalars(select(ThemeAlso)))
    result = db.session.get(AnalysisRun, analysed.id).result
    expected = sum(len(t["also_ids"]) for t in result["themes"])
    assert expected >= 1 and len(also) == expected  # every extra theme the run found is kept
    per_segment = {}
    for row in also:
        assert own[row.segment_id] != row.theme_id  # never a segment's own theme twice
        per_segment[row.segment_id] = per_segment.get(row.segment_id, 0) + 1
    assert all(n <= 2 for n in per_segment.values())  # at most 3 themes in all
    for theme in themes.values():
        extra = [r for r in also if r.theme_id == theme.id]
        assert theme.stats["also_segments"] == len(extra)
    # The fitted model is kept with the run, for new segments to join without re-clustering.
    assert (app.config["DATA_DIR"] / "theme-models" / f"run-{analysed.id}"
            / "topic_embeddings.safetensors").exists()

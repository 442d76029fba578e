"""An analysis run in the worker while a transcript's text changes under it.

The run reads the usable segments at its start and saves its themes minutes later; a word
redacted (or a transcript approved again) meanwhile deletes segments the run placed. Saving
failed on the foreign key with "an unexpected error (IntegrityError ... [SQL: INSERT INTO
theme_segments ...])"; it now fails in plain words, without saving themes found in text that
may hold the words taken out."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import AnalysisRun, RunStatus, ThemeAlso, ThemeSegment
from analysis.services import themes as service
from forum.extensions import db
from forum.models import Segment


def test_a_run_whose_segments_changed_meanwhile_saves_nothing_and_says_why(consultation, forum_rows,
                                                                   monkeypatch):
    import analysis.core.themes as core
    from analysis.services.segment_resets import withdraw

    real = core.run_analysis
    gone = forum_rows[0].id

    def redacted_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        # What the web request that redacts a word does, while the run is still working.
        withdraw([db.session.get(Segment, gone)])
        db.session.commit()
        return result

    monkeypatch.setattr(core, "run_analysis", redacted_meanwhile)
    run = service.start_run(consultation.id, None)
    db.session.expire_all()
    run = db.session.get(AnalysisRun, run.id)
    assert run.status == RunStatus.FAILED
    assert run.message == service.CHANGED_MEANWHILE
    assert db.session.get(Segment, gone) is None
    assert not db.session.scalars(select(ThemeSegment.segment_id)).all()
    assert not db.session.scalars(select(ThemeAlso.segment_id)).all()
    # Run again, it reads the text as it is now.
    monkeypatch.setattr(core, "run_analysis", real)
    again = db.session.get(AnalysisRun, service.retry_run(run, None).id)
    assert again.status == RunStatus.DONE, again.message
    assert gone not in set(db.session.scalars(select(ThemeSegment.segment_id)))


def test_the_question_remap_saves_nothing_for_segments_deleted_while_it_ran(
        consultation, forum_rows, monkeypatch):
    """The remap job (after people confirm a question link) reads the segments, embeds and
    maps them, then saves a row per segment: one deleted meanwhile failed the foreign key."""
    import analysis.core.questions as core
    from analysis.models import SegmentQuestionMap
    from analysis.services.question_map import refresh_mapping
    from analysis.services.segment_resets import withdraw

    real = core.map_passages
    gone = forum_rows[0].id

    def redacted_meanwhile(*args, **kwargs):
        found = real(*args, **kwargs)
        assert gone in found  # it was mapped, from the text read at the start
        withdraw([db.session.get(Segment, gone)])
        db.session.commit()
        return found

    monkeypatch.setattr(core, "map_passages", redacted_meanwhile)
    saved = refresh_mapping(consultation.id)
    db.session.commit()
    mapped = set(db.session.scalars(select(SegmentQuestionMap.segment_id)))
    assert saved == len(mapped) and mapped
    assert gone not in mapped

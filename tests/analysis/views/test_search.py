"""Search by meaning and by keyword, with filters."""
from __future__ import annotations

import re

from sqlalchemy import select

from analysis.models import Theme
from analysis.services.search import Filters, keywords, search_segments
from forum.access import Role
from forum.extensions import db


def test_question_words_are_dropped_from_keywords():
    assert keywords("What did members say about breach?") == ["breach"]
    assert keywords("housing after prison") == ["housing", "prison"]  # "after": too common


def test_breach_question_finds_breach_segments_by_keyword_and_meaning(app, analysed, consultation):
    from analysis.services.embeddings import EMBEDDER_KEY
    from analysis.services.meaning import meaning_similarities

    query = "what did members say about breach?"
    hits = search_segments(consultation.id, query, Filters(),
                           meaning_similarities(consultation.id, query,
                                                app.extensions[EMBEDDER_KEY]))
    texts = [h.segment.text.lower() for h in hits]
    assert hits and "breach" in texts[0]
    assert any("keyword" in h.reasons for h in hits)
    # The fake embedder puts "recalled" and "licence" near "breach": found by meaning alone.
    assert any(h.reasons == ["meaning"] for h in hits)
    assert all(("breach" in t) or h.similarity >= 0.3 for t, h in zip(texts, hits, strict=True))


def test_filters_narrow_by_source_theme_and_group(app, analysed, consultation):
    housing = db.session.scalar(select(Theme).where(Theme.code == "Housing and homelessness"))
    in_theme = search_segments(consultation.id, "housing", Filters(theme=str(housing.id)))
    assert in_theme and all(h.theme.id == housing.id for h in in_theme)
    surveys = search_segments(consultation.id, "housing", Filters(source="survey"))
    assert surveys and all(h.segment.source_type.value == "survey" for h in surveys)
    women = search_segments(consultation.id, "housing", Filters(group="Gender=Woman"))
    assert women and all(h.segment.member.gender == "Woman" for h in women)
    ungrouped = search_segments(consultation.id, "", Filters(theme="none"))
    assert all(h.theme is None for h in ungrouped)


def test_search_page_shows_text_member_source_and_theme(auth, analysed, consultation):
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={
                               "q": "what did members say about breach?"}).get_data(as_text=True)
    assert re.search(r'id="found">\d+ things members said', html) and "Matched by keyword" in html
    assert "Focus group" in html or "Survey" in html
    assert "/themes/" in html
    empty = auth.client.get(f"/consultations/{consultation.id}/search").get_data(as_text=True)
    assert 'id="found"' not in empty and "What are you looking for?" in empty


def test_searching_for_nothing_says_what_to_type(auth, analysed, consultation):
    """Search pressed with an empty box and no filter showed the same page back, unexplained."""
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "  ", "source": "", "submit": "y"}).get_data(
                               as_text=True)
    assert "govuk-error-summary" in html and "Enter words to look for" in html


def _add(consultation_id, text, source=None, member=None, held=False):
    from forum.models import Segment, SegmentSource
    from forum.services.segments import text_hash

    row = Segment(consultation_id=consultation_id, source_type=source or SegmentSource.DOCUMENT,
                  source_id=1, position=0, member_id=member.id if member else None, text=text,
                  text_hash=text_hash(text), held=held)
    db.session.add(row)
    db.session.commit()
    return row


def test_keyword_search_finds_every_form_of_a_word(app, analysed, consultation):
    # "breaching" and "breached" share the stem of "breach": the database's full-text
    # engine (FTS5 porter / PostgreSQL english) matches them, with no stemming of ours.
    for query in ("breach", "breached", "breaching"):
        texts = [h.segment.text.lower() for h in search_segments(consultation.id, query, Filters())]
        assert any("breached" in t for t in texts), query
        assert any(" breach " in f" {t} " for t in texts), query
        assert all("breach" in t for t in texts)


def test_source_document_returns_document_passages(app, analysed, consultation):
    passage = _add(consultation.id,
                   "Officers should stop breaching people for one missed appointment.")
    hits = search_segments(consultation.id, "breached", Filters(source="document"))
    assert [h.segment.id for h in hits] == [passage.id]
    assert hits[0].segment.member is None and hits[0].reasons == ["keyword"]
    # Documents are public text, not members' words: no theme holds them.
    assert passage.id not in {h.segment.id for h in search_segments(
        consultation.id, "breached", Filters(theme="none"))}
    for source, word in (("transcript", "breach"), ("survey", "housing")):
        found = search_segments(consultation.id, word, Filters(source=source))
        assert found and all(h.segment.source_type.value == source for h in found)


def test_consent_and_holds_apply_to_results(app, analysed, consultation):
    from forum.models import Member
    from forum.services.segments import usable_segments

    held = _add(consultation.id, "A held breaching story.", source=_transcript(), held=True,
                member=usable_segments(consultation.id)[0].member)
    outsider = next(m for m in db.session.scalars(select(Member))
                    if m.consent is None or not m.consent.take_part or m.consent.withdrawn)
    withdrawn = _add(consultation.id, "A breaching story from someone not taking part.",
                     source=_transcript(), member=outsider)
    found = {h.segment.id for h in search_segments(consultation.id, "breaching", Filters())}
    assert found and held.id not in found and withdrawn.id not in found


def _transcript():
    from forum.models import SegmentSource

    return SegmentSource.TRANSCRIPT


def test_keyword_index_follows_edits_and_deletions(app, analysed, consultation):
    passage = _add(consultation.id, "Nothing about the subject yet.")
    assert passage.id not in {h.segment.id
                              for h in search_segments(consultation.id, "curfews", Filters())}
    passage.text = "The curfew was set at seven."
    db.session.commit()
    ids = {h.segment.id for h in search_segments(consultation.id, "curfews", Filters())}
    assert passage.id in ids
    assert passage.id not in {h.segment.id
                              for h in search_segments(consultation.id, "subject", Filters())}
    db.session.delete(passage)
    db.session.commit()
    assert passage.id not in {h.segment.id
                              for h in search_segments(consultation.id, "curfews", Filters())}


def test_odd_characters_are_searched_as_words(app, analysed, consultation):
    for query in ('breach"', "breach AND OR NOT (", "breach*", "o'clock -breach", "NEAR(breach)"):
        assert isinstance(search_segments(consultation.id, query, Filters()), list)


def test_meaning_search_is_answered_by_the_worker(app, analysed, consultation):
    from analysis.services.meaning import ask_meaning

    similarity, note = ask_meaning(consultation.id, "recalled")
    assert note is None and similarity
    hits = search_segments(consultation.id, "recalled", Filters(), similarity)
    assert any(h.reasons == ["meaning"] and "breach" in h.segment.text.lower() for h in hits)


def test_search_page_answers_with_keywords_when_the_worker_is_silent(auth, analysed, consultation,
                                                                    monkeypatch):
    from forum import calls

    def silent(*args, **kwargs):
        raise calls.WorkerUnavailable("no answer")

    monkeypatch.setattr("analysis.services.meaning.call_worker", silent)
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"q": "breaching"}).get_data(as_text=True)
    assert "Matched by keyword" in html and "keyword matches only" in html
    assert "still starting up" not in html


def test_filters_alone_list_what_they_leave(auth, analysed, consultation):
    passage = _add(consultation.id, "A public passage about services in the area.")
    documents = search_segments(consultation.id, "", Filters(source="document"))
    assert [h.segment.id for h in documents] == [passage.id]
    surveys = search_segments(consultation.id, "", Filters(source="survey"))
    assert surveys and all(h.segment.source_type.value == "survey" for h in surveys)
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/consultations/{consultation.id}/search",
                           query_string={"source": "document"}).get_data(as_text=True)
    assert 'id="found">1 document passage found<' in html
    assert "A public passage about services" in html


def test_a_segment_saying_more_of_the_query_ranks_higher(app, analysed, consultation):
    # Written first, so a tie on the old flat bonus would put it on top.
    common = _add(consultation.id, "In and out, in and out, you get out and get back.")
    wanted = _add(consultation.id, "Nowhere to live when you get out.")
    hits = search_segments(consultation.id, "somewhere to live when you get out", Filters())
    ranked = [h.segment.id for h in hits]
    assert wanted.id in ranked and common.id in ranked
    assert ranked.index(wanted.id) < ranked.index(common.id)
    assert hits[ranked.index(wanted.id)].score > hits[ranked.index(common.id)].score


def test_a_word_no_segment_says_does_not_lower_the_keyword_score(app, analysed, consultation):
    # PostgreSQL finds nothing for its stop words ("out", "more", "again"), SQLite does: a
    # word found nowhere must not shrink every other word's share of the query.
    from analysis.services.search import keyword_scores

    said = _add(consultation.id, "They breached me for being late once.")
    alone = keyword_scores(consultation.id, ["breach"])
    with_unsaid = keyword_scores(consultation.id, ["breach", "zzyzzx"])
    assert alone[said.id] == with_unsaid[said.id] == 1.0


def test_what_says_the_words_comes_before_what_is_only_close_in_meaning(app, analysed,
                                                                      consultation):
    # Someone searching a word wants every passage that says it first; a long passage
    # saying it is rarely as close in meaning as a short remark on the subject.
    from analysis.services.meaning import ask_meaning

    for query in ("recalled", "breach", "housing"):
        similarity, _ = ask_meaning(consultation.id, query)
        hits = search_segments(consultation.id, query, Filters(), similarity)
        kinds = ["keyword" in h.reasons for h in hits]
        assert True in kinds and False in kinds, query
        assert kinds == sorted(kinds, reverse=True), query


def test_a_segment_a_person_said_answers_no_question_leaves_that_questions_filter(
        app, analysed, consultation):
    # Search kept filing it under the mapping's question until the background remap ran:
    # a person's "answers none of the questions" wins at once, as on the mapping page.
    from analysis.models import SegmentQuestionMap
    from forum.models import Segment

    link = db.session.scalars(select(SegmentQuestionMap).join(
        Segment, Segment.id == SegmentQuestionMap.segment_id).where(
        Segment.consultation_id == consultation.id, Segment.question_id.is_(None),
        SegmentQuestionMap.question_id.is_not(None))).first()
    words = max(db.session.get(Segment, link.segment_id).text.split(), key=len).strip(".,?!'\"")
    question = Filters(question=str(link.question_id))
    assert link.segment_id in {h.segment.id for h in search_segments(
        consultation.id, words, question)}
    db.session.get(Segment, link.segment_id).no_question = True  # the remap has not run yet
    db.session.commit()
    assert link.segment_id not in {h.segment.id for h in search_segments(
        consultation.id, words, question)}

"""Saving drafts: revisions, version history, restore, quote order."""
import pytest

from exports.services.draft_quotes import add_quote, change_quotes
from exports.services.drafts import current_draft
from exports.services.editing import DraftConflict, DraftEdit, restore_version, save_draft
from forum.extensions import db
from forum.services.members import withdraw_consent


def _edit(**fields):
    return DraftEdit(fields=fields)


def test_each_save_moves_the_revision_on_and_keeps_a_version(forum, officer):
    draft = current_draft(forum.consultation.id)
    assert draft.revision == 1
    save_draft(draft, _edit(summary="First summary"), 1, officer)
    save_draft(draft, _edit(summary="Second summary"), 2, officer)
    assert draft.revision == 3
    assert [v.snapshot["summary"] for v in draft.versions] == ["Second summary", "First summary"]
    assert draft.versions[0].author == officer and draft.versions[0].note == "Saved"


def test_autosaves_by_one_person_share_a_history_entry(forum, officer):
    draft = current_draft(forum.consultation.id)
    save_draft(draft, _edit(summary="a"), 1, officer, autosave=True)
    save_draft(draft, _edit(summary="ab"), 2, officer, autosave=True)
    save_draft(draft, _edit(summary="abc"), 3, officer)
    db.session.expire_all()
    assert [(v.note, v.snapshot["summary"], v.revision) for v in draft.versions] == [
        ("Saved", "abc", 4), ("Autosaved", "ab", 3)]


def test_a_save_from_an_old_revision_is_refused_and_shows_the_other_change(forum, officer, users):
    from forum.access import Role

    draft = current_draft(forum.consultation.id)
    other = users[Role.ADMIN]
    save_draft(draft, _edit(summary="Admin's summary"), 1, other)
    with pytest.raises(DraftConflict) as raised:
        save_draft(draft, _edit(summary="Officer's summary", introduction=""), 1, officer)
    assert "Test Admin saved this draft" in str(raised.value)
    assert raised.value.differences == [("Summary", "Admin's summary")]
    db.session.expire_all()
    assert draft.summary == "Admin's summary" and draft.revision == 2


def test_restore_brings_back_an_old_version_as_a_new_one(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    save_draft(draft, DraftEdit(fields={"summary": "Old"}, section_text={section.id: "Old text"},
                                recommendations=["Keep homes"]), 1, officer)
    old = draft.versions[0]
    save_draft(draft, DraftEdit(fields={"summary": "New"}, section_text={section.id: "New text"}),
               2, officer)
    dropped = restore_version(draft, old, officer, 3)
    assert dropped == []
    assert (draft.summary, section.text, draft.recommendations) == ("Old", "Old text",
                                                                    ["Keep homes"])
    assert draft.revision == 4 and len(draft.versions) == 3
    assert draft.versions[0].note.startswith("Restored the version saved by Test Policy officer")
    with pytest.raises(DraftConflict):
        restore_version(draft, old, officer, 3)


def test_restore_never_brings_back_a_withdrawn_members_quote(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    add_quote(section, forum.segments["Quitter"].id, officer)
    add_quote(section, forum.segments["Amber"].id, officer)
    with_quitter = draft.versions[0]
    withdraw_consent(forum.members["Quitter"], None)
    db.session.expire_all()
    dropped = restore_version(draft, with_quitter, officer, draft.revision)
    assert dropped == ["Q2"]
    assert [q.segment_id for q in section.quotes] == [forum.segments["Amber"].id]


def test_quotes_move_and_leave_in_the_officers_order(forum, officer):
    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    for name in ("Amber", "Fern", "Elm"):
        add_quote(section, forum.segments[name].id, officer)
    ids = [q.id for q in section.quotes]
    assert change_quotes(draft, officer, "up", ids[2]) == "Quote moved up in Q2."
    db.session.expire_all()
    assert [q.id for q in section.quotes] == [ids[0], ids[2], ids[1]]
    assert "already at the top" in change_quotes(draft, officer, "up", ids[0])
    change_quotes(draft, officer, "remove", ids[0])
    db.session.expire_all()
    assert [q.id for q in section.quotes] == [ids[2], ids[1]]
    assert [q["segment_id"] for q in draft.versions[0].snapshot["sections"][0]["quotes"]] == [
        forum.segments["Elm"].id, forum.segments["Fern"].id]
    assert change_quotes(draft, officer, "remove", 9999) is None


def test_the_warning_lists_only_what_others_changed_since_the_editor_opened(forum, officer, users):
    from forum.access import Role

    draft = current_draft(forum.consultation.id)
    save_draft(draft, _edit(summary="Mine", introduction="Intro"), 1, officer)
    save_draft(draft, _edit(introduction="The admin's intro"), 2, users[Role.ADMIN])
    with pytest.raises(DraftConflict) as raised:
        save_draft(draft, DraftEdit(fields={"summary": "Mine, longer", "introduction": "Intro"},
                                    recommendations=[]), 2, officer)
    assert raised.value.differences == [("Introduction", "The admin's intro")]


def test_part_of_a_segment_can_be_quoted_and_other_words_are_refused(forum, officer):
    from exports.services.draft_quotes import QuoteWordsError

    draft = current_draft(forum.consultation.id)
    section = next(s for s in draft.sections if s.question.number == "2")
    # "When I got out I had nowhere to go. The council said come back Monday."
    amber = forum.segments["Amber"]
    with pytest.raises(QuoteWordsError):
        add_quote(section, amber.id, officer, words="I had nowhere to live")
    assert section.quotes == []  # nothing added on bad input
    message = add_quote(section, amber.id, officer,
                        words="  I had nowhere\n to go. ... come back Monday. ")
    assert message == "Quote added to Q2."
    # It starts mid-sentence, after "When I got out": dots say words were left out.
    assert section.quotes[0].text == "... I had nowhere to go. ... come back Monday."
    whole = next(s for s in draft.sections if s.question.number == "5")
    add_quote(whole, forum.segments["Birch"].id, officer, words="   ")  # blank: the whole segment
    assert whole.quotes[0].text == forum.segments["Birch"].text


def test_a_colleagues_easy_read_heading_is_named_in_the_conflict_warning(forum, officer, users):
    from forum.access import Role

    draft = current_draft(forum.consultation.id)
    q5 = next(s for s in draft.sections if s.question.number == "5")
    save_draft(draft, _edit(summary="Mine"), 1, officer)
    save_draft(draft, DraftEdit(easy_read_headings={q5.id: "Getting a job"}), 2,
               users[Role.ADMIN])
    with pytest.raises(DraftConflict) as raised:  # from the version it opened
        save_draft(draft, _edit(summary="Mine, longer"), 2, officer)
    assert raised.value.differences == [("Q5 Easy Read heading", "Getting a job")]
    with pytest.raises(DraftConflict) as raised:  # no version to compare: what it sent
        save_draft(draft, DraftEdit(easy_read_headings={q5.id: "Work"}), 0, officer)
    assert ("Q5 Easy Read heading", "Getting a job") in raised.value.differences

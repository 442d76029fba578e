"""Questions the draft leaves unanswered are named in every export, never silently skipped:
the demo response printed Chapter 3 and Q5, Q8 and Q9 nowhere, and a reader could not tell
a question was skipped from one lost."""
from __future__ import annotations

from dataclasses import replace

from exports.document import Section
from exports.renderers import render_docx, render_pdf
from exports.renderers.view import UNANSWERED, response_view
from exports.samples import sample_response
from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft, response_document

from .conftest import docx_document, pdf_pages_text

SKIPPED = (Section("Q5", "What would help people on probation get into work?",
                   chapter="Chapter 3: Employment"),
           Section("Q9", "How should people with *lived experience* be involved?"))


def _skipping():
    return replace(sample_response(2), unanswered=SKIPPED)


def test_the_document_lists_the_questions_it_leaves_out(forum, officer):
    draft = current_draft(forum.consultation.id)
    next(s for s in draft.sections if s.question.number == "5").text = "Work coaches help."
    add_quote(next(s for s in draft.sections if s.question.number == "2"),
              forum.segments["Amber"].id, officer)
    doc = response_document(draft)
    assert [s.number for s in doc.sections] == ["Q2", "Q5"]
    assert [(s.number, s.question) for s in doc.unanswered] == [
        ("Q7", next(s for s in draft.sections if s.question.number == "7").question.text)]


def test_the_view_ends_the_answers_with_the_unanswered_questions():
    view = response_view(_skipping())
    titles = [part.title for part in view.parts]
    assert titles.index(UNANSWERED) == titles.index("Further information") - 1
    part = view.parts[titles.index(UNANSWERED)]
    assert part.level == 1 and part.kind == "text"
    # Listed as typed: a star in a question is no markup.
    items = [" ".join(r.text for r in item) for item in part.blocks[1].items]
    assert items == ["Q5. What would help people on probation get into work?",
                     "Q9. How should people with *lived experience* be involved?"]
    assert UNANSWERED not in [p.title for p in response_view(sample_response(2)).parts]


def test_the_pdf_and_word_file_say_which_questions_were_not_answered():
    doc = _skipping()
    text = " ".join(pdf_pages_text(render_pdf(doc)))
    assert text.count(UNANSWERED) == 2  # contents and heading
    assert "We have not answered these questions" in text
    assert "Q9. How should people with *lived experience* be involved?" in text
    word = docx_document(render_docx(doc))
    assert UNANSWERED in [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert "Q5. What would help people on probation get into work?" in [
        p.text for p in word.paragraphs if p.style.name == "List Bullet"]

"""Officer markup: blocks, inline styles, notes, and text that is never HTML."""
from exports.markup import (
    BulletList,
    NoteBook,
    Paragraph,
    Run,
    SubHeading,
    clean_text,
    parse,
    parse_inline,
    plain_text,
)


def test_paragraphs_lists_and_subheadings():
    parsed = parse("First line\nsame paragraph.\n\n### Heading\n- one\n- two\n  continued\n\nLast")
    assert parsed.blocks == (
        Paragraph((Run("First line same paragraph."),)),
        SubHeading("Heading"),
        BulletList(((Run("one"),), (Run("two continued"),))),
        Paragraph((Run("Last"),)),
    )


def test_bold_italic_and_bold_containing_italic():
    runs = parse_inline("a **bold *both* bold** and *it* end", {})
    assert runs == (Run("a "), Run("bold ", bold=True), Run("both", bold=True, italic=True),
                    Run(" bold", bold=True), Run(" and "), Run("it", italic=True), Run(" end"))


def test_lone_asterisks_stay_text():
    assert plain_text(parse_inline("2 * 3 = 6 and a*", {})) == "2 * 3 = 6 and a*"


def test_notes_are_numbered_across_fields_in_order_of_marks():
    book = NoteBook()
    first = book.blocks("See this[^a] and that[^b].\n\n[^b]: Bee.\n[^a]: *Ay*.")
    second = book.blocks("Again[^a].\n[^a]: Second field's own note.")
    assert first[0].runs == (Run("See this"), Run("", note=1), Run(" and that"),
                             Run("", note=2), Run("."))
    assert second[0].runs[1] == Run("", note=3)
    assert [(n, plain_text(runs)) for n, runs in book.notes] == [
        (1, "Ay."), (2, "Bee."), (3, "Second field's own note.")]
    assert book.notes[0][1] == (Run("Ay", italic=True), Run("."))


def test_mark_without_note_text_stays_visible_and_unmarked_note_is_kept():
    book = NoteBook()
    blocks = book.blocks("Text[^missing].\n\n[^spare]: Nobody points here.")
    assert blocks == (Paragraph((Run("Text[^missing]."),)),)
    assert [(n, plain_text(r)) for n, r in book.notes] == [(1, "Nobody points here.")]


def test_html_is_just_text():
    parsed = parse('<script>alert(1)</script> <img src="file:///etc/passwd">')
    assert plain_text(parsed.blocks[0].runs) == (
        '<script>alert(1)</script> <img src="file:///etc/passwd">')


def test_control_characters_are_removed():
    assert clean_text("a\x00b\x07c\x1bd\x7fe\ufffef\tg\r\nh") == "abcdef\tg\nh"
    assert clean_text(None) == ""
    assert plain_text(parse("x\x0by").blocks[0].runs) == "xy"

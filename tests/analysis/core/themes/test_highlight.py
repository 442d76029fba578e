"""Highlight spans agree with what deductive coding matched."""
from analysis.core.themes.coding import code_documents
from analysis.core.themes.highlight import find_term_spans, split_highlights
from analysis.core.themes.schema import Code, Codebook, SegmentInput
from analysis.core.themes.words import SimpleWordAnalyser

CODE = Code("Housing", search_terms=("evict*", "rough sleeping", "hostel", r"re:section 13[56]"))
TEXT = "I was evicted, then rough-sleeping; the hostels were full. Section 136 twice."


def test_spans_cover_prefixes_phrases_plurals_and_patterns():
    spans = find_term_spans(TEXT, CODE, SimpleWordAnalyser())
    assert [(TEXT[s.start:s.end], s.term) for s in spans] == [
        ("evicted", "evict*"), ("rough-sleeping", "rough sleeping"), ("hostels", "hostel"),
        ("Section 136", r"re:section 13[56]")]


def test_pieces_join_back_to_the_text():
    pieces = split_highlights(TEXT, find_term_spans(TEXT, CODE, SimpleWordAnalyser()))
    assert "".join(piece for piece, _ in pieces) == TEXT
    assert [piece for piece, term in pieces if term] == ["evicted", "rough-sleeping", "hostels",
                                                         "Section 136"]


def test_every_coded_passage_has_a_highlight():
    texts = [TEXT, "Nothing about it here.", "They evict people for rent arrears."]
    passages = [SegmentInput(id=i, text=t, text_hash=str(i), source_key="doc")
                for i, t in enumerate(texts)]
    matrix = code_documents(passages, Codebook((CODE,)), words=SimpleWordAnalyser())
    coded = set(matrix.cells[("doc", "Housing")].passage_ids)
    assert coded == {0, 2}
    assert {i for i, t in enumerate(texts)
            if find_term_spans(t, CODE, SimpleWordAnalyser())} == coded

"""The coding matrix: counts per source and code, decisions that last, escaped highlights, CSV."""
import csv
import io

import pytest
from sqlalchemy import select

from analysis.models import CodebookEntry, CodingDecision, Decision, DocumentSource, DocumentStatus
from analysis.services.coding import coding_matrix
from forum.access import Role
from forum.extensions import db
from forum.models import Member, Segment, SegmentSource
from forum.services.segments import text_hash


def segment(source_type, source_id, text, member=None, position=0, held=False):
    row = Segment(consultation_id=1, source_type=source_type, source_id=source_id,
                  position=position,
                  member_id=member.id if member else None, text=text, text_hash=text_hash(text),
                  held=held)
    db.session.add(row)
    return row


def document(title, passages):
    doc = DocumentSource(consultation_id=1, title=title, filename=f"{title}.txt",
                         stored_name=title * 2,
                         kind="txt", size=10, sha256=title, status=DocumentStatus.READY,
                         passage_count=len(passages))
    db.session.add(doc)
    db.session.flush()
    return doc, [segment(SegmentSource.DOCUMENT, doc.id, text, position=i)
                 for i, text in enumerate(passages)]


@pytest.fixture
def coded(demo):
    members = db.session.scalars(select(Member).order_by(Member.id)).all()
    quotes, no_quotes, withdrawn = members[0], members[4], members[11]  # see forum/demo MEMBERS
    assert quotes.may_quote and not no_quotes.may_quote and withdrawn.consent.withdrawn
    housing = CodebookEntry(consultation_id=1, position=1, name="Housing",
                            search_terms=["homeless*", "hostel"])
    health = CodebookEntry(consultation_id=1, position=2, name="Mental health",
                           search_terms=["mental health", "re:section 13[56]"])
    db.session.add_all([housing, health])
    plan_a, passages = document("Plan A", ["We will help homeless people off the streets.",
                                           "More hostel places and mental health beds.",
                                           "No more <b>Section 136</b> detentions in cells."])
    plan_b, _ = document("Plan B", ["Nothing here about either code."])
    quotable = segment(SegmentSource.TRANSCRIPT, 7, "I was homeless after prison.", quotes, 1)
    unquotable = segment(SegmentSource.TRANSCRIPT, 7, "The hostel was awful.", no_quotes, 2)
    segment(SegmentSource.TRANSCRIPT, 7, "I was homeless too.", withdrawn, 3)  # withdrawn
    segment(SegmentSource.TRANSCRIPT, 7, "I was homeless and want to die.", quotes, 4, held=True)
    db.session.commit()
    return {"housing": housing, "health": health, "plan_a": plan_a, "plan_b": plan_b,
            "passages": passages, "quotable": quotable, "unquotable": unquotable}


def test_matrix_counts_each_source_and_code(coded):
    matrix = coding_matrix(1)
    keys = [s.key for s in matrix.sources]
    plan_a, plan_b = f"document:{coded['plan_a'].id}", f"document:{coded['plan_b'].id}"
    assert keys == [plan_a, plan_b, "transcript:7"]
    counts = {(s.key, e.name): matrix.cell(s.key, e.id).count() for s in matrix.sources
              for e in matrix.entries}
    assert counts == {(plan_a, "Housing"): 2, (plan_a, "Mental health"): 2,
                      (plan_b, "Housing"): 0, (plan_b, "Mental health"): 0,
                      # the withdrawn member's and the held segment are not read
                      ("transcript:7", "Housing"): 2, ("transcript:7", "Mental health"): 0}
    assert matrix.cell(plan_a, coded["housing"].id).state == "unreviewed"
    assert matrix.cell(plan_b, coded["housing"].id).state == "none"


def decide(client, entry, passage, decision, source=""):
    return client.post(f"/consultations/1/coding/{entry.id}/decide",
                       data={"segment_id": passage.id, "decision": decision, "source": source})


def test_confirm_and_reject_persist_and_survive_rebuilt_segments(auth, coded):
    auth.login(Role.POLICY_OFFICER)
    housing, plan_a = coded["housing"], f"document:{coded['plan_a'].id}"
    first, second = coded["passages"][:2]
    response = decide(auth.client, housing, first, "confirmed", plan_a)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#passage-{first.id}")
    decide(auth.client, housing, second, "rejected", plan_a)
    decide(auth.client, housing, coded["unquotable"], "rejected")
    cell = coding_matrix(1).cell(plan_a, housing.id)
    assert (cell.count(Decision.CONFIRMED), cell.count(Decision.REJECTED), cell.unreviewed) == (1,
        1, 0)
    assert cell.state == "confirmed"
    # Segments are rebuilt (a transcript's speakers changed): same words, new row.
    text, member_id = coded["unquotable"].text, coded["unquotable"].member_id
    db.session.delete(coded["unquotable"])
    db.session.commit()
    again = segment(SegmentSource.TRANSCRIPT, 7, text, db.session.get(Member, member_id), 2)
    db.session.commit()
    match = next(m for m in coding_matrix(1).cell("transcript:7", housing.id).matches
                 if m.segment.id == again.id)
    assert match.decision == Decision.REJECTED
    decide(auth.client, housing, second, "clear")
    assert coding_matrix(1).cell(plan_a, housing.id).unreviewed == 1
    assert db.session.scalar(
        select(CodingDecision).where(CodingDecision.text_hash == second.text_hash)) is None


def test_cell_page_highlights_matched_terms_and_escapes_text(auth, coded):
    auth.login(Role.FACILITATOR)
    url = f"/consultations/1/coding/{coded['health'].id}/document:{coded['plan_a'].id}"
    html = auth.client.get(url).get_data(as_text=True)
    assert ('&lt;b&gt;<mark class="fv-match" title="matched re:section 13[56]">Section 136</mark>'
            '&lt;/b&gt;') in html
    assert "<b>Section" not in html
    assert '<mark class="fv-match" title="matched mental health">mental health</mark>' in html
    assert auth.client.get(
        f"/consultations/1/coding/{coded['health'].id}/document:999").status_code == 404


def test_a_decision_on_another_consultations_passage_is_refused(auth, coded):
    auth.login(Role.POLICY_OFFICER)
    other = Segment(consultation_id=2, source_type=SegmentSource.DOCUMENT, source_id=1, position=0,
                    text="homeless", text_hash=text_hash("homeless"))
    db.session.add(other)
    db.session.commit()
    assert decide(auth.client, coded["housing"], other, "confirmed").status_code == 404


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_matrix_csv_has_a_row_per_source_and_code(auth, coded):
    auth.login(Role.POLICY_OFFICER)
    decide(auth.client, coded["housing"], coded["passages"][0], "confirmed")
    response = auth.client.get("/consultations/1/coding.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0]) == ["source", "source_kind", "code", "present", "matches", "confirmed",
                             "rejected", "unreviewed"]
    plan_a = next(r for r in rows if r["source"] == "Plan A" and r["code"] == "Housing")
    assert (plan_a["present"], plan_a["matches"], plan_a["confirmed"], plan_a["rejected"],
            plan_a["unreviewed"]) == ("yes", "2", "1", "0", "1")
    assert len(rows) == 3 * 2


def test_passages_csv_leaves_out_words_members_did_not_agree_to_have_quoted(auth, coded):
    auth.login(Role.POLICY_OFFICER)
    rows = read_csv(auth.client.get("/consultations/1/coding-passages.csv"))
    assert list(rows[0]) == ["source", "source_kind", "code", "passage_id", "matched_terms",
                             "decision", "text"]
    texts = {int(r["passage_id"]): r["text"] for r in rows}
    assert texts[coded["quotable"].id] == "I was homeless after prison."
    assert "hostel was awful" not in " ".join(texts.values())
    assert texts[coded["unquotable"].id].startswith("[not included")
    assert texts[coded["passages"][1].id] == "More hostel places and mental health beds."
    assert {r["decision"] for r in rows} == {"unreviewed"}


def test_matrix_page_shows_states(auth, coded):
    auth.login(Role.FACILITATOR)
    decide(auth.client, coded["housing"], coded["passages"][0], "confirmed")
    html = auth.client.get("/consultations/1/coding").get_data(as_text=True)
    assert "3 sources × 2 codes" in html
    assert "fv-cell fv-cell--confirmed" in html and "fv-cell fv-cell--unreviewed" in html


def test_the_cell_page_marks_passages_that_are_not_quotable_by_the_one_rule(auth, coded):
    flagged = coded["quotable"]
    flagged.risk_flagged = True  # the member may be quoted, but nobody cleared these words yet
    db.session.commit()
    auth.login(Role.FACILITATOR)

    html = auth.client.get(f"/consultations/1/coding/{coded['housing'].id}/transcript:7")
    html = html.get_data(as_text=True)

    passage = html[html.index(f'id="passage-{flagged.id}"'):]
    assert "(not quotable)" in passage[:passage.index("Matched:")]
    other = html[html.index(f'id="passage-{coded["unquotable"].id}"'):]
    assert "(not quotable)" in other[:other.index("Matched:")]

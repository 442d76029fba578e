"""A quote edited by hand on the draft page follows the "..." rule of quotes chosen by selection."""
from exports.services.draft_quotes import add_quote
from exports.services.drafts import current_draft
from forum.access import Role
from forum.extensions import db
from tests.exports.test_views import _form, _url


def test_a_hand_edited_quote_gets_dots_where_it_cuts_the_members_words(forum, auth, officer):
    # Fern said: "The hostel was full of drugs, I lasted two nights."
    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    add_quote(q2, forum.segments["Fern"].id, officer)
    db.session.commit()
    quote = q2.quotes[0]
    auth.login(Role.POLICY_OFFICER)
    for typed, saved in [("I lasted   two nights.", "... I lasted two nights."),
                         ("The hostel was full of drugs", "The hostel was full of drugs ..."),
                         # Only the full stop left off: nothing cut at the end.
                         ("hostel was full ... two nights", "... hostel was full ... two nights"),
                         # The whole of it, or words not hers (flagged by the editor): no dots.
                         ("The hostel was full of drugs, I lasted two nights.",
                          "The hostel was full of drugs, I lasted two nights."),
                         ("Words she  never said", "Words she never said")]:
        db.session.expire_all()
        response = auth.client.post(_url(forum), data=_form(
            draft, **{f"quote-{quote.id}-text": typed}))
        assert response.status_code == 302
        db.session.expire_all()
        assert quote.text == saved

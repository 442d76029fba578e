"""Pages called the same thing a 'focus group' and a 'session' ("Focus-group sessions",
"Add a session", "Edit session", "Back to the session", "Session saved."). Users see one word:
focus group. Code and addresses keep 'session'."""
import re

from forum.access import Role

SESSION = re.compile(r"\bsessions?\b", re.IGNORECASE)


def _visible(html: str) -> str:
    """The words on the page, with the form's own labels and option groups."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    labels = " ".join(re.findall(r'(?:label|aria-label|title)="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + labels


def test_the_focus_group_pages_say_focus_group(auth, demo):
    auth.login(Role.FACILITATOR)
    saved = auth.client.post("/sessions/new", data={
        "title": "Women's group", "consultation_id": 1, "held_on": ["2", "11", "2026"],
        "area": "", "facilitator_id": 0}, follow_redirects=True).get_data(as_text=True)
    assert "Focus group saved." in saved
    refused = auth.client.post("/sessions/new", data={"consultation_id": 1}).get_data(
        as_text=True)
    assert "Enter a name for the focus group" in refused
    assert "Enter the date of the focus group" in refused
    pages = {"saved": saved, "refused": refused}
    for url in ("/", "/sessions/", "/sessions/new", "/sessions/1", "/sessions/1/edit",
                "/consultations/1", "/sessions/1/transcripts/new", "/sessions/1/delete"):
        response = auth.client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.get_data(as_text=True)
    said = {url: SESSION.findall(_visible(html)) for url, html in pages.items()}
    assert said == {url: [] for url in pages}

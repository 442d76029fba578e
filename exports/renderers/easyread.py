"""The Easy Read "You said, we did" summary as a large-print, tagged PDF for forum members."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from exports.document import EasyReadDocument
from exports.markup import clean_text
from exports.renderers.fetcher import STATIC_ROOTS
from exports.renderers.pdf import html_to_pdf
from exports.renderers.templating import render
from exports.renderers.view import long_date

__all__ = ["render_easy_read_pdf", "easy_read_html", "easy_read_view", "PICTURES"]

PICTURES = STATIC_ROOTS["exports"] / "easyread"
DEFAULT_ITEM_PICTURE = "speech.svg"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# The summary's own words, printed the same in the PDF and the Word file.
LABELS = {"asked": "The question was:", "said": "You said:",
          "no_quote": "Many of you talked about this.", "did": "We did:", "contact": "Questions?"}


@dataclass(frozen=True)
class Picture:
    name: str
    alt: str


@lru_cache(maxsize=64)
def picture(name: str) -> Picture | None:
    """A pictogram shipped in exports/static/easyread/, with its title as alt text.

    Args:
        name: a file name such as "clock.svg".

    Returns:
        The picture, or None when no such file is shipped.
    """
    if not name or "/" in name or "\\" in name or not (PICTURES / name).is_file():
        return None
    match = _TITLE.search((PICTURES / name).read_text(encoding="utf-8"))
    return Picture(name, match[1].strip() if match else name.rsplit(".", 1)[0])


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in clean_text(text).split("\n") if line.strip()]


def easy_read_view(doc: EasyReadDocument) -> dict:
    """The summary's words, cleaned and split into lines: what the PDF and Word files print.

    Args:
        doc: the checked summary.

    Returns:
        title, organisation, date_text, language, intro (lines), themes (each with theme,
        asked, picture, quote and did lines), contact (lines) and the labels.
    """
    items = []
    for item in doc.items:
        quote = " ".join(clean_text(item.quote.text).split()) if item.quote else ""
        items.append({
            "theme": clean_text(item.theme).strip(),
            "asked": " ".join(clean_text(item.asked).split()),
            "picture": picture(item.picture) or picture(DEFAULT_ITEM_PICTURE),
            "quote": quote,
            "did": _lines(item.what_we_did),
        })
    return {
        "title": clean_text(doc.title).strip() or "You said, we did",
        "organisation": clean_text(doc.organisation).strip(),
        "date_text": long_date(doc.date),
        "language": clean_text(doc.language).strip() or "en-GB",
        "intro": [line for text in doc.intro for line in _lines(text)],
        "themes": items,
        "contact": _lines(doc.contact),
        "labels": LABELS,
    }


def easy_read_html(doc: EasyReadDocument) -> str:
    """The Easy Read page as HTML; all text escaped.

    Args:
        doc: the checked summary.

    Returns:
        A complete HTML document.
    """
    pictures = {"intro": picture("people.svg"), "said": picture("quote.svg"),
                "did": picture("tick.svg"), "contact": picture("phone.svg")}
    return render("easyread.html", view=easy_read_view(doc), pictures=pictures)


def render_easy_read_pdf(doc: EasyReadDocument) -> bytes:
    """Print the Easy Read summary.

    Args:
        doc: the checked summary (see ``exports.document``).

    Returns:
        Tagged PDF bytes: 18 pt text, one idea per line with a picture slot beside it.
    """
    return html_to_pdf(easy_read_html(doc))

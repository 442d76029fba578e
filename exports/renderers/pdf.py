"""Consultation responses as tagged, accessible PDF (PDF/UA-1) through WeasyPrint."""
from __future__ import annotations

import base64
import logging
from dataclasses import replace

from analysis.charts import theme_chart_svg
from exports.document import ResponseDocument
from exports.markup import clean_text
from exports.renderers.fetcher import StaticOnlyFetcher
from exports.renderers.templating import render
from exports.renderers.view import chart_summary, quote_attribution, quote_text, response_view

__all__ = ["render_pdf", "html_to_pdf", "response_html"]

log = logging.getLogger(__name__)
PDF_VARIANT = "pdf/ua-1"


def response_html(doc: ResponseDocument) -> str:
    """The response as the HTML WeasyPrint prints (useful for tests and previews).

    Args:
        doc: the checked response.

    Returns:
        A complete HTML document; all document text is escaped.
    """
    view = response_view(doc)
    alt = chart_summary(view.figures) if view.figures else ""
    # XML cannot carry control characters: the chart gets the labels the text prints.
    figures = [replace(f, label=clean_text(f.label)) for f in view.figures]
    svg = theme_chart_svg(figures, alt) if figures else ""
    chart_uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
    return render("response.html", view=view, chart_uri=chart_uri, chart_alt=alt,
                  quote_text=quote_text, quote_attribution=quote_attribution)


def render_pdf(doc: ResponseDocument) -> bytes:
    """Print a response as a tagged PDF.

    Args:
        doc: the checked response (see ``exports.document``).

    Returns:
        PDF bytes: PDF/UA-1 tags, document title and language, cover, contents with page
        numbers, running header and "Page N of M" footer.
    """
    return html_to_pdf(response_html(doc))


def html_to_pdf(html: str) -> bytes:
    """Print export HTML with the static-only fetcher and no attachments.

    Args:
        html: a page from ``exports/templates/exports``.

    Returns:
        PDF bytes.
    """
    from weasyprint import HTML  # heavy: loaded only when a PDF is made

    fetcher = StaticOnlyFetcher()
    document = HTML(string=html, url_fetcher=fetcher).render(pdf_variant=PDF_VARIANT)
    _drop_attachments(document)
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    if fetcher.refused:
        log.warning("Export PDF: refused to fetch %d URL(s): %s", len(fetcher.refused),
                    ", ".join(url[:60] for url in fetcher.refused))
    return pdf


def _drop_attachments(document) -> None:
    # Export HTML never asks for attachments; if any <link rel=attachment> or
    # <a rel=attachment> ever slipped in, embedding is refused here as well as by the fetcher.
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]

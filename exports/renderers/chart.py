"""The theme chart: a horizontal bar per theme, drawn as SVG by hand (no plotting library).

Each bar sits on a pale track that stands for every member who took part, so bars of
different lengths read as shares of the forum, and the figure "14 of 30" is printed beside it.
"""
from __future__ import annotations

import textwrap

from markupsafe import escape

from exports.document import ThemeFigure
from exports.markup import clean_text
from exports.renderers.view import figure_share

__all__ = ["theme_chart_svg"]

WIDTH = 640
LABEL_WIDTH = 250
TRACK_X = 260
TRACK_WIDTH = 280
ROW = 44
LABEL_CHARS = 34  # about 250 px of 12 px DejaVu Sans
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
BAR = "#1d70b8"
TRACK = "#e8eef5"
TEXT = "#0b0c0c"


def _label_lines(label: str) -> list[str]:
    lines = textwrap.wrap(" ".join(clean_text(label).split()), LABEL_CHARS) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_CHARS, placeholder="…")]
    return lines


def theme_chart_svg(figures: tuple[ThemeFigure, ...], title: str = "") -> str:
    """Draw the theme chart.

    Args:
        figures: bars in the order to show them.
        title: the chart's accessible title (its text alternative).

    Returns:
        A standalone SVG document; every label is escaped.
    """
    height = ROW * len(figures) + 8
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" role="img" font-family="{FONT}" font-size="12">',
           f"<title>{escape(clean_text(title))}</title>"]
    for row, figure in enumerate(figures):
        top = 4 + row * ROW
        middle = top + ROW / 2
        lines = _label_lines(figure.label)
        first = middle + 4 - 7 * (len(lines) - 1)
        for index, line in enumerate(lines):
            out.append(f'<text x="{LABEL_WIDTH}" y="{first + 14 * index:.1f}" '
                       f'text-anchor="end" fill="{TEXT}">{escape(line)}</text>')
        out.append(f'<rect x="{TRACK_X}" y="{middle - 11:.1f}" width="{TRACK_WIDTH}" '
                   f'height="22" fill="{TRACK}"/>')
        bar = TRACK_WIDTH * figure_share(figure)
        if bar > 0:
            out.append(f'<rect x="{TRACK_X}" y="{middle - 11:.1f}" width="{max(bar, 2):.1f}" '
                       f'height="22" fill="{BAR}"/>')
        out.append(f'<text x="{TRACK_X + TRACK_WIDTH + 8}" y="{middle + 4:.1f}" fill="{TEXT}">'
                   f'{int(figure.members)} of {int(figure.total_members)}</text>')
    out.append("</svg>")
    return "\n".join(out)

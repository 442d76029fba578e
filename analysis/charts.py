"""The theme charts, drawn as SVG by hand (no plotting library): one drawing for the themes
page and the printed response, so the two can never show different bars.

The bar chart is standalone SVG: inline on the page (with ids for screen readers) and an
image in the PDF. The heatmap's geometry is drawn by the themes page's template.
"""
from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["ThemeFigure", "figure_share", "figures_from_stats", "group_keys", "heatmap",
           "members_chart", "theme_chart_svg"]

WIDTH = 640
LABEL_WIDTH = 250
TRACK_X = 260
TRACK_WIDTH = 280
ROW = 44
# A group with no members in a theme is hidden like a small one.
_NO_CELL = {"suppressed": True, "total": None, "members": 0}
LABEL_CHARS = 34  # about 250 px of 12 px DejaVu Sans
LABEL_LINES = 2  # a longer label is cut to two lines, the second ending in "…"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
BAR = "#1d70b8"
TRACK = "#e8eef5"
TEXT = "#0b0c0c"
SHADES = 5
HEAT_LABEL_WIDTH = 260


@dataclass(frozen=True)
class ThemeFigure:
    """A bar of the theme chart: how many distinct members raised the theme."""

    label: str
    members: int
    total_members: int


def figure_share(figure: ThemeFigure) -> float:
    """The share of members who raised a theme, 0..1 (0 when nobody took part)."""
    if figure.total_members <= 0:
        return 0.0
    return max(0.0, min(1.0, figure.members / figure.total_members))


def figures_from_stats(themes) -> list[ThemeFigure]:
    """Args: ``Theme`` rows with ``stats``. Returns: their bars, most members first."""
    figures = [ThemeFigure(t.shown_label, t.stats.get("members", 0), t.stats.get("member_total", 0))
               for t in themes]
    # Most members first: the chart answers "what did most people raise?"
    return sorted(figures, key=lambda f: -f.members)


def _label_lines(label: str) -> list[str]:
    lines = textwrap.wrap(" ".join(label.split()), LABEL_CHARS) or [""]
    if len(lines) > LABEL_LINES:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_CHARS, placeholder="…")]
    return lines


def theme_chart_svg(figures: Sequence[ThemeFigure], title: str, description: str = "",
                    chart_id: str = "") -> Markup:
    """Draw the theme chart: a bar per theme on a pale track standing for every member.

    Args:
        figures: bars in the order to show them.
        title: the chart's accessible title.
        description: a longer text alternative (the figures in words), or "".
        chart_id: on a page, the prefix for the title's and description's ids.

    Returns:
        A standalone SVG document; every label is escaped.
    """
    height = ROW * len(figures) + 8
    labelled = (f' aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc"'
                if chart_id else "")
    ids = (f' id="{escape(chart_id)}-title"', f' id="{escape(chart_id)}-desc"') if chart_id \
        else ("", "")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="fv-chart__svg" width="{WIDTH}" '
           f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img"{labelled} '
           f'font-family="{FONT}" font-size="12">', f"<title{ids[0]}>{escape(title)}</title>"]
    if description:
        out.append(f"<desc{ids[1]}>{escape(description)}</desc>")
    for row, figure in enumerate(figures):
        middle = 4 + row * ROW + ROW / 2
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
    return Markup("\n".join(out))


def group_keys(themes) -> list[str]:
    """Args: themes. Returns: the demographic keys the themes were broken down by."""
    return sorted({key for t in themes for key in t.stats.get("groups", {})})


def heatmap(themes, key: str) -> dict:
    """A theme x group grid: share of each group's members who raised the theme.

    Cells for groups under 5 (of the theme or overall) are suppressed, never shaded.

    Args:
        themes: ``Theme`` rows with ``stats``.
        key: a demographic key ("Gender").

    Returns:
        {"columns": [...], "rows": [{label, cells: [{x, y, shade, text, suppressed}]}], sizes}.
    """
    columns = sorted({c["value"] for t in themes for c in t.stats.get("groups", {}).get(key, [])})
    cell_w, cell_h = 90, 28
    rows = []
    for r, theme in enumerate(themes):
        cells_of = {c["value"]: c for c in theme.stats.get("groups", {}).get(key, [])}
        cells = []
        for c, value in enumerate(columns):
            cell = cells_of.get(value, _NO_CELL)
            hidden = cell["suppressed"] or cell["total"] is None
            share = 0 if hidden or not cell["total"] else cell["members"] / cell["total"]
            cells.append({"x": HEAT_LABEL_WIDTH + c * cell_w, "y": r * cell_h, "suppressed": hidden,
                          "shade": min(SHADES - 1, int(share * SHADES)),
                          "text": "<5" if hidden else f"{round(share * 100)}%",
                          "long": "fewer than 5, not shown" if hidden else
                          f"{cell['members']} of {cell['total']} ({round(share * 100)}%)",
                          "value": value})
        rows.append({"label": _short(theme.shown_label), "full": theme.shown_label, "y": r * cell_h,
                     "cells": cells})
    return {"columns": [{"value": v, "x": HEAT_LABEL_WIDTH + i * cell_w + cell_w / 2}
                        for i, v in enumerate(columns)],
            "rows": rows, "cell_w": cell_w, "cell_h": cell_h, "label_width": HEAT_LABEL_WIDTH,
            "width": HEAT_LABEL_WIDTH + max(1, len(columns)) * cell_w,
            "height": max(1, len(rows)) * cell_h, "key": key,
            # Room above the grid for the slanted column names.
            "top": 20 + 7 * min(22, max((len(v) for v in columns), default=0)),
            "shown": any(not c["suppressed"] for r in rows for c in r["cells"])}


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def members_chart(themes) -> dict:
    """The members-per-theme chart (the same drawing as the printed response's) and its figures."""
    figures = figures_from_stats(themes)
    total = max((f.total_members for f in figures), default=0)
    about = (f"Bar chart: for each theme, how many of the {total} members in the analysis said "
             "something in it. The same figures are in the table below the chart.")
    return {"figures": figures, "total": total,
            "svg": theme_chart_svg(figures, "Members who raised each theme", about,
                                          "prevalence")}

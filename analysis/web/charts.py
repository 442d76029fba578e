"""Geometry for the hand-made SVG charts (the templates draw them with classes, no styles)."""
from __future__ import annotations

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 260
PLOT_WIDTH = 300
SHADES = 5


def prevalence(themes) -> dict:
    """Bars of distinct members per theme, most first.

    Args:
        themes: ``Theme`` rows with ``stats``.

    Returns:
        {"width", "height", "total", "bars": [{label, members, y, width, text_x}]}.
    """
    total = max((t.stats.get("member_total", 0) for t in themes), default=0)
    scale = PLOT_WIDTH / total if total else 0
    bars = []
    # Most members first: the chart answers "what did most people raise?"
    ranked = sorted(themes, key=lambda t: -t.stats.get("members", 0))
    for i, theme in enumerate(ranked):
        members = theme.stats.get("members", 0)
        width = round(members * scale, 1)
        bars.append({"label": _short(theme.label), "full": theme.label, "members": members,
                     "y": i * (BAR_HEIGHT + BAR_GAP), "width": width,
                     "text_x": LABEL_WIDTH + width + 6})
    return {"width": LABEL_WIDTH + PLOT_WIDTH + 60, "label_width": LABEL_WIDTH,
            "height": max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP), "bar_height": BAR_HEIGHT,
            "total": total, "bars": bars}


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
            cell = cells_of.get(value)
            hidden = cell is None or cell["suppressed"] or cell["total"] is None
            share = 0 if hidden or not cell["total"] else cell["members"] / cell["total"]
            cells.append({"x": LABEL_WIDTH + c * cell_w, "y": r * cell_h, "suppressed": hidden,
                          "shade": min(SHADES - 1, int(share * SHADES)),
                          "text": "<5" if hidden else f"{round(share * 100)}%",
                          "long": "fewer than 5, not shown" if hidden else
                          f"{cell['members']} of {cell['total']} ({round(share * 100)}%)",
                          "value": value})
        rows.append({"label": _short(theme.label), "full": theme.label, "y": r * cell_h,
                     "cells": cells})
    return {"columns": [{"value": v, "x": LABEL_WIDTH + i * cell_w + cell_w / 2}
                        for i, v in enumerate(columns)],
            "rows": rows, "cell_w": cell_w, "cell_h": cell_h, "label_width": LABEL_WIDTH,
            "width": LABEL_WIDTH + max(1, len(columns)) * cell_w,
            "height": max(1, len(rows)) * cell_h, "key": key,
            # Room above the grid for the slanted column names.
            "top": 20 + 7 * min(22, max((len(v) for v in columns), default=0)),
            "shown": any(not c["suppressed"] for r in rows for c in r["cells"])}


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"

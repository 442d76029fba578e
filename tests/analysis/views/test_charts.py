"""Theme charts: bars scale to the member total, heatmap cells under 5 are never shaded."""
from types import SimpleNamespace

from analysis import charts


def cell(value, members, total, suppressed=False):
    return {"key": "Gender", "value": value, "members": None if suppressed else members,
            "total": total, "suppressed": suppressed, "shown": "fewer than 5" if suppressed
            else str(members)}


def theme(label, members, groups):
    # Charts show a theme as pages do (``Theme.shown_label``).
    return SimpleNamespace(label=label, shown_label=label,
                           stats={"members": members, "member_total": 20,
                                  "groups": {"Gender": groups}})


THEMES = [theme("Housing after prison", 10, [cell("Man", 8, 12), cell("Woman", None, 8, True)]),
          theme("A very long theme label that will not fit beside the bars", 5,
                [cell("Man", 0, 12), cell("Woman", 5, 8)])]


def test_bars_are_most_members_first_and_scale_to_the_member_total():
    figures = charts.figures_from_stats(list(reversed(THEMES)) + [theme("<b>Bold</b>", 0, [])])
    assert [f.members for f in figures] == [10, 5, 0]

    svg = charts.theme_chart_svg(figures, "Members", chart_id="prevalence")

    assert f'width="{charts.TRACK_WIDTH / 2:.1f}" height="22" fill="{charts.BAR}"' in svg
    assert "10 of 20" in svg and svg.count(f'fill="{charts.BAR}"') == 2  # no bar for 0
    assert 'aria-labelledby="prevalence-title prevalence-desc"' in svg
    assert "&lt;b&gt;Bold&lt;/b&gt;" in svg and "<b>" not in svg


def test_heatmap_suppresses_small_groups_and_shades_shares():
    heat = charts.heatmap(THEMES, "Gender")
    assert [c["value"] for c in heat["columns"]] == ["Man", "Woman"]
    man, woman = heat["rows"][0]["cells"]
    assert not man["suppressed"] and man["text"] == "67%" and man["shade"] == 3
    assert woman["suppressed"] and woman["text"] == "<5" and "fewer than 5" in woman["long"]
    assert heat["rows"][1]["cells"][1]["text"] == "62%" and heat["shown"]
    assert charts.group_keys(THEMES) == ["Gender"]

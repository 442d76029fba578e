"""Chart geometry: bars scale to the member total, heatmap cells under 5 are never shaded."""
from types import SimpleNamespace

from analysis.web import charts


def cell(value, members, total, suppressed=False):
    return {"key": "Gender", "value": value, "members": None if suppressed else members,
            "total": total, "suppressed": suppressed, "shown": "fewer than 5" if suppressed else str(members)}


def theme(label, members, groups):
    return SimpleNamespace(label=label, stats={"members": members, "member_total": 20,
                                               "groups": {"Gender": groups}})


THEMES = [theme("Housing after prison", 10, [cell("Man", 8, 12), cell("Woman", None, 8, True)]),
          theme("A very long theme label that will not fit beside the bars", 5,
                [cell("Man", 0, 12), cell("Woman", 5, 8)])]


def test_prevalence_bars_scale_to_the_member_total():
    bars = charts.prevalence(THEMES)
    assert bars["total"] == 20
    assert bars["bars"][0]["width"] == charts.PLOT_WIDTH / 2
    assert bars["bars"][1]["label"].endswith("…") and len(bars["bars"][1]["label"]) <= 38
    assert bars["bars"][1]["y"] > bars["bars"][0]["y"]


def test_heatmap_suppresses_small_groups_and_shades_shares():
    heat = charts.heatmap(THEMES, "Gender")
    assert [c["value"] for c in heat["columns"]] == ["Man", "Woman"]
    man, woman = heat["rows"][0]["cells"]
    assert not man["suppressed"] and man["text"] == "67%" and man["shade"] == 3
    assert woman["suppressed"] and woman["text"] == "<5" and "fewer than 5" in woman["long"]
    assert heat["rows"][1]["cells"][1]["text"] == "62%" and heat["shown"]
    assert charts.group_keys(THEMES) == ["Gender"]

"""A split's parts are named apart from the consultation's other themes, without "(2) (2)"."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from analysis.models import Theme
from forum.extensions import db


def test_split_parts_numbered_once_when_their_names_are_taken(analysed, monkeypatch):
    import analysis.core.themes as core
    from analysis.services.theme_split import split_preview

    ordered = list(db.session.scalars(select(Theme).order_by(Theme.position)))
    theme, other = max(ordered, key=lambda t: len(t.links)), ordered[-1]
    other.label = "Mixed comments"  # another theme already has the name the parts get
    db.session.commit()
    real = core.recluster_theme

    def parts_named_among_themselves(*args, **kwargs):
        # The clusterer numbers unnamed parts among themselves, as it did on the demo.
        result = real(*args, **kwargs)
        names = ["Mixed comments", "Mixed comments (2)", "Mixed comments (3)"]
        return replace(result, themes=[replace(t, label=names[i % 3])
                                       for i, t in enumerate(result.themes)])

    monkeypatch.setattr(core, "recluster_theme", parts_named_among_themselves)
    labels = [part.label for part in split_preview(theme)]
    assert len(labels) >= 2
    assert not any(") (" in label for label in labels), labels
    assert len({label.lower() for label in labels} | {"mixed comments"}) == len(labels) + 1

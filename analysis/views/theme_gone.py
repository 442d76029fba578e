"""A theme page asked for after its theme is gone says where it went, not 'Page not found'."""
from __future__ import annotations

from flask import abort, make_response, render_template

from analysis.models import Theme
from analysis.services import theme_history as history
from forum.extensions import db


def theme_or_gone(theme_id: int) -> Theme:
    """Args: a theme's id. Returns: the theme; else stops with a 404 page naming the merge or
    split that took it away (the back button after a split, a link kept from before a merge),
    with links to what it became and to the themes."""
    theme = db.session.get(Theme, theme_id)
    if theme is not None:
        return theme
    edit = history.what_removed(theme_id)
    became = [db.session.get(Theme, int(key)) for key in edit.after.get("themes", {})] if edit \
        else []
    abort(make_response(render_template("themes/gone.html", edit=edit,
                                        became=[t for t in became if t is not None]), 404))

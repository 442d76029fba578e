"""Finding the row a URL names inside the row that owns it, or answering 404.

A row on its own is ``db.get_or_404(Model, id)``; this is for URLs that name two, such as
``/consultations/3/samples/7``, where sample 7 must belong to consultation 3.
"""
from typing import Any, TypeVar

from flask import abort

from forum.extensions import db

T = TypeVar("T", bound=Any)


def owned_or_404(model: type[T], row_id: int, **owner: Any) -> T:
    """Args: the model, the row's id, and its owner as ``consultation_id=3``. Returns: the row."""
    row = db.session.get(model, row_id)
    if row is None or any(getattr(row, name) != value for name, value in owner.items()):
        abort(404)
    return row

"""Folding quiet turns: long transcripts were some 15,000 px tall at 768 wide, one screen per
decision. The review and transcript pages fold runs of turns that need nothing from the reader
into native details lines (templates/_fold.html), and ?turns=all opens every one."""
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def fold_runs(items: Iterable[T], stands_out: Callable[[T], bool],
              run_key: Callable[[T], object] = lambda item: None,
              most: int | None = None) -> list[tuple[bool, list[T]]]:
    """Group items into what is shown open and runs to fold.

    Args:
        items: the turns, in order.
        stands_out: true for an item that needs the reader (shown on its own, never folded).
        run_key: items fold together only while this stays the same (a run ends where it
            changes, e.g. the question the turns are tagged with).
        most: the most items in one folded run, or None for no limit.

    Returns:
        (open, items) pairs in order: open is True for an item that stands out (one item).
    """
    groups: list[tuple[bool, list[T]]] = []
    for item in items:
        if stands_out(item):
            groups.append((True, [item]))
            continue
        last = groups[-1] if groups else None
        if (last is None or last[0] or run_key(last[1][-1]) != run_key(item)
                or (most is not None and len(last[1]) >= most)):
            groups.append((False, [item]))
        else:
            last[1].append(item)
    return groups

"""The Jinja environment for export HTML: its own, so it works with or without a Flask app."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from exports.markup import BulletList, Paragraph, SubHeading

__all__ = ["STATIC_SCHEME", "environment", "render", "static_url"]

STATIC_SCHEME = "static:"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def static_url(package: str, path: str) -> str:
    """The URL a template uses for a static file, e.g. ``static_url("exports", "a.svg")``."""
    return f"{STATIC_SCHEME}{package}/{path}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One shared environment; autoescape is on for every template, whatever its name."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["static_url"] = static_url
    env.tests["paragraph"] = lambda block: isinstance(block, Paragraph)
    env.tests["bullets"] = lambda block: isinstance(block, BulletList)
    env.tests["subheading"] = lambda block: isinstance(block, SubHeading)
    return env


def render(name: str, **context) -> str:
    """Render ``exports/<name>`` with ``context``; every value is escaped."""
    return environment().get_template(f"exports/{name}").render(**context)

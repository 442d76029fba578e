"""Theme fixtures shared with the other theme test folders."""
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401

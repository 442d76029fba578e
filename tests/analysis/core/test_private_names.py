"""Private names (a leading underscore) stay in their module: other modules import public ones."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("forum", "surveys", "analysis", "exports")


def private_imports(source: str) -> list[str]:
    """``from module import _name`` statements in a module's source, as "module._name"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            found += [f"{'.' * node.level}{node.module or ''}.{alias.name}" for alias in node.names
                      if alias.name.startswith("_") and not alias.name.startswith("__")]
    return found


def test_the_check_finds_a_private_import():
    assert private_imports("from .engine import (\n    TopicFit,\n    _hidden,\n)") == [
        ".engine._hidden"]
    assert private_imports("from .engine import TopicFit, representation_chain") == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_imports_another_modules_private_names(package):
    offenders = {str(path.relative_to(ROOT)): names
                 for path in sorted((ROOT / package).rglob("*.py"))
                 if (names := private_imports(path.read_text(encoding="utf-8")))}
    assert offenders == {}

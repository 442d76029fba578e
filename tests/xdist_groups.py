"""Test groups for pytest-xdist (``--dist loadgroup``), imported by the root conftest."""
import pytest


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist, the real-model tests share one worker: one process loads the models.

    pytest-xdist 3.8 sends a group to one worker by renaming its tests ``id@group``, a rename
    pytest 9 ignores (a test's id is now read from ``_id``): every test of a group then went to
    any worker. This hook runs after xdist's and renames them the way pytest 9 reads.
    """
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.xdist_group("real_models"))
    if not getattr(config.option, "loadgroup", False):  # set in the workers by --dist loadgroup
        return
    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                         for mark in item.iter_markers("xdist_group")})
        if groups and "@" not in item.nodeid and hasattr(item, "_id"):
            from _pytest.nodeid import NodeId

            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")

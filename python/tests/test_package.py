"""The installed package: importable as documented, typed (py.typed), standard library only, and its stand-ins of
ClawLoop's classes for tests declare every field ClawLoop's own classes declare."""

import ast
import json
import sys
from pathlib import Path

import clawloop_sinks
from clawloop_sinks import ClawLoopBridge, episode_to_dict

from conftest import REPO

PACKAGE = Path(clawloop_sinks.__file__).parent


def test_importable_and_typed():
    assert callable(ClawLoopBridge) and callable(episode_to_dict) and clawloop_sinks.__version__
    assert (PACKAGE / "py.typed").is_file()


def test_installed_from_python_not_read_from_the_source_tree():
    assert REPO / "python" / "src" not in PACKAGE.parents, PACKAGE


def test_standard_library_only():
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", f"{module.name} imports {name}"


def test_the_stand_ins_declare_every_field_clawloops_classes_declare():
    sys.path.insert(0, str(REPO / "test" / "bridge"))
    import declarations

    snapshot = json.loads((REPO / "test" / "bridge" / "clawloop-declarations.json").read_text())
    assert len(snapshot["classes"]) >= 14
    assert declarations.compare(snapshot, REPO / "test" / "bridge" / "fake_clawloop.py") == []

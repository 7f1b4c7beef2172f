"""The fields ClawLoop's classes declare, read from source with Python's ast (nothing is imported or run).

    python3 declarations.py extract <clawloop checkout> > clawloop-declarations.json   # the committed snapshot
    python3 declarations.py compare clawloop-declarations.json fake_clawloop.py        # every stand-in declares them

A dataclass declares its annotated class attributes (ClassVar excepted); a plain class (EpisodeSummary) its
``__init__`` parameters and the ``self.<name>`` attributes ``__init__`` sets. Names with a leading underscore are
ClawLoop's internals (never serialized): recorded, not required of a stand-in.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

#: The classes the bridge reads, by the ClawLoop module that declares them.
CLASSES = {
    "clawloop/core/episode.py": ["ToolCall", "TokenLogProb", "Message", "StepMeta", "TokenUsage", "Timing", "EpisodeSummary", "Episode"],
    "clawloop/core/reward.py": ["RewardSignal"],
    "clawloop/core/state.py": ["StateID"],
    "clawloop/learning_layers/harness.py": ["PlaybookEntry", "Playbook", "Harness"],
    "clawloop/core/loop.py": ["AgentState"],
}


def _is_dataclass(node: ast.ClassDef) -> bool:
    for d in node.decorator_list:
        target = d.func if isinstance(d, ast.Call) else d
        if (isinstance(target, ast.Name) and target.id == "dataclass") or (isinstance(target, ast.Attribute) and target.attr == "dataclass"):
            return True
    return False


def _field(name: str, annotation: ast.AST | None, default: ast.AST | None) -> dict:
    return {
        "name": name,
        "annotation": ast.unparse(annotation) if annotation is not None else None,
        "default": ast.unparse(default) if default is not None else None,
    }


def declared_fields(node: ast.ClassDef) -> tuple[str, list[dict]]:
    if _is_dataclass(node):
        fields = []
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if "ClassVar" in ast.unparse(stmt.annotation):
                    continue
                fields.append(_field(stmt.target.id, stmt.annotation, stmt.value))
        return "dataclass", fields
    init = next((s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
    fields: list[dict] = []
    if init is None:
        return "class", fields
    args = init.args
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, default in list(zip(positional, defaults))[1:] + list(zip(args.kwonlyargs, args.kw_defaults)):
        fields.append(_field(arg.arg, arg.annotation, default))
    seen = {f["name"] for f in fields}
    for stmt in ast.walk(init):
        targets = [stmt.target] if isinstance(stmt, (ast.AnnAssign, ast.AugAssign)) else getattr(stmt, "targets", [])
        for t in targets:
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self" and t.attr not in seen:
                seen.add(t.attr)
                fields.append(_field(t.attr, getattr(stmt, "annotation", None), None))
    return "class", fields


def classes_in(path: Path) -> dict[str, ast.ClassDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def extract(checkout: Path) -> dict:
    out: dict = {"source": "aganthos/clawloop", "classes": {}}
    for module, names in CLASSES.items():
        found = classes_in(checkout / module)
        for name in names:
            kind, fields = declared_fields(found[name])
            out["classes"][name] = {"module": module, "kind": kind, "fields": fields}
    return out


def _norm(annotation: str | None) -> str | None:
    return None if annotation is None else annotation.replace(" ", "").replace("'", "").replace('"', "")


def compare(snapshot: dict, stand_ins: Path) -> list[str]:
    """Problems: a stand-in missing, lacking a public field the real class declares, or declaring it with another type."""
    found = classes_in(stand_ins)
    problems = []
    for name, real in snapshot["classes"].items():
        if name not in found:
            problems.append(f"{name}: no stand-in in {stand_ins.name}")
            continue
        _, fields = declared_fields(found[name])
        mine = {f["name"]: f for f in fields}
        for f in real["fields"]:
            if f["name"].startswith("_"):
                continue
            if f["name"] not in mine:
                problems.append(f"{name}.{f['name']}: declared by ClawLoop ({real['module']}), missing from the stand-in")
            elif f["annotation"] is not None and _norm(mine[f["name"]]["annotation"]) != _norm(f["annotation"]):
                problems.append(f"{name}.{f['name']}: ClawLoop declares {f['annotation']}, the stand-in {mine[f['name']]['annotation']}")
    return problems


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "extract":
        json.dump(extract(Path(sys.argv[2])), sys.stdout, indent=1)
        sys.stdout.write("\n")
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        issues = compare(json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]))
        print("\n".join(issues) if issues else "every stand-in declares every field ClawLoop declares")
        sys.exit(1 if issues else 0)
    else:
        sys.exit(__doc__)

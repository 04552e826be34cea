"""The layout holds: no import cycle, click only in the CLI, and the fingerprint covers all the code that makes rows."""

import ast
import sys
from pathlib import Path

import pytest

from quotecat import build, compiled

PACKAGE = Path(compiled.PACKAGE_DIR)


def module_name(path: Path) -> str:
    parts = ["quotecat", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The modules ``path`` imports, anywhere in it (relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # "from . import rows" imports a module
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_the_import_graph_has_no_cycle():
    state: dict[str, str] = {}

    def visit(name, trail):
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", "import cycle: " + " -> ".join(trail[trail.index(name):] + [name])
        state[name] = "open"
        for other in sorted(GRAPH[name]):
            visit(other, trail + [name])
        state[name] = "done"

    assert len(GRAPH) > 30
    for name in sorted(GRAPH):
        visit(name, [])


def test_click_only_in_the_cli():
    users = sorted(name for name, path in MODULES.items() if any(m.split(".")[0] == "click" for m in imports(path)))
    assert users == ["quotecat.cli"]


def test_the_fingerprint_covers_every_module_the_rows_are_made_with():
    """``--update`` copies rows of unchanged articles only when the code that made them is the same."""
    covered = {module_name(PACKAGE / f) for f in build.FINGERPRINTED if f.endswith(".py")}
    # The learned weights make rows too: every data file the extractor reads.
    assert {"lexicon/cue_model.json", "lexicon/confidence.json"} <= set(build.FINGERPRINTED)
    assert {f.name for f in (PACKAGE / "lexicon").glob("*.json")} == {
        f.split("/")[-1] for f in build.FINGERPRINTED if f.endswith(".json")}
    assert {"quotecat.rows", "quotecat.ids", "quotecat.model", "quotecat.extract", "quotecat.lexicon.cues"} <= covered
    for name in sorted(covered):
        outside = {m for m in GRAPH[name] if m not in covered}
        assert not outside, f"{name} imports {outside}, which the fingerprint leaves out"
    assert "quotecat.serve" not in covered and "quotecat.build" not in covered and "quotecat.schema" not in covered


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("quotecat.lexicon")))
def test_the_lexicon_is_data_only(name):
    assert {m.split(".")[0] for m in imports(MODULES[name])} <= {"typing"}, name


def test_the_extractor_imports_only_the_standard_library_and_itself():
    for name in sorted(n for n in MODULES if n.startswith("quotecat.extract")):
        for imported in imports(MODULES[name]):
            top = imported.split(".")[0]
            assert top == "quotecat" or top in sys.stdlib_module_names, (name, imported)
            if top == "quotecat":
                assert imported.startswith(("quotecat.extract", "quotecat.lexicon", "quotecat.model")), (name, imported)


def test_the_runtime_package_needs_nothing_of_the_benchmarks():
    users = sorted(name for name, path in MODULES.items() if any(m.split(".")[0] == "benchmarks" for m in imports(path)))
    assert users == []

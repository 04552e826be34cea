"""The mypyc build of the extractor (quotecat/compiled.py): same results as pure Python, used only when current.

The comparison runs when this process has the compiled extractor (``./scripts/setup`` builds it
when a C compiler is present) and is skipped, saying why, otherwise. The rest checks the
fallback: a build of other sources, for another Python, one that does not load, or
``QUOTECAT_PURE=1`` all mean the ``.py`` sources run.
"""

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import quotecat
from quotecat import compiled
from benchmarks.corpus import articles as synthetic_articles
from quotecat.extract import extract
from quotecat.read import iter_articles

TESTS = Path(__file__).parent
GOLD = TESTS / "gold"
SYNTHETIC = 200  # generated articles (benchmarks/corpus.py): every attribution pattern, many times


def extract_everything() -> dict:
    """Every attribution of every test text, as plain data; run here and, with QUOTECAT_PURE=1, in a subprocess."""
    texts = {}
    for path in sorted((GOLD / "articles").glob("*.txt")):
        texts[f"gold file {path.name}"] = path.read_text(encoding="utf-8")  # what the evaluator scores
    for article in iter_articles([GOLD / "articles"]):
        texts[f"gold article {article.id}"] = article.text  # what a build stores
    for n, record in enumerate(synthetic_articles(SYNTHETIC, seed=7)):
        texts[f"synthetic {n}"] = record["text"]
    return {
        "compiled": quotecat.COMPILED,
        "sources": compiled.source_stamp()["sources"],  # what a pure-Python run ran, give or take an edit
        "attributions": {key: [a.to_dict() for a in extract(text)] for key, text in texts.items()},
    }


def run(code: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return result


def environment(**changes) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("QUOTECAT_PURE", "PYTHONPATH")}
    env.update(changes)
    return env


def module_files(code_prefix: str = "") -> str:
    """Code printing, as JSON, COMPILED, status() and the file each module of the extractor was loaded from."""
    return code_prefix + (
        "import json, sys, quotecat\n"
        "from quotecat.extract import extract\n"
        "assert extract('\"We will rebuild,\" the mayor said.'), 'extraction found nothing'\n"
        "print(json.dumps({'compiled': quotecat.COMPILED, 'status': quotecat.compiled.status(),\n"
        "    'files': {f: sys.modules[quotecat.compiled.module_name(f)].__file__\n"
        "              for f in quotecat.compiled.source_files()}}))\n"
    )


def require_compiled():
    if not quotecat.COMPILED:
        pytest.skip(f"NOT COMPILED, the extractor runs as pure Python here: {compiled.status()}")


def require_current_build():
    reason = compiled.check()
    if reason is not None:
        pytest.skip(f"NO CURRENT COMPILED BUILD ({reason}): ./scripts/setup makes it when a C compiler is present")


# --- the compiled extractor gives exactly what the pure-Python one gives ------------------------------------------


def test_compiled_and_pure_python_extract_exactly_the_same_attributions():
    require_compiled()
    here = extract_everything()
    code = (f"import json, sys; sys.path.insert(0, {str(TESTS)!r})\n"
            "from test_compiled import extract_everything\n"
            "json.dump(extract_everything(), sys.stdout)")
    pure = json.loads(run(code, env=environment(QUOTECAT_PURE="1")).stdout)
    assert here["compiled"] is True and pure["compiled"] is False
    if pure["sources"] != compiled.loaded_stamp()["sources"]:
        pytest.skip("the extractor's sources were edited after this process loaded their compiled build: "
                    "nothing to compare (rebuild and run again)")
    here = json.loads(json.dumps(here["attributions"]))  # the same plain types on both sides (tuples -> lists)
    pure = pure["attributions"]
    assert here.keys() == pure.keys()
    assert sum(map(len, here.values())) > 1000  # a comparison of something
    for key in here:
        assert here[key] == pure[key], f"{key}: the compiled extractor differs from pure Python"


def test_the_extractor_in_this_process_really_is_compiled():
    require_compiled()
    for name in compiled.source_files():
        path = Path(sys.modules[compiled.module_name(name)].__file__)
        assert path.suffix == ".so" and path.parent == (compiled.COMPILED_DIR / "quotecat" / name).parent, path
    assert not isinstance(extract, types.FunctionType)  # a native function, not Python bytecode
    assert compiled.status().startswith("compiled with mypyc")


# --- QUOTECAT_PURE ---------------------------------------------------------------------------------------------


def test_quotecat_pure_runs_the_python_sources():
    result = json.loads(run(module_files(), env=environment(QUOTECAT_PURE="1")).stdout)
    assert result["compiled"] is False
    assert result["status"] == "pure Python: QUOTECAT_PURE is set"
    assert result["files"].keys() == set(compiled.source_files())
    for name, file in result["files"].items():
        assert Path(file) == compiled.PACKAGE_DIR / name


def test_quotecat_pure_only_counts_when_set_to_something_other_than_0():
    assert compiled.pure_requested({"QUOTECAT_PURE": "1"})
    assert compiled.pure_requested({"QUOTECAT_PURE": "yes"})
    assert not compiled.pure_requested({"QUOTECAT_PURE": "0"})
    assert not compiled.pure_requested({"QUOTECAT_PURE": ""})
    assert not compiled.pure_requested({})


# --- which build is used: the stamp ----------------------------------------------------------------------------


@pytest.fixture
def fake_build(tmp_path, monkeypatch):
    """(package dir, compiled dir): copies of the extractor's sources and a stamped build of them (no .so files).

    activate() is pointed at these; sys.path and status() are restored afterwards.
    """
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(compiled, "_state", compiled._state)
    package, built = tmp_path / "quotecat", tmp_path / "build" / "compiled"
    package.mkdir()
    for name in compiled.source_files():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(compiled.PACKAGE_DIR / name, package / name)
    (built / "quotecat").mkdir(parents=True)
    write_stamp(built, {**compiled.source_stamp(package), "mypy": "9.9"})
    return package, built


def write_stamp(built: Path, stamp: dict):
    (built / compiled.STAMP).write_text(json.dumps(stamp), encoding="utf-8")


def activates(package: Path, built: Path, environ=None) -> bool:
    path = ["sources"]
    active = compiled.activate(path, compiled_dir=built, package_dir=package, environ=environ or {})
    if active:
        assert path == [str(built / "quotecat"), "sources"] and sys.path[-1] == str(built)
    else:
        assert path == ["sources"] and str(built) not in sys.path
    return active


def test_a_build_of_exactly_these_sources_is_used(fake_build):
    package, built = fake_build
    assert compiled.check(built, package) is None and compiled.is_current(built, package)
    assert activates(package, built)
    assert compiled.status() == f"compiled with mypyc 9.9 ({built})"


def test_a_build_of_other_sources_is_refused(fake_build):
    package, built = fake_build
    extract_py = package / compiled.source_files()[0]
    extract_py.write_text(extract_py.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert compiled.check(built, package) == "compiled build is out of date"
    assert not compiled.is_current(built, package)
    assert not activates(package, built)
    assert compiled.status().startswith("pure Python: compiled build is out of date")


def test_a_build_for_another_python_is_refused(fake_build):
    package, built = fake_build
    write_stamp(built, {**compiled.source_stamp(package), "python": "3.11.0 (elsewhere)"})
    assert compiled.check(built, package) == "compiled build is for another Python"
    assert not activates(package, built)


def test_no_build_or_an_unreadable_stamp_means_pure_python(fake_build):
    package, built = fake_build
    (built / compiled.STAMP).write_text("{not json", encoding="utf-8")
    assert compiled.check(built, package) == "not compiled"
    assert not activates(package, built)
    shutil.rmtree(built)
    assert compiled.check(built, package) == "not compiled"
    assert not activates(package, built)


def test_quotecat_pure_refuses_even_a_current_build(fake_build):
    package, built = fake_build
    assert not activates(package, built, environ={"QUOTECAT_PURE": "1"})
    assert compiled.status() == "pure Python: QUOTECAT_PURE is set"
    assert activates(package, built, environ={"QUOTECAT_PURE": "0"})


def test_the_stamp_covers_every_module_of_the_extractor(fake_build):
    package, _ = fake_build
    before = compiled.source_stamp(package)
    for name in compiled.source_files(package):
        path = package / name
        source = path.read_bytes()
        path.write_bytes(source + b" ")
        assert compiled.source_stamp(package)["sources"] != before["sources"], name
        path.write_bytes(source)
    assert compiled.source_stamp(package) == before


# --- the same, end to end: a copy of the checkout, imported in a new process ---------------------------------------


@pytest.fixture
def checkout(tmp_path):
    """A copy of the package and of its current compiled build, importable with PYTHONPATH."""
    require_current_build()
    root = tmp_path / "checkout"
    shutil.copytree(compiled.PACKAGE_DIR, root / "quotecat", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(compiled.COMPILED_DIR, root / "build" / "compiled")
    if not compiled.is_current(root / "build" / "compiled", root / "quotecat"):
        pytest.skip("the extractor's sources were edited while they were copied: run again")
    return root


def import_copy(root: Path) -> tuple[dict, str]:
    result = run(module_files(), env=environment(PYTHONPATH=str(root)), cwd=root)
    return json.loads(result.stdout), result.stderr


def test_a_copy_of_the_checkout_loads_its_own_compiled_build(checkout):
    result, _ = import_copy(checkout)
    assert result["compiled"] is True, result["status"]
    for name, file in result["files"].items():
        assert Path(file).parent == (checkout / "build" / "compiled" / "quotecat" / name).parent, file
        assert file.endswith(".so"), file


def test_editing_a_source_makes_the_build_stale_and_the_sources_run(checkout):
    resolve_py = checkout / "quotecat" / next(f for f in compiled.source_files() if f.endswith("resolve.py"))
    resolve_py.write_text(resolve_py.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    result, stderr = import_copy(checkout)
    assert result["compiled"] is False
    assert result["status"].startswith("pure Python: compiled build is out of date")
    assert stderr == ""  # silently: a stale build is normal while editing
    for name, file in result["files"].items():
        assert Path(file) == checkout / "quotecat" / name


def test_a_current_build_that_does_not_load_falls_back_to_the_sources_with_a_warning(checkout):
    for library in (checkout / "build" / "compiled").glob(f"{compiled.GROUP_LIBRARY}.*"):
        library.write_bytes(b"not a shared library")
    result, stderr = import_copy(checkout)
    assert result["compiled"] is False
    assert result["status"].startswith("pure Python: the compiled build failed to load")
    assert "RuntimeWarning" in stderr and "failed to load" in stderr
    for name, file in result["files"].items():
        assert Path(file) == checkout / "quotecat" / name


# --- building ------------------------------------------------------------------------------------------------------


def test_building_without_mypy_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setattr(compiled, "mypy_version", lambda: None)
    with pytest.raises(compiled.BuildError, match=r"pip install -e '\.\[speed\]'"):
        compiled.build(compiled_dir=tmp_path / "compiled")


def test_a_failed_build_says_why_and_keeps_the_previous_build(tmp_path):
    if compiled.mypy_version() is None:
        pytest.skip("mypy is not installed (pip install -e '.[speed]')")
    package = tmp_path / "quotecat"
    package.mkdir()
    for name in compiled.source_files():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("x: int = 1\n")
    (package / "model.py").write_text('count: int = "not a number"\n')
    previous = tmp_path / "build" / "compiled"
    previous.mkdir(parents=True)
    (previous / "stamp.json").write_text("previous")
    with pytest.raises(compiled.BuildError, match="Incompatible types in assignment"):
        compiled.build(compiled_dir=previous, package_dir=package)
    assert [p.name for p in previous.parent.iterdir()] == ["compiled"]  # no work directory left behind
    assert (previous / "stamp.json").read_text() == "previous"

"""The extractor's modules compiled with mypyc: an optional speed-up with a pure-Python fallback.

``quotecat compile`` compiles the EXTRACTOR modules into ``build/compiled`` (next to the
package, so only for a source checkout). ``quotecat/__init__.py`` calls ``activate``
before importing any of them: when the build was made from exactly the sources on
disk, for this Python, the package's ``__path__`` is extended so the compiled
modules load instead of the ``.py`` files; otherwise the pure-Python sources are used,
silently. ``status()`` says which and why. ``QUOTECAT_PURE=1`` forces pure Python.

Results are the same either way (tests/test_compiled.py compares them on tests/gold and
generated articles).
This module imports only the standard library and is never compiled itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Everything else (hashlib, json, subprocess, ...) is imported where it is used: this module
# runs at every ``import quotecat`` and should cost next to nothing there.

# The extractor: everything ``quotecat.extract`` runs, and nothing else. A folder stands for
# every module in it (a new module there is compiled and fingerprinted without a word here).
EXTRACTOR = ("extract", "lexicon", "model.py")
PACKAGE_DIR = Path(__file__).resolve().parent
COMPILED_DIR = PACKAGE_DIR.parent / "build" / "compiled"
# mypyc puts the code of all the modules in one shared library, the group's, and a small
# extension per module that imports it by this top-level name: a fixed name (instead of
# mypyc's hash of the module names) keeps build/compiled's layout stable. It must be
# top-level: mypyc derives the modules' __file__ from that library's directory.
GROUP = "quotecat_native"
GROUP_LIBRARY = GROUP + "__mypyc"
STAMP = "stamp.json"
PURE_VARIABLE = "QUOTECAT_PURE"
# What status() suggests for a stale or missing build in a source checkout.
REBUILD_HINT = "run ./scripts/setup or quotecat compile"

# What activate() decided in this process, for status() and loaded_stamp().
_state = "pure Python: quotecat.compiled.activate() has not run"
_loaded: dict | None = None


class BuildError(Exception):
    """The compiled build could not be made; the message says why (missing mypy, compiler, type error)."""


def pure_requested(environ=os.environ) -> bool:
    """True when QUOTECAT_PURE is set to anything but "" or "0"."""
    return environ.get(PURE_VARIABLE, "") not in ("", "0")


def source_files(package_dir: Path | None = None) -> list[str]:
    """The extractor's modules as paths relative to the package ("lexicon/cues.py"), in a fixed order."""
    package_dir = package_dir or PACKAGE_DIR
    files = []
    for entry in EXTRACTOR:
        if entry.endswith(".py"):
            files.append(entry)
        else:
            files += sorted(f"{entry}/{name}" for name in os.listdir(package_dir / entry) if name.endswith(".py"))
    return files


def module_name(file: str) -> str:
    """ "lexicon/cues.py" -> "quotecat.lexicon.cues"; "lexicon/__init__.py" -> "quotecat.lexicon"."""
    return "quotecat." + file.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _sources_digest(files: list[str], sources: list[bytes]) -> str:
    import hashlib  # here, not at the top: an import without a build never pays for it

    digest = hashlib.sha256()
    for name, source in zip(files, sources, strict=True):
        digest.update(f"{name} {len(source)}\n".encode())
        digest.update(source)
    return digest.hexdigest()


def _read_sources(package_dir: Path) -> tuple[list[str], list[bytes]]:
    files = source_files(package_dir)
    return files, [(package_dir / name).read_bytes() for name in files]


def source_stamp(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """What a build must have been made from to be used: the sources' sha256 and this Python.

    Runs at every ``import quotecat`` when a build exists, so it is only file reads and one hash.
    """
    return {"sources": _sources_digest(*_read_sources(package_dir)), "python": sys.version}


def read_stamp(compiled_dir: Path = COMPILED_DIR) -> dict | None:
    """The stamp written by the build in ``compiled_dir``, or None if there is no (readable) build."""
    try:
        text = (compiled_dir / STAMP).read_text(encoding="utf-8")
    except OSError:
        return None
    import json

    try:
        stamp = json.loads(text)
    except ValueError:
        return None
    return stamp if isinstance(stamp, dict) else None


def check(compiled_dir: Path = COMPILED_DIR, package_dir: Path = PACKAGE_DIR) -> str | None:
    """None when ``compiled_dir`` holds a build of exactly the sources in ``package_dir`` for this Python,
    else why not ("not compiled", "compiled build is out of date", ...)."""
    stamp = read_stamp(compiled_dir)
    if stamp is None:
        return "not compiled"
    if stamp.get("python") != sys.version:
        return "compiled build is for another Python"
    try:
        current = source_stamp(package_dir)
    except OSError as error:  # a module missing from the package: nothing to compare with
        return f"cannot read the sources ({error})"
    if stamp.get("sources") != current["sources"]:
        return "compiled build is out of date"
    return None


def is_current(compiled_dir: Path = COMPILED_DIR, package_dir: Path = PACKAGE_DIR) -> bool:
    """True when the build in ``compiled_dir`` may be used for the sources in ``package_dir``."""
    return check(compiled_dir, package_dir) is None


def activate(package_path: list[str], compiled_dir: Path = COMPILED_DIR, package_dir: Path = PACKAGE_DIR,
             environ=os.environ) -> bool:
    """Make the compiled modules the ones ``import quotecat.<module>`` finds, if the build is current.

    Called from ``quotecat/__init__.py`` with the package's ``__path__`` before any module of the
    extractor is imported: ``compiled_dir/quotecat`` goes first in it (its ``.so`` files are found
    before the ``.py`` files) and ``compiled_dir`` at the end of ``sys.path`` (for the group's
    shared library, which the ``.so`` files import). Returns whether it did; never raises and never
    warns (a stale build is normal while editing), ``status()`` says why not.
    """
    global _state, _loaded
    if pure_requested(environ):
        _state = f"pure Python: {PURE_VARIABLE} is set"
        return False
    try:
        reason = check(compiled_dir, package_dir)
    except Exception as error:  # a fallback must not be what breaks the import
        reason = f"cannot check the compiled build ({error!r})"
    if reason is not None:
        # A source checkout can build; an installed package (site-packages) cannot, so no advice there.
        hint = f" ({REBUILD_HINT})" if (package_dir.parent / "scripts" / "setup").exists() else ""
        _state = f"pure Python: {reason}{hint}"
        return False
    stamp = read_stamp(compiled_dir) or {}
    if str(compiled_dir / "quotecat") not in package_path:  # once, even if quotecat is reloaded
        package_path.insert(0, str(compiled_dir / "quotecat"))
    if str(compiled_dir) not in sys.path:
        sys.path.append(str(compiled_dir))
    _state = f"compiled with mypyc {stamp.get('mypy', '?')} ({compiled_dir})"
    _loaded = stamp
    return True


def deactivate(package_path: list[str], error: BaseException, compiled_dir: Path = COMPILED_DIR) -> None:
    """Undo ``activate`` after a compiled module failed to import, so the pure-Python sources load instead.

    Forgets every module of the extractor already imported (the package's ``__init__`` is still running,
    so nothing else holds them yet).
    """
    global _state, _loaded
    _loaded = None
    for entries, entry in ((package_path, str(compiled_dir / "quotecat")), (sys.path, str(compiled_dir))):
        while entry in entries:
            entries.remove(entry)
    for name in [*(module_name(f) for f in source_files()), GROUP_LIBRARY]:
        sys.modules.pop(name, None)
    _state = f"pure Python: the compiled build failed to load ({error}; {REBUILD_HINT})"


def status() -> str:
    """One line: whether the extractor in this process is compiled, and if not, why."""
    return _state


def loaded_stamp() -> dict | None:
    """The stamp of the build this process uses (which sources it was compiled from), None for pure Python."""
    return _loaded


def mypy_version() -> str | None:
    """The installed mypy (which ships mypyc), or None."""
    from importlib import metadata

    try:
        return metadata.version("mypy")
    except metadata.PackageNotFoundError:
        return None


_SETUP_PY = """\
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="quotecat-compiled",
    ext_modules=mypycify({paths!r}, opt_level="3", group_name={group!r}),
    script_args=["build_ext", "--inplace"],
)
"""


def build(verbose: bool = False, compiled_dir: Path = COMPILED_DIR, package_dir: Path = PACKAGE_DIR) -> dict:
    """Compile the extractor's modules with mypyc and replace ``compiled_dir`` with the result; returns the new stamp.

    The sources are read once and the stamp is computed from exactly those bytes, so an edit made
    during the build leaves a build that is (correctly) out of date. The work happens in a temporary
    directory next to ``compiled_dir``; the old build is swapped out only when the new one is complete.
    Raises BuildError with the reason (and the tail of mypyc's output) on any failure.
    """
    import shutil
    import subprocess
    import tempfile

    mypy = mypy_version()
    if mypy is None:
        raise BuildError(f"mypy (which provides mypyc) is not installed in {sys.prefix}: "
                         "pip install -e '.[speed]' (./scripts/setup does)")
    try:
        files, sources = _read_sources(package_dir)
    except OSError as error:
        raise BuildError(f"cannot read the sources: {error}") from error
    stamp = {"sources": _sources_digest(files, sources), "python": sys.version, "mypy": mypy}

    compiled_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{compiled_dir.name}-", dir=compiled_dir.parent))
    try:
        package = work / "src" / "quotecat"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")  # so mypyc sees a package; never compiled
        for name, source in zip(files, sources, strict=True):
            (package / name).parent.mkdir(parents=True, exist_ok=True)
            (package / name).write_bytes(source)
        paths = [f"quotecat/{name}" for name in files]
        (work / "src" / "setup.py").write_text(_SETUP_PY.format(paths=paths, group=GROUP))
        result = subprocess.run([sys.executable, "setup.py"], cwd=work / "src", text=True, errors="replace",
                                stdout=None if verbose else subprocess.PIPE, stderr=None if verbose else subprocess.STDOUT)
        output = result.stdout or ""  # shown as it ran when verbose
        if result.returncode != 0:
            tail = "\n".join(output.strip().splitlines()[-40:])
            raise BuildError(f"mypyc {mypy} failed (exit code {result.returncode})" + (f":\n{tail}" if tail else ""))

        new = work / "compiled"
        (new / "quotecat").mkdir(parents=True)
        built = [p for p in [*package.rglob("*"), *(work / "src").iterdir()] if p.suffix in (".so", ".pyd")]
        # An extension per module ("quotecat/lexicon/cues", "quotecat/lexicon/__init__") and the group's library.
        names = {p.relative_to(work / "src").as_posix().split(".", 1)[0] for p in built}
        missing = [m for m in [*(f"quotecat/{f.removesuffix('.py')}" for f in files), GROUP_LIBRARY] if m not in names]
        if missing:
            raise BuildError(f"mypyc {mypy} did not produce {', '.join(missing)} (found: "
                             f"{', '.join(sorted(names)) or 'nothing'})")
        for path in built:  # the modules under quotecat/, the group's library at the top
            target = new / path.relative_to(work / "src")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        (new / STAMP).write_text(_json(stamp), encoding="utf-8")

        # Swap: a process importing quotecat in between sees no build and uses pure Python. Retried
        # when another build (a second ./scripts/setup) puts its own in place at the same moment.
        for attempt in range(3):
            try:
                if compiled_dir.exists():
                    os.replace(compiled_dir, work / f"old-{attempt}")
                os.replace(new, compiled_dir)
                break
            except OSError as error:
                if attempt == 2:
                    raise BuildError(f"cannot put the new build in place at {compiled_dir}: {error}") from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return stamp


def _json(value) -> str:
    import json

    return json.dumps(value, indent=2) + "\n"


def problem() -> str | None:
    """None when build/compiled can be used as it is, else why it needs building (what ``quotecat compile --check`` says)."""
    reason = check()
    built_with, installed = (read_stamp() or {}).get("mypy"), mypy_version()
    if reason is None and installed is not None and built_with != installed:
        reason = f"built with mypy {built_with}, mypy {installed} is installed"
    return reason

"""The ``quotecat`` command (and ``python -m quotecat``): the CLI, started without numpy and pandas.

sqlite-utils imports pandas and numpy at its own import when they are installed, to
map their types to SQL types. quotecat never hands it either, and where they are
installed (a data journalist's environment often has them; this project's test extras
do) that import cost 0.85 s and 89 MB of RSS before a build started, against 0.3-0.7 s
for everything else the command loads. So the command hides them while sqlite-utils
is imported; nothing else is changed, and they import normally afterwards (pyarrow
for ``load-parquet`` does). Importing ``quotecat.cli`` as a library changes nothing.
"""

import sys

_HIDDEN_FROM_SQLITE_UTILS = ("pandas", "numpy")


def main() -> None:
    hidden = [name for name in _HIDDEN_FROM_SQLITE_UTILS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    from .cli import cli

    cli(prog_name="quotecat")


if __name__ == "__main__":
    main()

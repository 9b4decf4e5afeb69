"""Safety of what the checker writes: no half-written file, no formula a spreadsheet would run,
no message of unbounded size."""

from __future__ import annotations

import os
import reprlib
import tempfile
from collections.abc import Callable
from pathlib import Path

# A spreadsheet program runs a text cell that starts with one of these as a formula (CSV
# injection): =HYPERLINK(...), +cmd|..., -2+3, @SUM(...), and a leading tab or carriage return.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MESSAGE_VALUE_CHARS = 80  # the most of one value a message shows


class OutputError(ValueError):
    """An output that must not or cannot be written: a usage error naming the path (exit 2)."""


class _Brief(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = self.maxlong = MESSAGE_VALUE_CHARS
        self.maxlevel, self.maxlist, self.maxdict = 3, 4, 4

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 256:  # repr of a 5,000-digit number raises, and says nothing
            return f"<{'-' * (x < 0)}a number of about {int(x.bit_length() * 0.30103)} digits>"
        return super().repr_int(x, level)


_brief = _Brief()


def brief(value: object) -> str:
    """A value as a message shows it: its repr, cut to about 80 characters.

    Built piece by piece (reprlib), so a huge or deeply nested value is never rendered whole
    only to be cut: a message can quote anything a file holds.
    """
    text = _brief.repr(value)
    return text if len(text) <= MESSAGE_VALUE_CHARS else text[: MESSAGE_VALUE_CHARS - 1] + "…"


def neutralise_formula(value: str) -> str:
    """The text of a CSV or xlsx cell, with a leading single quote if it would run as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def write_atomically(path: Path, content: str | bytes | Callable[[Path], None]) -> None:
    """Write beside the target, then rename over it: never a half-written file.

    `content` is text (written as UTF-8 exactly as given: CSV keeps its CRLF), bytes, or a
    function that writes a file at the path it is given (a workbook's save). A target that
    exists and is not a regular file (/dev/null, a pipe) is written into, never renamed over:
    a rename would replace the device itself. An OSError (a full disk, a folder in the way)
    is an OutputError naming the path.
    """
    try:
        _write(path, content)
    except OSError as error:
        raise OutputError(f"{path}: 无法写入 cannot write ({error.strerror or error})") from None


def _write(path: Path, content: str | bytes | Callable[[Path], None]) -> None:
    if callable(content):
        write = content
    else:
        data = content.encode("utf-8") if isinstance(content, str) else content

        def write(target: Path) -> None:
            with target.open("wb") as handle:
                handle.write(data)
                handle.flush()
                if target.is_file():
                    os.fsync(handle.fileno())

    if path.exists() and not path.is_file():
        write(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)  # as an ordinary file would be, not mkstemp's 0600
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)

"""Where a command may write: never onto what it reads, never where it cannot write.

Every path a command writes (each `-f FORMAT:PATH`, `--output`, `--rejected`, `--write-baseline`,
the `--record-to` database) is checked before anything is read or written. A report must never
replace the data it audits, so an output is refused when, after symbolic links, `..` and
relative paths are resolved, it is

- a file the command reads: an input given by name, its configuration, waivers or baseline;
- a file inside an input folder that the loader would read next time (any name that is not
  hidden and not an ignored document, see checker.loading.dataset_files), or that folder's
  compliance.toml;
- for `--rejected`, a folder that is or is inside an input folder, or a folder that holds an
  input under one of the names it writes (`members.csv` …).

A path that cannot be written (a folder where a file goes, a parent that is a file, a folder
without write permission) is refused up front too; what only writing finds (a full disk) is an
OutputError from checker.safety.write_atomically. Either way: exit code 2, naming the path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.config import CONFIG_FILE_NAME
from checker.loading import IGNORED_SUFFIXES
from checker.records import KINDS
from checker.safety import OutputError


@dataclass(frozen=True)
class Target:
    option: str  # as the user gave it: "-f json", "--output", "--rejected" …
    path: Path
    folder: bool = False  # a folder the command writes files into (--rejected DIR)

    def files(self) -> list[Path]:
        """Where the files land: the path, or for a folder each file it may be given."""
        if not self.folder:
            return [_landing(self.path)]
        root = self.path.resolve()
        return [root / f"{model.meta.file_stem}.csv" for model in KINDS.values()]


def _landing(path: Path) -> Path:
    """Where a write lands: its folder resolved (a rename replaces a link, not its target)."""
    return path.parent.resolve() / path.name


def _read_from_folder(name: str) -> bool:
    """Whether the loader reads a file of this name in a dataset folder (as dataset_files)."""
    if name == CONFIG_FILE_NAME:
        return True  # read as the dataset's configuration
    if name.startswith((".", "~$")):
        return False
    return Path(name).suffix.lower() not in IGNORED_SUFFIXES


def _refuse(target: Target, why_zh: str, why_en: str) -> OutputError:
    return OutputError(f"{target.option} {target.path}: {why_zh} / {why_en}")


def check_targets(
    targets: Iterable[Target], inputs: Sequence[Path], read_files: Iterable[Path] = ()
) -> None:
    """Refuse (OutputError) any target that would replace an input, or cannot be written.

    `inputs`: the dataset's paths as given (files and folders); `read_files`: every other file
    the command reads (configuration, waivers, baseline).
    """
    folders = {p.resolve(): p for p in inputs if p.is_dir()}
    files = {p.resolve(): p for p in [*inputs, *read_files] if not p.is_dir()}
    seen: dict[Path, Target] = {}
    for target in targets:
        _check_writable(target)
        if target.folder:
            root = target.path.resolve()
            for folder, given in folders.items():
                if root == folder or root.is_relative_to(folder):
                    raise _refuse(
                        target,
                        f"是输入目录 {given} 或在其之内，写入的文件会混入数据",
                        f"is or is inside the input folder {given}: what it holds would mix "
                        "with the data",
                    )
        for landing in target.files():
            # The name, and where a link of that name leads.
            for end in dict.fromkeys((landing, landing.resolve())):
                given = files.get(end) or next(
                    (name for file, name in files.items() if _same_file(end, file)), None
                )
                if given is not None:
                    raise _refuse(
                        target,
                        f"会覆盖输入 {given}，报告不得取代其所审计的数据",
                        f"would replace the input {given}: a report must never replace the "
                        "data it audits",
                    )
                folder = folders.get(end.parent)
                if folder is not None and _read_from_folder(end.name):
                    if end.exists():
                        raise _refuse(
                            target,
                            f"会覆盖输入目录 {folder} 中的 {end.name}，报告不得取代其所审计的数据",
                            f"would replace {end.name} of the input folder {folder}: a report "
                            "must never replace the data it audits",
                        )
                    raise _refuse(
                        target,
                        f"位于输入目录 {folder} 中，下次审计会把它当作数据读取",
                        f"is in the input folder {folder}: the next audit would read it as data",
                    )
            other = seen.get(landing)
            if other is not None:
                raise _refuse(
                    target,
                    f"与 {other.option} 写入同一文件",
                    f"names the same file as {other.option}",
                )
            seen[landing] = target


def _same_file(a: Path, b: Path) -> bool:
    """The same file under two names (a hard link): both exist and share an inode."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _check_writable(target: Target) -> None:
    path = target.path
    if target.folder:
        if path.exists() and not path.is_dir():
            raise _refuse(target, "不是目录", "is not a folder")
    elif path.is_dir():
        raise _refuse(target, "是一个目录，应为文件", "is a folder, not a file")
    elif path.exists() and not os.access(path, os.W_OK):
        raise _refuse(target, "没有写权限", "is not writable (permission denied)")
    # The nearest folder that exists: every folder below it is created, in it.
    parent = (path if target.folder else path.parent).absolute()
    while not parent.exists() and not parent.is_symlink():
        parent = parent.parent
    if not parent.is_dir():
        raise _refuse(target, f"{parent} 不是目录", f"{parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _refuse(target, f"目录 {parent} 没有写权限", f"cannot write in {parent}")

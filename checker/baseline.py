"""Baselines: today's findings recorded, so that a gate fails only on findings that are new.

A finding's fingerprint is its rule, the dataset file, the record kind and key, and a hash of
the record's fields the rule read; never a row number, so a reordered export keeps its old
findings old, and the same key in another file is another finding. Computed facts (working days
elapsed so far) and parameters are left out: they move with the audit date and the
configuration while the record stays the same.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import __version__
from checker.safety import brief

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be used."""


def portable_path(file: str) -> str:
    """The file as given, relative to the working folder when inside it, with / separators.

    `data/x.csv` and `/repo/data/x.csv` run from /repo are the same file; `north/x.csv` and
    `south/x.csv` are not.
    """
    return _portable_path(file, os.getcwd())


@functools.lru_cache(maxsize=4096)  # every finding of a file asks it again
def _portable_path(file: str, cwd: str) -> str:
    path = Path(os.path.normpath(file))
    if path.is_absolute() and path.is_relative_to(cwd):
        path = path.relative_to(cwd)
    return path.as_posix()


# One encoder for every fingerprint: json.dumps would build one per call.
_canonical = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def fingerprint(rule_id: str, file: str, kind: str, key: str, fields: dict[str, Any]) -> str:
    """`fields`: the record's values the rule read (JSON values), by field name."""
    content = hashlib.sha256(_canonical(fields).encode()).hexdigest()
    identity = _canonical([rule_id, portable_path(file), kind, key, content])
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Baseline:
    path: str
    fingerprints: frozenset[str]


def baseline_document(report: Any) -> str:
    """The baseline of a report (checker.report.Report): every finding, in a reviewable order."""
    findings = sorted(
        (
            {
                "fingerprint": v.fingerprint,
                "rule_id": v.rule_id,
                "file": portable_path(v.record.file),
                "kind": v.record.kind,
                "record": v.record.key,
                "subject": v.subject.id,
            }
            for v in report.violations
        ),
        key=lambda f: (f["rule_id"], f["file"], f["record"], f["fingerprint"]),
    )
    document = {
        "baseline_version": BASELINE_VERSION,
        "tool": {"name": "compliance", "version": __version__},
        "as_of": report.as_of,
        "findings": findings,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose key is written twice is refused: which value was meant?"""
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise _DuplicateKey(key)
        document[key] = value
    return document


def load_baseline(path: Path) -> Baseline:
    try:
        document = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    except OSError as error:
        raise BaselineError(f"{path}: cannot read ({error.strerror})") from None
    except _DuplicateKey as error:
        raise BaselineError(
            f"{path}: 键 {brief(error.args[0])} 出现两次 / key {brief(error.args[0])} is written "
            "twice: not a baseline file"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: not a baseline file (invalid JSON: {error})") from None
    except RecursionError:
        raise BaselineError(f"{path}: 嵌套过深 / nested too deeply: not a baseline file") from None
    except ValueError:  # a number of more than 4,300 digits
        raise BaselineError(
            f"{path}: 数字过长 / a number too long to read: not a baseline file"
        ) from None
    version = document.get("baseline_version") if isinstance(document, dict) else None
    if type(version) is not int or version != BASELINE_VERSION:  # true == 1 in Python
        raise BaselineError(
            f"{path}: not a baseline of version {BASELINE_VERSION} "
            "(write one with compliance audit --write-baseline FILE)"
        )
    findings = document.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in findings
    ):
        raise BaselineError(f"{path}: findings must be a list of entries with a fingerprint")
    return Baseline(str(path), frozenset(f["fingerprint"] for f in findings))

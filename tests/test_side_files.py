"""Hostile side files: waivers, baselines and configurations that are deep, huge, ambiguous or
explosive are usage errors naming the file, with a message of bounded size, quickly."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import cli
from tests.conftest import small_dataset

AS_OF = ("--as-of", "2026-01-05")
DEEP = "[" * 100_000 + "]" * 100_000
DIGITS = "9" * 5000
HUGE = "x" * 1_000_000
WAIVER = (
    "waivers:\n  - rule: MEM-10-1\n    record: E1\n    justification: 已补交\n"
    "    approver: 李敏\n    approved: 2025-12-01\n"
)


def laughs(levels: int = 6) -> str:
    """Nested YAML aliases: a few hundred bytes that stand for 9**levels strings."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\nwaivers: [*a{levels}]\n"


# option, file name, content, what the message must say besides the file
CASES = {
    "waivers: nested aliases (billion laughs)": ("--waivers", "w.yaml", laughs(), "aliases"),
    "waivers: an alias of a waiver": (
        "--waivers",
        "w.yaml",
        WAIVER.replace("  - rule", "  - &w\n    rule") + "  - *w\n",
        "aliases",
    ),
    "waivers: a field written twice": (
        "--waivers",
        "w.yaml",
        WAIVER + "    record: E3\n",
        "'record' is written twice",
    ),
    "waivers: a top-level key written twice": (
        "--waivers",
        "w.yaml",
        WAIVER + "waivers: []\n",
        "'waivers' is written twice",
    ),
    "waivers: nested 100,000 deep": ("--waivers", "w.yaml", f"waivers: {DEEP}\n", "nested"),
    "waivers: a 5,000-digit number": (
        "--waivers",
        "w.yaml",
        WAIVER.replace("E1", DIGITS),
        "a number too long to read",
    ),
    "waivers: a huge value": ("--waivers", "w.yaml", WAIVER.replace("MEM-10-1", HUGE), "rule"),
    "waivers: a huge item": ("--waivers", "w.yaml", f"waivers: [{HUGE}]\n", "expected a table"),
    "waivers TOML: a field written twice": (
        "--waivers",
        "w.toml",
        '[[waivers]]\nrule = "MEM-10-1"\nrule = "MEM-10-2"\n',
        "not valid TOML",
    ),
    "waivers TOML: nested 100,000 deep": ("--waivers", "w.toml", f"x = {DEEP}\n", "nested"),
    "waivers TOML: a 5,000-digit number": ("--waivers", "w.toml", f"x = {DIGITS}\n", "number"),
    "baseline: nested 100,000 deep": ("--baseline", "b.json", DEEP, "nested"),
    "baseline: a 5,000-digit number": (
        "--baseline",
        "b.json",
        f'{{"baseline_version": {DIGITS}}}',
        "number",
    ),
    "baseline: a key written twice": (
        "--baseline",
        "b.json",
        '{"baseline_version": 1, "findings": [], "findings": [{"fingerprint": "x"}]}',
        "'findings' is written twice",
    ),
    "baseline: a version that is no number": (
        "--baseline",
        "b.json",
        '{"baseline_version": true, "findings": []}',
        "not a baseline of version",
    ),
    "configuration: nested 100,000 deep": (
        "--config",
        "c.toml",
        f"[audit]\nx = {DEEP}\n",
        "nested",
    ),
    "configuration: a 5,000-digit number": (
        "--config",
        "c.toml",
        f"[audit]\nworkers = {DIGITS}\n",
        "number",
    ),
    "configuration: a key written twice": (
        "--config",
        "c.toml",
        '[audit]\nfail_on = "never"\nfail_on = "error"\n',
        "not valid TOML",
    ),
    "configuration: not UTF-8": (
        "--config",
        "c.toml",
        "[audit]\nas_of = 2025-12-01 # \udcff\n",  # written back as the byte 0xff
        "not UTF-8",
    ),
    "configuration: a huge value": (
        "--config",
        "c.toml",
        f'[audit]\nfail_on = "{HUGE}"\n',
        "audit.fail_on",
    ),
    "configuration: a huge list": (
        "--config",
        "c.toml",
        "[audit]\nfail_on = [" + "1," * 200_000 + "]\n",
        "audit.fail_on",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_side_file_is_a_usage_error_with_a_short_message(tmp_path, case):
    option, name, content, expected = CASES[case]
    data = small_dataset(tmp_path / "exports")
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    result = CliRunner().invoke(
        cli.main, ["audit", str(data), *AS_OF, option, str(path)], catch_exceptions=False
    )
    assert result.exit_code == 2, result.output[:2000]
    assert str(path) in result.stderr and expected in result.stderr, result.stderr[:2000]
    assert len(result.stderr) < 1000, result.stderr[:2000]

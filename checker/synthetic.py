"""A seeded synthetic dataset made from the rule fixtures, for the benchmark and the parity tests.

Every case of every rule fixture (fixtures/rules/*.toml) is a small dataset that is consistent on
its own. Its records fall into clusters: records that share an identifier (an `*_id` or `*_no`
field, or a text or list entry equal to one) belong together, such as an employee, their
attendance and the observations of them. The generator replicates clusters, and every replica
gets identifiers of its own (`E101` becomes `E101~37.2` in replica 2 of cluster 37) wherever the
cluster uses them, so replicas never see each other's records. The dataset therefore covers every
record kind and every rule the fixtures cover, and nothing here changes when rules or domains
are added.

Every regulation applies (every rule enabled), and a subject a cluster names without its register
row (an employee, a member) gets a copy of a register row of the fixtures, as an export would
have it. The mix is measured, not guessed: one replica of every cluster is audited once, which
tells how many records of each cluster violate some rule; a cluster whose records the audit
rejects under this one configuration is left out. Clusters with violations are repeated until
about `violating` of the records violate, and clusters without any fill the rest. Reference data
whose key holds no identifier (the fee schedule) is shared by all replicas, once.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from checker.audit import audit_dataset
from checker.catalog import Catalog
from checker.config import CONFIG_FILE_NAME, Config
from checker.fixtures import FIXTURE_DIR, read_fixture
from checker.loading import load_rows
from checker.records import KINDS, SUBJECT_DIRECTORIES, FieldSpec, field_specs

TAG = "~"  # joins an identifier and its replica's tag; no fixture identifier contains it
_TAGGED = re.compile(re.escape(TAG) + r"(\d+)\.\d+")
DIRECTORY_KINDS = {kind for kind, _ in SUBJECT_DIRECTORIES.values()}


def is_identifier(spec: FieldSpec) -> bool:
    return spec.type == "text" and spec.name.endswith(("_id", "_no"))


def cell(value: Any) -> str:
    """A typed value as a spreadsheet export writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, frozenset):
        return "；".join(sorted(value))
    return str(value)


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


class _Layout:
    """A kind's columns (its Chinese headers) and the cells of its rows."""

    def __init__(self, kind: str) -> None:
        self.model = KINDS[kind]
        self.specs = list(field_specs(self.model).values())
        self.header = [spec.label for spec in self.specs]
        keys = [i for i, s in enumerate(self.specs) if s.name in self.model.meta.key_fields]
        # A key without identifiers is the same in every replica: reference data, shared once.
        self.shared = [] if any(is_identifier(self.specs[i]) for i in keys) else keys

    def cells(self, row: dict[str, Any], identifiers: set[str]) -> tuple[tuple[str, bool], ...]:
        """Each cell as a template (`{tag}` where a replica's tag goes) and whether it has one."""
        out = []
        for spec in self.specs:
            value = row.get(spec.name)
            if isinstance(value, str) and value in identifiers:
                out.append((_literal(value) + TAG + "{tag}", True))
            elif isinstance(value, frozenset) and value & identifiers:
                parts = (
                    _literal(p) + (TAG + "{tag}" if p in identifiers else "") for p in sorted(value)
                )
                out.append(("；".join(parts), True))
            else:
                out.append((cell(value), False))
        return tuple(out)

    def shared_key(self, cells: list[str]) -> tuple[str, ...] | None:
        return tuple(cells[i] for i in self.shared) if self.shared else None


@dataclass(frozen=True)
class Cluster:
    """Records of one fixture case that share identifiers, as row templates per kind."""

    origin: str  # rule id and case name
    rows: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]  # (kind, cells)


def _identifiers(kind: str, row: dict[str, Any]) -> set[str]:
    return {
        value
        for spec in field_specs(KINDS[kind]).values()
        if is_identifier(spec) and (value := row.get(spec.name))
    }


Row = tuple[str, dict[str, Any]]  # a kind and a record's typed values


def _cases(directory: Path, as_of: date) -> Iterator[tuple[str, list[Row]]]:
    """Every fixture case's records, validated exactly as a dataset file would be; a case written
    for another audit date comes twice: as it is, and with its dates moved by whole weeks to
    about the same distance from `as_of` (an edge at the audit date stays near it)."""
    for path in sorted(directory.glob("*.toml")):
        fixture = read_fixture(path)
        for case in fixture.cases:
            dataset = load_rows(case.records, path.name)
            rows = [
                (k, dict(item.record)) for k, items in dataset.records.items() for item in items
            ]
            origin = f"{fixture.rule_id} {case.name}"
            yield origin, rows
            weeks = round((as_of - case.as_of).days / 7)
            if weeks:
                moved = [(kind, _moved(row, timedelta(weeks=weeks))) for kind, row in rows]
                yield f"{origin} ({weeks:+} weeks)", moved


def _moved(row: dict[str, Any], by: timedelta) -> dict[str, Any]:
    return {k: v + by if isinstance(v, date) else v for k, v in row.items()}


def _with_registers(rows: list[Row], registers: dict[str, dict[str, Any]]) -> list[Row]:
    """The rows and a register row (a copy of `registers`' row of the kind) for every subject
    they name that their own register lacks: an export has every member in its register."""
    listed = {
        (kind, row[KINDS[kind].meta.subject_field]) for kind, row in rows if kind in DIRECTORY_KINDS
    }
    added = []
    for kind, row in rows:
        meta = KINDS[kind].meta
        if meta.subject is None or meta.subject.code not in SUBJECT_DIRECTORIES:
            continue
        register = SUBJECT_DIRECTORIES[meta.subject.code][0]
        subject_id = row[meta.subject_field]
        if (register, subject_id) not in listed and register in registers:
            listed.add((register, subject_id))
            field = KINDS[register].meta.subject_field
            added.append((register, {**registers[register], field: subject_id}))
    return rows + added


def _clusters(rows: list[Row]) -> tuple[list[list[Row]], set[str]]:
    """The rows in groups that share identifiers (union-find), and the identifiers."""
    known = set().union(*(_identifiers(kind, row) for kind, row in rows))
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, (_, row) in enumerate(rows):
        for value in row.values():
            for entry in value if isinstance(value, frozenset) else (value,):
                if isinstance(entry, str) and entry in known:
                    parent[root(i)] = root(owner.setdefault(entry, i))
    groups: dict[int, list[Row]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[root(i)].append(row)
    return list(groups.values()), known


def read_clusters(
    layouts: dict[str, _Layout], as_of: date, directory: Path = FIXTURE_DIR
) -> list[Cluster]:
    """Every fixture case's records, with their subjects' register rows, in clusters."""
    cases = list(_cases(directory, as_of))
    registers: dict[str, dict[str, Any]] = {}  # the first register row of each kind
    for _, rows in cases:
        for kind, row in rows:
            if kind in DIRECTORY_KINDS:
                registers.setdefault(kind, row)
    clusters = []
    for origin, rows in cases:
        groups, known = _clusters(_with_registers(rows, registers))
        for group in groups:
            cells = tuple(
                (kind, layouts.setdefault(kind, _Layout(kind)).cells(row, known))
                for kind, row in group
            )
            clusters.append(Cluster(origin, cells))
    return clusters


def audit_config(catalog: Catalog, base: Config, directory: Path = FIXTURE_DIR) -> Config:
    """Every regulation and so every rule on, the parameters rules need set as their fixtures
    set them, and the audit date most fixtures use."""
    needed = {key for rule in catalog.rules.values() for key in rule.needs_params}
    values: dict[str, Any] = {}
    dates: Counter[date] = Counter()
    for path in sorted(directory.glob("*.toml")):
        for case in read_fixture(path).cases:
            dates[case.as_of] += 1
            for key in needed & case.config.keys():
                values.setdefault(key, case.config[key])
    return base.with_values(
        {
            "audit.regulations": list(catalog.regulations),
            "audit.as_of": dates.most_common(1)[0][0],
            **values,
        },
        "synthetic dataset",
    )


def _rows(
    plan: list[int], clusters: list[Cluster], layouts: dict[str, _Layout]
) -> Iterator[tuple[int, str, list[str]]]:
    """(cluster, kind, cells) of every row of the planned replicas; shared reference rows once."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    replicas: Counter[int] = Counter()
    for index in plan:
        tag = f"{index}.{replicas[index]}"
        replicas[index] += 1
        for kind, row in clusters[index].rows:
            cells = [text.format(tag=tag) if tagged else text for text, tagged in row]
            shared = layouts[kind].shared_key(cells)
            if shared is not None:
                if (kind, shared) in seen:
                    continue
                seen.add((kind, shared))
            yield index, kind, cells


# --------------------------------------------------------------------------- the mix


@dataclass(frozen=True)
class Profile:
    """What one replica of each cluster contributes, measured by auditing one of each."""

    records: list[int]  # each replica's records; shared reference rows are written once
    violating: list[int]  # records with at least one violation
    rules: list[frozenset[str]]  # the rules they violate
    rejected: list[int]  # records the audit rejects


def measure(
    clusters: list[Cluster], layouts: dict[str, _Layout], catalog: Catalog, config: Config
) -> Profile:
    tables: dict[str, list[dict[str, str]]] = defaultdict(list)
    records = [0] * len(clusters)
    owner: dict[tuple[str, int], int] = {}  # (kind, row) -> cluster
    for index, kind, cells in _rows(list(range(len(clusters))), clusters, layouts):
        tables[kind].append(dict(zip(layouts[kind].header, cells, strict=True)))
        owner[(kind, len(tables[kind]))] = index
        records[index] += layouts[kind].shared_key(cells) is None  # shared rows come once
    result = audit_dataset(load_rows(tables, "synthetic"), catalog, config, config["audit.as_of"])
    violating: list[set[tuple[str, str]]] = [set() for _ in clusters]
    rules: list[set[str]] = [set() for _ in clusters]
    for violation in result.violations:
        record = violation.fact.record
        match = _TAGGED.search(record.key)
        assert match, f"a violation on a record without a tag: {record.kind} {record.key}"
        violating[int(match.group(1))].add((record.kind, record.key))
        rules[int(match.group(1))].add(violation.rule.id)
    rejected = [0] * len(clusters)
    for problem in result.problems:
        if problem.rejects_record and problem.source.row is not None:
            rejected[owner[(problem.source.file.rsplit("#", 1)[1], problem.source.row)]] += 1
    return Profile(records, [len(v) for v in violating], [frozenset(r) for r in rules], rejected)


def plan(
    clusters: list[Cluster],
    profile: Profile,
    records: int,
    violating: float,
    rng: random.Random,
) -> list[int]:
    """Which clusters to write, once per replica.

    Every cluster once; then, until there are `records` records, a cluster with violations while
    the share of violating records is below `violating`, else one without. The kinds take turns:
    each pick is a random cluster holding the kind whose turn it is, so every kind is written
    about as often as the share allows.
    """
    chosen = list(range(len(clusters)))
    total, violations = sum(profile.records), sum(profile.violating)
    pools: dict[bool, dict[str, list[int]]] = {True: defaultdict(list), False: defaultdict(list)}
    for index, cluster in enumerate(clusters):
        if profile.records[index]:
            for kind in dict.fromkeys(kind for kind, _ in cluster.rows):
                pools[profile.violating[index] > 0][kind].append(index)
    turns = {dirty: itertools.cycle(sorted(pool)) for dirty, pool in pools.items() if pool}
    while total < records:
        dirty = violations < violating * total if len(turns) == 2 else next(iter(turns))
        index = rng.choice(pools[dirty][next(turns[dirty])])
        chosen.append(index)
        total += profile.records[index]
        violations += profile.violating[index]
    return chosen


@dataclass(frozen=True)
class Generated:
    folder: Path
    records: int
    files: dict[str, int]  # file name -> rows
    expected_violating: int  # records the measured profile expects to violate
    config: Config


def generate(
    folder: Path,
    records: int,
    *,
    seed: int,
    catalog: Catalog,
    base: Config,
    violating: float = 0.05,
) -> Generated:
    """Write about `records` rows as CSV files (one per kind, rows shuffled) and the
    compliance.toml that audits them, to `folder`."""
    layouts: dict[str, _Layout] = {}
    config = audit_config(catalog, base)
    clusters = read_clusters(layouts, config["audit.as_of"])
    profile = measure(clusters, layouts, catalog, config)
    # A cluster whose records this configuration rejects (its fixture configures another
    # category table, or leaves out a register the dataset has) is left out; the rest again.
    if any(profile.rejected):
        clusters = [
            c for c, rejected in zip(clusters, profile.rejected, strict=True) if not rejected
        ]
        profile = measure(clusters, layouts, catalog, config)
    rng = random.Random(seed)
    chosen = plan(clusters, profile, records, violating, rng)
    tables: dict[str, list[list[str]]] = defaultdict(list)
    for _, kind, cells in _rows(chosen, clusters, layouts):
        tables[kind].append(cells)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for kind, rows in sorted(tables.items()):
        rng.shuffle(rows)
        layout = layouts[kind]
        name = f"{layout.model.meta.file_stem}.csv"
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(layout.header)
            writer.writerows(rows)
        files[name] = len(rows)
    (folder / CONFIG_FILE_NAME).write_text(config_toml(config), encoding="utf-8")
    return Generated(
        folder, sum(files.values()), files, sum(profile.violating[i] for i in chosen), config
    )


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as TOML")


def config_toml(config: Config) -> str:
    """The settings of `config` that are not defaults, as a compliance.toml."""
    sections: dict[str, list[str]] = defaultdict(list)
    for key, source in config.sources.items():
        if source != "default":
            section, name = key.split(".", 1)
            sections[section].append(f"{name} = {_toml(config[key])}")
    return "".join(
        f"[{section}]\n" + "\n".join(lines) + "\n\n" for section, lines in sections.items()
    )

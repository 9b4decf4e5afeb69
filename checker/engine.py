"""Running the rules on durable-rules, hardened against the hazards measured in
shared/notes/durable-rules.md.

- Facts, not events: an event is consumed by the first rule that matches it.
- The engine's `id` is a sequence number within one `sid`, never a business key: ids are
  de-duplicated on a 32-bit hash, so business keys could collide and vanish.
- One ruleset per process, registered once, whatever the configuration: parameters travel in the
  facts, not in the ruleset.
- A `sid` per chunk of at most CHUNK facts, deleted afterwards: fewer than 1,024 live sids, and
  per-fact cost stays flat.
- No `none()`, no joins, no counts, no arithmetic: cross-record facts are computed beforehand
  (checker.facts), and every computed operand of a condition (working days, date offsets, the
  audit date) is a column of the measured row (checker.columnar), the same rows the fast engine
  reads. `~` is pushed down to the leaves first (conditions.without_not): three-valued logic
  needs no NOT of the engine's own.
- No background dispatcher thread: actions run inside `assert_facts` and nothing runs after it
  returns. Every fact must hit a catch-all rule exactly once, and an exception an action swallowed
  into the state is raised: either means the engine's result cannot be trusted.
- Results are de-duplicated and sorted by the caller's fact order, so input order never matters.
- Every comparison, `not_in` included, guards its sides against null: durable-rules itself finds
  null == null and 1 != null true, where a condition finds them unknown.
- Large audits run in worker processes, partitioned by subject (the C core never releases the
  GIL), each replaced after a number of batches (durable-rules keeps memory per fact asserted).
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import zlib
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc
from durable import engine as durable

from checker.calendar import WorkingCalendar
from checker.columnar import (
    FACT,
    WHY,
    Evaluation,
    KindPlan,
    Match,
    Measurer,
    Unplaced,
    cached_plans,
    column_value,
    computed_column,
    derived_values,
    plans_of,
    set_column,
)
from checker.conditions import (
    All,
    AnyOf,
    Compare,
    Condition,
    FieldRef,
    Has,
    IsNull,
    Lacks,
    NoneOf,
    NotNull,
    OneOf,
    Operand,
    ParamRef,
    operand_type,
    without_not,
)
from checker.config import Config
from checker.facts import FACT_KINDS, Fact
from checker.loading import Loaded
from checker.records import FieldSpec
from checker.rules import Rule

CHUNK = 1000
MAX_PROPERTIES = 252  # durable-rules' limit per fact
_CATCH_ALL = "__every_fact__"
_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq"}


class EngineError(RuntimeError):
    """The engine's result cannot be trusted; the audit stops as an internal error."""


class _SynchronousHost(durable.Host):
    """A host without the dispatcher and timer threads the library starts by default."""

    def _run(self) -> None:
        return None


_host: _SynchronousHost | None = None
_registered: dict[str, tuple[str, ...]] = {}  # ruleset name -> its engine rule names
_action_buffers: dict[str, list[tuple[str, str]]] = {}  # ruleset name -> (rule, fact id) hits
_sids = itertools.count(1)


def _get_host() -> _SynchronousHost:
    global _host
    if _host is None:
        _host = _SynchronousHost()
    return _host


# --------------------------------------------------------------------------- values


def engine_value(value: Any, spec_type: str | None) -> Any:
    """A typed value as the engine compares it: money in 分, decimals as floats, dates as ISO."""
    if value is None:
        return None
    if spec_type in ("money", "decimal"):
        return column_value(value, spec_type)
    if isinstance(value, (date, time, datetime)):
        # ISO text compares in time order: 2026-03-02, 09:05:00, 2026-03-02T09:05:00.
        return value.isoformat() if type(value) is date else value.isoformat(timespec="seconds")
    return value


def param_values(params: Iterable[tuple[str, bool]], config: Config) -> dict[tuple[str, bool], Any]:
    """Each (parameter, in 分) a condition reads, valued as the engine compares it."""
    return {
        (key, money): engine_value(config[key], "money" if money else config.parameters[key].family)
        for key, money in params
    }


def _param_key(key: str, money: bool) -> str:
    # No dots: durable-rules reads a dotted key as a path into a nested object.
    return "param__" + key.replace(".", "__") + ("__fen" if money else "")


# --------------------------------------------------------------------------- compiling


@dataclass
class _KindPlan:
    """The parameters a fact of one kind carries into the engine, beside its measured row."""

    params: dict[str, tuple[str, bool]]  # engine key -> (parameter key, in 分)


class _Compiler:
    """A condition (without `~`) as durable-rules' JSON; a computed operand is a column of the
    measured row (checker.columnar), so both engines read the same values."""

    def __init__(self, specs: Mapping[str, FieldSpec], plan: _KindPlan) -> None:
        self.specs = specs
        self.plan = plan

    def operand(self, operand: Operand, typed: str | None) -> str:
        if isinstance(operand, FieldRef):
            return operand.name
        if isinstance(operand, ParamRef):
            money = typed == "money"
            key = _param_key(operand.key, money)
            self.plan.params[key] = (operand.key, money)
            return key
        return computed_column(operand)

    def compile(self, node: Condition) -> dict[str, Any]:
        if isinstance(node, All):
            return {"$and": [self.compile(item) for item in node.items]}
        if isinstance(node, AnyOf):
            return {"$or": [self.compile(item) for item in node.items]}
        if isinstance(node, Compare):
            return self.compare(node)
        if isinstance(node, OneOf):
            name = node.field.name
            parts = [{name: value} for value in node.values]
            return parts[0] if len(parts) == 1 else {"$or": parts}
        if isinstance(node, NoneOf):
            name = node.field.name
            # An empty field is in no list and out of none: unknown, as in SQL.
            parts = [{"$neq": {name: None}}, *({"$neq": {name: value}} for value in node.values)]
            return {"$and": parts}
        if isinstance(node, IsNull):
            return {node.field.name: None}
        if isinstance(node, NotNull):
            return {"$neq": {node.field.name: None}}
        if isinstance(node, (Has, Lacks)):
            return {set_column(node.field.name, node.value): isinstance(node, Has)}
        raise TypeError(f"cannot compile {node!r}")

    def compare(self, node: Compare) -> dict[str, Any]:
        typed = self.type_of(node.left) or self.type_of(node.right)
        left = self.operand(node.left, typed)
        if not isinstance(node.right, Operand):
            right = engine_value(node.right, typed)
            test = {left: right} if node.op == "==" else {_OPS[node.op]: {left: right}}
            return {"$and": [{"$neq": {left: None}}, test]}
        other = self.operand(node.right, typed)
        test = {left: {"$m": other}} if node.op == "==" else {_OPS[node.op]: {left: {"$m": other}}}
        # durable-rules finds null == null and 1 != null true: an empty side makes it false.
        return {"$and": [{"$neq": {left: None}}, {"$neq": {other: None}}, test]}

    def type_of(self, operand: Any) -> str | None:
        if isinstance(operand, ParamRef) or not isinstance(operand, Operand):
            return None
        return operand_type(operand, self.specs)


@dataclass(frozen=True)
class _Compiled:
    definition: dict[str, Any]
    plans: dict[str, _KindPlan]
    checks: dict[str, tuple[str, int]]  # engine rule name -> (rule id, check index)


def compile_rules(rules: Iterable[Rule]) -> _Compiled:
    definition: dict[str, Any] = {}
    plans: dict[str, _KindPlan] = {}
    checks: dict[str, tuple[str, int]] = {}
    for rule in rules:
        for index, check in enumerate(rule.checks):
            specs = FACT_KINDS[check.kind].fields
            plan = plans.setdefault(check.kind, _KindPlan({}))
            condition = _Compiler(specs, plan).compile(without_not(check.when))
            name = f"{rule.id}#{index}"
            checks[name] = (rule.id, index)
            definition[name] = {"all": [{"m": {"$and": [{"kind": check.kind}, condition]}}]}
    for kind, columns in plans_of(rules).items():
        width = 4 + len(columns.columns()) + len(columns.computed) + len(plans[kind].params)
        if width > MAX_PROPERTIES:
            raise EngineError(f"facts of {kind} would carry more than {MAX_PROPERTIES} properties")
    # A rule every fact matches: no fact goes unhandled, and each one is counted.
    definition[_CATCH_ALL] = {"all": [{"m": {"$ex": {"_fact": 1}}}]}
    return _Compiled(definition, plans, checks)


# --------------------------------------------------------------------------- running


class Engine(Protocol):
    """What the audit needs of an engine: the checks each fact matches, in fact order, and the
    facts whose dates the calendar could not place."""

    def evaluate(
        self,
        facts: Sequence[Fact],
        config: Config,
        calendar: WorkingCalendar,
        as_of: date,
        records: Mapping[str, Sequence[Loaded]] | None = None,
    ) -> Evaluation: ...


def _as_the_engine_reads(rows: pa.Table) -> pa.Table:
    """The columns of measured rows the engine's conditions read, valued as engine_value would
    (dates, times and date-times as ISO text, to the second), converted column by column."""
    columns = {}
    for name, column in zip(rows.column_names, rows.columns, strict=True):
        if name.startswith(("_", WHY)):
            continue
        if pa.types.is_timestamp(column.type):
            seconds = pc.cast(column, pa.timestamp("s"), safe=False)
            column = pc.strftime(seconds, format="%Y-%m-%dT%H:%M:%S")
        elif pa.types.is_time(column.type):
            column = pc.cast(pc.cast(column, pa.time32("s"), safe=False), pa.string())
        elif pa.types.is_date(column.type):
            column = pc.cast(column, pa.string())
        columns[name] = column
    return pa.table(columns)


class DurableEngine:
    """Evaluates rule checks over the measured fact rows on durable-rules; the ruleset is
    registered once per process and name.

    Above IN_PROCESS_FACTS facts, the facts are partitioned by subject (a hash of its type and
    id) into `workers` partitions, each evaluated by its own worker process, which registers its
    own ruleset: the C core never releases the GIL, so threads would not help.
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        name: str = "compliance",
        workers: int = 1,
        running: Sequence[Rule] | None = None,
    ) -> None:
        self.name = name
        self.rules = tuple(rules)
        self.workers = workers
        # The rows are measured for the rules that run: a date only another rule moves past the
        # calendar's years rejects no record.
        self.running = cached_plans(self.rules if running is None else running)
        self._compiled = compile_rules(rules)
        self._params = sorted(
            {param for plan in self._compiled.plans.values() for param in plan.params.values()}
        )
        self._hits = self._register()

    def _register(self) -> list[tuple[str, str]]:
        """This process's ruleset, registered once; the buffer its actions append to."""
        signature = tuple(sorted(self._compiled.definition))
        if self.name in _registered:
            if _registered[self.name] != signature:
                raise EngineError(f"ruleset {self.name} is already registered with other rules")
        else:
            buffer: list[tuple[str, str]] = []
            definition = {
                rule_name: {**body, "run": _recorder(buffer, rule_name)}
                for rule_name, body in self._compiled.definition.items()
            }
            _get_host().register_rulesets({self.name: definition})
            _registered[self.name] = signature
            _action_buffers[self.name] = buffer
        return _action_buffers[self.name]

    def evaluate(
        self,
        facts: Sequence[Fact],
        config: Config,
        calendar: WorkingCalendar,
        as_of: date,
        records: Mapping[str, Sequence[Loaded]] | None = None,
    ) -> Evaluation:
        params = param_values(self._params, config)
        measurer = Measurer(self.running, config, calendar, as_of)
        payloads: list[dict[str, Any]] = []
        read: list[int] = []
        unplaced: list[Unplaced] = []
        # A fact of a kind no check reads can match nothing (about 40% of an export's facts:
        # the staff register, members' accounts): it is not asserted.
        measured: list[tuple[KindPlan, list[int], pa.Table]] = []  # kinds with derived fields
        for plan, rows in measurer.run(facts, "rows", records):
            carried = {key: params[p] for key, p in self._compiled.plans[plan.kind].params.items()}
            positions = rows.column(FACT).to_pylist()
            lost = rows.column("_unplaced").to_pylist()
            for position, unplaceable in enumerate(lost):
                if unplaceable:
                    row = rows.slice(position, 1).to_pylist()[0]
                    unplaced.append(measurer.unplaced(plan, row))
            for position, payload in enumerate(_as_the_engine_reads(rows).to_pylist()):
                if lost[position]:
                    continue
                payload.update(carried)
                payload["_fact"], payload["kind"] = 1, plan.kind
                payloads.append(payload)
                read.append(positions[position])
            if plan.derived:
                measured.append((plan, positions, rows.select(list(plan.derived))))
        if len(read) > IN_PROCESS_FACTS:
            hits = self._in_workers(facts, read, payloads)
        else:
            hits = [(read[position], rule_name) for position, rule_name in self.run(payloads)]
        matches = {Match(index, *self._compiled.checks[rule_name]) for index, rule_name in hits}
        ordered = sorted(matches, key=lambda m: (m.fact_index, m.rule_id, m.check_index))
        matched = {m.fact_index for m in ordered}
        derived: dict[int, dict[str, Any]] = {}
        for plan, positions, values in measured:
            for position, row in zip(positions, values.to_pylist(), strict=True):
                if position in matched:
                    derived[position] = derived_values(plan, row)
        return Evaluation(ordered, sorted(unplaced, key=lambda u: u.fact_index), derived)

    def run(self, payloads: Iterable[dict[str, Any]]) -> list[tuple[int, str]]:
        """(position, engine rule name) of every check the payloads match, in chunks of CHUNK;
        a chunk's payloads are made only when it is asserted."""
        host = _get_host()
        hits = self._hits
        found: list[tuple[int, str]] = []
        stream = iter(payloads)
        for start in itertools.count(0, CHUNK):
            chunk = list(itertools.islice(stream, CHUNK))
            if not chunk:
                break
            sid = f"{self.name}-{next(_sids)}"
            for number, payload in enumerate(chunk, 1):
                payload["id"], payload["sid"] = str(number), sid
            hits.clear()
            try:
                host.assert_facts(self.name, chunk)
                state = host.get_state(self.name, sid)
            except durable.MessageNotHandledException as error:
                raise EngineError(f"a fact matched no rule: {error}") from error
            finally:
                with contextlib.suppress(Exception):  # no state is left after some failures
                    host.delete_state(self.name, sid)
            if "exception" in state:
                raise EngineError(f"a rule action failed inside the engine: {state['exception']}")
            seen = [int(fact_id) for rule_name, fact_id in hits if rule_name == _CATCH_ALL]
            if sorted(seen) != list(range(1, len(chunk) + 1)):
                raise EngineError(f"the engine saw {len(seen)} of {len(chunk)} facts")
            found.extend(
                (start + int(fact_id) - 1, rule_name)
                for rule_name, fact_id in hits
                if rule_name != _CATCH_ALL
            )
        return found

    def _in_workers(
        self, facts: Sequence[Fact], read: list[int], payloads: list[dict[str, Any]]
    ) -> list[tuple[int, str]]:
        """(position in `facts`, engine rule name) of every check the payloads match; the
        payload at position p stands for the fact at read[p]."""
        partitions: list[list[int]] = [[] for _ in range(self.workers)]
        for position, index in enumerate(read):
            fact = facts[index]
            subject = f"{fact.subject.type}:{fact.subject.id}".encode()
            partitions[zlib.crc32(subject) % self.workers].append(position)
        found: list[tuple[int, str]] = []
        workers = [_Worker(self.rules, self.name) for _ in partitions]
        pending: dict[Future, list[int]] = {}

        def collect(futures: Iterable[Future]) -> None:
            for future in futures:
                positions = pending.pop(future)
                found.extend((read[positions[i]], name) for i, name in future.result())

        try:
            # The partitions' batches in turn, so that every worker is busy from the start.
            rounds = itertools.zip_longest(
                *(
                    [(worker, indexes[i : i + _BATCH]) for i in range(0, len(indexes), _BATCH)]
                    for worker, indexes in zip(workers, partitions, strict=True)
                )
            )
            for worker, indexes in filter(None, itertools.chain.from_iterable(rounds)):
                if len(pending) >= 2 * self.workers:  # bound the payloads waiting in memory
                    collect(wait(pending, return_when=FIRST_COMPLETED).done)
                pending[worker.submit([payloads[i] for i in indexes])] = indexes
            collect(list(pending))
        finally:
            for worker in workers:
                worker.close()
        return found


IN_PROCESS_FACTS = 20_000  # up to this many facts, starting processes costs more than it saves
_BATCH = 10 * CHUNK  # facts sent to a worker at a time
# durable-rules keeps about 2.4 KB per fact asserted, even after delete_state (measured: 185 MB
# more for each 76,000 facts, in one process): a worker process is replaced after this many
# batches, so that none grows without bound.
_BATCHES_PER_PROCESS = 10
# Forked where the platform can (a worker starts in milliseconds, and a caller's script needs no
# `if __name__ == "__main__"` guard); its RSS then counts the pages it shares with the audit.
_CONTEXT = multiprocessing.get_context(
    "fork" if "fork" in multiprocessing.get_all_start_methods() else None
)
_worker: DurableEngine | None = None


class _Worker:
    """One partition's worker process, replaced by a fresh one every _BATCHES_PER_PROCESS."""

    def __init__(self, rules: Sequence[Rule], name: str) -> None:
        self.rules, self.name = rules, name
        self.pools: list[ProcessPoolExecutor] = []
        self.sent = 0

    def submit(self, payloads: list[dict[str, Any]]) -> Future:
        if not self.pools or self.sent == _BATCHES_PER_PROCESS:
            if self.pools:
                self.pools[-1].shutdown(wait=False)  # ends once its last batch is done
            initargs = (self.rules, self.name)
            self.pools.append(
                ProcessPoolExecutor(1, _CONTEXT, initializer=_start_worker, initargs=initargs)
            )
            self.sent = 0
        self.sent += 1
        return self.pools[-1].submit(_run_in_worker, payloads)

    def close(self) -> None:
        for pool in self.pools:
            pool.shutdown(cancel_futures=True)


def _start_worker(rules: Sequence[Rule], name: str) -> None:
    global _worker
    _worker = DurableEngine(rules, name)


def _run_in_worker(payloads: list[dict[str, Any]]) -> list[tuple[int, str]]:
    assert _worker is not None
    return _worker.run(payloads)


def _recorder(buffer: list[tuple[str, str]], rule_name: str):
    def record(closure: Any) -> None:
        buffer.append((rule_name, closure.m["id"]))

    return record

"""Facts computed before the engine for the staff records shared by the sales regulations."""

from __future__ import annotations

from collections.abc import Iterator

from checker.facts import Fact, FactContext
from checker.loading import Problem

KINDS = ("Employee", "Assignment", "Attendance", "LeaveRequest", "ConductObservation")
COMPUTED: dict = {}
DERIVED = ()


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    for kind in KINDS:
        yield from ctx.each(kind)

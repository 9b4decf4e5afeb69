"""Measure an audit end to end on a seeded synthetic member dataset.

    python benchmarks/audit.py --records 100000

Writes CSV files of five member-domain kinds (about 5% of records violating a rule) to a
temporary folder, then times each stage of the audit in this process: reading and validating,
computing facts, the durable-rules engine, and building the report; then renders the report in
every output format, each timed apart. Prints records per second
and the peak resident memory, and writes the figures as JSON beside this script
(benchmarks/results/, not committed).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.audit import audit_dataset
from checker.catalog import load_catalog
from checker.config import load
from checker.formats import FORMATS, render
from checker.loading import load_dataset
from checker.report import build_report

AS_OF = date(2026, 11, 20)
START = date(2024, 1, 2)


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange(900))


def generate(folder: Path, records: int, seed: int) -> dict[str, int]:
    """Five kinds in fixed proportions; every fifth-percentile record breaks a rule."""
    rng = random.Random(seed)
    members = max(10, records // 100)
    shares = {
        "change_events": 0.35,
        "fee_invoices": 0.25,
        "trades": 0.2,
        "mandates": 0.1,
        "trader_agreements": 0.1,
    }
    counts = {name: int(records * share) for name, share in shares.items()}
    counts["members"] = members

    def write(name: str, header: list[str], rows) -> None:
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)

    write(
        "members",
        ["member_id", "member_name", "admitted_date", "status"],
        ([f"M{n:05}", f"会员{n}", "2023-06-01", "正常"] for n in range(members)),
    )
    change_types = ["法定代表人", "注册资本", "名称", "营业场所", "经营团队变动"]

    def change(n: int) -> list[object]:
        occurred = _day(rng)
        late = rng.random() < 0.05
        reported = occurred + timedelta(
            days=rng.randrange(25, 60) if late else rng.randrange(1, 12)
        )
        return [
            f"E{n:07}",
            f"M{rng.randrange(members):05}",
            rng.choice(change_types),
            occurred,
            reported,
            "是",
        ]

    write(
        "change_events",
        [
            "event_id",
            "member_id",
            "change_type",
            "occurred_date",
            "reported_date",
            "report_written",
        ],
        (change(n) for n in range(counts["change_events"])),
    )

    def invoice(n: int) -> list[object]:
        due = _day(rng)
        paid = due + timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.05 else due
        return [f"I{n:07}", f"M{rng.randrange(members):05}", "会员管理费", 5000, due, paid]

    write(
        "fee_invoices",
        ["invoice_id", "member_id", "fee_type", "amount_cny", "due_date", "paid_date"],
        (invoice(n) for n in range(counts["fee_invoices"])),
    )
    traders = max(1, counts["mandates"])
    write(
        "mandates",
        ["mandate_id", "member_id", "trader_id", "valid_from", "valid_to"],
        ([f"W{n:07}", f"M{n % members:05}", f"R{n:07}", START, ""] for n in range(traders)),
    )

    def trade(n: int) -> list[object]:
        trader = rng.randrange(traders)
        member = trader % members if rng.random() >= 0.05 else (trader + 1) % members
        return [f"T{n:07}", f"M{member:05}", f"R{trader:07}", _day(rng)]

    write(
        "trades",
        ["trade_id", "member_id", "trader_id", "trade_date"],
        (trade(n) for n in range(counts["trades"])),
    )

    def agreement(n: int) -> list[object]:
        signed = _day(rng)
        explained = "否" if rng.random() < 0.05 else "是"
        return [
            f"G{n:07}",
            f"M{rng.randrange(members):05}",
            f"R{n:07}",
            signed,
            "交易商本人",
            explained,
            signed,
        ]

    write(
        "trader_agreements",
        [
            "agreement_id",
            "member_id",
            "trader_id",
            "signed_date",
            "signed_by",
            "content_explained",
            "risk_disclosure_date",
        ],
        (agreement(n) for n in range(counts["trader_agreements"])),
    )
    return counts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    catalog = load_catalog()
    config = load(catalog.parameters.values())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        counts = generate(folder, args.records, args.seed)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        dataset = load_dataset([folder])
        timings["read and validate"] = time.perf_counter() - started
        mark = time.perf_counter()
        result = audit_dataset(dataset, catalog, config, AS_OF)
        timings["facts and engine"] = time.perf_counter() - mark
        mark = time.perf_counter()
        report = build_report(result, "zh")
        timings["report"] = time.perf_counter() - mark
        total = time.perf_counter() - started
        rendering: dict[str, float] = {}
        for name in FORMATS:  # each output format from the same report, timed apart
            mark = time.perf_counter()
            render(name, report, "zh")
            rendering[name] = time.perf_counter() - mark
    read = result.dataset.read
    figures = {
        "records": read,
        "kinds": counts,
        "violations": len(report.violations),
        "seconds": {k: round(v, 3) for k, v in timings.items()} | {"total": round(total, 3)},
        "render_seconds": {k: round(v, 3) for k, v in rendering.items()},
        "records_per_second": round(read / total),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "python": sys.version.split()[0],
    }
    for stage, seconds in figures["seconds"].items():
        print(f"{stage:>18}: {seconds:8.3f} s")
    for name, seconds in figures["render_seconds"].items():
        print(f"{'render ' + name:>18}: {seconds:8.3f} s")
    print(
        f"{read} records, {figures['violations']} violations, "
        f"{figures['records_per_second']} records/s, peak RSS {figures['peak_rss_mb']} MB"
    )
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"audit-{read}.json").write_text(
        json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8"
    )


if __name__ == "__main__":
    main()

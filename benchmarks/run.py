"""The whole pipeline against its floor, with each engine, on one seeded synthetic dataset.

    python benchmarks/run.py --records 1000000

Generates the dataset (checker/synthetic.py: every record kind and rule of the fixtures, about
5% of the records violating, CSV files) into a temporary folder, and a tenth of it beside, then
measures on those files, each run in a fresh process so that its peak memory is its own:

- the floor: reading and parsing every file with the CSV reader the loader uses, nothing else;
- pyarrow's floor: the same files read by pyarrow's multithreaded CSV reader, every column as
  text (what a columnar reader costs; each run's ratio to it is printed beside the floor's);
- validation alone: every record's pydantic model validated from the values the loader read
  (the share of the pipeline that per-record models cost whatever else is made faster);
- the full audit with the fast engine, and with the durable engine in one worker process and in
  one per core: read and validate, facts, evaluate, violations and penalties, the JSON report
  written to a file;
- the same at a tenth of the size, for the per-record cost and the memory per record;
- with --formats, every output format (table, JUnit, SARIF, xlsx, HTML, CSV) rendered from the
  fast audit's report, each timed apart;
- with --input xlsx|parquet|sqlite|jsonl, the audits read the same records in that form;
- with --spark [MASTER], the fast audit again with `--backend spark` (local[2] unless a master
  is given): its figures are printed, with no target (local mode is slow by nature), and its
  peak RSS is the driver's Python process alone, not Spark's JVM.

Prints records per second, seconds, peak RSS and each audit's ratio to the floor, and writes
the figures as JSON to benchmarks/results/run-<input>-<records>.json (not committed).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_rss_mb(usage: resource.struct_rusage) -> float:
    """This process's own peak RSS. Linux carries ru_maxrss over an exec, so a measurement
    started from this benchmark (which holds the generated dataset) would report the benchmark's
    peak if its own is lower; the kernel's high-water mark of this process's memory (VmHWM) is
    its own."""
    peak = _status_mb("VmHWM")
    return usage.ru_maxrss / 1024 if peak is None else peak


def _status_mb(name: str) -> float | None:
    """A memory figure of this process from /proc/self/status (Linux), in MB."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    line = next(line for line in status.splitlines() if line.startswith(f"{name}:"))
    return int(line.split()[1]) / 1024


def _usage() -> dict[str, float]:
    """Peak RSS of this process, and the CPU seconds of it and its finished worker processes
    (on a machine that others share, CPU time shows what wall time hides)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "peak_rss_mb": _peak_rss_mb(own),
        # The largest worker process; a forked worker's RSS counts the pages it shares with
        # the audit process, so this is an upper bound on what it adds.
        "worker_peak_rss_mb": workers.ru_maxrss / 1024,
        "cpu_seconds": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
    }


def convert(folder: Path, form: str, into: Path) -> None:
    """The generated CSV files as another input form, in `into` (not timed): one workbook with a
    sheet per kind, one SQLite file, or a file per kind."""
    into.mkdir()
    shutil.copy(folder / "compliance.toml", into)
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        tables[path.stem] = (header, rows)
    if form == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        for name, (header, rows) in tables.items():
            sheet = book.create_sheet(name)
            for row in [header, *rows]:
                sheet.append(row)
        book.save(into / "dataset.xlsx")
    elif form == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        for name, (header, rows) in tables.items():
            columns = {h: [r[i] for r in rows] for i, h in enumerate(header)}
            pq.write_table(pa.table(columns), into / f"{name}.parquet")
    elif form == "sqlite":
        import sqlite3

        def quoted(name: str) -> str:
            return '"' + name.replace('"', '""') + '"'

        with sqlite3.connect(into / "dataset.sqlite") as connection:
            for name, (header, rows) in tables.items():
                columns = ", ".join(map(quoted, header))
                connection.execute(f"CREATE TABLE {quoted(name)} ({columns})")
                marks = ", ".join("?" * len(header))
                connection.executemany(f"INSERT INTO {quoted(name)} VALUES ({marks})", rows)
    elif form == "jsonl":
        for name, (header, rows) in tables.items():
            records = (dict(zip(header, r, strict=True)) for r in rows)
            lines = (json.dumps(record, ensure_ascii=False) for record in records)
            (into / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def floor(folder: Path) -> dict[str, float]:
    """Read and parse every file as the loader does (UTF-8 text, csv.reader), nothing else."""
    started = time.perf_counter()
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        rows += sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1
    return {"records": rows, "seconds": {"total": time.perf_counter() - started}}


def pyarrow_floor(folder: Path) -> dict[str, float]:
    """Read and parse every file with pyarrow's CSV reader, every column as text, nothing else."""
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    started = time.perf_counter()
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as text:
            header = next(csv.reader(text))
        as_text = arrow_csv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()))
        rows += arrow_csv.read_csv(path, convert_options=as_text).num_rows
    return {"records": rows, "seconds": {"total": time.perf_counter() - started}}


def validation(folder: Path) -> dict[str, object]:
    """What validating the records costs alone: each record's model validated again from the
    values the loader gave it (the loader's own call, without reading a cell)."""
    from checker.loading import load_dataset
    from checker.records import KINDS

    dataset = load_dataset([folder])
    given = []
    for kind, loaded in dataset.records.items():
        model = KINDS[kind]
        aliases = {name: info.alias or name for name, info in model.model_fields.items()}
        for item in loaded:
            values = item.record.__dict__
            fields = item.record.model_fields_set
            given.append((model, {aliases[n]: v for n, v in values.items() if n in fields}))
    started = time.perf_counter()
    for model, values in given:
        model.model_validate(values)
    return {"records": len(given), "seconds": {"total": time.perf_counter() - started}}


def audit(
    folder: Path, engine: str, workers: int, formats: bool, spark_master: str | None = None
) -> dict[str, object]:
    """The whole audit as `compliance audit --format json --output` runs it, stage by stage;
    with `formats`, then every other output format rendered from the same report, timed apart;
    with `spark_master`, on Spark."""
    from checker.audit import run_audit
    from checker.catalog import load_catalog
    from checker.config import CONFIG_FILE_NAME, load
    from checker.formats import FORMATS, render
    from checker.report import build_report
    from checker.safety import write_atomically

    catalog = load_catalog()
    overrides = {"audit.engine": engine, "audit.workers": workers}
    if spark_master:
        overrides |= {"audit.backend": "spark", "audit.spark_master": spark_master}
    config = load(catalog.parameters.values(), [folder / CONFIG_FILE_NAME], overrides)
    started = time.perf_counter()
    result = run_audit([folder], catalog, config, config["audit.as_of"])
    seconds = dict(result.seconds)
    # What is held (RSS) once audited (records, violations) and once the report is built; the
    # peak beyond that is the JSON being serialised.
    held = {"audit": _status_mb("VmRSS")}
    mark = time.perf_counter()
    report = build_report(result, "zh")
    held["report"] = _status_mb("VmRSS")
    with tempfile.TemporaryDirectory() as into:
        write_atomically(Path(into) / "report.json", render("json", report, "zh"))
    seconds["report"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - started
    rendering = {}
    for name in FORMATS if formats else ():
        mark = time.perf_counter()
        render(name, report, "zh")
        rendering[name] = time.perf_counter() - mark
    return {
        "records": result.dataset.read,
        "violations": len(result.violations),
        "violating_records": len({v.fact.record.source for v in result.violations}),
        "rules_violated": len({v.rule.id for v in result.violations}),
        "seconds": seconds,
        "render_seconds": rendering,
        "held_rss_mb": held,
    }


def _child(args: argparse.Namespace) -> None:
    folder = Path(args.child[1])
    if args.child[0] == "floor":
        figures = floor(folder)
    elif args.child[0] == "pyarrow":
        figures = pyarrow_floor(folder)
    elif args.child[0] == "validation":
        figures = validation(folder)
    elif args.child[0] == "spark":
        figures = audit(folder, "fast", 1, formats=False, spark_master=args.child[2])
    else:
        engine, workers = args.child[0], int(args.child[2])
        figures = audit(folder, engine, workers, formats=args.formats and engine == "fast")
    print(json.dumps(figures | _usage()))


def _measure(*child: str, formats: bool = False) -> dict[str, object]:
    """Run one measurement in a fresh process: its peak memory is its own."""
    command = [sys.executable, __file__, *(["--formats"] if formats else []), "--child", *child]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--formats", action="store_true", help="also time every output format, apart"
    )
    parser.add_argument(
        "--input",
        choices=["csv", "xlsx", "parquet", "sqlite", "jsonl"],
        default="csv",
        help="the form the audits read the records in (the floor reads the CSV files)",
    )
    parser.add_argument(
        "--spark",
        nargs="?",
        const="local[2]",
        metavar="MASTER",
        help="also audit with --backend spark on this master (default local[2]); no target",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return

    from checker.catalog import load_catalog
    from checker.config import load
    from checker.synthetic import generate

    catalog = load_catalog()
    base = load(catalog.parameters.values())
    cores = os.cpu_count() or 1
    runs = [
        ("floor", 1),
        ("pyarrow", 1),
        ("validation", 1),
        ("fast", 1),
        ("durable", 1),
        ("durable", cores),
        *([("spark", args.spark)] if args.spark else []),
    ]
    figures: dict[str, object] = {
        "python": sys.version.split()[0],
        "cores": cores,
        "input": args.input,
    }
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {}
        for label, records in (("full", args.records), ("tenth", args.records // 10)):
            folder = Path(tmp) / label
            started = time.perf_counter()
            made = generate(folder, records, seed=args.seed, catalog=catalog, base=base)
            input_bytes = sum(p.stat().st_size for p in folder.glob("*.csv"))
            print(
                f"{label}: {made.records:,} records in {len(made.files)} files, "
                f"{input_bytes / 1e6:.0f} MB, generated in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
            audited = folder
            if args.input != "csv":
                audited = Path(tmp) / f"{label}-{args.input}"
                convert(folder, args.input, audited)
            measured = {}
            for engine, workers in runs:
                name = {"durable": f"durable ×{workers}", "spark": f"spark {workers}"}.get(
                    engine, engine
                )
                if name in measured:
                    continue
                where = folder if engine in ("floor", "pyarrow", "validation") else audited
                measured[name] = _measure(engine, str(where), str(workers), formats=args.formats)
                _print(name, measured[name], measured["floor"], measured.get("pyarrow"))
            sizes[label] = {"records": made.records, "input_bytes": input_bytes, "runs": measured}
    figures["sizes"] = sizes
    figures["summary"] = _summary(sizes, cores)
    print(json.dumps(figures["summary"], indent=2, ensure_ascii=False))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"run-{args.input}-{args.records}.json").write_text(
        json.dumps(figures, indent=2), encoding="utf-8"
    )


def _print(name: str, run: dict, floor_run: dict, pyarrow_run: dict | None) -> None:
    seconds = run["seconds"]
    total = seconds["total"]
    stages = ", ".join(f"{k} {v:.2f}" for k, v in seconds.items() if k != "total")
    print(
        f"  {name:<12} {total:8.2f} s  {run['records'] / total:>10,.0f} records/s  "
        f"{total / floor_run['seconds']['total']:6.1f}× floor  "
        + (f"{total / pyarrow_run['seconds']['total']:6.1f}× pyarrow  " if pyarrow_run else "")
        + f"peak RSS {run['peak_rss_mb']:,.0f} MB"
        + (f" (worker {run['worker_peak_rss_mb']:,.0f} MB)" if run["worker_peak_rss_mb"] else "")
        + "".join(
            f", {mb:,.0f} MB after the {stage}"
            for stage, mb in run.get("held_rss_mb", {}).items()
            if mb is not None
        )
        + f"  CPU {run['cpu_seconds']:.1f} s"
        + (f"  ({stages})" if stages else ""),
        flush=True,
    )
    for fmt, spent in run.get("render_seconds", {}).items():
        print(f"    render {fmt:<8} {spent:8.2f} s", flush=True)


def _summary(sizes: dict, cores: int) -> dict[str, object]:
    """The figures the targets are about (README: Speed)."""
    full, tenth = sizes["full"]["runs"], sizes["tenth"]["runs"]
    records = sizes["full"]["records"]

    def growth(name: str, stage: str = "total") -> float:
        """Per-record cost at full size over that at a tenth."""
        per = [run[name]["seconds"][stage] / run[name]["records"] for run in (full, tenth)]
        return per[0] / per[1]

    added = records - sizes["tenth"]["records"]
    floor_seconds = full["floor"]["seconds"]["total"]
    pyarrow_seconds = full["pyarrow"]["seconds"]["total"]
    fast, durable = full["fast"], full["durable ×1"]
    spark = next((run for name, run in full.items() if name.startswith("spark ")), None)
    return {
        "records": records,
        "floor_seconds": floor_seconds,
        "pyarrow_floor_seconds": pyarrow_seconds,
        "fast_seconds": fast["seconds"]["total"],
        "fast_records_per_second": records / fast["seconds"]["total"],
        "fast_to_floor": fast["seconds"]["total"] / floor_seconds,
        "fast_to_pyarrow": fast["seconds"]["total"] / pyarrow_seconds,
        "fast_cost_growth_from_a_tenth": growth("fast"),
        "validation_to_floor": full["validation"]["seconds"]["total"] / floor_seconds,
        "fast_state_bytes_per_record": (fast["peak_rss_mb"] - tenth["fast"]["peak_rss_mb"])
        * 2**20
        / added,
        "input_bytes_per_record": sizes["full"]["input_bytes"] / records,
        "durable_records_per_second": records / durable["seconds"]["total"],
        "durable_cost_growth_from_a_tenth": growth("durable ×1"),
        "durable_evaluate_cost_growth_from_a_tenth": growth("durable ×1", "evaluate"),
        "durable_peak_rss_mb": durable["peak_rss_mb"],
        "durable_worker_peak_rss_mb": durable["worker_peak_rss_mb"],
        f"durable_speed_up_with_{cores}_workers": durable["seconds"]["total"]
        / full[f"durable ×{cores}"]["seconds"]["total"],
        "violating_share": fast["violating_records"] / records,
        "rules_violated": fast["rules_violated"],
    } | (
        {
            "spark_seconds": spark["seconds"]["total"],
            "spark_records_per_second": records / spark["seconds"]["total"],
        }
        if spark
        else {}
    )


if __name__ == "__main__":
    main()

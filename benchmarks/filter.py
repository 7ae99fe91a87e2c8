"""``bitext filter`` at corpus scale: speed per core, peak memory, and what it catches.

    python benchmarks/filter.py [--pairs 1000000] [--sizes 100000,300000,1000000]
                                [--runners bitext-1,bitext-2] [--rate 0.25] [--dir DIR]

Builds a corpus of ``--pairs`` pairs from the WMT lines in ``../shared/corpora/*/``
(``zh.txt`` and ``en.txt`` of each test set, cycled), with figure errors injected into
the English of a share of the pairs, as the bench generator does (``../shared/bench``):

- ``scale``: an English figure at 10 or 1,000 times its value (the 万/亿 trap);
- ``digit``: one digit of an English figure changed;
- ``drop``: an English figure removed.

Only pairs that ``bitext filter`` itself finds agreeing are corrupted (``--rate`` of
them), in an English figure that it reads as an exact count, amount, measure or
percentage and whose value is that of exactly one Chinese figure of the pair (the bench
generator's "exact, unique in its fragment"), so an injected error is one the pair did
not have before, in a figure that has its source. The corpus is written as gzip TSV,
one file per size (the first N pairs), with a side file naming each injected line, its
kind and the English figure before and after.

Then each runner filters each size, and the table gives the wall time, the CPU time of
the run and its workers, pairs per second per worker and per CPU second, the peak
resident memory of the largest process (``wait4``'s ``ru_maxrss``: worker processes are
waited for by their parent, so theirs is included), the share of injected errors
flagged (``disagree``) and the share of the other pairs flagged (thrown away by
``--keep agree,no-figures,unverifiable``; the human translations have real
discrepancies too, so this is not all false alarms).

A runner is a function ``(corpus, size, out) -> Run`` in :data:`RUNNERS`: it filters
``corpus`` (gzip TSV) into ``out``, a TSV whose first two columns are the line number
and the verdict (``disagree`` for a pair it throws away), and says what it cost.
``bitext-1`` and ``bitext-2`` are ``bitext filter`` with one and two local processes;
``dask-2`` is ``bitext filter --scheduler`` on a Dask cluster of two single-threaded
workers on this machine; ``nonzero-numerals`` is OpusFilter's NonZeroNumeralsFilter on
the same pairs (``benchmarks/nonzero_numerals.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
KINDS = ("scale", "digit", "drop")
INJECTABLE = frozenset({"count", "money", "measure", "percent"})
"""Figure kinds an error is injected into: those whose value a translation copies."""


class Run(NamedTuple):
    """What one runner cost on one size."""

    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    workers: int
    exit_code: int


Runner = Callable[[Path, int, Path], Run]


# --- the corpus ----------------------------------------------------------------------------


def wmt_pairs() -> list[tuple[str, str]]:
    """The line pairs of every WMT zh/en test set in ../shared/corpora, in a fixed order.
    Lines with a tab or an empty side are left out (a TSV cannot hold a tab)."""
    pairs = []
    for folder in sorted(CORPORA.glob("wmt*")):
        zh_file, en_file = folder / "zh.txt", folder / "en.txt"
        if not (zh_file.is_file() and en_file.is_file()):
            continue
        zh = zh_file.read_text(encoding="utf-8").splitlines()
        en = en_file.read_text(encoding="utf-8").splitlines()
        for z, e in zip(zh, en, strict=False):
            if z.strip() and e.strip() and "\t" not in z + e:
                pairs.append((z.strip(), e.strip()))
    return pairs


class Candidate(NamedTuple):
    """An English figure of an agreeing pair, where an error may be injected."""

    start: int
    end: int
    text: str


def candidates(pairs: list[tuple[str, str]], cache: Path) -> list[list[Candidate]]:
    """For each pair, the English figures an error may go into (none unless the pair
    agrees); cached in ``cache``, since it costs a check of every distinct pair."""
    if cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data["pairs"] == len(pairs):
            return [[Candidate(*c) for c in row] for row in data["candidates"]]
    sys.path.insert(0, str(ROOT))
    from bitext.check import check_pair
    from bitext.corpus import Line, judge

    found: list[list[Candidate]] = []
    for number, (zh, en) in enumerate(pairs, 1):
        row: list[Candidate] = []
        if judge(Line(number, zh, en)).verdict == "agree":
            base = len(zh) + 2  # check_pair's document is zh, a blank line, en
            figures = check_pair(zh, en).figures
            exact = [f for f in figures if not f.soft and f.approx is None]
            zh_values = Counter(f.value for f in exact if f.lang == "zh")
            for figure in exact:
                start, end = figure.start - base, figure.end - base
                if (
                    figure.lang == "en"
                    and figure.kind in INJECTABLE
                    and zh_values[figure.value] == 1  # its source, unique in the Chinese
                    and start >= 0
                    and en[start:end] == figure.text
                    and re.search(r"\d", figure.text)
                ):
                    row.append(Candidate(start, end, figure.text))
        found.append(row)
    cache.write_text(json.dumps({"pairs": len(pairs), "candidates": found}), encoding="utf-8")
    return found


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def inject(text: str, kind: str, rng: random.Random) -> str | None:
    """``text`` (an English figure) with an error of ``kind``, or None if it has none.

    >>> inject("49,000", "scale", random.Random(1))
    '490,000'
    >>> inject("3.5%", "digit", random.Random(2))
    '2.5%'
    >>> inject("154 million", "drop", random.Random(0))
    ''
    """
    if kind == "drop":
        return ""
    match = _NUMBER.search(text)
    if match is None:
        return None
    digits = match.group()
    if kind == "scale":
        try:
            value = Decimal(digits.replace(",", "")) * rng.choice((10, 1000))
        except InvalidOperation:
            return None
        places = len(digits.split(".")[1]) if "." in digits else 0
        new = f"{value:,.{places}f}" if "," in digits else f"{value:.{places}f}"
        if "." in new:
            new = new.rstrip("0").rstrip(".")
    else:
        positions = [i for i, c in enumerate(digits) if c.isdigit()]
        at = rng.choice(positions)
        choices = [d for d in "0123456789" if d != digits[at] and not (at == 0 and d == "0")]
        new = digits[:at] + rng.choice(choices) + digits[at + 1 :]
    return text[: match.start()] + new + text[match.end() :]


def build(pairs: int, sizes: list[int], rate: float, out: Path, seed: int = 17) -> None:
    """Write ``corpus-SIZE.tsv.gz`` for each size (the first SIZE pairs of one corpus of
    ``pairs``) and ``injected.tsv`` (line, kind, English figure before, after)."""
    if (
        all((out / f"corpus-{size}.tsv.gz").is_file() for size in sizes)
        and (out / "injected.tsv").is_file()
    ):
        return
    source = wmt_pairs()
    found = candidates(source, out / "candidates.json")
    rng = random.Random(seed)
    with contextlib.ExitStack() as stack:
        files = {
            size: stack.enter_context(
                gzip.open(out / f"corpus-{size}.tsv.gz", "wt", encoding="utf-8")
            )
            for size in sizes
        }
        side = stack.enter_context(open(out / "injected.tsv", "w", encoding="utf-8"))
        for number in range(1, pairs + 1):
            index = (number - 1) % len(source)
            zh, en = source[index]
            if found[index] and rng.random() < rate:
                candidate = rng.choice(found[index])
                kind = rng.choice(KINDS)
                new = inject(candidate.text, kind, rng)
                if new is not None and new != candidate.text:
                    en = en[: candidate.start] + new + en[candidate.end :]
                    en = re.sub(r"  +", " ", en)
                    side.write(f"{number}\t{kind}\t{candidate.text}\t{new}\n")
            for size, file in files.items():
                if number <= size:
                    file.write(f"{zh}\t{en}\n")


# --- the runners ---------------------------------------------------------------------------


_METER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
seconds, cpu = time.perf_counter() - started, usage.ru_utime + usage.ru_stime
print(json.dumps([seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)]))
"""
"""Runs a command and says what it cost. A process started from this one would count
this one's memory as its own: Linux gives a child the resident size of the process it
was forked from as its first peak (``ru_maxrss``), and this process grows to hundreds of
MB (the injected lines, the Dask runs' scheduler). The meter is a fresh interpreter of
about 10 MB, so the peak is the command's (or one of the processes it waited for)."""


def measure(command: list[str], workers: int) -> Run:
    """Run ``command`` under :data:`_METER`: its wall time, CPU time and peak memory (its
    own and that of the processes it waited for)."""
    done = subprocess.run(
        [sys.executable, "-c", _METER, *command], capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or not done.stdout.strip():
        print(done.stderr[-2000:], file=sys.stderr)
        return Run(0.0, 0.0, 0.0, workers, done.returncode or 1)
    seconds, cpu, peak, code = json.loads(done.stdout.splitlines()[-1])
    if code != 0:
        print(done.stderr[-2000:], file=sys.stderr)
    return Run(seconds, cpu, peak, workers, code)


def bitext_runner(jobs: int) -> Runner:
    """``bitext filter`` with ``jobs`` local processes (one: in the process itself)."""

    def run(corpus: Path, _size: int, out: Path) -> Run:
        command = [sys.executable, "-m", "bitext", "filter", str(corpus), "--isolated",
                   "-j", str(jobs), "-o", str(out)]  # fmt: skip
        return measure(command, jobs)

    return run


def dask_runner(workers: int) -> Runner:
    """``bitext filter --scheduler`` on a Dask cluster of ``workers`` single-threaded
    worker processes on this machine, started before the clock starts (a cluster is
    there before a run), without Dask's sampling profiler. The CPU time adds the client's, the workers' (Dask's
    ``client.run`` asks each for its ``getrusage``) and the scheduler's (a thread of this
    process); the peak memory is the largest of the client's and the workers'."""

    def run(corpus: Path, _size: int, out: Path) -> Run:
        import dask
        from distributed import Client, LocalCluster

        with (
            # the workers' sampling profiler costs the check a sixth of its speed
            dask.config.set({"distributed.worker.profile.enabled": False}),
            LocalCluster(
                n_workers=workers, processes=True, threads_per_worker=1,
                host="127.0.0.1", dashboard_address=":0",  # a free port: 8787 may be taken
            ) as cluster,
            Client(cluster.scheduler_address) as client,
        ):  # fmt: skip
            client.wait_for_workers(workers)
            before = client.run(_usage)
            scheduler = _usage()
            command = [sys.executable, "-m", "bitext", "filter", str(corpus), "--isolated",
                       "--scheduler", cluster.scheduler_address, "-o", str(out)]  # fmt: skip
            done = measure(command, workers)
            after = client.run(_usage)
            scheduler_cpu = _usage()[0] - scheduler[0]
        cpu = done.cpu_seconds + scheduler_cpu
        cpu += sum(after[w][0] - before[w][0] for w in after if w in before)
        rss = max([done.max_rss_mb, *(usage[1] for usage in after.values())])
        return done._replace(cpu_seconds=cpu, max_rss_mb=rss)

    return run


def _usage() -> tuple[float, float]:
    """This process's CPU seconds and peak resident memory in MB. A Dask worker is
    started from the process that made the cluster, whose size its ``ru_maxrss`` would
    include (see :data:`_METER`); Linux's ``VmHWM`` is the worker's own peak."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024
    with contextlib.suppress(OSError, ValueError):
        status = Path("/proc/self/status").read_text(encoding="ascii")
        peak = int(re.search(r"VmHWM:\s*(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
    return usage.ru_utime + usage.ru_stime, peak


def nonzero_numerals(corpus: Path, _size: int, out: Path) -> Run:
    """OpusFilter's NonZeroNumeralsFilter (threshold 0.5) on the same pairs, in one
    process (``benchmarks/nonzero_numerals.py``)."""
    script = Path(__file__).with_name("nonzero_numerals.py")
    return measure([sys.executable, str(script), str(corpus), str(out)], 1)


RUNNERS: dict[str, Runner] = {
    "bitext-1": bitext_runner(1),
    "bitext-2": bitext_runner(2),
    "dask-2": dask_runner(2),
    "nonzero-numerals": nonzero_numerals,
}
"""Name → runner; add a column by adding an entry (see the module's documentation)."""


# --- the table -----------------------------------------------------------------------------


def flagged(out: Path) -> Iterator[tuple[int, bool]]:
    """(line, thrown away) for each line of a runner's output."""
    with open(out, encoding="utf-8") as file:
        for row in file:
            number, verdict = row.split("\t", 2)[:2]
            yield int(number), verdict == "disagree"


def score(out: Path, size: int, injected: dict[int, str]) -> dict[str, float]:
    """The share of injected errors flagged, per kind and in all, and of other pairs."""
    caught: dict[str, int] = dict.fromkeys(KINDS, 0)
    total = {kind: sum(1 for n, k in injected.items() if n <= size and k == kind) for kind in KINDS}
    thrown = seen = 0
    for number, bad in flagged(out):
        seen += 1
        if number in injected:
            caught[injected[number]] += bad
        else:
            thrown += bad
    errors = sum(total.values())
    clean = size - errors
    shares = {f"caught-{kind}": caught[kind] / total[kind] if total[kind] else 0 for kind in KINDS}
    shares["caught"] = sum(caught.values()) / errors if errors else 0
    shares["thrown-clean"] = thrown / clean if clean else 0
    shares["lines"] = seen
    shares["injected"] = errors
    return shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--sizes", default="", help="comma-separated sizes [default: --pairs]")
    parser.add_argument("--runners", default=",".join(RUNNERS))
    parser.add_argument(
        "--rate", type=float, default=0.25, help="share of eligible pairs corrupted"
    )
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bitext-filter-bench"))
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s] or [args.pairs]
    if max(sizes) > args.pairs:
        parser.error("a size is larger than --pairs")
    args.dir.mkdir(parents=True, exist_ok=True)
    build(args.pairs, sizes, args.rate, args.dir)
    injected = {}
    with open(args.dir / "injected.tsv", encoding="utf-8") as side:
        for row in side:
            number, kind = row.split("\t", 2)[:2]
            injected[int(number)] = kind
    results = []
    header = ("runner", "pairs", "wall s", "cpu s", "pairs/s/worker", "pairs/cpu-s",
              "peak MB", "caught", "scale", "digit", "drop", "clean thrown")  # fmt: skip
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for size in sizes:
        corpus = args.dir / f"corpus-{size}.tsv.gz"
        first: bytes | None = None
        for name in args.runners.split(","):
            out = args.dir / f"out-{name}-{size}.tsv"
            run = RUNNERS[name](corpus, size, out)
            shares = score(out, size, injected) if run.exit_code == 0 else {}
            output = out.read_bytes() if name.startswith("bitext") else None
            same = None if output is None or first is None else output == first
            first = first if first is not None else output
            results.append(
                {"runner": name, "pairs": size, **run._asdict(), **shares, "same-bytes": same}
            )
            if same is False:
                print(f"{name}: the output differs from the first bitext runner's", file=sys.stderr)
            row = (
                name, f"{size:,}", f"{run.seconds:.1f}", f"{run.cpu_seconds:.1f}",
                f"{size / run.seconds / run.workers:,.0f}", f"{size / run.cpu_seconds:,.0f}",
                f"{run.max_rss_mb:.0f}",
                *(f"{shares.get(k, 0):.3f}" for k in
                  ("caught", "caught-scale", "caught-digit", "caught-drop", "thrown-clean")),
            )  # fmt: skip
            print("| " + " | ".join(row) + " |", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

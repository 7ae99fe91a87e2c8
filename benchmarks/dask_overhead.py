"""What a Dask cluster costs ``bitext filter`` beyond the figure check itself.

    python benchmarks/dask_overhead.py [--workers 2]

On a ``LocalCluster`` of single-threaded worker processes on this machine, through
:func:`bitext.corpus.dask_cluster.dask_executor` as ``bitext filter --scheduler`` uses
it, best of three:

- the round trip of an empty task, one at a time, and the cost of an empty task when
  many are in flight (the scheduler's own work per task);
- chunks of real WMT pairs (1,000, 5,000 and 20,000 lines, as ``--chunk-size`` cuts them)
  sent to a task that only writes them back as ``bitext filter``'s TSV, four in flight:
  the pairs a second the client and the scheduler can move when the check costs
  nothing. That rate bounds one run whatever the number of workers.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def empty(value: object) -> object:
    return value


def echo(chunk):  # type: ignore[no-untyped-def]
    """The chunk's lines as ``bitext filter`` writes them, with no check made."""
    return "".join(f"{line.number}\tagree\t\t{line.zh}\t{line.en}\n" for line in chunk.lines)


def best(run, repeats: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from distributed import LocalCluster

    from bitext.corpus.chunks import Chunk
    from bitext.corpus.dask_cluster import dask_executor
    from bitext.corpus.read import Line

    folder = CORPORA / "wmt18-newstest-zhen"
    zh = (folder / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    with (
        LocalCluster(
            n_workers=args.workers,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",  # a free port: 8787 may be taken
        ) as cluster,
        dask_executor(cluster.scheduler_address) as executor,
    ):
        executor.submit(empty, 0).result()
        tasks = 200
        one = best(lambda: [executor.submit(empty, i).result() for i in range(tasks)])
        print(f"empty task, one at a time: {one / tasks * 1000:.1f} ms a task")
        many = 2000
        pipelined = best(
            lambda: [f.result() for f in [executor.submit(empty, i) for i in range(many)]]
        )
        print(f"empty task, {many} in flight: {pipelined / many * 1000:.1f} ms a task")
        for size in (1000, 5000, 20000):
            lines = tuple(Line(i + 1, zh[i % len(zh)], en[i % len(en)]) for i in range(size))
            chunk = Chunk(1, size, lines)
            count = max(10, 200_000 // size)

            def stream(chunk: Chunk = chunk, count: int = count) -> None:
                pending: collections.deque = collections.deque()
                for _ in range(count):
                    pending.append(executor.submit(echo, chunk))
                    if len(pending) >= 4:
                        pending.popleft().result()
                while pending:
                    pending.popleft().result()

            seconds = best(stream, 2)
            print(
                f"chunks of {size:,} lines: {seconds / count * 1000:.0f} ms a chunk, "
                f"{count * size / seconds:,.0f} pairs/s through client and scheduler"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

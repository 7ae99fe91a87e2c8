"""``--scheduler``: ``bitext filter`` and ``bitext check`` on a real Dask cluster.

A scheduler and two worker processes (each under a nanny that restarts it) run on
127.0.0.1 with random ports for the whole module; every run on it is compared byte for
byte with the local run. One test kills a worker while it holds a task, and the output
must still be the local one (Dask gives the lost task to the other worker); another
makes one chunk fail on every try, and the run must name its lines and exit 2.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bitext.cli import main
from bitext.model import InputError

from .conftest import FIXTURES, SEEDS, SHARED

distributed = pytest.importorskip(
    "distributed", reason="Dask's distributed is not installed (pip install 'bitext[dask]')"
)

import cloudpickle  # noqa: E402  (distributed's own dependency)

from bitext.corpus.dask_cluster import dask_executor  # noqa: E402

WMT21 = SHARED / "corpora" / "wmt21-newstest-zhen"
SMALL = FIXTURES / "opusfilter"
"""36 WMT21 pairs with four injected figure errors (see tests/test_opusfilter.py)."""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[distributed.LocalCluster]:
    """Two single-threaded worker processes; their lexicon cache is the test run's."""
    cache = str(tmp_path_factory.getbasetemp() / "cache")
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=":0",  # a free port: 8787 may be taken
        env={"BITEXT_CACHE_DIR": cache},
    ) as local_cluster:
        yield local_cluster


@pytest.fixture
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    """A client of the test's own, to watch and steer the workers; both are up."""
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as watcher:
        watcher.wait_for_workers(2, timeout=60)
        yield watcher


def run(*args: str) -> tuple[int, str]:
    """Exit code and standard error of ``bitext ARGS``."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def filtered(tmp_path: Path, name: str, corpus: Path, *options: str) -> tuple[int, str, bytes]:
    """``bitext filter`` on a Moses pair of files, written to a file: exit code,
    standard error, the output's bytes."""
    out = tmp_path / name
    code, err = run(
        "filter", str(corpus / "zh.txt"), str(corpus / "en.txt"), "-o", str(out), *options
    )
    return code, err, out.read_bytes() if out.exists() else b""


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """The 36 pairs as ``zh.txt`` and ``en.txt``."""
    folder = tmp_path / "small"
    folder.mkdir()
    for lang in ("zh", "en"):
        (folder / f"{lang}.txt").write_bytes((SMALL / f"wmt21.{lang}").read_bytes())
    return folder


def wmt21() -> Path:
    if not (WMT21 / "zh.txt").exists():
        pytest.skip("../shared/corpora/wmt21-newstest-zhen is not here")
    return WMT21


@pytest.mark.parametrize("output_format", ["tsv", "jsonl"])
def test_filter_on_the_cluster_writes_the_local_output(
    cluster: distributed.LocalCluster, small_corpus: Path, tmp_path: Path, output_format: str
) -> None:
    options = ("--format", output_format, "--chunk-size", "5")
    local = filtered(tmp_path, "local", small_corpus, "--jobs", "1", *options)
    remote = filtered(
        tmp_path, "remote", small_corpus, "--scheduler", cluster.scheduler_address, *options
    )
    assert remote == local
    code, err, output = local
    assert code == 0
    assert err == "bitext: note: 36 pairs: 12 agree, 4 disagree, 20 no-figures; 36 written\n"
    assert len(output.splitlines()) == 36


@pytest.fixture(scope="module")
def wmt21_local(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, bytes]:
    """The local run of ``bitext filter --format jsonl`` on WMT21 (1,948 pairs)."""
    return filtered(
        tmp_path_factory.mktemp("wmt21"), "local", wmt21(), "--jobs", "1", "--format", "jsonl"
    )


def test_the_wmt21_corpus_on_the_cluster_is_the_local_run_byte_for_byte(
    cluster: distributed.LocalCluster, tmp_path: Path, wmt21_local: tuple[int, str, bytes]
) -> None:
    corpus = wmt21()
    local = wmt21_local
    remote = filtered(
        tmp_path,
        "remote",
        corpus,
        "--scheduler",
        cluster.scheduler_address,
        "--format",
        "jsonl",
        "--chunk-size",
        "100",
    )
    assert remote == local
    assert local[0] == 0
    assert len(local[2].splitlines()) == 1948


def test_a_worker_killed_in_the_middle_of_a_run_loses_nothing(
    cluster: distributed.LocalCluster,
    client: distributed.Client,
    tmp_path: Path,
    wmt21_local: tuple[int, str, bytes],
) -> None:
    corpus = wmt21()
    local = wmt21_local
    pids = client.run(os.getpid)
    killed: list[tuple[str, int]] = []

    def kill_a_busy_worker() -> None:
        """Kill the first worker seen holding a task (a chunk in the middle of its work)."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for address, keys in client.processing().items():
                if keys and address in pids:
                    time.sleep(0.05)  # into the chunk (500 lines: a second of work or so)
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append((address, len(keys)))
                    return
            time.sleep(0.02)

    requeued = client.run_on_scheduler(_requeued)
    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    try:
        remote = filtered(
            tmp_path, "remote", corpus, "--scheduler", cluster.scheduler_address,
            "--chunk-size", "500", "--format", "jsonl",
        )  # fmt: skip
    finally:
        killer.join()
    assert killed, "no worker was seen holding a task"
    # the scheduler took the chunks the dead worker held and gave them out again
    assert client.run_on_scheduler(_requeued) > requeued
    assert remote == local
    assert remote[0] == 0
    client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker
    assert set(client.run(os.getpid).values()) != set(pids.values())


def _requeued(dask_scheduler: distributed.Scheduler) -> int:
    """On the scheduler: how many times a chunk was taken from a worker that died."""
    return sum(
        1
        for key, start, finish, *_, stimulus, _time in dask_scheduler.transition_log
        if str(key).startswith("judge_chunk")
        and (start, finish) == ("processing", "released")
        and stimulus.startswith("handle-worker-cleanup")
    )


FAILING_TEXT = "优秀返乡农民工群体是不可或缺的生力军。"
"""The Chinese of line 4 of the small corpus: the pair the broken workers fail on."""


def _break_judge(text: str) -> None:
    """On a worker: judging a pair whose Chinese is ``text`` raises, every time."""
    from bitext.corpus import verdict

    judge = verdict.judge

    def broken(line, *args, **kwargs):  # type: ignore[no-untyped-def]
        if line.zh == text:
            raise RuntimeError("this pair breaks the worker's judge")
        return judge(line, *args, **kwargs)

    broken.original = judge  # type: ignore[attr-defined]
    verdict.judge = broken


def _mend_judge() -> None:
    from bitext.corpus import verdict

    verdict.judge = getattr(verdict.judge, "original", verdict.judge)


# The helpers above run on the workers and the scheduler; pickled by value, since a worker that imported
# ``tests`` by name could find another package of that name in site-packages.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def test_a_chunk_that_fails_on_every_try_is_reported_with_its_lines(
    cluster: distributed.LocalCluster,
    client: distributed.Client,
    small_corpus: Path,
    tmp_path: Path,
) -> None:
    local = filtered(tmp_path, "local", small_corpus, "--jobs", "1", "--chunk-size", "5")
    client.run(_break_judge, FAILING_TEXT)
    try:
        code, err, output = filtered(
            tmp_path, "remote", small_corpus, "--scheduler", cluster.scheduler_address,
            "--chunk-size", "5",
        )  # fmt: skip
    finally:
        client.run(_mend_judge)
    assert code == 2
    assert err.splitlines() == [
        "lines 1-5 failed: RuntimeError: this pair breaks the worker's judge",
        "bitext: note: 31 pairs: 12 agree, 4 disagree, 15 no-figures; 31 written; 1 chunk failed",
    ]
    # every other chunk is written, in order; only lines 1 to 5 are missing
    assert output.splitlines() == local[2].splitlines()[5:]


def check_files() -> list[str]:
    """panzhou.txt and, when the bench is here, five of its bulletins."""
    files = [str(SEEDS / "panzhou.txt")]
    bench = SHARED / "bench" / "dev"
    files += [str(path) for path in sorted(bench.glob("*.txt"))[:5]]
    return files


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_check_on_the_cluster_gives_the_local_report(
    cluster: distributed.LocalCluster, tmp_path: Path, output_format: str
) -> None:
    files = check_files()
    outputs = []
    for where in (("--jobs", "1"), ("--scheduler", cluster.scheduler_address)):
        out = tmp_path / f"{where[0]}.{output_format}"
        code, err = run("check", "--format", output_format, "-o", str(out), *where, *files)
        outputs.append((code, err, out.read_bytes()))
    assert outputs[1] == outputs[0]
    assert outputs[0][0] == 1  # panzhou.txt has two errors
    assert outputs[0][2].count(b'"rule": "figure-') >= 3


def test_an_unreadable_file_stops_the_check_on_the_cluster_as_it_does_locally(
    cluster: distributed.LocalCluster, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    files = (str(SEEDS / "panzhou.txt"), str(empty))
    local = run("check", "--format", "json", "--jobs", "1", *files)
    remote = run("check", "--format", "json", "--scheduler", cluster.scheduler_address, *files)
    assert remote == local
    assert local[0] == 2
    assert local[1].startswith(f"bitext: error: {empty}")


def test_a_scheduler_that_cannot_be_reached_is_one_line() -> None:
    with pytest.raises(InputError) as raised:
        dask_executor("tcp://127.0.0.1:9", timeout="0.5s")
    assert str(raised.value).startswith(
        "cannot reach the Dask scheduler at tcp://127.0.0.1:9: Timed out trying to connect"
    )


@pytest.mark.parametrize("command", ["check", "filter"])
def test_a_malformed_address_is_one_line(small_corpus: Path, command: str) -> None:
    files = [str(SEEDS / "panzhou.txt")] if command == "check" else [str(small_corpus / "zh.txt"), str(small_corpus / "en.txt")]  # fmt: skip
    code, err = run(command, "--scheduler", "nonsense:::", *files)
    assert (code, err) == (
        2,
        "bitext: error: cannot reach the Dask scheduler at nonsense:::: invalid address "
        "'nonsense:::'; maybe: ipv6 needs brackets like [::1]\n",
    )


def test_without_distributed_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, err = run("check", "--scheduler", "tcp://127.0.0.1:8786", str(SEEDS / "panzhou.txt"))
    assert (code, err) == (
        2,
        "bitext: error: --scheduler needs Dask's distributed: pip install 'bitext[dask]'\n",
    )


@pytest.mark.parametrize("command", ["check", "filter"])
def test_jobs_and_a_scheduler_do_not_go_together(small_corpus: Path, command: str) -> None:
    files = [str(SEEDS / "panzhou.txt")] if command == "check" else [str(small_corpus / "zh.txt"), str(small_corpus / "en.txt")]  # fmt: skip
    code, err = run(command, "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2", *files)
    assert code == 2
    assert err.endswith("Error: --jobs is for local processes; the cluster has its own workers\n")

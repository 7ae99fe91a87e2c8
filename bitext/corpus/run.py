"""Run a corpus through the filter: chunks out to an executor, results back in order.

:func:`filter_corpus` reads records as they come, gathers pairs into chunks of
``chunk_size`` lines, and hands each chunk to an executor
(:class:`concurrent.futures.ProcessPoolExecutor` for ``--jobs``, a Dask client's
executor for ``--scheduler``; anything with ``submit`` that returns futures). At most
``in_flight`` chunks are out at once, and results are written strictly in input order
as soon as the oldest is done, so memory depends on the chunk size and the number of
workers, not on the corpus, and the output is byte for byte the same whatever the
executor, the number of workers or the chunk size.

Nothing is lost silently:

- a bad line (:class:`~bitext.corpus.read.BadLine`) is reported as ``FILE:LINE: bad
  line: reason`` and counted (``on_bad_line="skip"``), or stops the run after the pairs
  before it are written (``"error"``: :class:`BadLineError`);
- a chunk whose task fails for good (after whatever retries the executor makes) is
  reported with its line range, ``lines 10001-15000 failed: …``, counted in
  :attr:`FilterSummary.failed`, and the run goes on.

>>> import io
>>> from bitext.corpus.read import BadLine, Line
>>> records = [Line(1, "增长3%", "up 3%"), BadLine(2, "3 columns, not 2", "c.tsv"),
...            Line(3, "增长3%", "up 4%")]
>>> out, said = io.StringIO(), []
>>> summary = filter_corpus(records, out, FilterSettings(), chunk_size=1, report=said.append)
>>> print(out.getvalue(), end="")  # doctest: +NORMALIZE_WHITESPACE
1  agree    增长3%  up 3%
3  disagree  figure-value  增长3%  up 4%
>>> said
['c.tsv:2: bad line: 3 columns, not 2']
>>> summary.counts["disagree"], summary.bad_lines, summary.failed
(1, 1, ())
"""

from __future__ import annotations

import collections
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import NamedTuple, TextIO

from bitext.corpus import BAD_LINE_MODES, DEFAULT_CHUNK_SIZE, VERDICTS
from bitext.corpus.chunks import Chunk, ChunkResult, FilterSettings, judge_chunk
from bitext.corpus.read import BadLine, Line
from bitext.model import InputError


class BadLineError(InputError):
    """A bad line under ``on_bad_line="error"``: the run stops (exit code 2)."""


class FilterSummary(NamedTuple):
    """What a run did: pairs per verdict, pairs written, bad lines skipped, and the line
    ranges of the chunks that failed (with the error)."""

    counts: dict[str, int]
    written: int
    bad_lines: int
    failed: tuple[tuple[int, int, str], ...]

    @property
    def pairs(self) -> int:
        """Pairs judged (those in failed chunks are not)."""
        return sum(self.counts.values())

    def text(self) -> str:
        """One line for a person.

        >>> FilterSummary({"agree": 3, "disagree": 1}, 3, 1, ((5, 9, "boom"),)).text()
        '4 pairs: 3 agree, 1 disagree; 3 written; 1 bad line skipped; 1 chunk failed'
        """
        verdicts = ", ".join(f"{n} {v}" for v, n in self.counts.items() if n)
        parts = [f"{_plural(self.pairs, 'pair')}" + (f": {verdicts}" if verdicts else "")]
        parts.append(f"{self.written} written")
        if self.bad_lines:
            parts.append(f"{_plural(self.bad_lines, 'bad line')} skipped")
        if self.failed:
            parts.append(f"{_plural(len(self.failed), 'chunk')} failed")
        return "; ".join(parts)


def filter_corpus(
    records: Iterable[Line | BadLine],
    sink: TextIO,
    settings: FilterSettings,
    executor: Executor | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_bad_line: str = "skip",
    in_flight: int | None = None,
    report: Callable[[str], object] | None = None,
) -> FilterSummary:
    """Judge ``records`` and write the kept pairs to ``sink`` (a text file, or anything
    with ``write``), in input order.

    Without ``executor`` the chunks are judged in this process. ``in_flight`` bounds the
    chunks submitted and not yet written (default: twice the executor's workers, when it
    says how many it has, else 8). ``report`` receives each bad line and failed chunk as
    one line (default: printed on standard error).
    """
    if on_bad_line not in BAD_LINE_MODES:
        raise ValueError(f"on_bad_line must be one of {BAD_LINE_MODES}, not {on_bad_line!r}")
    say = report or _stderr
    write = sink.write
    pool = executor or _InProcess()
    limit = in_flight or 2 * (getattr(executor, "_max_workers", 0) or 4)
    counts = dict.fromkeys(VERDICTS, 0)
    written = bad = 0
    failed: list[tuple[int, int, str]] = []
    pending: collections.deque[tuple[Chunk, Future[ChunkResult]]] = collections.deque()

    def collect(result_of: tuple[Chunk, Future[ChunkResult]]) -> None:
        nonlocal written
        chunk, future = result_of
        try:
            result = future.result()
        except Exception as exc:  # the chunk is reported and counted, the run goes on
            message = f"{type(exc).__name__}: {exc}"
            failed.append((chunk.first, chunk.last, message))
            say(f"lines {chunk.first}-{chunk.last} failed: {message}")
            return
        write(result.text)
        for verdict, count in result.counts:
            counts[verdict] += count
        written += sum(n for v, n in result.counts if v in settings.keep)

    try:
        try:
            for chunk in _chunks(records, chunk_size, on_bad_line, say):
                if isinstance(chunk, BadLine):
                    bad += 1
                    continue
                pending.append((chunk, pool.submit(judge_chunk, chunk, settings)))
                while pending and (len(pending) >= limit or pending[0][1].done()):
                    collect(pending.popleft())
        except BadLineError:
            while pending:  # the pairs before the bad line are written, then the run stops
                collect(pending.popleft())
            raise
        while pending:
            collect(pending.popleft())
    except BaseException:
        for _chunk, future in pending:
            future.cancel()
        raise
    return FilterSummary(counts, written, bad, tuple(failed))


def _chunks(
    records: Iterable[Line | BadLine], size: int, on_bad_line: str, say: Callable[[str], object]
) -> Iterator[Chunk | BadLine]:
    """Chunks of at most ``size`` pairs, and each skipped bad line after it is reported.
    Under ``on_bad_line="error"`` the pairs before a bad line are still yielded, then
    :class:`BadLineError` is raised, and the caller writes what it had submitted before
    stopping."""
    lines: list[Line] = []
    for record in records:
        if isinstance(record, BadLine):
            message = f"{record.path}:{record.number}: bad line: {record.reason}"
            if on_bad_line == "error":
                if lines:
                    yield Chunk(lines[0].number, lines[-1].number, tuple(lines))
                raise BadLineError(message)
            say(message)
            yield record
            continue
        lines.append(record)
        if len(lines) >= size:
            yield Chunk(lines[0].number, lines[-1].number, tuple(lines))
            lines = []
    if lines:
        yield Chunk(lines[0].number, lines[-1].number, tuple(lines))


class _InProcess(Executor):
    """Runs each task when it is submitted: the executor of a run without workers."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        future: Future[object] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


__all__ = [
    "BAD_LINE_MODES",
    "DEFAULT_CHUNK_SIZE",
    "BadLineError",
    "FilterSummary",
    "filter_corpus",
]

"""Which files ``bitext check PATH...`` reads: directories walked, include and exclude globs.

A CI job points bitext at a folder of reports, so directories are walked recursively and
filtered the way ruff filters a project:

* ``include`` globs say which files a walk picks up (default ``*.txt`` and ``*.md``);
* ``exclude`` globs drop files and prune whole directories.

A glob without ``/`` is matched against one name: the file's name for ``include``, every
file and directory name under the walked directory for ``exclude`` (so ``drafts`` skips
any directory called drafts). Names match case-insensitively, as the suffix test did
before globs existed (``A.TXT`` is a text file). A glob with ``/`` is matched against the
whole path; :func:`anchor` makes it absolute, relative to the directory it was written
for (the configuration file's, or the current one for a command-line option), and ``*``
matches across ``/`` as in :mod:`fnmatch`.

A file named on the command line is always read whatever its name (``include`` is for
walks), but ``exclude`` still applies to it, by its name, the names of its directories
below the current directory and its path, so a pre-commit hook that passes every staged
file honours the project's exclusions.

Symbolic links to directories are followed, and each directory is read once: a link back
to an ancestor (a loop) is skipped with one line through ``on_skip`` instead of hanging.
The result is in a fixed order: the paths as given, each directory's files sorted, a file
reached twice kept where it came first.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bitext.model import InputError

DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.xlf",
    "*.xliff",
    "*.tmx",
    "*.po",
    "*.docx",
    "*.html",
    "*.htm",
)

Warn = Callable[[str], None]


def anchor(patterns: Iterable[str], base: str | Path) -> tuple[str, ...]:
    """Globs with ``/`` made absolute under ``base``; name globs unchanged.

    >>> anchor(["drafts", "archive/2019/*"], "/repo")
    ('drafts', '/repo/archive/2019/*')
    """
    return tuple(
        os.path.normpath(os.path.join(base, p)) if "/" in p.rstrip("/") else p.rstrip("/")
        for p in patterns
    )


def collect_files(
    paths: Iterable[str | Path],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    on_skip: Warn | None = None,
) -> list[Path]:
    """The files to check under ``paths``, in a fixed order (see the module docstring).

    Globs with ``/`` must already be anchored (:func:`anchor`); relative ones are taken
    relative to the current directory.
    """
    include, exclude = anchor(include, os.getcwd()), anchor(exclude, os.getcwd())
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = _walk(path, include, exclude, on_skip or (lambda _message: None))
            if not inside:
                raise InputError(f"{path}: directory holds no {_wanted(include, exclude)}")
            candidates = sorted(inside)
        elif _excluded(path, exclude, names=_names_below_cwd(path)):
            continue
        else:
            candidates = [path]
        for candidate in candidates:
            found.setdefault(os.path.realpath(candidate), candidate)
    return list(found.values())


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str], warn: Warn) -> list[Path]:
    """Files under ``root`` that ``include`` picks and ``exclude`` spares, unsorted."""
    files: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def visit(directory: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        identity = _identity(directory)
        if identity in ancestors:
            warn(f"{directory}: symbolic link loop, skipped")
            return
        if identity in visited:
            return  # reached again through another link: its files are already listed
        visited.add(identity)
        for entry in _entries(directory):
            path = directory / entry.name
            if _excluded(path, exclude, names=(entry.name,)):
                continue
            kind = _kind(entry, path, warn)
            if kind == "directory":
                visit(path, ancestors | {identity})
            elif kind == "file" and _matches_name(entry.name, path, include):
                files.append(path)

    visit(root, frozenset())
    return files


def _entries(directory: Path) -> list[os.DirEntry[str]]:
    """The directory's entries by name, so links reaching one directory twice always
    reach it by the same name first."""
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        raise InputError(f"{directory}: cannot read directory: {exc.strerror or exc}") from exc


def _kind(entry: os.DirEntry[str], path: Path, warn: Warn) -> str | None:
    """``directory``, ``file`` or None (anything else, or a link that cannot be followed:
    a link to itself fails with ELOOP, a dangling one is neither)."""
    try:
        if entry.is_dir():
            return "directory"
        return "file" if entry.is_file() else None
    except OSError as exc:
        reason = "symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        warn(f"{path}: {reason}, skipped")
        return None


def _identity(directory: Path) -> tuple[int, int]:
    info = directory.stat()
    return info.st_dev, info.st_ino


def _excluded(path: Path, exclude: Sequence[str], names: Sequence[str]) -> bool:
    """``path`` matches an exclude glob: by one of ``names``, or by its whole path."""
    return any(_matches(p, path, names) for p in exclude)


def _names_below_cwd(path: Path) -> tuple[str, ...]:
    """The names a named file is excluded by: its own and its directories' up to the
    current directory (``reports/drafts/x.txt`` is in ``drafts``), as a walk would see
    them; only its own name when it lies elsewhere.

    >>> _names_below_cwd(Path("reports/drafts/x.txt"))
    ('reports', 'drafts', 'x.txt')
    """
    relative = os.path.relpath(os.path.abspath(path))
    if relative.startswith(os.pardir):
        return (path.name,)
    return Path(relative).parts


def _matches_name(name: str, path: Path, include: Sequence[str]) -> bool:
    return any(_matches(p, path, (name,)) for p in include)


def _matches(pattern: str, path: Path, names: Sequence[str]) -> bool:
    if os.path.isabs(pattern):
        return fnmatch.fnmatchcase(os.path.abspath(path), pattern)
    return any(fnmatch.fnmatchcase(name.lower(), pattern.lower()) for name in names)


def _wanted(include: Sequence[str], exclude: Sequence[str]) -> str:
    """What a walk looked for, for the error when it found nothing."""
    if tuple(include) == DEFAULT_INCLUDE and not exclude:
        return "bulletins (.txt, .md, .docx, .html, or CAT files .xlf, .tmx, .po)"
    wanted = f"files matching {_globs(include)}"
    return f"{wanted} (excluding {_globs(exclude)})" if exclude else wanted


def _globs(patterns: Sequence[str]) -> str:
    return ", ".join(os.path.relpath(p) if os.path.isabs(p) else p for p in patterns) or "nothing"


__all__ = ["DEFAULT_INCLUDE", "anchor", "collect_files"]


Job = Path | tuple[Path, Path]
"""What one check reads: a bulletin, or a Chinese file and its English translation."""

_LANGUAGE_MARK = re.compile(r"(?P<stem>.+)(?P<sep>[._-])(?P<lang>zh|en)$", re.IGNORECASE)


def pair_translations(files: Sequence[Path]) -> list[Job]:
    """``files`` with each Chinese file and its English translation taken as one pair, by
    their names: ``NAME.zh.txt`` + ``NAME.en.txt``, ``NAME_zh.docx`` + ``NAME_en.docx``
    (or ``-zh``), ``zh/NAME.txt`` + ``en/NAME.txt``. A pair takes the place of its
    Chinese file; the rest stay as they are, in order.

    >>> pair_translations([Path("a.zh.txt"), Path("b.txt"), Path("a.en.txt")])
    [(PosixPath('a.zh.txt'), PosixPath('a.en.txt')), PosixPath('b.txt')]
    >>> pair_translations([Path("zh/a.txt"), Path("en/a.txt"), Path("en/b.txt")])
    [(PosixPath('zh/a.txt'), PosixPath('en/a.txt')), PosixPath('en/b.txt')]
    """
    present = {_normcase(f): f for f in files}
    english_of: dict[Path, Path] = {}
    for file in files:
        english = next(
            (present[key] for key in map(_normcase, _english_names(file)) if key in present),
            None,
        )
        if english is not None and english not in english_of.values():
            english_of[file] = english
    paired = set(english_of.values())
    return [(f, english_of[f]) if f in english_of else f for f in files if f not in paired]


def _english_names(chinese: Path) -> list[Path]:
    """Where the English translation of ``chinese`` would be, by the naming habits."""
    names = []
    marked = _LANGUAGE_MARK.match(chinese.stem)
    if marked and marked["lang"].lower() == "zh":
        lang = "EN" if marked["lang"].isupper() else "en"
        names.append(chinese.with_name(f"{marked['stem']}{marked['sep']}{lang}{chinese.suffix}"))
    parts = chinese.parts
    for k, part in enumerate(parts[:-1]):
        if part.lower() == "zh":
            names.append(Path(*parts[:k], "EN" if part.isupper() else "en", *parts[k + 1 :]))
    return names


def _normcase(path: Path) -> str:
    return os.path.normcase(str(path))

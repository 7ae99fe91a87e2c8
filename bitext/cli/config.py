"""Configuration files: ``bitext.toml`` or ``[tool.bitext]`` in ``pyproject.toml``.

A team keeps its settings next to its bulletins, as it does for ruff. The file is found
by walking up from the current directory: in each directory a ``bitext.toml`` wins, then
a ``pyproject.toml`` that has a ``[tool.bitext]`` table (one without is passed over); the
first directory with either is the project's. ``--config FILE`` names one explicitly and
``--isolated`` reads none.

Keys are kebab-case (``fail-on``, ``clean-enable``), as in the table below; a key bitext
does not know, or a value of the wrong kind, stops the run with one line that names the
file and the key (exit code 2), because a misspelt setting silently ignored is a CI gate
that does not gate.

=============== ========================= ==============================================
key             value                     meaning
=============== ========================= ==============================================
fail-on         error | warning | never   exit 1 at or above this severity
disable         list of rule ids          rules not reported
severity        table rule id → severity  error | warning | info instead of the default
tolerance       number, 0 ≤ t < 1         amounts this close (relative) agree
clean-enable    list of cleaning rules    cleaning rules to run besides the defaults
clean-disable   list of cleaning rules    default cleaning rules not to run
include         list of globs             files a directory walk picks up
exclude         list of globs             files and directories to skip
show-cleaning   true | false              cleaning notices in GitHub and SARIF output
=============== ========================= ==============================================

Precedence: command line over file over defaults. ``--include`` replaces the file's
list; ``--exclude`` and ``--disable`` add to the file's lists. Globs with a ``/`` are
relative to the file's directory (see :mod:`bitext.read.files`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from bitext.check.rules import RULES
from bitext.check.settings import CheckConfig
from bitext.clean import resolve_rules
from bitext.model import BitextError, Severity, did_you_mean
from bitext.read.files import DEFAULT_INCLUDE, anchor

FAIL_ON = ("error", "warning", "never")
CONFIG_NAME = "bitext.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(BitextError):
    """A configuration file that cannot be used, said in one line (exit code 2)."""


class Settings(NamedTuple):
    """Everything a ``bitext check`` run is configured with, whatever it came from."""

    check: CheckConfig = CheckConfig()
    fail_on: str = "error"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    source: Path | None = None
    """The configuration file read, or None."""
    show_cleaning: bool = False
    """Cleaning notices as GitHub annotations and SARIF results too."""


class Overrides(NamedTuple):
    """What the command line says; None or empty where it says nothing."""

    fail_on: str | None = None
    disable: tuple[str, ...] = ()
    tolerance: float | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    show_cleaning: bool = False
    """``--show-cleaning``: True turns it on; False leaves the file's setting."""


NO_OVERRIDES = Overrides()


def find_config(start: Path) -> Path | None:
    """The nearest ``bitext.toml``, or ``pyproject.toml`` with ``[tool.bitext]``, at or
    above ``start``."""
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and "bitext" in _parse(candidate).get("tool", {}):
            return candidate
    return None


def load_settings(
    overrides: Overrides = NO_OVERRIDES,
    config_file: str | Path | None = None,
    isolated: bool = False,
    cwd: Path | None = None,
) -> Settings:
    """The settings of a run: ``overrides`` (the command line) over the configuration file
    (``config_file``, else the nearest one, else none when ``isolated``) over defaults."""
    cwd = cwd or Path.cwd()
    if isolated and config_file is not None:
        raise ConfigError("--config and --isolated do not go together")
    path = None if isolated else Path(config_file) if config_file else find_config(cwd)
    table = read_config(path) if path is not None else {}
    base = path.parent if path is not None else cwd
    return _merge(table, overrides, base, cwd, path)


def read_config(path: Path) -> dict[str, Any]:
    """The bitext table of ``path``, checked: kebab-case keys to Python values."""
    data = _parse(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if "bitext" not in tool:
            raise ConfigError(f"{_shown(path)}: no [tool.bitext] table")
        data, prefix = tool["bitext"], "tool.bitext."
    else:
        prefix = ""
    if not isinstance(data, dict):
        raise ConfigError(f"{_shown(path)}: {prefix.rstrip('.')}: must be a table")
    return {key: _checked(path, prefix, key, value) for key, value in data.items()}


def _parse(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read: 1.4 ms of a start without one

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{_shown(path)}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: invalid TOML: {exc}") from exc


def _checked(path: Path, prefix: str, key: str, value: Any) -> Any:
    """``value`` of ``key`` converted, or a :class:`ConfigError` naming file and key."""
    check = CHECKS.get(key)
    if check is None:
        hint = did_you_mean(key, CHECKS, f" (keys: {', '.join(CHECKS)})")
        raise ConfigError(f"{_shown(path)}: unknown key {prefix}{key}{hint}")
    try:
        return check(value)
    except (BitextError, TypeError, ValueError) as exc:
        raise ConfigError(f"{_shown(path)}: {prefix}{key}: {exc}") from None


def _shown(path: Path) -> str:
    """``path`` for a message: relative to the current directory (the config file may be
    found in a parent, ``../bitext.toml``)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


# --- one check per key: raise ValueError / TypeError with what is wrong ----------------


def _fail_on(value: Any) -> str:
    if value not in FAIL_ON:
        raise ValueError(f"must be one of {', '.join(FAIL_ON)} (got {value!r})")
    return str(value)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"must be a list of strings (got {value!r})")
    return tuple(value)


def _rule_ids(value: Any) -> tuple[str, ...]:
    names = _strings(value)
    for name in names:
        _known_rule(name)
    return names


def _known_rule(name: str) -> str:
    if name not in RULES and f"clean-{name}" in RULES:
        # One name a rule: `disable` names what is reported, not what is cleaned.
        raise ValueError(
            f"unknown rule {name!r}; cleaning rule {name} is reported as 'clean-{name}' "
            "(clean-disable stops the cleaning)"
        )
    if name not in RULES:
        hint = did_you_mean(name, RULES, " (see `bitext rules`)")
        raise ValueError(f"unknown rule {name!r}{hint}")
    return name


def _severities(value: Any) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise TypeError(f"must be a table of rule = severity (got {value!r})")
    levels = [s.value for s in Severity]
    for rule, level in value.items():
        _known_rule(rule)
        if level not in levels:
            raise ValueError(f"{rule}: must be one of {', '.join(levels)} (got {level!r})")
    return tuple(sorted((rule, Severity(level)) for rule, level in value.items()))


def _tolerance(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"must be a number (got {value!r})")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"must be a number (got {value!r})") from None
    if not 0 <= number < 1:
        raise ValueError(f"must be at least 0 and less than 1, a fraction (got {value!r})")
    return number


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"must be true or false (got {value!r})")
    return value


def _clean_enable(value: Any) -> tuple[str, ...]:
    names = _strings(value)
    resolve_rules(enable=names)
    return names


def _clean_disable(value: Any) -> tuple[str, ...]:
    names = _strings(value)
    resolve_rules(disable=names)
    return names


CHECKS: dict[str, Callable[[Any], Any]] = {
    "fail-on": _fail_on,
    "disable": _rule_ids,
    "severity": _severities,
    "tolerance": _tolerance,
    "clean-enable": _clean_enable,
    "clean-disable": _clean_disable,
    "include": _strings,
    "exclude": _strings,
    "show-cleaning": _boolean,
}
"""Every key a configuration file may hold, with its check."""


def _merge(
    table: Mapping[str, Any], cli: Overrides, base: Path, cwd: Path, source: Path | None
) -> Settings:
    """Command line over file over defaults."""
    disabled = frozenset(table.get("disable", ())) | {
        _option("--disable", _known_rule, r) for r in cli.disable
    }
    config = CheckConfig(
        clean_rules=resolve_rules(table.get("clean-enable", ()), table.get("clean-disable", ())),
        disabled=disabled,
        severity=table.get("severity", ()),
        tolerance=(
            _option("--tolerance", _tolerance, cli.tolerance)
            if cli.tolerance is not None
            else table.get("tolerance", Decimal(0))
        ),
    )
    include = (
        anchor(cli.include, cwd)
        if cli.include
        else anchor(table.get("include", DEFAULT_INCLUDE), base)
    )
    exclude = anchor(table.get("exclude", ()), base) + anchor(cli.exclude, cwd)
    return Settings(
        check=config,
        fail_on=cli.fail_on or table.get("fail-on", "error"),
        include=include,
        exclude=exclude,
        source=source,
        show_cleaning=cli.show_cleaning or table.get("show-cleaning", False),
    )


def _option(name: str, check: Callable[[Any], Any], value: Any) -> Any:
    try:
        return check(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: {exc}") from None


__all__ = [
    "CHECKS",
    "ConfigError",
    "Overrides",
    "Settings",
    "find_config",
    "load_settings",
    "read_config",
]

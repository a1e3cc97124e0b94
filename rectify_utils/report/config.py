"""Read the report build config (``reports.yml``) and expand it into one spec per report.

The config is a mapping with ``defaults`` (parameters every notebook receives) and ``reports``,
a list of entries with ``name``, ``notebook``, ``title`` and ``parameters``. An entry with
``per_association: true`` becomes one report per association found in the corpus, each
receiving the parameter ``association``. Parameters named ``*_dir`` or ``*_path`` are paths:
relative ones are resolved against the config file's folder (``-p`` overrides: against the
current directory), so a notebook never depends on where its kernel started.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

OUTPUT_PARAMETERS = frozenset({"figures_dir"})  # set by the build, not an input
DEFAULT_TIMEOUT = 600  # seconds per cell


class ConfigError(ValueError):
    """The build config cannot be used as written."""


@dataclass(frozen=True)
class ReportEntry:
    """One entry of ``reports:`` as written (before per-association expansion)."""

    name: str
    notebook: Path
    title: str
    parameters: dict[str, Any]
    per_association: bool = False
    timeout: int = DEFAULT_TIMEOUT
    embed_font: bool = True


@dataclass(frozen=True)
class ReportSpec:
    """One report to build: a notebook and the parameters it runs with."""

    name: str
    notebook: Path
    title: str
    parameters: dict[str, Any]
    entry: str  # the reports.yml entry it came from, for ``--only``
    timeout: int = DEFAULT_TIMEOUT
    embed_font: bool = True  # inline the CJK characters it uses as a web font
    error: str | None = None  # set when the spec itself cannot be built (e.g. no association list)


def is_path_parameter(key: str) -> bool:
    """True for parameters holding a file or folder path (``data_dir``, ``taxonomy_path``)."""
    return key.endswith(("_dir", "_path"))


def resolve_paths(parameters: Mapping[str, Any], base: Path) -> dict[str, Any]:
    """Make relative path parameters absolute against ``base``."""
    resolved = dict(parameters)
    for key, value in parameters.items():
        if is_path_parameter(key) and isinstance(value, str) and value:
            resolved[key] = str((base / Path(value).expanduser()).resolve())
    return resolved


def parse_overrides(pairs: Iterable[tuple[str, str]] | Mapping[str, Any] | None) -> dict[str, Any]:
    """``-p KEY VALUE`` pairs to parameters, each VALUE parsed as YAML (``5``, ``null``, ``[a, b]``).

    A mapping is taken as already parsed.
    """
    if pairs is None:
        return {}
    if isinstance(pairs, Mapping):
        return dict(pairs)
    parsed: dict[str, Any] = {}
    for key, value in pairs:
        try:
            parsed[key] = yaml.safe_load(value) if isinstance(value, str) else value
        except yaml.YAMLError as exc:
            raise ConfigError(f"-p {key}: {value!r} is not a YAML value ({exc})") from exc
    return parsed


def load_entries(config: Path, overrides: Mapping[str, Any] | None = None) -> list[ReportEntry]:
    """Read the config and merge defaults, each entry's parameters and the overrides (last wins)."""
    try:
        raw = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read build config {config}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config} is not valid YAML: {exc}") from exc
    if isinstance(raw, list):
        raw = {"reports": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("reports"), list):
        raise ConfigError(f"{config}: expected a 'reports:' list")
    base = config.parent
    defaults = resolve_paths(raw.get("defaults") or {}, base)
    cli = resolve_paths(overrides or {}, Path.cwd())
    entries: list[ReportEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(raw["reports"], 1):
        if not isinstance(item, dict) or not item.get("name") or not item.get("notebook"):
            raise ConfigError(f"{config}: report #{i} needs at least 'name' and 'notebook'")
        name = str(item["name"])
        if name in seen:
            raise ConfigError(f"{config}: two reports are named {name!r}")
        seen.add(name)
        own = resolve_paths(item.get("parameters") or {}, base)
        entries.append(
            ReportEntry(
                name=name,
                notebook=(base / str(item["notebook"])).resolve(),
                title=str(item.get("title") or name),
                parameters={**defaults, **own, **cli},
                per_association=bool(item.get("per_association", False)),
                timeout=int(item.get("timeout", raw.get("timeout", DEFAULT_TIMEOUT))),
                embed_font=bool(item.get("embed_font", raw.get("embed_font", True))),
            )
        )
    return entries


def corpus_associations(data_dir: str | Path) -> list[str]:
    """The associations in the corpus under ``data_dir``, sorted (parses the corpus)."""
    import rectify_utils

    notices = rectify_utils.load_corpus(data_dir).notices
    return sorted({str(a) for a in notices["association"].dropna() if str(a).strip()})


def safe_name(text: str) -> str:
    """A file-name-safe form of ``text`` keeping Chinese characters: ``a/b c`` -> ``a_b_c``."""
    return re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("._") or "_"


def _associations(entry: ReportEntry, associations_of: Callable[[str], list[str]]) -> list[str]:
    """The associations a per-association entry expands to; raises with a reason if none."""
    data_dir = entry.parameters.get("data_dir")
    if not data_dir:
        raise ConfigError("per_association needs a data_dir parameter")
    try:
        found = list(associations_of(str(data_dir)))
    except Exception as exc:
        raise ConfigError(
            f"could not list the associations in {data_dir}: {type(exc).__name__}: {exc}"
        ) from exc
    if not found:
        raise ConfigError(f"the corpus at {data_dir} has no notice with an association")
    wanted = entry.parameters.get("associations")
    if isinstance(wanted, (str, list)):
        wanted_set = {wanted} if isinstance(wanted, str) else set(map(str, wanted))
        found = [a for a in found if a in wanted_set]
        if not found:
            raise ConfigError(f"none of the associations {wanted} is in the corpus at {data_dir}")
    return found


def expand(
    entries: Iterable[ReportEntry],
    associations_of: Callable[[str], list[str]],
) -> list[ReportSpec]:
    """One spec per report; ``per_association`` entries become one spec per association.

    ``associations_of(data_dir)`` lists the corpus's associations; a list-valued
    ``associations`` parameter restricts the expansion to those. If no association can be
    listed, the entry becomes a single spec carrying the reason, shown as a failed report.
    """
    specs: list[ReportSpec] = []
    for entry in entries:
        base = ReportSpec(
            name=entry.name,
            notebook=entry.notebook,
            title=entry.title,
            parameters=entry.parameters,
            entry=entry.name,
            timeout=entry.timeout,
            embed_font=entry.embed_font,
        )
        if not entry.per_association:
            specs.append(base)
            continue
        try:
            found = _associations(entry, associations_of)
        except ConfigError as exc:
            specs.append(replace(base, error=str(exc)))
            continue
        specs.extend(
            replace(
                base,
                name=f"{entry.name}_{safe_name(association)}",
                title=entry.title.replace("{association}", association),
                parameters={**entry.parameters, "association": association},
            )
            for association in found
        )
    return specs


def select(specs: list[ReportSpec], only: Iterable[str] | None) -> list[ReportSpec]:
    """Keep the reports named in ``only`` (a report name, or an entry name for all its reports)."""
    names = list(only or [])
    if not names:
        return specs
    known = {s.name for s in specs} | {s.entry for s in specs}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ConfigError(
            f"no report named {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return [s for s in specs if s.name in names or s.entry in names]

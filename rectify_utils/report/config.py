"""Read the report build config (``reports.yml``) and expand it into one spec per report.

The config is a mapping with ``defaults`` (parameters every notebook receives) and ``reports``,
a list of entries with ``name``, ``notebook``, ``title`` and ``parameters``. An entry with
``per_association: true`` becomes one report per association found in the corpus, each
receiving the parameter ``association``; ``max_associations: N`` on such an entry (or
``rectify report --max-profiles N``, which wins) keeps the N associations with the most
problems (ties by name) and records the others as :class:`LeftOut`, which the index lists.
Parameters named ``*_dir`` or ``*_path`` are paths:
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
    max_associations: int | None = None  # per_association: only the N largest (None: all)


@dataclass(frozen=True)
class LeftOut:
    """The per-association reports of one entry that a limit left out, and why."""

    entry: str  # the reports.yml entry
    title: str  # its title as written, with "{association}"
    limit: int  # the N of max_associations / --max-profiles
    source: str  # where the limit was set: "max_associations" or "--max-profiles"
    kept: tuple[tuple[str, int], ...]  # (association, problems) built, largest first
    left_out: tuple[tuple[str, int], ...]  # (association, problems) not built, largest first


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
    """True for parameters holding a file or folder path (``data_dir``, ``taxonomy_path``).

    Parameters
    ----------
    key : str
        A parameter name.

    Returns
    -------
    bool
        Whether the name ends in ``_dir`` or ``_path``.
    """
    return key.endswith(("_dir", "_path"))


def resolve_paths(parameters: Mapping[str, Any], base: Path) -> dict[str, Any]:
    """Make relative path parameters absolute against ``base``.

    Parameters
    ----------
    parameters : mapping
        Parameter name -> value.
    base : Path
        The folder relative paths are taken from.

    Returns
    -------
    dict
        A copy with every non-empty string ``*_dir`` / ``*_path`` value made absolute
        (``~`` expanded); other values unchanged.
    """
    resolved = dict(parameters)
    for key, value in parameters.items():
        if is_path_parameter(key) and isinstance(value, str) and value:
            resolved[key] = str((base / Path(value).expanduser()).resolve())
    return resolved


def parse_overrides(pairs: Iterable[tuple[str, str]] | Mapping[str, Any] | None) -> dict[str, Any]:
    """``-p KEY VALUE`` pairs to parameters, each VALUE parsed as YAML (``5``, ``null``, ``[a, b]``).

    Parameters
    ----------
    pairs : iterable of (str, str), mapping or None
        The pairs as given on the command line; a mapping is taken as already parsed.

    Returns
    -------
    dict
        Parameter name -> value (later pairs win).

    Raises
    ------
    ConfigError
        If a value is not valid YAML.
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


def _read_config(config: Path) -> dict[str, Any]:
    """The config file as a mapping with a ``reports`` list (a bare list is taken as that)."""
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
    return raw


def _entry(
    item: dict[str, Any], raw: Mapping[str, Any], base: Path, parameters: dict[str, Any]
) -> ReportEntry:
    """One ``reports:`` item as an entry; ``parameters`` are the merged ones."""
    name = str(item["name"])
    return ReportEntry(
        name=name,
        notebook=(base / str(item["notebook"])).resolve(),
        title=str(item.get("title") or name),
        parameters=parameters,
        per_association=bool(item.get("per_association", False)),
        timeout=int(item.get("timeout", raw.get("timeout", DEFAULT_TIMEOUT))),
        embed_font=bool(item.get("embed_font", raw.get("embed_font", True))),
        max_associations=profile_limit(item.get("max_associations"), f"{name}: max_associations"),
    )


def profile_limit(value: Any, where: str = "max_associations") -> int | None:
    """A limit on per-association reports as written: None (all) or a whole number >= 0.

    Parameters
    ----------
    value : Any
        The value from reports.yml or the command line (``null``, ``5``, ``"5"``).
    where : str
        Named in the error message.

    Returns
    -------
    int or None
        The limit; None keeps every association.

    Raises
    ------
    ConfigError
        If the value is not a whole number >= 0.
    """
    if value is None:
        return None
    try:
        limit = int(value)
    except (TypeError, ValueError):
        limit = -1
    if isinstance(value, bool) or limit < 0 or str(limit) != str(value).strip():
        raise ConfigError(f"{where} must be a whole number >= 0 or null, not {value!r}")
    return limit


def load_entries(config: Path, overrides: Mapping[str, Any] | None = None) -> list[ReportEntry]:
    """Read the config and merge defaults, each entry's parameters and the overrides (last wins).

    Parameters
    ----------
    config : Path
        The build config (``reports.yml``); relative paths in it are taken from its folder.
    overrides : mapping, optional
        Parameters that win over the config (``-p``); relative paths are taken from the
        current directory.

    Returns
    -------
    list of ReportEntry
        The entries in config order.

    Raises
    ------
    ConfigError
        If the file cannot be read, is not YAML, has no ``reports:`` list, or an entry lacks a
        name or notebook, or two entries share a name.
    """
    raw = _read_config(config)
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
        entries.append(_entry(item, raw, base, {**defaults, **own, **cli}))
    return entries


def corpus_associations(
    data_dir: str | Path, load: Callable[[str | Path], Any] | None = None
) -> dict[str, int]:
    """The associations in the corpus under ``data_dir`` and their problems (parses the corpus).

    Parameters
    ----------
    data_dir : str or Path
        The folder of notices.
    load : callable, optional
        Reads the corpus of a folder (the build's ``build.CorpusMemo``, which keeps it for
        the source views); None: ``load_corpus``.

    Returns
    -------
    dict of str to int
        Each distinct non-blank ``association`` of its notices -> the number of problems of
        its notices, in name order.
    """
    import rectify_utils

    corpus = (load or rectify_utils.load_corpus)(data_dir)
    per_notice = corpus.problems["notice_id"].value_counts()
    sizes: dict[str, int] = {}
    for notice_id, name in zip(corpus.notices["notice_id"], corpus.notices["association"]):
        if isinstance(name, str) and name.strip():
            sizes[name] = sizes.get(name, 0) + int(per_notice.get(notice_id, 0))
    return dict(sorted(sizes.items()))


def largest(sizes: Mapping[str, int], limit: int | None) -> tuple[list[str], list[str]]:
    """Split associations into the ``limit`` with the most problems and the rest.

    Parameters
    ----------
    sizes : mapping of str to int
        Association -> problems.
    limit : int, optional
        How many to keep; None keeps all.

    Returns
    -------
    (list of str, list of str)
        The kept and the left-out associations, each by problems (descending), then name.
    """
    ranked = sorted(sizes, key=lambda name: (-sizes[name], name))
    if limit is None:
        return sorted(sizes), []
    return ranked[:limit], ranked[limit:]


def safe_name(text: str) -> str:
    """A file-name-safe form of ``text`` keeping Chinese characters: ``a/b c`` -> ``a_b_c``.

    Parameters
    ----------
    text : str
        Any text, e.g. an association's name.

    Returns
    -------
    str
        Runs of characters other than word characters, ``.`` and ``-`` replaced by ``_``,
        leading and trailing ``.``/``_`` removed; ``_`` if nothing is left.
    """
    return re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("._") or "_"


Sizes = Mapping[str, int]  # association -> problems (``corpus_associations``)
SizesOf = Callable[[str], Sizes]


def _associations(entry: ReportEntry, associations_of: SizesOf) -> dict[str, int]:
    """The associations a per-association entry expands to, with their problems.

    Raises ``ConfigError`` with the reason if there are none.
    """
    data_dir = entry.parameters.get("data_dir")
    if not data_dir:
        raise ConfigError("per_association needs a data_dir parameter")
    try:
        found = dict(associations_of(str(data_dir)))
    except Exception as exc:
        raise ConfigError(
            f"could not list the associations in {data_dir}: {type(exc).__name__}: {exc}"
        ) from exc
    if not found:
        raise ConfigError(f"the corpus at {data_dir} has no notice with an association")
    wanted = entry.parameters.get("associations")
    if isinstance(wanted, (str, list)):
        wanted_set = {wanted} if isinstance(wanted, str) else set(map(str, wanted))
        found = {a: n for a, n in found.items() if a in wanted_set}
        if not found:
            raise ConfigError(f"none of the associations {wanted} is in the corpus at {data_dir}")
    return found


def _limit(entry: ReportEntry, max_profiles: int | None) -> tuple[int | None, str]:
    """The limit on an entry's reports and where it was set (``--max-profiles`` wins)."""
    if max_profiles is not None:
        return max_profiles, "--max-profiles"
    return entry.max_associations, "max_associations"


def _entry_specs(
    entry: ReportEntry, associations_of: SizesOf, max_profiles: int | None
) -> tuple[list[ReportSpec], LeftOut | None]:
    """The specs of one entry (itself, one per association, or one carrying the error) and
    what a limit left out."""
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
        return [base], None
    try:
        found = _associations(entry, associations_of)
    except ConfigError as exc:
        return [replace(base, error=str(exc))], None
    limit, source = _limit(entry, max_profiles)
    kept, dropped = largest(found, limit)
    specs = [
        replace(
            base,
            name=f"{entry.name}_{safe_name(association)}",
            title=entry.title.replace("{association}", association),
            parameters={**entry.parameters, "association": association},
        )
        for association in sorted(kept)
    ]
    if not dropped:
        return specs, None
    kept_sizes = tuple((a, found[a]) for a in kept)
    left_sizes = tuple((a, found[a]) for a in dropped)
    return specs, LeftOut(entry.name, entry.title, limit or 0, source, kept_sizes, left_sizes)


def expand_all(
    entries: Iterable[ReportEntry], associations_of: SizesOf, max_profiles: int | None = None
) -> tuple[list[ReportSpec], list[LeftOut]]:
    """One spec per report, and the per-association reports a limit left out.

    Parameters
    ----------
    entries : iterable of ReportEntry
        The config's entries (``load_entries``).
    associations_of : callable
        ``associations_of(data_dir)`` maps the corpus's associations to their problems
        (``corpus_associations``). A list-valued ``associations`` parameter restricts the
        expansion to those.
    max_profiles : int, optional
        Keep at most this many reports per ``per_association`` entry (the associations with
        the most problems, ties by name); wins over the entry's ``max_associations``.

    Returns
    -------
    (list of ReportSpec, list of LeftOut)
        The specs in config order (an entry's associations by name); an entry whose
        associations cannot be listed becomes a single spec carrying the reason in
        ``error``, shown as a failed report. One ``LeftOut`` per entry a limit cut.
    """
    specs: list[ReportSpec] = []
    left: list[LeftOut] = []
    for entry in entries:
        own, cut = _entry_specs(entry, associations_of, max_profiles)
        specs += own
        left += [cut] if cut else []
    return specs, left


def expand(
    entries: Iterable[ReportEntry], associations_of: SizesOf, max_profiles: int | None = None
) -> list[ReportSpec]:
    """One spec per report (``expand_all`` without what a limit left out).

    Parameters
    ----------
    entries : iterable of ReportEntry
        The config's entries.
    associations_of : callable
        ``associations_of(data_dir)``: association -> problems.
    max_profiles : int, optional
        As in ``expand_all``.

    Returns
    -------
    list of ReportSpec
        In config order.
    """
    return expand_all(entries, associations_of, max_profiles)[0]


def select(specs: list[ReportSpec], only: Iterable[str] | None) -> list[ReportSpec]:
    """Keep the reports named in ``only`` (a report name, or an entry name for all its reports).

    Parameters
    ----------
    specs : list of ReportSpec
        Every report of the config.
    only : iterable of str, optional
        Report or entry names; empty or None keeps every report.

    Returns
    -------
    list of ReportSpec
        The selected specs, in config order.

    Raises
    ------
    ConfigError
        If a name is neither a report nor an entry of the config.
    """
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

"""Coding schemes (taxonomy YAML): read, validate and compile the rules of ``themes``.

A scheme is a list of themes (codes), each with weighted rules in the spirit of KH Coder's coding
rules. A rule is a literal ``term`` (one or a list: any of them), or a ``regex``, with conditions:

- ``all_of`` (and), ``any_of`` (or), ``none_of`` (not): other terms in the same field;
- ``near`` with ``within``: one of these terms within so many characters of the match;
- ``fields``: the fields it reads (title, group, aspect, text);
- ``unit_kinds`` / ``not_unit_kinds``: the kinds of body it applies to (``群团`` names them all);
- ``decisive``: the theme wins outright when the rule fires.

``load_taxonomy`` raises ``TaxonomyError`` naming the file, the theme and the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

import yaml

from ..config import RESOURCES, TAXONOMY_PATH
from ..errors import TaxonomyError
from ..schema import UNIT_KIND_DTYPE

DEFAULT_TAXONOMY = TAXONOMY_PATH
UNCLASSIFIED = "unclassified"
#: rule field -> column of ``corpus.problems`` it reads
FIELD_COLUMNS: dict[str, str] = {
    "title": "title",
    "group": "group_title",
    "aspect": "aspect_title",
    "text": "text",
}
DEFAULT_FIELD_WEIGHTS: dict[str, float] = {"title": 3.0, "group": 2.0, "aspect": 1.0, "text": 1.0}
DEFAULT_TEXT_CAP = 4.0
#: fields whose evidence can decide a theme; the others only confirm one
DEFAULT_DECIDING_FIELDS: tuple[str, ...] = ("title", "group")
DEFAULT_WITHIN = 10
#: the kinds of body ``unit_kinds`` may name (``notices.unit_kind``)
UNIT_KINDS: tuple[str, ...] = tuple(UNIT_KIND_DTYPE.categories)
#: names that stand for several kinds in ``unit_kinds``
UNIT_KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "群团": ("科协", "文联", "社科联", "工会", "共青团", "妇联", "其他群团"),
}
_RULE_KEYS = {
    "term",
    "regex",
    "weight",
    "all_of",
    "any_of",
    "none_of",
    "near",
    "within",
    "fields",
    "unit_kinds",
    "not_unit_kinds",
    "decisive",
}
_THEME_KEYS = {"code", "name", "definition", "rules", "unit_kinds", "not_unit_kinds"}
_TOP_KEYS = {
    "themes",
    "field_weights",
    "text_cap",
    "deciding_fields",
    "exemplars",
    "model_weight",
    "model_floor",
    "model_reserved_kinds",
}
#: how much the exemplar model counts beside the rules (``themes``), and the score below which
#: its best theme alone does not classify a problem no rule fired on
DEFAULT_MODEL_WEIGHT = 1.0
DEFAULT_MODEL_FLOOR = -0.5


@dataclass(frozen=True)
class Rule:
    """One coding rule: literal terms or a regex, with its weight and conditions."""

    pattern: re.Pattern[str]
    source: str  # as written in the YAML, e.g. "term:三会一课"
    weight: float
    all_of: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    within: int = DEFAULT_WITHIN
    fields: tuple[str, ...] = tuple(FIELD_COLUMNS)
    unit_kinds: frozenset[str] | None = None  # None: every body, of a known kind or not
    not_unit_kinds: frozenset[str] = frozenset()
    decisive: bool = False
    #: literal strings one of which every match contains (a quick screen); None: unknown
    anchors: tuple[str, ...] | None = dataclass_field(default=None, compare=False)

    def applies_to(self, unit_kind: str | None) -> bool:
        """Whether the rule reads problems of a body of this kind.

        Parameters
        ----------
        unit_kind : str or None
            The body's kind (``notices.unit_kind``); None when unknown.

        Returns
        -------
        bool
            False when the rule is scoped to other kinds (an unknown kind only gets the rules
            that are scoped to none) or excludes this kind; else True.
        """
        if self.unit_kinds is not None and unit_kind not in self.unit_kinds:
            return False
        return unit_kind not in self.not_unit_kinds

    def first_match(self, text: str, anchored: bool = False) -> str | None:
        """The matched text if the rule fires on ``text``, else None.

        Parameters
        ----------
        text : str
            One field of one problem.
        anchored : bool, default False
            The caller has already found one of ``anchors`` in ``text`` (the rule index of
            ``analysis.themes``), so that check is skipped; the answer is the same.

        Returns
        -------
        str or None
            The first match of the pattern (with a ``near`` term close by, if the rule asks
            for one), when every ``all_of``, some ``any_of`` and no ``none_of`` term is in
            ``text``; else None.
        """
        if not text or (self.all_of and any(t not in text for t in self.all_of)):
            return None
        if not anchored and self.anchors is not None and not any(a in text for a in self.anchors):
            return None
        if self.any_of and not any(t in text for t in self.any_of):
            return None
        if self.none_of and any(t in text for t in self.none_of):
            return None
        for m in self.pattern.finditer(text):
            if not self.near or _near(text, m, self.near, self.within):
                return m.group(0)
        return None


try:  # the parser behind re.compile: Python 3.11+ keeps it private, 3.10 public
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _anchors(items: list) -> list[str] | None:
    """Literal strings one of which every match of this parsed sequence contains, else None.

    The longest run of literal characters, or, failing one, the anchors of every branch of a
    group the sequence must pass through: ``(全民|公民)科学素质|科学素养`` → 科学素质, 科学素养.
    """
    best = run = ""
    for op, arg in items:
        run = run + chr(arg) if op is _sre_parse.LITERAL else ""
        best = max(best, run, key=len)
    if best:
        return [best]
    for op, arg in items:
        branches = arg[1] if op is _sre_parse.BRANCH else None
        if op is _sre_parse.SUBPATTERN:
            branches = [arg[3]]
        parts = [_anchors(list(b)) for b in branches or []]
        if parts and all(parts):
            return [a for part in parts for a in part]
    return None


def _literal_anchors(pattern: str) -> tuple[str, ...] | None:
    try:
        found = _anchors(list(_sre_parse.parse(pattern)))
    except Exception:  # an unusual construct: no screen, the regex alone decides
        return None
    return tuple(dict.fromkeys(found)) if found else None


def _near(text: str, m: re.Match[str], terms: tuple[str, ...], within: int) -> bool:
    window = text[max(0, m.start() - within) : m.end() + within]
    return any(t in window for t in terms)


@dataclass(frozen=True)
class Theme:
    """A theme (code) of the scheme."""

    code: str
    name: str
    definition: str
    rules: tuple[Rule, ...]
    #: the kinds of body the theme is for (None: every kind), and those it is not for: its
    #: rules and the exemplar model give it to no problem of another kind
    unit_kinds: frozenset[str] | None = None
    not_unit_kinds: frozenset[str] = frozenset()

    def applies_to(self, unit_kind: str | None) -> bool:
        """Whether the theme may code a problem of a body of this kind.

        Parameters
        ----------
        unit_kind : str or None
            The body's kind; None when unknown.

        Returns
        -------
        bool
            False when the theme is scoped to other kinds or excludes this one.
        """
        if self.unit_kinds is not None and unit_kind not in self.unit_kinds:
            return False
        return unit_kind not in self.not_unit_kinds


@dataclass(frozen=True)
class Taxonomy:
    """A validated coding scheme."""

    themes: tuple[Theme, ...]
    field_weights: dict[str, float]
    text_cap: float
    path: Path
    deciding_fields: tuple[str, ...] = DEFAULT_DECIDING_FIELDS
    #: labelled problem statements (CSV files or folders) the scheme's model learns from
    exemplars: tuple[Path, ...] = ()
    model_weight: float = DEFAULT_MODEL_WEIGHT
    model_floor: float = DEFAULT_MODEL_FLOOR
    #: kinds of body whose own words (the rules scoped to them alone) the model does not read
    #: in other bodies' statements
    model_reserved_kinds: frozenset[str] = frozenset()

    def reserved_patterns(self, unit_kind: str | None) -> list[re.Pattern[str]]:
        """The patterns of the rules scoped to reserved kinds only, for a body of another kind.

        Parameters
        ----------
        unit_kind : str or None
            The body's kind; None when unknown (it gets them all).

        Returns
        -------
        list of re.Pattern
            Empty for a body of a reserved kind.
        """
        if unit_kind in self.model_reserved_kinds:
            return []
        return [
            rule.pattern
            for theme in self.themes
            for rule in theme.rules
            if rule.unit_kinds is not None and rule.unit_kinds <= self.model_reserved_kinds
        ]

    @property
    def codes(self) -> list[str]:
        return [t.code for t in self.themes]

    @property
    def names(self) -> dict[str, str]:
        return {t.code: t.name for t in self.themes}


def _fail(path: Path, where: str, message: str) -> TaxonomyError:
    return TaxonomyError(f"{path.name}: {where}: {message}")


def _number(value: Any, path: Path, where: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise _fail(path, where, f"{what} must be a positive number, got {value!r}")
    return float(value)


def _any_number(value: Any, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(path, "model_floor", f"model_floor must be a number, got {value!r}")
    return float(value)


def _terms(value: Any, path: Path, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, f"`{key}` must be a list of non-empty terms, got {value!r}")
    return tuple(value)


def _fields(value: Any, path: Path, where: str, key: str) -> tuple[str, ...]:
    fields = _terms(value, path, where, key)
    bad = [f for f in fields if f not in FIELD_COLUMNS]
    if bad:
        raise _fail(
            path, where, f"unknown field(s) {bad} in `{key}`; allowed: {list(FIELD_COLUMNS)}"
        )
    return fields


def _unit_kinds(value: Any, path: Path, where: str, key: str) -> frozenset[str] | None:
    if value is None:
        return None
    kinds: list[str] = []
    for name in _terms(value, path, where, key):
        if name not in UNIT_KINDS and name not in UNIT_KIND_GROUPS:
            allowed = [*UNIT_KINDS, *UNIT_KIND_GROUPS]
            raise _fail(path, where, f"unknown unit kind {name!r} in `{key}`; allowed: {allowed}")
        kinds.extend(UNIT_KIND_GROUPS.get(name, (name,)))
    return frozenset(kinds)


def _pattern(raw: dict, path: Path, where: str) -> tuple[re.Pattern[str], str]:
    """The compiled pattern of a rule and how it reads in the evidence (``term:三会一课``)."""
    if ("term" in raw) == ("regex" in raw):
        raise _fail(path, where, "a rule needs exactly one of `term:` or `regex:`")
    if "term" in raw:
        terms = _terms(raw["term"], path, where, "term")
        if not terms:
            raise _fail(path, where, "`term` must be a non-empty string or list")
        return re.compile("|".join(map(re.escape, terms))), f"term:{'|'.join(terms)}"
    value = raw["regex"]
    if not isinstance(value, str) or not value:
        raise _fail(path, where, f"`regex` must be a non-empty string, got {value!r}")
    try:
        return re.compile(value), f"regex:{value}"
    except re.error as exc:
        raise _fail(path, where, f"regex {value!r} does not compile: {exc}") from None


def _within(raw: dict, path: Path, where: str) -> int:
    if "within" in raw and "near" not in raw:
        raise _fail(path, where, "`within` only goes with `near`")
    value = raw.get("within", DEFAULT_WITHIN)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _fail(path, where, f"`within` must be a positive whole number, got {value!r}")
    return value


def _parse_rule(raw: Any, path: Path, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(path, where, f"a rule must be a mapping with `term:` or `regex:`, got {raw!r}")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    pattern, source = _pattern(raw, path, where)
    if "weight" not in raw:
        raise _fail(path, where, f"rule {source} has no `weight`")
    decisive = raw.get("decisive", False)
    if not isinstance(decisive, bool):
        raise _fail(path, where, f"`decisive` must be true or false, got {decisive!r}")
    return Rule(
        pattern=pattern,
        source=source,
        weight=_number(raw["weight"], path, where, "weight"),
        all_of=_terms(raw.get("all_of"), path, where, "all_of"),
        any_of=_terms(raw.get("any_of"), path, where, "any_of"),
        none_of=_terms(raw.get("none_of"), path, where, "none_of"),
        near=_terms(raw.get("near"), path, where, "near"),
        within=_within(raw, path, where),
        fields=_fields(raw.get("fields"), path, where, "fields") or tuple(FIELD_COLUMNS),
        unit_kinds=_unit_kinds(raw.get("unit_kinds"), path, where, "unit_kinds"),
        not_unit_kinds=_unit_kinds(raw.get("not_unit_kinds"), path, where, "not_unit_kinds")
        or frozenset(),
        decisive=decisive,
        anchors=_literal_anchors(pattern.pattern),
    )


def _parse_theme(raw: Any, index: int, path: Path) -> Theme:
    where = f"theme #{index + 1}"
    if not isinstance(raw, dict):
        raise _fail(path, where, f"a theme must be a mapping, got {raw!r}")
    for key in ("code", "name", "definition"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, where, f"`{key}` is missing or empty")
    where = f"theme {raw['code']} ({raw['name']})"
    unknown = set(raw) - _THEME_KEYS
    if unknown:
        raise _fail(
            path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_THEME_KEYS)}"
        )
    if raw["code"] == UNCLASSIFIED:
        raise _fail(path, where, f"`{UNCLASSIFIED}` is reserved for problems no rule matches")
    rules = raw.get("rules")
    if not isinstance(rules, list) or not rules:
        raise _fail(path, where, "`rules` must be a non-empty list")
    parsed = tuple(_parse_rule(r, path, f"{where}, rule {i + 1}") for i, r in enumerate(rules))
    return Theme(
        raw["code"],
        raw["name"],
        raw["definition"].strip(),
        parsed,
        _unit_kinds(raw.get("unit_kinds"), path, where, "unit_kinds"),
        _unit_kinds(raw.get("not_unit_kinds"), path, where, "not_unit_kinds") or frozenset(),
    )


def _read_yaml(path: Path) -> dict:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path.name}: not valid YAML: {exc}") from None
    except OSError as exc:
        raise TaxonomyError(f"{path.name}: cannot be read: {exc.strerror or exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("themes"), list) or not raw["themes"]:
        raise TaxonomyError(f"{path.name}: expected a mapping with a non-empty `themes:` list")
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise TaxonomyError(
            f"{path.name}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}"
        )
    return raw


def _field_weights(raw: Any, path: Path) -> dict[str, float]:
    weights = dict(DEFAULT_FIELD_WEIGHTS)
    if raw is not None and not isinstance(raw, dict):
        raise _fail(path, "field_weights", f"expected a mapping of field: weight, got {raw!r}")
    for field, value in (raw or {}).items():
        if field not in FIELD_COLUMNS:
            raise _fail(
                path, "field_weights", f"unknown field {field!r}; allowed: {list(FIELD_COLUMNS)}"
            )
        weights[field] = _number(value, path, "field_weights", field)
    return weights


def _exemplar_paths(raw: Any, path: Path) -> tuple[Path, ...]:
    """The scheme's ``exemplars`` entries, resolved against its folder; each must exist."""
    if raw is None:
        return ()
    entries = [raw] if isinstance(raw, str) else raw
    if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
        raise _fail(path, "exemplars", f"expected a path or a list of paths, got {raw!r}")
    return tuple(_exemplar_path(entry, path) for entry in entries)


def _exemplar_path(entry: str, path: Path) -> Path:
    """One ``exemplars`` entry: next to the scheme, else among the packaged resources.

    So a copy of the packaged scheme, edited elsewhere, keeps the packaged exemplars.
    """
    for folder in (path.parent, RESOURCES):
        if (folder / entry).exists():
            return (folder / entry).resolve()
    raise _fail(
        path, "exemplars", f"{entry!r} not found (looked in {path.parent} and in {RESOURCES})"
    )


def _check_codes(themes: tuple[Theme, ...], path: Path) -> None:
    seen: set[str] = set()
    for theme in themes:
        if theme.code in seen:
            raise _fail(path, f"theme {theme.code} ({theme.name})", "duplicate theme code")
        seen.add(theme.code)


def load_taxonomy(path: str | Path | None = DEFAULT_TAXONOMY) -> Taxonomy:
    """Read and validate a coding scheme (taxonomy YAML).

    Parameters
    ----------
    path : str or Path, optional
        The YAML file: a non-empty ``themes:`` list (each with ``code``, ``name``,
        ``definition`` and weighted ``rules``), optional ``field_weights``, ``text_cap`` and
        ``deciding_fields``, and ``exemplars`` (CSV files or folders of labelled statements,
        relative to the YAML file) with ``model_weight`` and ``model_floor``
        (``analysis.theme_model``); None: the packaged ``resources/taxonomy.yml``.

    Returns
    -------
    Taxonomy
        The themes in file order with their compiled rules, the field weights (defaults for
        the fields the file does not weigh), the text cap and the fields that may decide a
        theme (default title and group), and the exemplar files with the model's weight and
        floor (none: the rules alone classify).

    Raises
    ------
    TaxonomyError
        If the file cannot be read, is not valid YAML or breaks the scheme's rules; the message
        names the file, the theme and the rule.
    """
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    raw = _read_yaml(path)
    weights = _field_weights(raw.get("field_weights"), path)
    text_cap = _number(raw.get("text_cap", DEFAULT_TEXT_CAP), path, "text_cap", "text_cap")
    deciding = _fields(raw.get("deciding_fields"), path, "deciding_fields", "deciding_fields")
    themes = tuple(_parse_theme(t, i, path) for i, t in enumerate(raw["themes"]))
    _check_codes(themes, path)
    model = {
        "model_weight": _number(
            raw.get("model_weight", DEFAULT_MODEL_WEIGHT), path, "model_weight", "model_weight"
        ),
        "model_floor": _any_number(raw.get("model_floor", DEFAULT_MODEL_FLOOR), path),
        "model_reserved_kinds": _unit_kinds(
            raw.get("model_reserved_kinds"), path, "model_reserved_kinds", "model_reserved_kinds"
        )
        or frozenset(),
    }
    return Taxonomy(
        themes,
        weights,
        text_cap,
        path,
        deciding or DEFAULT_DECIDING_FIELDS,
        _exemplar_paths(raw.get("exemplars"), path),
        **model,
    )

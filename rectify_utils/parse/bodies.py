"""Who wrote the notice: the inspected body as written, its short name and its kind.

A body's name has a structure: party prefix + region + body + party organisation
(`中共` `临沂市罗庄区` `科学技术协会` `党组`). The short name a researcher writes is the smallest
region plus the body, abbreviated as usual (`罗庄区科协`, `婺城区文旅体局`, `清河县团委`).
The body is looked for where notices name it: before `关于` in the title, in the opening
(`…巡察组对区司法局党组开展了巡察`), and, when the notice calls itself `我局`, in the signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import (
    BODY_ABBREVIATIONS,
    OPENING_INSPECTED,
    ORGANISATION,
    PARTY_PREFIX,
    PARTY_SUFFIX,
    REGION_AS_WRITTEN,
    REGION_SUFFIX,
    SELF_REFERENCE,
    SIGNATURE_BODY,
    UNIT_KIND_WORDS,
    WEB_SOURCE,
    YOUTH_LEAGUE,
)

#: body words that make a phrase an organisation's name (and not `关于…` prose)
_BODY_HINT = ("局", "委", "会", "院", "校", "学", "厅", "办", "公司", "集团", "中心", "镇", "乡", "街道", "联", "协", "党组", "党委", "所", "馆", "站", "部", "团")  # fmt: skip


@dataclass(frozen=True)
class Body:
    """The inspected body of one notice."""

    organisation: str  # as written, e.g. `中共新野县科学技术协会党组`
    source: str  # where it was found: title / opening / signature / none
    evidence: str  # the line or sentence it was read from
    region: str | None  # the region part as written, e.g. `临沂市罗庄区`
    name: str  # the body without region and party organisation, e.g. `科学技术协会`
    unit_kind: str  # 科协, 文联, …, 政府部门, 学校, 医院, 企业, 乡镇街道, 其他
    unit_kind_evidence: str | None  # the word of the name that decided the kind


def find_body(
    title: str, opening: list[str], signatures: list[str], web: list[str] | None = None
) -> Body:
    """The inspected body, from the title, else the opening, else the signature, else the web
    page's `来源：` line.

    Parameters
    ----------
    title
        The notice's title (its header lines joined).
    opening
        The paragraphs before the first problem, in order.
    signatures
        The closing paragraphs, last first.
    web
        Web-page furniture lines (`来源：某某县文联`).

    Returns
    -------
    Body
    """
    candidates = [
        ("title", _from_title(title), title),
        *(("opening", org, text) for text in opening for org in [_from_opening(text)]),
        *(("signature", text, text) for text in signatures if _is_signature(text)),
        *(
            ("web", m.group("org"), text)
            for text in web or []
            for m in [WEB_SOURCE.search(text)]
            if m
        ),
    ]
    for source, org, evidence in candidates:
        if org and not SELF_REFERENCE.match(org):
            return describe(org, source, evidence)
    return Body("", "none", "", None, "", "其他", None)


def _from_title(title: str) -> str | None:
    m = ORGANISATION.match(title)
    org = m.group("org").strip() if m else None
    return org if org and any(h in org for h in _BODY_HINT) else None


def _from_opening(text: str) -> str | None:
    m = OPENING_INSPECTED.search(text)
    return m.group("org").strip() if m else None


def _is_signature(text: str) -> bool:
    return bool(SIGNATURE_BODY.match(text))


def describe(organisation: str, source: str = "title", evidence: str = "") -> Body:
    """Split an organisation's name into region and body, and tell the body's kind.

    Parameters
    ----------
    organisation : str
        The organisation's name as written, e.g. ``中共新野县科学技术协会党组``.
    source : str, default "title"
        Where the name was found: ``"title"``, ``"opening"``, ``"signature"``…
    evidence : str, default ""
        The words it was found in; empty: the name itself.

    Returns
    -------
    Body
        Name, source, evidence, region, body, kind and the word that decided the kind.

    Examples
    --------
    >>> describe("中共临沂市罗庄区科学技术协会党组").region
    '临沂市罗庄区'
    """
    region, name = split_name(organisation)
    kind, word = unit_kind(PARTY_SUFFIX.sub("", PARTY_PREFIX.sub("", organisation.strip())))
    return Body(organisation, source, evidence or organisation, region, name, kind, word)


def split_name(organisation: str) -> tuple[str | None, str]:
    """(region as written, body) of an organisation's name, party prefix and suffix removed.

    Parameters
    ----------
    organisation : str
        The organisation's name as written.

    Returns
    -------
    tuple of (str or None, str)
        The region (None when none is written) and the body's name.
    """
    name = PARTY_PREFIX.sub("", organisation.strip())
    had_party_prefix = name != organisation.strip()
    unsuffixed = PARTY_SUFFIX.sub("", name)
    had_party_suffix, name = unsuffixed != name, unsuffixed
    youth = YOUTH_LEAGUE.match(name)
    if youth:
        return (youth.group("region") or None), "团委"
    if had_party_prefix and not had_party_suffix and name.endswith("委员会") and len(name) > 3:
        # 中共某大学委员会: the party committee of 某大学; 中共某街道工作委员会: of 某街道
        name = name.removesuffix("委员会").removesuffix("工作")
    region = region_prefix(name)
    body = name[len(region) :] if region else name
    return region, body or name


def region_prefix(name: str) -> str | None:
    """The place names at the start of ``name``: gazetteer names, else one region as written.

    Parameters
    ----------
    name : str
        An organisation's name without its party prefix and suffix.

    Returns
    -------
    str or None
        The leading region as written, None when the name starts with none.
    """
    known = place_names()
    i, found = 0, []
    while True:
        token = next(
            (name[i:j] for j in range(min(len(name), i + 12), i + 1, -1) if name[i:j] in known),
            None,
        )
        if token is None or len(token) == len(name) - i:
            break
        found.append(token)
        i += len(token)
    if found:
        return "".join(found)
    m = REGION_AS_WRITTEN.match(name)
    return m.group(0) if m and len(m.group(0)) < len(name) else None


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every province, city and county name the ``cpca`` gazetteer knows (`婺城区`, `金华市`)."""
    import cpca

    return frozenset(info.name for info in cpca.ad_2_addr_dict.values() if len(info.name) >= 2)


def short_body(name: str) -> str:
    """A body's name as a researcher abbreviates it: `科学技术协会` → `科协`.

    Parameters
    ----------
    name : str
        A body's name without its region.

    Returns
    -------
    str
        The abbreviated name.
    """
    for long, short in BODY_ABBREVIATIONS:
        name = name.replace(long, short)
    return name


def unit_kind(name: str) -> tuple[str, str | None]:
    """The kind of body a name denotes and the word that says so (`其他`, None when none does).

    Parameters
    ----------
    name : str
        An organisation's name.

    Returns
    -------
    tuple of (str, str or None)
        The kind (one of ``UNIT_KINDS``) and the word that decided it.
    """
    for kind, pattern in UNIT_KIND_WORDS:
        m = pattern.search(name)
        if m:
            return kind, m.group(0)
    return "其他", None


def association_name(body: Body, smallest_region: str | None) -> str:
    """The short name: the smallest region plus the abbreviated body (`新野县科协`, `县文联`).

    ``smallest_region`` is the gazetteer's county, city or province when it agrees with the name.

    Parameters
    ----------
    body : Body
        The inspected body (``describe``).
    smallest_region : str or None
        The gazetteer's smallest region for the notice, None when it has none.

    Returns
    -------
    str
        The short name, e.g. ``新野县科协``.
    """
    region = body.region
    if region and smallest_region and region.endswith(smallest_region):
        before = region[: -len(smallest_region)]
        if not before or before.endswith(REGION_SUFFIX):
            region = smallest_region  # `临沂市罗庄区` → `罗庄区`, but `白沙县` stays whole
    return f"{region or ''}{short_body(body.name)}"

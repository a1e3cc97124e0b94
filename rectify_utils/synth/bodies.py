"""Who is inspected and by whom: the body, its names, its level, and the inspectors.

:func:`draw_issuer` draws a body of any kind (群团, 政府部门, 法院, 乡镇街道, 学校, 医院, 企业,
共青团) at county, city or province level, and returns an :class:`Issuer` with every name the
notice may use for it: the full organisation (`中共新野县文学艺术界联合会党组`), the short
name a researcher writes (`新野县文联`), how the text refers to it (`县文联党组`), how it
calls itself (`我会`), and the inspectors (`县委第三巡察组`, or `省委第二巡视组` for a
provincial 巡视).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import wording
from .render import cn_number


@dataclass(frozen=True)
class Issuer:
    """The body that publishes the notice, and the inspection that inspected it."""

    organisation: str  # as signed: `中共新野县文学艺术界联合会党组`
    association: str  # the short name of the full organisation: `新野县文联`
    unit_kind: str  # 科协, 文联, …, 政府部门, 学校, 医院, 企业, 乡镇街道
    theme: str  # the key of its own line of work in wording.WORK_AREAS
    place: str  # the smallest region it belongs to: `新野县`, `南阳市`, `河南省`
    who: str  # how the text names it: `县文联党组`, `新野县文联党组`, `院党委`
    opening: str  # how an opening that alone names it writes it: `县文联党组`
    opening_association: str  # the short name of that: `县文联`
    self_word: str  # how it calls itself: `我会`, `我局` ("" when it never does)
    committee: str  # the Party committee that sent the inspectors: `县委`, `省委`
    inspector: str  # `县委第三巡察组`, `省委第二巡视组`
    inspection: str  # 巡察 or 巡视
    round: str  # `十四届县委第二轮巡察`


@dataclass(frozen=True)
class _Name:
    """A body's names before the inspection is drawn."""

    organisation: str
    association: str
    unit_kind: str
    theme: str
    who: str
    opening: str
    opening_association: str
    self_word: str


def draw_issuer(rng: random.Random, level: str) -> Issuer:
    """Draw the inspected body at ``level`` (county, city or province) and its inspectors.

    Parameters
    ----------
    rng
        The notice's random generator.
    level
        The body's level; a kind of body that has none at that level is drawn one level down.

    Returns
    -------
    Issuer

    Examples
    --------
    >>> draw_issuer(random.Random(3), "province").inspection
    '巡视'
    """
    province, city, counties = rng.choice(wording.REGIONS)
    county = rng.choice(counties)
    family = rng.choice(wording.BODY_FAMILIES)
    if family == "listed":
        name, level = _listed(rng, level, province, city, county)
    else:
        name, level = _named(rng, family, level, province, city, county)
    place = {"county": county, "city": city, "province": province}[level]
    if level == "province":
        committee, inspection, group = "省委", "巡视", "巡视组"
    else:
        committee, inspection, group = (
            ("市委" if level == "city" else place[-1] + "委"),
            "巡察",
            "巡察组",
        )
    term = rng.choice(wording.TERMS)
    return Issuer(
        organisation=name.organisation,
        association=name.association,
        unit_kind=name.unit_kind,
        theme=name.theme,
        place=place,
        who=name.who,
        opening=name.opening,
        opening_association=name.opening_association,
        self_word=name.self_word,
        committee=committee,
        inspector=f"{committee}第{cn_number(rng.randint(1, 8))}{group}",
        inspection=inspection,
        round=f"{term}届{committee}第{cn_number(rng.randint(1, 12))}轮{inspection}",
    )


def association_variants(association: str) -> list[str]:
    """Other short names a researcher may as well write for the same body.

    Examples
    --------
    >>> association_variants("新野县法院")
    ['新野县人民法院']
    >>> association_variants("南阳市城市建设投资集团有限公司")
    ['南阳市城市建设投资集团', '南阳市城投集团', '南阳市城投集团有限公司']
    >>> association_variants("县团委")
    ['团县委']
    """
    found = {association}
    for old, new in wording.ASSOCIATION_VARIANTS:
        found |= {name.replace(old, new) for name in found if old in name}
    if association.endswith("法院") and not association.endswith("人民法院"):
        found.add(association.removesuffix("法院") + "人民法院")
    if len(association) == 3 and association.endswith("团委"):
        found.add(f"团{association[0]}委")  # 县团委 / 团县委
    return sorted(found - {association})


def _level_word(level: str, place: str) -> str:
    """The one-character region a text puts before a body: 县, 区, 市 or 省."""
    return {"county": place[-1], "city": "市", "province": "省"}[level]


def _listed(
    rng: random.Random, level: str, province: str, city: str, county: str
) -> tuple[_Name, str]:
    """A body named region + full name + party organisation (`中共新野县科学技术协会党组`)."""
    kind, full, full_province, short, parties, self_word, theme = rng.choice(wording.BODIES)
    if level == "province" and full_province is None:
        level = "city"
    if full == "人民法院":
        level = "county"  # a city's court is its 中级人民法院, with a name of its own
    place = {"county": county, "city": city, "province": province}[level]
    if level == "province":
        full, short = full_province, wording.PROVINCE_SHORT.get(full_province, short)
    # a county body is sometimes written under its city: `临沂市罗庄区科学技术协会`
    region = city + county if level == "county" and rng.random() < 0.25 else place
    party = rng.choice(parties)
    body = region + full
    if party == "党委" and rng.random() < 0.5:
        organisation = f"中共{body}委员会"
    elif party:
        organisation = ("中共" if rng.random() < 0.7 else "") + body + party
    else:
        organisation = body
    lv = _level_word(level, place)
    in_text = rng.choice((lv, place))
    name = _Name(
        organisation=organisation,
        association=place + short,
        unit_kind=kind,
        theme=theme,
        who=in_text + short + wording.PARTY_SELF[party],
        opening=in_text + short + (party or rng.choice(("党组", ""))),
        opening_association=in_text + short,
        self_word=self_word,
    )
    return name, level


def _named(
    rng: random.Random, family: str, level: str, province: str, city: str, county: str
) -> tuple[_Name, str]:
    """A town, school, hospital, college, enterprise or Youth League committee."""
    kind, self_word, theme = wording.NAMED_KINDS[family]
    if family in ("town", "school"):
        level = "county"
    elif family in ("hospital", "enterprise") and level == "province":
        level = "city"
    elif family == "college" and level == "county":
        level = "city"
    place = {"county": county, "city": city, "province": province}[level]
    if family == "youth":
        return _youth(rng, level, place), level
    if family == "town":
        own = rng.choice(wording.TOWNS)
        party, who = ("党工委", own + "党工委") if own.endswith("街道") else ("党委", own + "党委")
    elif family == "college":
        own = rng.choice(wording.COLLEGES)
        place = place[:-1]  # `南阳理工学院`, `河南财经学院`: the place without 市/省
        party, who = "党委", rng.choice(("学院党委", "学校党委", "院党委"))
    else:
        own = rng.choice(
            {"school": wording.SCHOOLS, "hospital": wording.HOSPITALS}.get(
                family, wording.ENTERPRISES
            )
        )
        party = "党支部" if family == "school" and rng.random() < 0.4 else "党委"
        who = {"school": "学校" + party, "hospital": rng.choice(("院党委", "医院党委"))}.get(
            family, rng.choice(("集团党委", "公司党委"))
        )
    body = place + own
    if family == "town" and party == "党工委":
        organisation = rng.choice((f"中共{body}工作委员会", body + "党工委"))
    elif party == "党委" and rng.random() < 0.5:
        organisation = f"中共{body}委员会"
    else:
        organisation = body + party
    name = _Name(organisation, body, kind, theme, who, body + party, body, self_word)
    return name, level


def _youth(rng: random.Random, level: str, place: str) -> _Name:
    """共青团新野县委员会, 团县委 in the text, 新野县团委 to a researcher."""
    lv = _level_word(level, place)
    organisation = f"共青团{place}委员会" if rng.random() < 0.8 else f"共青团{place}委"
    return _Name(
        organisation=organisation,
        association=place + "团委",
        unit_kind="共青团",
        theme="youth",
        who=f"团{lv}委",
        opening=f"团{lv}委",
        opening_association=f"{lv}团委",
        self_word="",
    )

"""Province, city and county of an organisation name, from the `cpca` gazetteer of China's
administrative divisions (it knows 新野县 is in 南阳市, 河南省 even when the name does not say)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import REGION_IN_NAME

# the gazetteer's stand-ins for "the districts of this city": never a place name in a notice
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Place:
    province: str | None
    city: str | None
    county: str | None
    adcode: str | None

    @property
    def level(self) -> str | None:
        if self.county:
            return "区县"
        if self.city:
            return "地市"
        if self.province:
            return "省"
        return None

    @property
    def short_name(self) -> str | None:
        return self.county or self.city or self.province


def named_in(place: str, query: str) -> bool:
    """Is ``place`` named in ``query`` as a whole place name (`沙县` is not named in `白沙县`)?

    Parameters
    ----------
    place : str
        A place name.
    query : str
        The text to look in, e.g. an organisation's name.

    Returns
    -------
    bool
        True when ``place`` occurs in ``query`` as a whole name.
    """
    at = query.find(place)
    while at != -1:
        if at == 0 or query[at - 1] in "省市州区县盟旗":
            return True
        at = query.find(place, at + 1)
    return False


def level_from_name(region: str | None) -> str | None:
    """The administrative level a region name implies when the gazetteer does not know it.

    Parameters
    ----------
    region : str or None
        A region as written, e.g. ``某某县``.

    Returns
    -------
    str or None
        ``"区县"``, ``"地市"`` or ``"省"``; None when the name does not say.
    """
    if not region:
        return None
    if region.endswith(("县", "区", "旗")):
        return "区县"
    if region.endswith(("市", "州", "盟", "地区")):
        return "地市"
    if region.endswith(("省", "自治区")):
        return "省"
    return None


@lru_cache(maxsize=4096)
def locate(organisation: str) -> Place:
    """Look a region (or an organisation's name, whose region is taken) up in the gazetteer."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import cpca

        m = REGION_IN_NAME.match(organisation)
        query = m.group("region") if m else organisation
        try:  # one record without building a DataFrame: ~30x faster than cpca.transform
            row = cpca._get_one_addr(query, False, {})
        except AttributeError:  # a cpca without the helper
            row = cpca.transform([query]).iloc[0].to_dict()

    def value(key: str) -> str | None:
        v = row.get(key)
        return None if v is None or (isinstance(v, float)) or v == "" else str(v)

    province, city, county = value("省"), value("市"), value("区")
    # accept only what the name supports: `中共某某县` must not become 重庆市's placeholder `县`
    if county and (len(county) < 2 or not named_in(county, query) or county in PLACEHOLDERS):
        county = None
    if city and city in PLACEHOLDERS:
        city = None
    if city and not county and not named_in(city.rstrip("市"), query):
        city = None
    if province and not (county or city) and province[:2] not in query:
        province = None
    if not (province or city or county):
        return Place(None, None, None, None)
    return Place(province, city, county, value("adcode"))


def warm_gazetteer() -> None:
    """Load the gazetteer now (it takes about half a second the first time).

    Returns
    -------
    None
    """
    locate("北京市科学技术协会")

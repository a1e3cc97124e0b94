"""The gazetteer lookup: the pinned cpca's one-record helper agrees with its public API."""

from __future__ import annotations

import pytest

from rectify_utils.parse.places import locate

NAMES = ["新野县", "临沂市罗庄区", "东营市", "攀枝花市仁和区", "广东省", "平顶山市石龙区"]


@pytest.mark.parametrize("query", NAMES)
def test_the_private_cpca_helper_places_an_organisation_as_the_public_transform_does(query):
    import cpca

    one = cpca._get_one_addr(query, False, {})
    public = cpca.transform([query]).iloc[0].to_dict()
    for key in ("省", "市", "区", "adcode"):
        assert (one.get(key) or None) == (public.get(key) or None), (
            f"cpca._get_one_addr and cpca.transform disagree on {key} of {query}: "
            "the pinned cpca changed; unpin only after checking places.locate"
        )


def test_locate_finds_county_city_and_province_from_the_name_alone():
    place = locate("中共新野县科学技术协会党组")
    assert (place.province, place.city, place.county) == ("河南省", "南阳市", "新野县")
    assert place.level == "区县"


def test_locate_does_not_invent_a_place_for_a_name_without_one():
    place = locate("中国共产党某某协会党组")
    assert place.province is None and place.city is None and place.county is None

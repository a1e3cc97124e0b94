"""The inspected body: named from its structure for any kind of body, found wherever it is written."""

from __future__ import annotations

import pytest

from rectify_utils.parse.bodies import association_name, describe, find_body
from rectify_utils.parse.places import locate


def short(organisation: str) -> str:
    body = describe(organisation)
    return association_name(body, locate(body.region or organisation).short_name)


@pytest.mark.parametrize(
    ("organisation", "association", "kind"),
    [
        ("中共新野县科学技术协会党组", "新野县科协", "科协"),
        ("中共临沂市罗庄区科学技术协会党组", "罗庄区科协", "科协"),
        ("中共金华市婺城区文化和旅游体育局党组", "婺城区文旅体局", "政府部门"),
        ("鲤城区社会科学界联合会", "鲤城区社科联", "社科联"),
        ("中共清河县文学艺术界联合会党组", "清河县文联", "文联"),
        ("共青团清河县委员会", "清河县团委", "共青团"),
        ("清河县总工会党组", "清河县总工会", "工会"),
        ("中共南阳市宛城区妇女联合会党组", "宛城区妇联", "妇联"),
        ("中共南阳市宛城区残疾人联合会党组", "宛城区残联", "其他群团"),
        ("中共金华市卫生健康委员会党组", "金华市卫健委", "政府部门"),
        ("中共清河县人民医院委员会", "清河县人民医院", "医院"),
        ("中共某某师范学院委员会", "某某师范学院", "学校"),
        ("某某投资集团有限公司党委", "某某投资集团", "企业"),
        ("中共清河县城关镇委员会", "清河县城关镇", "乡镇街道"),
        ("县文联党组", "县文联", "文联"),
        ("市医疗保障局党组", "市医保局", "政府部门"),
    ],
)
def test_association_is_region_plus_abbreviated_body_for_any_kind_of_body(
    organisation, association, kind
):
    assert short(organisation) == association, (
        f"{organisation} should read as {association}, not {short(organisation)}"
    )
    body = describe(organisation)
    assert body.unit_kind == kind
    assert body.unit_kind_evidence and body.unit_kind_evidence in organisation


def test_nothing_appends_kexie_to_a_body_that_is_not_one():
    for organisation in ("中共金华市婺城区文化和旅游体育局党组", "共青团清河县委员会"):
        assert not short(organisation).endswith("科协")


def test_body_named_only_in_the_opening_is_found_there():
    opening = ["根据区委统一部署，区委第二巡察组于2023年4月对区司法局党组开展了常规巡察。"]
    body = find_body("关于巡察整改进展情况的通报", opening, [])
    assert (body.organisation, body.source, body.unit_kind) == (
        "区司法局党组",
        "opening",
        "政府部门",
    )
    assert body.evidence == opening[0], "the evidence is the sentence that names the body"


def test_a_body_that_calls_itself_wo_ju_is_named_by_its_signature():
    opening = ["2023年4月，县委第二巡察组对我局进行了巡察，并于6月反馈了意见。"]
    body = find_body("关于巡察整改进展情况的通报", opening, ["2023年10月10日", "清河县统计局"])
    assert (body.organisation, body.source) == ("清河县统计局", "signature")


def test_a_notice_naming_no_body_leaves_it_unidentified():
    body = find_body("关于巡察整改进展情况的通报", ["现将有关情况通报如下。"], ["2023年10月10日"])
    assert body.source == "none" and body.organisation == ""


def test_bundled_notices_keep_their_names_with_the_title_as_evidence(corpus):
    notices = corpus.notices.set_index("notice_id")
    assert notices.loc["xinye-2024", "association"] == "新野县科协"
    assert (notices["organisation_source"] == "title").all()
    assert (notices["unit_kind"] == "科协").all()

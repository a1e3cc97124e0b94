"""Synthetic notices (`rectify synth`) parse back to the structure their sidecars record.

Each synthetic notice carries its truth in a JSON sidecar: problems (number, label, title,
aspect, group, status, itemised measures), organisation and dates. A property test draws the
layout choices with hypothesis; a seeded batch goes through files and ``load_corpus``. Layouts
the parser once got wrong are kept at the end as regression tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectify_utils import load_corpus
from rectify_utils.parse.normalise import normalise
from rectify_utils.parse.notice import parse_notice
from rectify_utils.synth import (
    HEADING_FORMS,
    LAYOUTS,
    MEASURE_STYLES,
    plain_value,
    read_truth,
    synth_notice,
    write_synthetic_corpus,
)
from rectify_utils.synth import truth_mismatches as mismatches


def parse_synthetic(seed: int, index: int, **kwargs) -> tuple[list[str], dict]:
    notice = synth_notice(seed, index, **kwargs)
    result = parse_notice(notice.text, notice.truth.notice_id)
    truth = asdict(notice.truth)
    return mismatches(result.problems, result.notice, truth), truth


@st.composite
def layout_options(draw) -> dict:
    """The layout choices that matter to the parser, the rest drawn from the seed."""
    layout = draw(st.sampled_from(LAYOUTS))
    opts = dict(
        layout=layout,
        heading_form=draw(st.sampled_from(HEADING_FORMS[layout])),
        measures=draw(st.sampled_from(MEASURE_STYLES[layout])),
        wrapped=draw(st.booleans()),
        half_width=draw(st.booleans()),
        field_label=draw(st.booleans()),
        status_mix=draw(st.sampled_from(("markers", "fields", "body", "mixed", "none"))),
        summary=draw(st.sampled_from(("none", "consistent", "counts"))),
        plan_section=draw(st.booleans()),
        attachment=draw(st.booleans()),
    )
    if layout != "section_flat":
        opts["numbering"] = draw(st.sampled_from(("across", "restart")))
        opts["n_aspects"] = draw(st.integers(2, 6))
    if opts["wrapped"]:
        opts["bold"] = False
        opts["wrap_width"] = draw(st.integers(22, 30))
    else:
        opts["stray_breaks"] = draw(st.booleans())
    return opts


# derandomized: the same 150 examples every run, so a rare parser failure cannot make CI flaky;
# set derandomize=False (or loop over seeds as in benchmarks) to hunt for new failures
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=st.integers(0, 2**32 - 1), index=st.integers(0, 99_999), options=layout_options())
def test_any_synthetic_notice_parses_to_its_sidecar(seed, index, options):
    errors, _truth = parse_synthetic(seed, index, options=options)
    assert not errors, (
        f"synth_notice({seed}, {index}, options={options}) parses wrongly:\n" + "\n".join(errors)
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[list[Path], object]:
    """200 notices of seed 2026 written to files and loaded in two worker processes."""
    out = tmp_path_factory.mktemp("synth")
    paths = write_synthetic_corpus(200, seed=2026, out_dir=out)
    return paths, load_corpus(paths, workers=2)


def test_seeded_batch_loads_without_skips_and_matches_every_sidecar(batch):
    paths, corpus = batch
    assert corpus.skipped.empty, f"synthetic notices were skipped:\n{corpus.skipped}"
    assert len(corpus.notices) == len(paths)
    notices = corpus.notices.set_index("notice_id")
    failures = []
    for path in paths:
        truth = read_truth(path)
        problems = corpus.problems[corpus.problems["notice_id"] == path.stem].to_dict("records")
        notice = notices.loc[path.stem].to_dict()
        errors = mismatches(problems, notice, truth)
        if errors:
            failures.append(f"{path.name} ({truth['layout']}):\n  " + "\n  ".join(errors[:5]))
    assert not failures, f"{len(failures)} of {len(paths)} notices parse wrongly:\n" + "\n".join(
        failures[:10]
    )


FLAGS = (
    "wrapped",
    "half_width",
    "bold",
    "attachment",
    "org_section",
    "plan_section",
    "wide_vocabulary",
    "full_width_digits",
    "chinese_numeral_date",
)


def test_seeded_batch_covers_the_bundled_styles(batch):
    paths, _ = batch
    truths = [read_truth(p) for p in paths]
    seen = Counter()
    for t in truths:
        o = t["options"]
        seen[("layout", o["layout"])] += 1
        seen[("measures", o["measures"])] += 1
        seen[("numbering", o["numbering"])] += 1
        for flag in FLAGS:
            seen[(flag, o[flag])] += 1
        seen[("one aspect", o["n_aspects"] == 1)] += 1
        seen[("summary", o["summary"])] += 1
        for p in t["problems"]:
            seen[("status", p["status"])] += 1
            seen[("cue", p["status_cue"].removesuffix("+summary"))] += 1
    wanted = (
        [("layout", x) for x in LAYOUTS]
        + [("measures", x) for x in ("sub", "circled", "shi", "none")]
        + [("numbering", "across"), ("numbering", "restart"), ("summary", "consistent")]
        + [(flag, v) for flag in FLAGS for v in (True, False)]
        + [("one aspect", True)]
        + [("status", s) for s in ("completed", "in_progress", "not_stated")]
        + [
            ("cue", c)
            for c in (
                "marker_done",
                "marker_ongoing",
                "field_done_long",
                "field_past",
                "field_future",
                "field_keep",
                "body_ongoing",
                "body_plan",
                "mixed",
            )
        ]
    )
    missing = [w for w in wanted if not seen[w]]
    assert not missing, (
        f"200 synthetic notices never use {missing}: the benchmark corpus is too narrow"
    )


def test_sidecar_deadlines_follow_the_publish_date_rule(batch):
    paths, _ = batch
    checked = 0
    for path in paths:
        truth = read_truth(path)
        for p in truth["problems"]:
            if p["deadline"] and not p["status_cue"].startswith("mixed"):
                on_time = p["deadline"] <= truth["publish_date"]
                assert (p["status"] == "completed") == on_time, (
                    f"{path.name} problem {p['problem_no']}: deadline {p['deadline']}, "
                    f"published {truth['publish_date']}, sidecar says {p['status']}"
                )
                checked += 1
    assert checked > 20


def test_same_seed_writes_the_same_bytes(tmp_path):
    a = write_synthetic_corpus(5, seed=9, out_dir=tmp_path / "a")
    b = write_synthetic_corpus(5, seed=9, out_dir=tmp_path / "b")
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), f"{x.name} differs between two runs of seed 9"
        assert x.with_suffix(".json").read_bytes() == y.with_suffix(".json").read_bytes()
    assert synth_notice(9, 0).text != synth_notice(10, 0).text, "seed does not change the notice"


def test_synth_cli_writes_n_notices_and_sidecars(tmp_path):
    out = tmp_path / "synthetic"
    run = subprocess.run(
        [sys.executable, "-m", "rectify_utils.cli", "synth", "--n", "7", "--seed", "5", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    texts = sorted(out.glob("*.txt"))
    sidecars = sorted(out.glob("*.json"))
    assert len(texts) == 7 and len(sidecars) == 7, f"wrote {[p.name for p in out.iterdir()]}"
    assert [p.stem for p in texts] == [p.stem for p in sidecars], "a notice lacks its sidecar"
    truth = json.loads(sidecars[0].read_text(encoding="utf-8"))
    assert truth["problems"] and {"problem_no", "label", "title", "aspect_no", "status"} <= set(
        truth["problems"][0]
    )
    assert "wrote 7 notices" in run.stdout


# --- layouts the parser once got wrong (regression tests) -------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"layout": "section_aspect", "measures": "sub", "heading_form": "about_quoted"},
        {"layout": "section_flat", "measures": "sub", "heading_form": "zhendui"},
    ],
    ids=["xinye-with-itemised-measures", "lishan-with-itemised-measures"],
)
def test_itemised_measures_under_section_problems(options):
    errors, _ = parse_synthetic(11, 0, options=options)
    assert not errors, errors


def test_one_aspect_after_an_opening_section():
    options = {"layout": "aspect_top", "n_aspects": 1, "org_section": True, "measures": "none"}
    errors, _ = parse_synthetic(11, 0, options=options)
    assert not errors, errors


WIDE_VOCABULARY_NOTICE = """中共某某县科协党支部关于巡察整改进展情况的通报
根据县委统一部署，2024年3月15日至5月17日，县委第一巡察组对县科协进行了巡察。2024年6月27日，巡察组向县科协反馈了巡察意见。
一、常规巡察整改落实情况
（一）针对“科普宣传工作流于形式”问题的整改。
组织开展科普活动4场。
（二）针对“全民科学素质提升工作标准偏低”问题的整改。
制定年度工作方案。
（三）针对“学会管理不到位”问题的整改。
修订学会管理办法。
二、下一步工作打算
（一）加强理论学习。
某某县科协
2024年10月30日
"""


def test_problems_worded_outside_the_cue_list_are_found():
    result = parse_notice(WIDE_VOCABULARY_NOTICE, "wide")
    assert [p["title"] for p in result.problems] == [
        "科普宣传工作流于形式",
        "全民科学素质提升工作标准偏低",
        "学会管理不到位",
    ]


def test_full_width_digit_labels_are_headings():
    notice = synth_notice(5, 3, options={"layout": "section_aspect", "wrapped": False})
    full = str.maketrans("0123456789.", "０１２３４５６７８９．")
    lines = [
        line.translate(full) if line.strip()[:1].isdigit() else line
        for line in notice.text.split("\n")
    ]
    result = parse_notice("\n".join(lines), "full-width")
    assert len(result.problems) == notice.truth.n_problems


def test_publish_date_in_chinese_numerals():
    text = WIDE_VOCABULARY_NOTICE.replace("流于形式", "不到位").replace("标准偏低", "不够扎实")
    result = parse_notice(text.replace("2024年10月30日", "二〇二四年十月三十日"), "cn-date")
    assert plain_value(result.notice["publish_date"]) == "2024-10-30"


SHORT_LINES_NOTICE = """中共某某县科学技术协会党组
关于县委第三巡察组反馈意见整改进展情况的通报
根据县委统一部署，2024年3月1日至4月30日，县委第三巡察组对县科协党组进行了巡察。2024年5月20日，巡察组向县科协党组反馈了巡察意见。现将整改情况予以公布。
一、关于履行职能职责有差距方面
1.学习制度落实不到位问题
(1)修订了《党组会议制度》。
(2)制定了年度学习计划。
(3)召开专题学习会议3次。
2.意识形态工作责任制落实不到位问题
(1)建立意识形态工作台账。
(2)开展专题研判2次。
二、关于作风建设不够严实方面
1.调查研究不够深入问题
(1)制定调研工作计划。
(2)深入基层调研5次。
(3)形成调研报告2篇。
2.财务管理不规范问题
(1)修订财务管理制度。
(2)开展财务自查1次。
欢迎广大干部群众对巡察整改落实情况进行监督。
中共某某县科学技术协会党组
2024年10月30日
"""


def test_short_item_lines_are_not_taken_for_pdf_wraps():
    result = parse_notice(SHORT_LINES_NOTICE, "short-lines")
    assert len(result.problems) == 4
    assert result.notice["organisation"] == "中共某某县科学技术协会党组"
    assert plain_value(result.notice["publish_date"]) == "2024-10-30"


@pytest.mark.parametrize(
    "seed, index",
    [(22, 860), (21, 1360), (23, 1673)],
    ids=["title-cut-dates-lost", "group-layout-title-cut", "measure-lost"],
)
def test_short_pdf_wrapped_notices_are_recognised_as_wrapped(seed, index):
    notice = synth_notice(seed, index)
    assert notice.truth.options["wrapped"]
    assert normalise(notice.text).wrapped, "a hard-wrapped notice is read as one paragraph per line"
    errors, _ = parse_synthetic(seed, index)
    assert not errors, errors


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_synthetic_notices_as_word_or_web_pages_parse_to_their_sidecars(tmp_path, fmt):
    """The same notices saved as Word documents or web pages, one paragraph per line."""
    import html

    import docx

    truths = {}
    for index in range(25):
        notice = synth_notice(31, index, options={"wrapped": False})
        truths[notice.truth.notice_id] = asdict(notice.truth)
        paragraphs = [p for p in notice.text.split("\n") if p.strip()]
        path = tmp_path / f"{notice.truth.notice_id}.{fmt}"
        if fmt == "docx":
            document = docx.Document()
            for p in paragraphs:
                document.add_paragraph(p)
            document.save(path)
        else:
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            page = f"<html><head><meta charset='utf-8'><title>通报</title></head><body>{body}</body></html>"
            path.write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.skipped.empty, corpus.skipped.to_dict("records")
    notices = corpus.notices.set_index("notice_id")
    failures = {}
    for notice_id, truth in truths.items():
        problems = corpus.problems[corpus.problems["notice_id"] == notice_id].to_dict("records")
        errors = mismatches(problems, notices.loc[notice_id].to_dict(), truth)
        if errors:
            failures[notice_id] = errors[:3]
    assert not failures, f"{fmt} notices parse wrongly: {failures}"


STATUS_FIELD_NOTICE = """中共某某县科协党支部关于巡察整改进展情况的通报
根据县委统一部署，2024年3月15日至5月17日，县委第一巡察组对县科协进行了巡察。2024年6月27日，巡察组向县科协反馈了巡察意见。
一、常规巡察整改落实情况
（一）针对“科普宣传工作不到位”问题的整改。
组织开展科普活动4场。
{field}
（二）针对“学会管理不规范”问题的整改。
修订学会管理办法。
欢迎广大干部群众对巡察整改落实情况进行监督。
某某县科协
2024年10月30日
"""


def test_deadline_field_done_on_the_spot_is_completed():
    text = STATUS_FIELD_NOTICE.format(field="整改完成时限：立行立改，已完成。")
    statuses = [p["status"] for p in parse_notice(text, "on-the-spot").problems]
    assert statuses == ["completed", "not_stated"]


@pytest.mark.parametrize(
    "field",
    ["整改进展：已完成。", "完成情况：已完成。", "整改状态：已完成。"],
    ids=["progress-field", "completion-field", "state-field"],
)
def test_status_field_saying_done_is_completed(field):
    statuses = [
        p["status"] for p in parse_notice(STATUS_FIELD_NOTICE.format(field=field), "f").problems
    ]
    assert statuses == ["completed", "not_stated"]


@pytest.mark.parametrize(
    "marker, status",
    [
        ("（已整改）", "completed"),
        ("【已整改】", "completed"),
        ("（已整改，长期坚持）", "completed"),
        ("（整改完成）", "completed"),
        ("（持续推进）", "in_progress"),
    ],
    ids=[
        "yi-zhenggai",
        "yi-zhenggai-square-brackets",
        "yi-zhenggai-keep",
        "zhenggai-wancheng",
        "chixu-tuijin",
    ],
)
def test_heading_status_markers_are_read(marker, status):
    text = STATUS_FIELD_NOTICE.format(field="").replace(
        "（一）针对“科普宣传工作不到位”问题的整改。",
        f"（一）针对“科普宣传工作不到位”问题的整改。{marker}",
    )
    problems = parse_notice(text, "marker").problems
    assert problems[0]["title"] == "科普宣传工作不到位", "the marker was not split from the title"
    assert [p["status"] for p in problems] == [status, "not_stated"]


CLOSING_FIELD_NOTICE = """中共某某县科协党支部关于巡察整改进展情况的通报
根据县委统一部署，2024年3月15日至5月17日，县委第一巡察组对县科协进行了巡察。2024年6月27日，巡察组向县科协反馈了巡察意见。
一、常规巡察整改落实情况
（一）针对“科普宣传工作不到位”问题的整改。
①组织开展科普活动4场；②制定年度科普工作方案。
完成情况：已完成。
（二）针对“学会管理不规范”问题的整改。
①修订学会管理办法；②开展学会年检1次。
完成情况：已完成。
欢迎广大干部群众对巡察整改落实情况进行监督。
某某县科协
2024年10月30日
"""


def test_measure_items_before_a_closing_status_field_are_not_problems():
    problems = parse_notice(CLOSING_FIELD_NOTICE, "closing-field").problems
    assert [(p["label"], p["title"]) for p in problems] == [
        ("（一）", "科普宣传工作不到位"),
        ("（二）", "学会管理不规范"),
    ]


@pytest.mark.parametrize("seed, index", [(52, 1416), (51, 822), (52, 121), (52, 156)])
def test_synthetic_notices_with_closing_status_fields(seed, index):
    errors, _ = parse_synthetic(seed, index)
    assert not errors, errors


@pytest.mark.parametrize(
    "marker, status",
    [
        ("（已整改）", "completed"),
        ("（整改完成）", "completed"),
        ("（持续推进）", "in_progress"),
        ("（已整改到位）", "completed"),
    ],
    ids=["yi-zhenggai", "zhenggai-wancheng", "chixu-tuijin", "yi-zhenggai-daowei"],
)
def test_status_marker_on_the_line_after_the_heading(marker, status):
    text = STATUS_FIELD_NOTICE.format(field="").replace(
        "（一）针对“科普宣传工作不到位”问题的整改。",
        f"（一）针对“科普宣传工作不到位”问题的整改。\n{marker}",
    )
    first = parse_notice(text, "marker-line").problems[0]
    assert (first["title"], first["status_marker"], first["status"]) == (
        "科普宣传工作不到位",
        marker,
        status,
    )


@pytest.mark.xfail(
    strict=True,
    reason=(
        "normalise.detect_wrap_width: a very short PDF-wrapped notice (one problem, ~20 lines, "
        "spaced dates `2023 年 5 月 28 日` making lines narrower) is read as one paragraph per "
        "line (typical width 22 < 26), so the preamble's sentences are cut at the wraps: "
        "inspection_start/end None (expected 2023-05-28, 2023-08-12)"
    ),
)
def test_very_short_pdf_wrapped_notice():
    errors, _ = parse_synthetic(92, 4384)
    assert not errors, errors

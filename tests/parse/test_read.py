"""Reading notice files: encodings, formats, traditional script and unreadable inputs."""

from __future__ import annotations

import codecs
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectify_utils.parse import read as notice_io
from rectify_utils.parse.read import (
    NO_TEXT_LAYER,
    SUPPORTED_SUFFIXES,
    NoticeReadError,
    read_notice,
    scan_inputs,
)

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
REAL_NOTICES = sorted(RAW.glob("*.txt"))

NOTICE = (
    "中共新野县科学技术协会党组\n关于巡察整改情况的通报\n"
    "根据县委统一部署，2024年2月26日至4月10日，县委第三巡察组对县科协党组进行了巡察。\n"
    "一、组织整改落实情况\n"
    "1.强化组织领导，健全整改机制。截至目前，11个问题已整改完成9个。\n"
)
# The same kind of notice written in traditional script, as a Hong Kong or Taiwan page has it.
TRADITIONAL = (
    "關於巡察整改進展情況的通報\n"
    "根據縣委統一部署，縣委第三巡察組對縣科協黨組進行了巡察。\n"
    "一、學習貫徹習近平新時代中國特色社會主義思想不夠深入\n"
    "整改情況：已完成。制定學習計劃，組織專題學習會議。\n"
)
SIMPLIFIED = (
    "关于巡察整改进展情况的通报\n"
    "根据县委统一部署，县委第三巡察组对县科协党组进行了巡察。\n"
    "一、学习贯彻习近平新时代中国特色社会主义思想不够深入\n"
    "整改情况：已完成。制定学习计划，组织专题学习会议。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason_of(path: Path) -> str:
    with pytest.raises(NoticeReadError) as caught:
        read_notice(path)
    assert caught.value.path == path, "the error must name the file the user has to fix"
    return caught.value.reason


# --- plain text encodings ---------------------------------------------------------------


def test_utf8_notice_is_read_unchanged(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", NOTICE.encode("utf-8")))
    assert notice.text == NOTICE, "a UTF-8 notice came back altered"
    assert notice.encoding == "utf-8"
    assert not notice.converted and notice.original_text is None


def test_utf8_bom_is_stripped_and_reported(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", codecs.BOM_UTF8 + NOTICE.encode("utf-8")))
    assert notice.text == NOTICE, (
        "the BOM leaked into the text (the title would start with \\ufeff)"
    )
    assert notice.encoding == "utf-8-sig"


def test_utf16_with_bom_and_crlf_becomes_lf_text(tmp_path):
    data = NOTICE.replace("\n", "\r\n").encode("utf-16")  # Python writes the BOM
    notice = read_notice(write(tmp_path, "n.txt", data))
    assert notice.text == NOTICE, "a Windows UTF-16 notice did not read as the same text with \\n"
    assert notice.encoding == "utf-16"


def test_gbk_notice_is_detected_not_assumed(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", NOTICE.encode("gbk")))
    assert notice.text == NOTICE, "a GBK notice was decoded as mojibake"
    assert notice.encoding == "gb18030", "GB codecs must be decoded with their superset gb18030"


def test_short_gbk_line_is_still_recognised_as_chinese(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", "关于巡察整改情况的通报\n".encode("gbk")))
    assert notice.text == "关于巡察整改情况的通报\n", "a short GBK title was decoded as mojibake"


def test_gb18030_keeps_a_character_outside_gbk(tmp_path):
    text = NOTICE + "涉及人员：张㐀、李𠀀。\n"
    with pytest.raises(UnicodeEncodeError):
        "𠀀".encode("gbk")  # the premise: GBK cannot hold this character
    notice = read_notice(write(tmp_path, "n.md", text.encode("gb18030")))
    assert notice.text == text, "a rare name character outside GBK was lost or garbled"
    assert notice.encoding == "gb18030"


def test_gbk_text_after_a_long_ascii_start_is_still_decoded(tmp_path, monkeypatch):
    monkeypatch.setattr(notice_io, "DETECT_SAMPLE_BYTES", 1024)
    text = "Reference: 2024-001\n" * 200 + NOTICE
    notice = read_notice(write(tmp_path, "n.txt", text.encode("gbk")))
    assert notice.text == text, "Chinese text after a long English header was garbled"


def test_lone_cr_line_ends_become_lf(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", NOTICE.replace("\n", "\r").encode("utf-8")))
    assert notice.text == NOTICE, "old Mac line ends were not split into lines"


def test_internal_whitespace_is_kept(tmp_path):
    text = "一、组织整改\n　　1.强化组织  领导，\t健全\n\n机制。\n"
    notice = read_notice(write(tmp_path, "n.txt", text.encode("utf-8")))
    assert notice.text == text, "the reader changed spacing the parser relies on"


# Notice-like characters: simplified Chinese, digits, Latin, full-width punctuation, line ends.
NOTICE_CHARS = st.sampled_from(
    list("关于巡察整改情况的通报已完成一二（）、，。：；“”《》1234567890abXY \t\n\r")
)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(NOTICE_CHARS, min_size=1, max_size=300),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_notice_text_round_trips_with_normalised_line_ends(tmp_path_factory, text, encoding):
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    path = tmp_path_factory.mktemp("roundtrip") / "n.txt"
    path.write_bytes(text.encode(encoding))
    if not expected.strip():
        assert reason_of(path) == "empty file"
        return
    notice = read_notice(path)
    assert notice.text == expected, f"{encoding} text came back changed: {notice.text!r}"
    assert notice.encoding == encoding


@pytest.mark.parametrize("path", REAL_NOTICES, ids=lambda p: p.name)
def test_real_notice_reads_as_its_utf8_text(path):
    expected = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    notice = read_notice(path)
    assert notice.text == expected, f"{path.name} was altered on reading (offsets would drift)"
    assert notice.encoding == "utf-8"
    assert not notice.converted, f"{path.name} is simplified but was converted"


def test_real_notices_are_there():
    assert len(REAL_NOTICES) >= 5, "the bundled notices in data/raw are missing"


# --- other formats ----------------------------------------------------------------------


def test_docx_paragraphs_and_table_cells_are_read_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于巡察整改情况的通报")
    document.add_paragraph("一、组织整改落实情况")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "单位"
    table.cell(0, 1).text = "联系电话"
    table.cell(1, 0).text = "县科协办公室"
    table.cell(1, 1).text = "0377-6626"
    document.add_paragraph("特此通报。")
    path = tmp_path / "n.docx"
    document.save(path)

    notice = read_notice(path)
    assert notice.encoding == "docx"
    assert notice.text == (
        "关于巡察整改情况的通报\n一、组织整改落实情况\n单位\n联系电话\n县科协办公室\n0377-6626\n特此通报。"
    ), "Word paragraphs or the cells of a table that is no 台账 were lost or reordered"


def test_merged_docx_cells_are_read_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "一、政治建设方面"
    table.cell(1, 0).text = "问题1"
    table.cell(1, 1).text = "已完成"
    path = tmp_path / "n.docx"
    document.save(path)
    text = read_notice(path).text
    assert text.count("一、政治建设方面") == 1, "a merged table cell was read twice"


def make_pdf(path: Path, lines: list[str] | None) -> Path:
    """A one-page PDF with ``lines`` as real text (CJK font from mplfonts), or an image only."""
    import matplotlib
    import mplfonts
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    font = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
    with matplotlib.rc_context({"pdf.fonttype": 3}):
        figure = Figure(figsize=(6, 4))
        if lines is None:
            axes = figure.add_subplot()
            axes.imshow(np.random.default_rng(0).random((20, 20)))
            axes.axis("off")
        for i, line in enumerate(lines or []):
            figure.text(0.05, 0.9 - 0.15 * i, line, fontproperties=FontProperties(fname=font))
        figure.savefig(path, format="pdf")
    return path


def test_pdf_text_layer_is_extracted(tmp_path):
    path = make_pdf(tmp_path / "n.pdf", ["Rectification notice 2024", "关于巡察整改情况的通报"])
    notice = read_notice(path)
    assert notice.encoding == "pdf"
    assert "Rectification notice 2024" in notice.text, "the PDF's text layer was not read"
    assert "关于巡察整改情况的通报" in notice.text, "Chinese text in the PDF came out garbled"
    assert "\x0c" not in notice.text, "a page-break character leaked into the text"


def test_scanned_pdf_without_text_says_run_ocr(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", None)
    assert reason_of(path) == NO_TEXT_LAYER, "a scanned PDF must say it needs OCR"


def test_broken_pdf_is_reported_as_not_a_pdf(tmp_path):
    reason = reason_of(write(tmp_path, "n.pdf", "关于巡察".encode()))
    assert "not a valid PDF" in reason, f"unhelpful reason for a text file named .pdf: {reason}"


def test_broken_docx_is_reported_as_not_word(tmp_path):
    reason = reason_of(write(tmp_path, "n.docx", b"not a zip at all"))
    assert "not a valid Word .docx" in reason, f"unhelpful reason for a fake .docx: {reason}"


HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>网站标题</title>
<style>p {{ color: red; }}</style>
<script>var tracker = "统计代码";</script></head>
<body><!-- 导航 -->
<h1>关于巡察整改情况的通报</h1>
<p>根据县委统一部署，县委第三巡察组
   对县科协党组进行了巡察。</p>
<div>一、组织整改落实情况<br>1.强化组织领导。</div>
<table><tr><td>问题</td><td>已完成</td></tr></table>
</body></html>
"""
HTML_TEXT = (
    "关于巡察整改情况的通报\n"
    "根据县委统一部署，县委第三巡察组对县科协党组进行了巡察。\n"
    "一、组织整改落实情况\n1.强化组织领导。\n问题\n已完成"
)


def test_html_keeps_visible_blocks_as_lines_without_script(tmp_path):
    path = write(tmp_path, "n.html", HTML.format(charset="utf-8").encode("utf-8"))
    notice = read_notice(path)
    assert notice.encoding == "html"
    assert "统计代码" not in notice.text and "color" not in notice.text, "script/style text leaked"
    assert notice.text == HTML_TEXT, "web page blocks did not become one line each"


def test_html_declared_gb2312_charset_is_honoured(tmp_path):
    path = write(tmp_path, "n.htm", HTML.format(charset="gb2312").encode("gb18030"))
    assert read_notice(path).text == HTML_TEXT, "a GB2312 web page was decoded as mojibake"


def test_html_without_declaration_is_detected(tmp_path):
    page = HTML.replace('<meta charset="{charset}">', "")
    path = write(tmp_path, "n.html", page.format().encode("gbk"))
    assert read_notice(path).text == HTML_TEXT, "an undeclared GBK web page was garbled"


# --- traditional script -----------------------------------------------------------------


def test_traditional_script_is_converted_and_original_kept(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", TRADITIONAL.encode("utf-8")))
    assert notice.converted, "a traditional-script notice was not converted"
    assert notice.text == SIMPLIFIED, "traditional → simplified conversion is wrong"
    assert notice.original_text == TRADITIONAL, "the original traditional text was not kept"


def test_big5_traditional_notice_is_decoded_and_converted(tmp_path):
    notice = read_notice(write(tmp_path, "n.txt", (TRADITIONAL * 3).encode("big5")))
    assert notice.text == SIMPLIFIED * 3, "a Big5 notice was not decoded and converted"
    assert notice.converted


def test_a_few_traditional_looking_characters_do_not_trigger_conversion(tmp_path):
    text = NOTICE + "整改成效显著，著力解决突出问题。\n"  # 著 is valid simplified too
    notice = read_notice(write(tmp_path, "n.txt", text.encode("utf-8")))
    assert not notice.converted and notice.text == text, "simplified text was rewritten"


# --- unreadable inputs ------------------------------------------------------------------


def test_empty_file_is_reported_as_empty(tmp_path):
    assert reason_of(write(tmp_path, "n.txt", b"")) == "empty file"
    assert reason_of(write(tmp_path, "m.txt", b"\r\n  \n")) == "empty file"


def test_word_document_without_text_says_so(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    assert reason_of(path) == "Word document has no text"


def test_web_page_with_only_scripts_says_it_has_no_text(tmp_path):
    page = b"<html><head><script>var a = 1;</script></head><body>\n</body></html>"
    assert reason_of(write(tmp_path, "n.html", page)) == "web page has no visible text"


def test_binary_junk_is_not_text(tmp_path):
    junk = bytes(range(256)) * 8 + os.urandom(4096)
    assert reason_of(write(tmp_path, "n.txt", junk)) == "not text: looks like binary data"


@pytest.mark.parametrize(
    ("magic", "hint"), [(b"%PDF-1.7\n", "rename it to .pdf"), (b"PK\x03\x04", "rename it to .docx")]
)
def test_renamed_pdf_or_docx_says_what_it_really_is(tmp_path, magic, hint):
    reason = reason_of(write(tmp_path, "n.txt", magic + b"plain ascii after the signature"))
    assert reason.startswith("not text:") and hint in reason, f"unhelpful reason: {reason}"


def test_utf8_with_nul_bytes_is_not_text(tmp_path):
    data = NOTICE.encode("utf-8") + b"\x00\x00" + NOTICE.encode("utf-8")
    assert reason_of(write(tmp_path, "n.txt", data)) == "not text: looks like binary data"


def test_control_character_soup_without_nul_is_not_text(tmp_path):
    junk = bytes(b for b in range(1, 32) if b not in b"\t\n\r\f\v") * 50
    assert reason_of(write(tmp_path, "n.txt", junk)) == "not text: looks like binary data"


def test_unreadable_file_reports_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "n.txt", NOTICE.encode("utf-8"))
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything: emulate the refusal

            def refuse(*args, **kwargs):
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr(notice_io, "open", refuse, raising=False)
        assert reason_of(path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_missing_file_is_reported(tmp_path):
    assert reason_of(tmp_path / "gone.txt") == "file not found"


@pytest.mark.parametrize("name", ["provenance.yml", "notes.xyz", "old.doc", "README"])
def test_unsupported_suffix_is_named(tmp_path, name):
    path = write(tmp_path, name, b"anything")
    reason = reason_of(path)
    assert reason.startswith("unsupported file type"), f"unexpected reason: {reason}"
    suffix = Path(name).suffix
    assert not suffix or f"'{suffix}'" in reason, "the reason must name the file's suffix"


def test_read_error_survives_pickling_to_worker_processes(tmp_path):
    error = NoticeReadError(tmp_path / "n.txt", "empty file")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason) == (error.path, error.reason)
    assert str(copy) == f"{tmp_path / 'n.txt'}: empty file"


# --- listing inputs ---------------------------------------------------------------------


def test_folder_expands_to_sorted_visible_files(tmp_path):
    for name in ["b.txt", "a.pdf", ".hidden.txt", "~$lock.docx", "provenance.yml"]:
        write(tmp_path, name, b"x")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", b"x")
    scan = scan_inputs(tmp_path)
    found = [p.name for p in scan.files]
    assert found == ["a.pdf", "b.txt"], f"unexpected inputs: {found}"
    assert [Path(i["path"]).name for i in scan.ignored] == ["provenance.yml"]
    assert scan.skipped == [], "hidden files, lock files and sub-folders are not inputs"


def test_files_and_folders_mix_without_duplicates(tmp_path):
    one = write(tmp_path, "z.txt", b"x")
    folder = tmp_path / "more"
    folder.mkdir()
    two = write(folder, "a.txt", b"x")
    assert scan_inputs([str(one), folder, two]).files == sorted([one, two])
    assert scan_inputs(one).files == [one]


def test_missing_input_path_is_skipped_and_the_rest_still_listed(tmp_path):
    good = write(tmp_path, "good.txt", b"x")
    scan = scan_inputs([tmp_path, tmp_path / "typo.txt"])
    assert scan.files == [good], "one mistyped path must not empty the whole input list"
    assert scan.skipped == [dict(path=str(tmp_path / "typo.txt"), reason="no such file or folder")]


@pytest.mark.parametrize("name", ["provenance.yml", "README", "README.md", "readme.txt", "LICENSE"])
def test_files_that_belong_beside_notices_are_recognised(tmp_path, name):
    write(tmp_path, name, b"x")
    scan = scan_inputs(tmp_path)
    assert not scan.files and not scan.skipped, f"{name} is taken for a would-be notice"
    assert "belongs beside the notices" in scan.ignored[0]["reason"]


def test_a_notice_named_like_a_readme_is_still_a_notice(tmp_path):
    write(tmp_path, "readme-关于巡察整改的通报.txt", b"x")
    assert len(scan_inputs(tmp_path).files) == 1


def test_real_folder_lists_notices_and_recognises_provenance():
    scan = scan_inputs(RAW)
    assert len(scan.files) == len(REAL_NOTICES) and not scan.skipped
    assert [Path(i["path"]).name for i in scan.ignored] == ["provenance.yml"]
    assert all(p.suffix in SUPPORTED_SUFFIXES for p in scan.files)


# --- large inputs -----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_fifty_megabyte_notice_is_read_whole(tmp_path, encoding):
    """A 50 MB file decodes whole, line endings normalised (its speed: bench_limits.py)."""
    block = NOTICE.replace("\n", "\r\n").encode(encoding)
    path = write(tmp_path, "big.txt", block * (50_000_000 // len(block) + 1))
    notice = read_notice(path)
    assert notice.encoding == encoding
    assert notice.text.startswith(NOTICE) and "\r" not in notice.text
    assert len(notice.text) == len(path.read_bytes().decode(encoding).replace("\r\n", "\n"))


def _luozhuang_in_traditional_script() -> tuple[str, str]:
    from opencc_purepy import OpenCC

    simplified = (RAW / "luozhuang-2022.txt").read_text(encoding="utf-8")
    return simplified, OpenCC("s2t").convert(simplified)


def test_big5_notice_keeps_its_circled_measure_numbers(tmp_path):
    from rectify_utils import load_corpus

    _, traditional = _luozhuang_in_traditional_script()
    assert "①" in traditional
    path = tmp_path / "luozhuang-big5.txt"
    path.write_bytes(traditional.encode("cp950"))
    notice = read_notice(path)
    assert notice.encoding == "cp950", "Big5 text without HKSCS characters is plain Big5/CP950"
    assert "①" in notice.text, "Big5-HKSCS decoding turns ①–⑩ into katakana"
    big5 = load_corpus(path).notices.iloc[0]
    original = load_corpus(RAW / "luozhuang-2022.txt").notices.iloc[0]
    assert big5["n_measures"] == original["n_measures"] == 47, (
        f"the Big5 copy has {big5['n_measures']} measures, the original {original['n_measures']}"
    )


def test_big5_with_hkscs_only_characters_is_decoded_as_hkscs(tmp_path):
    text = TRADITIONAL + "整改措施：走訪居民，聽取「佢哋嘅意見」。\n"
    path = tmp_path / "hk.txt"
    path.write_bytes(text.encode("big5hkscs"))
    notice = read_notice(path)
    assert notice.encoding == "big5hkscs"
    assert "嘅" in notice.original_text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_in_its_byte_order(tmp_path, encoding):
    simplified = (RAW / "luozhuang-2022.txt").read_text(encoding="utf-8")
    path = tmp_path / "no-bom.txt"
    path.write_bytes(simplified.encode(encoding))
    notice = read_notice(path)
    assert notice.encoding == encoding
    assert notice.text == simplified.replace("\r\n", "\n")


def test_binary_with_nul_bytes_is_still_not_text_after_the_utf16_check(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(NoticeReadError, match="not text"):
        read_notice(path)


def test_check_shows_the_encoding_and_the_script_conversion(tmp_path):
    import subprocess
    import sys

    _, traditional = _luozhuang_in_traditional_script()
    path = tmp_path / "luozhuang-big5.txt"
    path.write_bytes(traditional.encode("cp950"))
    args = [sys.executable, "-m", "rectify_utils.cli", "check", str(path)]
    proc = subprocess.run(args, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "read as: cp950; converted from traditional to simplified script" in proc.stdout

"""`rectify report`: notebooks become self-contained HTML reports, rebuilt only when needed."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

import rectify_utils
from rectify_utils.config import RESOURCES
from rectify_utils.report import build as report
from rectify_utils.report import config as report_config
from rectify_utils.report import html as report_html
from rectify_utils.report import inputs as report_inputs
from rectify_utils.report.config import ConfigError
from rectify_utils.report.html import remote_references

ORIGINAL_CODE_HASH = report_inputs.InputHasher.code
RAW = Path(__file__).resolve().parents[2] / "data" / "raw"

PARAMETERS_CELL = """\
data_dir = None
associations = None
taxonomy_path = None
top_n = 10
figures_dir = None
association = None
"""

GOOD_CELLS = [
    "import sys\nprint('kernel python:', sys.executable)",
    "import matplotlib.pyplot as plt\n"
    "from rectify_utils.viz.font import setup_cjk_font\n"
    "setup_cjk_font()\n"
    "fig, ax = plt.subplots(figsize=(4, 3))\n"
    "ax.bar(['新野县科协', '东营市科协'], [top_n, 2])\n"
    "ax.set_title('整改完成情况')\n"
    "plt.show()",
    "import pandas as pd\n"
    "pd.DataFrame({'problem': ['<script>alert(1)</script>'], 'top_n': [top_n]})",
    "print(f'association={association}')",
]
BAD_CELLS = ["raise ValueError('整改数据不一致: boom')"]
SECRET_CODE = "print('kernel python:'"  # source text that must not appear in the HTML


def write_notebook(path: Path, cells: list[str], *, kernelspec: bool = True) -> Path:
    """A notebook like the project's: kernelspec rectify-workbook, a tagged parameters cell."""
    nb = nbformat.v4.new_notebook()
    if kernelspec:
        nb.metadata["kernelspec"] = {
            "name": "rectify-workbook",
            "display_name": "Python (rectify-workbook)",
            "language": "python",
        }
    params = nbformat.v4.new_code_cell(PARAMETERS_CELL)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# 测试报告"), params]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in cells]
    nbformat.write(nb, str(path))
    return path


def write_config(folder: Path, reports: list[dict]) -> Path:
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / "notice.txt").write_text("关于巡察整改进展情况的通报", encoding="utf-8")
    config = {"defaults": {"data_dir": "data", "top_n": 3}, "reports": reports}
    path = folder / "reports.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def cli_args(config: Path, out: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    report.add_arguments(parser)
    return parser.parse_args(["--config", str(config), "--out", str(out), *extra])


@pytest.fixture(scope="module", autouse=True)
def frozen_code_hash():
    """Other people edit rectify_utils while these tests run: pin the code hash so that only
    the inputs a test changes decide what is rebuilt (code changes: see the test below)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report_inputs.InputHasher, "code", lambda self: "pinned-code-hash")
        yield


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report_project")
    write_notebook(folder / "good.ipynb", GOOD_CELLS)
    write_notebook(folder / "bad.ipynb", BAD_CELLS, kernelspec=False)  # metadata is optional
    config = write_config(
        folder,
        [
            {"name": "good", "notebook": "good.ipynb", "title": "概览 <b>加粗</b> & <i>斜体</i>"},
            {"name": "bad", "notebook": "bad.ipynb", "title": "会失败的报告"},
        ],
    )
    return folder, config


@pytest.fixture(scope="module")
def built(project):
    folder, config = project
    out = folder / "reports"
    start = time.perf_counter()
    exit_code = report.run_cli(cli_args(config, out))
    cold = time.perf_counter() - start
    frame = pd.DataFrame(json.loads((out / ".build-manifest.json").read_text())["reports"]).T
    return out, exit_code, frame, cold


def html(out: Path, name: str) -> str:
    return (out / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_exit_status_is_nonzero_when_one_report_failed(built):
    _, exit_code, frame, _ = built
    assert exit_code == 1, "a failing notebook must make `rectify report` fail"
    assert frame.loc["good", "outcome"] == "ok"
    assert frame.loc["bad", "outcome"] == "failed"


@pytest.mark.slow
def test_report_html_shows_outputs_but_no_code(built):
    out = built[0]
    page = html(out, "good")
    assert "kernel python:" in page, "the cell's printed output is missing"
    assert SECRET_CODE not in page and "setup_cjk_font()" not in page, "input code leaked"
    assert 'class="jp-InputPrompt' not in page and "In&nbsp;[" not in page, (
        "input prompts are shown"
    )
    assert (out / "good.ipynb").is_file(), "the executed notebook is not kept beside the HTML"


@pytest.mark.slow
def test_figure_is_embedded_as_a_data_uri(built):
    page = html(built[0], "good")
    assert re.search(r'<img[^>]+src="data:image/png;base64,', page), "figure not embedded"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["good", "bad", "index"])
def test_pages_fetch_no_script_style_or_font_from_the_network(built, name):
    page = html(built[0], name)
    assert remote_references(page) == [], "the page would load something from the internet"
    assert not re.search(r"<script[^>]*\bsrc=", page), "external script"
    assert not re.search(r"<link[^>]*\bhref=[\"']?(https?:)?//", page), "external stylesheet"
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page, "CDN reference left in the page"


@pytest.mark.slow
def test_failed_notebook_is_rendered_with_its_error(built):
    out, _, frame, _ = built
    page = html(out, "bad")
    assert "ValueError" in page and "整改数据不一致" in page, "the traceback is not visible"
    assert "ValueError" in frame.loc["bad", "error"]


@pytest.mark.slow
def test_kernel_runs_the_current_environment_without_glyph_warnings(built):
    out, _, frame, _ = built
    executed = (out / "good.ipynb").read_text(encoding="utf-8")
    assert f"kernel python: {sys.executable}" in executed, "notebook ran in another Python"
    assert "missing from font" not in executed, "Chinese labels would render as boxes"
    assert not frame.loc["good", "warnings"]


@pytest.mark.slow
def test_notice_text_in_a_dataframe_is_escaped(built):
    page = html(built[0], "good")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page, "notice text would run as a script"


@pytest.mark.slow
def test_index_lists_each_report_with_status_links_and_escaped_title(built):
    index = html(built[0], "index")
    assert "概览 &lt;b&gt;加粗&lt;/b&gt; &amp; &lt;i&gt;斜体&lt;/i&gt;" in index
    assert "<b>加粗</b>" not in index, "a title's markup was not escaped"
    assert re.search(r'id="report-good".*?status-ok">成功<', index, re.S)
    assert re.search(r'id="report-bad".*?status-failed">失败<', index, re.S)
    for target in ("good.html", "good.ipynb", "bad.html", "bad.ipynb"):
        assert f'href="{target}"' in index, f"index does not link {target}"
    assert "top_n" in index and "data_dir" in index, "parameters are not listed"


@pytest.mark.slow
def _no_worker_expected(pending, *args, **kwargs):
    if pending:
        raise AssertionError(f"a no-change build started workers for {len(pending)} reports")


def test_unchanged_rebuild_skips_without_a_kernel_and_an_override_rebuilds(
    project, built, monkeypatch
):
    _, config = project
    out = built[0]
    with monkeypatch.context() as patch:
        patch.setattr(report, "_run_pending", _no_worker_expected)
        again = report.build_reports(config=config, out_dir=out, only=["good"], echo=None)
    assert list(again["status"]) == ["skipped-up-to-date"]
    assert list(again["outcome"]) == ["ok"], "skipped reports keep their outcome"
    again = report.build_reports(config=config, out_dir=out, echo=None)
    assert list(again["status"]) == ["skipped-up-to-date", "failed"], (
        "a failed report must be retried by the next build, never left 'up to date'"
    )
    assert report.run_cli(cli_args(config, out)) == 1, "a failed report still fails the build"

    changed = report.build_reports(
        config=config, out_dir=out, overrides=[("top_n", "7")], echo=None
    )
    assert list(changed["status"]) == ["ok", "failed"], "a parameter override must rebuild"
    assert changed.loc[changed["name"] == "good", "parameters"].item()["top_n"] == 7
    assert "7" in html(out, "good")


@pytest.mark.slow
def test_only_and_force_rebuild_just_the_named_report(project, built):
    _, config = project
    frame = report.build_reports(
        config=config, out_dir=built[0], only=["good"], force=True, echo=None
    )
    assert list(frame["name"]) == ["good"] and list(frame["status"]) == ["ok"]
    index = html(built[0], "index")
    assert 'id="report-bad"' in index, "reports not rebuilt must stay in the index"


def test_missing_notebook_is_a_failed_report_with_a_clear_message(tmp_path):
    config = write_config(tmp_path, [{"name": "later", "notebook": "notebooks/later.ipynb"}])
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)
    row = frame.iloc[0]
    assert row["status"] == "failed"
    assert "notebooks/later.ipynb does not exist" in row["error"]
    assert "does not exist" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


class FakeCorpus:
    """Notices n0, n1, … of these associations; ``problems[i]`` problems in notice i (1 each)."""

    def __init__(self, associations: list[str | None], problems: list[int] | None = None):
        ids = [f"n{i}" for i in range(len(associations))]
        self.notices = pd.DataFrame({"notice_id": ids, "association": associations})
        counts = problems or [1] * len(ids)
        self.problems = pd.DataFrame(
            {"notice_id": [i for i, n in zip(ids, counts) for _ in range(n)]}
        )


def test_per_association_report_expands_once_per_association_and_caches_the_list(
    tmp_path, monkeypatch
):
    calls = []

    def fake_load_corpus(data_dir):
        calls.append(data_dir)
        return FakeCorpus(["新野县科协", "东营市科协", "新野县科协", None])

    monkeypatch.setattr(rectify_utils, "load_corpus", fake_load_corpus, raising=False)
    config = write_config(
        tmp_path,
        [
            {
                "name": "profile",
                "notebook": "missing.ipynb",
                "title": "画像：{association} <x>",
                "per_association": True,
            }
        ],
    )
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)
    assert list(frame["name"]) == ["profile_东营市科协", "profile_新野县科协"]
    assert list(frame["title"]) == ["画像：东营市科协 <x>", "画像：新野县科协 <x>"]
    assert [p["association"] for p in frame["parameters"]] == ["东营市科协", "新野县科协"]
    assert len(calls) == 1

    again = report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)
    assert len(again) == 2 and len(calls) == 1, "an unchanged corpus must not be parsed again"
    assert "画像：东营市科协 &lt;x&gt;" in (tmp_path / "out" / "index.html").read_text("utf-8")

    only = report.build_reports(
        config=config,
        out_dir=tmp_path / "out",
        overrides={"associations": ["新野县科协"]},
        echo=None,
    )
    assert list(only["name"]) == ["profile_新野县科协"], "associations restricts the expansion"

    none = report.build_reports(
        config=config, out_dir=tmp_path / "out", overrides={"associations": ["不存在"]}, echo=None
    )
    assert list(none["status"]) == ["failed"] and "不存在" in none.iloc[0]["error"]


def test_a_build_parses_its_corpus_once_for_the_associations_and_the_source_views(
    tmp_path, monkeypatch
):
    from rectify_utils.parse.corpus import load_corpus

    data = tmp_path / "notices"
    data.mkdir()
    for name in ("dongying-2024.txt", "xinye-2024.txt"):
        (data / name).write_bytes((RAW / name).read_bytes())
    calls = []

    def counted(data_dir):
        calls.append(Path(data_dir).resolve())
        return load_corpus(data_dir)

    monkeypatch.setattr(rectify_utils, "load_corpus", counted, raising=False)
    notebook = write_notebook(tmp_path / "p.ipynb", ["print(association)"])
    config = write_config(
        tmp_path,
        [{"name": "p", "notebook": notebook.name, "title": "t", "per_association": True}],
    )
    out = tmp_path / "out"
    frame = report.build_reports(config, {"data_dir": str(data)}, out_dir=out, echo=None)
    assert list(frame["status"]) == ["ok", "ok"]
    assert sorted(p.name for p in (out / "notices").glob("*.html")) == [
        "dongying-2024.html",
        "xinye-2024.html",
    ], "the source views are written"
    assert calls == [data.resolve()], "one parse for the associations and the source views"


PROFILE_ENTRY = {"name": "profile", "notebook": "missing.ipynb", "title": "画像：{association}"}


def profile_corpus(monkeypatch) -> None:
    """Four associations: 东营 7 problems (two notices), 罗庄 5, 新野 5, 临沂 1."""
    corpus = FakeCorpus(["东营市科协", "新野县科协", "罗庄区科协", "东营市科协", "临沂市科协"],
                        [3, 5, 5, 4, 1])  # fmt: skip
    monkeypatch.setattr(rectify_utils, "load_corpus", lambda data_dir: corpus, raising=False)


def test_max_associations_builds_the_largest_and_the_index_names_the_rest(tmp_path, monkeypatch):
    profile_corpus(monkeypatch)
    entry = {**PROFILE_ENTRY, "per_association": True, "max_associations": 2}
    config = write_config(tmp_path, [entry])
    lines: list[str] = []
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", echo=lines.append)
    assert list(frame["name"]) == ["profile_东营市科协", "profile_新野县科协"], (
        "max_associations: 2 must keep the two with the most problems, a tie going by name"
    )
    assert any("2 of 4 associations not built" in line for line in lines), lines
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "另有 2 份按单位的报告因数量上限未生成" in index, (
        "the index must say profiles are missing"
    )
    assert "max_associations = 2：只生成问题最多的 2 个单位（共 4 个" in index
    assert "罗庄区科协（5 个问题）" in index and "临沂市科协（1 个问题）" in index, (
        "each association left out must be named with its problems"
    )


def test_max_profiles_wins_over_the_config_and_no_limit_builds_every_association(
    tmp_path, monkeypatch
):
    profile_corpus(monkeypatch)
    entry = {**PROFILE_ENTRY, "per_association": True, "max_associations": 1}
    config = write_config(tmp_path, [entry])
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", max_profiles=3, echo=None)
    assert list(frame["name"]) == ["profile_东营市科协", "profile_新野县科协", "profile_罗庄区科协"]
    assert "--max-profiles = 3" in (tmp_path / "out" / "index.html").read_text("utf-8")

    config = write_config(tmp_path, [{**PROFILE_ENTRY, "per_association": True}])
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)
    assert len(frame) == 4, "without a limit every association gets its report"
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "未生成的报告" not in index and "数量上限" not in index


def test_max_profiles_on_the_command_line_limits_the_build(tmp_path, monkeypatch, capsys):
    profile_corpus(monkeypatch)
    config = write_config(tmp_path, [{**PROFILE_ENTRY, "per_association": True}])
    assert report.run_cli(cli_args(config, tmp_path / "out", "--max-profiles", "1")) == 1
    out = capsys.readouterr().out
    assert "3 of 4 associations not built (--max-profiles 1" in out, out
    assert "1 report(s)" in out, "one profile (of the largest association) must be built"


@pytest.mark.parametrize("value", [-1, "five", 2.5, True])
def test_a_limit_that_is_not_a_whole_number_is_a_config_error(tmp_path, value):
    entry = {**PROFILE_ENTRY, "per_association": True, "max_associations": value}
    config = write_config(tmp_path, [entry])
    with pytest.raises(ConfigError, match="max_associations must be a whole number"):
        report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)


def test_corpus_associations_counts_problems_of_every_notice_of_an_association(monkeypatch):
    profile_corpus(monkeypatch)
    sizes = report_config.corpus_associations("data")
    assert sizes == {"东营市科协": 7, "临沂市科协": 1, "新野县科协": 5, "罗庄区科协": 5}
    assert list(sizes) == sorted(sizes), "associations are listed by name"


def test_unlistable_associations_make_one_failed_report(tmp_path, monkeypatch):
    def broken(data_dir, load=None):
        raise RuntimeError("parser not ready")

    monkeypatch.setattr(report_config, "corpus_associations", broken)
    config = write_config(
        tmp_path,
        [{"name": "profile", "notebook": "p.ipynb", "title": "t", "per_association": True}],
    )
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)
    assert list(frame["name"]) == ["profile"] and frame.iloc[0]["status"] == "failed"
    assert "parser not ready" in frame.iloc[0]["error"]


def test_parameter_overrides_are_yaml_and_paths_become_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parsed = report_config.parse_overrides(
        [("top_n", "5"), ("associations", "[新野县科协]"), ("x", "null"), ("data_dir", "d")]
    )
    assert parsed == {"top_n": 5, "associations": ["新野县科协"], "x": None, "data_dir": "d"}
    config = write_config(tmp_path, [{"name": "a", "notebook": "a.ipynb"}])
    (entry,) = report_config.load_entries(config, parsed)
    assert entry.parameters["data_dir"] == str(tmp_path / "d")
    assert entry.parameters["top_n"] == 5


def test_unusable_config_is_reported_not_raised_by_the_cli(tmp_path, capsys):
    bad = tmp_path / "reports.yml"
    bad.write_text("reports: [{title: no name}]", encoding="utf-8")
    with pytest.raises(ConfigError):
        report.build_reports(config=bad, out_dir=tmp_path / "out", echo=None)
    assert report.run_cli(cli_args(bad, tmp_path / "out")) == 2
    assert "needs at least 'name' and 'notebook'" in capsys.readouterr().err


def test_only_with_an_unknown_name_names_the_known_reports(tmp_path):
    config = write_config(tmp_path, [{"name": "a", "notebook": "a.ipynb"}])
    with pytest.raises(ConfigError, match="known: a"):
        report.build_reports(config=config, out_dir=tmp_path / "out", only=["b"], echo=None)


def test_project_config_lists_the_planned_notebooks():
    root = Path(__file__).resolve().parents[2]
    entries = report_config.load_entries(root / "reports.yml")
    notebooks = {e.notebook.relative_to(root).as_posix() for e in entries}
    assert "notebooks/01_corpus_overview.ipynb" in notebooks
    profile = next(e for e in entries if e.per_association)
    assert profile.notebook.name == "association_profile.ipynb"
    for key in ("data_dir", "associations", "taxonomy_path", "top_n"):
        assert key in profile.parameters, f"reports.yml does not pass {key}"
    assert profile.max_associations is None, "the bundled build must profile every association"


def test_a_change_to_data_notebook_or_package_code_invalidates_a_report(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    (package / "resources" / "templates").mkdir(parents=True)
    (package / "mod.py").write_text("x = 1", encoding="utf-8")
    (package / "resources" / "taxonomy.yml").write_text("a: 1", encoding="utf-8")
    (package / "resources" / "templates" / "page.html.j2").write_text("<p>", encoding="utf-8")
    monkeypatch.setattr(report_inputs, "PACKAGE_DIR", package)
    monkeypatch.setattr(report_inputs.InputHasher, "code", ORIGINAL_CODE_HASH)
    config = write_config(tmp_path, [{"name": "a", "notebook": "a.ipynb"}])
    write_notebook(tmp_path / "a.ipynb", [])
    (spec,) = report_config.expand(report_config.load_entries(config), lambda d: [])

    def digest() -> str:
        return report_inputs.InputHasher().report(spec)

    before = digest()
    assert digest() == before, "hashing is not deterministic"
    for path, text in [
        (tmp_path / "data" / "notice.txt", "新的通报"),
        (package / "mod.py", "x = 2"),
        (package / "resources" / "taxonomy.yml", "a: 2"),
        (package / "resources" / "templates" / "page.html.j2", "<p>{{ x }}"),
        (tmp_path / "a.ipynb", "{}"),
    ]:
        path.write_text(text, encoding="utf-8")
        after = digest()
        assert after != before, f"editing {path.name} would not rebuild the report"
        before = after
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"x")
    assert digest() == before, "byte-code caches must not trigger rebuilds"


def test_page_templates_are_package_files_and_a_template_folder_can_replace_them(tmp_path):
    shipped = report_html.TEMPLATES_DIR
    assert shipped == RESOURCES / "templates", (
        "the report templates must live with the other package resources, which the build hashes"
    )
    for name in (report_html.NOTEBOOK_TEMPLATE, report_html.INDEX_TEMPLATE):
        assert (shipped / name).is_file(), f"{name} is not shipped: every report would fail"
    (tmp_path / report_html.INDEX_TEMPLATE).write_text(
        "<h1>{{ heading }}</h1>{% for r in reports %}<p>{{ r.title }}</p>{% endfor %}",
        encoding="utf-8",
    )
    row = {"name": "a", "title": "<b>整改</b>", "notebook": "a.ipynb", "parameters": {}}
    page = report_html.render_index(
        [row], out_dir=tmp_path, generated="now", templates_dir=tmp_path
    )
    assert page == "<h1>巡察整改进展情况报告</h1><p>&lt;b&gt;整改&lt;/b&gt;</p>", (
        "a template folder given by path is not used, or its output is not escaped"
    )


def test_a_kernel_that_dies_on_start_is_retried_once(tmp_path, monkeypatch):
    import papermill
    from nbclient.exceptions import DeadKernelError

    from rectify_utils.report import execute as report_execute

    calls = []

    def flaky(*args, **kwargs):
        calls.append(kwargs["kernel_name"])
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    monkeypatch.setattr(report_execute.time, "sleep", lambda s: None)
    job = report_execute.Job(
        name="a",
        notebook=str(write_notebook(tmp_path / "a.ipynb", [])),
        title="a",
        parameters={"figures_dir": str(tmp_path / "fig")},
        out_dir=str(tmp_path),
        timeout=10,
    )
    assert report_execute._execute(job, tmp_path / "a.out.ipynb") is None
    assert calls == ["python3", "python3"], "a kernel start failure must be retried once"
    assert (tmp_path / "fig").is_dir(), "figures_dir must exist before the notebook runs"

    def dead(*args, **kwargs):
        calls.append(kwargs["kernel_name"])
        raise RuntimeError("Kernel died before replying to kernel_info")

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", dead)
    with pytest.raises(RuntimeError):
        report_execute._execute(job, tmp_path / "a.out.ipynb")
    assert len(calls) == 2, "a kernel that keeps dying is retried once, not forever"

    def crashes_in_a_cell(*args, **kwargs):
        calls.append(kwargs["kernel_name"])
        raise DeadKernelError("Kernel died")

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", crashes_in_a_cell)
    with pytest.raises(DeadKernelError):
        report_execute._execute(job, tmp_path / "a.out.ipynb")
    assert len(calls) == 1, "a notebook that kills its kernel is not run twice"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["good", "index"])
def test_pages_carry_their_own_chinese_font(built, name):
    page = html(built[0], name)
    assert re.search(
        r'@font-face \{ font-family: "Rectify CJK"; src: url\(data:font/woff;', page
    ), "without an embedded font, readers lacking a CJK font see boxes"
    assert len(page) < 2_000_000, "the embedded font must be a subset, not the 16 MB font"


def test_font_subset_holds_exactly_the_page_characters():
    from fontTools.ttLib import TTFont

    from rectify_utils.report.font import embed_font, page_characters, subset_font_woff

    page = "<html><head></head><body><p>整改 done &lt;完成&gt;</p><img src='data:x'></body></html>"
    assert page_characters(page) == "".join(sorted("整改完成"))
    font = TTFont(io.BytesIO(subset_font_woff("完成整改")))
    assert {ord(c) for c in "完成整改"} <= set(font.getBestCmap())
    assert len(font.getBestCmap()) < 10, "the subset carries characters the page does not use"
    assert embed_font("<html><head></head><body>ascii only</body></html>").count("@font-face") == 0
    assert embed_font(page).index("@font-face") < embed_font(page).index("</head>")


@pytest.mark.slow
def test_a_notebook_that_kills_its_kernel_keeps_its_output_and_is_retried_next_build(tmp_path):
    write_notebook(
        tmp_path / "crash.ipynb", ["print('before the crash')", "import os; os._exit(1)"]
    )
    config = write_config(tmp_path, [{"name": "crash", "notebook": "crash.ipynb"}])
    frame = report.build_reports(config=config, out_dir=tmp_path / "out", echo=None)
    row = frame.iloc[0]
    assert row["status"] == "failed" and "DeadKernelError" in row["error"]
    assert "before the crash" in html(tmp_path / "out", "crash"), "output before the crash lost"
    manifest = json.loads((tmp_path / "out" / ".build-manifest.json").read_text())
    assert manifest["reports"]["crash"]["notebook_error"] is False, (
        "a dead kernel may be bad luck: the next build must try again, not skip it"
    )

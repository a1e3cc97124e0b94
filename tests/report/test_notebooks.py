"""The analysis notebooks: committed clean, and each runs under papermill on the bundled notices.

Executes like the report build (``rectify_utils/report/execute.py``): cwd ``notebooks/``, kernel
``python3`` (the current environment; the ``rectify-workbook`` kernel is only registered by
``make lab``), output into a temporary folder so ``notebooks/`` is never touched.

Their structure follows the project's style: the parameters cell, one set-up call, then sections
of one call into the package, one figure or table and one printed sentence of
``analysis.findings``; no functions, no outputs committed.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
DATA_DIR = ROOT / "data" / "raw"
NOTEBOOKS = [
    "01_corpus_overview",
    "02_issue_categories",
    "03_completion_rates",
    "04_recurring_themes",
    "association_profile",
]
KERNELSPEC = {
    "name": "rectify-workbook",
    "display_name": "Python (rectify-workbook)",
    "language": "python",
}
GLYPH_WARNING = re.compile(r"Glyph \d+.*missing|missing glyph", re.IGNORECASE)
KERNEL_NAME = "python3"
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(str(NOTEBOOKS_DIR / f"{name}.ipynb"), as_version=4)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_is_clean_and_parameterised(name: str) -> None:
    nb = read(name)
    nbformat.validate(nb)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{name}: papermill needs exactly one cell tagged 'parameters'"
    assert tagged[0].cell_type == "code"
    assert "data_dir" in tagged[0].source, f"{name}: data_dir is not a parameter"
    dirty = [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]
    assert not dirty, f"{name}: cells {dirty} were committed with outputs or execution counts"
    assert dict(nb.metadata.get("kernelspec", {})) == KERNELSPEC, (
        f"{name}: kernelspec is not the project's rectify-workbook kernel"
    )


def test_profile_notebook_takes_an_association() -> None:
    params = next(
        c for c in read("association_profile").cells if "parameters" in c.metadata.get("tags", [])
    )
    assert re.search(r"^association\s*=\s*None", params.source, re.M), (
        "the build passes `association` to the per-association profile; default must be None"
    )


def _code_cells(name: str) -> list[nbformat.NotebookNode]:
    return [c for c in read(name).cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_defines_no_function_and_commits_no_output(name: str) -> None:
    for i, cell in enumerate(_code_cells(name)):
        tree = ast.parse(cell.source)
        defined = [
            getattr(n, "name", "lambda")
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
        ]
        assert not defined and not re.search(r"^\s*def ", cell.source, re.M), (
            f"{name}: code cell {i} defines {defined}; a notebook's logic belongs in rectify_utils, "
            "where it is tested"
        )
        assert not cell.outputs and cell.execution_count is None, (
            f"{name}: code cell {i} was committed with outputs; clear them before committing"
        )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_opens_with_its_parameters_then_one_setup_call(name: str) -> None:
    cells = _code_cells(name)
    assert "parameters" in cells[0].metadata.get("tags", []), (
        f"{name}: the first code cell must be the parameters cell"
    )
    setup_calls = re.findall(r"\b(?:notebook|profile)_setup\(", "\n".join(c.source for c in cells))
    assert len(setup_calls) == 1 and setup_calls == re.findall(
        r"\b(?:notebook|profile)_setup\(", cells[1].source
    ), f"{name}: the cell after the parameters makes the one set-up call, and no other cell does"
    assert "load_corpus" not in json.dumps([c.source for c in cells]), (
        f"{name}: loads the corpus itself instead of through notebook_setup"
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_section_prints_one_sentence_from_findings(name: str) -> None:
    for i, cell in enumerate(_code_cells(name)[1:], start=1):
        printed = re.findall(r"^print\((.*)\)$", cell.source, re.M)
        assert len(printed) == 1 and printed[0].startswith("findings."), (
            f"{name}: code cell {i} should print exactly one finding (print(findings.…)), "
            f"prints {printed}"
        )
        assert 'f"' not in cell.source and "f'" not in cell.source, (
            f"{name}: code cell {i} composes text in an f-string; sentences come from findings"
        )


@pytest.mark.parametrize(
    ("name", "parameter"),
    [
        ("01_corpus_overview", "limit_days"),
        ("association_profile", "limit_days"),
        ("04_recurring_themes", "similarity_threshold"),
    ],
)
def test_notebook_leaves_package_defaults_to_the_package(name: str, parameter: str) -> None:
    params = _code_cells(name)[0].source
    assert re.search(rf"^{parameter}\s*=\s*None\b", params, re.M), (
        f"{name}: {parameter} copies the package default; set it to None so the package decides"
    )


def _last_association() -> str:
    from rectify_utils import load_corpus

    return str(load_corpus(DATA_DIR).notices["association"].dropna().iloc[-1])


def _outputs_text(nb: nbformat.NotebookNode) -> str:
    """Stream outputs (stdout/stderr), errors and plain-text results of every cell."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type == "error":
                parts.append("\n".join(out.traceback))
            else:
                data = out.get("data", {})
                parts.append(str(data.get("text/markdown") or data.get("text/plain", "")))
    return "\n".join(parts)


def _execute(name: str, tmp_path: Path, **parameters) -> nbformat.NotebookNode:
    import papermill as pm

    figures = tmp_path / "figures"
    output = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(
        str(NOTEBOOKS_DIR / f"{name}.ipynb"),
        str(output),
        parameters={"figures_dir": str(figures), **parameters},
        kernel_name=KERNEL_NAME,
        cwd=str(NOTEBOOKS_DIR),
        progress_bar=False,
        execution_timeout=300,
    )
    return nbformat.read(str(output), as_version=4)


CASES = [(name, {}) for name in NOTEBOOKS] + [
    ("association_profile", {"association": "last"}),
    ("01_corpus_overview", {"data_dir": str(DATA_DIR)}),  # absolute path, as the build passes
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "parameters"),
    CASES,
    ids=[f"{n}-{'-'.join(p) or 'defaults'}" for n, p in CASES],
)
def test_notebook_executes_on_bundled_notices(
    name: str, parameters: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPLBACKEND", INLINE_BACKEND)  # as the report build's kernels
    if parameters.get("association") == "last":
        parameters = {**parameters, "association": _last_association()}
    nb = _execute(name, tmp_path, **parameters)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"{name} {parameters}: a cell failed: {errors[0].ename}: {errors[0].evalue}"
    text = _outputs_text(nb)
    glyphs = GLYPH_WARNING.findall(text)
    assert not glyphs, f"{name}: Chinese text would render as boxes: {glyphs[:3]}"
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, f"{name}: no figure was displayed"
    saved = sorted((tmp_path / "figures").glob("*.png"))
    assert saved, f"{name}: figures_dir was set but no figure was saved there"
    if name == "association_profile":
        from rectify_utils import load_corpus

        expected = parameters.get("association") or load_corpus(DATA_DIR).associations[0]
        assert f"association: {expected}" in text, (
            f"the profile does not show {expected}; with association={parameters.get('association')!r} "
            "it should profile that association (None: the first one found)"
        )


#: a second, later notice of 新野县科协, written for the test (other problems, other dates)
XINYE_2025 = """中共新野县科学技术协会党组关于巡察整改进展情况的通报
根据县委统一部署，2025年3月3日至4月18日，县委第二巡察组对县科协党组开展了常规巡察。2025年5月20日，巡察组向县科协党组反馈了巡察意见。现将整改进展情况予以公布。
一、关于落实意识形态工作责任制方面
1.意识形态阵地管理不严格。
整改情况：已完成。修订《县科协网站和公众号信息发布审核办法》，实行三审三校。
2.科普宣传内容更新不及时。
整改情况：正在推进。每周更新科普栏目，组建科普信息员队伍。
二、关于基层组织建设方面
3.乡镇科协组织活动不经常。
整改情况：持续推进。制定乡镇科协年度活动计划，每季度开展一次学术交流活动。
中共新野县科学技术协会党组
2025年8月15日
"""


@pytest.fixture(scope="module")
def two_notices_of_one_association(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled notices plus a second, later notice of 新野县科协."""
    folder = tmp_path_factory.mktemp("notices")
    for path in DATA_DIR.glob("*.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "xinye-2025.txt").write_text(XINYE_2025, encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_handles_an_association_with_two_notices(
    name: str,
    two_notices_of_one_association: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MPLBACKEND", INLINE_BACKEND)
    parameters = {"data_dir": str(two_notices_of_one_association)}
    if name == "association_profile":
        parameters["association"] = "新野县科协"
    nb = _execute(name, tmp_path, **parameters)
    text = _outputs_text(nb)
    assert "xinye-2025" in text or name in ("03_completion_rates", "04_recurring_themes"), (
        f"{name}: the second notice of 新野县科协 is not shown"
    )


#: one 科协, one 局 and one 群团 notice written for the tests, as a user's mixed data folder
THREE_BODIES = ["kx_tongxi_county_outline4", "tjj_jiangyu_city_arabic", "gh_fenghe_county_nextline"]


@pytest.mark.slow
def test_categories_report_compares_a_kexie_a_bureau_and_a_mass_organisation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPLBACKEND", INLINE_BACKEND)
    folder = tmp_path / "notices"
    folder.mkdir()
    for stem in THREE_BODIES:
        name = f"{stem}.txt"
        (folder / name).write_bytes((ROOT / "tests" / "data" / "notices" / name).read_bytes())
    nb = _execute("02_issue_categories", tmp_path, data_dir=str(folder))
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"a cell failed: {errors[:1]}"
    text = _outputs_text(nb)
    assert "比较 3 组（工会、政府部门、科协）" in text, (
        "the categories report does not compare the kinds of body (unit_kind) of the folder"
    )
    assert "比较 3 组（丰禾县总工会、桐溪县科协、江屿市统计局）" in text
    assert "χ² 近似不可靠" in text, "20 problems in 3 bodies: the report must say cells are small"
    assert (tmp_path / "figures" / "residuals_by_unit_kind.png").exists()
    assert "乡镇（街道）统计站规范化建设滞后" in text, "the unclassified problem is listed"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_chart_shows_its_data_beneath_it(name: str) -> None:
    for i, cell in enumerate(_code_cells(name)[2:], start=2):
        tree = ast.parse(cell.source)
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "show":
                keywords = {k.arg for k in call.keywords}
                assert "table" in keywords, (
                    f"{name}: code cell {i} shows a chart without the table of its data, "
                    "whose rows link to the notices"
                )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_tables_go_through_show_table_never_a_raw_dataframe(name: str) -> None:
    for i, cell in enumerate(_code_cells(name)[2:], start=2):
        assert "display(" not in cell.source, (
            f"{name}: code cell {i} displays a table itself; show.table gives it search, links, "
            "Chinese labels and — for missing values"
        )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_one_section_gives_the_index_its_key_finding(name: str) -> None:
    tagged = [c for c in _code_cells(name) if "key-finding" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "print(findings." in tagged[0].source, (
        f"{name}: tag the one cell whose finding is the report's headline 'key-finding'"
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_papermill_reads_every_parameter_so_none_is_unknown(name: str) -> None:
    import papermill as pm

    params = _code_cells(name)[0].source
    assigned = [t.id for n in ast.parse(params).body for t in getattr(n, "targets", [])]
    inspected = pm.inspect_notebook(str(NOTEBOOKS_DIR / f"{name}.ipynb"))
    assert list(inspected) == assigned, (
        f"{name}: papermill does not see every parameter (it would warn 'Passed unknown "
        f"parameter' for {sorted(set(assigned) - set(inspected))}); keep each on one line"
    )
    config = yaml.safe_load((ROOT / "reports.yml").read_text(encoding="utf-8"))
    unknown = set(config["defaults"]) - set(inspected)
    assert not unknown, f"reports.yml passes {unknown}, which {name} does not declare"


def test_notebooks_do_not_build_html_by_hand() -> None:
    """Tables go through pandas display (escaped in the HTML export), never raw HTML strings."""
    for name in NOTEBOOKS:
        source = json.dumps([c.source for c in read(name).cells if c.cell_type == "code"])
        assert "IPython.display import HTML" not in source and "HTML(" not in source, (
            f"{name}: builds HTML by hand; notice text would not be escaped"
        )

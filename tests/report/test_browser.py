"""The built reports work offline in a real browser, as a reader uses them.

Three sites: a small temporary config; the project's reports.yml on the bundled notices; and the
acceptance corpus, the bundled notices plus a summary-only notice and notices of bodies that are
not 科协 (a 妇联 web page, a 社科联 in running paragraphs). On every page: ``lang`` is zh, no
request leaves the machine, no console error, every image shows with alt text, no NaN / NaT /
<NA> in the text. On every report: each table has a search box that filters its rows, each
chart has a table beneath, each problem link lands on an existing anchor of its source view,
and an A4 print keeps every column on the page.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

try:  # tests/report/ is on sys.path (pytest's default rootdir-less import mode)
    from test_build import BAD_CELLS, GOOD_CELLS, write_config, write_notebook
except ImportError:  # tests/ became a package
    from tests.report.test_build import BAD_CELLS, GOOD_CELLS, write_config, write_notebook

from rectify_utils.report import build as report

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: requests that never leave the machine (the DataTables bundle is imported from a blob: URL)
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
#: what pandas prints for a missing value, which a reader must never see
MISSING_MARKERS = re.compile(r"\bNaN\b|\bNaT\b|<NA>")
#: A4 with 10 mm margins, in CSS pixels (190 mm at 96 dpi)
A4_CONTENT_WIDTH = 718
#: the reports of the acceptance site (the corpus-wide ones and two profiles)
ACCEPTANCE_REPORTS = [
    "01_corpus_overview",
    "02_issue_categories",
    "03_completion_rates",
    "04_recurring_themes",
    "association_profile_某某县残联",
    "association_profile_县妇联",
]


def ensure_chromium() -> Path:
    """Debian's chromium, installed with the project's script if missing; else skip."""
    installer = ROOT / "scripts" / "install-chromium.sh"
    if not CHROMIUM.exists() and installer.exists() and shutil.which("bash"):
        subprocess.run(["bash", str(installer)], check=False, timeout=900)
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing and scripts/install-chromium.sh could not install it "
            "(not root, not Debian, or offline): `apt-get install chromium` to run browser tests"
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = ensure_chromium()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def real_config_ready() -> bool:
    config = ROOT / "reports.yml"
    if not config.exists():
        return False
    from rectify_utils.report.config import load_entries

    return all(e.notebook.exists() for e in load_entries(config))


def _test_notice(module: str, name: str) -> str:
    """A notice written for the parse tests (tests/parse/<module>.py), by its constant's name."""
    path = ROOT / "tests" / "parse" / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"_notices_{module}", path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return getattr(loaded, name)


def acceptance_corpus(folder: Path) -> Path:
    """The bundled notices, a summary-only notice (残联) and two bodies that are not 科协."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "data" / "raw").glob("*.txt"):
        shutil.copyfile(path, folder / path.name)
    (folder / "summary-canlian.txt").write_text(
        _test_notice("test_kinds", "SUMMARY_ONLY"), encoding="utf-8"
    )
    (folder / "web-fulian.txt").write_text(
        _test_notice("test_layouts", "WEB_PAGE"), encoding="utf-8"
    )
    (folder / "running-shekelian.txt").write_text(
        _test_notice("test_layouts", "RUNNING"), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module", params=["tmp-config", "project-reports.yml", "acceptance"])
def site(request, tmp_path_factory) -> Path:
    """An out dir built from a small temporary config, from the real reports.yml, and from the
    real reports.yml on the acceptance corpus."""
    out = tmp_path_factory.mktemp("site") / "reports"
    only, overrides = None, None
    if request.param == "tmp-config":
        folder = out.parent
        write_notebook(folder / "good.ipynb", GOOD_CELLS)
        write_notebook(folder / "bad.ipynb", BAD_CELLS)
        config = write_config(
            folder,
            [
                {"name": "good", "notebook": "good.ipynb", "title": "概览 <b>x</b>"},
                {"name": "bad", "notebook": "bad.ipynb", "title": "失败"},
            ],
        )
    else:
        if not real_config_ready():
            pytest.skip("not every notebook listed in reports.yml exists yet")
        config = ROOT / "reports.yml"
        if request.param == "acceptance":
            overrides = {"data_dir": str(acceptance_corpus(out.parent / "data"))}
            only = ACCEPTANCE_REPORTS
    frame = report.build_reports(
        config=config, out_dir=out, echo=None, overrides=overrides, only=only
    )
    assert (out / "index.html").is_file()
    assert frame["html"].notna().any(), "no report produced HTML"
    if request.param != "tmp-config":
        failed = frame[frame["outcome"] != "ok"]
        assert failed.empty, f"reports failed: {failed[['name', 'error']].to_dict('records')}"
    return out


def visit(browser, url: str, screenshot: Path | None = None) -> tuple[object, list[str], list[str]]:
    """Open ``url``; return the page, console/page errors and non-local requests."""
    page = browser.new_page()
    errors: list[str] = []
    remote: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(LOCAL_SCHEMES) else remote.append(r.url))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")  # screenshot with the real font
    page.wait_for_function("() => !document.querySelector('table.rw-table:not(.dataTable)')")
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    return page, errors, remote


def check_page(page, errors: list[str], remote: list[str], name: str) -> None:
    """What every page must do: zh, offline, no errors, images with alt, no NaN/NaT/<NA>."""
    assert not errors, f"console errors in {name}: {errors}"
    assert not remote, f"{name} fetched from the network: {remote}"
    assert page.evaluate("document.documentElement.lang").startswith("zh"), f"{name}: lang not zh"
    text = page.evaluate("document.body.innerText")
    found = MISSING_MARKERS.findall(text)
    assert not found, f"{name} shows pandas' missing-value markers to the reader: {found[:5]}"
    images = page.eval_on_selector_all(
        "img", "els => els.map(e => [e.currentSrc.slice(0, 40), e.complete, e.naturalWidth, e.alt])"
    )
    broken = [src for src, complete, width, _ in images if not complete or width <= 0]
    assert not broken, f"images that do not display in {name}: {broken}"
    no_alt = [src for src, _, _, alt in images if not alt.strip()]
    assert not no_alt, f"images without alt text in {name}: {no_alt}"
    fonts = page.evaluate("document.fonts.ready.then(f => [...f].map(x => [x.family, x.status]))")
    failed = [family for family, status in fonts if status == "error"]
    assert not failed, f"embedded fonts that do not load in {name}: {failed}"


def check_tables_filter(page, name: str) -> None:
    """Every table is interactive: its search box filters the rows, offline."""
    tables = page.eval_on_selector_all("table", "els => els.map(e => e.className)")
    assert tables, f"{name} has no table"
    plain = [c for c in tables if "rw-table" not in c]
    assert not plain, f"{name} has tables that are not report tables: {plain}"
    count = len(tables)
    for i in range(count):
        container = page.locator(".dt-container").nth(i)
        search = container.locator("input[type=search]").first
        assert search.count() == 1, f"{name}: table {i} has no search box"
        rows = container.locator("table.rw-table tbody tr")
        before = rows.count()
        search.fill("不可能出现的词zzz")
        assert container.locator("td.dt-empty").count() == 1, (
            f"{name}: table {i}'s search box does not filter its rows"
        )
        search.fill("")
        assert rows.count() == before, f"{name}: clearing table {i}'s search does not restore it"


def check_charts_have_tables(page, name: str) -> None:
    """Beneath every chart, the table of its data."""
    missing = page.evaluate(
        """() => [...document.querySelectorAll('.jp-RenderedImage img')].filter(img => {
            const cell = img.closest('.jp-Cell');
            const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')];
            const at = outputs.indexOf(img.closest('.jp-OutputArea-output'));
            return !outputs.slice(at + 1).some(o => o.querySelector('table.rw-table'));
        }).map(img => img.alt.slice(0, 40))"""
    )
    assert not missing, f"{name}: charts without a table of their data beneath: {missing}"


def check_problem_links(page, report: Path, name: str) -> int:
    """Every link to a problem, a 方面 or a notice lands on an existing page and anchor."""
    hrefs = page.eval_on_selector_all(
        "a.problem-link, a.aspect-link, a.notice-link", "els => els.map(e => e.href)"
    )
    anchors: dict[Path, set[str]] = {}
    for href in hrefs:
        url = urlparse(href)
        target = Path(unquote(url.path))
        assert target.is_file(), f"{name}: link to a missing source view: {href}"
        if target not in anchors:
            anchors[target] = set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8")))
        if url.fragment:
            assert unquote(url.fragment) in anchors[target], (
                f"{name}: {href} lands on no anchor in {target.name}"
            )
    return len(hrefs)


def check_print_fits_a4(page, name: str) -> None:
    """Printed on A4, no table runs past the right margin."""
    page.set_viewport_size({"width": A4_CONTENT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    wide = page.evaluate(
        f"""() => [...document.querySelectorAll('table')]
            .filter(t => t.getBoundingClientRect().right > {A4_CONTENT_WIDTH} + 1)
            .map(t => t.id || t.className)"""
    )
    page.emulate_media(media="screen")
    assert not wide, f"{name}: on A4 these tables lose their right-hand columns: {wide}"


def test_index_and_every_report_render_offline(browser, site: Path, request):
    label = re.sub(r"\W+", "_", request.node.callspec.id)
    real = request.node.callspec.id != "tmp-config"
    index = site / "index.html"
    page, errors, remote = visit(browser, index.as_uri(), SCREENSHOTS / label / "index.png")
    check_page(page, errors, remote, "the index")
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    statuses = page.eval_on_selector_all(".status", "els => els.map(e => e.textContent)")
    findings = page.eval_on_selector_all("p.finding", "els => els.length")
    page.close()
    assert set(statuses) <= {"成功", "失败", "未构建"}, f"index statuses not in Chinese: {statuses}"
    assert hrefs, "the index links to nothing"
    for href in hrefs:
        target = Path(unquote(urlparse(href).path))
        assert href.startswith("file:") and target.is_file(), f"dead link in the index: {href}"
    reports = sorted({h for h in hrefs if h.endswith(".html") and "/notices/" not in h})
    assert reports, "the index links no HTML report"
    if real:
        assert findings == len(reports), "every report needs its key finding in the index"
    n_links = 0
    for href in reports:
        name = Path(unquote(urlparse(href).path)).stem
        page, errors, remote = visit(browser, href, SCREENSHOTS / label / f"{name}.png")
        check_page(page, errors, remote, name)
        links = page.eval_on_selector_all("a.index-link", "els => els.map(e => e.href)")
        assert links and links[0] == index.as_uri(), f"{name} does not link back to the index"
        if real:
            assert page.locator("ol.rw-toc li").count() >= 2, f"{name} has no table of contents"
            assert "生成于" in page.evaluate("document.body.innerText"), f"{name}: no build time"
            check_tables_filter(page, name)
            check_charts_have_tables(page, name)
            n_links += check_problem_links(page, Path(unquote(urlparse(href).path)), name)
            check_print_fits_a4(page, name)
        page.close()
    if real:
        assert n_links, "no report links to a notice's source view"


def test_every_source_view_marks_its_notice(browser, site: Path, request):
    label = re.sub(r"\W+", "_", request.node.callspec.id)
    views = sorted((site / "notices").glob("*.html"))
    assert views, "no source view was written"
    for view in views:
        page, errors, remote = visit(
            browser, view.as_uri(), SCREENSHOTS / label / "notices" / f"{view.stem}.png"
        )
        check_page(page, errors, remote, view.name)
        legend = page.eval_on_selector_all("ul.legend li", "els => els.length")
        assert legend >= 10, f"{view.name}: the legend lacks kinds of mark"
        back = page.eval_on_selector_all("a[href='../index.html']", "els => els.length")
        assert back, f"{view.name} does not link back to the index"
        page.close()
    if request.node.callspec.id == "acceptance":
        summary = (site / "notices" / "summary-canlian.html").read_text(encoding="utf-8")
        assert "通报没有逐项列出问题" in summary, "a summary-only notice must say it lists none"


def test_a_drill_down_from_a_report_lands_on_the_problem(browser, site: Path, request):
    label = re.sub(r"\W+", "_", request.node.callspec.id)
    if request.node.callspec.id != "project-reports.yml":
        pytest.skip("the drill-down is shown on the project's reports")
    page, _, _ = visit(browser, (site / "03_completion_rates.html").as_uri())
    link = page.locator("a.problem-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    anchor = href.split("#", 1)[1]
    assert page.url.endswith(f"#{anchor}")
    assert page.locator(f"#{anchor} aside.verdict").count() == 1, "no verdict beside the problem"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate(f"document.getElementById('{anchor}').scrollIntoView()")
    out = SCREENSHOTS / label / "drilldown.png"
    page.screenshot(path=str(out))
    page.close()

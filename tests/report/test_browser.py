"""The built reports work offline in a real browser: no network, no errors, every image shown."""

from __future__ import annotations

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
LOCAL_SCHEMES = ("file:", "data:", "about:")


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


@pytest.fixture(scope="module", params=["tmp-config", "project-reports.yml"])
def site(request, tmp_path_factory) -> Path:
    """An out dir built from a small temporary config, and from the real reports.yml once
    all its notebooks exist."""
    out = tmp_path_factory.mktemp("site") / "reports"
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
    frame = report.build_reports(config=config, out_dir=out, echo=None)
    assert (out / "index.html").is_file()
    assert frame["html"].notna().any(), "no report produced HTML"
    return out


def visit(browser, url: str, screenshot: Path) -> tuple[object, list[str], list[str]]:
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
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    return page, errors, remote


def check_fonts(page) -> None:
    fonts = page.evaluate("document.fonts.ready.then(f => [...f].map(x => [x.family, x.status]))")
    failed = [family for family, status in fonts if status == "error"]
    assert not failed, f"embedded fonts that do not load: {failed}"


def check_images(page) -> None:
    images = page.eval_on_selector_all(
        "img", "els => els.map(e => [e.currentSrc.slice(0, 40), e.complete, e.naturalWidth])"
    )
    broken = [src for src, complete, width in images if not complete or width <= 0]
    assert not broken, f"images that do not display: {broken}"


def test_index_and_every_report_render_offline(browser, site: Path, request):
    label = re.sub(r"\W+", "_", request.node.callspec.id)
    index = site / "index.html"
    page, errors, remote = visit(browser, index.as_uri(), SCREENSHOTS / label / "index.png")
    assert not errors, f"console errors on the index: {errors}"
    assert not remote, f"the index fetched from the network: {remote}"
    check_images(page)
    check_fonts(page)

    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    page.close()
    assert hrefs, "the index links to nothing"
    for href in hrefs:
        target = Path(unquote(urlparse(href).path))
        assert href.startswith("file:") and target.is_file(), f"dead link in the index: {href}"

    reports = sorted({h for h in hrefs if h.endswith(".html")})
    assert reports, "the index links no HTML report"
    for href in reports:
        name = Path(unquote(urlparse(href).path)).stem
        page, errors, remote = visit(browser, href, SCREENSHOTS / label / f"{name}.png")
        assert not errors, f"console errors in {name}: {errors}"
        assert not remote, f"{name} fetched from the network: {remote}"
        check_images(page)
        check_fonts(page)
        page.close()

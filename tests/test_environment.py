"""The ways to install and test the project agree: pyproject, environment.yml, Makefile, CI."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11+")

ROOT = Path(__file__).resolve().parents[1]
TEST_COMMAND = "make test"
PYTEST_RECIPE = "$(VENV)/bin/python -m pytest"

# conda-forge names that differ from the PyPI name even after normalising.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib", "pytables": "tables"}
# Packages environment.yml needs for itself, not dependencies of the project.
CONDA_INFRASTRUCTURE = {"python", "pip"}

# A requirement's name and version bounds: "pdfminer.six>=20231228" → ("pdfminer.six", ">=20231228").
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;#]*)")


def normalise(name: str) -> str:
    """PEP 503 name: case and runs of '-', '_', '.' do not matter (pdfminer.six = pdfminer-six)."""
    name = re.sub(r"[-_.]+", "-", name).lower()
    return CONDA_TO_PYPI.get(name, name)


def parse(requirement: str) -> tuple[str, str]:
    match = _REQUIREMENT.match(requirement)
    assert match, f"cannot read the requirement {requirement!r}"
    return normalise(match.group(1)), re.sub(r"\s+", "", match.group(2))


def pyproject_requirements() -> tuple[dict[str, str], dict[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = dict(map(parse, project["dependencies"]))
    extras = project.get("optional-dependencies", {})
    optional = dict(parse(r) for group in extras.values() for r in group)
    return runtime, optional


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def environment_requirements() -> tuple[dict[str, str], list[str]]:
    """Named packages (conda and pip sections) and the pip section's option lines (-e …)."""
    named: dict[str, str] = {}
    options: list[str] = []
    for entry in environment()["dependencies"]:
        if isinstance(entry, dict):
            for line in entry.get("pip", []):
                if line.startswith("-"):
                    options.append(line)
                else:
                    named.update([parse(line)])
        else:  # conda match spec, same syntax as pip's for ">=" bounds
            named.update([parse(entry)])
    return named, options


def test_every_runtime_dependency_is_in_environment_yml():
    runtime, _ = pyproject_requirements()
    named, _ = environment_requirements()
    missing = sorted(set(runtime) - set(named))
    assert not missing, (
        f"conda users would miss {missing}: add them to environment.yml (conda-forge name, "
        "or under pip: when conda-forge lacks them)"
    )


def test_environment_yml_lists_nothing_pyproject_does_not():
    runtime, optional = pyproject_requirements()
    named, _ = environment_requirements()
    extra = sorted(set(named) - set(runtime) - set(optional) - CONDA_INFRASTRUCTURE)
    assert not extra, f"environment.yml installs {extra}, which pyproject.toml does not declare"


def test_environment_yml_has_the_same_version_bounds():
    runtime, optional = pyproject_requirements()
    named, _ = environment_requirements()
    declared = runtime | optional
    differ = {
        n: (declared[n], named[n]) for n in named if n in declared and declared[n] != named[n]
    }
    assert not differ, f"pyproject.toml and environment.yml disagree on versions: {differ}"


def test_environment_yml_installs_the_package_itself_editable():
    env = environment()
    _, options = environment_requirements()
    assert env["name"] == "rectify-workbook"
    assert env["channels"] == ["conda-forge"], "conda users should resolve from conda-forge only"
    assert "python=3.11" in env["dependencies"], "the conda environment must pin Python 3.11"
    assert any(re.fullmatch(r"-e \.(\[test\])?", o) for o in options), (
        "environment.yml must pip-install the package in editable mode (-e .), or conda users "
        "run a different copy of the code than pip users"
    )


def make_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile target (tab-indented lines after `target:`)."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{target}:")), None)
    assert start is not None, f"the Makefile has no `{target}` target"
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return recipe


def command_lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_make_test_runs_pytest_from_the_venv():
    assert PYTEST_RECIPE in " ".join(make_recipe("test")), (
        f"`make test` must run `{PYTEST_RECIPE}`, or it tests another Python than the venv's"
    )


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if not re.search(rf"\b{TEST_COMMAND}\b", readme):
        pytest.skip(f"README.md does not yet document the test command `{TEST_COMMAND}`")
    ci = command_lines(ROOT / ".ci" / "run")
    assert TEST_COMMAND in ci, f"CI must run the README's `{TEST_COMMAND}`, or CI tests differently"
    assert make_recipe("test"), "the README's `make test` has no recipe in the Makefile"


def test_ci_script_is_strict_and_executable():
    ci = ROOT / ".ci" / "run"
    assert ci.stat().st_mode & 0o111, ".ci/run is not executable"
    assert "set -euo pipefail" in command_lines(ci), "CI would carry on after a failing step"
    assert TEST_COMMAND in command_lines(ci), f"CI must run `{TEST_COMMAND}`"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_is_the_default_and_lists_every_verb():
    shown = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    listed = re.findall(r"^\s+([a-z-]+)\s", shown, re.MULTILINE)
    expected = ["help", "install", "data", "reports", "test", "lint", "lab", "kernel", "bench"]
    missing = [t for t in [*expected, "clean"] if t not in listed]
    assert not missing, f"`make` (help) does not tell a newcomer about {missing}:\n{shown}"


def _imported_top_level_modules() -> set[str]:
    """Every top-level module the package imports (``import x.y`` and ``from x import …``)."""
    import ast

    names: set[str] = set()
    for path in (ROOT / "rectify_utils").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_every_package_the_code_imports_is_declared():
    import sys
    from importlib.metadata import packages_distributions

    distributions = packages_distributions()
    runtime, _ = pyproject_requirements()
    undeclared = {}
    for module in sorted(_imported_top_level_modules()):
        if module in sys.stdlib_module_names or module == "rectify_utils":
            continue
        dists = {normalise(d) for d in distributions.get(module, [module])}
        if not dists & set(runtime):
            undeclared[module] = sorted(dists)
    assert not undeclared, (
        f"the package imports {undeclared} but pyproject.toml does not declare them: a fresh "
        "install would work only while another dependency happens to pull them in"
    )

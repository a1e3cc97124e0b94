"""The package's stages import one way: parse ← analysis ← viz ← report (synth stands alone)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rectify_utils"
STAGES = ["parse", "analysis", "viz", "report"]
#: what each subpackage may import from the package, besides the shared top-level modules
ALLOWED = {
    "parse": set(),
    "analysis": {"parse"},
    "viz": {"parse", "analysis"},
    "report": {"parse", "analysis", "viz"},
    "synth": set(),
}
SHARED = {"config", "schema", "errors", "text"}


def _package_imports(path: Path) -> set[str]:
    """The first component under ``rectify_utils`` of every import in one module."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(module[: len(module) - node.level])
                target = base + (node.module.split(".") if node.module else [])
                names = [target] if target else [[a.name] for a in node.names]
            elif node.module and node.module.startswith("rectify_utils"):
                names = [node.module.split(".")[1:] or [a.name for a in node.names][:1]]
            else:
                continue
            found.update(parts[0] for parts in names if parts)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "rectify_utils" and len(parts) > 1:
                    found.add(parts[1])
    return found


@pytest.mark.parametrize("stage", list(ALLOWED))
def test_a_stage_imports_only_the_stages_before_it(stage):
    wrong = {}
    for path in sorted((PACKAGE / stage).rglob("*.py")):
        imports = _package_imports(path) - SHARED - {stage}
        bad = imports - ALLOWED[stage]
        if bad:
            wrong[path.relative_to(PACKAGE).as_posix()] = sorted(bad)
    assert not wrong, f"imports against the pipeline's direction: {wrong}"


def test_shared_modules_import_no_stage():
    wrong = {}
    for name in SHARED:
        imports = _package_imports(PACKAGE / f"{name}.py") & set(ALLOWED)
        if imports:
            wrong[name] = sorted(imports)
    assert not wrong, f"config/schema/errors/text must not depend on a stage: {wrong}"


def test_every_module_sits_in_a_stage_folder():
    loose = sorted(
        p.name for p in PACKAGE.glob("*.py") if p.stem not in SHARED | {"__init__", "cli"}
    )
    assert not loose, f"modules outside the stage folders: {loose}"

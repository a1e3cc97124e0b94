"""The synthetic corpus is written in the generator's own words and stays the same from run to run.

The synth must not borrow the parser's vocabulary (``rectify_utils.parse``): a notice worded
from the parser's own cue lists would only test that the parser agrees with itself.
"""

from __future__ import annotations

import ast
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

import rectify_utils.synth
from rectify_utils.synth import synth_notice

SYNTH_DIR = Path(rectify_utils.synth.__file__).parent
SYNTH_MODULES = sorted(SYNTH_DIR.rglob("*.py"))
# the top-level package re-exports the parser (load_corpus, Corpus)
PARSER_PACKAGES = ("rectify_utils.parse",)


def _package_of(path: Path) -> str:
    """The package a synth module's relative imports start from: ``rectify_utils.synth``."""
    return ".".join(["rectify_utils", *path.relative_to(SYNTH_DIR.parent).parent.parts])


def _imported_modules(source: str, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``source``, relative ones resolved."""
    parts = package.split(".")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = parts[: len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def _is_parser(module: str) -> bool:
    return module == "rectify_utils" or any(
        module == p or module.startswith(p + ".") for p in PARSER_PACKAGES
    )


def test_import_scanner_sees_relative_and_package_imports():
    source = (
        "from ..parse import vocabulary\n"
        "from . import wording\n"
        "from rectify_utils import load_corpus\n"
        "import rectify_utils.parse.status\n"
    )
    modules = [m for _, m in _imported_modules(source, "rectify_utils.synth")]
    assert "rectify_utils.parse.vocabulary" in modules
    assert "rectify_utils.synth.wording" in modules
    assert [m for m in modules if _is_parser(m)] == [
        "rectify_utils.parse",
        "rectify_utils.parse.vocabulary",
        "rectify_utils",
        "rectify_utils.parse.status",
    ]
    assert not _is_parser("rectify_utils.synth.wording")
    assert not _is_parser("rectify_utils.parser_free")


@pytest.mark.parametrize("path", SYNTH_MODULES, ids=lambda p: p.name)
def test_synth_modules_do_not_import_the_parser(path):
    imports = _imported_modules(path.read_text(encoding="utf-8"), _package_of(path))
    offending = [f"line {line}: {module}" for line, module in imports if _is_parser(module)]
    assert not offending, (
        f"{path.name} imports the parser, so synthetic notices would be worded with the "
        f"parser's own cues: {offending}; put the words in rectify_utils/synth/wording.py"
    )


def test_generating_a_corpus_loads_no_parser_module(tmp_path):
    code = (
        "import sys\n"
        "from rectify_utils.synth import write_synthetic_corpus\n"
        f"write_synthetic_corpus(3, seed=1, out_dir={str(tmp_path)!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('rectify_utils.parse')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]", f"writing synthetic notices imported {run.stdout.strip()}"


# sha256 of the first 40 documents (text, Word bytes and sidecar) of seeds 1 and 7, as generated
# once the generator wrote the genre in its own words and every layout of issue 9 (the corpus
# changed on purpose then); a refactor must not move a single random draw
CORPUS_SHA256 = "59be14d1a6628b9047a36ba72b7eb32607aac03e7235c29dde96f44552148bb9"


def test_seeded_notices_are_the_same_as_before():
    digest = hashlib.sha256()
    for seed in (1, 7):
        for index in range(40):
            notice = synth_notice(seed, index)
            digest.update(notice.text.encode())
            digest.update(notice.truth.to_json().encode())
            if notice.data is not None:  # a Word document's bytes
                digest.update(notice.data)
    assert digest.hexdigest() == CORPUS_SHA256, (
        "the synthetic notices of seeds 1 and 7 changed: a draw moved or a word list changed. "
        "If the change is intended, say so in the commit and update CORPUS_SHA256"
    )

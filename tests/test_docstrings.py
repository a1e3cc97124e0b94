"""Every public function of the parse and analysis stages, and of the shared modules, says in
numpydoc form what it takes and what it returns."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import pytest

import rectify_utils.analysis as analysis
import rectify_utils.parse as parse
from rectify_utils.analysis._docstrings import PARAMS, fill_params

#: the shared top-level modules that parse and analysis import
SHARED = ["rectify_utils", "rectify_utils.config", "rectify_utils.errors", "rectify_utils.text"]


def _stage_modules(stage: ModuleType) -> list[str]:
    """Every public module of a stage's package (not the private ``_docstrings``)."""
    return sorted(
        f"{stage.__name__}.{m.name}"
        for m in pkgutil.iter_modules(stage.__path__)
        if not m.name.startswith("_")
    )


MODULES = _stage_modules(parse) + _stage_modules(analysis) + SHARED
#: a numpydoc section heading: its name, then a line of dashes as long
SECTION = re.compile(r"^(?P<name>\S[^\n]*)\n-{3,}\s*$", re.M)
#: a parameter line of a Parameters section: `corpus : Corpus or DataFrame`, `a, b : int`, `tokens`
PARAMETER_LINE = re.compile(r"^(?P<names>[*\w][\w, *]*?)\s*(?::.*)?$")


def _public_functions(module: ModuleType) -> list[tuple[str, object]]:
    return [
        (name, func)
        for name, func in inspect.getmembers(module, inspect.isfunction)
        if func.__module__ == module.__name__ and not name.startswith("_")
    ]


def _sections(doc: str) -> dict[str, str]:
    """Section name → its body, from a cleaned docstring."""
    heads = list(SECTION.finditer(doc))
    sections = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(doc)
        sections[head["name"].strip()] = doc[head.end() : end]
    return sections


def _documented_parameters(body: str) -> set[str]:
    """Names on the unindented lines of a Parameters section."""
    names: set[str] = set()
    for line in body.splitlines():
        if not line.strip() or line[0].isspace():
            continue
        m = PARAMETER_LINE.match(line)
        if m:
            names.update(n.strip().lstrip("*") for n in m["names"].split(","))
    return names


def _problems(name: str, func: object) -> list[str]:
    doc = inspect.getdoc(func) or ""
    if not doc.strip():
        return [f"{name}: no docstring"]
    sections = _sections(doc)
    found = []
    parameters = [p for p in inspect.signature(func).parameters if p not in ("self", "cls")]
    if parameters:
        if "Parameters" not in sections:
            found.append(f"{name}: no Parameters section (signature: {', '.join(parameters)})")
        else:
            missing = [
                p for p in parameters if p not in _documented_parameters(sections["Parameters"])
            ]
            if missing:
                found.append(f"{name}: Parameters does not describe {', '.join(missing)}")
    if "Returns" not in sections and "Yields" not in sections:
        found.append(f"{name}: no Returns section")
    if "{params." in doc:
        found.append(f"{name}: shows an unfilled {{params.…}} placeholder (missing @fill_params?)")
    return found


@pytest.mark.parametrize("module_name", MODULES)
def test_every_public_function_documents_its_parameters_and_result(module_name):
    module = importlib.import_module(module_name)
    problems = [p for name, func in _public_functions(module) for p in _problems(name, func)]
    assert not problems, (
        f"help() on {module_name} leaves a reader guessing what to pass "
        "or what comes back:\n  " + "\n  ".join(problems)
    )


def test_a_shared_parameter_text_is_filled_in_at_the_placeholders_indentation():
    def example(corpus):
        """Summary.

        Parameters
        ----------
        corpus : Corpus or DataFrame
            {params.corpus}

        Returns
        -------
        int
        """

    doc = inspect.getdoc(fill_params(example))
    expected = " ".join(PARAMS["corpus"].split())
    body = _sections(doc)["Parameters"]
    lines = body.strip().splitlines()
    assert lines[0] == "corpus : Corpus or DataFrame" and all(
        line.startswith("    ") for line in lines[1:]
    ), f"the shared text of `corpus` lost its indentation, so help() misrenders it:\n{body}"
    assert " ".join(" ".join(lines[1:]).split()) == expected, (
        f"the shared text of `corpus` was not filled in as written in PARAMS:\n{body}"
    )


def test_an_unknown_shared_parameter_fails_at_import_not_in_help():
    def example(corpus):
        """Summary.

        Parameters
        ----------
        corpus
            {params.no_such_parameter}
        """

    with pytest.raises(KeyError, match="no_such_parameter"):
        fill_params(example)

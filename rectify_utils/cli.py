"""The ``rectify`` command: parse, check, report, synth."""

from __future__ import annotations

import argparse
import importlib
import sys

# Sub-commands live in the module that does the work; each exposes
# ``add_arguments(parser)`` and ``run_cli(args) -> int`` (the exit code).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("rectify_utils.parse.export", "parse notices and write the tables"),
    "check": (
        "rectify_utils.parse.check",
        "show how one notice parses: outline, statuses, leftovers",
    ),
    "report": ("rectify_utils.report.build", "execute the notebooks and render the HTML reports"),
    "synth": (
        "rectify_utils.synth.generator",
        "write a synthetic corpus with ground-truth sidecars",
    ),
    "themes": ("rectify_utils.analysis.themes_cli", "check a coding scheme on the notices"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, import just that sub-command's module (fast start)."""
    parser = argparse.ArgumentParser(prog="rectify", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        if only is None or name == only:
            module = importlib.import_module(module_name)
            p.description = module.__doc__
            module.add_arguments(p)
            p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    args = build_parser(only=command).parse_args(argv)
    try:
        return int(args._module.run_cli(args) or 0)
    except BrokenPipeError:  # `rectify check … | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""`reviewer`: the command line. Each command group lives in reviewer/commands/; this module
builds the parser from them and holds `main` (the console script and `python -m reviewer.cli`)."""

from __future__ import annotations

import argparse
import sys

from . import __version__, doctor
from .cluster import worker as cluster_worker
from .commands import (
    EXIT_FAILED,
    EXIT_USAGE,
    analyze,
    case,
    check_text,
    evidence,
    flag,
    gui,
    identifiers,
    learn,
    merge,
    models,
    search,
    transcript,
)
from .errors import ReviewerError, UsageError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="Livestream Reviewer engine")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    # In the order `reviewer --help` lists them.
    analyze.register(sub)  # analyze, demo
    case.register_flags(sub)
    transcript.register(sub)  # transcript, transcript --onscreen, transcript edit
    models.register(sub)
    case.register_review_and_audit(sub)
    gui.register(sub)
    evidence.register(sub)
    doctor.register(sub)
    flag.register(sub)
    learn.register(sub)
    merge.register(sub)
    cluster_worker.register(sub)
    identifiers.register(sub)
    check_text.register(sub)  # sentence meaning: what analysis would decide per line
    search.register(sub)  # sentence meaning: find moments by words and meaning
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        sys.stderr.write(f"reviewer: {exc}\n")
        return EXIT_USAGE
    except ReviewerError as exc:
        sys.stderr.write(f"reviewer: {exc}\n")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

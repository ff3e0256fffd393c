"""`reviewer gui`: the desktop application. Qt is imported only when the command runs, so the
engine stays Qt-free (tests/test_layout.py) and the CLI starts without it."""

from __future__ import annotations

import argparse


def _run(args: argparse.Namespace) -> int:
    from ui.app import main

    return main(["--case", args.case] if args.case else [])


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the review application (default: the demo case)")
    p.add_argument("--case", help="case folder to open or create")
    p.set_defaults(func=_run)

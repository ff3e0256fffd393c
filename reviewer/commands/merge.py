"""`reviewer merge`: apply the review work of another copy of a case to this one."""

from __future__ import annotations

import argparse
import json
import sys


def cmd_merge(args: argparse.Namespace) -> int:
    from ..identifiers.merge_marks import merge_identifier_marks
    from ..merge.engine import merge_case
    from ..store import open_case

    with open_case(args.case, officer=args.officer, create=False) as case:
        report = merge_case(case, args.other, write=not args.dry_run)
        # Identifiers: recomputed from the shared text; relevance marks travel (a separate step).
        marks = merge_identifier_marks(case, args.other, write=not args.dry_run)
    if args.json:
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for line in report.summary_lines():
            print(line)
        if marks:
            print(f"Identifier relevance marks taken from the other copy: {len(marks)}")
        if args.dry_run:
            print("Dry run: nothing was written.")
        elif report.of("conflict"):
            print("Conflicted flags are marked unsure; a senior officer decides them.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("merge", help="merge the review work of another copy of this case")
    p.add_argument("--case", required=True, help="this case's folder (written)")
    p.add_argument(
        "--from", dest="other", required=True, help="the other copy's folder (read only)"
    )
    p.add_argument("--officer", help="who merges (default: the officer in Settings)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.set_defaults(func=cmd_merge)

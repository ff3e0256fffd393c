"""`reviewer flag add|edit`: officer-made flags and span or category edits, from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from ..settings import known_categories


def _print(flag: dict, as_json: bool, verb: str) -> None:
    from ..case_report import flag_entry

    entry = flag_entry(flag)
    if as_json:
        sys.stdout.write(json.dumps(entry, ensure_ascii=False, indent=2) + "\n")
        return
    span = f"{entry['start_s']:.1f}-{entry['end_s']:.1f} s" if entry["start_s"] is not None else "-"
    print(f"flag {entry['id']} {verb}: media {entry['media_id']} {span} {entry['category']}")


def cmd_flag_add(args: argparse.Namespace) -> int:
    from ..store import open_case
    from ..store.officer_flags import add_officer_flag

    with open_case(args.case, officer=args.officer, create=False) as case:
        flag = add_officer_flag(
            case,
            args.media,
            args.start,
            args.end,
            args.category,
            args.note,
            args.officer,
            known_categories(),
        )
    _print(flag, args.json, "added")
    return 0


def cmd_flag_edit(args: argparse.Namespace) -> int:
    from ..store import open_case
    from ..store.officer_flags import edit_flag

    with open_case(args.case, officer=args.officer, create=False) as case:
        flag = edit_flag(
            case, args.flag, args.start, args.end, args.category, args.officer, known_categories()
        )
    _print(flag, args.json, "edited")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("flag", help="add a flag the analysis missed, or change a flag's span")
    fsub = p.add_subparsers(dest="flag_cmd", required=True)
    add = fsub.add_parser("add", help="a confirmed flag made by the officer")
    add.add_argument("--case", required=True)
    add.add_argument("--media", type=int, required=True, help="media id (see `reviewer flags`)")
    add.add_argument("--start", type=float, help="seconds (not for screenshots)")
    add.add_argument("--end", type=float, help="seconds (not for screenshots)")
    add.add_argument("--category", required=True, help="category id, e.g. gambling")
    add.add_argument("--note", help="why: kept with the flag and in the audit log")
    add.add_argument("--officer", required=True, help="who adds it (recorded in the audit log)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_flag_add)
    edit = fsub.add_parser("edit", help="change a flag's start, end or category")
    edit.add_argument("--case", required=True)
    edit.add_argument("--flag", type=int, required=True, help="flag id (see `reviewer flags`)")
    edit.add_argument("--start", type=float)
    edit.add_argument("--end", type=float)
    edit.add_argument("--category")
    edit.add_argument("--officer", required=True, help="who edits (recorded in the audit log)")
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(func=cmd_flag_edit)

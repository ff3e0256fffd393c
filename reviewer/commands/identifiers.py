"""`reviewer identifiers`, `reviewer index` and `reviewer find`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError
from ..identifiers.model import KINDS
from . import print_json


def _when(start: float | None, end: float | None) -> str:
    if start is None:
        return "screenshot"
    return f"{start:.1f}-{(end if end is not None else start):.1f} s"


def cmd_identifiers(args: argparse.Namespace) -> int:
    from ..identifiers.index import index_open_case
    from ..identifiers.store import case_identifiers, mark_relevant, refresh_identifiers
    from ..store import open_case

    if args.case is None:
        raise UsageError("Say which case: --case FOLDER.")
    with open_case(args.case, create=False) as case:
        refresh_identifiers(case)  # derived from stored text: always current, merged cases too
        index_open_case(case)  # and the workstation index follows
        if getattr(args, "identifiers_cmd", None) == "mark":
            done = mark_relevant(
                case, args.value, args.officer or case.officer, not args.unmark, args.note
            )
            if args.json:
                print_json({"marked": done})
            else:
                for d in done:
                    state = "relevant" if d["relevant"] else "not relevant"
                    print(f"{d['kind']} {d['value']}: {state}")
            return 0
        found = case_identifiers(case, args.kind)
    if args.json:
        print_json({"identifiers": found})
        return 0
    if not found:
        print("No identifiers in this case.")
    for ident in found:
        bank = f" [{ident['bank']}]" if ident.get("bank") else ""
        flags = f"  flags {', '.join(map(str, ident['flags']))}" if ident["flags"] else ""
        mark = "  (relevant)" if ident["relevant"] else ""
        print(f"{ident['kind']:<12} {ident['display']}{bank}{flags}{mark}")
        for occ in ident["occurrences"]:
            print(
                f"    {occ['media']} {_when(occ['start_s'], occ['end_s'])} {occ['source']}:"
                f" {occ['raw'][:80]!r}"
            )
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from ..identifiers import index

    if args.index_cmd == "add":
        result = {"indexed": [index.add_case(folder) for folder in args.folders], "dropped": []}
    else:
        result = index.rebuild(args.folders)
    if args.json:
        print_json(result)
    else:
        for item in result["indexed"]:
            print(f"indexed {item['folder']} ({item['identifiers']} identifiers)")
        for item in result["dropped"]:
            print(f"dropped {item['folder']} (no longer holds case {item['case_id']})")
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    from ..identifiers import index

    if (args.value is None) == (args.image is None):
        raise UsageError("Give either a value to find or --image FILE, not both.")
    if args.image is not None:
        return _find_image(args)
    result = index.find(args.value)
    return _print_found(
        args,
        result,
        f"{args.value}: not found in any indexed case.",
        lambda occ: (
            f"{occ['kind']} {occ['display']}  {occ['media']}"
            f" {_when(occ['start_s'], occ['end_s'])} {occ['source']}"
        ),
    )


def _find_image(args: argparse.Namespace) -> int:
    from ..identifiers import index

    result = index.find_image(args.image)
    if result.get("note") and not args.json:
        print(result["note"])
    return _print_found(
        args,
        result,
        f"{args.image}: no indexed case shows this picture.",
        lambda occ: (
            f"{occ['media']} {_when(occ['start_s'], occ['end_s'])}"
            f"  {occ['distance']} of 256 bits differ"
        ),
    )


def _print_found(
    args: argparse.Namespace, result: dict, none: str, line: Callable[[dict], str]
) -> int:
    """Cases found (JSON, or a folder a case with a line an occurrence); 1 when none."""
    if args.json:
        print_json(result)
        return 0 if result["cases"] else 1
    if not result["cases"]:
        print(none)
        return 1
    for case in result["cases"]:
        print(f"{case['folder']}  (case {case['case_id']})")
        for occ in case["occurrences"]:
            print(f"    {line(occ)}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("identifiers", help="phones, accounts, links... found in a case")
    p.add_argument("--case", type=Path, help="the case folder")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--json", action="store_true")
    isub = p.add_subparsers(dest="identifiers_cmd")
    m = isub.add_parser("mark", help="mark an identifier relevant, so it is exported")
    m.add_argument("--case", type=Path, default=argparse.SUPPRESS)
    m.add_argument("--value", required=True)
    m.add_argument("--officer")
    m.add_argument("--note")
    m.add_argument("--unmark", action="store_true", help="withdraw the mark")
    m.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_identifiers)

    p = sub.add_parser("index", help="this workstation's index of identifiers across cases")
    p.add_argument("index_cmd", choices=("add", "rebuild"))
    p.add_argument("folders", nargs="*", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser(
        "find", help="every indexed case where a phone, account, link... or a picture occurs"
    )
    p.add_argument("value", nargs="?")
    p.add_argument(
        "--image", type=Path, help="a picture: cases with the same or a near-identical one (PDQ)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_find)

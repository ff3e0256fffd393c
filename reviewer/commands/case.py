"""`reviewer flags`, `reviewer review` and `reviewer audit`: read a case, decide a flag, check the log."""

from __future__ import annotations

import argparse

from ..errors import UsageError
from . import EXIT_OK, print_json, print_summary, trust


def cmd_flags(args: argparse.Namespace) -> int:
    from ..case_report import case_report
    from ..store import open_case

    with open_case(args.case, create=False) as case:
        report = case_report(case)
    if args.json:
        print_json(report)
    else:
        print_summary(report)
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from ..store import open_case
    from ..store.case import DECISIONS

    decision = {"confirm": "confirmed", "reject": "rejected"}.get(args.decision, args.decision)
    if decision not in DECISIONS:
        raise UsageError(
            f"--decision must be confirm, reject, unsure or pending, not {args.decision}"
        )
    trust.unlock_officer(args.officer, args.passphrase_file)
    with open_case(args.case, officer=args.officer, create=False) as case:
        flag = case.decide_flag(args.flag, decision, args.officer, args.note)
    if args.json:
        print_json(flag)
    else:
        print(
            f"flag {flag['id']} ({flag['category']}): {flag['status']} by {flag['reviewer'] or '-'}"
        )
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from ..store import open_case

    with open_case(args.case, create=False) as case:
        status = case.verify_audit()
    print(f"audit log intact: {status.entries} entries, head {status.head}")
    return EXIT_OK


def register_flags(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("flags", help="show the case's media and flags")
    p.add_argument("--case", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_flags)


def register_review_and_audit(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="record an officer's decision on a flag")
    p.add_argument("--case", required=True)
    p.add_argument("--flag", type=int, required=True, help="flag id (see `reviewer flags`)")
    p.add_argument("--decision", required=True, choices=["confirm", "reject", "unsure", "pending"])
    p.add_argument("--note", help="the officer's note, kept with the decision")
    p.add_argument("--officer", required=True, help="who decides (recorded in the audit log)")
    p.add_argument("--json", action="store_true")
    trust.add_passphrase_option(p)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("audit", help="replay the audit log; check it against the tables and keys")
    p.add_argument("--case", required=True)
    p.set_defaults(func=cmd_audit)
    trust.register_audit(p)

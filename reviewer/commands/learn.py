"""`reviewer learn`: what the officers' decisions teach, and (with --apply) acting on it."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine (onnxruntime, numpy) loads only when the command runs
    from ..learn.proposals import Proposals


LABELS = {"confirmed": "confirmed", "rejected": "rejected", "officer": "added by officers"}


def _ratio(value: float | None) -> str:
    """A precision or recall for reading: a percentage, or "n/a" when nothing was decided."""
    return "n/a" if value is None else f"{value:.0%}"


def decisions_line(p: Proposals) -> str:
    """One readable line: how many decisions of which kind, from how many cases."""
    counts: dict[str, int] = {}
    corrected = 0
    for cd in p.cases:
        for d in cd.decisions:
            counts[d.label] = counts.get(d.label, 0) + 1
            corrected += d.corrected
    total = sum(counts.values())
    parts = [f"{n} {LABELS.get(label, label)}" for label, n in sorted(counts.items())]
    line = f"Learned from {len(p.cases)} case(s): {total} decisions"
    line += f" ({', '.join(parts)})" if parts else " (none yet: confirm or reject flags first)"
    if corrected:
        line += f"; {corrected} on transcript text officers corrected"
    return line


def _model_line(model: dict) -> str:
    if model.get("f1_new") is not None:
        verdict = (
            "better: install it" if model.get("better") else "not better: keep the current one"
        )
        f1 = lambda v: "n/a" if v is None else f"{v:.2f}"  # noqa: E731
        return (
            f"F1 on the decisions {f1(model.get('f1_current'))} now, "
            f"{f1(model.get('f1_new'))} retrained: {verdict}"
        )
    return model.get("summary") or model.get("error") or "not checked (--no-model)"


def _print_text(p: Proposals) -> None:
    data = p.to_json()
    print(decisions_line(p))
    print("Thresholds:")
    for t in p.thresholds:
        mark = "*" if t.changes else " "
        change = f"{t.current:.2f} -> {t.suggested:.2f}" if t.changes else f"{t.current:.2f} (kept)"
        print(
            f" {mark} {t.category:<14} {change}  precision {_ratio(t.precision_now)} -> "
            f"{_ratio(t.precision_after)}, recall {_ratio(t.recall_now)} -> "
            f"{_ratio(t.recall_after)}: {t.summary}"
        )
    print("Lexicon terms mostly rejected:")
    for r in p.removals:
        print(f"  - {r.category}: '{r.term}' rejected {r.rejected}, confirmed {r.confirmed}")
        for ex in r.examples:
            print(f"      e.g. {ex}")
    print("Phrases of confirmed moments no lexicon holds:")
    for a in p.additions:
        print(f"  + {a.category}: '{a.phrase}' in {a.moments} moments")
    model = data["text_model"]
    print(f"Text model: {_model_line(model)}")
    meaning = data.get("meaning_head") or {}
    print(
        f"Meaning head: {meaning.get('summary') or meaning.get('error') or 'not refitted (REVIEWER_MEANING=0: analysis does not use it)'}"
    )
    if p.applied:
        print("Applied:")
        for entry in p.applied:
            print(
                f"  {entry['action']}: "
                + ", ".join(f"{k}={v}" for k, v in entry.items() if k != "action" and v is not None)
            )
    elif p.ids():
        print("Nothing changed. Apply with --apply (all) or --apply --accept ID ...")


def cmd_learn(args: argparse.Namespace) -> int:
    from ..learn.apply import apply
    from ..learn.proposals import propose
    from ..learn.retrain import rollback
    from ..settings import load_settings

    if args.rollback_meaning:
        from ..learn.meaning_refit import rollback_meaning

        result = rollback_meaning()
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return 0
    if args.rollback:
        result = rollback()
        for folder in args.case or []:
            from ..store import open_case

            with open_case(folder, officer=args.officer, create=False) as case:
                case.log("learn.model_rollback", result)
        if args.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            print(
                f"text model now {result['model_id']} ({result['sha256']}); {result['left']} left"
            )
        return 0
    started = time.monotonic()

    def progress(line: str) -> None:  # stderr: stdout stays the result (and --json parseable)
        sys.stderr.write(f"[{time.monotonic() - started:5.1f} s] {line}\n")
        sys.stderr.flush()

    proposals = propose(
        [Path(c) for c in args.case or []], load_settings(), not args.no_model, progress
    )
    if args.apply:
        progress("Applying the accepted proposals…")
        apply(proposals, args.accept or None, args.officer)
    progress("Done.")
    if args.json:
        sys.stdout.write(json.dumps(proposals.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(proposals)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "learn", help="what the decisions teach: thresholds, lexicon terms, the text model"
    )
    p.add_argument("--case", action="append", help="case folder to learn from (repeatable)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.add_argument(
        "--apply", action="store_true", help="write the proposals (else nothing changes)"
    )
    p.add_argument(
        "--accept", action="append", metavar="ID", help="with --apply: only these proposal ids"
    )
    p.add_argument("--officer", help="who applies (recorded in each case's audit log)")
    p.add_argument("--no-model", action="store_true", help="skip retraining the text model")
    p.add_argument(
        "--rollback", action="store_true", help="go back to the previous text model version"
    )
    p.add_argument(
        "--rollback-meaning",
        action="store_true",
        help="go back to the previous sentence-meaning head",
    )
    p.set_defaults(func=cmd_learn)

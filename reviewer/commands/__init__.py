"""The `reviewer` commands, one module per group; reviewer/cli.py builds the parser from them.

analyze (analyze, demo), case (flags, review, audit), models, transcript, flag (add, edit), search,
check_text, learn, evidence (keys, export, verify), trust (officer keys, audit trust), identifiers,
merge, gui. `reviewer doctor` and `reviewer worker` register from reviewer/doctor.py and
reviewer/cluster/worker.py.
"""

from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CANCELLED = 0, 1, 2, 130


def print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def print_summary(report: dict) -> None:
    from ..case_report import summary_lines

    print("\n".join(summary_lines(report)))

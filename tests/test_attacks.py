"""Red team: an insider with a copy of the case folder, an SQLite editor and this repository's
code attacks the record. Every attack must be caught, named, and leave nothing written.

New modules are imported inside the tests, so that run against the code before "trust the
record" each test fails on its assertion, not on an import at the top.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from test_evidence_fixtures import make_signer, reseal

import speech_clips
from reviewer.cli import main
from reviewer.evidence import keys
from reviewer.evidence.export import export_case
from reviewer.store import open_case
from reviewer.store.audit import entry_hash
from ui_case_builder import build_case

ROOT = Path(__file__).resolve().parents[1]
PASS = "mật khẩu đủ dài 2024"
OFFICER = "cb-042"


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    build_case(folder, flags=4, officer=OFFICER)
    return folder


def _decide(folder: Path, flag_id: int, decision: str, note: str | None = None) -> None:
    with open_case(folder, officer=OFFICER, create=False) as case:
        case.decide_flag(flag_id, decision, OFFICER, note)


def _raw(folder: Path) -> sqlite3.Connection:
    """What the attacker has: the file, without the append-only triggers."""
    conn = sqlite3.connect(folder / "case.db", isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    return conn


def _rehash(conn: sqlite3.Connection, from_seq: int) -> None:
    """Recompute every hash from `from_seq` on with the project's own entry_hash."""
    prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (from_seq - 1,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    rows = conn.execute(
        "SELECT seq, utc, officer, workstation, action, payload FROM audit WHERE seq >= ?"
        " ORDER BY seq",
        (from_seq,),
    ).fetchall()
    for seq, utc, officer, ws, action, payload in rows:
        digest = entry_hash(seq, utc, officer, ws, action, payload, prev)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest


def _audit_cli(folder: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["audit", "--case", str(folder)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _flags(folder: Path) -> dict[int, tuple]:
    conn = sqlite3.connect(folder / "case.db")
    try:
        return {r[0]: r[1:] for r in conn.execute("SELECT id, status, note FROM flag")}
    finally:
        conn.close()


def _export_refused(folder: Path, tmp_path: Path) -> str:
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    with pytest.raises(Exception) as info:  # noqa: PT011 - the named class is checked below
        export_case(folder, usb, make_signer())
    assert type(info.value).__name__ in ("RecordDisagrees", "RolledBack"), info.value
    assert "reviewer audit" in str(info.value) or "rolled back" in str(info.value)
    assert list(usb.iterdir()) == []  # nothing written
    return str(info.value)


# -- the seven attacks of the issue ---------------------------------------------------------------
def test_decision_and_note_edited_in_the_database(case_dir, tmp_path, capsys):
    _decide(case_dir, 1, "confirmed", "rõ ràng")
    conn = _raw(case_dir)
    conn.execute("UPDATE flag SET status = 'rejected', note = 'không vi phạm' WHERE id = 1")
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1
    assert "flag 1: table says rejected, log says confirmed" in out
    assert "flag 1: note in table 'không vi phạm', log says 'rõ ràng'" in out
    _export_refused(case_dir, tmp_path)


def test_last_decision_rolled_back(case_dir, tmp_path, capsys):
    _decide(case_dir, 1, "confirmed")
    _decide(case_dir, 2, "confirmed")
    conn = _raw(case_dir)
    last = conn.execute("SELECT max(seq), hash FROM audit").fetchone()
    conn.execute("DELETE FROM audit WHERE seq = ?", (last[0],))
    conn.execute("UPDATE flag SET status = 'pending', reviewer = NULL WHERE id = 2")
    conn.close()
    before = (case_dir / "case.db").read_bytes()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1
    assert "rolled back" in out and f"entry {last[0]} ({last[1][:16]}" in out
    assert f"entry {last[0] - 1} (" in out  # the case's own, shorter head
    _export_refused(case_dir, tmp_path)
    assert (case_dir / "case.db").read_bytes() == before


def test_chain_rewritten_with_entry_hash(case_dir, tmp_path, capsys):
    _decide(case_dir, 1, "confirmed")
    _decide(case_dir, 2, "rejected")
    conn = _raw(case_dir)
    seq = conn.execute(
        "SELECT seq FROM audit WHERE action = 'flag.decide' ORDER BY seq LIMIT 1"
    ).fetchone()[0]
    conn.execute(
        "UPDATE audit SET payload = replace(payload, '\"confirmed\"', '\"rejected\"')"
        " WHERE seq = ?",
        (seq,),
    )
    conn.execute("UPDATE flag SET status = 'rejected' WHERE id = 1")
    _rehash(conn, seq)
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1
    assert f"entry {seq} (flag.decide by {OFFICER}): its signature does not match key" in out
    _export_refused(case_dir, tmp_path)
    # Stripping the signatures too: the head recorded on this workstation no longer holds.
    conn = _raw(case_dir)
    conn.execute("UPDATE audit SET key_id = NULL, public_key = NULL, signature = NULL")
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1 and "forks from the head this workstation recorded" in out


def test_strangers_copy_is_not_merged(case_dir, tmp_path, monkeypatch, capsys):
    other = tmp_path / "copy"
    shutil.copytree(case_dir, other)
    home_here = os.environ["REVIEWER_HOME"]
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path / "stranger-home"))  # another workstation
    keys.create_key("stranger", PASS)
    try:
        from reviewer.store import signing

        signing.unlock_session("stranger", PASS)
    except ImportError:  # the code before signed entries: nothing to unlock
        pass
    with open_case(other, officer="stranger", create=False) as case:
        case.decide_flag(1, "rejected", "stranger", "không vi phạm")
    stranger_key = keys.current_key("stranger").key_id
    monkeypatch.setenv("REVIEWER_HOME", home_here)
    before = _flags(case_dir)
    capsys.readouterr()
    assert main(["merge", "--case", str(case_dir), "--from", str(other)]) == 0
    out = capsys.readouterr().out
    assert _flags(case_dir) == before  # the stranger's decision was not applied
    assert "Not trusted: entry" in out and f"signed by key {stranger_key}" in out


def test_key_not_replaced_silently(case_dir, tmp_path, monkeypatch, capsys):
    first = keys.create_key(OFFICER, PASS)
    monkeypatch.setenv("REVIEWER_PASSPHRASE", "một mật khẩu mới khác")
    assert main(["keys", "create", "--officer", OFFICER]) == 1
    assert "already has key" in capsys.readouterr().err
    assert keys.current_key(OFFICER).key_id == first.key_id
    monkeypatch.setenv("REVIEWER_OLD_PASSPHRASE", "sai mật khẩu cũ")
    assert main(["keys", "create", "--officer", OFFICER]) == 1  # wrong old passphrase
    assert keys.current_key(OFFICER).key_id == first.key_id
    # Lost: replaced on request, and every case the new key touches says so first.
    monkeypatch.delenv("REVIEWER_OLD_PASSPHRASE")
    assert main(["keys", "create", "--officer", OFFICER, "--replace-lost-key"]) == 0
    from reviewer.store import signing

    signing.unlock_session(OFFICER, "một mật khẩu mới khác")
    _decide(case_dir, 1, "confirmed")
    conn = _raw(case_dir)
    actions = [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[-2:] == ["key.replace_lost", "flag.decide"]
    # Never trusted for the old key's past entries: an old entry re-signed with the new key.
    from reviewer.store.signing import message, session_key

    new = session_key(OFFICER)
    case_id = conn.execute("SELECT value FROM meta WHERE key = 'case_id'").fetchone()[0]
    seq, digest = conn.execute("SELECT seq, hash FROM audit WHERE seq = 2").fetchone()
    conn.execute(
        "UPDATE audit SET key_id = ?, public_key = ?, signature = ? WHERE seq = ?",
        (new.key_id, new.public_b64, new.sign(message(case_id, digest)), seq),
    )
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1 and f"replaced lost key {first.key_id}, before the case logged" in out


def test_worker_refuses_an_open_network(capsys):
    assert main(["worker", "--scheduler", "tcp://10.20.30.40:8786"]) == 1
    err = capsys.readouterr().err
    assert "without TLS" in err and "reviewer cluster certs" in err
    assert main(["worker", "--scheduler", "tcp://127.0.0.1:8786", "--host", "0.0.0.0"]) == 1
    assert "without TLS" in capsys.readouterr().err
    from reviewer.cluster.backend import DaskBackend
    from reviewer.cluster.security import InsecureCluster
    from reviewer.cluster.worker import listen_safely

    with pytest.raises(InsecureCluster):
        DaskBackend("tcp://10.20.30.40:8786", timeout_s=1)
    import argparse

    args = argparse.Namespace(scheduler="tcp://127.0.0.1:8786", host=None, tls=None)
    listen_safely(args)
    assert args.host == "127.0.0.1" and args.security is None  # loopback only


def test_two_analyses_of_one_case(case_dir, tmp_path, capsys):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from reviewer.store.analysis_lock import analysis_lock
                with analysis_lock({str(case_dir)!r}):
                    print("locked", flush=True)
                    time.sleep(120)
                """
            ),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        media_before = _count(case_dir, "media")
        clip = tmp_path / "other.wav"
        speech_clips.write_wav(clip, np.zeros(16000 * 3, dtype=np.int16))
        capsys.readouterr()
        code = main(["analyze", str(clip), "--case", str(case_dir), "--no-vision"])
        err = capsys.readouterr().err
        assert code == 1
        assert f"being analysed by PID {holder.pid} on {socket.gethostname()} since" in err
        assert _count(case_dir, "media") == media_before  # nothing written
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    # The killed holder left a stale lock file: the next analysis takes it over.
    from reviewer.store.analysis_lock import analysis_lock

    with analysis_lock(case_dir):
        pass


# -- attacks added ---------------------------------------------------------------------------------
def test_reordered_entries_rehashed(case_dir, capsys):
    _decide(case_dir, 1, "confirmed")
    _decide(case_dir, 1, "rejected")
    conn = _raw(case_dir)
    a, b = conn.execute("SELECT seq FROM audit ORDER BY seq DESC LIMIT 2").fetchall()
    conn.execute("UPDATE audit SET seq = -1 WHERE seq = ?", a)
    conn.execute("UPDATE audit SET seq = ? WHERE seq = ?", (a[0], b[0]))
    conn.execute("UPDATE audit SET seq = ? WHERE seq = -1", b)
    conn.execute("UPDATE flag SET status = 'confirmed' WHERE id = 1")
    _rehash(conn, b[0])
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1 and "its signature does not match key" in out


def test_entry_replayed_from_another_case(case_dir, tmp_path, capsys):
    donor = tmp_path / "donor"
    build_case(donor, flags=4, officer=OFFICER)
    _decide(donor, 1, "rejected", "không vi phạm")
    src = _raw(donor)
    src.row_factory = sqlite3.Row
    row = dict(src.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT 1").fetchone())
    src.close()
    conn = _raw(case_dir)
    seq, prev = conn.execute("SELECT max(seq), hash FROM audit").fetchone()
    fields = ("utc", "officer", "workstation", "action", "payload")
    row.update(seq=seq + 1, prev_hash=prev)
    row["hash"] = entry_hash(seq + 1, *(row[k] for k in fields), prev)
    conn.execute(
        f"INSERT INTO audit ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )
    conn.execute("UPDATE flag SET status = 'rejected', note = 'không vi phạm' WHERE id = 1")
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1 and f"entry {seq + 1} (flag.decide by {OFFICER}): its signature" in out


def test_log_and_tables_truncated_together(case_dir, tmp_path, capsys):
    for flag_id in (1, 2, 3):
        _decide(case_dir, flag_id, "confirmed")
    other = tmp_path / "copy"
    shutil.copytree(case_dir, other)
    conn = _raw(case_dir)
    top = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    conn.execute("DELETE FROM audit WHERE seq > ?", (top - 2,))
    conn.execute("UPDATE flag SET status = 'pending', reviewer = NULL WHERE id IN (2, 3)")
    conn.close()
    code, out = _audit_cli(case_dir, capsys)
    assert code == 1 and "rolled back" in out
    _export_refused(case_dir, tmp_path)
    capsys.readouterr()
    assert main(["merge", "--case", str(case_dir), "--from", str(other)]) == 1
    assert "rolled back" in capsys.readouterr().err


def test_package_head_swapped(case_dir, tmp_path, capsys):
    signer = make_signer()
    usb = tmp_path / "usb"
    usb.mkdir()
    _decide(case_dir, 1, "confirmed")
    older = export_case(case_dir, usb, signer).path
    _decide(case_dir, 2, "confirmed", "lừa đảo")
    newer = export_case(case_dir, usb, signer).path
    # The insider keeps the newer flags but swaps in the older audit log and head, re-sealed.
    forged = tmp_path / "forged" / newer.name
    shutil.copytree(newer, forged)
    shutil.copy(older / "data/case/audit-log.jsonl", forged / "data/case/audit-log.jsonl")
    seal = json.loads((forged / "seal/seal.json").read_text(encoding="utf-8"))
    seal["audit"] = json.loads((older / "seal/seal.json").read_text(encoding="utf-8"))["audit"]
    (forged / "seal/seal.json").write_text(json.dumps(seal), encoding="utf-8")
    reseal(forged, signer)
    pub = tmp_path / "signer.pub"
    pub.write_text(signer.public.to_text(), encoding="ascii")
    capsys.readouterr()
    code = main(["verify", str(forged), "--trusted-key", str(pub)])
    out = capsys.readouterr().out
    assert code == 1 and "flag 2: case.json says confirmed, its audit log says pending" in out
    # An older package presented as the later one: its head is behind.
    assert main(["verify", str(older), "--after", str(newer), "--trusted-key", str(pub)]) == 1
    assert "shorter audit log" in capsys.readouterr().out
    assert main(["verify", str(newer), "--after", str(older), "--trusted-key", str(pub)]) == 0


def _count(folder: Path, table: str) -> int:
    conn = sqlite3.connect(folder / "case.db")
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _plan_and_payload(case_dir: Path):
    from reviewer.analysis.core import PAYLOAD_FORMAT, TimeRange
    from reviewer.analysis.save import StoredPlan

    rng = TimeRange(0, (0.0, 10.0), None, False, 60.0)
    with open_case(case_dir, create=False) as case:
        media = case.list_media()[0]
    payload = {
        "format": PAYLOAD_FORMAT,
        "sha256": media["sha256"],
        "range": rng.as_json(),
        "segments": [],
        "speech_done_s": 10.0,
        "vision": [],
        "models": {"speech": [], "ocr": [], "image": None},
        "warnings": [],
        "worker": {"host": "w1", "pid": 1},
        "elapsed_s": 0.1,
    }
    return StoredPlan.of(media["id"], [rng]), payload


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda p: p.update(sha256="ab" * 32), id="another-media-hash"),
        pytest.param(
            lambda p: p["segments"].append(
                {"start_s": 9e9, "end_s": 9e9 + 1, "text": "x", "engine": "none", "words": []}
            ),
            id="segment-outside-range",
        ),
        pytest.param(lambda p: p.update(warnings="x" * (65 * 2**20)), id="oversized"),
        pytest.param(lambda p: p.update(segments={"not": "a list"}), id="malformed"),
    ],
)
def test_forged_worker_payload_is_refused(case_dir, forge):
    from reviewer.analysis.save import store_payload

    plan, payload = _plan_and_payload(case_dir)
    forge(payload)
    with (
        open_case(case_dir, create=False) as case,
        pytest.raises(Exception) as info,  # noqa: PT011 - the named class is checked below
    ):
        store_payload(case, plan, payload)
    assert type(info.value).__name__ == "PayloadRejected", info.value
    assert "refused" in str(info.value)
    assert _count(case_dir, "analysis_range") == 0  # nothing stored


# -- what must keep working ------------------------------------------------------------------------
def test_clean_case_audits_and_old_unsigned_log_still_verifies(case_dir, capsys):
    _decide(case_dir, 1, "confirmed")
    code, out = _audit_cli(case_dir, capsys)
    assert code == 0 and "tables agree with the log" in out
    # A case written before signing: no signatures, no head recorded on this workstation.
    conn = _raw(case_dir)
    conn.execute("UPDATE audit SET key_id = NULL, public_key = NULL, signature = NULL")
    conn.close()
    with open_case(case_dir, create=False) as case:
        case_id = case.case_id
    (Path(os.environ["REVIEWER_HOME"]) / "anchors" / f"{case_id}.json").unlink()
    time.sleep(0.01)
    code, out = _audit_cli(case_dir, capsys)
    assert code == 0 and "note: entries before 20" in out and "unsigned" in out
    _decide(case_dir, 2, "rejected")  # signed from then on
    code, out = _audit_cli(case_dir, capsys)
    assert code == 0
    conn = _raw(case_dir)
    assert conn.execute("SELECT signature FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]
    conn.close()

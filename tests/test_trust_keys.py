"""Whom a workstation trusts: keys it made, and officer keys the unit vouches for. Rotation keeps
the old key's word; verify says which rule made a key trusted."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from reviewer.cli import main
from reviewer.evidence import keys, minisign
from reviewer.store import open_case, signing
from ui_case_builder import build_case

PASS = "mật khẩu đủ dài 2024"
UNIT_PASS = "khóa đơn vị rất dài 2026"


def _flags(folder: Path) -> dict[int, tuple]:
    conn = sqlite3.connect(folder / "case.db")
    try:
        return {r[0]: r[1:] for r in conn.execute("SELECT id, status, reviewer FROM flag")}
    finally:
        conn.close()


def test_vouched_officer_is_merged_and_the_rule_named(tmp_path, monkeypatch, capsys):
    here = tmp_path / "case"
    build_case(here, flags=3, officer="cb-an")
    copy = tmp_path / "copy"
    shutil.copytree(here, copy)
    home_here = os.environ["REVIEWER_HOME"]
    # Another workstation: officer cb-binh's key signs a decision there.
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path / "other-home"))
    keys.create_key("cb-binh", PASS)
    signing.unlock_session("cb-binh", PASS)
    with open_case(copy, officer="cb-binh", create=False) as case:
        case.decide_flag(2, "confirmed", "cb-binh", "chuyển khoản")
    binh_pub = tmp_path / "cb-binh.pub"
    keys.export_public(binh_pub, "cb-binh")
    monkeypatch.setenv("REVIEWER_HOME", home_here)
    # Not trusted yet: listed, not applied.
    assert main(["merge", "--case", str(here), "--from", str(copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["not_trusted"] and "cb-binh" in report["not_trusted"][0]
    assert _flags(here)[2][0] == "pending"
    # The unit's administrator vouches for cb-binh's key; this workstation trusts the unit.
    monkeypatch.setenv("REVIEWER_PASSPHRASE", UNIT_PASS)
    unit = tmp_path / "unit"
    assert main(["keys", "unit", "create", "--out", str(unit), "--unit", "PC02"]) == 0
    unit_key = next(unit.glob("unit-*.key"))
    statement = tmp_path / "cb-binh.vouch.json"
    assert (
        main(
            [
                "keys",
                "vouch",
                str(binh_pub),
                "--officer",
                "cb-binh",
                "--unit-key",
                str(unit_key),
                "--out",
                str(statement),
            ]
        )
        == 0
    )
    # A statement is refused before the unit key is trusted, accepted after.
    assert main(["keys", "trust", str(statement)]) == 1
    assert main(["keys", "trust", str(next(unit.glob("unit-*.pub")))]) == 0
    assert main(["keys", "trust", str(statement)]) == 0
    capsys.readouterr()
    assert main(["merge", "--case", str(here), "--from", str(copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert not report["not_trusted"] and len(report["applied"]) == 1
    assert _flags(here)[2] == ("confirmed", "cb-binh")
    # The merged entry is signed by the merging workstation's key (no officer key unlocked
    # here), and cites the copy's entry; the audit passes.
    monkeypatch.delenv("REVIEWER_PASSPHRASE")
    assert main(["audit", "--case", str(here)]) == 0
    out = capsys.readouterr().out
    assert "tables agree with the log" in out


def test_rotation_statement_signed_by_the_old_key(tmp_path):
    old = keys.create_key("cb-an", PASS)
    new = keys.create_key("cb-an", "mật khẩu mới đủ dài", old_passphrase=PASS)
    doc = json.loads((new.public_path.with_name(f"{new.key_id}.rotation.json")).read_text())
    body = json.dumps(doc["statement"], sort_keys=True).encode("utf-8")
    assert minisign.check(old.public, body, minisign.parse_signature(doc["minisig"]))
    assert doc["statement"]["old_key_id"] == old.key_id
    listed = {k.key_id: k.current for k in keys.list_keys("cb-an")}
    assert listed == {new.key_id: True, old.key_id: False}  # the old one retired, kept


def test_verify_names_the_rule(tmp_path, capsys, monkeypatch):
    from test_evidence_fixtures import OFFICER, make_case

    case_dir, _ids = make_case(tmp_path / "case", tmp_path / "media")
    keys.create_key("CA-001", PASS)
    monkeypatch.setenv("REVIEWER_PASSPHRASE", PASS)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["export", "--case", str(case_dir), "--out", str(usb), "--officer", "CA-001"]) == 0
    package = next(usb.iterdir())
    capsys.readouterr()
    assert main(["verify", str(package)]) == 0
    out = capsys.readouterr().out
    assert "trusted because: key" in out and "made on this workstation" in out
    # The export's own entry is signed by the officer's key (unlocked for the export).
    with open_case(case_dir, officer=OFFICER, create=False) as case:
        row = case.conn.execute(
            "SELECT key_id FROM audit WHERE action = 'evidence.export' ORDER BY seq DESC"
        ).fetchone()
    assert row[0] == keys.current_key("CA-001").key_id

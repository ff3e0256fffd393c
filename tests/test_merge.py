"""Merging officers' copies of one case: clean, repeated, conflicting, tampered, added/edited flags."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import pytest

from conftest import reviewer_cmd
from reviewer.errors import MergeRefused
from reviewer.merge.engine import merge_case
from reviewer.store import open_case
from ui_case_builder import build_case


@pytest.fixture
def copies(tmp_path):
    """Case A with four pending flags, and B: a copy of it handed to another officer."""
    a, b = tmp_path / "A", tmp_path / "B"
    build_case(a, flags=4, officer="cb-an")
    shutil.copytree(a, b)
    return a, b


def _decide(folder, officer, flag_id, decision, note=None):
    with open_case(folder, officer=officer, create=False) as case:
        case.decide_flag(flag_id, decision, officer, note)


def _audit(folder):
    with open_case(folder, create=False) as case:
        return [
            dict(zip(("seq", "officer", "action", "payload", "hash"), r, strict=True))
            for r in case.conn.execute(
                "SELECT seq, officer, action, payload, hash FROM audit ORDER BY seq"
            )
        ]


def _flag(folder, flag_id):
    with open_case(folder, create=False) as case:
        return case.get_flag(flag_id)


def test_clean_merge_applies_decisions_and_notes_citing_the_copy(copies):
    a, b = copies
    _decide(a, "cb-an", 3, "confirmed")
    _decide(b, "cb-binh", 1, "confirmed", "rõ ràng chuyển khoản")
    _decide(b, "cb-binh", 2, "rejected")
    _decide(b, "cb-binh", 2, "rejected", "nấu ăn, không vi phạm")  # a note after the decision
    b_hashes = {e["hash"] for e in _audit(b)}
    with open_case(a, officer="cb-an", create=False) as case:
        report = merge_case(case, b)
        assert case.verify_audit().entries == len(_audit(a))
    assert [o.kind for o in report.outcomes] == ["applied"] * 3
    assert not report.of("conflict")
    f1, f2, f3 = (_flag(a, i) for i in (1, 2, 3))
    assert (f1["status"], f1["reviewer"], f1["note"]) == (
        "confirmed",
        "cb-binh",
        "rõ ràng chuyển khoản",
    )
    assert (f2["status"], f2["note"]) == ("rejected", "nấu ăn, không vi phạm")
    assert f3["status"] == "confirmed"  # A's own decision untouched
    merged = [e for e in _audit(a) if "cites" in json.loads(e["payload"])]
    assert [e["action"] for e in merged] == ["flag.decide"] * 3
    for e in merged:
        payload = json.loads(e["payload"])
        assert set(payload["cites"]) <= b_hashes  # each cites the copy's entry hash
        assert payload["merged_by"] == "cb-an" and e["officer"] == "cb-binh"
    assert _audit(a)[-1]["action"] == "merge.finish"


def test_repeat_merge_and_merge_back_change_nothing(copies):
    a, b = copies
    _decide(a, "cb-an", 3, "confirmed")
    _decide(b, "cb-binh", 1, "confirmed")
    with open_case(a, officer="cb-an", create=False) as case:
        merge_case(case, b)
    before = _audit(a)
    with open_case(a, officer="cb-an", create=False) as case:
        again = merge_case(case, b)
    assert again.changes == 0 and again.already_merged == 1 and not again.written
    assert _audit(a) == before
    # B takes A's work back: it gets flag 3, and its own decision on flag 1 is not re-applied.
    with open_case(b, officer="cb-binh", create=False) as case:
        back = merge_case(case, a)
    assert [(o.kind, o.flag_id) for o in back.outcomes] == [("applied", 3)]
    assert _flag(b, 3)["status"] == "confirmed" and _flag(b, 1)["reviewer"] == "cb-binh"
    with open_case(b, officer="cb-binh", create=False) as case:
        assert merge_case(case, a).changes == 0


def test_conflict_keeps_both_sides_for_a_senior_officer(copies):
    a, b = copies
    _decide(a, "cb-an", 1, "confirmed", "đặt cược rõ")
    _decide(b, "cb-binh", 1, "confirmed")
    _decide(b, "cb-binh", 1, "rejected", "chỉ là bình luận bóng đá")
    _decide(b, "cb-binh", 4, "confirmed")
    _decide(a, "cb-an", 4, "confirmed")  # the same decision in both: not a conflict
    out = subprocess.run(
        [*reviewer_cmd(), "merge", "--case", str(a), "--from", str(b), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert [c["flag_id"] for c in report["conflicts"]] == [1]
    conflict = report["conflicts"][0]
    assert conflict["here"]["officer"] == "cb-an" and conflict["here"]["status"] == "confirmed"
    assert conflict["other"]["officer"] == "cb-binh" and conflict["other"]["status"] == "rejected"
    assert conflict["other"]["note"] == "chỉ là bình luận bóng đá" and conflict["other"]["utc"]
    assert [s["flag_id"] for s in report["same"]] == [4]
    flag = _flag(a, 1)
    assert flag["status"] == "unsure"  # neither side wins: a senior officer decides
    assert flag["conflict"]["here"]["note"] == "đặt cược rõ"
    assert flag["conflict"]["other"]["status"] == "rejected"
    entry = [e for e in _audit(a) if e["action"] == "merge.conflict"]
    assert len(entry) == 1 and len(json.loads(entry[0]["payload"])["cites"]) == 2
    # Merging again does not raise the conflict twice; the senior officer's decision settles it.
    with open_case(a, officer="cb-truong", create=False) as case:
        assert merge_case(case, b).changes == 0
        case.decide_flag(1, "rejected", "cb-truong", "đã xem lại")
    flag = _flag(a, 1)
    assert flag["conflict"] is None and flag["reviewer"] == "cb-truong"


def test_tampered_copy_is_refused_and_nothing_written(copies):
    a, b = copies
    _decide(b, "cb-binh", 1, "confirmed")
    conn = sqlite3.connect(b / "case.db")
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute(
        "UPDATE audit SET payload = replace(payload, 'confirmed', 'rejected') WHERE action = 'flag.decide'"
    )
    conn.commit()
    conn.close()
    before = _audit(a)
    out = subprocess.run(
        [*reviewer_cmd(), "merge", "--case", str(a), "--from", str(b)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1
    assert "broken" in out.stderr and "altered" in out.stderr and "Nothing was merged" in out.stderr
    assert _audit(a) == before and _flag(a, 1)["status"] == "pending"


def test_another_case_or_own_folder_is_refused(copies, tmp_path):
    a, _b = copies
    other = tmp_path / "other"
    build_case(other, flags=1)
    with open_case(a, create=False) as case:
        with pytest.raises(MergeRefused, match="another case"):
            merge_case(case, other)
        with pytest.raises(MergeRefused, match="own folder"):
            merge_case(case, a)
        with pytest.raises(MergeRefused, match="holds no case"):
            merge_case(case, tmp_path)


def test_dry_run_shows_the_merge_and_writes_nothing(copies):
    a, b = copies
    _decide(b, "cb-binh", 2, "unsure")
    before = _audit(a)
    with open_case(a, create=False) as case:
        report = merge_case(case, b, write=False)
    assert [(o.kind, o.flag_id) for o in report.outcomes] == [("applied", 2)]
    assert any("flag 2: unsure by cb-binh" in line for line in report.summary_lines())
    assert _audit(a) == before and _flag(a, 2)["status"] == "pending"


def _officer_flag(folder, officer, fields):
    """What the officer-made flags change writes: the row and a flag.add entry with every field."""
    with open_case(folder, officer=officer, create=False) as case, case.transaction() as conn:
        cols = ", ".join(fields)
        flag_id = conn.execute(
            f"INSERT INTO flag ({cols}) VALUES ({', '.join('?' for _ in fields)})",
            list(fields.values()),
        ).lastrowid
        case._audit(conn, "flag.add", {"flag_id": flag_id, **fields})
    return flag_id


def _edit_span(folder, officer, flag_id, new):
    with open_case(folder, officer=officer, create=False) as case, case.transaction() as conn:
        row = conn.execute(
            "SELECT start_s, end_s, category FROM flag WHERE id = ?", (flag_id,)
        ).fetchone()
        old = dict(zip(("start_s", "end_s", "category"), row, strict=True))
        conn.execute(
            "UPDATE flag SET start_s = ?, end_s = ? WHERE id = ?",
            (new["start_s"], new["end_s"], flag_id),
        )
        case._audit(conn, "flag.edit", {"flag_id": flag_id, "old": old, "new": {**old, **new}})


def test_officer_flags_and_span_edits_replay_by_content_not_id(copies):
    a, b = copies
    fields = {
        "media_id": 1,
        "start_s": 30.0,
        "end_s": 34.0,
        "category": "insult",
        "score": 1.0,
        "source": "officer",
        "text": "chửi người xem",
        "status": "confirmed",
        "reviewer": "cb-binh",
    }
    # Both officers add a flag: same id 5 in each copy, different flags.
    a_flag = _officer_flag(
        a, "cb-an", {**fields, "start_s": 10.0, "end_s": 12.0, "category": "fraud"}
    )
    b_flag = _officer_flag(b, "cb-binh", fields)
    assert a_flag == b_flag == 5
    _decide(b, "cb-binh", b_flag, "confirmed", "giữ lại")
    _edit_span(b, "cb-binh", b_flag, {"start_s": 29.0, "end_s": 35.5})  # edit after the decision
    _edit_span(b, "cb-binh", 2, {"start_s": 1.0, "end_s": 2.0})
    with open_case(a, officer="cb-an", create=False) as case:
        report = merge_case(case, b)
        flags = {f["id"]: f for f in case.flags()}
    assert [o.kind for o in report.outcomes] == ["applied"] * 4
    added = flags[6]
    assert (added["category"], added["start_s"], added["end_s"]) == ("insult", 29.0, 35.5)
    assert added["note"] == "giữ lại" and added["status"] == "confirmed"
    assert flags[5]["category"] == "fraud"  # A's own officer flag is kept apart
    assert (flags[2]["start_s"], flags[2]["end_s"], flags[2]["play_from_s"]) == (1.0, 2.0, 0.0)
    with open_case(a, officer="cb-an", create=False) as case:
        assert merge_case(case, b).changes == 0


def test_officer_flags_made_with_the_real_commands_merge(copies):
    """flag.add / flag.edit / flag.remove as `reviewer flag` writes them, merged into A."""
    from reviewer.store.officer_flags import add_officer_flag, edit_flag, remove_officer_flag

    a, b = copies
    with open_case(b, officer="cb-binh", create=False) as case:
        media_id = case.list_media()[0]["id"]
        kept = add_officer_flag(case, media_id, 10.0, 14.0, "insult", "chửi", "cb-binh")
        edit_flag(case, kept["id"], end_s=16.5, officer="cb-binh")
        taken_back = add_officer_flag(case, media_id, 30.0, 32.0, "fraud", None, "cb-binh")
        remove_officer_flag(case, taken_back["id"], "cb-binh")
        edit_flag(case, 2, start_s=1.0, officer="cb-binh")  # a machine flag reshaped
    with open_case(a, officer="cb-an", create=False) as case:
        report = merge_case(case, b)
        officer = [f for f in case.flags() if f["source"] == "officer"]
        reshaped = case.get_flag(2)
    assert [o.kind for o in report.outcomes].count("applied") == 5
    assert [(f["category"], f["start_s"], f["end_s"]) for f in officer] == [("insult", 10.0, 16.5)]
    assert officer[0]["status"] == "confirmed" and officer[0]["reviewer"] == "cb-binh"
    assert reshaped["start_s"] == 1.0 and reshaped["edited_by"] == "cb-binh"
    with open_case(a, officer="cb-an", create=False) as case:
        again = merge_case(case, b)
    assert not again.of("applied")

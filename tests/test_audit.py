"""The hash-chained audit log: intact chains verify, every kind of tampering is caught."""

import sqlite3

import pytest

from reviewer.errors import AuditChainBroken
from reviewer.store import open_case


@pytest.fixture
def case(tmp_path):
    c = open_case(tmp_path / "case", officer="officer-1")
    for i in range(5):
        c.log("test.action", {"i": i, "text": "quyết định số " + str(i)})
    yield c
    c.close()


def _raw(case):
    """A connection without the append-only triggers, as an attacker with the file would have."""
    conn = sqlite3.connect(case.folder / "case.db", isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    return conn


def test_intact_chain_verifies(case):
    status = case.verify_audit()
    assert status.entries == 6  # case.create + 5
    assert len(status.head) == 64


def test_database_refuses_edits(case):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        case.conn.execute("UPDATE audit SET officer = 'x' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        case.conn.execute("DELETE FROM audit WHERE seq = 2")


def test_edited_payload_is_caught(case):
    _raw(case).execute("""UPDATE audit SET payload = '{"i":99}' WHERE seq = 3""")
    with pytest.raises(AuditChainBroken, match="entry 3"):
        case.verify_audit()


def test_edit_with_recomputed_hash_breaks_the_next_link(case):
    from reviewer.store.audit import entry_hash

    conn = _raw(case)
    row = conn.execute("SELECT * FROM audit WHERE seq = 3").fetchone()[:8]  # + signature columns
    seq, utc, officer, ws, action, payload, prev, _ = row
    new = entry_hash(seq, utc, "intruder", ws, action, payload, prev)
    conn.execute("UPDATE audit SET officer = 'intruder', hash = ? WHERE seq = 3", (new,))
    with pytest.raises(AuditChainBroken, match="entry 4"):
        case.verify_audit()


def test_deleted_entry_is_caught(case):
    _raw(case).execute("DELETE FROM audit WHERE seq = 4")
    with pytest.raises(AuditChainBroken, match="missing or out of order"):
        case.verify_audit()


def test_deleted_last_entry_changes_the_head(case):
    head = case.verify_audit().head
    _raw(case).execute("DELETE FROM audit WHERE seq = 6")
    # Truncation at the end keeps a valid chain; the head (sealed into exports) tells.
    assert case.verify_audit().head != head


def test_reordered_entries_are_caught(case):
    conn = _raw(case)
    conn.execute("UPDATE audit SET seq = 100 WHERE seq = 2")
    conn.execute("UPDATE audit SET seq = 2 WHERE seq = 3")
    conn.execute("UPDATE audit SET seq = 3 WHERE seq = 100")
    with pytest.raises(AuditChainBroken):
        case.verify_audit()


def test_decisions_survive_reopen(case):
    folder = case.folder
    case.log("flag.decide", {"flag": 1, "decision": "confirm"})
    case.close()
    with open_case(folder, create=False) as again:
        assert again.verify_audit().entries == 7


def test_record_check_reads_one_moment(tmp_path, monkeypatch):
    """A decision written while the window checks the case is not a disagreement (it was: the
    log and the table were read in separate transactions, a decision landing between them)."""
    from reviewer.store import audit, record
    from ui_case_builder import build_case

    folder = tmp_path / "case"
    build_case(folder, segments=2, flags=2, texts=0)
    real_read = audit.read_signed_rows

    def read_then_someone_decides(conn):
        rows = real_read(conn)
        with open_case(folder, officer="officer-2", create=False, check_head=False) as other:
            other.decide_flag(1, "confirmed", note="ghi chú")
        return rows

    monkeypatch.setattr(audit, "read_signed_rows", read_then_someone_decides)
    with open_case(folder, create=False, check_head=False) as case:
        report = record.check_case(case)
    assert report.failures == []
    monkeypatch.setattr(audit, "read_signed_rows", real_read)
    with open_case(folder, create=False, check_head=False) as case:
        assert record.check_case(case).failures == []


def test_anchor_file_written_from_two_threads(tmp_path, monkeypatch):
    """The window's background check and a merge on the UI thread update one anchor file at
    once (CI failed: both wrote the same temporary name, the second rename found nothing)."""
    import threading

    from reviewer.store import anchor

    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path / "home"))
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(100):
                anchor.record_verified("case-x", n * 1000 + i, f"digest-{n}-{i}")
                anchor.record("case-x", tmp_path / f"copy{n}", anchor.Head(i, f"h{i}"))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert anchor.recorded("case-x", tmp_path / "copy0") == anchor.Head(99, "h99")
    assert list((tmp_path / "home" / "anchors").glob("*.tmp")) == []

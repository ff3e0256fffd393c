"""The application and the record: a case whose tables disagree with its log is shown with the
reasons; the officer's passphrase is asked once, and their decisions are then signed by their key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from reviewer.evidence import keys
from reviewer.store import signing
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(90)
PASS = "mật khẩu đủ dài 2024"


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    signing.lock_session()


def test_failing_record_is_shown_with_reasons(window, tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "case"
    build_case(folder, flags=4)
    conn = sqlite3.connect(folder / "case.db")
    conn.execute("UPDATE flag SET status = 'confirmed', note = 'giả mạo' WHERE id = 2")
    conn.commit()
    conn.close()
    with qtbot.waitSignal(window.record_check.failed, timeout=30000) as got:
        assert window.open_case(folder, create=False)  # it opens: the officer may read it
    reasons = got.args[1]
    assert "flag 2: table says confirmed, log says pending (no decision)" in reasons
    qtbot.waitUntil(lambda: window.record_check.box is not None)
    box = window.record_check.box
    assert box.isVisible() and "flag 2: table says confirmed" in box.informativeText()


def test_sound_record_passes_quietly(window, tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "case"
    build_case(folder, flags=2)
    with qtbot.waitSignal(window.record_check.passed, timeout=30000):
        window.open_case(folder, create=False)
    assert window.record_check.box is None


def test_passphrase_asked_once_and_decisions_signed(window, tmp_path, qtbot, monkeypatch):
    officer = window.settings.officer_name()
    info = keys.create_key(officer, PASS)
    folder = tmp_path / "case"
    build_case(folder, flags=3, officer=officer)
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return PASS, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    with qtbot.waitSignal(window.record_check.passed, timeout=30000):
        window.open_case(folder, create=False)
    for _ in range(2):
        window.select_flag(window.flag_panel.visible_ids()[0])  # decisions act on a shown flag
        window.decide("confirmed")
    assert len(asked) == 1  # once per session
    conn = sqlite3.connect(folder / "case.db")
    signed = conn.execute(
        "SELECT key_id FROM audit WHERE action = 'flag.decide' ORDER BY seq"
    ).fetchall()
    conn.close()
    assert signed and all(row[0] == info.key_id for row in signed)

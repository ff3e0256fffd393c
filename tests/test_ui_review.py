"""The review window over real case databases: opening, keyboard review with undo, persistence,
filters and transcript click-to-seek. Cases are built directly in the DB (no model needed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.paths import demo_case_dir
from reviewer.store import open_case
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    build_case(folder, segments=12, flags=4, texts=4)
    return folder


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    show(w, qtbot)
    yield w
    w.close()


def show(window: MainWindow, qtbot) -> None:
    """Shown and active: window shortcuts only fire in the active window."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=20000)  # a loaded machine is slow to activate


def statuses(folder: Path) -> dict[int, tuple[str, str | None]]:
    """Read with a separate connection: what a killed process would leave on disk."""
    conn = sqlite3.connect(folder / "case.db")
    try:
        return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, status, note FROM flag")}
    finally:
        conn.close()


def key(
    window: MainWindow, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(window.flag_panel.view, k, mod)


def test_opens_built_demo_case_without_reanalysing(window: MainWindow) -> None:
    build_case(demo_case_dir())
    assert window.open_demo()
    assert window.worker is None  # analysed before: nothing queued
    assert window.flag_panel.proxy.rowCount() == 4
    assert window.current_media_id is not None
    assert window.timeline.duration > 70
    assert window.transcript.model.rowCount() == 12
    assert "demo" in window.windowTitle()


def test_keyboard_review_with_undo(window: MainWindow, case_dir: Path, qtbot) -> None:
    window.open_case(case_dir)
    ids = window.flag_panel.visible_ids()
    key(window, Qt.Key.Key_J)
    assert window.current_flag_id == ids[0]
    # Selecting a flag puts the player a little before it (flag.play_from_s).
    flag = window.data.flag_by_id(ids[0])
    assert window.player.requested_position_s == pytest.approx(flag["play_from_s"])
    key(window, Qt.Key.Key_C)  # confirm, then the next flag is selected
    assert statuses(case_dir)[ids[0]][0] == "confirmed"
    assert window.current_flag_id == ids[1]
    key(window, Qt.Key.Key_X)
    assert statuses(case_dir)[ids[1]][0] == "rejected"
    key(window, Qt.Key.Key_U)
    assert statuses(case_dir)[ids[2]][0] == "unsure"
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(case_dir)[ids[2]][0] == "pending"
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(case_dir)[ids[1]][0] == "pending"
    assert window.current_flag_id == ids[1]  # undo returns to the flag it changes
    key(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert statuses(case_dir)[ids[1]][0] == "rejected"
    key(window, Qt.Key.Key_K)
    assert window.current_flag_id == ids[0]
    # The timeline and the list show the status.
    assert window.flag_panel.model.rows[0]["status"] == "confirmed"
    with open_case(case_dir, create=False) as case:
        actions = [r["action"] for r in case.db.query("SELECT action FROM audit ORDER BY seq")]
        assert actions.count("flag.decide") == 6
        assert case.verify_audit().entries == len(actions)


def test_decisions_and_notes_persist_after_reopening(case_dir: Path, qtbot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    show(first, qtbot)
    first.open_case(case_dir)
    ids = first.flag_panel.visible_ids()
    key(first, Qt.Key.Key_J)
    key(first, Qt.Key.Key_N)  # note field gets the focus
    first.detail.note_edit.insert("Nói rõ số tài khoản")  # QTest types ASCII only
    QTest.keyClick(first.detail.note_edit, Qt.Key.Key_Return)
    key(first, Qt.Key.Key_C)
    first.close()

    on_disk = statuses(case_dir)
    assert on_disk[ids[0]] == ("confirmed", "Nói rõ số tài khoản")

    second = MainWindow()
    qtbot.addWidget(second)
    show(second, qtbot)
    second.open_case(case_dir)
    second.select_flag(ids[0])
    assert second.detail.note_edit.text() == "Nói rõ số tài khoản"
    assert second.flag_panel.model.rows[0]["status"] == "confirmed"
    assert str(case_dir.resolve()) in second.ui_settings.recent_cases
    second.close()


def test_filters(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    build_case(folder, segments=40, flags=21, texts=3)
    window.open_case(folder)
    panel = window.flag_panel
    assert panel.proxy.rowCount() == 21
    panel.category_box.setCurrentIndex(panel.category_box.findData("obscene"))
    assert panel.proxy.rowCount() == 3
    assert {r["source"] for r in panel.model.rows if r["category"] == "obscene"} == {"image"}
    panel.category_box.setCurrentIndex(0)
    panel.source_box.setCurrentIndex(panel.source_box.findData("ocr"))
    ocr = sum(1 for r in panel.model.rows if r["source"] == "ocr")
    assert panel.proxy.rowCount() == ocr > 0
    panel.source_box.setCurrentIndex(0)
    panel.score_box.setValue(0.8)
    assert panel.proxy.rowCount() == sum(1 for r in panel.model.rows if r["score"] >= 0.8)
    panel.score_box.setValue(0.0)
    window.select_flag(panel.visible_ids()[0])
    window.decide("confirmed")
    panel.status_box.setCurrentIndex(panel.status_box.findData("confirmed"))
    assert panel.proxy.rowCount() == 1
    panel.status_box.setCurrentIndex(panel.status_box.findData("pending"))
    assert panel.proxy.rowCount() == 20
    panel.status_box.setCurrentIndex(0)
    # Sort by score, highest first.
    panel.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    scores = [panel.proxy.index(r, 3).data(Qt.ItemDataRole.UserRole + 1) for r in range(5)]
    assert scores == sorted(scores, reverse=True)


def test_transcript_click_seeks_and_search_finds(window: MainWindow, case_dir: Path, qtbot) -> None:
    window.open_case(case_dir)
    view = window.transcript.view
    model = window.transcript.model
    row = 5
    index = model.index(row)
    view.scrollTo(index)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.player.requested_position_s == pytest.approx(model.segments[row]["start_s"])
    assert model.current_row == row  # the segment under the playhead is highlighted
    # Search without tones finds Vietnamese text in speech and on-screen text.
    window.transcript.search_box.setText("chuyen khoan")
    QTest.keyClick(window.transcript.search_box, Qt.Key.Key_Return)
    results = window.transcript.results
    assert results.count() == 3
    window.transcript.search_box.setText("stk 0123")
    QTest.keyClick(window.transcript.search_box, Qt.Key.Key_Return)
    assert results.count() == 4
    item = results.item(2)
    rect = results.visualItemRect(item)
    QTest.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    media_id, start = item.data(Qt.ItemDataRole.UserRole)
    assert window.player.requested_position_s == pytest.approx(start)
    # Clicking the timeline seeks too.
    tl = window.timeline
    x = int(tl._x(30.0))
    QTest.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.rect().center().__class__(x, 60))
    assert window.player.requested_position_s == pytest.approx(30.0, abs=tl.view_span / 400 + 0.5)


def test_obscene_picture_blurred_until_revealed(window: MainWindow, tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "many"
    build_case(folder, segments=40, flags=21, texts=3)
    window.open_case(folder)
    obscene = next(f for f in window.data.flags if f["category"] == "obscene")
    window.select_flag(obscene["id"])
    qtbot.waitUntil(lambda: not window.detail.image.isNull(), timeout=10000)
    assert window.detail.needs_blur()
    assert window.detail.reveal_button.isVisible()
    QTest.keyClick(window.flag_panel.view, Qt.Key.Key_V)
    assert not window.detail.needs_blur()
    with open_case(folder, create=False) as case:
        assert (
            case.db.execute("SELECT count(*) FROM audit WHERE action = 'flag.reveal'").fetchone()[0]
            == 1
        )

"""The officer corrects a transcript segment in the pane: inline edit (double-click or F2), the
correction stored beside the machine text, marked in the row, the machine text in the tooltip,
its flag raised at once, found by search; Vietnamese words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from reviewer.store import open_case
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(120)

GARBLED = "Anh em vào nhạc ai bên kia chơi nhé"
SAID = "Anh em vào nhà cái bên kia chơi nhé"
ROW = 10  # far from the built flags


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    build_case(folder, segments=12, flags=2, texts=0)
    with open_case(folder, create=False) as case:
        seg_id = [s["id"] for s in case.segments()][ROW]
        case.conn.execute("UPDATE segment SET text = ? WHERE id = ?", (GARBLED, seg_id))
    return folder


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _editor(view) -> QLineEdit:
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors, "no inline editor opened"
    return editors[0]


def _open_row(window: MainWindow, qtbot, row: int):
    view, model = window.transcript.view, window.transcript.model
    index = model.index(row)
    view.scrollTo(index)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > 0)
    return view, model, index


def test_double_click_edit_stores_marks_and_flags(window: MainWindow, case_dir: Path, qtbot):
    assert window.open_case(case_dir)
    view, model, index = _open_row(window, qtbot, ROW)
    assert model.segments[ROW]["text"] == GARBLED
    before = [f for f in window.data.flags if f["category"] == "gambling"]
    # A real double-click: press and release, then the double-click event.
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    editor = _editor(view)
    assert editor.text() == GARBLED  # the officer starts from what the machine heard
    editor.setText(SAID)
    with qtbot.waitSignal(window.transcript.corrected, timeout=60000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    seg = model.segments[ROW]
    assert seg["text"] == SAID and seg["machine_text"] == GARBLED
    assert index.data().endswith(f"✎ {SAID}")  # the officer's text, marked
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert GARBLED in tip and window.data.case.officer in tip
    # Raised at once: a gambling flag on the corrected words, shown in the flag panel.
    qtbot.waitUntil(
        lambda: len([f for f in window.data.flags if f["category"] == "gambling"]) > len(before)
    )
    new = [f for f in window.data.flags if f["text"] == SAID]
    assert new and new[0]["category"] == "gambling" and new[0]["status"] == "pending"
    # Search finds the officer's words.
    window.transcript.search_box.setText("nha cai ben kia")
    QTest.keyClick(window.transcript.search_box, Qt.Key.Key_Return)
    assert window.transcript.results.count() == 1
    with open_case(case_dir, create=False) as case:
        raw = case.conn.execute("SELECT text FROM segment WHERE id = ?", (seg["id"],)).fetchone()[0]
        assert raw == GARBLED  # the machine text is kept
        (action,) = case.conn.execute(
            "SELECT action FROM audit WHERE action = 'segment.correct'"
        ).fetchone()
        assert action == "segment.correct"


def test_f2_edits_and_escape_keeps_the_text(window: MainWindow, case_dir: Path, qtbot):
    assert window.open_case(case_dir)
    view, model, index = _open_row(window, qtbot, ROW)
    view.setFocus()
    view.setCurrentIndex(index)
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = _editor(view)
    editor.setText("something else")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    window.transcript.wait_for_corrections()
    assert model.segments[ROW]["text"] == GARBLED and not model.segments[ROW].get("corrected")


def test_vietnamese_words(window: MainWindow, case_dir: Path, qtbot):
    app = QApplication.instance()
    assert install_translator(app, "vi") == "vi"
    try:
        assert window.open_case(case_dir)
        model = window.transcript.model
        tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == "Nhấp đúp hoặc nhấn F2 để sửa lời đã nói."
        with qtbot.waitSignal(window.transcript.corrected, timeout=60000):
            window.transcript.correct_row(ROW, SAID)
        tip = model.index(ROW).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Cán bộ") and "Máy nhận dạng nghe được: " + GARBLED in tip
    finally:
        install_translator(app, "en")

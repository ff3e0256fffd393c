"""Officer flags in the application: add at the playhead, drag edges, undo/redo, Learning panel."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog

from reviewer.settings import load_settings
from ui.flag_span_dialog import FlagSpanDialog
from ui.main_window import MainWindow
from ui.shortcuts import shortcut_help_html, shortcuts_markdown
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    build_case(folder, segments=12, flags=4, texts=4)
    return folder


@pytest.fixture
def window(qtbot, case_dir) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert w.open_case(case_dir)
    yield w
    w.close()


def _db(folder: Path, sql: str, args: tuple = ()) -> list[tuple]:
    """A separate connection: what is on disk, as a killed process would leave it."""
    conn = sqlite3.connect(folder / "case.db")
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _audit(folder: Path, action: str) -> list[dict]:
    rows = _db(folder, "SELECT payload FROM audit WHERE action = ? ORDER BY seq", (action,))
    return [json.loads(p) for (p,) in rows]


def _press(window: MainWindow, key: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(window.flag_panel.view, key, mod)


def test_add_flag_at_playhead_with_undo_redo(window, case_dir, monkeypatch) -> None:
    seen = {}

    def accept(dialog: FlagSpanDialog) -> int:
        seen["span"] = (dialog.start.value(), dialog.end.value())
        dialog.category.setCurrentIndex(dialog.category.findData("insult"))
        dialog.note.setText("chửi bằng tiếng lóng")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FlagSpanDialog, "exec", accept)
    window.timeline.set_playhead(20.0)
    _press(window, Qt.Key.Key_A)
    assert seen["span"] == (20.0, 25.0)  # from the playhead, 5 s by default
    rows = _db(
        case_dir, "SELECT id, start_s, end_s, category, status, source, note FROM flag"
        " WHERE source = 'officer'",
    )  # fmt: skip
    ((flag_id, *rest),) = rows
    assert rest == [20.0, 25.0, "insult", "confirmed", "officer", "chửi bằng tiếng lóng"]
    assert window.current_flag_id == flag_id
    assert flag_id in window.flag_panel.visible_ids()
    assert any(f["id"] == flag_id for f in window.timeline._flags.items)
    assert _audit(case_dir, "flag.add")[0]["flag_id"] == flag_id

    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _db(case_dir, "SELECT id FROM flag WHERE source = 'officer'") == []
    assert _audit(case_dir, "flag.remove")[0]["flag_id"] == flag_id
    assert flag_id not in window.flag_panel.visible_ids()
    _press(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    ((again, cat),) = _db(case_dir, "SELECT id, category FROM flag WHERE source = 'officer'")
    assert cat == "insult" and len(_audit(case_dir, "flag.add")) == 2


def _mouse(widget, kind: QEvent.Type, x: float, y: float, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    pos = QPointF(x, y)
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_drag_flag_edge_saves_span_with_undo(window, case_dir) -> None:
    tl = window.timeline
    flag = min(window.data.flags, key=lambda f: f["start_s"])
    window.select_flag(flag["id"])
    tl.zoom_fit()
    y = tl._lanes()["flags"].center().y()
    x_end = tl._x(flag["end_s"])
    assert tl.edge_at(x_end, y)[1] == "end"
    target = flag["end_s"] + 4.0
    held = Qt.MouseButton.LeftButton
    _mouse(tl, QEvent.Type.MouseButtonPress, x_end, y, held)
    _mouse(tl, QEvent.Type.MouseMove, (x_end + tl._x(target)) / 2, y, held)
    _mouse(tl, QEvent.Type.MouseMove, tl._x(target), y, held)
    # Nothing written while the button is down.
    assert (
        _db(case_dir, "SELECT end_s FROM flag WHERE id = ?", (flag["id"],))[0][0] == flag["end_s"]
    )
    _mouse(tl, QEvent.Type.MouseButtonRelease, tl._x(target), y, Qt.MouseButton.NoButton)
    ((start, end, edited),) = _db(
        case_dir, "SELECT start_s, end_s, edited_by FROM flag WHERE id = ?", (flag["id"],)
    )
    assert start == flag["start_s"] and end == pytest.approx(target, abs=0.2) and edited
    (entry,) = _audit(case_dir, "flag.edit")
    assert entry["old"]["end_s"] == flag["end_s"] and entry["new"]["end_s"] == end
    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (
        _db(case_dir, "SELECT end_s FROM flag WHERE id = ?", (flag["id"],))[0][0] == flag["end_s"]
    )
    assert len(_audit(case_dir, "flag.edit")) == 2
    _press(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _db(case_dir, "SELECT end_s FROM flag WHERE id = ?", (flag["id"],))[0][0] == end


def test_typed_times_and_category(window, case_dir, monkeypatch) -> None:
    flag = window.data.flags[0]
    window.select_flag(flag["id"])

    def accept(dialog: FlagSpanDialog) -> int:
        assert dialog.windowTitle() and not dialog.note.isVisible()
        dialog.start.setValue(flag["start_s"] - 1.0)
        dialog.category.setCurrentIndex(dialog.category.findData("personal_data"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FlagSpanDialog, "exec", accept)
    _press(window, Qt.Key.Key_E)
    ((start, category),) = _db(
        case_dir, "SELECT start_s, category FROM flag WHERE id = ?", (flag["id"],)
    )
    assert start == pytest.approx(flag["start_s"] - 1.0, abs=0.05) and category == "personal_data"


def test_shortcuts_listed_in_help_and_docs() -> None:
    for text in ("Add a flag at the playhead", "Type the flag's times and category"):
        assert html.escape(text) in shortcut_help_html()
        assert text in shortcuts_markdown()
    assert shortcuts_markdown() in (ROOT / "docs" / "shortcuts.md").read_text(encoding="utf-8")


def test_learning_panel_proposes_and_applies(window, case_dir, qtbot) -> None:
    # Three rejected fraud flags and a confirmed gambling one: raise fraud's threshold.
    fraud = [f for f in window.data.flags if f["category"] == "fraud"]
    gambling = [f for f in window.data.flags if f["category"] == "gambling"]
    for f in fraud:
        window.data.decide(f["id"], "rejected")
    window.data.decide(gambling[0]["id"], "confirmed")
    window.add_flag(1, 33.0, 36.0, "fraud", None)  # a miss no detection saw: no threshold helps
    panel = window.learning
    panel.retrain.setChecked(False)
    panel.propose()
    qtbot.waitUntil(lambda: panel.proposals is not None and not panel.busy, timeout=60000)
    groups = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
    }
    thresholds = groups["Thresholds"]
    texts = [thresholds.child(k).text(0) for k in range(thresholds.childCount())]
    effects = [thresholds.child(k).text(1) for k in range(thresholds.childCount())]
    assert any("0.50 → 0.71" in t for t in texts), texts
    assert any("would have removed" in e for e in effects)
    fraud_item = next(
        thresholds.child(k) for k in range(thresholds.childCount()) if "0.71" in texts[k]
    )
    fraud_item.setCheckState(0, Qt.CheckState.Checked)
    assert panel.checked_ids() == ["threshold:fraud"]
    panel.apply_checked()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60000)
    assert load_settings().thresholds == {"fraud": 0.71}
    assert window.settings.thresholds == {"fraud": 0.71}  # the next analysis uses it
    (entry,) = _audit(case_dir, "learn.threshold")
    assert entry["new"] == 0.71 and entry["old"] == 0.5
    # Undo the applied change from the same panel.
    applied = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    assert applied.child(0).text(0) == "learn.threshold"
    applied.child(0).setCheckState(0, Qt.CheckState.Checked)
    panel.revert_checked()
    qtbot.waitUntil(lambda: not panel.busy, timeout=60000)
    assert load_settings().thresholds == {"fraud": 0.5}
    assert window.settings.thresholds == {"fraud": 0.5}
    assert _audit(case_dir, "learn.revert")[0]["category"] == "fraud"

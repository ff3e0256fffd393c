"""The "Merge a reviewed copy…" action: a summary first, nothing written until Merge is pressed."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from reviewer.store import open_case
from ui import merge_dialog
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(60)


def test_merge_action_shows_summary_then_writes(qtbot, tmp_path, monkeypatch):
    a, b = tmp_path / "A", tmp_path / "B"
    build_case(a, flags=4, officer="cb-an")
    shutil.copytree(a, b)
    with open_case(a, officer="cb-an", create=False) as case:
        case.decide_flag(1, "confirmed", "cb-an")
    with open_case(b, officer="cb-binh", create=False) as case:
        case.decide_flag(1, "rejected", "cb-binh", "không vi phạm")
        case.decide_flag(2, "confirmed", "cb-binh")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(b))
    shown: list[dict] = []  # what each summary showed (the dialog is deleted after it closes)
    answer = {"code": QDialog.DialogCode.Rejected}

    def fake_exec(dialog):
        shown.append(
            {
                "counts": dialog.counts.text(),
                "lines": [dialog.items.item(i).text() for i in range(dialog.items.count())],
                "merge_enabled": dialog.merge_button.isEnabled(),
            }
        )
        return answer["code"]

    monkeypatch.setattr(merge_dialog.MergeDialog, "exec", fake_exec)
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_case(a)
    action = w.actions_by_name["merge_copy"]
    assert action in w.case_menu.actions()

    with qtbot.waitSignal(w.merger.finished, timeout=20000):
        action.trigger()  # cancelled at the summary: nothing written
    lines = shown[0]["lines"]
    assert "1 changes to apply, 1 conflicts" in shown[0]["counts"]
    assert any("Conflict, flag 1: cb-an" in t and "cb-binh" in t for t in lines)
    assert any(t.startswith("Flag 2: flag.decide by cb-binh") for t in lines)
    assert w.data.flag_by_id(2)["status"] == "pending"

    answer["code"] = QDialog.DialogCode.Accepted
    with qtbot.waitSignal(w.merger.finished, timeout=20000) as merged:
        action.trigger()  # the dry run and the merge both run in a worker
    assert merged.args == [True]
    assert w.data.flag_by_id(2)["status"] == "confirmed"
    assert w.data.flag_by_id(1)["status"] == "unsure"
    w.select_flag(1)
    info = w.detail.info.text()
    assert "Copies disagree" in info and "không vi phạm" in info and "cb-an" in info

    with qtbot.waitSignal(w.merger.finished, timeout=20000):
        action.trigger()  # merged already: the summary says so and Merge is disabled
    assert not shown[-1]["merge_enabled"]
    w.close()

"""The window's search box finds a paraphrase by meaning (real model) and Enter plays it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.store import open_case
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(180)
PARAPHRASE = "cần thu mua tk chính chủ giá cao, ai có ib"


def test_search_box_finds_a_paraphrase_and_enter_plays_it(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "case"
    media_id = build_case(folder, segments=6, flags=0, texts=2)
    with open_case(folder, create=False) as case, case.transaction() as conn:
        seg = conn.execute(
            "SELECT id, start_s FROM segment WHERE media_id = ? ORDER BY start_s LIMIT 1 OFFSET 3",
            (media_id,),
        ).fetchone()
        conn.execute("UPDATE segment SET text = ? WHERE id = ?", (PARAPHRASE, seg[0]))
        # as analysis leaves them: each segment names the engine that heard it
        conn.execute(
            "UPDATE segment SET engine = (SELECT speech_model FROM media WHERE id = ?)",
            (media_id,),
        )
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_case(folder, create=False)
    search = window.meaning_search
    window.bottom_tabs.setCurrentWidget(search)
    search.box.setText("bán tài khoản ngân hàng")
    QTest.keyClick(search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.results.count() > 0, timeout=120000)
    texts = [search.results.item(i).text() for i in range(search.results.count())]
    rows = [i for i, t in enumerate(texts) if PARAPHRASE in t]
    assert rows and rows[0] < 3, texts  # among the best three (an "STK …" chat line shares words)
    search.results.setCurrentRow(rows[0])
    played: list[float] = []
    window.player.play_from = played.append  # no audio device needed
    with qtbot.waitSignal(search.moment_chosen, timeout=5000):
        QTest.keyClick(search.results, Qt.Key.Key_Return)
    assert played == [pytest.approx(seg[1])]
    assert window.current_media_id == media_id
    window.close()

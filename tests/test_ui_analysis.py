"""Analysis from the window (worker thread, fake speech engine), cancel, and the Vietnamese UI."""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

import speech_clips
from reviewer.paths import demo_case_dir
from reviewer.store import open_case
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(90)
ROOT = Path(__file__).resolve().parents[1]
FAST = {"vision": False, "chunk_s": 5.0, "speech_bias": "none"}


class SlowEngine:
    """A fake engine that takes its time, so there is an analysis to cancel."""

    kind = "whisper"
    name = "slow-fake"
    sha256 = "1" * 64
    device = "cpu"
    compute_type = "int8"
    warning = None

    def __init__(self) -> None:
        self.started = threading.Event()

    def transcribe(self, audio, options):
        self.started.set()
        for second in range(int(audio.size // 16000)):
            time.sleep(0.1)
            yield {
                "start_s": float(second),
                "end_s": second + 1.0,
                "text": f"vào link đặt cược tài xỉu ngay {second}",
                "language": "vi",
                "confidence": 1.0,
                "no_speech_prob": 0.0,
                "words": [],
            }


def test_demo_case_first_run_analyses_with_progress(qtbot, fake_engine) -> None:
    w = MainWindow(engine_factory=lambda name, device: fake_engine, analysis_overrides=FAST)
    qtbot.addWidget(w)
    w.show()
    stages: list[str] = []
    assert w.open_demo()
    assert w.worker is not None
    w.worker.progress.connect(lambda job, event: stages.append(event.stage))
    with qtbot.waitSignal(w.analysis_idle, timeout=60000):
        pass
    assert "speech" in stages and "done" in stages
    assert w.queue.states and set(w.queue.states.values()) == {"analyzed"}
    with open_case(demo_case_dir(), create=False) as case:
        assert [m["status"] for m in case.list_media()] == ["analyzed"]
    assert w.transcript.model.rowCount() > 0  # the transcript arrived without reopening
    w.close()


def test_cancel_running_analysis(qtbot, tmp_path: Path) -> None:
    audio = (np.sin(np.arange(16000 * 40) / 5) * 12000).astype(np.int16)
    clip = tmp_path / "ghi âm dài.wav"
    speech_clips.write_wav(clip, audio)
    engine = SlowEngine()
    w = MainWindow(engine_factory=lambda name, device: engine, analysis_overrides=FAST)
    qtbot.addWidget(w)
    w.show()
    w.open_case(tmp_path / "case")
    w.analyse([clip])
    qtbot.waitUntil(engine.started.is_set, timeout=20000)
    qtbot.waitUntil(lambda: bool(w.data.case.segments()), timeout=20000)  # first chunk saved
    job_id = next(iter(w.queue.rows))
    row = w.queue.rows[job_id]
    cancel_button = w.queue.table.cellWidget(row, 5)
    with qtbot.waitSignal(w.worker.job_finished, timeout=20000) as finished:
        cancel_button.click()
    assert finished.args[1] == "cancelled"
    qtbot.waitUntil(lambda: not w.worker.isRunning(), timeout=10000)
    assert w.queue.states[job_id] == "cancelled"
    with open_case(tmp_path / "case", create=False) as case:
        media = case.list_media()[0]
        assert media["status"] == "pending"  # a re-run resumes
        assert 0 < media["speech_done_s"] < 40
        saved = len(case.segments())
    assert 0 < saved < 40
    # Flags appeared while the analysis was still running.
    assert w.data.flags and w.flag_panel.model.rowCount() == len(w.data.flags)
    w.close()


def _source_texts() -> dict[str, str]:
    tree = ET.parse(ROOT / "resources" / "i18n" / "reviewer_vi.ts")
    out = {}
    for m in tree.getroot().iter("message"):
        tr = m.find("translation")
        assert tr.get("type") != "unfinished", m.find("source").text
        out[m.find("source").text] = tr.text or ""
    return out


def _visible_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QDockWidget):
            texts.append(w.windowTitle())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        texts.append(w.toolTip())
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions()]
    model = window.flag_panel.model
    texts += [model.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(model.columnCount())]
    return [t for t in texts if t]


def test_vietnamese_translation_covers_the_main_window(qtbot, tmp_path: Path) -> None:
    sources = _source_texts()
    app = QApplication.instance()
    assert install_translator(app, "vi") == "vi"
    try:
        build_case(tmp_path / "case")
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        w.open_case(tmp_path / "case")
        visible = _visible_texts(w)
        assert "Xác nhận (C)" in visible
        categories = [w.flag_panel.proxy.index(r, 2).data() for r in range(4)]
        tips = [w.flag_panel.proxy.index(r, 2).data(Qt.ItemDataRole.ToolTipRole) for r in range(4)]
        # The table shows the short name, the tooltip the full one.
        assert "Lừa đảo" in categories and "Lừa đảo chiếm đoạt tài sản" in tips
        english = {s for s, t in sources.items() if s != t}
        # Language names are written in their own language ("English" in the language menu).
        visible = [t for t in visible if t not in ("English", "Tiếng Việt")]
        untranslated = [t for t in visible if t in english or t.replace("&", "") in english]
        assert untranslated == []
        # Switching language at run time re-labels the window.
        w.set_ui_language("en")
        assert "Confirm (C)" in _visible_texts(w)
        w.close()
    finally:
        install_translator(app, "en")

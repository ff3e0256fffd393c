"""The review window as a new officer meets it: nothing stale after a switch, keys that act only
on what is shown, a timeline whose flags do not hide each other, a waveform of the whole
recording, a paused video that shows the flag's frame, Vietnamese everywhere (Qt's own dialogs
included), text that fits, local times, and the first-run questions."""

from __future__ import annotations

import re
import sqlite3
import wave
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton

from reviewer.evidence import VerifyReport
from reviewer.settings import load_settings
from ui.first_run import FirstRunDialog, needs_first_run
from ui.i18n import category_label, category_short, install_translator
from ui.learning_panel import LearningPanel
from ui.main_window import MainWindow
from ui.qt_strings import QT_STRINGS
from ui.settings_dialog import SettingsDialog
from ui.ui_settings import load_ui_settings
from ui.verify_dialog import VerifyDialog
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(90)
ENGLISH = re.compile(
    r"\b(only|need|None|Cancel|Open|video|CUDA|Intact|decisions|requested|retrained)\b"
)


# -- fixtures -----------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def english_after(qapp):
    """The translator is the application's: later test files expect the English source texts."""
    yield
    install_translator(qapp, "en")


def _png(path: Path) -> Path:
    image = QImage(640, 360, QImage.Format.Format_RGB32)
    image.fill(QColor("#dddddd"))
    image.save(str(path))
    return path


def _wav(path: Path, seconds: float) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    samples = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(samples.tobytes())
    return path


@pytest.fixture
def two_cases(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "case-a", tmp_path / "case-b"
    build_case(a, segments=12, flags=4, texts=4)
    build_case(b, segments=12, flags=4, texts=4)
    return a, b


@pytest.fixture
def window(qtbot) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()


def _statuses(folder: Path) -> set[str]:
    conn = sqlite3.connect(folder / "case.db")
    try:
        return {r[0] for r in conn.execute("SELECT status FROM flag")}
    finally:
        conn.close()


def _decision_actions_enabled(window: MainWindow) -> bool:
    return any(window.actions_by_name[n].isEnabled() for n in ("confirm", "reject", "unsure"))


# -- stale panels ---------------------------------------------------------------------------------
def test_case_switch_clears_flag_detail_note_and_search(window, two_cases) -> None:
    a, b = two_cases
    window.open_case(a, create=False)
    window.move_flag(1)
    assert window.detail.flag is not None and _decision_actions_enabled(window)
    window.detail.note_edit.setText("ghi chú vụ A")
    window.transcript.search_box.setText("chuyển khoản")
    window.transcript.run_search()
    assert window.transcript.results.count() > 0

    window.open_case(b, create=False)
    assert window.detail.flag is None
    assert window.detail.note_edit.text() == ""
    assert window.transcript.results.count() == 0
    assert window.transcript.search_box.text() == ""
    assert window.flag_panel.current_flag_id() is None
    # Nothing is shown, so C and X do nothing and cannot be triggered.
    assert not _decision_actions_enabled(window)
    window.decide("confirmed")
    window.actions_by_name["reject"].trigger()
    assert _statuses(b) == {"pending"} and _statuses(a) == {"pending"}


def test_media_switch_clears_selection_and_play_is_off_for_screenshots(
    window, tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    build_case(folder, segments=12, flags=4, texts=4)
    image_id = build_case(folder, _png(tmp_path / "chat.png"), segments=1, flags=1, texts=1)
    window.open_case(folder, create=False)
    video_flag = next(f for f in window.data.flags if f["media_id"] != image_id)
    image_flag = next(f for f in window.data.flags if f["media_id"] == image_id)

    window.select_flag(video_flag["id"])
    assert window.actions_by_name["play_flag"].isEnabled()
    assert window.detail.play_button.isEnabled()

    window.show_media(image_id)  # another file: the video's flag is no longer shown
    assert window.detail.flag is None and window.current_flag_id is None
    assert not _decision_actions_enabled(window)
    window.decide("confirmed")
    assert _statuses(folder) == {"pending"}

    window.select_flag(image_flag["id"])
    assert window.detail.flag["id"] == image_flag["id"]
    assert _decision_actions_enabled(window)
    assert not window.actions_by_name["play_flag"].isEnabled()
    assert not window.detail.play_button.isEnabled()


# -- timeline ---------------------------------------------------------------------------------------
def test_overlapping_flags_get_their_own_rows_with_short_labels(window, two_cases) -> None:
    window.open_case(two_cases[0], create=False)
    tl = window.timeline
    flags = [
        {"id": 1, "start_s": 10.0, "end_s": 20.0, "category": "gambling"},
        {"id": 2, "start_s": 12.0, "end_s": 18.0, "category": "fraud"},
        {"id": 3, "start_s": 15.0, "end_s": 30.0, "category": "illegal_trade"},
        {"id": 4, "start_s": 40.0, "end_s": 45.0, "category": "insult"},
    ]
    for f in flags:
        f.update(status="pending", source="speech", score=0.8, matched=[], text="")
    tl.set_flags(flags)
    tl.zoom_fit()
    rects = [tl.flag_rect(f) for f in flags]
    for i, r in enumerate(rects):
        for other in rects[i + 1 :]:
            assert not r.intersects(other), (r, other)
    assert tl.flag_row_count == 3
    assert tl.height() >= tl._lanes()["wave"].bottom()
    # Clicking each flag's own row finds that flag, not the one drawn over it before.
    for f, r in zip(flags, rects, strict=True):
        assert tl.flag_at(r.center().x(), r.center().y())["id"] == f["id"]
    tl.grab()  # paint: labels are laid out with the rectangles
    assert category_short("illegal_trade") in {text for _, text, _ in tl._labels}


def test_on_screen_text_lane_draws_each_item(window, two_cases) -> None:
    window.open_case(two_cases[0], create=False)
    tl = window.timeline
    texts = [
        {"id": 1, "start_s": 2.0, "end_s": 6.0, "text": "a"},
        {"id": 2, "start_s": 6.0, "end_s": 10.0, "text": "b"},
        {"id": 3, "start_s": 10.0, "end_s": 14.0, "text": "c"},
        {"id": 4, "start_s": 3.0, "end_s": 12.0, "text": "on screen with the others"},
    ]
    tl.set_texts(texts)
    tl.zoom_fit()
    tl.grab()
    lane = tl._lanes()["text"]
    drawn = sorted(
        (r for r, _ in tl._cache if lane.contains(r.center()) and r.width() > 4.5),
        key=lambda r: (r.top(), r.left()),
    )
    assert len(drawn) == 4
    row0 = [r for r in drawn if r.top() == drawn[0].top()]
    assert len(row0) == 3  # abutting items stay apart
    for left, right in zip(row0, row0[1:], strict=False):
        assert left.right() < right.left()


def test_waveform_is_the_whole_recording_after_a_case_switch(window, tmp_path, qtbot) -> None:
    short = tmp_path / "short"
    build_case(short, _wav(tmp_path / "short.wav", 8.0), segments=2, flags=1, texts=0)
    demo = tmp_path / "demo"
    build_case(demo, segments=12, flags=4, texts=4)
    window.open_case(short, create=False)
    qtbot.waitUntil(lambda: window.timeline._wave is not None, timeout=20000)
    assert len(window.timeline._wave) / window.timeline._wave_rate < 10

    window.open_case(demo, create=False)  # its recording has the same media id
    tl = window.timeline
    qtbot.waitUntil(lambda: tl._wave is not None, timeout=30000)
    window.loader.wait()
    QCoreApplication.processEvents()
    covered = len(tl._wave) / tl._wave_rate
    assert tl.duration > 70 and covered >= tl.duration - 0.5


# -- the paused video shows the flag's frame ---------------------------------------------------------
def test_selected_flag_shows_a_paused_frame(window, two_cases, qtbot) -> None:
    window.open_case(two_cases[0], create=False)
    window.move_flag(1)
    player = window.player
    at = player.requested_position_s
    assert at > 0
    qtbot.waitUntil(lambda: player.stack.currentWidget() is player.still_view, timeout=20000)
    qtbot.waitUntil(lambda: not player.still_view.image.isNull(), timeout=20000)
    image = player.still_view.image
    assert image.width() > 100
    # Not a black screen: the demo frame has light pixels.
    small = image.scaled(32, 18)
    assert max(QColor(small.pixel(x, y)).lightness() for x in range(32) for y in range(18)) > 60
    assert not player.playing()
    # The frame is the playhead's: another position brings another frame.
    window.player.seek(at + 20.0)
    qtbot.waitUntil(lambda: player.still_view.image is not image, timeout=20000)


# -- Vietnamese first ----------------------------------------------------------------------------------
def test_qt_strings_match_qt_and_are_translated(window) -> None:
    window.set_ui_language("vi")
    untranslated = [
        (ctx, text)
        for ctx, text in QT_STRINGS
        if QCoreApplication.translate(ctx, text) == text and text not in ("OK",)
    ]
    assert not untranslated
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    dialog = QFileDialog(window, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
    texts = [t.replace("&", "") for t in texts if t]
    assert texts and not [t for t in texts if ENGLISH.search(t) or t in ("Look in:", "File name:")]
    dialog.deleteLater()


def test_qt_source_strings_exist_in_qt() -> None:
    """Qt finds a translation only under its exact source text: check ours against the libraries."""
    import PySide6

    libs = Path(PySide6.__file__).parent
    blobs = b"".join(
        p.read_bytes()
        for p in list(libs.rglob("*Qt6Widgets*")) + list(libs.rglob("*Qt6Gui*"))
        if p.is_file() and p.suffix in (".so", ".6", ".dll", "") and p.stat().st_size > 1e6
    )
    if not blobs:
        pytest.skip("Qt libraries not found beside PySide6")
    missing = [text for _, text in QT_STRINGS if text.encode() not in blobs]
    assert not missing


def test_vietnamese_window_texts(window, two_cases) -> None:
    window.set_ui_language("vi")
    window.open_case(two_cases[0], create=False)
    media_text = window.media_list.item(0).text()
    assert "video" not in media_text.split("\n")[1]
    warning = window.engine_warning(
        "CUDA was requested but no usable GPU was found; running on the CPU (int8)."
    )
    assert warning and not ENGLISH.search(warning)

    panel = LearningPanel()
    few = SimpleNamespace(confirmed=1, rejected=1, added=0)
    assert not ENGLISH.search(panel.threshold_effect(few))
    some = SimpleNamespace(
        confirmed=3, rejected=2, added=0, precision_now=None, precision_after=0.75,
        recall_now=None, recall_after=1.0, removed_rejected=1, kept_confirmed=3, more_to_review=0,
    )  # fmt: skip
    effect = panel.threshold_effect(some)
    assert "None" not in effect and not ENGLISH.search(effect)
    model = SimpleNamespace(decided_texts=2, better=False, f1_current=None, f1_new=None)
    assert not ENGLISH.search(panel.model_effect(model))
    panel.deleteLater()

    dialog = VerifyDialog(window)
    report = VerifyReport(package=Path("p"), status="ok", reason="Intact and signed by officer x.")
    report.signer = {"officer": "CB-1", "key_id": "ABCD", "trusted": True}
    assert not ENGLISH.search(dialog.reason_text(report))
    report = VerifyReport(
        package=Path("p"),
        status="tampered",
        reason="data/originals/a.mp4 was altered (SHA256 differs).",
    )
    line = dialog.reason_text(report)
    assert "data/originals/a.mp4" in line and "altered" not in line
    dialog.deleteLater()


# -- text that fits ----------------------------------------------------------------------------------
def test_flag_table_fits_headers_and_uses_short_categories(window, two_cases) -> None:
    window.set_ui_language("vi")
    window.open_case(two_cases[0], create=False)
    view = window.flag_panel.view
    model = window.flag_panel.model
    metrics = view.horizontalHeader().fontMetrics()
    for col in range(model.columnCount() - 1):
        header = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert view.columnWidth(col) >= metrics.horizontalAdvance(header), header
    index = window.flag_panel.proxy.index(0, 2)
    category = model.rows[window.flag_panel.proxy.mapToSource(index).row()]["category"]
    assert index.data() == category_short(category) != category_label(category)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == category_label(category)
    fm = view.fontMetrics()
    assert view.columnWidth(2) >= fm.horizontalAdvance(index.data())


def test_flag_detail_wraps_and_shows_local_time(window, two_cases, qtbot) -> None:
    window.set_ui_language("vi")
    window.open_case(two_cases[0], create=False)
    window.move_flag(1)
    flag_id = window.current_flag_id
    window.decide("confirmed")
    window.select_flag(flag_id)
    info = window.detail.info.text()
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", info)
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", info)
    scroll = window.detail.scroll
    assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    qtbot.waitUntil(lambda: window.detail.info.width() <= scroll.viewport().width())


def test_settings_help_is_not_cut(window, qtbot) -> None:
    window.set_ui_language("vi")
    dialog = SettingsDialog(load_settings(), window.ui_settings, "", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.wordWrap() and label.isVisible() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()[:40]
    dialog.close()


# -- first run ---------------------------------------------------------------------------------------
def test_first_run_asks_language_and_officer_id(qtbot) -> None:
    assert needs_first_run()
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "vi"
    ok = dialog.start_button
    assert not ok.isEnabled()
    QCoreApplication.processEvents()  # the language change has reached every widget
    assert ok.text() == "Bắt đầu"
    assert not ENGLISH.search(dialog.intro.text())
    dialog.officer.setText("CB-0421")
    assert ok.isEnabled()
    dialog.accept()
    assert load_settings().officer == "CB-0421"
    assert load_ui_settings().ui_language == "vi" and not needs_first_run()
    window = MainWindow()
    qtbot.addWidget(window)
    assert "CB-0421" in window.officer_label.text()
    window.close()

"""The officer's workplace: files, player, timeline, flags, transcript, detail and queue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import (
    EngineFactory,
    Settings,
    load_settings,
    save_settings,
)

from .analysis_controller import AnalysisController
from .case_controller import CaseController
from .case_data import CaseData
from .flag_detail import FlagDetail
from .flag_list import FlagListPanel
from .i18n import install_translator
from .identifiers_panel import IdentifiersPanel
from .learning_panel import LearningPanel
from .meaning_search import MeaningSearch
from .media_list import MediaList
from .merge_dialog import MergeRunner
from .player import PlayerWidget
from .queue_panel import QueuePanel
from .record_check import RecordCheck
from .review_controller import ReviewController
from .settings_dialog import SettingsDialog
from .shortcuts import SHORTCUTS, shortcut_help_html
from .timeline import TimelineWidget
from .transcript_pane import TranscriptPane
from .ui_settings import UiSettings, load_ui_settings, save_ui_settings
from .window_menus import build_menus
from .workers import AnalysisWorker, BackgroundLoader


class MainWindow(QMainWindow):
    case_opened = Signal(str)
    flags_refreshed = Signal()
    analysis_idle = Signal()

    def __init__(
        self,
        engine_factory: EngineFactory | None = None,
        analysis_overrides: dict | None = None,
    ) -> None:
        super().__init__()
        self.engine_factory = engine_factory
        self.analysis_overrides = analysis_overrides or {}
        self.settings: Settings = load_settings()
        self.ui_settings: UiSettings = load_ui_settings()
        self.data: CaseData | None = None
        self.worker: AnalysisWorker | None = None
        self.current_media_id: int | None = None
        self.current_flag_id: int | None = None
        self.advance_after_decision = True
        # The window holds the widgets and the shared state (data, worker, current ids); the
        # controllers hold the behaviour, each for one side of the work.
        self.cases = CaseController(self)
        self.analysis = AnalysisController(self)
        self.review = ReviewController(self)
        self.undo_stack = QUndoStack(self)
        self.record_check = RecordCheck(self)  # passphrase once; a failing record shown
        self.merger = MergeRunner(self)  # dry run and merge in a worker, summary between
        self.merger.finished.connect(self.cases.on_merged)
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self.review.on_loaded)
        self.setAcceptDrops(True)
        self.resize(1500, 950)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.retranslate_ui()
        self._restore_layout()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.timeout.connect(self.review.refresh_from_db)

    # -- construction ---------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.player = PlayerWidget(self)
        self.player.position_changed.connect(self.review.on_position)
        self.player.still_wanted.connect(self.review.grab_still)
        self.detail = FlagDetail(self)
        self.detail.decide.connect(self.review.decide)
        self.detail.note_saved.connect(self.review.save_note)
        self.detail.play_requested.connect(self.review.play_flag)
        self.detail.revealed.connect(self.review.on_reveal)
        self.detail.shown_changed.connect(self.review.enable_flag_actions)
        self.timeline = TimelineWidget(self)
        self.timeline.seek_requested.connect(self.player.seek)
        self.timeline.flag_clicked.connect(self.review.select_flag)
        self.timeline.flag_span_edited.connect(self.review.edit_flag_span)
        self.zoom_in_button = QToolButton(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_fit_button = QToolButton(self)
        self.zoom_in_button.clicked.connect(lambda: self.timeline.zoom(2.0))
        self.zoom_out_button.clicked.connect(lambda: self.timeline.zoom(0.5))
        self.zoom_fit_button.clicked.connect(self.timeline.zoom_fit)
        zoom_row = QVBoxLayout()
        for b in (self.zoom_in_button, self.zoom_out_button, self.zoom_fit_button):
            zoom_row.addWidget(b)
        zoom_row.addStretch(1)
        timeline_box = QWidget(self)
        tl = QHBoxLayout(timeline_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.timeline, 1)
        tl.addLayout(zoom_row)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.player)
        top.addWidget(self.detail)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([820, 460])
        self.detail.setMaximumWidth(520)  # the video gets the rest
        self.player.setMinimumWidth(560)
        central = QWidget(self)
        cl = QVBoxLayout(central)
        cl.setContentsMargins(4, 4, 4, 4)
        cl.addWidget(top, 1)
        cl.addWidget(timeline_box)
        self.setCentralWidget(central)

        self.media_list = MediaList(self)
        self.media_list.media_chosen.connect(self.review.show_media)
        self.flag_panel = FlagListPanel(self)
        self.flag_panel.flag_selected.connect(self.review.select_flag)
        self.flag_panel.flag_activated.connect(
            lambda fid: (self.review.select_flag(fid), self.review.play_flag())
        )
        self.transcript = TranscriptPane(self)
        self.transcript.seek_requested.connect(self.player.seek)
        self.transcript.hit_chosen.connect(self.review.go_to)
        self.transcript.corrected.connect(lambda _segment_id: self.review.refresh_from_db())
        self.queue = QueuePanel(self)
        self.queue.cancel_requested.connect(self.analysis.cancel_job)
        self.queue.cancel_all_requested.connect(self.analysis.cancel_analysis)

        self.media_dock = self._dock("media", self.media_list, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.transcript_dock = self._dock(
            "transcript", self.transcript, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.addTab(self.flag_panel, "")
        self.bottom_tabs.addTab(self.queue, "")
        self.learning = LearningPanel(self)
        self.learning.applied.connect(self.review.on_learning_applied)
        self.bottom_tabs.addTab(self.learning, "")
        self.identifiers = IdentifiersPanel(self)  # who is behind it
        self.identifiers.moment_chosen.connect(self.review.go_to)
        self.identifiers.case_chosen.connect(lambda f: self.cases.open_case(Path(f), create=False))
        self.bottom_tabs.addTab(self.identifiers, "")
        self.meaning_search = MeaningSearch(self)  # search by words and meaning
        self.meaning_search.moment_chosen.connect(self.review.play_moment)
        self.bottom_tabs.addTab(self.meaning_search, "")
        self.bottom_dock = self._dock(
            "bottom", self.bottom_tabs, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.resizeDocks([self.media_dock], [230], Qt.Orientation.Horizontal)
        self.resizeDocks([self.transcript_dock], [360], Qt.Orientation.Horizontal)
        self.resizeDocks([self.bottom_dock], [280], Qt.Orientation.Vertical)

        self.officer_label = QLabel(self)
        self.device_label = QLabel(self)
        self.analysis_label = QLabel(self)
        self.warning_label = QLabel(self)
        self.warning_label.setStyleSheet("color:#c92a2a; font-weight:600;")
        bar = self.statusBar()
        bar.addWidget(self.officer_label)
        bar.addWidget(self.device_label)
        bar.addWidget(self.warning_label, 1)
        bar.addPermanentWidget(self.analysis_label)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        handlers = {
            "new_case": self.cases.new_case,
            "open_case": self.cases.open_case_dialog,
            "open_demo": lambda: self.cases.open_demo(),
            "add_files": self.cases.add_files_dialog,
            "add_folder": self.cases.add_folder_dialog,
            "quit": self.close,
            "next_flag": lambda: self.review.move_flag(1),
            "prev_flag": lambda: self.review.move_flag(-1),
            "play_flag": self.review.play_flag,
            "confirm": lambda: self.review.decide("confirmed"),
            "reject": lambda: self.review.decide("rejected"),
            "unsure": lambda: self.review.decide("unsure"),
            "reset": lambda: self.review.decide("pending"),
            "note": self.review.edit_note,
            "reveal": self.detail.reveal,
            "add_flag": self.review.add_flag_at_playhead,
            "edit_flag": self.review.edit_flag_dialog,
            "undo": self.undo_stack.undo,
            "redo": self.undo_stack.redo,
            "play_pause": self.player.toggle_play,
            "back": lambda: self.player.skip(-5),
            "forward": lambda: self.player.skip(5),
            "frame_back": lambda: self.player.step_frames(-1),
            "frame_forward": lambda: self.player.step_frames(1),
            "slower": lambda: self.player.change_speed(-1),
            "faster": lambda: self.player.change_speed(1),
            "zoom_in": lambda: self.timeline.zoom(2.0),
            "zoom_out": lambda: self.timeline.zoom(0.5),
            "zoom_fit": self.timeline.zoom_fit,
            "search": self.review.focus_search,
            "settings": self.open_settings,
            "shortcuts": self.show_shortcuts,
            "cancel_analysis": self.analysis.cancel_analysis,
            "export_evidence": self.cases.export_evidence,
            "verify_package": self.cases.verify_package,
            "merge_copy": self.cases.merge_copy,
        }
        self.actions_by_name: dict[str, QAction] = {}
        for sc in SHORTCUTS:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in sc.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[sc.name])
            self.addAction(action)  # works even when the menu bar is hidden
            self.actions_by_name[sc.name] = action
        self.undo_stack.canUndoChanged.connect(self.actions_by_name["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions_by_name["redo"].setEnabled)
        self.actions_by_name["undo"].setEnabled(False)
        self.actions_by_name["redo"].setEnabled(False)
        self.review.enable_flag_actions(self.detail.flag is not None, self.detail.playable)
        self.language_actions: dict[str, QAction] = {}
        for code in ("system", "vi", "en"):
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: self.set_ui_language(c))
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        build_menus(self)

    def retranslate_ui(self) -> None:
        """Every visible string again, in the current language (called on a language switch)."""
        for sc in SHORTCUTS:
            action = self.actions_by_name[sc.name]
            text = sc.label()
            action.setText(text)
            keys = ", ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in sc.keys
            )
            action.setToolTip(f"{text} ({keys})" if keys else text)
        self.language_actions["system"].setText(self.tr("As the system"))
        self.language_actions["vi"].setText("Tiếng Việt")
        self.language_actions["en"].setText("English")
        for code, action in self.language_actions.items():
            action.setChecked(code == self.ui_settings.ui_language)
        self.case_menu.setTitle(self.tr("&Case"))
        self.recent_menu.setTitle(self.tr("Recent cases"))
        self.review_menu.setTitle(self.tr("&Review"))
        self.playback_menu.setTitle(self.tr("&Playback"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("Interface language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Tools"))
        self.media_dock.setWindowTitle(self.tr("Files in the case"))
        self.transcript_dock.setWindowTitle(self.tr("Transcript and search"))
        self.bottom_dock.setWindowTitle(self.tr("Review"))
        self.bottom_tabs.setTabText(0, self.tr("Flags"))
        self.bottom_tabs.setTabText(1, self.tr("Analysis queue"))
        self.bottom_tabs.setTabText(2, self.tr("Learning"))
        self.bottom_tabs.setTabText(
            self.bottom_tabs.indexOf(self.identifiers), self.tr("Identifiers")
        )
        self.identifiers.retranslate()
        self.bottom_tabs.setTabText(
            self.bottom_tabs.indexOf(self.meaning_search), self.tr("Search")
        )
        self.meaning_search.retranslate_ui()
        self.learning.retranslate()
        self.zoom_in_button.setText("+")
        self.zoom_out_button.setText("−")
        self.zoom_fit_button.setText("⤢")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+)"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (-)"))
        self.zoom_fit_button.setToolTip(self.tr("Whole recording (Z)"))
        self.timeline.setToolTip("")
        for w in (self.player, self.detail, self.flag_panel, self.transcript, self.queue):
            w.retranslate()
        if self.data is not None:
            self.review.show_flags()
            self.media_list.set_media(
                self.data.media, self.review.flag_counts(), self.current_media_id
            )
            self.review.show_current_flag()
        self.update_status()
        self.update_title()
        self.timeline.update()

    def update_title(self) -> None:
        if self.data is None:
            self.setWindowTitle(self.tr("Livestream Reviewer"))
        else:
            self.setWindowTitle(
                self.tr("Livestream Reviewer — case {name}").format(name=self.data.folder.name)
            )

    def update_status(self) -> None:
        officer = self.settings.officer_name()
        if self.settings.officer:
            self.officer_label.setText(self.tr("Officer: {name}").format(name=officer))
        else:
            self.officer_label.setText(
                self.tr("Officer: {name} (set your name in Settings)").format(name=officer)
            )
        media = (
            self.data.media_by_id(self.current_media_id)
            if self.data and self.current_media_id
            else None
        )
        if media and media.get("device"):
            self.device_label.setText(
                self.tr("Speech ran on {device} ({compute})").format(
                    device=str(media["device"]).upper(), compute=media.get("compute_type") or "?"
                )
            )
        else:
            self.device_label.setText("")
        if self.queue.active_count():
            self.analysis_label.setText(
                self.tr("Analysing: {n} file(s) left").format(n=self.queue.active_count())
            )
        else:
            self.analysis_label.setText("")

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.cases.handle_drop(paths)

    # -- settings and language ------------------------------------------------------------------
    def open_settings(self) -> None:
        media = (
            self.data.media_by_id(self.current_media_id)
            if self.data and self.current_media_id
            else None
        )
        used = ""
        if media and media.get("device"):
            used = f"{str(media['device']).upper()} ({media.get('compute_type') or '?'})"
        dialog = SettingsDialog(load_settings(), self.ui_settings, used, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        settings, ui_settings = dialog.apply()
        save_settings(settings)
        self.settings = settings
        if self.data is not None:
            self.data.case.officer = settings.officer_name()
        if self.worker is not None:
            self.worker.options = self.analysis.analysis_options()
            self.worker.cluster = settings.cluster
        self.set_ui_language(ui_settings.ui_language)

    def set_ui_language(self, choice: str) -> None:
        self.ui_settings.ui_language = choice
        save_ui_settings(self.ui_settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translator(app, choice)
        self.retranslate_ui()

    def show_shortcuts(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(shortcut_help_html())
        box.exec()

    # -- the window's own API (tests, app.py, panels) over its controllers ----------------------
    def open_case(self, folder: Path, create: bool = True) -> bool:
        return self.cases.open_case(folder, create)

    def close_case(self) -> None:
        self.cases.close_case()

    def open_demo(self, analyse: bool = True) -> bool:
        return self.cases.open_demo(analyse)

    def handle_drop(self, paths: list[Path]) -> None:
        self.cases.handle_drop(paths)

    def analyse(self, paths: list[Path]) -> None:
        self.analysis.analyse(paths)

    def engine_warning(self, text: str) -> str:
        return self.analysis.engine_warning(text)

    def refresh_from_db(self) -> None:
        self.review.refresh_from_db()

    def show_media(self, media_id: int) -> None:
        self.review.show_media(media_id)

    def select_flag(self, flag_id: int) -> None:
        self.review.select_flag(flag_id)

    def move_flag(self, step: int) -> None:
        self.review.move_flag(step)

    def decide(self, decision: str) -> None:
        self.review.decide(decision)

    def add_flag(self, *args: Any, **kwargs: Any) -> dict | None:
        return self.review.add_flag(*args, **kwargs)

    # -- window state -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        if self.ui_settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.ui_settings.geometry.encode()))
        if self.ui_settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.ui_settings.window_state.encode()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui_settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.ui_settings.window_state = bytes(self.saveState().toBase64()).decode()
        save_ui_settings(self.ui_settings)
        self.player.player.stop()
        # Analysis stops at the current chunk; everything before it is already saved.
        self.cases.close_case()
        super().closeEvent(event)

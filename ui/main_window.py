"""The officer's workplace: files, player, timeline, flags, transcript, detail and queue."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.paths import demo_case_dir, demo_recording
from reviewer.pipeline import AnalysisOptions, EngineFactory, ProgressEvent
from reviewer.settings import Settings, known_categories, load_settings, save_settings

from . import case_dialogs
from .case_data import CaseData
from .export_dialog import ExportDialog
from .flag_detail import FlagDetail, picture_for
from .flag_list import FlagListPanel
from .flag_span_dialog import DEFAULT_SPAN_S, FlagSpanDialog
from .i18n import install_translator
from .identifiers_panel import IdentifiersPanel
from .learning_panel import LearningPanel
from .meaning_search import MeaningSearch
from .media_list import MediaList
from .merge_dialog import merge_reviewed_copy
from .player import PlayerWidget
from .queue_panel import QueuePanel
from .record_check import RecordCheck
from .settings_dialog import SettingsDialog
from .shortcuts import SHORTCUTS, shortcut_help_html
from .timeline import TimelineWidget
from .transcript_pane import TranscriptPane
from .ui_settings import UiSettings, load_ui_settings, save_ui_settings
from .undo import AddFlagCommand, DecideCommand, EditFlagCommand, safe_apply
from .verify_dialog import VerifyDialog
from .workers import AnalysisWorker, BackgroundLoader, grab_frame, waveform

REFRESH_EVERY_S = 1.5  # flags are re-read from the case at most this often during analysis
WAVE_BINS_PER_S = 4.0


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
        self._last_refresh = 0.0
        self._waves: dict[int, object] = {}
        self._case_gen = 0  # results of background loads from a closed case are dropped
        self.undo_stack = QUndoStack(self)
        self.record_check = RecordCheck(self)  # passphrase once; a failing record shown
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.setAcceptDrops(True)
        self.resize(1500, 950)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.retranslate_ui()
        self._restore_layout()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh_from_db)

    # -- construction ---------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.player = PlayerWidget(self)
        self.player.position_changed.connect(self._on_position)
        self.player.still_wanted.connect(self._grab_still)
        self.detail = FlagDetail(self)
        self.detail.decide.connect(self.decide)
        self.detail.note_saved.connect(self.save_note)
        self.detail.play_requested.connect(self.play_flag)
        self.detail.revealed.connect(self._log_reveal)
        self.detail.shown_changed.connect(self._enable_flag_actions)
        self.timeline = TimelineWidget(self)
        self.timeline.seek_requested.connect(self.player.seek)
        self.timeline.flag_clicked.connect(self.select_flag)
        self.timeline.flag_span_edited.connect(self.edit_flag_span)
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
        self.media_list.media_chosen.connect(self.show_media)
        self.flag_panel = FlagListPanel(self)
        self.flag_panel.flag_selected.connect(self.select_flag)
        self.flag_panel.flag_activated.connect(
            lambda fid: (self.select_flag(fid), self.play_flag())
        )
        self.transcript = TranscriptPane(self)
        self.transcript.seek_requested.connect(self.player.seek)
        self.transcript.hit_chosen.connect(self.go_to)
        self.transcript.corrected.connect(lambda _segment_id: self.refresh_from_db())
        self.queue = QueuePanel(self)
        self.queue.cancel_requested.connect(self.cancel_job)
        self.queue.cancel_all_requested.connect(self.cancel_analysis)

        self.media_dock = self._dock("media", self.media_list, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.transcript_dock = self._dock(
            "transcript", self.transcript, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.addTab(self.flag_panel, "")
        self.bottom_tabs.addTab(self.queue, "")
        self.learning = LearningPanel(self)
        self.learning.applied.connect(self._on_learning_applied)
        self.bottom_tabs.addTab(self.learning, "")
        self.identifiers = IdentifiersPanel(self)  # who is behind it
        self.identifiers.moment_chosen.connect(self.go_to)
        self.identifiers.case_chosen.connect(lambda f: self.open_case(Path(f), create=False))
        self.bottom_tabs.addTab(self.identifiers, "")
        self.meaning_search = MeaningSearch(self)  # search by words and meaning
        self.meaning_search.moment_chosen.connect(self.play_moment)
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
            "new_case": self.new_case,
            "open_case": self.open_case_dialog,
            "open_demo": lambda: self.open_demo(),
            "add_files": self.add_files_dialog,
            "add_folder": self.add_folder_dialog,
            "quit": self.close,
            "next_flag": lambda: self.move_flag(1),
            "prev_flag": lambda: self.move_flag(-1),
            "play_flag": self.play_flag,
            "confirm": lambda: self.decide("confirmed"),
            "reject": lambda: self.decide("rejected"),
            "unsure": lambda: self.decide("unsure"),
            "reset": lambda: self.decide("pending"),
            "note": self.edit_note,
            "reveal": self.detail.reveal,
            "add_flag": self.add_flag_at_playhead,
            "edit_flag": self.edit_flag_dialog,
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
            "search": self.focus_search,
            "settings": self.open_settings,
            "shortcuts": self.show_shortcuts,
            "cancel_analysis": self.cancel_analysis,
            "export_evidence": self.export_evidence,
            "verify_package": self.verify_package,
            "merge_copy": self.merge_copy,
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
        self._enable_flag_actions(self.detail.flag is not None, self.detail.playable)
        self.language_actions: dict[str, QAction] = {}
        for code in ("system", "vi", "en"):
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: self.set_ui_language(c))
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        a = self.actions_by_name
        self.case_menu = bar.addMenu("")
        for name in ("new_case", "open_case", "open_demo"):
            self.case_menu.addAction(a[name])
        self.recent_menu = self.case_menu.addMenu("")
        self.case_menu.addSeparator()
        for name in ("add_files", "add_folder", "cancel_analysis"):
            self.case_menu.addAction(a[name])
        self.case_menu.addSeparator()
        for name in ("export_evidence", "verify_package", "merge_copy"):
            self.case_menu.addAction(a[name])
        self.case_menu.addSeparator()
        self.case_menu.addAction(a["quit"])
        self.review_menu = bar.addMenu("")
        for name in (
            "next_flag",
            "prev_flag",
            "play_flag",
            None,
            "confirm",
            "reject",
            "unsure",
            "reset",
            "note",
            "reveal",
            None,
            "add_flag",
            "edit_flag",
            None,
            "undo",
            "redo",
        ):
            if name is None:
                self.review_menu.addSeparator()
            else:
                self.review_menu.addAction(a[name])
        self.playback_menu = bar.addMenu("")
        for name in (
            "play_pause",
            "back",
            "forward",
            "frame_back",
            "frame_forward",
            "slower",
            "faster",
            None,
            "zoom_in",
            "zoom_out",
            "zoom_fit",
            "search",
        ):
            if name is None:
                self.playback_menu.addSeparator()
            else:
                self.playback_menu.addAction(a[name])
        self.settings_menu = bar.addMenu("")
        self.settings_menu.addAction(a["settings"])
        self.language_menu = self.settings_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a["shortcuts"])

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in (
            "open_case",
            "add_files",
            None,
            "prev_flag",
            "next_flag",
            "play_flag",
            None,
            "confirm",
            "reject",
            "unsure",
            "note",
            "add_flag",
            None,
            "undo",
            "redo",
            None,
            "settings",
        ):
            if name is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(a[name])
        self.addToolBar(self.toolbar)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for folder in self.ui_settings.recent_cases:
            action = self.recent_menu.addAction(folder)
            action.triggered.connect(lambda _=False, f=folder: self.open_case(Path(f)))
        self.recent_menu.setEnabled(bool(self.ui_settings.recent_cases))

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
            self._show_flags()
            self.media_list.set_media(self.data.media, self._flag_counts(), self.current_media_id)
            self._show_current_flag()
        self._update_status()
        self._update_title()
        self.timeline.update()

    def _update_title(self) -> None:
        if self.data is None:
            self.setWindowTitle(self.tr("Livestream Reviewer"))
        else:
            self.setWindowTitle(
                self.tr("Livestream Reviewer — case {name}").format(name=self.data.folder.name)
            )

    def _update_status(self) -> None:
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

    # -- cases ----------------------------------------------------------------------------------
    def open_case(self, folder: Path, create: bool = True) -> bool:
        """Open (or create) a case; the previous one is closed after its analysis is stopped."""
        try:
            data = CaseData(folder, officer=self.settings.officer_name(), create=create)
        except ReviewerError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the case"), str(exc))
            return False
        self.close_case()
        self.data = data
        self.transcript.data = data
        self.undo_stack.clear()
        self.ui_settings.remember_case(folder)
        save_ui_settings(self.ui_settings)
        self._fill_recent_menu()
        self.current_media_id = None
        self._clear_flag_selection()
        self._waves.clear()  # keyed by media id: another case's ids mean other recordings
        self._case_gen += 1
        self.transcript.search_box.clear()
        self.transcript.results.clear()
        self.transcript.results_label.setText("")
        self.media_list.set_media(data.media, self._flag_counts(), None)
        self.flag_panel.clear()
        self._show_flags()
        if data.media:
            first = next((f["media_id"] for f in data.flags), data.media[0]["id"])
            self.show_media(first)
        else:
            self._clear_media()
        self._update_title()
        self._update_status()
        self.learning.set_cases([Path(folder)], self.settings.officer_name())
        self.identifiers.set_case(data.case)
        self.meaning_search.set_case(Path(folder))
        self.case_opened.emit(str(folder))
        self.record_check.check(Path(folder))
        return True

    def close_case(self) -> None:
        if self.worker is not None:
            self.worker.shutdown()
            self.worker = None
        self.loader.wait()
        if self.data is not None:
            self.identifiers.set_case(None)
            self.data.close()
            self.data = None
            self.transcript.data = None

    def open_demo(self, analyse: bool = True) -> bool:
        """The bundled demo case; on first run its recording is analysed with progress shown."""
        if not self.open_case(demo_case_dir()):
            return False
        assert self.data is not None
        analysed = any(m["status"] == "analyzed" for m in self.data.media)
        demo = demo_recording()
        if analyse and not analysed and demo.is_file():
            self.analyse([demo])
            self.bottom_tabs.setCurrentWidget(self.queue)
        return True

    def new_case(self) -> None:
        folder = case_dialogs.ask_new_case(self)
        if folder:
            self.open_case(folder)

    def open_case_dialog(self) -> None:
        folder = case_dialogs.ask_open_case(self)
        if folder is None:
            return
        if not case_dialogs.is_case_folder(folder):
            QMessageBox.warning(
                self,
                self.tr("Not a case"),
                self.tr("{folder} holds no case. Use New case to start one there.").format(
                    folder=folder
                ),
            )
            return
        self.open_case(folder, create=False)

    def add_files_dialog(self) -> None:
        if self._need_case():
            files = case_dialogs.ask_files(self)
            if files:
                self.analyse(files)

    def add_folder_dialog(self) -> None:
        if self._need_case():
            folder = case_dialogs.ask_folder(self)
            if folder:
                self.analyse([folder])

    def _need_case(self) -> bool:
        if self.data is None:
            self.new_case()
        return self.data is not None

    # -- evidence -----------------------------------------------------------------------------
    def export_evidence(self) -> None:
        if self.data is None:
            QMessageBox.information(
                self, self.tr("Export evidence"), self.tr("Open a case first, then export it.")
            )
            return
        dialog = ExportDialog(self.data.folder, self.settings.officer_name(), self)
        dialog.exec()  # closing waits for a running export to stop: its thread is done here
        dialog.deleteLater()

    def verify_package(self) -> None:
        dialog = VerifyDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def merge_copy(self) -> None:
        if self.data is None:
            QMessageBox.information(
                self, self.tr("Merge a reviewed copy"), self.tr("Open a case first, then merge.")
            )
            return
        if merge_reviewed_copy(self, self.data.case):
            self.refresh_from_db()

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.handle_drop(paths)

    def handle_drop(self, paths: list[Path]) -> None:
        if len(paths) == 1 and case_dialogs.is_case_folder(paths[0]):
            self.open_case(paths[0], create=False)  # a case folder opens; anything else is added
            return
        if self._need_case():
            self.analyse(paths)

    # -- analysis (in AnalysisWorker's thread) --------------------------------------------------
    def analysis_options(self) -> AnalysisOptions:
        options = AnalysisOptions.from_settings(self.settings)
        for key, value in self.analysis_overrides.items():
            setattr(options, key, value)
        return options

    def analyse(self, paths: list[Path]) -> None:
        if self.data is None:
            return
        if self.worker is None:
            self.worker = AnalysisWorker(
                self.data.folder,
                self.analysis_options(),
                officer=self.settings.officer_name(),
                engine_factory=self.engine_factory,
                parent=self,
                cluster=self.settings.cluster,
            )
            self.worker.progress.connect(self._on_progress)
            self.worker.job_finished.connect(self._on_job_finished)
            self.worker.engine_warning.connect(self._on_engine_warning)
            # finished, not the worker's own idle signal: by then isRunning() is False.
            self.worker.finished.connect(self._on_worker_idle)
        jobs = self.worker.enqueue(paths)
        for job in jobs:
            self.queue.add_job(job.id, job.path)
        if not jobs:
            self.statusBar().showMessage(self.tr("No files found to add."), 5000)
        self._update_status()

    def cancel_job(self, job_id: int) -> None:
        if self.worker is not None:
            self.worker.cancel_job(job_id)

    def cancel_analysis(self) -> None:
        if self.worker is not None:
            self.worker.cancel_all()

    def _on_progress(self, job_id: int, event: ProgressEvent) -> None:
        self.queue.progress(job_id, event.stage, event.fraction, event.eta_s, event.message)
        if (
            event.stage in ("detect", "done", "failed", "skipped")
            or time.monotonic() - self._last_refresh > REFRESH_EVERY_S
        ):
            self.refresh_from_db()
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start(int(REFRESH_EVERY_S * 1000))

    def _on_job_finished(self, job_id: int, status: str, reason: str) -> None:
        self.queue.finish(job_id, status, reason)
        self.refresh_from_db()
        self.identifiers.reload()
        self._update_status()

    def _on_engine_warning(self, text: str) -> None:
        self.warning_label.setText(
            self.tr("Warning: {text}").format(text=self.engine_warning(text))
        )
        self.warning_label.setToolTip(text)  # the engine's own words, for a support request

    def engine_warning(self, text: str) -> str:
        """The speech engine's warning (English, from reviewer/) in the window's language."""
        if text.startswith("CUDA was requested"):
            return self.tr(
                "the GPU was chosen in Settings but none can be used here; speech runs on the "
                "processor (CPU), which is slower."
            )
        if text.startswith("GPU could not load the model"):
            return self.tr(
                "the GPU could not load the speech model; speech runs on the processor (CPU), "
                "which is slower."
            )
        return text

    def _on_worker_idle(self) -> None:
        self._update_status()
        if self.worker is not None and not self.worker.busy():
            self.analysis_idle.emit()

    def refresh_from_db(self) -> None:
        """Re-read media and flags written by the analysis thread (flags appear as chunks land)."""
        if self.data is None:
            return
        self._last_refresh = time.monotonic()
        self.data.reload_media()
        self.data.reload_flags()
        self.media_list.set_media(self.data.media, self._flag_counts(), self.current_media_id)
        self._show_flags()
        if self.current_media_id is None and self.data.media:
            self.show_media(self.data.media[0]["id"])
        elif self.current_media_id is not None:
            self._show_media_data(self.current_media_id, reload_player=False)
        if self.current_flag_id is not None and self.data.flag_by_id(self.current_flag_id) is None:
            self.current_flag_id = None  # flags were rebuilt by detection
            self.detail.show_flag(None, [], None)
        self._update_status()
        self.flags_refreshed.emit()

    def _flag_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for f in self.data.flags if self.data else []:
            counts[f["media_id"]] = counts.get(f["media_id"], 0) + 1
        return counts

    def _show_flags(self) -> None:
        if self.data is None:
            return
        names = {m["id"]: m["original_name"] for m in self.data.media}
        self.flag_panel.set_flags(self.data.flags, names)

    # -- media --------------------------------------------------------------------------------
    def _clear_media(self) -> None:
        self.player.clear()
        self.timeline.set_media(None)
        self.timeline.set_flags([])
        self.timeline.set_segments([])
        self.timeline.set_texts([])
        self.transcript.set_segments([], [])
        self.detail.show_flag(None, [], None)

    def show_media(self, media_id: int) -> None:
        if self.data is None or media_id == self.current_media_id:
            return
        media = self.data.media_by_id(media_id)
        if media is None:
            return
        self.current_media_id = media_id
        current = self.data.flag_by_id(self.current_flag_id) if self.current_flag_id else None
        if current is None or current["media_id"] != media_id:
            self._clear_flag_selection()  # the detail panel shows only a flag of this file
        self.player.load(media, self.data.media_path(media), self._ocr_boxes(media))
        self.timeline.set_media(media.get("duration_s"))
        self._show_media_data(media_id, reload_player=True)
        self.media_list.set_media(self.data.media, self._flag_counts(), media_id)
        if media.get("has_audio") and media_id not in self._waves:
            path = self.data.media_path(media)
            self.loader.submit(
                ("wave", self._case_gen, media_id), lambda: waveform(path, WAVE_BINS_PER_S)
            )
        elif media_id in self._waves:
            self.timeline.set_waveform(self._waves[media_id], WAVE_BINS_PER_S)
        self._update_status()

    def _show_media_data(self, media_id: int, reload_player: bool) -> None:
        assert self.data is not None
        flags = self.data.flags_of(media_id)
        segments = self.data.segments(media_id)
        self.timeline.set_flags(flags)
        self.timeline.set_segments(segments)
        self.timeline.set_texts(self.data.frame_texts(media_id))
        if reload_player or len(segments) != self.transcript.model.rowCount():
            self.transcript.set_segments(segments, flags)
        media = self.data.media_by_id(media_id)
        if media and media.get("kind") == "image" and not reload_player:
            self.player.set_boxes(self._ocr_boxes(media))

    def _ocr_boxes(self, media: dict) -> list[tuple[list[float], bool]]:
        if self.data is None or media.get("kind") != "image":
            return []
        flagged = {
            d.get("frame_text_id")
            for d in self.data.case.detections(media_id=media["id"])
            if d.get("flag_id") is not None
        }
        return [
            (t["box"], t["id"] in flagged)
            for t in self.data.frame_texts(media["id"])
            if t.get("box")
        ]

    def go_to(self, media_id: int, seconds: float) -> None:
        self.show_media(media_id)
        self.player.seek(seconds)

    def play_moment(self, media_id: int, seconds: float) -> None:
        self.go_to(media_id, seconds)
        self.player.play_from(seconds)

    def _on_position(self, seconds: float) -> None:
        self.timeline.set_playhead(seconds)
        self.transcript.sync(seconds)

    # -- flags --------------------------------------------------------------------------------
    def _clear_flag_selection(self) -> None:
        """Nothing selected: no detail, no list or timeline selection, no decision to take."""
        self.current_flag_id = None
        self.detail.show_flag(None, [], None)
        self.timeline.select_flag(None)
        self.flag_panel.clear_selection()

    def _enable_flag_actions(self, shown: bool, playable: bool) -> None:
        # Keys act only on the flag the detail panel shows.
        for name in ("confirm", "reject", "unsure", "reset", "note", "reveal", "edit_flag"):
            self.actions_by_name[name].setEnabled(shown)
        self.actions_by_name["play_flag"].setEnabled(shown and playable)

    def select_flag(self, flag_id: int) -> None:
        if self.data is None:
            return
        flag = self.data.flag_by_id(flag_id)
        if flag is None:
            return
        self.current_flag_id = flag_id  # first: show_media keeps a selection on its own file
        self.show_media(flag["media_id"])
        if self.flag_panel.current_flag_id() != flag_id:
            self.flag_panel.select_flag(flag_id, emit=False)
        self.timeline.select_flag(flag_id)
        start = flag.get("start_s") or 0.0
        self.timeline.show_span(start, flag.get("end_s") or start)
        self._show_current_flag(load_picture=True)
        self.player.seek(self._play_from(flag))

    def _show_current_flag(self, load_picture: bool = False) -> None:
        if self.data is None or self.current_flag_id is None:
            return
        flag = self.data.flag_by_id(self.current_flag_id)
        if flag is None:
            return
        media = self.data.media_by_id(flag["media_id"])
        detections = self.data.case.detections(flag_id=flag["id"])
        if not load_picture:
            self.detail.update_flag(flag, detections, media)
            return
        self.detail.show_flag(flag, detections, media)
        if media is None:
            return
        path = self.data.media_path(media)
        boxes = [d["box"] for d in detections if d.get("box")]
        at = (flag.get("start_s") or 0.0) + 0.2
        kind = media.get("kind")

        def load() -> QImage | None:
            if kind == "image":
                image = QImage(str(path))
                return picture_for(image, boxes, crop=flag["source"] == "ocr")
            if kind == "video":
                image = grab_frame(path, at, max_width=int(media.get("width") or 1280))
                return picture_for(image, boxes, crop=False) if image is not None else None
            return None

        self.loader.submit(("frame", self._case_gen, flag["id"]), load)

    def _grab_still(self, seconds: float) -> None:
        """Decode the frame at the playhead off the UI thread (the paused video shows it)."""
        media = self.data.media_by_id(self.current_media_id) if self.data else None
        if media is None or media.get("kind") != "video":
            return
        path, player = self.data.media_path(media), self.player
        width = int(media.get("width") or 1280)

        def load() -> QImage | None:
            if abs(player.requested_position_s - seconds) > 1e-6:
                return None  # the officer moved on: only the last position is decoded
            return grab_frame(path, seconds, max_width=min(width, 1280))

        self.loader.submit(("still", self._case_gen, (media["id"], seconds)), load)

    def _on_loaded(self, key: object, result: object) -> None:
        kind, gen, ident = key
        if gen != self._case_gen:
            return  # loaded for a case that is no longer open
        if kind == "still":
            if ident[0] == self.current_media_id and isinstance(result, QImage):
                self.player.show_still(result, ident[1])
        elif kind == "frame" and ident == self.current_flag_id:
            self.detail.set_picture(result)
        elif kind == "wave":
            self._waves[ident] = result
            if ident == self.current_media_id:
                self.timeline.set_waveform(result, WAVE_BINS_PER_S)

    @staticmethod
    def _play_from(flag: dict) -> float:
        value = flag.get("play_from_s")
        return value if value is not None else max(0.0, (flag.get("start_s") or 0.0) - 3.0)

    def move_flag(self, step: int) -> None:
        flag_id = self.flag_panel.move(step)
        if flag_id is not None and flag_id != self.current_flag_id:
            self.select_flag(flag_id)

    def _shown_flag(self) -> dict | None:
        """The flag the detail panel shows, as stored now; None when nothing is shown."""
        if self.data is None or self.current_flag_id is None:
            return None
        if self.detail.flag is None or self.detail.flag.get("id") != self.current_flag_id:
            return None
        return self.data.flag_by_id(self.current_flag_id)

    def play_flag(self) -> None:
        flag = self._shown_flag()
        if flag is not None and self.detail.playable:
            self.player.play_from(self._play_from(flag))

    def decide(self, decision: str) -> None:
        """One keystroke: committed and audit-logged before this returns (Case.decide_flag)."""
        flag = self._shown_flag()
        if flag is None:
            return
        self.record_check.unlock_once(self.settings.officer_name())
        self.undo_stack.push(DecideCommand(self._apply_decision, flag, decision, None))
        if self.advance_after_decision and decision != "pending":
            self.move_flag(1)

    def save_note(self, note: str) -> None:
        flag = self._shown_flag()
        if flag is None or (flag.get("note") or "") == note:
            return
        # A note keeps the status; officers often note a flag before deciding it.
        self.record_check.unlock_once(self.settings.officer_name())
        self.undo_stack.push(DecideCommand(self._apply_decision, flag, flag["status"], note))
        self.flag_panel.view.setFocus()

    def _apply_decision(self, flag_id: int, status: str, note: str | None) -> bool:
        apply = safe_apply(
            lambda f, s, n: self.data.decide(f, s, n) if self.data else {},
            lambda msg: QMessageBox.warning(self, self.tr("Decision not saved"), msg),
        )
        if not apply(flag_id, status, note):
            return False
        flag = self.data.flag_by_id(flag_id) if self.data else None
        if flag is None:
            return True
        self.flag_panel.update_flag(flag)
        self.timeline.set_flags(self.data.flags_of(self.current_media_id or flag["media_id"]))
        if flag_id != self.current_flag_id:
            # Undo and redo bring the officer back to the flag they change.
            self.select_flag(flag_id)
        else:
            self._show_current_flag()
        self.media_list.set_media(self.data.media, self._flag_counts(), self.current_media_id)
        return True

    # -- officer-made flags and span edits ---------------------------------------------------------
    def _categories(self) -> list[str]:
        try:
            return known_categories()
        except OSError:
            return []

    def _guarded(self, title: str, fn):
        """Run a case write; a refusal is shown, not raised into Qt. None when refused."""
        try:
            return fn()
        except ReviewerError as exc:
            QMessageBox.warning(self, title, str(exc))
            return None

    def add_flag_at_playhead(self) -> None:
        """Dialog at the playhead (times, category, note), then add_flag."""
        if self.data is None or self.current_media_id is None:
            return
        media = self.data.media_by_id(self.current_media_id) or {}
        duration = media.get("duration_s")
        start = None if media.get("kind") == "image" else round(self.timeline.playhead, 1)
        end = None if start is None else start + DEFAULT_SPAN_S
        if end is not None and duration:
            end = min(end, duration)
        dialog = FlagSpanDialog(
            self, start_s=start, end_s=end, duration_s=duration, known=self._categories()
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_flag(self.current_media_id, *dialog.values())

    def add_flag(
        self,
        media_id: int,
        start_s: float | None,
        end_s: float | None,
        category: str,
        note: str | None = None,
    ) -> int | None:
        """A confirmed officer flag, saved and audit-logged now; undo removes it."""
        if self.data is None:
            return None
        title = self.tr("Flag not added")
        known = self._categories() or None

        def add() -> dict | None:
            flag = self._guarded(
                title,
                lambda: self.data.add_flag(media_id, start_s, end_s, category, note, known),
            )
            if flag is not None:
                self._after_flag_change(flag["id"])
            return flag

        def remove(flag_id: int) -> bool:
            done = self._guarded(title, lambda: self.data.remove_flag(flag_id) or True)
            self._after_flag_change(None)
            return bool(done)

        command = AddFlagCommand(add, remove)
        self.undo_stack.push(command)
        return command.flag_id

    def edit_flag_dialog(self) -> None:
        if self.data is None or self.current_flag_id is None:
            return
        flag = self.data.flag_by_id(self.current_flag_id)
        if flag is None:
            return
        media = self.data.media_by_id(flag["media_id"]) or {}
        dialog = FlagSpanDialog(
            self,
            start_s=flag["start_s"],
            end_s=flag["end_s"],
            duration_s=media.get("duration_s"),
            category=flag["category"],
            adding=False,
            known=self._categories(),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end, category, _ = dialog.values()
        self.edit_flag_span(flag["id"], start, end, category)

    def edit_flag_span(
        self,
        flag_id: int,
        start_s: float | None,
        end_s: float | None,
        category: str | None = None,
    ) -> None:
        """New times or category (the timeline's dragged edges end here), undoable."""
        if self.data is None:
            return
        flag = self.data.flag_by_id(flag_id)
        if flag is None:
            return

        def edit(fid: int, start: float | None, end: float | None, cat: str) -> bool:
            done = self._guarded(
                self.tr("Flag not changed"), lambda: self.data.edit_flag(fid, start, end, cat)
            )
            self._after_flag_change(fid)
            return done is not None

        self.undo_stack.push(
            EditFlagCommand(edit, flag, start_s, end_s, category or flag["category"])
        )

    def _after_flag_change(self, flag_id: int | None) -> None:
        """Show a flag change everywhere without moving the player."""
        if self.data is None:
            return
        self._show_flags()
        media_id = self.current_media_id
        if media_id is not None:
            self.timeline.set_flags(self.data.flags_of(media_id))
        self.media_list.set_media(self.data.media, self._flag_counts(), media_id)
        flag = self.data.flag_by_id(flag_id) if flag_id is not None else None
        if flag is None:
            if (
                self.current_flag_id is not None
                and self.data.flag_by_id(self.current_flag_id) is None
            ):
                self.current_flag_id = None
                self.detail.show_flag(None, [], None)
            return
        self.current_flag_id = flag_id
        self.flag_panel.select_flag(flag_id, emit=False)
        self.timeline.select_flag(flag_id)
        self._show_current_flag(load_picture=True)

    def _on_learning_applied(self) -> None:
        # Thresholds, the lexicon folder or the text model changed: the next analysis uses them.
        self.settings = load_settings()
        if self.worker is not None:
            self.worker.options = self.analysis_options()

    def edit_note(self) -> None:
        if self.current_flag_id is not None:
            self.detail.note_edit.setFocus()
            self.detail.note_edit.selectAll()

    def _log_reveal(self, flag_id: int) -> None:
        # Seeing an obscene picture is an officer action like any other: it goes in the audit log.
        if self.data is not None:
            self.data.case.log("flag.reveal", {"flag_id": flag_id})

    def focus_search(self) -> None:
        self.transcript_dock.show()
        self.transcript.search_box.setFocus()
        self.transcript.search_box.selectAll()

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
            self.worker.options = self.analysis_options()
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
        self.close_case()
        super().closeEvent(event)

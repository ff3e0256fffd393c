"""The window's menus and toolbar, built from its named actions (titles set in retranslate_ui)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    a = w.actions_by_name
    w.case_menu = bar.addMenu("")
    for name in ("new_case", "open_case", "open_demo"):
        w.case_menu.addAction(a[name])
    w.recent_menu = w.case_menu.addMenu("")
    w.case_menu.addSeparator()
    for name in ("add_files", "add_folder", "cancel_analysis"):
        w.case_menu.addAction(a[name])
    w.case_menu.addSeparator()
    for name in ("export_evidence", "verify_package", "merge_copy"):
        w.case_menu.addAction(a[name])
    w.case_menu.addSeparator()
    w.case_menu.addAction(a["quit"])
    w.review_menu = bar.addMenu("")
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
            w.review_menu.addSeparator()
        else:
            w.review_menu.addAction(a[name])
    w.playback_menu = bar.addMenu("")
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
            w.playback_menu.addSeparator()
        else:
            w.playback_menu.addAction(a[name])
    w.settings_menu = bar.addMenu("")
    w.settings_menu.addAction(a["settings"])
    w.language_menu = w.settings_menu.addMenu("")
    for action in w.language_actions.values():
        w.language_menu.addAction(action)
    w.help_menu = bar.addMenu("")
    w.help_menu.addAction(a["shortcuts"])

    w.toolbar = QToolBar(w)
    w.toolbar.setObjectName("main-toolbar")
    w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
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
            w.toolbar.addSeparator()
        else:
            w.toolbar.addAction(a[name])
    w.addToolBar(w.toolbar)
    w.cases.fill_recent_menu()

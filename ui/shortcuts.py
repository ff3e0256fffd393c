"""Every command with its keys: one table drives the menus, the toolbar, the help window and
docs/shortcuts.md, so what the officer sees and what the keys do never drift apart."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence

CONTEXT = "Shortcuts"


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]
    text: str  # English source; translated in label()
    group: str

    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.text)


G_CASE = QT_TRANSLATE_NOOP("Shortcuts", "Case")
G_REVIEW = QT_TRANSLATE_NOOP("Shortcuts", "Review")
G_PLAY = QT_TRANSLATE_NOOP("Shortcuts", "Playback and timeline")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("new_case", ("Ctrl+Shift+N",), QT_TRANSLATE_NOOP("Shortcuts", "New case…"), G_CASE),
    Shortcut("open_case", ("Ctrl+O",), QT_TRANSLATE_NOOP("Shortcuts", "Open case…"), G_CASE),
    Shortcut("open_demo", (), QT_TRANSLATE_NOOP("Shortcuts", "Open the demo case"), G_CASE),
    Shortcut("add_files", ("Ctrl+I",), QT_TRANSLATE_NOOP("Shortcuts", "Add files…"), G_CASE),
    Shortcut(
        "add_folder", ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("Shortcuts", "Add folder…"), G_CASE
    ),
    Shortcut("cancel_analysis", (), QT_TRANSLATE_NOOP("Shortcuts", "Cancel all analysis"), G_CASE),
    Shortcut(
        "export_evidence", ("Ctrl+E",), QT_TRANSLATE_NOOP("Shortcuts", "Export evidence…"), G_CASE
    ),
    Shortcut(
        "verify_package", (), QT_TRANSLATE_NOOP("Shortcuts", "Verify an evidence package…"), G_CASE
    ),
    Shortcut("merge_copy", (), QT_TRANSLATE_NOOP("Shortcuts", "Merge a reviewed copy…"), G_CASE),
    Shortcut("settings", ("Ctrl+,",), QT_TRANSLATE_NOOP("Shortcuts", "Settings…"), G_CASE),
    Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit"), G_CASE),
    Shortcut("next_flag", ("J",), QT_TRANSLATE_NOOP("Shortcuts", "Next flag"), G_REVIEW),
    Shortcut("prev_flag", ("K",), QT_TRANSLATE_NOOP("Shortcuts", "Previous flag"), G_REVIEW),
    Shortcut("play_flag", ("P",), QT_TRANSLATE_NOOP("Shortcuts", "Play the flag"), G_REVIEW),
    Shortcut("confirm", ("C",), QT_TRANSLATE_NOOP("Shortcuts", "Confirm"), G_REVIEW),
    Shortcut("reject", ("X",), QT_TRANSLATE_NOOP("Shortcuts", "Reject"), G_REVIEW),
    Shortcut("unsure", ("U",), QT_TRANSLATE_NOOP("Shortcuts", "Unsure"), G_REVIEW),
    Shortcut("reset", ("0",), QT_TRANSLATE_NOOP("Shortcuts", "Back to pending"), G_REVIEW),
    Shortcut("note", ("N",), QT_TRANSLATE_NOOP("Shortcuts", "Write a note"), G_REVIEW),
    Shortcut(
        "reveal", ("V",), QT_TRANSLATE_NOOP("Shortcuts", "Reveal a blurred picture"), G_REVIEW
    ),
    Shortcut(
        "add_flag",
        ("A",),
        QT_TRANSLATE_NOOP("Shortcuts", "Add a flag at the playhead…"),
        G_REVIEW,
    ),
    Shortcut(
        "edit_flag",
        ("E",),
        QT_TRANSLATE_NOOP("Shortcuts", "Type the flag's times and category…"),
        G_REVIEW,
    ),
    Shortcut("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Shortcuts", "Undo"), G_REVIEW),
    Shortcut("redo", ("Ctrl+Y", "Ctrl+Shift+Z"), QT_TRANSLATE_NOOP("Shortcuts", "Redo"), G_REVIEW),
    Shortcut("play_pause", ("Space",), QT_TRANSLATE_NOOP("Shortcuts", "Play / pause"), G_PLAY),
    Shortcut("back", ("Left",), QT_TRANSLATE_NOOP("Shortcuts", "Back 5 seconds"), G_PLAY),
    Shortcut("forward", ("Right",), QT_TRANSLATE_NOOP("Shortcuts", "Forward 5 seconds"), G_PLAY),
    Shortcut("frame_back", (",",), QT_TRANSLATE_NOOP("Shortcuts", "Previous frame"), G_PLAY),
    Shortcut("frame_forward", (".",), QT_TRANSLATE_NOOP("Shortcuts", "Next frame"), G_PLAY),
    Shortcut("slower", ("[",), QT_TRANSLATE_NOOP("Shortcuts", "Slower"), G_PLAY),
    Shortcut("faster", ("]",), QT_TRANSLATE_NOOP("Shortcuts", "Faster"), G_PLAY),
    Shortcut("zoom_in", ("+", "="), QT_TRANSLATE_NOOP("Shortcuts", "Zoom timeline in"), G_PLAY),
    Shortcut("zoom_out", ("-",), QT_TRANSLATE_NOOP("Shortcuts", "Zoom timeline out"), G_PLAY),
    Shortcut("zoom_fit", ("Z",), QT_TRANSLATE_NOOP("Shortcuts", "Whole recording"), G_PLAY),
    Shortcut(
        "search",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("Shortcuts", "Search transcripts and on-screen text"),
        G_PLAY,
    ),
    Shortcut("shortcuts", ("F1",), QT_TRANSLATE_NOOP("Shortcuts", "Keyboard shortcuts"), G_PLAY),
)


def _keys(sc: Shortcut) -> str:
    return ", ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in sc.keys
    )


def shortcut_help_html() -> str:
    rows: list[str] = []
    group = None
    for sc in SHORTCUTS:
        if not sc.keys:
            continue
        if sc.group != group:
            group = sc.group
            title = html.escape(QCoreApplication.translate(CONTEXT, group))
            rows.append(f"<tr><td colspan=2><b>{title}</b></td></tr>")
        rows.append(
            f"<tr><td style='padding-right:16px'><code>{html.escape(_keys(sc))}</code></td>"
            f"<td>{html.escape(sc.label())}</td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def shortcuts_markdown() -> str:
    """The table in docs/shortcuts.md (English source text)."""
    lines = ["| Keys | Command |", "| --- | --- |"]
    for sc in SHORTCUTS:
        if sc.keys:
            keys = ", ".join(f"`{k}`" for k in sc.keys)
            lines.append(f"| {keys} | {sc.text} |")
    return "\n".join(lines) + "\n"

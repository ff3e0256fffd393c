"""Reviewing in the window: the file shown, the flag selected, decisions (C/X/P), notes, officer
flags and their spans, undo, and the panels refreshed from the case."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMessageBox

from reviewer.session import (
    ReviewerError,
    known_categories,
    load_settings,
    log_reveal,
)

from .flag_detail import picture_for
from .flag_span_dialog import DEFAULT_SPAN_S, FlagSpanDialog
from .undo import AddFlagCommand, DecideCommand, EditFlagCommand, safe_apply
from .workers import grab_frame, waveform

if TYPE_CHECKING:
    from .main_window import MainWindow

WAVE_BINS_PER_S = 4.0


class ReviewController(QObject):
    """What is shown and decided: the file, the flag, the officer's decisions and flags."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.waves: dict[int, object] = {}  # waveform per media id of the open case
        self.case_gen = 0  # results of background loads from a closed case are dropped
        self.last_refresh = 0.0

    def forget_case(self) -> None:
        """Another case opened: its media ids mean other recordings; loads under way are dropped."""
        self.waves.clear()
        self.case_gen += 1

    def refresh_from_db(self) -> None:
        """Re-read media and flags written by the analysis thread (flags appear as chunks land)."""
        if self.w.data is None:
            return
        self.last_refresh = time.monotonic()
        self.w.data.reload_media()
        self.w.data.reload_flags()
        self.w.media_list.set_media(self.w.data.media, self.flag_counts(), self.w.current_media_id)
        self.show_flags()
        if self.w.current_media_id is None and self.w.data.media:
            self.show_media(self.w.data.media[0]["id"])
        elif self.w.current_media_id is not None:
            self._show_media_data(self.w.current_media_id, reload_player=False)
        if (
            self.w.current_flag_id is not None
            and self.w.data.flag_by_id(self.w.current_flag_id) is None
        ):
            self.w.current_flag_id = None  # flags were rebuilt by detection
            self.w.detail.show_flag(None, [], None)
        self.w.update_status()
        self.w.flags_refreshed.emit()

    def flag_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for f in self.w.data.flags if self.w.data else []:
            counts[f["media_id"]] = counts.get(f["media_id"], 0) + 1
        return counts

    def show_flags(self) -> None:
        if self.w.data is None:
            return
        names = {m["id"]: m["original_name"] for m in self.w.data.media}
        self.w.flag_panel.set_flags(self.w.data.flags, names)

    def clear_media(self) -> None:
        self.w.player.clear()
        self.w.timeline.set_media(None)
        self.w.timeline.set_flags([])
        self.w.timeline.set_segments([])
        self.w.timeline.set_texts([])
        self.w.transcript.set_segments([], [])
        self.w.detail.show_flag(None, [], None)

    def show_media(self, media_id: int) -> None:
        if self.w.data is None or media_id == self.w.current_media_id:
            return
        media = self.w.data.media_by_id(media_id)
        if media is None:
            return
        self.w.current_media_id = media_id
        current = self.w.data.flag_by_id(self.w.current_flag_id) if self.w.current_flag_id else None
        if current is None or current["media_id"] != media_id:
            self.clear_flag_selection()  # the detail panel shows only a flag of this file
        self.w.player.load(media, self.w.data.media_path(media), self._ocr_boxes(media))
        self.w.timeline.set_media(media.get("duration_s"))
        self._show_media_data(media_id, reload_player=True)
        self.w.media_list.set_media(self.w.data.media, self.flag_counts(), media_id)
        if media.get("has_audio") and media_id not in self.waves:
            path = self.w.data.media_path(media)
            self.w.loader.submit(
                ("wave", self.case_gen, media_id), lambda: waveform(path, WAVE_BINS_PER_S)
            )
        elif media_id in self.waves:
            self.w.timeline.set_waveform(self.waves[media_id], WAVE_BINS_PER_S)
        self.w.update_status()

    def _show_media_data(self, media_id: int, reload_player: bool) -> None:
        assert self.w.data is not None
        flags = self.w.data.flags_of(media_id)
        segments = self.w.data.segments(media_id)
        self.w.timeline.set_flags(flags)
        self.w.timeline.set_segments(segments)
        self.w.timeline.set_texts(self.w.data.frame_texts(media_id))
        if reload_player or len(segments) != self.w.transcript.model.rowCount():
            self.w.transcript.set_segments(segments, flags)
        media = self.w.data.media_by_id(media_id)
        if media and media.get("kind") == "image" and not reload_player:
            self.w.player.set_boxes(self._ocr_boxes(media))

    def _ocr_boxes(self, media: dict) -> list[tuple[list[float], bool]]:
        if self.w.data is None or media.get("kind") != "image":
            return []
        flagged = {
            d.get("frame_text_id")
            for d in self.w.data.case.detections(media_id=media["id"])
            if d.get("flag_id") is not None
        }
        return [
            (t["box"], t["id"] in flagged)
            for t in self.w.data.frame_texts(media["id"])
            if t.get("box")
        ]

    def go_to(self, media_id: int, seconds: float) -> None:
        self.show_media(media_id)
        self.w.player.seek(seconds)

    def play_moment(self, media_id: int, seconds: float) -> None:
        self.go_to(media_id, seconds)
        self.w.player.play_from(seconds)

    def on_position(self, seconds: float) -> None:
        self.w.timeline.set_playhead(seconds)
        self.w.transcript.sync(seconds)

    def clear_flag_selection(self) -> None:
        """Nothing selected: no detail, no list or timeline selection, no decision to take."""
        self.w.current_flag_id = None
        self.w.detail.show_flag(None, [], None)
        self.w.timeline.select_flag(None)
        self.w.flag_panel.clear_selection()

    def enable_flag_actions(self, shown: bool, playable: bool) -> None:
        # Keys act only on the flag the detail panel shows.
        for name in ("confirm", "reject", "unsure", "reset", "note", "reveal", "edit_flag"):
            self.w.actions_by_name[name].setEnabled(shown)
        self.w.actions_by_name["play_flag"].setEnabled(shown and playable)

    def select_flag(self, flag_id: int) -> None:
        if self.w.data is None:
            return
        flag = self.w.data.flag_by_id(flag_id)
        if flag is None:
            return
        self.w.current_flag_id = flag_id  # first: show_media keeps a selection on its own file
        self.show_media(flag["media_id"])
        if self.w.flag_panel.current_flag_id() != flag_id:
            self.w.flag_panel.select_flag(flag_id, emit=False)
        self.w.timeline.select_flag(flag_id)
        start = flag.get("start_s") or 0.0
        self.w.timeline.show_span(start, flag.get("end_s") or start)
        self.show_current_flag(load_picture=True)
        self.w.player.seek(self._play_from(flag))

    def show_current_flag(self, load_picture: bool = False) -> None:
        if self.w.data is None or self.w.current_flag_id is None:
            return
        flag = self.w.data.flag_by_id(self.w.current_flag_id)
        if flag is None:
            return
        media = self.w.data.media_by_id(flag["media_id"])
        detections = self.w.data.case.detections(flag_id=flag["id"])
        if not load_picture:
            self.w.detail.update_flag(flag, detections, media)
            return
        self.w.detail.show_flag(flag, detections, media)
        if media is None:
            return
        path = self.w.data.media_path(media)
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

        self.w.loader.submit(("frame", self.case_gen, flag["id"]), load)

    def grab_still(self, seconds: float) -> None:
        """Decode the frame at the playhead off the UI thread (the paused video shows it)."""
        media = self.w.data.media_by_id(self.w.current_media_id) if self.w.data else None
        if media is None or media.get("kind") != "video":
            return
        path, player = self.w.data.media_path(media), self.w.player
        width = int(media.get("width") or 1280)

        def load() -> QImage | None:
            if abs(player.requested_position_s - seconds) > 1e-6:
                return None  # the officer moved on: only the last position is decoded
            return grab_frame(path, seconds, max_width=min(width, 1280))

        self.w.loader.submit(("still", self.case_gen, (media["id"], seconds)), load)

    def on_loaded(self, key: object, result: object) -> None:
        kind, gen, ident = key
        if gen != self.case_gen:
            return  # loaded for a case that is no longer open
        if kind == "still":
            if ident[0] == self.w.current_media_id and isinstance(result, QImage):
                self.w.player.show_still(result, ident[1])
        elif kind == "frame" and ident == self.w.current_flag_id:
            self.w.detail.set_picture(result)
        elif kind == "wave":
            self.waves[ident] = result
            if ident == self.w.current_media_id:
                self.w.timeline.set_waveform(result, WAVE_BINS_PER_S)

    @staticmethod
    def _play_from(flag: dict) -> float:
        value = flag.get("play_from_s")
        return value if value is not None else max(0.0, (flag.get("start_s") or 0.0) - 3.0)

    def move_flag(self, step: int) -> None:
        flag_id = self.w.flag_panel.move(step)
        if flag_id is not None and flag_id != self.w.current_flag_id:
            self.select_flag(flag_id)

    def _shown_flag(self) -> dict | None:
        """The flag the detail panel shows, as stored now; None when nothing is shown."""
        if self.w.data is None or self.w.current_flag_id is None:
            return None
        if self.w.detail.flag is None or self.w.detail.flag.get("id") != self.w.current_flag_id:
            return None
        return self.w.data.flag_by_id(self.w.current_flag_id)

    def play_flag(self) -> None:
        flag = self._shown_flag()
        if flag is not None and self.w.detail.playable:
            self.w.player.play_from(self._play_from(flag))

    def decide(self, decision: str) -> None:
        """One keystroke: committed and audit-logged before this returns (Case.decide_flag)."""
        flag = self._shown_flag()
        if flag is None:
            return
        self.w.record_check.unlock_once(self.w.settings.officer_name())
        self.w.undo_stack.push(DecideCommand(self._apply_decision, flag, decision, None))
        if self.w.advance_after_decision and decision != "pending":
            self.move_flag(1)

    def save_note(self, note: str) -> None:
        flag = self._shown_flag()
        if flag is None or (flag.get("note") or "") == note:
            return
        # A note keeps the status; officers often note a flag before deciding it.
        self.w.record_check.unlock_once(self.w.settings.officer_name())
        self.w.undo_stack.push(DecideCommand(self._apply_decision, flag, flag["status"], note))
        self.w.flag_panel.view.setFocus()

    def _apply_decision(self, flag_id: int, status: str, note: str | None) -> bool:
        apply = safe_apply(
            lambda f, s, n: self.w.data.decide(f, s, n) if self.w.data else {},
            lambda msg: QMessageBox.warning(self.w, self.tr("Decision not saved"), msg),
        )
        if not apply(flag_id, status, note):
            return False
        flag = self.w.data.flag_by_id(flag_id) if self.w.data else None
        if flag is None:
            return True
        self.w.flag_panel.update_flag(flag)
        self.w.timeline.set_flags(self.w.data.flags_of(self.w.current_media_id or flag["media_id"]))
        if flag_id != self.w.current_flag_id:
            # Undo and redo bring the officer back to the flag they change.
            self.select_flag(flag_id)
        else:
            self.show_current_flag()
        self.w.media_list.set_media(self.w.data.media, self.flag_counts(), self.w.current_media_id)
        return True

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
            QMessageBox.warning(self.w, title, str(exc))
            return None

    def add_flag_at_playhead(self) -> None:
        """Dialog at the playhead (times, category, note), then add_flag."""
        if self.w.data is None or self.w.current_media_id is None:
            return
        media = self.w.data.media_by_id(self.w.current_media_id) or {}
        duration = media.get("duration_s")
        start = None if media.get("kind") == "image" else round(self.w.timeline.playhead, 1)
        end = None if start is None else start + DEFAULT_SPAN_S
        if end is not None and duration:
            end = min(end, duration)
        dialog = FlagSpanDialog(
            self.w, start_s=start, end_s=end, duration_s=duration, known=self._categories()
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_flag(self.w.current_media_id, *dialog.values())

    def add_flag(
        self,
        media_id: int,
        start_s: float | None,
        end_s: float | None,
        category: str,
        note: str | None = None,
    ) -> int | None:
        """A confirmed officer flag, saved and audit-logged now; undo removes it."""
        if self.w.data is None:
            return None
        title = self.tr("Flag not added")
        known = self._categories() or None

        def add() -> dict | None:
            flag = self._guarded(
                title,
                lambda: self.w.data.add_flag(media_id, start_s, end_s, category, note, known),
            )
            if flag is not None:
                self._after_flag_change(flag["id"])
            return flag

        def remove(flag_id: int) -> bool:
            done = self._guarded(title, lambda: self.w.data.remove_flag(flag_id) or True)
            self._after_flag_change(None)
            return bool(done)

        command = AddFlagCommand(add, remove)
        self.w.undo_stack.push(command)
        return command.flag_id

    def edit_flag_dialog(self) -> None:
        if self.w.data is None or self.w.current_flag_id is None:
            return
        flag = self.w.data.flag_by_id(self.w.current_flag_id)
        if flag is None:
            return
        media = self.w.data.media_by_id(flag["media_id"]) or {}
        dialog = FlagSpanDialog(
            self.w,
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
        if self.w.data is None:
            return
        flag = self.w.data.flag_by_id(flag_id)
        if flag is None:
            return

        def edit(fid: int, start: float | None, end: float | None, cat: str) -> bool:
            done = self._guarded(
                self.tr("Flag not changed"), lambda: self.w.data.edit_flag(fid, start, end, cat)
            )
            self._after_flag_change(fid)
            return done is not None

        self.w.undo_stack.push(
            EditFlagCommand(edit, flag, start_s, end_s, category or flag["category"])
        )

    def _after_flag_change(self, flag_id: int | None) -> None:
        """Show a flag change everywhere without moving the player."""
        if self.w.data is None:
            return
        self.show_flags()
        media_id = self.w.current_media_id
        if media_id is not None:
            self.w.timeline.set_flags(self.w.data.flags_of(media_id))
        self.w.media_list.set_media(self.w.data.media, self.flag_counts(), media_id)
        flag = self.w.data.flag_by_id(flag_id) if flag_id is not None else None
        if flag is None:
            if (
                self.w.current_flag_id is not None
                and self.w.data.flag_by_id(self.w.current_flag_id) is None
            ):
                self.w.current_flag_id = None
                self.w.detail.show_flag(None, [], None)
            return
        self.w.current_flag_id = flag_id
        self.w.flag_panel.select_flag(flag_id, emit=False)
        self.w.timeline.select_flag(flag_id)
        self.show_current_flag(load_picture=True)

    def on_learning_applied(self) -> None:
        # Thresholds, the lexicon folder or the text model changed: the next analysis uses them.
        self.w.settings = load_settings()
        if self.w.worker is not None:
            self.w.worker.options = self.w.analysis.analysis_options()

    def edit_note(self) -> None:
        if self.w.current_flag_id is not None:
            self.w.detail.note_edit.setFocus()
            self.w.detail.note_edit.selectAll()

    def on_reveal(self, flag_id: int) -> None:
        # Seeing an obscene picture is an officer action like any other: it goes in the audit log.
        if self.w.data is not None:
            log_reveal(self.w.data.case, flag_id)

    def focus_search(self) -> None:
        self.w.transcript_dock.show()
        self.w.transcript.search_box.setFocus()
        self.w.transcript.search_box.selectAll()

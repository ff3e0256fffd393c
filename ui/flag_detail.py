"""One flag in full: the picture, why it was flagged, its provenance, and the decision."""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import local_time

from .colors import category_color, status_color
from .i18n import category_label, clock, source_label, status_label

BLURRED_CATEGORIES = {"obscene"}
PICTURE_H = 200


def grouped_hash(value: str, size: int = 16) -> str:
    """A long hash in groups, so the detail panel can wrap it instead of scrolling sideways."""
    value = str(value or "")
    return " ".join(value[i : i + size] for i in range(0, len(value), size))


def blurred(image: QImage) -> QImage:
    """Down to a few pixels and back: enough to hide the content, not the layout."""
    small = image.scaled(
        max(1, image.width() // 24),
        max(1, image.height() // 24),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return small.scaled(
        image.width(),
        image.height(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def picture_for(image: QImage, boxes: list[list[float]], crop: bool) -> QImage:
    """The frame with flagged text boxes drawn; for screenshots, cropped around them."""
    if image.isNull():
        return image
    out = image.convertToFormat(QImage.Format.Format_RGB32)
    if boxes:
        p = QPainter(out)
        p.setPen(QPen(QColor("#ff3b30"), max(2, out.width() // 300)))
        for box in boxes:
            x0, y0, x1, y1 = box[:4]
            p.drawRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        p.end()
    if crop and boxes:
        x0 = min(b[0] for b in boxes)
        y0 = min(b[1] for b in boxes)
        x1 = max(b[2] for b in boxes)
        y1 = max(b[3] for b in boxes)
        margin = max(40, int((y1 - y0) * 2))
        rect = QRect(
            int(x0) - margin, int(y0) - margin, int(x1 - x0) + 2 * margin, int(y1 - y0) + 2 * margin
        )
        out = out.copy(rect.intersected(out.rect()))
    return out


class FlagDetail(QWidget):
    decide = Signal(str)  # confirmed | rejected | unsure | pending
    note_saved = Signal(str)
    play_requested = Signal()
    revealed = Signal(int)  # flag id whose blurred picture the officer chose to see
    shown_changed = Signal(bool, bool)  # a flag is shown, and it can be played

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag: dict | None = None
        self.playable = False
        self.image = QImage()
        self.revealed_ids: set[int] = set()
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumHeight(PICTURE_H)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.picture.setStyleSheet("background:#222; color:#bbb;")
        self.reveal_button = QPushButton(self)
        self.reveal_button.clicked.connect(self._reveal)
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # One scroll bar: every row wraps (hashes are grouped), so nothing needs sideways scrolling.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        scroll.setWidget(self.info)
        self.scroll = scroll
        self.note_edit = QLineEdit(self)
        self.note_edit.returnPressed.connect(lambda: self.note_saved.emit(self.note_edit.text()))
        self.note_button = QPushButton(self)
        self.note_button.clicked.connect(lambda: self.note_saved.emit(self.note_edit.text()))
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        self.play_button = QPushButton(self)
        self.play_button.clicked.connect(self.play_requested)
        for decision in ("confirmed", "rejected", "unsure", "pending"):
            b = QPushButton(self)
            b.clicked.connect(lambda _=False, d=decision: self.decide.emit(d))
            color = status_color(decision).name()
            b.setStyleSheet(f"QPushButton {{ border-left: 5px solid {color}; padding: 4px 8px; }}")
            self.buttons[decision] = b
            row.addWidget(b)
        note_row = QHBoxLayout()
        note_row.addWidget(self.play_button)  # own row: Vietnamese labels need the width
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.picture)
        layout.addWidget(self.reveal_button)
        layout.addLayout(row)
        layout.addLayout(note_row)
        layout.addWidget(scroll, 1)
        self.retranslate()
        self.show_flag(None, [], None)

    def retranslate(self) -> None:
        self.reveal_button.setText(self.tr("Reveal picture (V)"))
        self.reveal_button.setToolTip(
            self.tr("The picture may be obscene; it is blurred until you choose to see it.")
        )
        self.play_button.setText(self.tr("Play flag (P)"))
        self.buttons["confirmed"].setText(self.tr("Confirm (C)"))
        self.buttons["rejected"].setText(self.tr("Reject (X)"))
        self.buttons["unsure"].setText(self.tr("Unsure (U)"))
        self.buttons["pending"].setText(self.tr("Reset (0)"))
        self.note_edit.setPlaceholderText(self.tr("Note for this flag (N to write, Enter to save)"))
        self.note_button.setText(self.tr("Save note"))
        if self.flag is None:
            self.title.setText(self.tr("No flag selected."))

    # -- content ----------------------------------------------------------------------------
    def show_flag(self, flag: dict | None, detections: list[dict], media: dict | None) -> None:
        self.flag = flag
        self.image = QImage()
        enabled = flag is not None
        for w in [*self.buttons.values(), self.note_edit, self.note_button]:
            w.setEnabled(enabled)
        # A screenshot has no time to play from.
        self.playable = enabled and (media or {}).get("kind") in ("video", "audio")
        self.play_button.setEnabled(self.playable)
        self.shown_changed.emit(enabled, self.playable)
        self.reveal_button.setVisible(False)
        if flag is None:
            self.title.setText(self.tr("No flag selected."))
            self.info.setText("")
            self.note_edit.setText("")
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No picture"))
            return
        color = category_color(flag["category"]).name()
        scolor = status_color(flag["status"]).name()
        self.title.setText(
            f'<span style="font-size:15px; font-weight:600; color:{color}">'
            f"{html.escape(category_label(flag['category']))}</span>"
            f'&nbsp;&nbsp;<span style="color:{scolor}; font-weight:600">'
            f"{html.escape(status_label(flag['status']))}</span>"
        )
        self.note_edit.setText(flag.get("note") or "")
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.tr("Loading picture…"))
        self.info.setText(self._info_html(flag, detections, media))

    def update_flag(self, flag: dict, detections: list[dict], media: dict | None) -> None:
        """Same flag, new status or note: keep the picture."""
        image = self.image
        self.show_flag(flag, detections, media)
        if not image.isNull():
            self.set_picture(image)

    def _info_html(self, flag: dict, detections: list[dict], media: dict | None) -> str:
        def row(label: str, value: str) -> str:
            return f"<tr><td style='color:#666; padding-right:8px'>{html.escape(label)}</td><td>{value}</td></tr>"

        esc = html.escape
        matched = ", ".join(flag.get("matched") or [])
        rows = [
            row(self.tr("Time"), f"{clock(flag.get('start_s'))} – {clock(flag.get('end_s'))}"),
            row(self.tr("Source"), esc(source_label(flag["source"]))),
            row(self.tr("Score"), f"{flag['score']:.2f}"),
            row(self.tr("Matched"), f"<b>{esc(matched)}</b>" if matched else "–"),
            row(self.tr("Why"), esc(flag.get("why") or "–")),
            row(self.tr("Text"), esc(flag.get("text") or "–")),
        ]
        if flag.get("reviewer"):
            rows.append(
                row(
                    self.tr("Decided by"),
                    esc(f"{flag['reviewer']} · {local_time(flag.get('decided_utc'))}"),
                )
            )
        conflict = flag.get("conflict")
        if conflict:
            # Two copies of the case disagreed (reviewer merge): both sides, for a senior officer.
            sides = [
                self.tr("{officer} · {when}: {status} {note}").format(
                    officer=esc(side.get("officer") or "?"),
                    when=esc(local_time(side.get("utc"))),
                    status=esc(status_label(side.get("status") or "")),
                    note=esc(side.get("note") or ""),
                )
                for side in (conflict["here"], conflict["other"])
            ]
            rows.append(row(self.tr("Copies disagree"), "<br>".join(sides)))
        if media:
            rows.append(row(self.tr("File"), esc(media["original_name"])))
            rows.append(
                row(self.tr("File SHA-256"), f"<code>{esc(grouped_hash(media['sha256']))}</code>")
            )
        for model in flag.get("models") or []:
            rows.append(
                row(
                    self.tr("Model"),
                    f"{esc(str(model.get('name')))}<br><code>{esc(grouped_hash(model.get('sha256') or ''))}</code>",
                )
            )
        parts = [f"<table>{''.join(rows)}</table>"]
        if detections:
            parts.append(f"<p><b>{esc(self.tr('Detections'))}</b></p><ul>")
            for d in detections[:50]:
                box = f" box {d['box']}" if d.get("box") else ""
                parts.append(
                    f"<li>{clock(d.get('start_s'))} {esc(source_label(d['source']))} "
                    f"{d['score']:.2f} · {esc(', '.join(d.get('matched') or []))}"
                    f"{esc(box)}<br><i>{esc((d.get('text') or '')[:200])}</i><br>"
                    f"<span style='color:#666'>{esc(str(d.get('model_id') or ''))} "
                    f"<code>{esc(str(d.get('model_sha256') or '')[:16])}…</code></span></li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    # -- picture ----------------------------------------------------------------------------
    def needs_blur(self) -> bool:
        return (
            self.flag is not None
            and self.flag["category"] in BLURRED_CATEGORIES
            and self.flag["id"] not in self.revealed_ids
        )

    def set_picture(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("No picture"))
            return
        self.image = image
        shown = blurred(image) if self.needs_blur() else image
        self.reveal_button.setVisible(self.needs_blur())
        pix = QPixmap.fromImage(shown).scaled(
            max(100, self.picture.width() - 8),
            PICTURE_H - 8,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setText("")
        self.picture.setPixmap(pix)

    def _reveal(self) -> None:
        if self.flag is None or not self.needs_blur():
            return
        self.revealed_ids.add(self.flag["id"])
        self.revealed.emit(self.flag["id"])
        self.set_picture(self.image)

    def reveal(self) -> None:
        self._reveal()

"""Video, audio-only files and screenshots (with OCR boxes drawn on the image)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import clock

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class ImageView(QWidget):
    """A screenshot scaled to fit, with its on-screen text boxes drawn over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.boxes: list[tuple[list[float], bool]] = []  # box, part of a flag
        self.setMinimumSize(200, 150)

    def set_image(self, image: QImage, boxes: list[tuple[list[float], bool]]) -> None:
        self.image, self.boxes = image, boxes
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#111"))
        if self.image.isNull():
            p.end()
            return
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        ox, oy = (self.width() - w) / 2, (self.height() - h) / 2
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(ox, oy, w, h), self.image)
        for box, flagged in self.boxes:
            if not box or len(box) < 4:
                continue
            x0, y0, x1, y1 = box[:4]
            p.setPen(QPen(QColor("#ff3b30" if flagged else "#40c057"), 3 if flagged else 1.5))
            p.drawRect(
                QRectF(ox + x0 * scale, oy + y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)
            )
        p.end()


class PlayerWidget(QWidget):
    """Plays one media file. `requested_position_s` records every seek, so tests and the rest of
    the window never depend on a running media backend."""

    position_changed = Signal(float)  # seconds
    # Not playing a video: the window decodes the frame at these seconds for show_still().
    # (A paused QMediaPlayer would draw it too, but stopping a paused FFmpeg backend could hang.)
    still_wanted = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.fps = 25.0
        self.duration_s = 0.0
        self.requested_position_s = 0.0
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.player.setVideoOutput(self.video)
        self.image_view = ImageView(self)
        self.still_view = ImageView(self)  # the frame at the playhead while not playing
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("background:#111; color:#ccc; font-size:15px;")
        self.stack = QStackedWidget(self)
        for w in (self.placeholder, self.video, self.image_view, self.still_view):
            self.stack.addWidget(w)

        self.play_button = QToolButton(self)
        self.play_button.setText("▶")
        self.play_button.clicked.connect(self.toggle_play)
        self.back_button = QToolButton(self)
        self.back_button.setText("◀|")
        self.back_button.clicked.connect(lambda: self.step_frames(-1))
        self.fwd_button = QToolButton(self)
        self.fwd_button.setText("|▶")
        self.fwd_button.clicked.connect(lambda: self.step_frames(1))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(lambda ms: self.seek(ms / 1000))
        self.time_label = QLabel("00:00 / 00:00", self)
        self.speed = QComboBox(self)
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(
            lambda i: self.player.setPlaybackRate(self.speed.itemData(i))
        )
        self.volume_label = QLabel(self)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(80)
        self.slider.setMinimumWidth(160)
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.audio.setVolume(0.8)

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        for w in (self.back_button, self.play_button, self.fwd_button):
            controls.addWidget(w)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        self.speed_label = QLabel(self)
        controls.addWidget(self.speed_label)
        controls.addWidget(self.speed)
        controls.addWidget(self.volume_label)
        controls.addWidget(self.volume)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(controls)

        self.player.positionChanged.connect(self._on_position)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.durationChanged.connect(self._on_duration)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.speed_label.setText(self.tr("Speed"))
        self.volume_label.setText(self.tr("Volume"))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.back_button.setToolTip(self.tr("Previous frame (,)"))
        self.fwd_button.setToolTip(self.tr("Next frame (.)"))
        self.speed.setToolTip(self.tr("Playback speed ([ and ])"))
        self.volume.setToolTip(self.tr("Volume"))
        if self.kind is None:
            self.placeholder.setText(self.tr("Open a case and choose a recording."))
        elif self.kind == "audio":
            self.placeholder.setText(self.tr("♪ Audio only"))

    # -- loading ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.kind = None
        self.player.stop()
        self.player.setSource(QUrl())
        self.stack.setCurrentWidget(self.placeholder)
        self.retranslate()

    def load(
        self, media: dict, path: Path, boxes: list[tuple[list[float], bool]] | None = None
    ) -> None:
        self.kind = media.get("kind")
        self.fps = media.get("fps") or 25.0
        self.duration_s = media.get("duration_s") or 0.0
        self.requested_position_s = 0.0
        self.player.stop()
        self.slider.setRange(0, int(self.duration_s * 1000))
        self._update_time(0.0)
        if self.kind == "image":
            self.player.setSource(QUrl())
            self.image_view.set_image(QImage(str(path)), boxes or [])
            self.stack.setCurrentWidget(self.image_view)
            return
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        if self.kind == "video":
            self.stack.setCurrentWidget(self.video)
            self.still_wanted.emit(0.0)
        else:
            self.stack.setCurrentWidget(self.placeholder)
        self.retranslate()

    def set_boxes(self, boxes: list[tuple[list[float], bool]]) -> None:
        if self.kind == "image":
            self.image_view.set_image(self.image_view.image, boxes)

    # -- transport --------------------------------------------------------------------------
    def is_playable(self) -> bool:
        return self.kind in ("video", "audio")

    def seek(self, seconds: float) -> None:
        seconds = max(0.0, min(seconds, self.duration_s or seconds))
        self.requested_position_s = seconds
        if self.is_playable():
            self.player.setPosition(int(seconds * 1000))
        self._update_time(seconds)
        self.position_changed.emit(seconds)
        if self.kind == "video" and not self.playing():
            self.still_wanted.emit(seconds)

    def playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def show_still(self, image: QImage | None, at_s: float) -> None:
        """The decoded frame at `at_s`, if the playhead is still there and nothing plays."""
        if (
            self.kind != "video"
            or self.playing()
            or image is None
            or image.isNull()
            or abs(at_s - self.requested_position_s) > 1e-6
        ):
            return
        self.still_view.set_image(image, [])
        self.stack.setCurrentWidget(self.still_view)

    def play_from(self, seconds: float) -> None:
        self.seek(seconds)
        if self.is_playable():
            self.player.play()

    def toggle_play(self) -> None:
        if not self.is_playable():
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def step_frames(self, n: int) -> None:
        self.player.pause()
        self.seek(self.position_s() + n / (self.fps or 25.0))

    def skip(self, seconds: float) -> None:
        self.seek(self.position_s() + seconds)

    def change_speed(self, steps: int) -> None:
        index = max(0, min(len(SPEEDS) - 1, self.speed.currentIndex() + steps))
        self.speed.setCurrentIndex(index)

    def position_s(self) -> float:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            return self.player.position() / 1000
        return self.requested_position_s

    # -- player signals ---------------------------------------------------------------------
    def _on_position(self, ms: int) -> None:
        if self.player.playbackState() != QMediaPlayer.PlaybackState.PlayingState:
            return  # paused seeks are reported by seek() itself
        seconds = ms / 1000
        self.requested_position_s = seconds
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self._update_time(seconds)
        self.position_changed.emit(seconds)

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText("❚❚" if playing else "▶")
        if self.kind == "video":
            if playing:
                self.stack.setCurrentWidget(self.video)
            else:
                self.still_wanted.emit(self.position_s())

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self.duration_s = ms / 1000
            self.slider.setRange(0, ms)

    def _update_time(self, seconds: float) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(int(seconds * 1000))
        self.time_label.setText(f"{clock(seconds)} / {clock(self.duration_s)}")

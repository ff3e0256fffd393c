"""A live camera behind the chat: the background drifts, the streamer moves, the sensor adds
grain. Text must still be found without sending every sample through the whole-frame text
detector (real OCR models on a short H.264 clip)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.vision import OcrEngine, incremental
from reviewer.vision.dedupe import normalise, text_distance
from reviewer.vision.frames import FrameSampler
from reviewer.vision.incremental import IncrementalOcr
from testkit.synth import DEFAULT_FONT, write_clip

WIDTH, HEIGHT = 1280, 720
MESSAGES = [
    "lan_fan99: Chào chị Lan ạ!",
    "minhtuan: Hôm nay bán gì vậy chị?",
    "bet88: Nạp 100k tặng 200k, vào nhà cái",
    "thu_trang: Áo này còn size L không?",
    "dl_vn: Bán data khách hàng 0912 345 678",
    "an_an: Ship về Cần Thơ mất mấy ngày?",
    "hoa.nguyen: Giá bao nhiêu vậy chị ơi",
    "mai_anh: Cảm ơn chị, mai xem tiếp nhé",
    "quang.hai: Có freeship không shop?",
    "tung99: Mình đặt 2 cái nha shop",
]
STATIC = ["Shop nhà Lan – Bán hàng buổi tối", "Áo khoác mới về – freeship toàn quốc"]
VISIBLE = 6
SAMPLES = len(MESSAGES) - VISIBLE + 1 + 2  # two more samples with the last chat still up


def _camera(i: int, rng: np.random.Generator) -> np.ndarray:
    """A drifting colour gradient, a moving figure and sensor grain."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    phase = 0.5 * i
    wave = np.sin((x * np.cos(phase) + y * np.sin(phase)) / 260.0 + phase)
    image = np.stack([90 + 50 * wave, 110 + 40 * np.cos(phase) + 30 * wave, 130 - 40 * wave], -1)
    left = 200 + 45 * i  # the streamer walks across the room
    image[150:290, left : left + 120] = (160, 190, 230)  # head
    image[290:520, left - 60 : left + 180] = (70, 70, 200)  # shirt
    image += rng.normal(0, 6, image.shape).astype(np.float32)  # grain
    return np.clip(image, 0, 255).astype(np.uint8)


def _frames() -> list[np.ndarray]:
    rng = np.random.default_rng(24)
    font = ImageFont.truetype(DEFAULT_FONT, 20)
    big = ImageFont.truetype(DEFAULT_FONT, 28)
    frames = []
    for i in range(SAMPLES):
        picture = Image.fromarray(_camera(i, rng)[:, :, ::-1].copy())
        draw = ImageDraw.Draw(picture)
        draw.rectangle((0, 0, WIDTH, 64), fill=(24, 20, 16))
        draw.text((30, 16), STATIC[0], font=big, fill=(255, 255, 255))
        draw.rectangle((20, 600, 760, 690), fill=(232, 241, 244))
        draw.text((50, 628), STATIC[1], font=big, fill=(26, 26, 26))
        draw.rectangle((780, 80, 1260, 705), fill=(28, 24, 21))
        first = min(i, len(MESSAGES) - VISIBLE)
        for row, text in enumerate(MESSAGES[first : first + VISIBLE]):
            draw.text((794, 380 + 48 * row), text, font=font, fill=(240, 240, 240))
        frames.append(np.asarray(picture)[:, :, ::-1].copy())
    return frames


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> list[np.ndarray]:
    """The frames after a trip through H.264, one per second."""
    path = tmp_path_factory.mktemp("moving") / "camera.mp4"
    fps = 5
    write_clip(str(path), [f for f in _frames() for _ in range(fps)], fps=fps)
    frames = [f.image for f in FrameSampler(path, every_s=1.0, change_threshold=0)]
    assert len(frames) == SAMPLES
    return frames


@pytest.fixture(scope="module")
def engine() -> OcrEngine:
    return OcrEngine(threads=2)


class DetectorWork:
    """Whole-frame detections and pixels sent to the detector, per sample."""

    def __init__(self, engine: OcrEngine, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = 0
        self.pixels = 0
        detector = engine.detector
        detect, band = detector.detect, detector._detect_band

        def counting_detect(image, *args, **kwargs):
            self.full += 1
            return detect(image, *args, **kwargs)

        def counting_band(image, *args, **kwargs):
            self.pixels += image.shape[0] * image.shape[1]
            return band(image, *args, **kwargs)

        monkeypatch.setattr(detector, "detect", counting_detect)
        monkeypatch.setattr(detector, "_detect_band", counting_band)


def _read_all(reader: IncrementalOcr, frames: list[np.ndarray]) -> list[list[tuple]]:
    return [[(line.box, line.text) for line in reader.read(f).lines] for f in frames]


def test_moving_camera_is_not_read_as_new_text(engine, clip, monkeypatch):
    work = DetectorWork(engine, monkeypatch)
    reader = IncrementalOcr(engine)
    pictures, per_sample = [], []
    for index, image in enumerate(clip):
        before = work.pixels
        got = reader.read(image)
        pictures.append(got.picture_changed)
        per_sample.append(work.pixels - before)
        texts = [normalise(line.text) for line in got.lines]
        first = min(index, len(MESSAGES) - VISIBLE)
        for message in [*STATIC, *MESSAGES[first : first + VISIBLE]]:
            assert any(text_distance(normalise(message), t) <= 0.2 for t in texts), (
                index,
                message,
                texts,
            )
    # Only the first sample goes through the detector whole; after it, only the chat panel
    # (which scrolls) and the moving figure: well under half of the frame's pixels.
    assert work.full == 1
    assert max(per_sample[1:]) < 0.45 * per_sample[0], per_sample
    assert per_sample[-1] < 0.25 * per_sample[0], per_sample  # the chat stood still
    assert reader.crops_recognised <= 1.5 * (len(MESSAGES) + len(STATIC))
    # The camera moves all the time: the image classifier looks again, but not at every sample.
    assert 2 <= sum(pictures) <= 1 + len(clip) // incremental.PICTURE_EVERY_SAMPLES


def test_resumed_read_is_the_same_as_an_unbroken_one(engine, clip):
    unbroken = _read_all(IncrementalOcr(engine), clip)
    reader = IncrementalOcr(engine)
    _read_all(reader, clip[::-1])  # other frames first, then back to the fixed point
    reader.reset()
    assert _read_all(reader, clip) == unbroken


def test_whole_frame_safety_net(engine, clip, monkeypatch):
    monkeypatch.setattr(incremental, "FULL_EVERY_SAMPLES", 3)
    work = DetectorWork(engine, monkeypatch)
    reader = IncrementalOcr(engine)
    fulls = []
    for image in clip[:7]:
        before = work.full
        reader.read(image)
        fulls.append(work.full - before)
    assert fulls == [1, 0, 0, 1, 0, 0, 1]

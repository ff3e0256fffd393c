"""Reading only what is new: changed regions, the line-crop cache, and incremental OCR of a
scrolling chat against whole-frame OCR (real OCR models on small synthetic video)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.vision import OcrEngine
from reviewer.vision.dedupe import normalise, text_distance
from reviewer.vision.frames import FrameSampler
from reviewer.vision.incremental import IncrementalOcr
from reviewer.vision.line_cache import LineCache, crops_match
from reviewer.vision.ocr import crop_line
from reviewer.vision.regions import RegionTracker, merge_rects
from testkit.synth import DEFAULT_FONT, render_lines, write_clip

# One character, digit, tone mark or full stop apart: never the same line.
ONE_APART = [
    ("Liên hệ 0912 345 678 ngay", "Liên hệ 0912 345 679 ngay"),
    ("Ship về Cần Thơ mất mấy ngày", "Ship về Cán Thơ mất mấy ngày"),
    ("Nạp 100k tặng 200k", "Nạp 100k tặng 200k."),
    ("Cờ bạc online uy tín", "Cờ bạc online uy tin"),
    ("tung99: vcl phở ngon", "tung98: vcl phở ngon"),
]


def _decoded(frames: list[np.ndarray], tmp_path, fps: int = 5) -> list[np.ndarray]:
    """The frames after a trip through H.264, one per second."""
    path = tmp_path / "clip.mp4"
    write_clip(str(path), [f for f in frames for _ in range(fps)], fps=fps)
    return [f.image for f in FrameSampler(path, every_s=1.0, change_threshold=0)]


# -- regions ------------------------------------------------------------------------------------
def test_regions_cover_only_what_changed():
    base = np.full((720, 1280, 3), 40, np.uint8)
    tracker = RegionTracker()
    first = tracker.changes(base)
    assert first.full  # nothing to compare with: read it all
    assert not tracker.changes(base.copy()).any
    moved = base.copy()
    line = "lan_fan99: Chao chi Lan a"  # a new chat line
    (w, h), _ = cv2.getTextSize(line, cv2.FONT_HERSHEY_SIMPLEX, 0.8, 2)
    cv2.putText(moved, line, (900, 625), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (230, 230, 230), 2)
    changes = tracker.changes(moved)
    assert not changes.full and len(changes.rects) == 1
    x0, y0, x1, y1 = changes.rects[0]
    assert x0 <= 900 and y0 <= 625 - h and x1 >= 900 + w and y1 >= 625
    assert (x1 - x0) * (y1 - y0) < 0.1 * 1280 * 720
    lit = moved + np.uint8(20)  # the light changed over the whole picture: no new strokes
    assert tracker.changes(lit).rects == changes.rects
    other = moved.copy()
    # A new busy picture over most of the frame: one whole-frame read is cheaper.
    other[:500] = np.random.default_rng(0).integers(0, 256, (500, 1280, 1), dtype=np.uint8)
    assert tracker.changes(other).full


def test_small_changes_add_up_until_read():
    tracker = RegionTracker()
    frame = np.full((360, 640, 3), 100, np.uint8)
    frame[100:112, 100:400:4] = 150  # short faint strokes, just over the floor
    tracker.changes(frame)
    faded = frame.copy()
    for step in range(1, 8):
        # Strokes 4 gray levels stronger a sample: each step is noise.
        faded[100:112, 100:400:4] = 150 + 4 * step
        changes = tracker.changes(faded)
        if changes.any:
            break
    assert changes.any and step >= 3  # the reference kept the old value, so the fade counted
    tracker.accept(faded, list(changes.rects))
    assert not tracker.changes(faded).any


def test_merge_rects_joins_overlaps_only():
    assert merge_rects([(0, 0, 10, 10), (5, 5, 20, 20), (30, 30, 40, 40)]) == [
        (0, 0, 20, 20),
        (30, 30, 40, 40),
    ]


# -- line cache ---------------------------------------------------------------------------------
@pytest.mark.parametrize("font_px", [14, 20])
@pytest.mark.parametrize("style", ["chat_bubble", "light_on_dark", "dark_on_light"])
def test_cache_tells_one_character_apart_and_knows_a_moved_line(tmp_path, style, font_px):
    lines_a = [a for a, _ in ONE_APART]
    lines_b = [b for _, b in ONE_APART]
    img_a, truth_a = render_lines(lines_a, style=style, font_px=font_px, seed=3)
    img_b, truth_b = render_lines(lines_b, style=style, font_px=font_px, seed=3)
    # The same lines one place lower (as chat scrolls).
    img_c, truth_c = render_lines(["Trò chuyện", *lines_a], style=style, font_px=font_px, seed=3)
    dec_a, dec_b, dec_c = _decoded([img_a, img_b, img_c], tmp_path)

    def crop(image, box, jitter=0):
        x0, y0, x1, y1 = box
        return image[y0 - 6 + jitter : y1 + 6, x0 - 8 : x1 + 8 + jitter]

    for ta, tb in zip(truth_a, truth_b, strict=True):
        cache: LineCache[str] = LineCache()
        cache.put(crop(dec_a, ta.box), ta.text)
        assert len(cache) == 1  # a plain ground: cached
        assert cache.get(crop(dec_b, tb.box)) is None, (ta.text, tb.text)
    if style == "chat_bubble":
        return  # a bubble is drawn per line: a moved line has a differently cut bubble
    for ta, tc in zip(truth_a, truth_c[1:], strict=True):
        a, c = crop(dec_a, ta.box), crop(dec_c, tc.box, jitter=2)
        assert crops_match(a[:, :, 1], c[:, :, 1]), ta.text


def test_text_over_video_is_never_reused(tmp_path):
    """Over a live picture one changed letter can differ less than compression noise does."""
    image, truth = render_lines(["Nạp 100k tặng 200k"], style="white_on_video", font_px=16)
    (decoded,) = _decoded([image], tmp_path)
    x0, y0, x1, y1 = truth[0].box
    line = decoded[y0 - 6 : y1 + 6, x0 - 8 : x1 + 8]
    cache: LineCache[str] = LineCache()
    cache.put(line, "Nạp 100k tặng 200k")
    assert len(cache) == 0 and cache.get(line) is None


def test_cache_is_bounded_and_forgets_on_clear():
    cache: LineCache[str] = LineCache(max_entries=3)
    crops = [
        render_lines([f"Dòng số {i}: {i * 1111}"], size=(360, 60), font_px=20, seed=i)[0]
        for i in range(5)
    ]
    for i, crop in enumerate(crops):
        cache.put(crop, f"line {i}")
    assert len(cache) == 3
    assert cache.get(crops[0]) is None  # the oldest went first
    assert cache.get(crops[4].copy()) == "line 4"
    cache.clear()
    assert cache.get(crops[4]) is None


# -- incremental OCR on a scrolling chat ---------------------------------------------------------
MESSAGES = [
    "lan_fan99: Chào chị Lan ạ!",
    "minhtuan: Hôm nay nấu món gì vậy chị?",
    "bet88: Nạp 100k tặng 200k, vào nhà cái",
    "user123: Good luck everyone!",
    "thu_trang: Việt Nam đá hay quá!",
    "dl_vn: Bán data khách hàng 0912 345 678",
    "an_an: vcl phở ngon thật",
    "hoa.nguyen: Phở nhìn ngon quá chị ơi",
    "mai_anh: Cảm ơn chị, mai xem tiếp nhé",
    "quang.hai: Giá bao nhiêu vậy chị ơi",
]
VISIBLE = 6


def _chat_frames() -> list[np.ndarray]:
    """A static left side (title, banner) and a chat panel on the right that scrolls by one
    line per sample, as a busy livestream's does (drawn like resources/demo/make_demo.py)."""
    left, _ = render_lines(
        ["Bếp nhà Lan – Nấu phở cùng mọi người", "Giảm giá 20% nồi inox hôm nay"],
        style="dark_on_light",
        size=(780, 720),
        font_px=26,
        seed=5,
    )
    font = ImageFont.truetype(DEFAULT_FONT, 20)
    frames = []
    for i in range(len(MESSAGES) - VISIBLE + 1):
        panel = Image.new("RGB", (500, 720), (28, 24, 21))
        draw = ImageDraw.Draw(panel)
        for row, text in enumerate(MESSAGES[i : i + VISIBLE]):
            draw.text((14, 360 + 48 * row), text, font=font, fill=(240, 240, 240))
        frames.append(np.hstack([left, np.asarray(panel)[:, :, ::-1]]))
    return frames


@pytest.fixture(scope="module")
def engine():
    return OcrEngine(threads=2)


def test_incremental_reads_what_a_whole_frame_read_does(engine, tmp_path):
    frames = _decoded(_chat_frames(), tmp_path)
    reader = IncrementalOcr(engine)
    pictures = []
    for index, image in enumerate(frames):
        got = reader.read(image)
        pictures.append(got.picture_changed)
        whole = engine.read(image)
        assert len(got.lines) == len(whole), index
        for line in got.lines:
            assert any(
                text_distance(normalise(line.text), normalise(w.text)) <= 0.2 for w in whole
            ), (index, line.text)
        assert got.changed
    distinct = len(MESSAGES) + 2  # chat lines shown plus the two static lines
    assert reader.crops_recognised <= 1.5 * distinct
    # Only text scrolled: the image classifier need not look again after the first frame.
    assert pictures == [True] + [False] * (len(frames) - 1)
    assert not reader.read(frames[-1]).changed  # the same picture again: nothing to read


def test_reset_reads_the_next_frame_whole(engine, tmp_path):
    frames = _decoded(_chat_frames()[:2], tmp_path)
    reader = IncrementalOcr(engine)
    reader.read(frames[0])
    reader.read(frames[1])
    count = reader.crops_recognised
    reader.reset()
    again = reader.read(frames[1])
    assert again.changed and again.picture_changed
    assert reader.crops_recognised - count == len(again.lines)  # nothing came from the cache


def test_region_detection_matches_whole_frame_boxes(engine):
    frame = _chat_frames()[0]
    whole = engine.detector.detect(frame)
    scale = engine.detector.frame_scale(frame.shape[1], frame.shape[0])
    region = engine.detector.detect_region(frame, (780, 300, 1280, 720), scale)
    chat = [d for d in whole if d.box[0] >= 780]
    assert len(region) == len(chat) == VISIBLE
    for a, b in zip(sorted(region, key=lambda d: d.box[1]), chat, strict=True):
        assert max(abs(p - q) for p, q in zip(a.box, b.box, strict=True)) <= 4
    cut = crop_line(frame, region[0])
    assert cut.shape[0] >= 16

"""Frame sampling on clips generated here with PyAV (H.264, B-frames): timing, change
detection, damaged files, and the frames -> OCR -> timed text path with the real models."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from reviewer.vision import (
    FrameSampler,
    OcrEngine,
    VideoOpenError,
    read_frames,
    sample_frames,
    timed_text,
)
from reviewer.vision.change import ChangeDetector
from reviewer.vision.dedupe import text_distance
from testkit.synth import render_lines, write_clip

FPS = 10
LINE_A = "Nạp 100k tặng 200k, chuyển khoản ngay"
LINE_B = "Liên hệ số điện thoại 0912 345 678"


def overlay_frames(seconds: int = 14):
    """Static background; line A on screen 2-10 s, line B 5-14 s (a chat overlay)."""
    blank, _ = render_lines([], "light_on_dark")
    only_a, _ = render_lines([LINE_A], "light_on_dark")
    both, _ = render_lines([LINE_A, LINE_B], "light_on_dark")
    only_b, _ = render_lines([LINE_B], "light_on_dark")
    for index in range(seconds * FPS):
        t = index / FPS
        a, b = 2.0 <= t < 10.0, t >= 5.0
        yield both if a and b else only_a if a else only_b if b else blank


@pytest.fixture(scope="module")
def overlay_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("clips") / "overlay.mp4"
    write_clip(str(path), overlay_frames(), fps=FPS)
    return path


@pytest.fixture(scope="module")
def moving_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 s of 720p30 where every frame changes (a camera-like moving picture)."""
    path = tmp_path_factory.mktemp("clips") / "moving.mp4"
    base, _ = render_lines(["Chúc mọi người buổi tối vui vẻ nhé"], "white_on_video", seed=7)
    noise = np.random.default_rng(0).integers(0, 24, base.shape, dtype=np.uint8)
    frames = (np.roll(base, 4 * i, axis=1) + np.roll(noise, i, axis=0) for i in range(20 * 30))
    write_clip(str(path), frames, fps=30)
    return path


def test_samples_once_per_second_with_change_flags(overlay_clip: Path) -> None:
    sampler = FrameSampler(overlay_clip, every_s=1.0)
    frames = list(sampler)
    times = [f.t_s for f in frames]
    assert len(frames) == 14
    # One sample per second; B-frames that are skipped may delay a sample by a frame.
    assert all(abs(t - round(t)) <= 2 / FPS for t in times)
    assert all(f.image.shape == (720, 1280, 3) and f.image.dtype == np.uint8 for f in frames)
    changed = [round(f.t_s) for f in frames if f.changed]
    assert changed == [0, 2, 5, 10]
    report = sampler.report
    assert not report.truncated and report.error is None
    assert report.frames_sampled == 14 and report.frames_changed == 4
    assert report.duration_s == pytest.approx(14.0, abs=0.2)
    assert (report.width, report.height) == (1280, 720)


def test_sampler_720p_with_and_without_skipping(moving_clip: Path) -> None:
    runs = {}
    for skip in (True, False):
        start, cpu = time.perf_counter(), time.process_time()
        sampler = FrameSampler(moving_clip, every_s=1.0, skip_nonref=skip)
        count = sum(1 for _ in sampler)
        runs[skip] = (time.perf_counter() - start, time.process_time() - cpu, count)
    for skip, (wall, cpu, count) in runs.items():
        print(
            f"\nsampler skip_nonref={skip}: {count} frames from 20 s of 720p30 in "
            f"{wall:.2f} s wall ({20 / wall:.0f}x real time), {cpu:.2f} s CPU"
        )
    assert runs[True][2] == runs[False][2] == 20  # speed printed; bench_throughput holds it


def test_change_detector_ignores_noise_and_sees_one_word() -> None:
    base, _ = render_lines(["Cảm ơn bạn đã theo dõi"], "chat_bubble", seed=2)
    noisy = np.clip(
        base.astype(np.int16) + np.random.default_rng(1).integers(-6, 7, base.shape), 0, 255
    ).astype(np.uint8)
    word, _ = render_lines(["Cảm ơn bạn đã theo dõi kèo"], "chat_bubble", seed=2)
    detector = ChangeDetector()
    assert detector.update(base) is True  # the first frame is always new
    assert detector.update(noisy) is False
    assert detector.update(word) is True
    assert ChangeDetector(threshold=0.0).update(base) is True


def test_truncated_file_stops_and_reports(tmp_path: Path, overlay_clip: Path) -> None:
    data = overlay_clip.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2])
    sampler = FrameSampler(cut)
    frames = list(sampler)  # must not raise
    report = sampler.report
    assert report.truncated
    assert 0 < len(frames) < 14
    assert report.notes and "stopped" in report.notes[0]
    assert report.last_t_s is not None and report.last_t_s < 13


def test_unopenable_files_raise_named_error(tmp_path: Path) -> None:
    no_index = tmp_path / "no-index.mp4"
    write_clip(str(no_index), overlay_frames(3), fps=FPS, faststart=False)
    data = no_index.read_bytes()
    no_index.write_bytes(data[: len(data) // 2])  # the index (moov) was at the end
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00not a video" * 100)
    for path in (no_index, junk, tmp_path / "missing.mp4"):
        with pytest.raises(VideoOpenError):
            list(sample_frames(path))


def test_overlay_line_becomes_one_timed_item(overlay_clip: Path) -> None:
    engine = OcrEngine(threads=2)
    sampler = FrameSampler(overlay_clip, every_s=1.0)
    frame_texts = list(read_frames(sampler, engine))
    assert sum(not ft.reused for ft in frame_texts) == 4  # OCR only on changed frames
    items = list(timed_text(frame_texts))
    for item in items:
        print(f"\n{item.first_s:5.1f}-{item.last_s:5.1f} s  {item.text!r} ({item.sightings}x)")
    assert len(items) == 2
    a = next(i for i in items if text_distance(i.text, LINE_A) <= 0.1)
    b = next(i for i in items if text_distance(i.text, LINE_B) <= 0.1)
    assert a.first_s == pytest.approx(2.0, abs=0.25) and a.last_s == pytest.approx(9.0, abs=0.25)
    assert b.first_s == pytest.approx(5.0, abs=0.25) and b.last_s == pytest.approx(13.0, abs=0.25)
    assert a.sightings == 8

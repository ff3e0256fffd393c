"""The picture lane of the workstation's child: the next range's pictures run while this range's
speech finishes, one range ahead at most, and adopting them changes no row (real OCR models on a
generated H.264 clip with on-screen text that changes across three ranges)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from reviewer.analysis.core import CoreModels, CoreOptions, analyze_range, plan_ranges
from reviewer.analysis.picture_lane import picture_spans
from reviewer.hashing import sha256_file
from testkit.synth import DEFAULT_FONT, write_clip

LINES = [
    "Shop nhà Lan: áo khoác mới về",
    "Nạp 100k tặng 200k, vào nhà cái",
    "Freeship toàn quốc hôm nay",
    "Bán data khách hàng giá rẻ",
    "Cảm ơn cả nhà đã xem live",
]
DURATION_S = 150
MEDIA = {"kind": "video", "duration_s": float(DURATION_S), "has_audio": False}
OPTIONS = CoreOptions(range_s=60.0)


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 s at 1 frame a second; the line on screen changes every 30 s."""
    font = ImageFont.truetype(DEFAULT_FONT, 26)
    pictures = []
    for line in LINES:
        picture = Image.new("RGB", (640, 360), (40, 60, 90))
        draw = ImageDraw.Draw(picture)
        draw.rectangle((20, 280, 620, 340), fill=(240, 240, 240))
        draw.text((34, 294), line, font=font, fill=(20, 20, 20))
        pictures.append(np.asarray(picture)[:, :, ::-1].copy())
    frames = [pictures[t // 30] for t in range(DURATION_S)]
    path = tmp_path_factory.mktemp("lane") / "phiên live.mp4"
    write_clip(str(path), frames, fps=1)
    return path


def _rows(payload: dict) -> list:
    return payload["vision"]


def test_spans_are_the_plans_spans(video: Path) -> None:
    ranges = plan_ranges(video, MEDIA, OPTIONS)
    assert [r.vision for r in ranges] == picture_spans(DURATION_S, 60.0)
    assert picture_spans(DURATION_S, 60.0) == [(0.0, 60.0), (60.0, 120.0), (120.0, None)]
    assert picture_spans(60.5, 60.0) == [(0.0, None)]  # a tail under a second joins


def test_the_lane_runs_one_range_ahead_and_changes_no_row(video: Path) -> None:
    sha = sha256_file(video)
    ranges = plan_ranges(video, MEDIA, OPTIONS)
    plain = CoreModels("faster-whisper-base", "cpu", overlap=False)
    expected = [_rows(analyze_range(video, sha, r, OPTIONS, plain)) for r in ranges]
    assert any(item["text"] for stretch in expected[1] for item in stretch["items"])

    models = CoreModels("faster-whisper-base", "cpu", overlap=True)
    lane = models.lane
    lane.plan(video, MEDIA, OPTIONS)  # as plan_task does: range 0's pictures start at once
    assert lane.current is not None and lane.current.span == (0.0, 60.0)
    got = []
    for k, rng in enumerate(ranges):
        heard: list[tuple[str, float]] = []
        got.append(
            _rows(
                analyze_range(
                    video, sha, rng, OPTIONS, models, lambda *a, sink=heard: sink.append(a)
                )
            )
        )
        assert heard and heard[-1][0] == "ocr"  # the task hears the pictures it adopted
        if k + 1 < len(ranges):  # the next range's pictures were started when these were done
            ahead = lane.current
            assert ahead is not None and ahead.span == ranges[k + 1].vision
            ahead.join()
            # ...and no further: nobody has asked for that range yet
            assert lane.current is ahead
    assert got == expected
    assert lane.adopted == 3  # the plan's and two run ahead


def test_other_pictures_are_not_adopted_and_the_old_ones_stop(video: Path) -> None:
    sha = sha256_file(video)
    ranges = plan_ranges(video, MEDIA, OPTIONS)
    models = CoreModels("faster-whisper-base", "cpu", overlap=True)
    lane = models.lane
    lane.plan(video, MEDIA, OPTIONS)
    first = lane.current
    other = CoreOptions(range_s=60.0, ocr_every_s=4.0)
    analyze_range(video, sha, ranges[0], other, models)
    assert first is not None and first.stop.is_set()  # not what was asked: stopped
    assert lane.adopted == 0
    lane.close()
    assert lane.current is not None and lane.current.stop.is_set()

"""Shared fixtures: an isolated user folder, generated media, and a fake speech engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
sys.path.insert(0, str(ROOT))  # testkit/ (synthetic frames and clips)

import speech_clips  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EN_SENTENCES = [
    "Welcome to the stream everyone.",
    "Today we are cooking chicken soup with rice.",
    "Transfer the money first and you will receive your prize.",
]
VI_SENTENCES = [
    "Xin chào các bạn, hôm nay chúng ta nấu phở bò.",
    "Các bạn chuyển khoản trước để nhận thưởng nhé.",
]


@pytest.fixture(autouse=True)
def reviewer_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own user folder; the assembled model is shared to save time."""
    home = tmp_path_factory.mktemp("home")
    shared_models = tmp_path_factory.getbasetemp() / "shared-models"
    shared_models.mkdir(exist_ok=True)
    (home / "models").symlink_to(shared_models, target_is_directory=True)
    monkeypatch.setenv("REVIEWER_HOME", str(home))
    # Most tests analyse in this process (a child per test would double the suite's time); the
    # default, the isolated child, is tested where it is chosen (tests/test_child_default.py) and
    # by the executor contract suite. A test that wants the default deletes this variable.
    monkeypatch.setenv("REVIEWER_ANALYSIS_IN_PROCESS", "1")
    return home


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated clips: speech with known words, silence, no audio, and broken files."""
    d = tmp_path_factory.mktemp("media")
    en = speech_clips.make_clip(
        [
            1.0,
            ("en-us", EN_SENTENCES[0]),
            1.0,
            ("en-us", EN_SENTENCES[1]),
            4.0,
            ("en-us", EN_SENTENCES[2]),
            1.0,
        ],
        d / "english.m4a",
    )
    (d / "english.json").write_text(str(en))
    speech_clips.make_clip(
        [1.0, ("vi", VI_SENTENCES[0]), 1.0, ("vi", VI_SENTENCES[1]), 1.0],
        d / "tiếng việt có dấu.mp3",
    )
    speech_clips.write_wav(d / "silent.wav", np.zeros(16000 * 5, dtype=np.int16))
    speech_clips.make_clip([1.0, ("en-us", EN_SENTENCES[0]), 1.0], d / "with video.mp4", video=True)
    ffmpeg = shutil.which("ffmpeg")
    subprocess.run(
        [
            ffmpeg,
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x240:rate=10",
            "-t",
            "3",
            "-pix_fmt",
            "yuv420p",
            str(d / "no audio.mp4"),
        ],
        check=True,
    )
    subprocess.run(
        [
            ffmpeg,
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=640x360",
            "-frames:v",
            "1",
            str(d / "screenshot.png"),
        ],
        check=True,
    )
    return d


@pytest.fixture(scope="session")
def bad_dir(media_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.mp4").write_bytes(b"")
    rng = np.random.default_rng(7)
    (d / "random bytes.mp4").write_bytes(rng.integers(0, 256, 200_000, dtype=np.uint8).tobytes())
    (d / "notes.txt").write_text("không phải video\n" * 50, encoding="utf-8")
    whole = (media_dir / "with video.mp4").read_bytes()
    (d / "truncated.mp4").write_bytes(whole[: len(whole) // 2])
    shutil.copy(media_dir / "screenshot.png", d / "ảnh chụp màn hình.mp3")  # mislabelled
    shutil.copy(media_dir / "english.m4a", d / "bản ghi âm.m4a")
    return d


class FakeEngine:
    """Behind the same interface as WhisperEngine: one segment per second of loud audio."""

    kind = "whisper"
    name = "fake-engine"
    sha256 = "0" * 64
    device = "cpu"
    compute_type = "int8"
    warning = None

    def __init__(self) -> None:
        self.calls: list[float] = []

    def transcribe(self, audio, options):
        self.calls.append(audio.size / 16000)
        for second in range(int(audio.size // 16000)):
            window = audio[second * 16000 : (second + 1) * 16000]
            if np.abs(window).max() > 0.05:
                yield {
                    "start_s": float(second),
                    "end_s": second + 1.0,
                    "text": f"loud {second}",
                    "language": options.language,
                    "confidence": 1.0,
                    "no_speech_prob": 0.0,
                    "words": [],
                }


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


def reviewer_cmd() -> list[str]:
    return [str(Path(sys.executable).parent / "reviewer")]

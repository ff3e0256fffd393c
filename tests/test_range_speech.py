"""`both` speech engines in the workstation's child: the second engine runs beside the first
(the slower sets the pace, as in the local pipeline), and the range's payload is the same as when
they run one after the other. Fake engines behind the speech engine interface."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from reviewer.analysis.core import CoreModels, CoreOptions, TimeRange, analyze_range
from reviewer.errors import ModelError
from reviewer.hashing import sha256_file

SECONDS = 6


class _Engine:
    sha256 = "0" * 64
    device = "cpu"
    compute_type = "int8"
    warning = None

    def __init__(self, name: str, kind: str, fail: bool = False) -> None:
        self.name, self.kind, self.fail = name, kind, fail
        self.threads: set[str] = set()

    def transcribe(self, audio, options):
        self.threads.add(threading.current_thread().name)
        if self.fail:
            raise ModelError(f"{self.name} broke")
        for second in range(int(audio.size // 16000)):
            if np.abs(audio[second * 16000 : (second + 1) * 16000]).max() > 0.05:
                yield {
                    "start_s": float(second),
                    "end_s": second + 1.0,
                    "text": f"{self.name} {second}",
                    "language": "vi",
                    "confidence": 1.0,
                    "no_speech_prob": 0.0,
                    "words": [],
                }


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Loud and quiet seconds in turn."""
    t = np.arange(16000 * SECONDS) / 16000
    loud = (np.floor(t) % 2 == 0).astype(np.float32)
    wave_ = (0.5 * loud * np.sin(2 * np.pi * 220 * t) * 32767).astype(np.int16)
    path = tmp_path_factory.mktemp("both") / "hai giọng.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16000)
        out.writeframes(wave_.tobytes())
    return path


def _models(overlap: bool, fail_second: bool = False) -> tuple[CoreModels, dict]:
    made: dict[str, _Engine] = {}

    def factory(name: str, device: str) -> _Engine:
        kind = "whisper" if name == "fake-whisper" else "vietasr"
        made[name] = _Engine(name, kind, fail=fail_second and kind == "vietasr")
        return made[name]

    return CoreModels("fake-whisper", "cpu", factory, overlap=overlap), made


OPTIONS = CoreOptions(speech_model="fake-whisper", speech_engines=("fake-whisper", "fake-viet"))


def test_both_engines_run_side_by_side_with_the_same_payload(sound: Path) -> None:
    sha = sha256_file(sound)
    rng = TimeRange(0, (0.0, float(SECONDS)), duration_s=float(SECONDS))
    one_by_one, _ = _models(overlap=False)
    beside, made = _models(overlap=True)
    before = analyze_range(sound, sha, rng, OPTIONS, one_by_one)
    after = analyze_range(sound, sha, rng, OPTIONS, beside)
    assert after["segments"] == before["segments"]
    assert after["models"]["speech"] == before["models"]["speech"]
    assert [s["engine"] for s in after["segments"]] == ["fake-whisper"] * 3 + ["fake-viet"] * 3
    # the second engine ran in a thread of its own
    assert made["fake-viet"].threads == {"range-speech-2"}
    assert made["fake-whisper"].threads == {threading.current_thread().name}


def test_a_failing_second_engine_fails_the_range(sound: Path) -> None:
    sha = sha256_file(sound)
    rng = TimeRange(0, (0.0, float(SECONDS)), duration_s=float(SECONDS))
    models, _ = _models(overlap=True, fail_second=True)
    with pytest.raises(ModelError, match="fake-viet broke"):
        analyze_range(sound, sha, rng, OPTIONS, models)

"""The analysis core and the workstation's side of a cluster run, without a cluster (fast):
ranges cut where the local pipeline cuts, payloads stored as they arrive (in any order), a
cancelled run resumes with only the missing ranges, a changed file is refused."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

import speech_clips
from conftest import FakeEngine
from reviewer.analysis.core import CoreModels, CoreOptions, TimeRange, analyze_range
from reviewer.cluster import tasks
from reviewer.cluster.backend import LocalBackend
from reviewer.cluster.driver import ClusterAnalyzer
from reviewer.errors import Cancelled, MediaChanged
from reviewer.hashing import sha256_file
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.speech import SpeechOptions
from reviewer.store import open_case

OPTIONS = dict(language="en", chunk_s=20.0, vision=False, speech_bias="none")


@pytest.fixture(scope="module")
def bursts(tmp_path_factory):
    """130 s of silence with a loud half second every 7 s: the fake engine hears each one."""
    rate = 16000
    audio = np.zeros(130 * rate, dtype=np.int16)
    for start in range(3, 128, 7):
        t = np.arange(rate // 2) / rate
        audio[start * rate : start * rate + rate // 2] = (
            np.sin(2 * np.pi * 440 * t) * 12000
        ).astype(np.int16)
    path = tmp_path_factory.mktemp("bursts") / "bursts.wav"
    speech_clips.write_wav(path, audio)
    return path


@pytest.fixture
def fake_models(monkeypatch, fake_engine):
    models = CoreModels("faster-whisper-base", "cpu", engine_factory=lambda n, d: fake_engine)
    monkeypatch.setitem(tasks._models, "faster-whisper-base", models)
    return fake_engine


class ReverseBackend(LocalBackend):
    """Results come back last-submitted first; optionally cancel after some have arrived."""

    def __init__(self, cancel_after: int | None = None, cancel: threading.Event | None = None):
        self.order: list = []
        self.submitted: list[str] = []
        self.delivered = 0
        self.cancel_after, self.cancel_event = cancel_after, cancel

    def submit(self, fn, *args, priority=0):
        self.submitted.append(fn.__name__)
        future = super().submit(fn, *args)
        self.order.append(future)
        return future

    def wait_first(self, futures, timeout):
        if self.cancel_after is not None and self.delivered >= self.cancel_after:
            self.cancel_event.set()
            return set()
        pending = set(futures)
        last = next(f for f in reversed(self.order) if f in pending)
        self.delivered += 1
        return {last}


def _segments(folder):
    with open_case(folder, create=False) as case:
        return [(s["start_s"], s["end_s"], s["text"]) for s in case.segments()]


def test_ranges_out_of_order_give_the_local_pipelines_segments(tmp_path, bursts, fake_models):
    with open_case(tmp_path / "local") as case:
        Analyzer(case, AnalysisOptions(**OPTIONS), engine_factory=lambda n, d: fake_models).run(
            [bursts]
        )
    backend = ReverseBackend()
    with open_case(tmp_path / "split") as case:
        result = ClusterAnalyzer(case, AnalysisOptions(**OPTIONS), backend, range_s=60).run(
            [bursts]
        )
        assert result.all_ok
        ranges = case.conn.execute(
            "SELECT range_index, applied, payload FROM analysis_range ORDER BY range_index"
        ).fetchall()
        entries = [
            e
            for e in case.conn.execute("SELECT action, payload FROM audit")
            if e[0] == "analysis.range"
        ]
    assert backend.submitted.count("range_task") == len(ranges) == 3
    assert all(r[1] == 1 and r[2] is None for r in ranges)  # applied, body dropped
    assert len(entries) == 3 and all('"host"' in e[1] and '"pid"' in e[1] for e in entries)
    local, split = _segments(tmp_path / "local"), _segments(tmp_path / "split")
    assert len(local) == 18 and split == local  # same cuts, no duplicate, no gap


def test_cancelled_run_keeps_what_arrived_and_resumes(tmp_path, bursts, fake_models):
    cancel = threading.Event()
    backend = ReverseBackend(cancel_after=2, cancel=cancel)  # the plan, then the last range
    case_dir = tmp_path / "case"
    with open_case(case_dir) as case:
        analyzer = ClusterAnalyzer(
            case, AnalysisOptions(**OPTIONS), backend, cancel=cancel, range_s=60
        )
        with pytest.raises(Cancelled):
            analyzer.run([bursts])
        stored = case.conn.execute("SELECT range_index, applied FROM analysis_range").fetchall()
        assert stored == [(2, 0)]  # kept, waiting for the ranges before it
        assert case.list_media()[0]["status"] == "pending"
    again = ReverseBackend()
    with open_case(case_dir) as case:
        ClusterAnalyzer(case, AnalysisOptions(**OPTIONS), again, range_s=60).run([bursts])
    assert again.submitted == ["plan_task", "range_task", "range_task"]  # only what was missing
    segments = _segments(case_dir)
    assert len(segments) == 18 and len(set(segments)) == 18


def test_a_file_that_changed_is_refused(tmp_path, bursts, fake_models):
    copy = tmp_path / "shared.wav"
    copy.write_bytes(bursts.read_bytes())
    sha = sha256_file(copy)
    rng = TimeRange(0, (0.0, 20.0))
    models = tasks.worker_models("faster-whisper-base")
    assert analyze_range(copy, sha, rng, CoreOptions(), models)["sha256"] == sha
    copy.write_bytes(bursts.read_bytes()[:-2] + b"\x01\x01")
    with pytest.raises(MediaChanged, match="not the file the case ingested"):
        analyze_range(copy, sha, rng, CoreOptions(), models)


def test_worker_maps_the_shared_folder(monkeypatch):
    monkeypatch.setenv(tasks.PATH_MAP_ENV, r"\\server\cases=/mnt/cases;/srv/a=/data/a")
    assert str(tasks.local_path(r"\\server\cases\vu 12\live.mp4")) == "/mnt/cases/vu 12/live.mp4"
    assert str(tasks.local_path("/srv/a/x.mp4")) == "/data/a/x.mp4"
    assert str(tasks.local_path("/other/x.mp4")) == "/other/x.mp4"


class FakeVietAsr(FakeEngine):
    kind, name, sha256 = "vietasr", "vietasr-conformer-ctc", "1" * 64

    def transcribe(self, audio, options):
        assert options.beam_size == 5 and options.hotwords is None  # viet-asr's own decoding
        for seg in super().transcribe(audio, options):
            yield {**seg, "text": seg["text"].replace("loud", "to"), "confidence": None}


def _passes(folder):
    with open_case(folder, create=False) as case:
        media = case.list_media()[0]
        passes = [
            (p["engine"], p["kind"], p["done_s"], p["settings"]["beam_size"])
            for p in case.speech_passes(media["id"])
        ]
        engines = [s["engine"] for s in case.segments()]
        return passes, media["speech_model"], media["speech_done_s"], sorted(engines)


class Slowed:
    """An engine that takes its time, so the other engine's thread saves first."""

    def __init__(self, engine) -> None:
        self._engine = engine

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def transcribe(self, audio, options):
        for seg in self._engine.transcribe(audio, options):
            time.sleep(0.03)
            yield seg


@pytest.mark.parametrize("slow", [None, "faster-whisper-base", "vietasr-conformer-ctc"])
def test_both_engines_on_the_cluster_store_what_local_analysis_stores(tmp_path, bursts, slow):
    """--speech-engine both: each range carries both engines' segments; the workstation saves
    them through each engine's speech pass, as the local pipeline does, whichever engine's
    thread gets there first."""
    engines = {"faster-whisper-base": FakeEngine(), "vietasr-conformer-ctc": FakeVietAsr()}
    if slow:
        engines[slow] = Slowed(engines[slow])
    options = dict(OPTIONS, language="vi", speech_engine="both", speech_bias="none")
    options["speech"] = SpeechOptions(language="vi", beam_size=3, hotwords="xổ số")
    factory = lambda name, device: engines[name]  # noqa: E731
    with open_case(tmp_path / "local") as case:
        Analyzer(case, AnalysisOptions(**options), engine_factory=factory).run([bursts])
    tasks._models["faster-whisper-base"] = CoreModels("faster-whisper-base", "cpu", factory)
    try:
        with open_case(tmp_path / "split") as case:
            split = ClusterAnalyzer(case, AnalysisOptions(**options), ReverseBackend(), range_s=60)
            assert split.run([bursts]).all_ok
    finally:
        tasks._models.clear()
    local = _passes(tmp_path / "local")
    assert local[0] == [
        ("fake-engine", "whisper", pytest.approx(130.0), 3),
        ("vietasr-conformer-ctc", "vietasr", pytest.approx(130.0), 5),
    ]
    assert local[1] == "vietasr-conformer-ctc"  # the transcript read is viet-asr's
    assert local[3].count("fake-engine") == local[3].count("vietasr-conformer-ctc") == 18
    assert _passes(tmp_path / "split") == local
    assert _segments(tmp_path / "split") == _segments(tmp_path / "local")


def test_planned_chunks_are_sample_identical_to_the_local_decode(tmp_path):
    """A range decodes its chunks exactly as the local pipeline's uninterrupted pass does, even
    deep into an AAC file at 44.1 kHz (after a seek FFmpeg's AAC decoder and the resampler
    would give other samples)."""
    import subprocess

    from reviewer.analysis.core import speech_cuts
    from reviewer.speech.chunking import FoundChunks, PlannedChunks

    path = tmp_path / "giọng nói.m4a"
    noise = "anoisesrc=color=pink:sample_rate=44100:duration=95:seed=3,volume=0.3"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", noise, "-c:a", "aac", str(path)],
        check=True,
    )
    local = list(FoundChunks(path, 0.0, chunk_s=20.0))
    cuts = speech_cuts(path, 20.0)[0]
    assert len(local) == len(cuts) - 1 >= 4
    later = len(cuts) // 2  # a range that starts mid-file
    planned = list(PlannedChunks(path, tuple(cuts[later:])))
    assert len(planned) == len(local) - later
    for mine, theirs in zip(planned, local[later:], strict=True):
        assert mine.start_s == theirs.start_s
        assert np.array_equal(mine.audio, theirs.audio)

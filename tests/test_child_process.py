"""The isolated analysis process: a file whose decoder crashes, hangs or balloons fails with a
reason the officer can read, the child is restarted and the next file is analysed; a normal run
through the child gives the payloads an in-process run gives.

Faults are injected inside the child through REVIEWER_TEST_CHILD_FAULT (child_main.py); the
fast tests run a fake speech engine in the child (tests/child_fakes.py)."""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pytest
from child_fakes import fake_models_in_child

import speech_clips
from reviewer.analysis import child_process
from reviewer.analysis.child_main import FAULT_ENV
from reviewer.analysis.child_process import (
    ChildBackend,
    ChildCrashed,
    ChildFailed,
    ChildHung,
    ChildOutOfMemory,
    ChildTaskError,
)
from reviewer.analysis.core import CoreOptions
from reviewer.analysis.options import AnalysisOptions
from reviewer.cluster import tasks
from reviewer.cluster.driver import ClusterAnalyzer
from reviewer.errors import MediaError
from reviewer.hashing import sha256_file
from reviewer.store import open_case

OPTIONS = AnalysisOptions(language="en", chunk_s=20.0, vision=False, speech_bias="none")


def _burst_wav(path, loudness=12000):
    """8 s of silence with a loud half second at 2 s and 5 s: the fake engine hears both."""
    rate = 16000
    audio = np.zeros(8 * rate, dtype=np.int16)
    t = np.arange(rate // 2) / rate
    for start in (2, 5):
        audio[start * rate : start * rate + rate // 2] = (
            np.sin(2 * np.pi * 440 * t) * loudness
        ).astype(np.int16)
    speech_clips.write_wav(path, audio)
    return path


@pytest.fixture
def two_files(tmp_path):
    folder = tmp_path / "in"
    _burst_wav(folder / "a boom.wav")
    _burst_wav(folder / "b fine.wav", 11000)  # other bytes: two media, not one
    return folder


def _run(tmp_path, folder, backend):
    with open_case(tmp_path / "case") as case:
        result = ClusterAnalyzer(case, OPTIONS, backend).run([folder])
        segments = {m["id"]: 0 for m in case.list_media()}
        for s in case.segments():
            segments[s["media_id"]] += 1
    return {o.path.name: o for o in result.outcomes}, segments


@pytest.mark.parametrize(
    ("fault", "limits", "error", "words"),
    [
        ("crash", {}, ChildCrashed, "crashed on this file (exit signal 11, SIGSEGV)"),
        ("hang", {"stall_s": 3.0}, ChildHung, "no progress for 3 s"),
        ("balloon", {"memory_limit": 1024**3}, ChildOutOfMemory, "its 1 GiB memory limit"),
    ],
)
def test_a_bad_file_fails_with_its_reason_and_the_next_is_analysed(
    tmp_path, monkeypatch, two_files, fault, limits, error, words
):
    monkeypatch.setenv(FAULT_ENV, f"{fault}:boom")
    began = time.monotonic()
    with ChildBackend(setup=fake_models_in_child, **limits) as backend:
        outcomes, segments = _run(tmp_path, two_files, backend)
        starts = backend.starts
    took = time.monotonic() - began
    bad, good = outcomes["a boom.wav"], outcomes["b fine.wav"]
    assert bad.status == "failed" and words in bad.error, bad.error
    assert "while reading" in bad.error and "other files go on" in bad.error
    assert good.status == "analyzed" and segments[good.media_id] == 2
    assert starts == 2  # the child was restarted once, for the good file
    assert took < 60, took
    assert issubclass(error, MediaError)


def test_the_named_error_reaches_a_direct_caller(tmp_path, monkeypatch):
    path = _burst_wav(tmp_path / "boom.wav")
    monkeypatch.setenv(FAULT_ENV, "crash")
    with ChildBackend(setup=fake_models_in_child) as backend:
        media = {"kind": "audio", "duration_s": 8.0, "has_audio": True}
        future = backend.submit(tasks.plan_task, str(path), media, CoreOptions(vision=False))
        with pytest.raises(ChildCrashed, match="while reading its sound track"):
            future.result(timeout=60)
        # An error the task raises itself comes back with its message, the child stays up.
        monkeypatch.delenv(FAULT_ENV)
        rng = {"index": 0, "speech_cuts": [0.0, 8.0], "vision": None}
        future = backend.submit(tasks.range_task, str(path), "0" * 64, rng, CoreOptions())
        with pytest.raises(ChildTaskError, match="is not the file the case ingested"):
            future.result(timeout=60)
        assert backend.starts == 2


def test_cancel_stops_the_running_task_and_the_child_serves_the_next(tmp_path, monkeypatch):
    path = _burst_wav(tmp_path / "slow.wav")
    monkeypatch.setenv(FAULT_ENV, "hang:slow")
    media = {"kind": "audio", "duration_s": 8.0, "has_audio": True}
    options = CoreOptions(vision=False)
    with ChildBackend(setup=fake_models_in_child) as backend:
        stuck = backend.submit(tasks.plan_task, str(path), media, options)
        time.sleep(2.0)
        backend.cancel([stuck])
        fine = _burst_wav(tmp_path / "fine.wav")
        plan = backend.submit(tasks.plan_task, str(fine), media, options).result(timeout=60)
        assert stuck.cancelled() and plan[0]["speech_cuts"][0] == 0.0
        assert backend.starts == 2


def _comparable(payload):
    """A payload as stored (JSON), less what names the process and its timing."""
    data = json.loads(json.dumps(payload))
    data.pop("worker"), data.pop("elapsed_s")
    return data


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_real_models_in_the_child_give_the_in_process_payloads(media_dir):
    """Speech (Whisper base) and pictures (OCR, image score) of a small real clip."""
    path = str((media_dir / "with video.mp4").resolve())
    options = CoreOptions(language="en", chunk_s=20.0)
    media = {"kind": "video", "duration_s": 3.0, "has_audio": True}
    sha = sha256_file(media_dir / "with video.mp4")
    began = time.monotonic()
    with ChildBackend() as backend:
        plan = backend.submit(tasks.plan_task, path, media, options).result(timeout=600)
        child = [
            backend.submit(tasks.range_task, path, sha, r, options).result(timeout=600)
            for r in plan
        ]
        child_pid = child[0]["worker"]["pid"]
    in_child = time.monotonic() - began
    assert plan == json.loads(json.dumps(tasks.plan_task(path, media, options)))
    here = [tasks.range_task(path, sha, r, options) for r in plan]
    assert child_pid != os.getpid() and here[0]["worker"]["pid"] == os.getpid()
    assert [_comparable(p) for p in child] == [_comparable(p) for p in here]
    assert child[0]["segments"] and child[0]["vision"], "the clip has speech and frames"
    print(f"child run with model loading: {in_child:.1f} s")


def test_an_executor_with_child_runs_the_case_through_it(tmp_path, media_dir):
    """make_analyzer over open_executor(child=True): the child is kept between runs."""
    from reviewer.analysis import make_analyzer, open_executor

    options = AnalysisOptions(language="en", speech_bias="none")
    with open_executor(options, child=True) as executor, open_case(tmp_path / "case") as case:
        first = make_analyzer(case, options, executor=executor).run([media_dir / "screenshot.png"])
        backend = executor.backend
        again = make_analyzer(case, options, executor=executor).run([media_dir / "screenshot.png"])
        assert first.all_ok and again.all_ok
        assert executor.backend is backend and backend.starts == 1
        assert case.frame_texts(), "the test card's text was read in the child"
    assert backend._proc is None  # closed with the executor


def test_an_answer_that_is_not_json_is_refused_and_the_child_stopped(tmp_path, monkeypatch):
    """A child taken over by a crafted file could send anything: the parent reads JSON only."""
    path = _burst_wav(tmp_path / "evil.wav")
    monkeypatch.setenv(FAULT_ENV, "garble:evil")
    media = {"kind": "audio", "duration_s": 8.0, "has_audio": True}
    with ChildBackend(setup=fake_models_in_child) as backend:
        future = backend.submit(tasks.plan_task, str(path), media, CoreOptions(vision=False))
        with pytest.raises(ChildFailed, match="answer while reading its sound track could not"):
            future.result(timeout=60)
        fine = _burst_wav(tmp_path / "fine.wav")
        assert backend.submit(tasks.plan_task, str(fine), media, CoreOptions()).result(timeout=60)
        assert backend.starts == 2


@pytest.mark.skipif(os.name != "posix", reason="no RLIMIT_AS: the RSS watchdog is the limit")
def test_an_allocation_past_the_address_space_ceiling_is_out_of_memory(
    tmp_path, monkeypatch, two_files
):
    """Where the OS has RLIMIT_AS the child's own MemoryError ends the task, before the RSS
    watchdog sees the limit (here the ceiling is the limit itself: no slack)."""
    monkeypatch.setattr(child_process, "ADDRESS_SPACE_SLACK", 0)
    monkeypatch.setenv(FAULT_ENV, "balloon:boom")
    with ChildBackend(setup=fake_models_in_child, memory_limit=3 * 1024**3) as backend:
        outcomes, segments = _run(tmp_path, two_files, backend)
        peak = backend.peak_rss
    assert "Ran out of its 3 GiB memory limit" in outcomes["a boom.wav"].error
    assert outcomes["b fine.wav"].status == "analyzed"
    assert peak < 3 * 1024**3  # the ceiling, not the watchdog, stopped it


def test_cli_isolated_fails_the_crashing_file_and_goes_on(tmp_path, media_dir, monkeypatch, capsys):
    """`reviewer analyze --isolated`: a decoder crash fails that file with a reason; the other
    file of the batch is analysed and the command ends normally."""
    import shutil

    from reviewer.cli import main

    inputs = tmp_path / "ghi hình"
    inputs.mkdir()
    shutil.copy(media_dir / "screenshot.png", inputs / "ảnh tốt.png")
    shutil.copy(media_dir / "screenshot.png", inputs / "boom ảnh.png")
    (inputs / "boom ảnh.png").write_bytes((inputs / "boom ảnh.png").read_bytes() + b"\0")
    monkeypatch.setenv(FAULT_ENV, "crash:boom")
    code = main(["analyze", str(inputs), "--case", str(tmp_path / "case"), "--isolated", "--json"])
    report = json.loads(capsys.readouterr().out)
    by_name = {os.path.basename(m["path"]): m for m in report["media"]}
    assert by_name["ảnh tốt.png"]["status"] == "analyzed"
    assert by_name["boom ảnh.png"]["status"] == "failed"
    assert "crashed" in by_name["boom ảnh.png"]["error"]
    assert code == 1


def test_a_probe_from_the_child_is_read_as_data():
    """What the child says a file is, refused when out of shape (a taken-over child)."""
    from reviewer.probe import Probe

    good = {
        "kind": "video",
        "container": "mov",
        "duration_s": 12.5,
        "fps": 30.0,
        "width": 1280,
        "height": 720,
        "video_codec": "h264",
        "audio_codec": "aac",
        "has_audio": True,
    }
    assert Probe.from_json(good).width == 1280
    for bad in (
        {**good, "kind": "script"},
        {**good, "duration_s": float("nan")},
        {**good, "width": "1280"},
        {**good, "video_codec": "x" * 500},
        {**good, "extra": 1},
        ["video"],
    ):
        with pytest.raises(MediaError):
            Probe.from_json(bad)


def test_a_file_is_probed_in_the_child(tmp_path, monkeypatch, two_files):
    """The container of a file is first opened in the child: a crash there fails that file
    at ingest with the child's reason, and the next file is analysed."""
    monkeypatch.setenv(FAULT_ENV, "crash:boom")
    with ChildBackend(setup=fake_models_in_child) as backend:
        outcomes, _ = _run(tmp_path, two_files, backend)
        tasks = [(fn, name, outcome) for fn, name, _s, outcome in backend.finished]
    assert ("probe_task", "a boom.wav", "ChildCrashed") in tasks
    assert ("probe_task", "b fine.wav", "done") in tasks
    assert "while reading what the file holds" in outcomes["a boom.wav"].error
    assert outcomes["b fine.wav"].status == "analyzed"


def test_a_damaged_png_chunk_reads_as_a_damaged_picture(tmp_path, media_dir):
    """Pillow raises SyntaxError for a bad PNG chunk: the officer reads 'damaged picture'."""
    from reviewer.vision.images import ImageReadError, load_image

    good = (media_dir / "screenshot.png").read_bytes()
    broken = bytearray(good)
    at = good.index(b"IDAT")  # the chunk after the first picture data gets an impossible name
    after = at + 4 + int.from_bytes(good[at - 4 : at], "big") + 4 + 4
    broken[after : after + 4] = b"\0\0\0\0"
    path = tmp_path / "ảnh hỏng.png"
    path.write_bytes(bytes(broken))
    with pytest.raises(ImageReadError, match="damaged picture"):
        load_image(path)

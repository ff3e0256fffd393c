"""kill -9 while speech and pictures run side by side: the re-run resumes both, with no item
doubled or lost, and reads the same on-screen text as a run that was never interrupted."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from conftest import reviewer_cmd
from reviewer.paths import demo_recording

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def twice_demo(tmp_path_factory):
    """The demo looped twice (150 s): vision saves at 60 and 120 s."""
    out = tmp_path_factory.mktemp("video") / "demo twice.mp4"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", "1"]
        + ["-i", str(demo_recording()), "-c", "copy", str(out)],
        check=True,
    )
    return out


def _state(case_dir):
    conn = sqlite3.connect(case_dir / "case.db")
    try:
        texts = conn.execute(
            "SELECT start_s, end_s, box, text FROM frame_text ORDER BY id"
        ).fetchall()
        segments = conn.execute(
            "SELECT start_s, end_s, text FROM segment ORDER BY start_s"
        ).fetchall()
        media = conn.execute("SELECT status, speech_done_s, vision_done_s FROM media").fetchone()
    finally:
        conn.close()
    return sorted(texts), segments, media


def _analyze(video, case_dir):
    return [*reviewer_cmd(), "analyze", str(video), "--case", str(case_dir), "--language", "vi"]


def test_kill_during_overlap_resumes_exactly(tmp_path, twice_demo):
    unbroken = tmp_path / "unbroken"
    done = subprocess.run(_analyze(twice_demo, unbroken), capture_output=True, timeout=900)
    assert done.returncode == 0, done.stderr
    want_texts, want_segments, _ = _state(unbroken)

    case = tmp_path / "killed"
    proc = subprocess.Popen(
        _analyze(twice_demo, case), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 600
    killed_at = None
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        try:
            _, _, media = _state(case)
        except sqlite3.Error:
            continue
        if media and (media[2] or 0) >= 60 and media[0] == "analyzing":
            proc.send_signal(signal.SIGKILL)
            killed_at = media
            break
    proc.wait()
    assert killed_at is not None, "the run finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    rerun = subprocess.run(_analyze(twice_demo, case), capture_output=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    texts, segments, media = _state(case)
    assert media[0] == "analyzed"
    assert texts == want_texts  # on-screen text: nothing doubled, lost or read differently
    for prev, cur in zip(segments, segments[1:], strict=False):
        assert cur[0] >= prev[1] - 0.5, (prev, cur)  # no speech stretch transcribed twice
    assert segments[-1][1] >= want_segments[-1][1] - 2.0  # and none left out at the end

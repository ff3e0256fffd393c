"""A killed analysis resumes without duplicates or gaps; a full analysis opens no socket."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import speech_clips
from conftest import EN_SENTENCES, reviewer_cmd

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory):
    d = tmp_path_factory.mktemp("long")
    parts = []
    for i in range(8):
        parts += [("en-us", f"Sentence number {i + 1}. " + EN_SENTENCES[i % 3]), 1.5]
    timings = speech_clips.make_clip(parts, d / "long clip.m4a")
    return d / "long clip.m4a", timings


def _segments(case_dir):
    conn = sqlite3.connect(case_dir / "case.db")
    rows = conn.execute("SELECT start_s, end_s, text FROM segment ORDER BY start_s").fetchall()
    done = conn.execute("SELECT speech_done_s, status, duration_s FROM media").fetchone()
    conn.close()
    return rows, done


def test_killed_run_resumes_without_duplicates_or_gaps(tmp_path, long_clip):
    clip, timings = long_clip
    case = tmp_path / "case"
    cmd = [
        *reviewer_cmd(),
        "analyze",
        str(clip),
        "--case",
        str(case),
        "--language",
        "en",
        "--chunk-seconds",
        "12",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    done_at_kill = 0.0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if (case / "case.db").exists():
            try:
                _, done = _segments(case)
            except sqlite3.OperationalError:
                continue
            if done and done[0] > 0:
                done_at_kill = done[0]
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    before, done = _segments(case)
    assert done[1] == "analyzing" and 0 < done[0] < done[2]
    assert all(s[0] < done_at_kill + 0.01 for s in before)

    rerun = subprocess.run(cmd + ["--json"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    after, done = _segments(case)
    assert done[1] == "analyzed" and done[0] == pytest.approx(done[2], abs=0.3)
    assert after[: len(before)] == before  # saved work untouched
    for prev, cur in zip(after, after[1:], strict=False):
        assert cur[0] >= prev[1] - 0.5, (prev, cur)  # no duplicated stretch
    for t in timings:  # no sentence lost
        assert any(s[0] < t["end_s"] and s[1] > t["start_s"] for s in after), t
    names = ["one", "two", "three", "four", "five", "six", "seven", "eight"]
    said = " ".join(text.lower() for _, _, text in after)
    heard = [i for i, name in enumerate(names, 1) if str(i) in said or name in said]
    assert len(heard) >= 7, after


SITECUSTOMIZE = """
import sys
def _hook(event, args):
    if event in ("socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.bind"):
        with open({log!r}, "a") as fh:
            fh.write(event + " " + repr(args)[:200] + "\\n")
sys.addaudithook(_hook)
"""


def test_full_analysis_opens_no_socket(tmp_path, media_dir):
    hook_dir = tmp_path / "hook"
    hook_dir.mkdir()
    log = tmp_path / "sockets.log"
    (hook_dir / "sitecustomize.py").write_text(SITECUSTOMIZE.format(log=str(log)))
    env = dict(os.environ, PYTHONPATH=str(hook_dir))
    env.pop("HF_HUB_OFFLINE", None)  # the engine itself must ensure offline operation
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from reviewer.cli import main; sys.exit(main())",
            "analyze",
            str(media_dir / "english.m4a"),
            str(media_dir / "with video.mp4"),
            str(media_dir / "screenshot.png"),
            "--case",
            str(tmp_path / "c"),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert all(m["status"] == "analyzed" for m in json.loads(proc.stdout)["media"])
    assert not log.exists(), log.read_text()

"""The isolated child is where analysis runs by default: the runner door, `reviewer analyze` and
the window's queue (real models; the rest of the suite analyses in-process for speed, see
conftest). Also: a range's pictures run beside its speech inside the child, and the child's
progress reaches the caller stage by stage."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reviewer.analysis import make_analyzer, open_executor
from reviewer.analysis.options import AnalysisOptions
from reviewer.store import open_case

pytestmark = pytest.mark.timeout(240)
IN_PROCESS = "REVIEWER_ANALYSIS_IN_PROCESS"


def _start_entry(case_dir: Path) -> dict:
    with open_case(case_dir, create=False) as case:
        rows = case.conn.execute("SELECT action, payload FROM audit").fetchall()
    return next(json.loads(p) for a, p in rows if a == "analysis.start")


def test_default_executor_is_the_child(monkeypatch):
    monkeypatch.delenv(IN_PROCESS)
    options = AnalysisOptions(vision=False)
    with open_executor(options) as executor:
        assert executor.backend is not None and executor.backend.address == "child"
    with open_executor(options, engine_factory=lambda n, d: None) as executor:
        assert executor.backend is None  # a test's fake engine cannot cross into a child
    monkeypatch.setenv(IN_PROCESS, "1")
    with open_executor(options) as executor:
        assert executor.backend is None


def test_runner_door_analyses_in_the_child_with_stage_progress(monkeypatch, media_dir, tmp_path):
    """make_analyzer without an executor: the ranges go to a child that it closes after the
    run; speech and on-screen text overlap there, and their progress comes back by stage."""
    monkeypatch.delenv(IN_PROCESS)
    events = []
    options = AnalysisOptions(language="en", chunk_s=5.0)
    with open_case(tmp_path / "case") as case:
        runner = make_analyzer(case, options, on_progress=events.append)
        result = runner.run([media_dir / "with video.mp4", media_dir / "english.m4a"])
        assert result.all_ok, result.outcomes
        assert case.segments()
    start = _start_entry(tmp_path / "case")
    assert start["executor"] == "child"
    stages = {str(e.stage) for e in events}
    assert {"ingest", "speech", "detect", "done"} <= stages
    assert "cluster" not in stages  # the child says where it is, not "a range came back"
    speech = [e.fraction for e in events if e.stage == "speech"]
    assert all(0.0 <= f <= 1.0 for f in speech)


def test_cli_analyze_runs_in_the_child_by_default(monkeypatch, media_dir, tmp_path, capsys):
    from reviewer.cli import main

    monkeypatch.delenv(IN_PROCESS)
    inputs = tmp_path / "bản ghi"
    inputs.mkdir()
    shutil.copy(media_dir / "english.m4a", inputs / "giọng nói.m4a")
    code = main(["analyze", str(inputs), "--case", str(tmp_path / "c"), "--language", "en"])
    assert code == 0, capsys.readouterr().err
    assert _start_entry(tmp_path / "c")["executor"] == "child"
    code = main(["analyze", str(inputs), "--case", str(tmp_path / "d"), "--in-process"])
    assert code == 0
    assert _start_entry(tmp_path / "d")["executor"] == "local"


def test_window_queue_analyses_in_the_child(monkeypatch, qtbot, media_dir, tmp_path):
    """The application's queue, with no test engine given, analyses through the child."""
    from ui.main_window import MainWindow

    monkeypatch.delenv(IN_PROCESS)
    w = MainWindow(analysis_overrides={"language": "en", "chunk_s": 5.0})
    qtbot.addWidget(w)
    assert w.open_case(tmp_path / "vụ án")
    stages: list[str] = []
    w.analysis.analyse([media_dir / "with video.mp4"])
    assert w.worker is not None
    w.worker.progress.connect(lambda job, event: stages.append(str(event.stage)))
    with qtbot.waitSignal(w.analysis_idle, timeout=200000):
        pass
    assert set(w.queue.states.values()) == {"analyzed"}
    assert "done" in stages
    assert _start_entry(tmp_path / "vụ án")["executor"] == "child"
    w.close()
    assert not [p for p in _children() if "spawn_main" in p]  # the child was closed


def _children() -> list[str]:
    import psutil

    return [" ".join(c.cmdline()) for c in psutil.Process(os.getpid()).children(recursive=True)]


def test_screenshots_are_not_opened_in_the_application_process(monkeypatch, media_dir, tmp_path):
    """Through the child, a screenshot's QR codes and picture hash come back with its payload:
    the application process never decodes the picture, good or broken."""
    from reviewer.identifiers import pdq, store

    def opened(*args, **kwargs):
        raise AssertionError("a picture was decoded in the application process")

    monkeypatch.delenv(IN_PROCESS)
    monkeypatch.setattr(store, "save_picture_qr", opened)
    monkeypatch.setattr(pdq, "file_hash", opened)
    inputs = tmp_path / "ảnh"
    inputs.mkdir()
    shutil.copy(media_dir / "screenshot.png", inputs / "tốt.png")
    good = (media_dir / "screenshot.png").read_bytes()
    (inputs / "hỏng.png").write_bytes(good[: len(good) // 3])  # a truncated picture
    with open_case(tmp_path / "case") as case:
        result = make_analyzer(case, AnalysisOptions()).run([inputs])
        by_name = {o.path.name: o for o in result.outcomes}
        assert by_name["tốt.png"].status == "analyzed"
        assert by_name["hỏng.png"].status == "failed"
        hashes = case.conn.execute("SELECT count(*) FROM picture_hash").fetchone()[0]
        errors = case.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'identifiers.error'"
        ).fetchone()[0]
    assert hashes == 1 and errors == 0  # the good one's hash, made in the child

"""Analysis on a real Dask cluster on 127.0.0.1: `dask scheduler`, a `reviewer worker` and a stock
`dask worker` as processes (loopback only, torn down after each test). The cluster's results
equal a local run of the same core; a worker killed mid-range is replaced without duplicates."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import pytest
from case_rows import case_rows
from cluster_procs import local_cluster

from reviewer.cluster.backend import LocalBackend
from reviewer.cluster.driver import ClusterAnalyzer
from reviewer.paths import demo_recording
from reviewer.pipeline import AnalysisOptions, Analyzer
from reviewer.store import open_case

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.timeout(600)]
SPLIT = ["--range-seconds", "60", "--chunk-seconds", "20"]


@pytest.fixture(scope="module")
def shared(media_dir, tmp_path_factory):
    """Field-like files in a folder workstation and workers both see: the demo livestream
    (speech, chat overlay), a Vietnamese voice recording and a screenshot."""
    d = tmp_path_factory.mktemp("shared")
    shutil.copy(demo_recording(), d / "livestream.mp4")
    shutil.copy(media_dir / "tiếng việt có dấu.mp3", d / "ghi âm.mp3")
    shutil.copy(media_dir / "screenshot.png", d / "ảnh chụp.png")
    return d


@pytest.fixture(scope="module")
def local_run(shared, tmp_path_factory):
    """The same core, run in this process: what the cluster must reproduce."""
    folder = tmp_path_factory.mktemp("local") / "case"
    home = tmp_path_factory.mktemp("home")
    shared_models = tmp_path_factory.getbasetemp() / "shared-models"  # as conftest shares them
    shared_models.mkdir(exist_ok=True)
    (home / "models").symlink_to(shared_models, target_is_directory=True)
    options = AnalysisOptions(chunk_s=20.0)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REVIEWER_HOME", str(home))
        with open_case(folder) as case:
            result = ClusterAnalyzer(case, options, LocalBackend(), range_s=60).run([shared])
    assert result.all_ok
    content = case_rows(folder)
    assert content["segments"] and content["texts"] and content["flags"]
    return content


def test_core_in_ranges_equals_the_local_pipeline(shared, local_run, tmp_path):
    """The local pipeline on the same files: speech, on-screen text and flags all match (ranges
    decode without a seek: see test_cluster_store.py for a range deep into a file)."""
    folder = tmp_path / "pipeline"
    with open_case(folder) as case:
        assert Analyzer(case, AnalysisOptions(chunk_s=20.0)).run([shared]).all_ok
    assert case_rows(folder) == local_run


def _analyze(shared, case, address):
    return [
        sys.executable,
        "-m",
        "reviewer.cli",
        "analyze",
        str(shared),
        "--case",
        str(case),
        "--cluster",
        address,
        *SPLIT,
        "--json",
    ]


def test_cluster_run_equals_local_run_and_names_its_workers(shared, local_run, tmp_path):
    case = tmp_path / "case"
    with local_cluster(tmp_path, reviewer_workers=1, stock_workers=1) as cluster:
        assert "verified: speech model faster-whisper-base sha256 d01c3014" in cluster.log(
            "reviewer-0"
        )
        out = subprocess.run(
            _analyze(shared, case, cluster.address), capture_output=True, text=True, timeout=500
        )
        pids = {p.pid for p in cluster.workers.values()}
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert [m["status"] for m in report["media"]] == ["analyzed"] * 3
    assert case_rows(case) == local_run
    with open_case(case, create=False) as case_:
        case_.verify_audit()
        entries = [
            json.loads(p)
            for a, p in case_.conn.execute("SELECT action, payload FROM audit")
            if a == "analysis.range"
        ]
        start = next(
            json.loads(p)
            for a, p in case_.conn.execute("SELECT action, payload FROM audit")
            if a == "analysis.start"
        )
    assert start["cluster"] == cluster.address and len(start["workers"]) == 2
    assert len(entries) >= 4  # the livestream in two ranges, the recording, the screenshot
    for entry in entries:  # each result names the worker process that made it, and its models
        assert entry["worker"]["pid"] in pids and entry["worker"]["versions"]["reviewer"]
        assert entry["models"]["speech"] or entry["models"]["ocr"]
    # the workers embedded the sentences they heard and read (text detection only read them)
    assert all(e["sentence_vectors"] > 0 for e in entries if e["segments"] or e["text_items"])


def test_worker_killed_mid_range_is_replaced_without_duplicates(shared, local_run, tmp_path):
    from distributed import Client

    case = tmp_path / "case"
    with local_cluster(tmp_path, reviewer_workers=2, stock_workers=0) as cluster:
        run = subprocess.Popen(
            _analyze(shared, case, cluster.address),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        killed, suspicious = None, {}
        try:
            with Client(cluster.address, timeout="30s", set_as_default=False) as client:
                deadline = time.monotonic() + 300
                while killed is None and time.monotonic() < deadline and run.poll() is None:
                    names = {a: w["name"] for a, w in client.scheduler_info()["workers"].items()}
                    for address, keys in client.processing().items():
                        lost = [k for k in keys if str(k).startswith("range_task")]
                        if lost:
                            killed = names[address]
                            time.sleep(1)  # into the range
                            cluster.kill(killed)
                            time.sleep(1)  # the scheduler sees the worker gone
                            # A task that was running on a dead worker is counted suspicious
                            # and sent to another worker.
                            suspicious = client.run_on_scheduler(
                                lambda dask_scheduler, keys=lost: {
                                    k: dask_scheduler.tasks[k].suspicious
                                    for k in keys
                                    if k in dask_scheduler.tasks
                                }
                            )
                            break
                    time.sleep(0.3)
            stdout, stderr = run.communicate(timeout=500)
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
    assert killed is not None, "no worker was seen running a range"
    assert any(n >= 1 for n in suspicious.values()), suspicious
    assert run.returncode == 0, stderr[-2000:]
    assert [m["status"] for m in json.loads(stdout)["media"]] == ["analyzed"] * 3
    content = case_rows(case)
    assert len(set(content["segments"])) == len(content["segments"])  # no duplicate
    assert content == local_run  # nothing missing either


def test_application_queue_sends_files_to_the_cluster_in_settings(qtbot, media_dir, tmp_path):
    from reviewer.settings import load_settings, save_settings
    from ui.main_window import MainWindow

    with local_cluster(tmp_path, reviewer_workers=1, stock_workers=0) as cluster:
        settings = load_settings()
        settings.cluster = cluster.address
        save_settings(settings)
        w = MainWindow()
        qtbot.addWidget(w)
        w.open_case(tmp_path / "case")
        w.analyse([media_dir / "screenshot.png"])
        with qtbot.waitSignal(w.analysis_idle, timeout=300000):
            pass
        assert [m["status"] for m in w.data.media] == ["analyzed"]
        w.close()
    with open_case(tmp_path / "case", create=False) as case:
        ranges = [
            json.loads(p)
            for a, p in case.conn.execute("SELECT action, payload FROM audit")
            if a == "analysis.range"
        ]
        assert case.frame_texts()  # the worker's OCR of the screenshot, stored by the application
    assert len(ranges) == 1 and ranges[0]["worker"]["pid"] == cluster.workers["reviewer-0"].pid

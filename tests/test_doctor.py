"""`reviewer doctor`: the device self-test the Settings page also shows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer import device, doctor, model_registry
from reviewer.cli import main
from reviewer.model_registry import ModelInfo
from reviewer.settings import load_settings, save_settings


@pytest.fixture
def models_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    """The speech model counts as assembled (quick tests do not assemble 145 MB)."""
    monkeypatch.setattr(
        model_registry,
        "list_models",
        lambda verify=True: [
            ModelInfo(
                "speech", "faster-whisper-base", Path("/m"), {"model.bin": "ab" * 32}, ready=True
            )
        ],
    )


def test_report_shape_and_json(models_ready: None) -> None:
    report = doctor.run_checks()
    json.dumps(report)  # the UI and --json need plain data
    assert report["tool"]["version"]
    for key in ("python", "ctranslate2", "onnxruntime", "faster-whisper", "PySide6"):
        assert key in report["versions"]
    assert report["versions"]["ctranslate2"] and report["versions"]["onnxruntime"]
    roles = {m["role"] for m in report["models"]}
    assert {"speech", "text-detector", "text-recogniser", "obscene-image-classifier"} <= roles
    assert "text-classifier" in roles
    assert all(m["ready"] for m in report["models"]), report["models"]
    assert "int8" in report["ctranslate2"]["compute_types"]["cpu"]
    assert "CPUExecutionProvider" in report["onnxruntime"]["providers"]
    assert report["analysis"]["speech"]["device"] in ("cpu", "cuda")
    assert report["storage"]["free_bytes"] > 0
    assert report["ok"] is True and report["errors"] == []


def test_requested_gpu_falls_back_with_visible_warning(
    models_ready: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(device, "cuda_device_count", lambda: 0)
    settings = load_settings()
    settings.device = "cuda"
    save_settings(settings)
    choice = device.choose_device("cuda")
    assert choice.device == "cpu" and choice.warning  # never silent
    report = doctor.run_checks()
    assert report["analysis"]["requested"] == "cuda"
    assert report["analysis"]["speech"]["device"] == "cpu"
    assert any("CUDA was requested" in w for w in report["warnings"])
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "WARNING: CUDA was requested" in out and "speech on cpu (int8)" in out


def test_gpu_present_is_used(models_ready: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device, "cuda_device_count", lambda: 1)
    report = doctor.run_checks()
    assert report["analysis"]["speech"] == {
        "device": "cuda",
        "compute_type": "float16",
        "warning": None,
    }


def test_damaged_model_is_an_error_with_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(
        model_registry,
        "list_models",
        lambda verify=True: [
            ModelInfo(
                "speech",
                "faster-whisper-base",
                Path("/m"),
                {"model.bin": "00"},
                problem="Model file /m/model.bin has SHA-256 ff, expected 00",
            )
        ],
    )
    assert main(["doctor", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert any("faster-whisper-base" in e for e in report["errors"])


def test_a_failing_check_does_not_hide_the_others(
    models_ready: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> dict:
        raise RuntimeError("driver exploded")

    monkeypatch.setattr(doctor, "_ctranslate2", broken)
    report = doctor.run_checks()
    assert "driver exploded" in report["ctranslate2"]["error"]
    assert report["onnxruntime"]["providers"] and report["storage"]["free_bytes"] > 0
    assert report["ok"] is False
    assert "ERROR: ctranslate2: driver exploded" in doctor.format_report(report)


def test_doctor_never_imports_qt() -> None:
    code = (
        "import sys, reviewer.doctor as d; r = d.run_checks(); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'; "
        "print(r['versions']['PySide6'])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() not in ("", "None")  # version read from metadata only

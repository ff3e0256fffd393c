"""Model manifest, assembly from the registry packages, hash checks and user-added models."""

import json
import shutil

import pytest

from reviewer import model_registry as registry
from reviewer.errors import ModelError, ModelHashMismatch, UsageError
from reviewer.paths import manifest_path

OFFICIAL_MODEL_BIN = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"


def test_manifest_pins_the_official_base_model():
    entry = json.loads(manifest_path().read_text())["models"][0]
    assert entry["files"]["model.bin"]["sha256"] == OFFICIAL_MODEL_BIN
    assert entry["files"]["model.bin"]["size"] == 145_217_532


def test_assembled_model_is_verified_and_ready():
    info = registry.verified_speech_model("faster-whisper-base")
    assert info.sha256 == OFFICIAL_MODEL_BIN
    listed = {i.name: i for i in registry.list_models()}
    assert listed["faster-whisper-base"].ready
    assert listed["silero-vad"].ready and listed["silero-vad"].origin == "bundled"


def test_damaged_cache_is_rebuilt_before_loading(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path))  # private cache: we damage it
    info = registry.verified_speech_model("faster-whisper-base")
    with open(info.path / "model.bin", "r+b") as fh:
        fh.seek(1000)
        fh.write(b"\x00\x01\x02")
    with pytest.raises(ModelHashMismatch, match="refusing to load"):
        registry.check_files(info.path, info.files)
    assert registry.verified_speech_model("faster-whisper-base").ready  # re-assembled


def _fake_model_dir(path):
    path.mkdir()
    (path / "model.bin").write_bytes(b"weights" * 100)
    (path / "config.json").write_text("{}")
    (path / "tokenizer.json").write_text("{}")
    return path


def test_user_model_is_recorded_and_checked(tmp_path):
    folder = _fake_model_dir(tmp_path / "Mô hình lớn v3")
    info = registry.add_user_model(folder, "large-v3")
    assert set(info.files) == {"model.bin", "config.json", "tokenizer.json"}
    assert registry.verified_speech_model("large-v3").ready
    (folder / "model.bin").write_bytes(b"swapped weights")
    with pytest.raises(ModelHashMismatch):
        registry.verified_speech_model("large-v3")
    listed = {i.name: i for i in registry.list_models()}
    assert not listed["large-v3"].ready and "SHA-256" in listed["large-v3"].problem


def test_user_model_folder_is_validated(tmp_path):
    with pytest.raises(UsageError, match="not a CTranslate2 Whisper"):
        registry.add_user_model(tmp_path, "empty")
    with pytest.raises(UsageError, match="shipped model"):
        registry.add_user_model(_fake_model_dir(tmp_path / "m"), "faster-whisper-base")
    with pytest.raises(UsageError, match="No model named"):
        registry.find_model("nope")


def test_missing_source_package_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path))
    entry = dict(json.loads(manifest_path().read_text())["models"][0])
    entry["source_packages"] = [{"module": "no_such_model_package", "name": "x", "version": "1"}]
    with pytest.raises(ModelError, match="make setup"):
        registry.assemble(entry)
    assert not (tmp_path / "models" / "faster-whisper-base").exists()
    shutil.rmtree(tmp_path / "models", ignore_errors=True)


def test_processes_assembling_at_once_all_get_the_verified_model(tmp_path):
    """Cluster workers starting together on one server with an empty model cache: one joins the
    parts, the others wait for it; none reads a half-written or removed model."""
    import os
    import subprocess
    import sys

    code = (
        "from reviewer import model_registry as r;"
        "print(r.verified_speech_model('faster-whisper-base').sha256)"
    )
    env = {**os.environ, "REVIEWER_HOME": str(tmp_path)}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0]
    assert outs == [OFFICIAL_MODEL_BIN] * 3
    leftovers = [p.name for p in (tmp_path / "models").iterdir() if "partial" in p.name]
    assert not leftovers

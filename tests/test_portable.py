"""Portable mode (portable.flag beside the executable) and models shipped inside a bundle."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reviewer import model_registry, userdirs
from reviewer.errors import ModelHashMismatch
from reviewer.hashing import sha256_file
from reviewer.paths import bundled_model_dir


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be a frozen onedir app at tmp/app/reviewer(.exe), data in app/_internal."""
    app = tmp_path / "app"
    (app / "_internal").mkdir(parents=True)
    exe = app / "reviewer.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "_MEIPASS", str(app / "_internal"), raising=False)
    monkeypatch.delenv("REVIEWER_RESOURCES", raising=False)
    return app


def test_not_portable_from_a_checkout(tmp_path: Path) -> None:
    assert userdirs.portable_home() is None  # the test runs unfrozen
    exe = tmp_path / "LivestreamReviewer.exe"
    exe.write_bytes(b"")
    assert userdirs.portable_home(str(exe)) is None
    (tmp_path / userdirs.PORTABLE_FLAG).write_text("")
    assert userdirs.portable_home(str(exe)) == tmp_path.resolve() / "data"


def test_portable_flag_moves_user_data_beside_the_app(
    frozen_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REVIEWER_HOME")
    (frozen_app / "portable.flag").write_text("")
    home = userdirs.user_home()
    assert home == frozen_app.resolve() / "data" and home.is_dir()
    assert userdirs.models_dir() == home / "models"


def test_reviewer_home_wins_over_portable_flag(frozen_app: Path, tmp_path: Path) -> None:
    (frozen_app / "portable.flag").write_text("")
    assert userdirs.user_home() != frozen_app.resolve() / "data"  # conftest's REVIEWER_HOME


def test_installed_app_without_flag_uses_the_profile(
    frozen_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REVIEWER_HOME")
    seen: list[str] = []
    monkeypatch.setattr(
        userdirs,
        "user_data_dir",
        lambda name, appauthor: seen.append(name) or str(frozen_app / "profile"),
    )
    assert userdirs.user_home() == frozen_app / "profile"
    assert seen == [userdirs.APP_NAME]


def _tiny_bundled_model(frozen_app: Path) -> Path:
    """A manifest with one small speech model, shipped assembled inside the fake bundle."""
    internal = frozen_app / "_internal"
    model = internal / "models" / "tiny"
    model.mkdir(parents=True)
    (model / "model.bin").write_bytes(b"weights" * 100)
    (model / "config.json").write_text("{}")
    files = {
        name: {"sha256": sha256_file(model / name), "size": (model / name).stat().st_size}
        for name in ("model.bin", "config.json")
    }
    manifest = {
        "format": 1,
        "models": [
            {
                "role": "speech",
                "name": "tiny",
                "source_packages": [{"name": "absent", "version": "0", "module": "absent_pkg"}],
                "assembly": {"model.bin": ["absent_pkg/data/x"], "config.json": ["absent_pkg/c"]},
                "files": files,
            }
        ],
    }
    (internal / "models" / "manifest.json").write_text(json.dumps(manifest))
    return model


def test_bundle_uses_its_shipped_model_without_assembling(frozen_app: Path) -> None:
    model = _tiny_bundled_model(frozen_app)
    assert bundled_model_dir("tiny") == model
    assert bundled_model_dir("other") is None
    # The registry packages are absent: assembling would fail; the shipped copy is verified.
    assert model_registry.assemble_all() == [model]
    info = model_registry.verified_speech_model("tiny")
    assert info.path == model and info.ready
    listed = {i.name: i for i in model_registry.list_models()}
    assert listed["tiny"].ready and listed["tiny"].path == model
    assert not (model_registry.models_dir() / "tiny").exists()


def test_altered_shipped_model_is_refused(frozen_app: Path) -> None:
    model = _tiny_bundled_model(frozen_app)
    data = bytearray((model / "model.bin").read_bytes())
    data[0] ^= 1
    (model / "model.bin").write_bytes(bytes(data))
    with pytest.raises(ModelHashMismatch):
        model_registry.verified_speech_model("tiny")
    listed = {i.name: i for i in model_registry.list_models()}
    assert not listed["tiny"].ready and "SHA-256" in listed["tiny"].problem


def test_checkout_is_never_treated_as_a_bundle() -> None:
    assert bundled_model_dir("faster-whisper-base") is None

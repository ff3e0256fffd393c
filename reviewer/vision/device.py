"""Choosing where ONNX models run (CPU by default, CUDA when asked) and saying which was used.

A silent fall-back from GPU to CPU is a known complaint about desktop transcription tools
(slow runs nobody can explain), so ``device="cuda"`` fails loudly when CUDA is not usable,
``device="auto"`` uses CUDA when present, and every session reports what it really got.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import onnxruntime as ort

from reviewer.vision.errors import DeviceUnavailableError, VisionModelError

CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"

Device = str | Sequence[str] | None

_CUDA_OPTIONS = {
    # The detector sees a new input shape for nearly every image; an exhaustive cuDNN
    # search per shape costs more than it saves.
    "cudnn_conv_algo_search": "HEURISTIC",
}


def available_providers() -> list[str]:
    return list(ort.get_available_providers())


def resolve_providers(device: Device = "cpu") -> tuple[list[str], bool]:
    """Map a device request to an ONNX Runtime provider list.

    Returns (providers, strict). ``strict`` means the first provider is required: the
    caller asked for it by name and must not silently get something else.
    Accepted: "cpu" (default), "cuda", "auto", or an explicit provider list such as
    ["DmlExecutionProvider", "CPUExecutionProvider"] (Windows DirectML).
    """
    available = available_providers()
    if device is None or device == "cpu":
        return [CPU], False
    if device == "auto":
        return ([CUDA, CPU] if CUDA in available else [CPU]), False
    if device == "cuda":
        if CUDA not in available:
            raise DeviceUnavailableError(
                "CUDA was requested but this onnxruntime build has no CUDAExecutionProvider "
                f"(available: {', '.join(available)}). Use device='cpu' or 'auto', or "
                "install onnxruntime-gpu."
            )
        return [CUDA, CPU], True
    if isinstance(device, str):
        raise DeviceUnavailableError(
            f"Unknown device {device!r}: use 'cpu', 'cuda', 'auto' or a provider list."
        )
    providers = list(device)
    missing = [p for p in providers if p not in available]
    if not providers or missing:
        raise DeviceUnavailableError(
            f"Execution providers {missing or providers} are not available "
            f"(available: {', '.join(available)})."
        )
    return providers, True


def create_session(
    model_path: Path | str,
    device: Device = "cpu",
    threads: int | None = None,
) -> ort.InferenceSession:
    """An InferenceSession on the requested device; raises when a strict request is not met."""
    providers, strict = resolve_providers(device)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Input shapes change from image to image; with the arena on, memory grows to the
    # largest shape ever seen and stays there over a long recording.
    options.enable_cpu_mem_arena = False
    options.log_severity_level = 3
    if threads is not None:
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
    provider_args: list[str | tuple[str, dict[str, str]]] = [
        (p, _CUDA_OPTIONS) if p == CUDA else p for p in providers
    ]
    try:
        session = ort.InferenceSession(str(model_path), options, providers=provider_args)
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise VisionModelError(f"Cannot load the ONNX model {model_path}: {exc}") from exc
    got = session.get_providers()
    # ONNX Runtime drops CUDA with only a log line when its DLLs are missing: check.
    if strict and (not got or got[0] != providers[0]):
        raise DeviceUnavailableError(
            f"{providers[0]} was requested for {Path(model_path).name} but the session runs "
            f"on {got[0] if got else 'nothing'} (CUDA/cuDNN libraries missing?)."
        )
    return session


def session_device(session: ort.InferenceSession) -> str:
    """'cuda', 'cpu' or the provider name the session actually runs on."""
    first = session.get_providers()[0]
    return {CUDA: "cuda", CPU: "cpu"}.get(first, first)

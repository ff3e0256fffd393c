"""Same file, same models, same settings: same transcript, whatever the process environment.

Two things chose CPU kernels from outside: OpenBLAS picks its core type from the environment
(OPENBLAS_CORETYPE), and it computes Whisper's mel spectrogram (a float32 matrix product), so a
shell with and without that variable gave different features and a different transcript (seen
here: three sentences lost in one and not the other). CTranslate2 and MKL pick their instruction
set from the CPU, which differs between the machines of a cluster.

- The mel product runs in float64 and is rounded to float32: kernels differ by ~1e-16, far below
  float32's rounding, so every kernel gives the same features.
- CTranslate2 and MKL are pinned to AVX2 where the CPU has it (every x86-64 CPU since 2013),
  before they load; a variable the user set wins.
"""

from __future__ import annotations

import os

import numpy as np


class _StableProduct(np.ndarray):
    """Mel filters whose `@` is computed in float64, independent of the BLAS kernel."""

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        out = np.asarray(self, dtype=np.float64) @ np.asarray(other, dtype=np.float64)
        return out.astype(np.float32)


def stabilise_features(model: object) -> None:
    """Make a faster_whisper.WhisperModel's features independent of the BLAS kernel."""
    extractor = model.feature_extractor
    extractor.mel_filters = np.asarray(extractor.mel_filters).view(_StableProduct)


def _cpu_has_avx2() -> bool:
    try:
        from numpy._core._multiarray_umath import __cpu_features__
    except ImportError:  # numpy < 2
        from numpy.core._multiarray_umath import __cpu_features__
    return bool(__cpu_features__.get("AVX2")) and bool(__cpu_features__.get("FMA3"))


def pin_cpu_kernels() -> dict[str, str]:
    """Pin CTranslate2's and MKL's instruction set; call before ctranslate2 is imported."""
    if _cpu_has_avx2():
        os.environ.setdefault("CT2_FORCE_CPU_ISA", "AVX2")
        os.environ.setdefault("MKL_CBWR", "AVX2")
    return {k: os.environ[k] for k in ("CT2_FORCE_CPU_ISA", "MKL_CBWR") if k in os.environ}

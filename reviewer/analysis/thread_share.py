"""How pictures share the cores with speech when both run at once (in a range or a file).

CTranslate2 and ONNX Runtime release the GIL, so a second thread really uses the second core.
Pictures run at the same priority as speech. They once ran at a lower one, when speech used one
core and was the longer stage; since speech decodes two chunks at once (WhisperEngine.lanes) it
takes both cores, and lowered pictures then waited until speech ended and ran alone on one core
(10-15 s at the end of the 10-minute stream). At the same priority the cores stay busy to the end
(bench/bench_throughput.py: gradient 84.6 -> 65.0 s, cores 85% -> 98% busy).
"""

from __future__ import annotations

import os


def vision_threads() -> int:
    """ONNX Runtime threads for picture models that run beside speech: half the cores."""
    return max(1, (os.cpu_count() or 2) // 2)

"""Nothing reaches the network at run time (invariant 2), including from native libraries.

onnxruntime 1.31 sends telemetry events from a native thread (a DNS lookup of
mobile.events.data.microsoft.com, seen under strace during a full analysis; the Python-level
socket audit hook cannot see it). reviewer/__init__.py sets ORT_DISABLE_TELEMETRY before anything
loads onnxruntime, which stops it; every path that loads onnxruntime also calls
`quiet_onnxruntime()`, in case the variable was overridden.
"""

from __future__ import annotations

from functools import cache


@cache
def quiet_onnxruntime() -> None:
    """Import onnxruntime with its telemetry turned off (once per process)."""
    import onnxruntime

    onnxruntime.disable_telemetry_events()

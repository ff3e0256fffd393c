"""Livestream Reviewer engine: ingest, transcription, detection, case store and evidence.

Nothing under this package imports Qt; the UI talks to it through its public functions.
"""

import os

# Offline by construction (invariant 2), before any library that could phone home is imported:
# onnxruntime's native telemetry thread looked up mobile.events.data.microsoft.com during every
# analysis (strace); only this variable, read when onnxruntime loads, stops it.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

__version__ = "0.1.0"
TOOL_NAME = "livestream-reviewer"

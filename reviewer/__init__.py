"""Livestream Reviewer engine: ingest, transcription, detection, case store and evidence.

Nothing under this package imports Qt; the UI talks to it through its public functions.
"""

__version__ = "0.1.0"
TOOL_NAME = "livestream-reviewer"

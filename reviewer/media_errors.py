"""FFmpeg's (PyAV's) errors in words an officer can act on.

PyAV's message starts with the raw error number (`[Errno 1094995529] Invalid data found when
processing input: '/path'`): the number means nothing to an officer and the path is already
named around the message. This keeps FFmpeg's own reason, adds what it means for the file.
"""

from __future__ import annotations

import re

# FFmpeg error class name -> what it means for the officer's file.
_MEANING = {
    "InvalidDataError": "the file is not a recording FFmpeg can read (invalid data: damaged, "
    "cut short, or not audio/video at all)",
    "DecoderNotFoundError": "the recording uses a codec this program cannot decode",
    "DemuxerNotFoundError": "the file's container format is not one this program can open",
    "EOFError": "the file ends before its data does (cut short while copying?)",
    "PermissionError": "the file cannot be read (no permission)",
    "FileNotFoundError": "the file no longer exists at that path",
    "IsADirectoryError": "that is a folder, not a file",
    "MemoryError": "not enough memory to decode it",
    "PatchWelcomeError": "the recording uses a feature FFmpeg does not support",
    "BugError": "FFmpeg could not decode it (internal decoder error)",
}

_ERRNO = re.compile(r"^\s*\[Errno -?\d+\]\s*")
_PATH = re.compile(r":\s*'[^']*'\s*$")


def ffmpeg_reason(exc: BaseException) -> str:
    """One line: what the error means, then FFmpeg's own words without the raw number."""
    text = " ".join(str(exc).split())
    own = _PATH.sub("", _ERRNO.sub("", text)).strip() or type(exc).__name__
    meaning = _MEANING.get(type(exc).__name__)
    if meaning is None:
        return own[:200]
    if own.lower().rstrip(".") in meaning.lower():
        return meaning
    return f"{meaning}; FFmpeg says: {own}"[:300]

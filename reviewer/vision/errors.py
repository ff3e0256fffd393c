"""Named errors of the vision package.

They subclass the engine-wide classes in ``reviewer.errors`` so a caller that handles
``MediaError`` or ``ModelError`` for every modality also handles these.
"""

from reviewer.errors import MediaError, ModelError, ModelHashMismatch, ReviewerError


class VisionError(ReviewerError):
    """Base class for errors raised on purpose by ``reviewer.vision``."""


class VideoOpenError(VisionError, MediaError):
    """The file cannot be opened as a video (not a video, no video stream, or its index is lost)."""


class ImageReadError(VisionError, MediaError):
    """The file cannot be decoded as an image."""


class ImageTooLargeError(ImageReadError):
    """The image has more pixels than the configured limit; decoding it could exhaust memory."""


class InvalidImageError(VisionError, ValueError):
    """An in-memory image array is not 8-bit gray, BGR or BGRA."""


class VisionModelError(VisionError, ModelError):
    """A vision model file is missing or cannot be loaded."""


class VisionModelHashMismatch(VisionModelError, ModelHashMismatch):
    """A packaged model file's SHA-256 differs from the pinned one: it must not be used."""


class DeviceUnavailableError(VisionError):
    """The requested accelerator (e.g. CUDA) is not usable; we refuse to fall back silently."""

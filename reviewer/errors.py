"""Named errors. Each message tells the officer what went wrong and what to do about it."""


class ReviewerError(Exception):
    """Base class for every error the engine raises on purpose."""


class UsageError(ReviewerError):
    """The command or call was given something it cannot work with."""


class ModelError(ReviewerError):
    """A model is missing, incomplete or not the one recorded in the manifest."""


class ModelHashMismatch(ModelError):
    """A model file's SHA-256 differs from the recorded one: it must not be loaded."""


class MediaError(ReviewerError):
    """A file could not be read as audio, video or image."""


class MediaChanged(MediaError):
    """A file's SHA-256 is not the one recorded at ingest: it is not the evidence the case holds."""


class ClusterError(ReviewerError):
    """The analysis cluster cannot be reached or used."""


class CaseError(ReviewerError):
    """The case folder or its database cannot be used."""


class AuditChainBroken(CaseError):
    """The hash-chained audit log was altered."""


class MergeRefused(CaseError):
    """Another copy of a case cannot be merged into this one (different case, broken chain)."""


class Cancelled(ReviewerError):
    """The analysis was cancelled; work saved so far is kept and a re-run resumes."""

    def __init__(
        self, message: str = "Analysis cancelled; saved work is kept and a re-run resumes."
    ) -> None:
        super().__init__(message)

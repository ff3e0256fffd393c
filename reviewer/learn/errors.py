"""Named errors of the learning step."""

from ..errors import ReviewerError


class LearnError(ReviewerError):
    """A learning proposal cannot be made or applied."""


class TrainingUnavailable(LearnError):
    """The text model cannot be retrained on this installation (training libraries missing)."""


class NoPreviousModel(LearnError):
    """Rollback asked for, but the shipped text model is already the one in use."""

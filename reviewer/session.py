"""The application's one door to the case side of the engine.

ui/ imports from two places only: `reviewer.analysis` (make_analyzer, open_executor: analysing
recordings) and this module (everything about an open case: open or create it, decide, note,
add/edit/remove an officer flag, reveal, export, verify, merge, record check, learning, search).

Everything here is a thin function over the engine module that does the work, or a plain name
re-exported (errors, settings, constants, report types), so that a rename inside reviewer/ is
one line here and not a hunt through the window. No logic lives here.

Heavy modules (the models behind correction, meaning search, learning, the registry) are
imported inside the functions that need them, so opening the window stays quick.

Threads: a Case (SQLite connection) belongs to the thread that opened it. The functions taking
a `folder` open their own Case and close it, so a worker thread calls those; the functions taking
a `case` run on the thread that owns it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.analysis.options import AnalysisOptions, EngineFactory, ProgressEvent
from reviewer.errors import Cancelled, ReviewerError
from reviewer.evidence import (
    ExportResult,
    KeyInfo,
    KeyStoreError,
    Progress,
    VerifyReport,
    WrongPassphrase,
    create_key,
    export_case,
    list_keys,
    unlock,
    verify_package,
)
from reviewer.evidence.keys import MIN_PASSPHRASE, officer_slug, trusted_local_keys
from reviewer.evidence.minisign import PublicKey, fingerprint_groups, parse_public_key
from reviewer.evidence.progress import OnProgress
from reviewer.evidence.safe_write import FAT32_MAX, FAT_TYPES, filesystem_type
from reviewer.flagging import threshold_for
from reviewer.identifiers.index import find as find_identifier
from reviewer.identifiers.index import index_open_case, other_cases_count
from reviewer.identifiers.model import KINDS as IDENTIFIER_KINDS
from reviewer.identifiers.store import case_identifiers, refresh_identifiers
from reviewer.ingest import expand_inputs
from reviewer.merge.engine import MergeReport
from reviewer.paths import demo_case_dir, demo_recording, resource_path
from reviewer.settings import Settings, known_categories, load_settings, save_settings
from reviewer.store import Case, open_case
from reviewer.store.case import DB_NAME
from reviewer.store.officer_flags import add_officer_flag, edit_flag, remove_officer_flag
from reviewer.timefmt import local_time
from reviewer.transcript import CORRECTED_MARK
from reviewer.userdirs import user_home

if TYPE_CHECKING:
    from reviewer.store.record import RecordReport

__all__ = [
    "CORRECTED_MARK",
    "DB_NAME",
    "FAT32_MAX",
    "FAT_TYPES",
    "IDENTIFIER_KINDS",
    "MIN_PASSPHRASE",
    "AnalysisOptions",
    "Cancelled",
    "Case",
    "EngineFactory",
    "ExportResult",
    "KeyInfo",
    "KeyStoreError",
    "MergeReport",
    "OnProgress",
    "Progress",
    "ProgressEvent",
    "PublicKey",
    "ReviewerError",
    "Settings",
    "VerifyReport",
    "WrongPassphrase",
    "add_officer_flag",
    "case_identifiers",
    "check_record",
    "choose_device",
    "correct_and_redetect",
    "create_key",
    "decide",
    "demo_case_dir",
    "demo_recording",
    "edit_flag",
    "expand_inputs",
    "export_case",
    "filesystem_type",
    "find_identifier",
    "fingerprint_groups",
    "has_officer_key",
    "index_open_case",
    "known_categories",
    "learn_apply",
    "learn_min_decisions",
    "learn_min_texts",
    "learn_propose",
    "learn_revert",
    "learn_rollback",
    "list_keys",
    "list_models",
    "load_settings",
    "local_time",
    "log_reveal",
    "meaning_search",
    "merge_copy",
    "officer_slug",
    "open_case",
    "other_cases_count",
    "parse_public_key",
    "read_audio",
    "refresh_identifiers",
    "remove_officer_flag",
    "resource_path",
    "run_checks",
    "save_settings",
    "session_key",
    "threshold_for",
    "trusted_local_keys",
    "unlock",
    "unlock_session",
    "user_home",
    "verify_package",
]


# -- decisions -------------------------------------------------------------------------------
def decide(case: Case, flag_id: int, decision: str, note: str | None = None) -> dict:
    """One decision (or note, or undo: a decision back to the previous status), committed and
    audit-logged in one transaction by the case's officer."""
    return case.decide_flag(flag_id, decision, case.officer, note)


def log_reveal(case: Case, flag_id: int) -> None:
    """The officer looked at a flag's hidden (blurred) picture: that is on the record."""
    case.log("flag.reveal", {"flag_id": flag_id})


# -- merge and record (each opens its own Case: callable from a worker thread) ----------------
def merge_copy(
    folder: Path, officer: str | None, other: Path, write: bool = False
) -> tuple[MergeReport, bool]:
    """What merging the reviewed copy `other` into the case at `folder` changes (write=False),
    or the merge itself with the identifiers' relevance marks (write=True).

    Returns the report and whether anything was written.
    """
    from reviewer.identifiers.merge_marks import merge_identifier_marks
    from reviewer.merge.engine import merge_case

    with open_case(folder, officer=officer, create=False) as case:
        report = merge_case(case, other, write=write)
        if write:
            merge_identifier_marks(case, other)  # identifiers recomputed; marks carried
    return report, bool(write and report.written)


def check_record(folder: Path | str) -> RecordReport:
    """The case's tables, signatures and audit chain against its log (reviewer.store.record)."""
    from reviewer.store import record

    with open_case(folder, create=False, check_head=False) as case:
        return record.check_case(case)


def session_key(officer: str) -> object | None:
    from reviewer.store import signing

    return signing.session_key(officer)


def has_officer_key(officer: str) -> bool:
    from reviewer.store import signing

    return signing.has_officer_key(officer)


def unlock_session(officer: str, passphrase: str) -> object:
    """Unlock the officer's signing key for this session (raises ReviewerError when wrong)."""
    from reviewer.store import signing

    return signing.unlock_session(officer, passphrase)


# -- transcript and search (own Case: worker threads) ------------------------------------------
def correct_and_redetect(folder: Path, officer: str, segment_id: int, text: str) -> Any:
    """Store one transcript correction and detect on the corrected text."""
    from reviewer import corrections

    with open_case(folder, officer=officer, create=False) as case:
        return corrections.correct_and_redetect(case, segment_id, text, officer)


def meaning_search(folder: Path, query: str, progress: Callable[..., Any] | None = None) -> list:
    """The case's moments ranked by meaning (reviewer.text.meaning.search)."""
    from reviewer.text.meaning.search import search

    with open_case(folder, create=False) as case:
        return search(case, query, progress=progress)


# -- learning from decisions -----------------------------------------------------------------
def learn_propose(folders: list[Path], model: bool = True) -> Any:
    from reviewer.learn.proposals import propose

    return propose(folders, load_settings(), model)


def learn_apply(proposals: Any, accepted: Iterable[str] | None, officer: str | None) -> list[dict]:
    from reviewer.learn.apply import apply

    return apply(proposals, accepted, officer)


def learn_revert(entry: dict, folders: Iterable[Path], officer: str | None) -> dict:
    from reviewer.learn.apply import revert

    return revert(entry, folders, officer)


def learn_rollback(folders: Iterable[Path], officer: str | None) -> dict:
    """Go back to the previous text model, logged in every case of the panel."""
    from reviewer.learn.retrain import rollback

    result = rollback()
    for folder in folders:
        with open_case(folder, officer=officer, create=False) as case:
            case.log("learn.model_rollback", result)
    return result


def learn_min_decisions() -> int:
    from reviewer.learn.thresholds import MIN_DECISIONS

    return MIN_DECISIONS


def learn_min_texts() -> int:
    from reviewer.learn.retrain import MIN_TEXTS

    return MIN_TEXTS


# -- the machine -----------------------------------------------------------------------------
def choose_device(requested: str = "auto") -> Any:
    from reviewer.device import choose_device as choose

    return choose(requested)


def list_models(verify: bool = True) -> list:
    from reviewer.model_registry import list_models as models

    return models(verify)


def run_checks() -> dict[str, Any] | None:
    """reviewer.doctor.run_checks() when the engine has it, else None."""
    try:
        from reviewer import doctor
    except ImportError:
        return None
    return doctor.run_checks()


def read_audio(path: Path, block_s: float = 60.0) -> tuple[int, Iterable[Any]]:
    """The sample rate and the audio blocks of a recording (for the timeline's waveform)."""
    from reviewer.speech.audio import SAMPLE_RATE, AudioReader

    return SAMPLE_RATE, AudioReader(path, block_s=block_s)

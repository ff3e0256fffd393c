"""What analysis calls: a few lines in the pipeline, the work here. Identifiers are a by-product:
a failure here is logged in the case and never fails the analysis of the recording."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from ..store.case import Case

log = logging.getLogger(__name__)


def picture_qr(case: Case, media_id: int, path: Path) -> None:
    """QR codes of a screenshot, read once when the screenshot is analysed."""
    from .store import save_picture_qr

    try:
        save_picture_qr(case, media_id, path)
    except Exception as exc:  # a broken picture or reader: the OCR result still stands
        log.warning("QR codes of %s not read: %s", path, exc)
        case.log("identifiers.error", {"media_id": media_id, "error": str(exc)[:300]})


def after_analysis(case: Case, media_ids: Iterable[int], read_pictures: bool = True) -> None:
    """Derive the identifiers of the analysed media and put the case in the workstation index.

    `read_pictures` False: screenshots are not opened here (their QR codes and picture hashes
    came back with the analysis from the isolated child; a broken one stays unopened)."""
    from .index import index_open_case
    from .store import refresh_identifiers

    try:
        refresh_identifiers(case, media_ids, read_pictures=read_pictures)
        index_open_case(case)
    except Exception as exc:
        log.warning("identifiers not derived: %s", exc)
        case.log("identifiers.error", {"error": str(exc)[:300]})

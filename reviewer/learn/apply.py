"""Write accepted proposals: thresholds to settings, lexicon edits to the agency folder, the model
version; each change audit-logged in every case it was learned from."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..settings import load_settings, save_settings
from ..store import open_case
from ..userdirs import user_home
from .errors import LearnError
from .lexicon_edits import add_term, agency_folder, remove_term
from .proposals import Proposals
from .retrain import build_and_install


def _audit(folders: Iterable[Path], officer: str | None, action: str, payload: dict) -> None:
    for folder in folders:
        with open_case(folder, officer=officer, create=False) as case:
            case.log(action, payload)


def apply(proposals: Proposals, accepted: Iterable[str] | None, officer: str | None) -> list[dict]:
    """Apply the accepted proposal ids (all that change something when None); returns the log."""
    wanted = set(proposals.ids() if accepted is None else accepted)
    unknown = wanted - set(proposals.ids())
    if unknown:
        raise LearnError(
            f"No such proposal: {', '.join(sorted(unknown))}; see `reviewer learn --json`."
        )
    folders = [cd.folder for cd in proposals.cases]
    learned_from = [cd.case_id for cd in proposals.cases]
    done: list[dict] = []
    settings = load_settings()
    for t in proposals.thresholds:
        if t.id in wanted:
            settings.thresholds[t.category] = t.suggested
            done.append(
                {
                    "action": "learn.threshold",
                    "category": t.category,
                    "old": t.current,
                    "new": t.suggested,
                    "evidence": t.summary,
                }
            )
    lexicon_edits = [r for r in proposals.removals if r.id in wanted]
    lexicon_adds = [a for a in proposals.additions if a.id in wanted]
    if lexicon_edits or lexicon_adds:
        folder = agency_folder(settings.lexicon_dir, user_home())
        settings.lexicon_dir = str(folder)
        for r in lexicon_edits:
            if remove_term(folder, r):
                done.append(
                    {
                        "action": "learn.lexicon_remove",
                        "category": r.category,
                        "term": r.term,
                        "rejected": r.rejected,
                        "confirmed": r.confirmed,
                        "lexicon_dir": str(folder),
                    }
                )
        for a in lexicon_adds:
            if add_term(folder, a):
                done.append(
                    {
                        "action": "learn.lexicon_add",
                        "category": a.category,
                        "phrase": a.phrase,
                        "moments": a.moments,
                        "lexicon_dir": str(folder),
                    }
                )
    save_settings(settings)
    if proposals.model is not None and proposals.model.id in wanted:
        card = build_and_install(proposals.model, len(folders))
        done.append(
            {
                "action": "learn.model_install",
                "model_id": card["model_id"],
                "version": card["version"],
                "sha256": card["sha256"],
                "based_on": card["based_on"],
                "scores": {k: card["scores"][k] for k in ("current", "new_cross_validated")},
            }
        )
    for entry in done:
        _audit(folders, officer, entry["action"], {**entry, "learned_from": learned_from})
    proposals.applied = done
    return done

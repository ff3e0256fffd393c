"""Write accepted proposals: thresholds to settings, lexicon edits to the agency folder, the model
version; each change audit-logged in every case it was learned from."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..settings import load_settings, save_settings
from ..store import open_case
from ..userdirs import user_home
from . import versions
from .errors import LearnError
from .lexicon_edits import add_term, agency_folder, remove_term, undo_line_edit
from .meaning_refit import build_and_install_meaning, rollback_meaning
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
            lines = remove_term(folder, r)
            if lines:
                done.append(
                    {
                        "action": "learn.lexicon_remove",
                        "category": r.category,
                        "term": r.term,
                        "rejected": r.rejected,
                        "confirmed": r.confirmed,
                        "lexicon_dir": str(folder),
                        "line_old": lines[0],
                        "line_new": lines[1],
                    }
                )
        for a in lexicon_adds:
            lines = add_term(folder, a)
            if lines:
                done.append(
                    {
                        "action": "learn.lexicon_add",
                        "category": a.category,
                        "phrase": a.phrase,
                        "moments": a.moments,
                        "lexicon_dir": str(folder),
                        "line_old": lines[0],
                        "line_new": lines[1],
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
    if proposals.meaning is not None and proposals.meaning.id in wanted:
        done.append(
            {
                "action": "learn.meaning_install",
                **build_and_install_meaning(proposals.meaning, len(folders)),
            }
        )
    for entry in done:
        payload = {k: v for k, v in entry.items() if k != "action"}
        _audit(folders, officer, entry["action"], {**payload, "learned_from": learned_from})
    proposals.applied = done
    return done


def revert(entry: dict, folders: Iterable[Path], officer: str | None) -> dict:
    """Undo one applied change (an entry `apply` returned); audit-logged as learn.revert."""
    action = entry["action"]
    if action == "learn.threshold":
        settings = load_settings()
        if settings.thresholds.get(entry["category"]) != entry["new"]:
            raise LearnError(
                f"The {entry['category']} threshold was changed since; set it in Settings."
            )
        settings.thresholds[entry["category"]] = entry["old"]
        save_settings(settings)
    elif action in ("learn.lexicon_remove", "learn.lexicon_add"):
        folder = Path(entry["lexicon_dir"])
        if not undo_line_edit(folder, entry["category"], entry["line_old"], entry["line_new"]):
            raise LearnError(
                f"{folder / (entry['category'] + '.txt')} was edited since; change it by hand."
            )
    elif action == "learn.model_install":
        if versions.active_version() != entry["version"]:
            raise LearnError(f"Model {entry['version']} is not the one in use: nothing to undo.")
        versions.rollback()
    elif action == "learn.meaning_install":
        rollback_meaning()
    else:
        raise LearnError(f"Cannot undo {action}.")
    _audit(folders, officer, "learn.revert", entry)
    return entry

"""Everything the decisions of some cases suggest, as one JSON-able report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReviewerError
from ..settings import Settings
from ..text.lexicon import Lexicon
from ..text.meaning.engine import meaning_enabled
from .decisions import CaseDecisions, load_cases
from .errors import LearnError
from .lexicon_edits import TermAddition, TermRemoval, propose_additions, propose_removals
from .meaning_refit import MeaningProposal, propose_meaning
from .retrain import ModelProposal, propose_model
from .thresholds import ThresholdProposal, propose_thresholds


@dataclass
class Proposals:
    cases: list[CaseDecisions]
    thresholds: list[ThresholdProposal]
    removals: list[TermRemoval]
    additions: list[TermAddition]
    model: ModelProposal | None
    model_error: str | None = None
    lexicon_dir: str = ""
    applied: list[dict] = field(default_factory=list)
    meaning: MeaningProposal | None = None  # the sentence-meaning head's refit
    meaning_error: str | None = None

    def ids(self) -> list[str]:
        """Ids of the proposals that would change something."""
        out = [t.id for t in self.thresholds if t.changes]
        out += [r.id for r in self.removals] + [a.id for a in self.additions]
        if self.model is not None and self.model.better:
            out.append(self.model.id)
        if self.meaning is not None and self.meaning.better:
            out.append(self.meaning.id)
        return out

    def to_json(self) -> dict:
        counts = {}
        for cd in self.cases:
            for d in cd.decisions:
                counts[d.label] = counts.get(d.label, 0) + 1
        return {
            "cases": [
                {"folder": str(cd.folder), "case_id": cd.case_id, "decisions": len(cd.decisions)}
                for cd in self.cases
            ],
            "decisions": counts,
            "lexicon_dir": self.lexicon_dir or "shipped",
            "thresholds": [t.to_json() for t in self.thresholds],
            "lexicon": {
                "remove": [r.to_json() for r in self.removals],
                "add": [a.to_json() for a in self.additions],
            },
            "text_model": self.model.to_json() if self.model else {"error": self.model_error},
            "meaning_head": (
                self.meaning.to_json() if self.meaning else {"error": self.meaning_error}
            ),
            "proposal_ids": self.ids(),
            "applied": self.applied,
        }


def propose(
    folders: list[Path],
    settings: Settings,
    model: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Proposals:
    """`progress` gets one line per step (the CLI prints them on stderr)."""
    say = progress or (lambda _line: None)
    if not folders:
        raise LearnError("Name at least one case to learn from (--case DIR).")
    say(f"Reading the decisions of {len(folders)} case(s)…")
    cases = load_cases(folders)
    decisions = [d for cd in cases for d in cd.decisions]
    lexicon = Lexicon.load(Path(settings.lexicon_dir) if settings.lexicon_dir else None)
    model_proposal, model_error = None, None
    if model:
        say(f"Checking the text model against {len(decisions)} decisions (this can take a minute)…")
        try:
            model_proposal = propose_model(decisions)
        except LearnError as exc:
            model_error = str(exc)  # thresholds and lexicons still stand on their own
    meaning, meaning_error = None, None
    # The head only counts where analysis uses it (not with REVIEWER_MEANING=0).
    if model and meaning_enabled():
        say("Refitting the meaning head on the decisions…")
        try:
            meaning = propose_meaning(decisions)
        except (LearnError, ReviewerError) as exc:
            meaning_error = str(exc)
    say("Weighing thresholds and lexicon terms…")
    return Proposals(
        cases,
        propose_thresholds(
            decisions, settings.thresholds, [u for cd in cases for u in cd.undecided]
        ),
        propose_removals(decisions, lexicon),
        propose_additions(cases, lexicon),
        model_proposal,
        model_error,
        settings.lexicon_dir,
        meaning=meaning,
        meaning_error=meaning_error,
    )

"""The Learning panel: what the open case's decisions teach (thresholds, lexicon terms, the text
model), each proposal with its effect, applied or rolled back by the officer. The work itself
(reading decisions, retraining) runs off the UI thread in reviewer.learn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import (
    ReviewerError,
    learn_apply,
    learn_min_decisions,
    learn_min_texts,
    learn_propose,
    learn_revert,
    learn_rollback,
)

from .i18n import category_label
from .workers import BackgroundLoader

ID_ROLE = Qt.ItemDataRole.UserRole


def _num(value: float | None) -> str:
    """A ratio for the officer: '0.75', or a dash when there was nothing to measure."""
    return "–" if value is None else f"{value:.2f}"


def _outcome(fn: Callable[[], object]) -> Callable[[], tuple[str, object]]:
    """Run fn in the worker and hand back its result or its error message (never raise there)."""

    def run() -> tuple[str, object]:
        try:
            return "ok", fn()
        except ReviewerError as exc:
            return "error", str(exc)
        except Exception as exc:  # a worker must report, never die silently
            return "error", f"{type(exc).__name__}: {exc}"

    return run


class LearningPanel(QWidget):
    applied = Signal()  # settings, lexicons or the text model changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_dirs: list[Path] = []
        self.officer = ""
        self.proposals = None
        self.applied_entries: list[dict] = []
        self.busy = False
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_done)
        self.propose_button = QPushButton(self)
        self.propose_button.clicked.connect(self.propose)
        self.retrain = QCheckBox(self)
        self.apply_button = QPushButton(self)
        self.apply_button.clicked.connect(self.apply_checked)
        self.rollback_button = QPushButton(self)
        self.rollback_button.clicked.connect(self.rollback_model)
        self.revert_button = QPushButton(self)
        self.revert_button.clicked.connect(self.revert_checked)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for w in (
            self.propose_button,
            self.retrain,
            self.apply_button,
            self.revert_button,
            self.rollback_button,
        ):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.propose_button.setText(self.tr("Propose from this case"))
        self.retrain.setText(self.tr("Also retrain the text model (about a minute)"))
        self.apply_button.setText(self.tr("Apply checked"))
        self.rollback_button.setText(self.tr("Roll back the text model"))
        self.revert_button.setText(self.tr("Undo checked applied changes"))
        self.tree.setHeaderLabels([self.tr("Proposal"), self.tr("Effect on the decided flags")])

    def set_cases(self, folders: list[Path], officer: str) -> None:
        self.case_dirs, self.officer = list(folders), officer
        self.proposals = None
        self.applied_entries = []
        self.tree.clear()
        self.status.setText("")
        self._enable()

    def _enable(self) -> None:
        self.propose_button.setEnabled(bool(self.case_dirs) and not self.busy)
        self.apply_button.setEnabled(self.proposals is not None and not self.busy)
        self.rollback_button.setEnabled(not self.busy)
        self.revert_button.setEnabled(bool(self.applied_entries) and not self.busy)

    def _start(self, key: str, fn: Callable[[], object], message: str) -> None:
        self.busy = True
        self._enable()
        self.status.setText(message)
        self.loader.submit(key, _outcome(fn))

    # -- actions --------------------------------------------------------------------------------
    def propose(self) -> None:
        dirs, model = list(self.case_dirs), self.retrain.isChecked()
        self._start(
            "propose",
            lambda: learn_propose(dirs, model),
            self.tr("Reading the decisions…"),
        )

    def _checked(self) -> list[object]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for k in range(group.childCount()):
                item = group.child(k)
                if item.checkState(0) == Qt.CheckState.Checked:
                    out.append(item.data(0, ID_ROLE))
        return out

    def checked_ids(self) -> list[str]:
        """Checked proposals (applied changes are checked too, to undo them: not these)."""
        return [x for x in self._checked() if isinstance(x, str)]

    def revert_checked(self) -> None:
        chosen = [self.applied_entries[x] for x in self._checked() if isinstance(x, int)]
        dirs, officer = list(self.case_dirs), self.officer
        if not chosen:
            self.status.setText(self.tr("Check the applied changes to undo first."))
            return

        def run() -> list[dict]:
            return [learn_revert(entry, dirs, officer) for entry in chosen]

        self._start("revert", run, self.tr("Undoing…"))

    def apply_checked(self) -> None:
        ids, proposals, officer = self.checked_ids(), self.proposals, self.officer
        if not ids or proposals is None:
            self.status.setText(self.tr("Check the proposals to apply first."))
            return
        self._start("apply", lambda: learn_apply(proposals, ids, officer), self.tr("Applying…"))

    def rollback_model(self) -> None:
        dirs, officer = list(self.case_dirs), self.officer
        self._start("rollback", lambda: learn_rollback(dirs, officer), self.tr("Rolling back…"))

    # -- results --------------------------------------------------------------------------------
    def _on_done(self, key: object, result: object) -> None:
        self.busy = False
        status, value = result if isinstance(result, tuple) else ("error", "no result")
        if status == "error":
            self.status.setText(self.tr("Not done: {reason}").format(reason=value))
        elif key == "propose":
            self.proposals = value
            self._fill(value)
            count = len(value.ids())
            self.status.setText(
                self.tr("{n} proposals; nothing changes until you apply.").format(n=count)
            )
        elif key == "apply":
            self.applied_entries += value
            self._fill_applied()
            self.status.setText(
                self.tr("Applied {n} changes; the next analysis or re-detection uses them.").format(
                    n=len(value)
                )
            )
            self.applied.emit()
        elif key == "revert":
            self.applied_entries = [e for e in self.applied_entries if e not in value]
            self._fill_applied()
            self.status.setText(self.tr("Undid {n} changes.").format(n=len(value)))
            self.applied.emit()
        elif key == "rollback":
            self.status.setText(
                self.tr("Text model is now {model} ({sha}).").format(
                    model=value["model_id"], sha=value["sha256"][:16]
                )
            )
            self.applied.emit()
        self._enable()

    def _fill_applied(self) -> None:
        title = self.tr("Applied (check to undo)")
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).text(0) == title:
                self.tree.takeTopLevelItem(i)
                break
        if not self.applied_entries:
            return
        group = self._group(title)
        for index, entry in enumerate(self.applied_entries):
            detail = ", ".join(
                f"{k}={v}" for k, v in entry.items() if k not in ("action", "line_old", "line_new")
            )
            item = QTreeWidgetItem(group, [entry["action"], detail])
            item.setData(0, ID_ROLE, index)
            item.setCheckState(0, Qt.CheckState.Unchecked)

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [title])
        group.setExpanded(True)
        return group

    def _item(self, group: QTreeWidgetItem, pid: str | None, text: str, effect: str) -> None:
        item = QTreeWidgetItem(group, [text, effect])
        item.setToolTip(1, effect)
        if pid is not None:
            item.setData(0, ID_ROLE, pid)
            item.setCheckState(0, Qt.CheckState.Unchecked)

    # The engine's summaries are English: the panel says the same from the numbers.
    def threshold_effect(self, t) -> str:
        MIN_DECISIONS = learn_min_decisions()  # noqa: N806 - the engine's constant
        decided = t.confirmed + t.rejected + t.added
        if decided < MIN_DECISIONS:
            return self.tr("only {n} decisions (need {need}): no change proposed").format(
                n=decided, need=MIN_DECISIONS
            )
        text = self.tr(
            "precision {p0} → {p1}, recall {r0} → {r1}; would have removed {removed} of "
            "{rejected} rejected flags, kept {kept} of {confirmed} confirmed"
        ).format(
            p0=_num(t.precision_now),
            p1=_num(t.precision_after),
            r0=_num(t.recall_now),
            r1=_num(t.recall_after),
            removed=t.removed_rejected,
            rejected=t.rejected,
            kept=t.kept_confirmed,
            confirmed=t.confirmed,
        )
        if t.added:
            text += self.tr(", raised {n} of {added} the officers added").format(
                n=t.recovered_added, added=t.added
            )
        if t.more_to_review:
            text += self.tr("; would also raise up to {n} undecided detections for review").format(
                n=t.more_to_review
            )
        return text

    def model_effect(self, m) -> str:
        MIN_TEXTS = learn_min_texts()  # noqa: N806 - the engine's constant
        if m.decided_texts < MIN_TEXTS:
            return self.tr("only {n} decided texts (need {need}): no retraining").format(
                n=m.decided_texts, need=MIN_TEXTS
            )
        verdict = (
            self.tr("better: install it")
            if m.better
            else self.tr("not better: keep the current model")
        )
        return self.tr("F1 on the decisions {now} now, {new} retrained: {verdict}").format(
            now=_num(m.f1_current), new=_num(m.f1_new), verdict=verdict
        )

    def _fill(self, p) -> None:
        self.tree.clear()
        changing = set(p.ids())
        group = self._group(self.tr("Thresholds"))
        for t in p.thresholds:
            self._item(
                group,
                t.id if t.id in changing else None,
                f"{category_label(t.category)}: {t.current:.2f} → {t.suggested:.2f}",
                self.threshold_effect(t),
            )
        group = self._group(self.tr("Lexicon terms to remove (mostly rejected)"))
        for r in p.removals:
            self._item(
                group,
                r.id,
                f"{category_label(r.category)}: “{r.term}”",
                self.tr("rejected {r}, confirmed {c}; e.g. {ex}").format(
                    r=r.rejected, c=r.confirmed, ex=" | ".join(r.examples)
                ),
            )
        group = self._group(self.tr("Phrases to add (in missed or confirmed moments only)"))
        for a in p.additions:
            self._item(
                group,
                a.id,
                f"{category_label(a.category)}: “{a.phrase}”",
                self.tr("in {n} moments; e.g. {ex}").format(n=a.moments, ex=" | ".join(a.examples)),
            )
        group = self._group(self.tr("Text model"))
        if p.model is not None:
            self._item(
                group,
                p.model.id if p.model.better else None,
                p.model.current_model_id,
                self.model_effect(p.model),
            )
        else:
            self._item(group, None, "-", p.model_error or self.tr("not retrained"))

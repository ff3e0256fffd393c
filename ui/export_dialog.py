"""Export evidence: the case's decided flags as a sealed, signed package on a USB stick.

Unlocking (or creating) the officer's key and the export itself run in an EvidenceTask thread:
scrypt alone takes a fraction of a second and copying originals to a slow stick takes minutes.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import (
    MIN_PASSPHRASE,
    ExportResult,
    KeyInfo,
    KeyStoreError,
    OnProgress,
    Progress,
    ReviewerError,
    create_key,
    export_case,
    fingerprint_groups,
    list_keys,
    officer_slug,
    open_case,
    unlock,
)

from .evidence_task import (
    AMBER,
    GREEN,
    PROGRESS_STEPS,
    RED,
    EvidenceTask,
    colored,
    human_size,
    stage_text,
    verify_status_text,
)
from .export_destination import DestinationInfo


class ExportDialog(QDialog):
    """Destination, flags, officer key, then the export with progress, cancel and the result."""

    export_finished = Signal(str)  # ok | cancelled | passphrase | error

    def __init__(self, case_dir: Path, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_dir = Path(case_dir)
        self.officer = officer
        self.task: EvidenceTask | None = None
        self.result: ExportResult | None = None
        self._outcome = ""
        self.keys: list[KeyInfo] = []
        self._counts: dict[str, int] = {}
        self._originals: dict[str, dict[int, tuple[str, int]]] = {}
        self.setWindowTitle(self.tr("Export evidence"))
        self.setMinimumWidth(560)
        self._read_case()
        self._build()
        self._load_keys()
        self._update_flags()
        self._update_destination()

    # -- construction ---------------------------------------------------------------------------
    def _build(self) -> None:
        case_label = QLabel(self.tr("Case: {name}").format(name=self.case_dir.name))
        case_label.setStyleSheet("font-weight:600;")

        dest_box = QGroupBox(self.tr("Destination (USB stick)"))
        self.destination = QLineEdit()
        self.destination.setPlaceholderText(self.tr("The folder the package is written into"))
        self.destination.textChanged.connect(self._update_destination)
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(self.browse_button)
        self.destination_info = DestinationInfo()
        self.destination_info.setWordWrap(True)
        dl = QVBoxLayout(dest_box)
        dl.addLayout(row)
        dl.addWidget(self.destination_info)

        flags_box = QGroupBox(self.tr("Flags"))
        self.flags_info = QLabel()
        self.flags_info.setWordWrap(True)
        self.include_pending = QCheckBox(self.tr("Also export pending flags (not yet decided)"))
        self.include_pending.toggled.connect(self._update_flags)
        self.include_pending.toggled.connect(self._update_destination)
        fl = QVBoxLayout(flags_box)
        fl.addWidget(self.flags_info)
        fl.addWidget(self.include_pending)

        key_box = QGroupBox(self.tr("Officer's signing key"))
        self.key_choice = QComboBox()
        self.key_choice.currentIndexChanged.connect(self._key_changed)
        self.key_pages = QStackedWidget()
        # Unlock page: the officer already has a key.
        unlock_page = QWidget()
        self.key_info = QLabel()
        self.key_info.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("The passphrase of this key"))
        self.passphrase.returnPressed.connect(self.start_export)
        ul = QFormLayout(unlock_page)
        ul.addRow(self.key_info)
        ul.addRow(self.tr("Passphrase"), self.passphrase)
        # Create page: no key yet for this officer.
        create_page = QWidget()
        self.new_officer = QLineEdit(self.officer.strip())
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Optional"))
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setPlaceholderText(
            self.tr("At least {n} characters").format(n=MIN_PASSPHRASE)
        )
        self.new_confirm = QLineEdit()
        self.new_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        create_note = QLabel(
            self.tr(
                "You have no signing key yet: one is created now and protected by this passphrase. Nobody can recover a forgotten passphrase; keep it safe."
            )
        )
        create_note.setWordWrap(True)
        cl = QFormLayout(create_page)
        cl.addRow(create_note)
        cl.addRow(self.tr("Officer id"), self.new_officer)
        cl.addRow(self.tr("Full name"), self.new_name)
        cl.addRow(self.tr("Passphrase"), self.new_passphrase)
        cl.addRow(self.tr("Passphrase again"), self.new_confirm)
        self.key_pages.addWidget(unlock_page)
        self.key_pages.addWidget(create_page)
        kl = QVBoxLayout(key_box)
        kl.addWidget(self.key_choice)
        kl.addWidget(self.key_pages)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.stage_label = QLabel()
        self.message = QLabel()  # errors and the result
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(case_label)
        layout.addWidget(dest_box)
        layout.addWidget(flags_box)
        layout.addWidget(key_box)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self._inputs: list[QWidget] = [
            self.destination,
            self.browse_button,
            self.include_pending,
            self.key_choice,
            self.key_pages,
            self.export_button,
        ]

    def _read_case(self) -> None:
        """Flag counts and the originals they need: a short read with the dialog's own connection."""
        try:
            with open_case(self.case_dir, create=False) as case:
                media = {m["id"]: m for m in case.list_media()}
                for f in case.flags():
                    status = f["status"]
                    self._counts[status] = self._counts.get(status, 0) + 1
                    m = media.get(f["media_id"])
                    if m is not None:
                        per = self._originals.setdefault(status, {})
                        per[m["id"]] = (m["original_name"], int(m["size_bytes"] or 0))
        except ReviewerError as exc:
            self._case_error = str(exc)
        else:
            self._case_error = ""

    # -- keys -----------------------------------------------------------------------------------
    def _load_keys(self) -> None:
        """Each officer's current key on this workstation; a "new key" entry if ours is missing."""
        self.key_choice.blockSignals(True)
        self.key_choice.clear()
        try:
            self.keys = [k for k in list_keys() if k.current]
        except (KeyStoreError, OSError) as exc:
            self.keys = []
            self._show_error(str(exc))
        mine = officer_slug(self.officer) if self.officer else ""
        chosen = -1
        for index, key in enumerate(self.keys):
            who = f"{key.officer} ({key.name})" if key.name else key.officer
            self.key_choice.addItem(
                self.tr("{officer} — key {key_id}").format(officer=who, key_id=key.key_id), index
            )
            if officer_slug(key.officer) == mine:
                chosen = index
        if chosen < 0:
            # Rotating an existing key is the command line's job; here only a first key is made.
            self.key_choice.addItem(self.tr("Create a signing key for me"), -1)
            chosen = self.key_choice.count() - 1
        self.key_choice.setCurrentIndex(chosen)
        self.key_choice.blockSignals(False)
        self._key_changed()

    def selected_key(self) -> KeyInfo | None:
        index = self.key_choice.currentData()
        return self.keys[index] if isinstance(index, int) and index >= 0 else None

    def creating_key(self) -> bool:
        return self.selected_key() is None

    def _key_changed(self) -> None:
        key = self.selected_key()
        self.key_pages.setCurrentIndex(1 if key is None else 0)
        if key is not None:
            self.key_info.setText(
                self.tr("Key {key_id}, fingerprint {fingerprint}").format(
                    key_id=key.key_id, fingerprint=fingerprint_groups(key.fingerprint)
                )
            )

    # -- destination and flags ------------------------------------------------------------------
    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the USB stick or folder for the package"), self.destination.text()
        )
        if folder:
            self.destination.setText(folder)

    def _wanted(self) -> tuple[str, ...]:
        return ("confirmed", "pending") if self.include_pending.isChecked() else ("confirmed",)

    def flag_count(self) -> int:
        return sum(self._counts.get(s, 0) for s in self._wanted())

    def _update_flags(self) -> None:
        if self._case_error:
            self.flags_info.setText(colored(self._case_error, RED))
            return
        confirmed = self._counts.get("confirmed", 0)
        pending = self._counts.get("pending", 0)
        if self.include_pending.isChecked():
            text = self.tr("{confirmed} confirmed and {pending} pending flag(s) will be exported.")
            text = text.format(confirmed=confirmed, pending=pending)
        else:
            text = self.tr("{confirmed} confirmed flag(s) will be exported.").format(
                confirmed=confirmed
            )
        if self.flag_count() == 0:
            self.flags_info.setText(
                colored(text + " " + self.tr("Review the flags first: nothing to export."), RED)
            )
        else:
            self.flags_info.setText(html.escape(text))

    def _needed_originals(self) -> dict[int, tuple[str, int]]:
        out: dict[int, tuple[str, int]] = {}
        for status in self._wanted():
            out.update(self._originals.get(status, {}))
        return out

    def _update_destination(self) -> None:
        self.destination_info.show_for(self.destination.text(), self._needed_originals())

    # -- the export -----------------------------------------------------------------------------
    def running(self) -> bool:
        return self.task is not None and self.task.isRunning()

    def _show_error(self, text: str) -> None:
        self.message.setText(colored(text, RED, True))

    def _check_inputs(self) -> str:
        """A translated reason why the export cannot start yet, or ""."""
        dest = self.destination.text().strip()
        if not dest:
            return self.tr("Choose the destination folder first.")
        if not Path(dest).is_dir():
            return self.tr("The destination {folder} does not exist.").format(folder=dest)
        if self._case_error:
            return self._case_error
        if self.flag_count() == 0:
            return self.tr("There are no flags to export: confirm flags first.")
        if self.creating_key():
            if not self.new_officer.text().strip():
                return self.tr("Give the officer id the key belongs to.")
            if len(self.new_passphrase.text()) < MIN_PASSPHRASE:
                return self.tr("The passphrase needs at least {n} characters.").format(
                    n=MIN_PASSPHRASE
                )
            if self.new_passphrase.text() != self.new_confirm.text():
                return self.tr("The two passphrases differ; type them again.")
        elif not self.passphrase.text():
            return self.tr("Type the passphrase of your key.")
        return ""

    def start_export(self) -> None:
        if self.running():
            return
        problem = self._check_inputs()
        if problem:
            self._show_error(problem)
            return
        # Everything the thread needs is copied now: it never touches a widget.
        case_dir = self.case_dir
        dest = Path(self.destination.text().strip())
        include_pending = self.include_pending.isChecked()
        key = self.selected_key()
        officer = key.officer if key else self.new_officer.text().strip()
        name = self.new_name.text().strip()
        passphrase = self.passphrase.text() if key else self.new_passphrase.text()
        create = key is None

        def work(on_progress: OnProgress, cancel: threading.Event) -> ExportResult:
            on_progress(Progress("key", 0, 1))
            if create:
                create_key(officer, passphrase, name)
            signer = unlock(passphrase, officer)
            return export_case(
                case_dir,
                dest,
                signer,
                include_pending=include_pending,
                on_progress=on_progress,
                cancel=cancel,
            )

        self.result = None
        self.message.setText("")
        self.progress_bar.setValue(0)
        self.task = EvidenceTask(work, self)
        self.task.progress.connect(self._on_progress)
        self.task.succeeded.connect(self._on_succeeded)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(self._on_task_finished)
        self._set_running(True)
        self.task.start()

    def cancel_export(self) -> None:
        if self.running() and self.task is not None:
            self.task.cancel.set()
            self.cancel_button.setEnabled(False)
            self.stage_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        for w in self._inputs:
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _on_progress(self, event: Progress) -> None:
        self.progress_bar.setValue(int(event.fraction * PROGRESS_STEPS))
        if self.task is not None and self.task.cancel.is_set():
            return  # keep "Cancelling…" visible
        self.stage_label.setText(stage_text(event.stage))

    def _on_succeeded(self, result: ExportResult) -> None:
        self.result = result
        self.progress_bar.setValue(PROGRESS_STEPS)
        self.stage_label.setText(stage_text("done"))
        if self.creating_key():
            self._load_keys()  # the key just made is the one to unlock next time
        for field in (self.passphrase, self.new_passphrase, self.new_confirm):
            field.clear()
        report = result.verify
        ok = report.ok
        headline = (
            colored(self.tr("Package written and verified."), GREEN, True)
            if ok
            else colored(self.tr("Package written but it did not verify."), RED, True)
        )
        rows = [
            (self.tr("Package"), str(result.path)),
            (self.tr("Flags exported"), str(result.flags)),
            (self.tr("Originals"), str(result.originals)),
            (
                self.tr("Files"),
                self.tr("{files} ({size} of data)").format(
                    files=result.files, size=human_size(result.payload_bytes)
                ),
            ),
            (self.tr("Verification"), f"{verify_status_text(report.status)} — {report.reason}"),
            (self.tr("Seal SHA-256"), result.seal_sha256),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px; white-space:nowrap'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.message.setText(f"{headline}<table>{table}</table>")
        self._outcome = "ok" if ok else "error"

    def _on_failed(self, kind: str, text: str) -> None:
        self.progress_bar.setValue(0)
        self.stage_label.setText("")
        if kind == "cancelled":
            self.message.setText(
                colored(
                    self.tr("Export cancelled: the unfinished package was removed from the stick."),
                    AMBER,
                    True,
                )
            )
        elif kind == "passphrase":
            self._show_error(self.tr("Wrong passphrase: it does not open this key. Type it again."))
        else:
            self._show_error(self.tr("Export failed: {reason}").format(reason=text))
        # A key made before the failure is now the officer's key: unlock it next time, with the
        # passphrase just chosen kept in the field so nothing has to be typed again.
        created = self.creating_key() and kind != "passphrase"
        kept = self.new_passphrase.text()
        if created:
            self._load_keys()
            if not self.creating_key():
                self.passphrase.setText(kept)
        if kind == "passphrase":
            self.passphrase.clear()
        self._outcome = kind

    def _on_task_finished(self) -> None:
        self._set_running(False)
        target = self.passphrase if not self.creating_key() else self.new_passphrase
        if self.result is None and not target.text():
            target.setFocus()
        # Announced only now, once the form is usable again.
        self.export_finished.emit(self._outcome)

    # -- closing ----------------------------------------------------------------------------------
    def reject(self) -> None:
        # Closing mid-export cancels it; the dialog stays until the folder has been cleaned up.
        if self.running():
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running():
            self.cancel_export()
            event.ignore()
            return
        super().closeEvent(event)

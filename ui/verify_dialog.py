"""Verify a package: every check of `reviewer verify`, in an EvidenceTask thread, shown plainly.

Trust comes from the keys of this workstation's officers and from public key files the officer
adds (a colleague's .pub); the key inside the package is never trusted on its own.
"""

from __future__ import annotations

import html
import re
import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import (
    OnProgress,
    PublicKey,
    ReviewerError,
    VerifyReport,
    fingerprint_groups,
    parse_public_key,
    trusted_local_keys,
    verify_package,
)

from .evidence_task import AMBER, GREEN, PROGRESS_STEPS, RED, EvidenceTask, colored, human_size

# The engine's check names, in the order it runs them.
CHECKS = {
    "layout": QT_TRANSLATE_NOOP("VerifyChecks", "Folder layout"),
    "bagit": QT_TRANSLATE_NOOP("VerifyChecks", "BagIt declaration"),
    "signature": QT_TRANSLATE_NOOP("VerifyChecks", "Signature"),
    "seal": QT_TRANSLATE_NOOP("VerifyChecks", "Seal"),
    "tag-files": QT_TRANSLATE_NOOP("VerifyChecks", "Tag files"),
    "file-set": QT_TRANSLATE_NOOP("VerifyChecks", "Set of files"),
    "bag-info": QT_TRANSLATE_NOOP("VerifyChecks", "Package information"),
    "payload": QT_TRANSLATE_NOOP("VerifyChecks", "Evidence files (hashes)"),
    "audit": QT_TRANSLATE_NOOP("VerifyChecks", "Audit log"),
    "case": QT_TRANSLATE_NOOP("VerifyChecks", "Case description"),
    "stopped": QT_TRANSLATE_NOOP("VerifyChecks", "Stopped at"),
}


def check_label(name: str) -> str:
    text = CHECKS.get(name)
    return QCoreApplication.translate("VerifyChecks", text) if text else name


class VerifyDialog(QDialog):
    """Package folder and trusted keys in; the outcome, the signer and each check out."""

    verify_finished = Signal(str)  # ok | tampered | untrusted | malformed | cancelled | error

    def __init__(self, parent: QWidget | None = None, package: Path | str = "") -> None:
        super().__init__(parent)
        self.task: EvidenceTask | None = None
        self.report: VerifyReport | None = None
        self._outcome = ""
        self.extra_keys: dict[str, PublicKey] = {}  # .pub path -> key
        self.setWindowTitle(self.tr("Verify an evidence package"))
        self.setMinimumWidth(620)

        self.package = QLineEdit(str(package))
        self.package.setPlaceholderText(self.tr("The package folder (EVP-…)"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Package")))
        row.addWidget(self.package, 1)
        row.addWidget(self.browse_button)

        keys_box = QGroupBox(self.tr("Trusted keys"))
        self.trust_local = QCheckBox(self.tr("Trust the keys of this computer's officers"))
        self.trust_local.setChecked(True)
        self.key_list = QListWidget()
        self.key_list.setMaximumHeight(90)
        self.add_key_button = QPushButton(self.tr("Add a public key file…"))
        self.add_key_button.clicked.connect(self._browse_keys)
        self.remove_key_button = QPushButton(self.tr("Remove"))
        self.remove_key_button.clicked.connect(self._remove_key)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.add_key_button)
        key_buttons.addWidget(self.remove_key_button)
        key_buttons.addStretch(1)
        kl = QVBoxLayout(keys_box)
        kl.addWidget(self.trust_local)
        kl.addWidget(self.key_list)
        kl.addLayout(key_buttons)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.status_label = QLabel()  # the outcome, in large coloured words
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.details = QLabel()  # reason, signer, package
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checks = QTreeWidget()
        self.checks.setRootIsDecorated(False)
        self.checks.setColumnCount(3)
        self.checks.setHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("Details")])

        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.start_verify)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_verify)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(keys_box)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.details)
        layout.addWidget(self.checks, 1)
        layout.addLayout(buttons)
        self._inputs: list[QWidget] = [
            self.package,
            self.browse_button,
            self.trust_local,
            self.add_key_button,
            self.remove_key_button,
            self.verify_button,
        ]

    # -- inputs ---------------------------------------------------------------------------------
    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the package folder"), self.package.text()
        )
        if folder:
            self.package.setText(folder)

    def _browse_keys(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add trusted public keys"),
            "",
            self.tr("Public keys") + " (*.pub);;" + self.tr("All files") + " (*)",
        )
        self.add_key_files([Path(f) for f in files])

    def add_key_files(self, paths: list[Path]) -> bool:
        """Trust these minisign public key files; a file that is not one is refused, with why."""
        bad: list[str] = []
        for path in paths:
            try:
                key = parse_public_key(path.read_text(encoding="ascii"))
            except (ReviewerError, OSError, UnicodeDecodeError) as exc:
                bad.append(f"{path.name}: {exc}")
                continue
            if str(path) in self.extra_keys:
                continue
            self.extra_keys[str(path)] = key
            item = QListWidgetItem(
                self.tr("{file} — key {key_id}").format(file=path.name, key_id=key.key_id_hex)
            )
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.key_list.addItem(item)
        if bad:
            self.status_label.setText(
                colored(self.tr("Not a public key file:") + " " + "; ".join(bad), RED, True)
            )
        return not bad

    def _remove_key(self) -> None:
        for item in self.key_list.selectedItems():
            self.extra_keys.pop(item.data(Qt.ItemDataRole.UserRole), None)
            self.key_list.takeItem(self.key_list.row(item))

    # -- verification ---------------------------------------------------------------------------
    def running(self) -> bool:
        return self.task is not None and self.task.isRunning()

    def start_verify(self) -> None:
        if self.running():
            return
        text = self.package.text().strip()
        if not text:
            self.status_label.setText(colored(self.tr("Choose the package folder first."), RED))
            return
        package = Path(text)
        extra = list(self.extra_keys.values())
        local = self.trust_local.isChecked()

        def work(on_progress: OnProgress, cancel: threading.Event) -> VerifyReport:
            keys = extra + (trusted_local_keys() if local else [])
            return verify_package(package, keys, on_progress, cancel)

        self.report = None
        self.checks.clear()
        self.details.setText("")
        self.status_label.setText(html.escape(self.tr("Verifying…")))
        self.progress_bar.setValue(0)
        self.task = EvidenceTask(work, self)
        self.task.progress.connect(
            lambda e: self.progress_bar.setValue(int(e.fraction * PROGRESS_STEPS))
        )
        self.task.succeeded.connect(self.show_report)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(self._on_task_finished)
        self._set_running(True)
        self.task.start()

    def cancel_verify(self) -> None:
        if self.running() and self.task is not None:
            self.task.cancel.set()
            self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        for w in self._inputs:
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _on_failed(self, kind: str, text: str) -> None:
        self.progress_bar.setValue(0)
        if kind == "cancelled":
            self.status_label.setText(colored(self.tr("Verification stopped."), AMBER, True))
        else:
            self.status_label.setText(
                colored(self.tr("Verification failed: {reason}").format(reason=text), RED, True)
            )
        self._outcome = kind

    def reason_text(self, report: VerifyReport) -> str:
        """The verifier's reason (English, from reviewer/) in the window's language; a reason
        with no translation here is shown as it is."""
        signer = report.signer or {}
        key = str(signer.get("key_id", ""))
        if report.status == "ok" and signer:
            return self.tr("Intact and signed by officer {officer} with trusted key {key}.").format(
                officer=signer.get("officer", "?"), key=key
            )
        if report.status == "untrusted" and signer:
            return self.tr(
                "Intact, but signed by key {key} (fingerprint {fingerprint}), which is not a "
                "trusted key."
            ).format(key=key, fingerprint=fingerprint_groups(str(signer.get("fingerprint", ""))))
        patterns = (
            (r"(?P<f>.+) was altered \((?P<a>[\w-]+) differs\)\.", self.tr(
                "{f} was changed after the package was sealed ({a} differs).")),
            (r"(?P<f>.+) is missing from the package\.", self.tr(
                "{f} is missing from the package.")),
            (r"(?P<f>.+) is not part of the sealed package \(added later\)\.", self.tr(
                "{f} is not part of the sealed package (added later).")),
            (r"(?P<f>.+) is missing\.", self.tr("{f} is missing.")),
            (r"This is an unfinished export \(\.partial\).*", self.tr(
                "This is an unfinished export (.partial): export the case again.")),
            (r"This export failed its read-back check \(\.failed\).*", self.tr(
                "This export failed its read-back check (.failed): export again.")),
            (r"(?P<f>.+) is not a package folder\.", self.tr("{f} is not a package folder.")),
            (r"The audit log does not end where the seal says it does\.", self.tr(
                "The audit log does not end where the seal says it does.")),
            (r"The payload size or file count differs from the sealed one\.", self.tr(
                "The size or number of files differs from the sealed package.")),
        )  # fmt: skip
        for pattern, text in patterns:
            match = re.fullmatch(pattern, report.reason or "")
            if match:
                return text.format(**match.groupdict())
        return report.reason

    def show_report(self, report: VerifyReport) -> None:
        self.report = report
        self.progress_bar.setValue(PROGRESS_STEPS)
        headline, color = {
            "ok": (self.tr("INTACT AND TRUSTED: the package is exactly as sealed."), GREEN),
            "tampered": (
                self.tr("TAMPERED: the package was changed after it was sealed."),
                RED,
            ),
            "untrusted": (
                self.tr(
                    "UNTRUSTED SIGNER: the package is intact, but its key is not one you trust. Compare the fingerprint with the officer's."
                ),
                AMBER,
            ),
            "malformed": (
                self.tr("NOT A COMPLETE PACKAGE: unfinished, damaged, or not an evidence package."),
                RED,
            ),
        }.get(report.status, (report.status, RED))
        self.status_label.setText(
            f"<span style='font-size:14pt; font-weight:700; color:{color}'>"
            f"{html.escape(headline)}</span>"
        )
        rows = [(self.tr("Reason"), self.reason_text(report))]
        signer = report.signer
        if signer:
            who = signer.get("officer", "?")
            if signer.get("name"):
                who += f" ({signer['name']})"
            rows.append((self.tr("Signed by officer"), who))
            rows.append((self.tr("Key"), str(signer.get("key_id", ""))))
            rows.append(
                (self.tr("Fingerprint"), fingerprint_groups(str(signer.get("fingerprint", ""))))
            )
            rows.append(
                (
                    self.tr("Key trusted"),
                    self.tr("yes") if signer.get("trusted") else self.tr("no"),
                )
            )
        if report.package_id:
            rows.append((self.tr("Package"), f"{report.package_id} · {report.case_id}"))
        if report.files:
            rows.append(
                (
                    self.tr("Files"),
                    self.tr("{files} ({size} of data)").format(
                        files=report.files, size=human_size(report.payload_bytes)
                    ),
                )
            )
        self.details.setText(
            "<table>"
            + "".join(
                f"<tr><td style='padding-right:12px; white-space:nowrap'><b>{html.escape(k)}</b></td>"
                f"<td>{html.escape(v)}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.checks.clear()
        for check in report.checks:
            item = QTreeWidgetItem(
                [
                    check_label(check.name),
                    self.tr("passed") if check.ok else self.tr("FAILED"),
                    check.detail,
                ]
            )
            item.setForeground(1, QBrush(QColor(GREEN if check.ok else RED)))
            item.setToolTip(2, check.detail)
            self.checks.addTopLevelItem(item)
        for column in range(2):
            self.checks.resizeColumnToContents(column)
        self._outcome = report.status

    def _on_task_finished(self) -> None:
        # Announced only now, once the inputs are usable again for the next package.
        self._set_running(False)
        self.verify_finished.emit(self._outcome)

    # -- closing ----------------------------------------------------------------------------------
    def _stop_before_closing(self) -> bool:
        """Stop a running check (hashing stops at the next block); False if it is still busy."""
        if self.task is None or not self.running():
            return True
        self.cancel_verify()
        return self.task.wait(5000)

    def reject(self) -> None:
        if self._stop_before_closing():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._stop_before_closing():
            super().closeEvent(event)
        else:
            event.ignore()

"""First start on a workstation: the interface language (Vietnamese by default) and the officer's
ID, so the audit log and the exports name a person and not the computer's login ("root")."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import load_settings, save_settings

from .i18n import install_translator
from .ui_settings import UiSettings, load_ui_settings, save_ui_settings


def needs_first_run(ui_settings: UiSettings | None = None) -> bool:
    """Not asked yet and no officer stored (an upgraded install that has one is not asked)."""
    ui_settings = ui_settings or load_ui_settings()
    return not ui_settings.first_run_done and not load_settings().officer


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0)  # Vietnamese first, whatever the system says
        self.language.currentIndexChanged.connect(self._language_changed)
        self.officer = QLineEdit(self)
        self.officer.textChanged.connect(self._enable)
        self.form = QFormLayout()
        self.language_label = QLabel(self)
        self.officer_label = QLabel(self)
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(self.officer_label, self.officer)
        self.buttons = QDialogButtonBox(self)
        # Our own button: a standard one gets Qt's "OK" back on every language change.
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._language_changed()
        self._enable()

    def _language_changed(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translator(app, self.language.currentData())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Livestream Reviewer"))
        self.intro.setText(
            self.tr(
                "Choose the interface language and enter your officer ID. The ID is written "
                "with every decision in the audit log and on every evidence package; you can "
                "change both later in Settings."
            )
        )
        self.language_label.setText(self.tr("Interface language"))
        self.officer_label.setText(self.tr("Officer ID"))
        self.officer.setPlaceholderText(self.tr("e.g. CB-0421 or your full name"))
        self.start_button.setText(self.tr("Start"))

    def _enable(self) -> None:
        self.start_button.setEnabled(bool(self.officer.text().strip()))

    def accept(self) -> None:
        officer = self.officer.text().strip()
        if not officer:
            return
        settings = load_settings()
        settings.officer = officer
        save_settings(settings)
        ui_settings = load_ui_settings()
        ui_settings.ui_language = self.language.currentData()
        ui_settings.first_run_done = True
        save_ui_settings(ui_settings)
        super().accept()


def run_first_start(parent: QWidget | None = None) -> bool:
    """Ask once; True when the officer answered (closing the dialog asks again next start)."""
    if not needs_first_run():
        return False
    return FirstRunDialog(parent).exec() == QDialog.DialogCode.Accepted

"""Officer identity, languages, speech model, device, thresholds and lexicon folder."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.device import choose_device
from reviewer.flagging import DEFAULT_THRESHOLDS, threshold_for
from reviewer.settings import Settings

from .i18n import categories, category_label
from .ui_settings import UiSettings


def speech_model_names() -> list[str]:
    try:
        from reviewer.model_registry import list_models

        return [m.name for m in list_models(verify=False) if m.role == "speech"]
    except Exception:  # a damaged registry must not stop the settings dialog
        return []


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        ui_settings: UiSettings,
        device_in_use: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.ui_settings = ui_settings

        self.officer = QLineEdit(settings.officer)
        self.officer.setPlaceholderText(settings.officer_name())
        self.ui_language = QComboBox()
        for value, label in (
            ("system", self.tr("As the system")),
            ("vi", "Tiếng Việt"),
            ("en", "English"),
        ):
            self.ui_language.addItem(label, value)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(ui_settings.ui_language)))
        self.spoken = QComboBox()
        for value, label in (
            ("vi", self.tr("Vietnamese")),
            ("en", self.tr("English")),
            ("auto", self.tr("Detect automatically")),
        ):
            self.spoken.addItem(label, value)
        self.spoken.setCurrentIndex(max(0, self.spoken.findData(settings.language)))
        self.model = QComboBox()
        names = speech_model_names() or [settings.speech_model]
        if settings.speech_model not in names:
            names.append(settings.speech_model)
        self.model.addItems(names)
        self.model.setCurrentText(settings.speech_model)
        self.bias = QCheckBox(self.tr("Prompt the speech model with the category terms"))
        self.bias.setChecked(settings.speech_bias == "lexicon")
        self.device = QComboBox()
        for value, label in (
            ("auto", self.tr("Automatic (GPU if usable)")),
            ("cpu", self.tr("CPU")),
            ("cuda", self.tr("GPU (CUDA)")),
        ):
            self.device.addItem(label, value)
        self.device.setCurrentIndex(max(0, self.device.findData(settings.device)))
        self.device_state = QLabel()
        self.device_state.setWordWrap(True)
        self.device_in_use = device_in_use
        self.device.currentIndexChanged.connect(self._device_changed)

        self.thresholds: dict[str, QDoubleSpinBox] = {}
        thresholds_box = QGroupBox(self.tr("Flag thresholds (lower: more flags to review)"))
        tform = QFormLayout(thresholds_box)
        for cat in categories() or list(DEFAULT_THRESHOLDS):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(threshold_for(cat, settings.thresholds))
            self.thresholds[cat] = spin
            tform.addRow(category_label(cat), spin)

        self.lexicon = QLineEdit(settings.lexicon_dir)
        self.lexicon.setPlaceholderText(self.tr("The shipped lexicons"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        lex_row = QHBoxLayout()
        lex_row.addWidget(self.lexicon, 1)
        lex_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Interface language"), self.ui_language)
        form.addRow(self.tr("Spoken language"), self.spoken)
        form.addRow(self.tr("Speech model"), self.model)
        form.addRow("", self.bias)
        form.addRow(self.tr("Device"), self.device)
        form.addRow("", self.device_state)
        form.addRow(self.tr("Lexicon folder"), lex_row)
        note = QLabel(self.tr("New thresholds and lexicons apply to files analysed from now on."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(thresholds_box)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._device_changed()

    def _device_changed(self) -> None:
        requested = self.device.currentData()
        choice = choose_device(requested)
        text = self.tr("Will run on: {device} ({compute})").format(
            device=choice.device.upper(), compute=choice.compute_type
        )
        if self.device_in_use:
            text += "<br>" + self.tr("Last analysis ran on: {used}").format(used=self.device_in_use)
        if choice.warning:
            text = (
                "<b style='color:#c92a2a'>"
                + self.tr(
                    "The GPU cannot be used on this computer; analysis will run on the CPU, which is slower."
                )
                + "</b><br>"
                + text
            )
        self.device_state.setText(text)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Lexicon folder"), self.lexicon.text()
        )
        if folder:
            self.lexicon.setText(folder)

    def apply(self) -> tuple[Settings, UiSettings]:
        """The edited settings (the caller saves them)."""
        s = self.settings
        s.officer = self.officer.text().strip()
        s.language = self.spoken.currentData()
        s.speech_model = self.model.currentText()
        s.speech_bias = "lexicon" if self.bias.isChecked() else "none"
        s.device = self.device.currentData()
        s.thresholds = {
            cat: round(spin.value(), 3)
            for cat, spin in self.thresholds.items()
            if abs(spin.value() - threshold_for(cat, {})) > 1e-9
        }
        s.lexicon_dir = self.lexicon.text().strip()
        self.ui_settings.ui_language = self.ui_language.currentData()
        return s, self.ui_settings

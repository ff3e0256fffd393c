"""Officer identity, languages, speech model, device, thresholds and lexicon folder; and a
"Device and models" page showing the engine's self-test (reviewer doctor)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
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
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.session import (
    Settings,
    choose_device,
    list_models,
    run_checks,
    threshold_for,
)

from .i18n import categories, category_label
from .ui_settings import UiSettings
from .workers import BackgroundLoader

RED, GREEN = "#c92a2a", "#2b8a3e"


def speech_model_names() -> list[str]:
    try:
        return [
            m.name
            for m in list_models(verify=False)
            if m.role == "speech" and m.engine == "ctranslate2-whisper"
        ]
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
        self.engine = QComboBox()
        for value, label in (
            ("whisper", self.tr("Whisper (default)")),
            ("vietasr", self.tr("Vietnamese recogniser (viet-asr, opt-in)")),
            ("both", self.tr("Both, and compare")),
        ):
            self.engine.addItem(label, value)
        self.engine.setCurrentIndex(max(0, self.engine.findData(settings.speech_engine)))
        self.engine_note = QLabel(
            self.tr(
                "viet-asr hears Vietnamese about four times more accurately than Whisper base, "
                "but the licence of its weights is not stated: turn it on only if your agency "
                "accepts that. English and automatic language detection always use Whisper."
            )
        )
        self.engine_note.setWordWrap(True)
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
        for cat in categories():
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

        self.cluster = QLineEdit(settings.cluster)
        self.cluster.setPlaceholderText(self.tr("This computer (or tcp://server:8786)"))
        form = QFormLayout()
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Interface language"), self.ui_language)
        form.addRow(self.tr("Spoken language"), self.spoken)
        form.addRow(self.tr("Speech model"), self.model)
        form.addRow(self.tr("Vietnamese speech engine"), self.engine)
        form.addRow("", self.engine_note)
        form.addRow("", self.bias)
        form.addRow(self.tr("Device"), self.device)
        form.addRow("", self.device_state)
        form.addRow(self.tr("Lexicon folder"), lex_row)
        form.addRow(self.tr("Analysis cluster"), self.cluster)
        note = QLabel(self.tr("New thresholds and lexicons apply to files analysed from now on."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        gl = QVBoxLayout(general)
        gl.addLayout(form)
        gl.addWidget(thresholds_box)
        gl.addWidget(note)
        self.device_page = DevicePage(self)
        self.tabs = QTabWidget()
        # A tab page does not pass on the height its wrapped help text needs at the dialog's
        # width (the help was cut mid-sentence); a scroll area does, and scrolls if too tall.
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QScrollArea.Shape.NoFrame)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.setWidget(general)
        self.tabs.addTab(page, self.tr("General"))
        self.tabs.addTab(self.device_page, self.tr("Device and models"))
        # The self-test re-hashes every model: only when the officer looks at it.
        self.tabs.currentChanged.connect(
            lambda i: self.device_page.ensure_checked() if i == 1 else None
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._device_changed()
        self.resize(max(720, general.sizeHint().width() + 40), 760)

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
        s.speech_engine = self.engine.currentData()
        s.device = self.device.currentData()
        s.thresholds = {
            cat: round(spin.value(), 3)
            for cat, spin in self.thresholds.items()
            if abs(spin.value() - threshold_for(cat, {})) > 1e-9
        }
        s.lexicon_dir = self.lexicon.text().strip()
        s.cluster = self.cluster.text().strip()
        self.ui_settings.ui_language = self.ui_language.currentData()
        return s, self.ui_settings


def self_test() -> dict[str, Any]:
    """reviewer.doctor.run_checks() when the engine has it, else what device and registry say."""
    checks = run_checks()
    if checks is not None:
        return checks
    errors: list[str] = []
    warnings: list[str] = []
    chosen = choose_device("auto")
    if chosen.warning:
        warnings.append(chosen.warning)
    models = []
    for info in list_models(verify=True):
        models.append(
            {
                "role": info.role,
                "name": info.name,
                "path": str(info.path),
                "sha256": info.sha256,
                "ready": info.ready,
                "problem": info.problem,
            }
        )
        if not info.ready:
            errors.append(f"model {info.name}: {info.problem or 'not ready'}")
    return {
        "models": models,
        "analysis": {
            "speech": {"device": chosen.device, "compute_type": chosen.compute_type},
            "vision": {"device": "cpu"},
        },
        "warnings": warnings,
        "errors": errors,
        "ok": not errors,
    }


def _safe_self_test() -> dict[str, Any]:
    try:
        return self_test()
    except Exception as exc:  # the page must show why, never stay empty
        return {"errors": [f"{type(exc).__name__}: {exc}"], "ok": False}


class DevicePage(QWidget):
    """The self-test as a read-only tree; computed on the shared background pool."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict[str, Any] | None = None
        self._started = False
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Value")])
        self.tree.setAlternatingRowColors(True)
        self.recheck = QPushButton(self.tr("Check again"))
        self.recheck.clicked.connect(self.start)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.recheck)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_loaded)

    def ensure_checked(self) -> None:
        if not self._started:
            self.start()

    def start(self) -> None:
        self._started = True
        self.recheck.setEnabled(False)
        self.summary.setText(self.tr("Checking the models, the GPU and the disk…"))
        self.loader.submit("doctor", _safe_self_test)

    def _on_loaded(self, key: object, result: object) -> None:
        if key != "doctor":
            return
        self.recheck.setEnabled(True)
        report = result if isinstance(result, dict) else {"errors": ["?"], "ok": False}
        self.show_report(report)

    # -- rendering ------------------------------------------------------------------------------
    def _item(
        self,
        parent: QTreeWidget | QTreeWidgetItem,
        label: str,
        value: object = "",
        bad: bool = False,
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label, "" if value is None else str(value)])
        item.setToolTip(1, item.text(1))
        if bad:
            for column in (0, 1):
                item.setForeground(column, QBrush(QColor(RED)))
        if isinstance(parent, QTreeWidget):
            parent.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _generic(self, parent: QTreeWidget | QTreeWidgetItem, key: str, value: Any) -> None:
        """Any part of the report this page has no layout for, shown as it comes."""
        if isinstance(value, dict):
            node = self._item(parent, key, "", bool(value.get("error")))
            for k, v in value.items():
                self._generic(node, str(k), v)
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            node = self._item(parent, key)
            for i, v in enumerate(value):
                self._generic(node, str(i + 1), v)
        elif isinstance(value, list):
            self._item(parent, key, ", ".join(str(v) for v in value) or "-")
        else:
            self._item(parent, key, value)

    def show_report(self, report: dict[str, Any]) -> None:
        self.report = report
        self.tree.clear()
        warnings = [str(w) for w in report.get("warnings") or []]
        errors = [str(e) for e in report.get("errors") or []]
        if errors:
            self.summary.setText(
                f"<b style='color:{RED}'>"
                + self.tr("Problems found: {n}").format(n=len(errors))
                + "</b>"
            )
        elif warnings:
            self.summary.setText(
                f"<b style='color:{RED}'>" + self.tr("Ready, with warnings") + "</b>"
            )
        else:
            self.summary.setText(
                f"<b style='color:{GREEN}'>" + self.tr("Everything is ready") + "</b>"
            )
        if errors:
            node = self._item(self.tree, self.tr("Problems"), len(errors), True)
            for e in errors:
                self._item(node, "", e, True)
        if warnings:
            node = self._item(self.tree, self.tr("Warnings"), len(warnings), True)
            for w in warnings:
                self._item(node, "", w, True)
        shown = {"warnings", "errors", "ok"}
        sections = (
            ("analysis", self._analysis),
            ("models", self._models),
            ("ctranslate2", self._ctranslate2),
            ("onnxruntime", self._onnxruntime),
            ("storage", self._storage),
            ("versions", self._versions),
        )
        for key, render in sections:
            if key not in report:
                continue
            shown.add(key)
            try:
                render(report[key])
            except (KeyError, TypeError, AttributeError, ValueError):
                self._generic(self.tree, key, report[key])  # a shape this page does not know
        rest = {k: v for k, v in report.items() if k not in shown}
        if rest:
            node = self._item(self.tree, self.tr("System"))
            for k, v in rest.items():
                self._generic(node, str(k), v)
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            top.setExpanded(top.text(0) != self.tr("System"))
        self.tree.resizeColumnToContents(0)

    def _error_section(self, title: str, data: dict) -> bool:
        if isinstance(data, dict) and data.get("error"):
            self._item(self.tree, title, data["error"], True)
            return True
        return False

    def _analysis(self, data: dict) -> None:
        title = self.tr("Analysis will use")
        if self._error_section(title, data):
            return
        speech = data["speech"]
        node = self._item(
            self.tree,
            title,
            self.tr("speech on {device} ({compute}), images and on-screen text on {vision}").format(
                device=str(speech["device"]).upper(),
                compute=speech.get("compute_type", "?"),
                vision=str(data.get("vision", {}).get("device", "cpu")).upper(),
            ),
        )
        if data.get("requested"):
            self._item(node, self.tr("Device setting"), data["requested"])
        if speech.get("warning"):
            self._item(node, self.tr("Warning"), speech["warning"], True)

    def _models(self, models: list) -> None:
        bad = [m for m in models if not m.get("ready")]
        node = self._item(
            self.tree,
            self.tr("Models"),
            self.tr("{ok} of {n} ready, hashes checked").format(
                ok=len(models) - len(bad), n=len(models)
            ),
            bool(bad),
        )
        for m in models:
            ready = bool(m.get("ready"))
            state = (
                self.tr("ready, hash matches")
                if ready
                else m.get("problem") or self.tr("not ready")
            )
            child = self._item(node, f"{m.get('role', '')}: {m.get('name', '')}", state, not ready)
            if m.get("opt_in"):
                self._item(child, self.tr("Opt-in"), self.tr("licence not stated"), True)
            for label, key in (
                (self.tr("SHA-256"), "sha256"),
                (self.tr("Licence"), "licence"),
                (self.tr("Source"), "source"),
                (self.tr("Origin"), "origin"),
                (self.tr("Path"), "path"),
            ):
                if m.get(key):
                    self._item(child, label, m[key])

    def _ctranslate2(self, data: dict) -> None:
        title = self.tr("GPU for speech (CTranslate2)")
        if self._error_section(title, data):
            return
        count = int(data.get("cuda_devices", 0))
        node = self._item(self.tree, title, self.tr("{n} CUDA device(s)").format(n=count))
        for device, types in (data.get("compute_types") or {}).items():
            self._item(
                node,
                self.tr("Compute types on {device}").format(device=device.upper()),
                ", ".join(types) or "-",
            )

    def _onnxruntime(self, data: dict) -> None:
        title = self.tr("onnxruntime providers")
        if self._error_section(title, data):
            return
        self._item(self.tree, title, ", ".join(data.get("providers", [])) or "-")

    def _storage(self, data: dict) -> None:
        title = self.tr("User folder")
        if self._error_section(title, data):
            return
        free = data["free_bytes"] / 1024**3
        node = self._item(self.tree, title, self.tr("{free:.1f} GiB free").format(free=free))
        self._item(node, self.tr("Path"), data.get("user_folder", ""))
        if data.get("portable"):
            self._item(node, self.tr("Portable mode"), self.tr("yes"))

    def _versions(self, data: dict) -> None:
        node = self._item(self.tree, self.tr("Versions"))
        for name, version in data.items():
            self._item(node, name, version or self.tr("not installed"))

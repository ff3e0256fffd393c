"""Export and verify dialogs end to end with the real engine (keys with scrypt, export_case,
verify_package), and the settings page that shows the engine's self-test."""

from __future__ import annotations

import shutil
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from reviewer.evidence import create_key, list_keys
from reviewer.settings import Settings
from reviewer.store import open_case
from ui.export_dialog import ExportDialog
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.ui_settings import UiSettings
from ui.verify_dialog import VerifyDialog
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(60)
OFFICER = "CA-001"
PASSPHRASE = "mật khẩu dài 2024"
ROOT = Path(__file__).resolve().parents[1]
# Source texts whose Vietnamese differs: any of them left on screen is untranslated.
ENGLISH = {
    m.find("source").text
    for m in ET.parse(ROOT / "resources" / "i18n" / "reviewer_vi.ts").getroot().iter("message")
    if m.find("translation").text != m.find("source").text
}


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A built case with one confirmed and one pending flag."""
    folder = tmp_path / "case"
    build_case(folder, segments=4, flags=2, texts=1)
    with open_case(folder, create=False) as case:
        first = case.flags()[0]
        case.decide_flag(first["id"], "confirmed", OFFICER, "Rõ ràng")
    return folder


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def open_export(qtbot, case_dir: Path, usb: Path) -> ExportDialog:
    dialog = ExportDialog(case_dir, OFFICER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.destination.setText(str(usb))
    return dialog


def finish(qtbot, dialog: ExportDialog, kind: str) -> None:
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as done:
        dialog.export_button.click()
    assert done.args == [kind], dialog.message.text()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10000)


def packages(usb: Path) -> list[Path]:
    return sorted(usb.iterdir())


def test_first_export_creates_the_key_and_verifies(qtbot, case_dir: Path, usb: Path) -> None:
    dialog = open_export(qtbot, case_dir, usb)
    assert dialog.creating_key()  # no key yet on this workstation
    assert "1" in dialog.flags_info.text()
    assert "Free space" in dialog.destination_info.text()
    dialog.include_pending.setChecked(True)
    assert "1 confirmed and 1 pending" in dialog.flags_info.text()
    dialog.include_pending.setChecked(False)

    # Mismatched passphrases are refused before anything runs.
    dialog.new_passphrase.setText(PASSPHRASE)
    dialog.new_confirm.setText(PASSPHRASE + "x")
    dialog.export_button.click()
    assert dialog.task is None and "differ" in dialog.message.text()

    dialog.new_confirm.setText(PASSPHRASE)
    finish(qtbot, dialog, "ok")
    result = dialog.result
    assert result is not None and result.path.is_dir() and result.verify.ok
    assert packages(usb) == [result.path]
    text = dialog.message.text()
    assert "verified" in text and result.path.name in text and "Intact" in text
    assert [k.officer for k in list_keys()] == [OFFICER]
    assert not dialog.creating_key()  # the next export unlocks the key just made
    assert dialog.new_passphrase.text() == ""  # no passphrase left in the widgets
    assert dialog.export_button.isEnabled()

    # The package verifies in the verify dialog, trusted through this workstation's keys ...
    verify = VerifyDialog(package=result.path)
    qtbot.addWidget(verify)
    verify.show()
    with qtbot.waitSignal(verify.verify_finished, timeout=30000):
        verify.verify_button.click()
    assert verify.report is not None and verify.report.status == "ok"
    assert "INTACT AND TRUSTED" in verify.status_label.text()
    assert OFFICER in verify.details.text()
    assert verify.checks.topLevelItemCount() == len(verify.report.checks) >= 9

    # ... untrusted when only the package's own key vouches for it ...
    verify.trust_local.setChecked(False)
    with qtbot.waitSignal(verify.verify_finished, timeout=30000):
        verify.verify_button.click()
    assert verify.report.status == "untrusted"
    assert "UNTRUSTED SIGNER" in verify.status_label.text()
    # ... and trusted again through the officer's .pub file.
    assert verify.add_key_files([list_keys()[0].public_path])
    assert verify.key_list.count() == 1
    with qtbot.waitSignal(verify.verify_finished, timeout=30000):
        verify.verify_button.click()
    assert verify.report.status == "ok"

    # A copy with one byte flipped in an original is tampered.
    copy = usb.parent / "copy" / result.path.name
    shutil.copytree(result.path, copy)
    original = next((copy / "data" / "originals").iterdir())
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0xFF
    original.write_bytes(bytes(data))
    verify.package.setText(str(copy))
    with qtbot.waitSignal(verify.verify_finished, timeout=30000):
        verify.verify_button.click()
    assert verify.report.status == "tampered"
    assert "TAMPERED" in verify.status_label.text()
    failed = [
        verify.checks.topLevelItem(i).text(1)
        for i in range(verify.checks.topLevelItemCount())
        if verify.checks.topLevelItem(i).text(1) == "FAILED"
    ]
    assert failed  # the check that stopped it is listed
    assert not verify.add_key_files([original])  # not a key file: refused, with a reason
    assert "Not a public key file" in verify.status_label.text()


def test_wrong_passphrase_keeps_the_dialog_usable(qtbot, case_dir: Path, usb: Path) -> None:
    create_key(OFFICER, PASSPHRASE, "Trần Văn An")
    dialog = open_export(qtbot, case_dir, usb)
    assert not dialog.creating_key()
    assert "Trần Văn An" in dialog.key_choice.currentText()
    dialog.passphrase.setText("not the passphrase")
    finish(qtbot, dialog, "passphrase")
    assert "Wrong passphrase" in dialog.message.text()
    assert packages(usb) == []
    # Nothing lost: destination and choices stay, the form is enabled again.
    assert dialog.destination.text() == str(usb)
    assert dialog.export_button.isEnabled() and dialog.passphrase.isEnabled()
    assert dialog.passphrase.text() == ""
    dialog.passphrase.setText(PASSPHRASE)
    finish(qtbot, dialog, "ok")
    assert dialog.result is not None and packages(usb) == [dialog.result.path]


def test_cancel_during_export_leaves_no_package(qtbot, case_dir: Path, usb: Path) -> None:
    create_key(OFFICER, PASSPHRASE)
    dialog = open_export(qtbot, case_dir, usb)
    dialog.passphrase.setText(PASSPHRASE)
    reached, gate = threading.Event(), threading.Event()

    def hold(event) -> None:
        # Runs in the export thread: hold it at the clips stage until the officer cancels.
        if event.stage == "clips" and not reached.is_set():
            reached.set()
            gate.wait(10)

    dialog.export_button.clicked.connect(
        lambda: dialog.task.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    )
    dialog.export_button.click()
    qtbot.waitUntil(reached.is_set, timeout=20000)
    assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    dialog.reject()  # closing mid-export cancels, and the dialog stays until it has stopped
    assert dialog.isVisible() and dialog.task.cancel.is_set()
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as done:
        gate.set()
    assert done.args == ["cancelled"]
    assert "cancelled" in dialog.message.text()
    assert packages(usb) == []  # not even a .partial folder
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10000)
    assert dialog.export_button.isEnabled()


def test_nothing_to_export_is_said_before_starting(qtbot, tmp_path: Path, usb: Path) -> None:
    folder = tmp_path / "undecided"
    build_case(folder, segments=4, flags=2, texts=1)
    dialog = open_export(qtbot, folder, usb)
    dialog.new_passphrase.setText(PASSPHRASE)
    dialog.new_confirm.setText(PASSPHRASE)
    dialog.export_button.click()
    assert dialog.task is None and "no flags" in dialog.message.text()
    assert list_keys() == []  # no key made for an export that cannot run


def test_device_page_shows_the_self_test(qtbot) -> None:
    dialog = SettingsDialog(Settings(), UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    page = dialog.device_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=30000)
    labels = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert "Analysis will use" in labels and "Models" in labels
    models = next(
        page.tree.topLevelItem(i)
        for i in range(page.tree.topLevelItemCount())
        if page.tree.topLevelItem(i).text(0) == "Models"
    )
    assert models.childCount() >= 1
    assert page.summary.text()


def test_dialogs_are_translated_and_reachable_from_the_case_menu(
    qtbot, case_dir: Path, usb: Path
) -> None:
    app = QApplication.instance()
    assert install_translator(app, "vi") == "vi"
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        action = window.actions_by_name["export_evidence"]
        assert action in window.case_menu.actions()
        assert window.actions_by_name["verify_package"] in window.case_menu.actions()
        assert action.shortcut().toString() == "Ctrl+E"
        assert action.text() == "Xuất chứng cứ…"
        export = open_export(qtbot, case_dir, usb)
        verify = VerifyDialog()
        qtbot.addWidget(verify)
        verify.show()
        settings = SettingsDialog(Settings(), UiSettings())
        qtbot.addWidget(settings)
        settings.show()
        for dialog in (export, verify, settings):
            texts = [dialog.windowTitle()]
            for w in dialog.findChildren(QWidget):
                if not w.isVisibleTo(dialog):
                    continue
                if isinstance(w, QLabel | QAbstractButton | QGroupBox):
                    texts.append(w.title() if isinstance(w, QGroupBox) else w.text())
                if isinstance(w, QLineEdit):
                    texts.append(w.placeholderText())
                if isinstance(w, QTabWidget):
                    texts += [w.tabText(i) for i in range(w.count())]
            english = [t for t in texts if t and t in ENGLISH]
            assert english == [], type(dialog).__name__
        assert "Vụ việc: case" in [w.text() for w in export.findChildren(QLabel)]
    finally:
        install_translator(app, "en")

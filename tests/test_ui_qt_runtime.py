"""The Qt build we ship must not leak references to None (PySide6 6.12.0 on Python 3.11 did)."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_keep_none_refcount(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.update()
    # A leaking build loses one reference per call (-4000 here); allow noise from the interpreter.
    assert sys.getrefcount(None) - before > -50

"""Frozen entry point of the bundled desktop application (PyInstaller runs this file).

`--smoke-quit` (or REVIEWER_SMOKE_QUIT=1) opens the main window, lets the event loop run for a
moment, closes every window through the normal close path and exits: the bundle smoke test uses
it to prove the frozen GUI starts and quits cleanly without a person at the screen.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

# onnxruntime >= 1.21 can fail to load on Windows when imported after some Qt bindings:
# load the inference runtimes before Qt.
import ctranslate2  # noqa: F401  (import order matters, see above)
import onnxruntime  # noqa: F401

SMOKE_FLAG = "--smoke-quit"
SMOKE_DELAY_MS = 1500


def _smoke_requested(argv: list[str]) -> tuple[bool, list[str]]:
    rest = [a for a in argv if a != SMOKE_FLAG]
    return (len(rest) != len(argv) or os.environ.get("REVIEWER_SMOKE_QUIT") == "1"), rest


def run(argv: list[str]) -> int:
    smoke, argv = _smoke_requested(argv)
    try:
        from ui.app import create_app
        from ui.app import main as ui_main
    except ImportError as exc:  # a bundle built before ui/ existed: say so, do not crash
        sys.stderr.write(
            f"livestream-reviewer: the desktop application is not in this build ({exc}).\n"
        )
        return 3
    if smoke:
        from PySide6.QtCore import QTimer

        app = create_app(argv)  # ui.app.main reuses this instance

        def _quit() -> None:
            app.closeAllWindows()  # the windows' closeEvent saves state and stops analysis
            sys.stdout.write("smoke-quit: windows closed\n")
            sys.stdout.flush()
            app.quit()

        QTimer.singleShot(SMOKE_DELAY_MS, _quit)
    return ui_main(argv, first_run=not smoke)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))

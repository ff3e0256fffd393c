"""Screenshot of the main window with the demo case loaded, taken from the screen (a real X
window under Xvfb), because QWidget.grab() leaves the QVideoWidget blank.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_ui.py out.png [--case DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.app import create_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--case", type=Path, help="case folder (default: the demo case)")
    parser.add_argument("--flag", type=int, default=2, help="select the n-th flag in the list")
    parser.add_argument("--language", default="vi")
    args = parser.parse_args()
    app = create_app()
    window = MainWindow()
    window.set_ui_language(args.language)
    window.setGeometry(0, 0, 1600, 1000)
    window.show()
    if args.case:
        window.open_case(args.case, create=False)
    else:
        window.open_demo()
    for _ in range(args.flag):
        window.move_flag(1)

    def shoot() -> None:
        window.loader.wait()
        app.processEvents()
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).copy(window.frameGeometry()).save(str(args.out))
        print(f"wrote {args.out}")
        window.close()
        app.quit()

    # Give the video backend time to show the first frame and the frame grabber to finish.
    QTimer.singleShot(4000, shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())

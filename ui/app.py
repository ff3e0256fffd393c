"""Entry point: `reviewer gui [--case DIR]` and `make run`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .first_run import run_first_start
from .i18n import install_translator
from .main_window import MainWindow
from .ui_settings import load_ui_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer gui", description="Livestream Reviewer")
    parser.add_argument("--case", help="case folder to open (default: the demo case)")
    return parser


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("Livestream Reviewer")
    app.setOrganizationName("LivestreamReviewer")
    install_translator(app, load_ui_settings().ui_language)
    return app


def main(argv: list[str] | None = None, first_run: bool = True) -> int:
    """`first_run=False`: no first-start dialog (a smoke test has nobody to answer it)."""
    args = build_parser().parse_args(argv)
    app = create_app()
    if first_run and run_first_start():
        install_translator(app, load_ui_settings().ui_language)
    window = MainWindow()
    window.show()
    if args.case:
        window.open_case(Path(args.case))
    else:
        window.open_demo()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

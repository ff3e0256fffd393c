"""Interface language: Qt translators from resources/i18n, and labels for engine ids."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reviewer.paths import resource_path

TS_CONTEXT = "Labels"
LANGUAGES = ("vi", "en")
_installed: list[QTranslator] = []


def i18n_dir():
    return resource_path("i18n")


def resolve_language(choice: str) -> str:
    """'system' picks Vietnamese on a Vietnamese system, English elsewhere."""
    if choice in LANGUAGES:
        return choice
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def install_translator(app: QApplication, choice: str) -> str:
    """Load the .qm for the chosen language (English is the source text); returns the language."""
    language = resolve_language(choice)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "en":
        translator = QTranslator(app)
        if translator.load(f"reviewer_{language}", str(i18n_dir())):
            app.installTranslator(translator)
            _installed.append(translator)
    qt_translator = QTranslator(app)
    # Qt's own strings (standard dialog buttons) when the Qt build ships them.
    from PySide6.QtCore import QLibraryInfo

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    app.setProperty("ui_language", language)
    return language


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("ui_language") if app else None
    return value or "en"


def tr(text: str) -> str:
    return QCoreApplication.translate(TS_CONTEXT, text)


@cache
def _category_file() -> dict:
    from reviewer.text.lexicon import category_table  # here: the text package is not light

    return category_table()


def category_label(category: str) -> str:
    """Vietnamese or English label from the lexicon data; agency categories show their id."""
    labels = _category_file().get(category, {})
    label = labels.get(current_language()) or labels.get("en") or category
    return label if isinstance(label, str) else category


def category_short(category: str) -> str:
    """A short label for tables and the timeline (the full one goes in the tooltip)."""
    short = _category_file().get(category, {}).get("short") or {}
    if isinstance(short, dict):
        label = short.get(current_language()) or short.get("en")
        if label:
            return str(label)
    return category_label(category)


def categories() -> list[str]:
    """The shipped category ids, in categories.json's order."""
    return list(_category_file())


def status_label(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("Labels", "pending"),
        "confirmed": QCoreApplication.translate("Labels", "confirmed"),
        "rejected": QCoreApplication.translate("Labels", "rejected"),
        "unsure": QCoreApplication.translate("Labels", "unsure"),
    }.get(status, status)


def source_label(source: str) -> str:
    return {
        "speech": QCoreApplication.translate("Labels", "speech"),
        "ocr": QCoreApplication.translate("Labels", "on-screen text"),
        "cluster": QCoreApplication.translate("Labels", "on the cluster"),
        "image": QCoreApplication.translate("Labels", "image"),
        "officer": QCoreApplication.translate("Labels", "added by the officer"),
    }.get(source, source)


def stage_label(stage: str) -> str:
    return {
        "queued": QCoreApplication.translate("Labels", "queued"),
        "ingest": QCoreApplication.translate("Labels", "hashing"),
        "speech": QCoreApplication.translate("Labels", "speech"),
        "ocr": QCoreApplication.translate("Labels", "on-screen text"),
        "cluster": QCoreApplication.translate("Labels", "on the cluster"),
        "detect": QCoreApplication.translate("Labels", "detecting"),
        "done": QCoreApplication.translate("Labels", "done"),
        "failed": QCoreApplication.translate("Labels", "failed"),
        "skipped": QCoreApplication.translate("Labels", "already analysed"),
        "cancelled": QCoreApplication.translate("Labels", "cancelled"),
        "loading": QCoreApplication.translate("Labels", "loading model"),
    }.get(stage, stage)


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"

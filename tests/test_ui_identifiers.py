"""The Identifiers panel over real case databases (real demo media): grouped by kind, a click
plays the moment, "seen in N other cases" from the workstation index, and opening that case."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.identifiers.index import add_case
from reviewer.store import open_case
from ui.main_window import MainWindow
from ui_case_builder import build_case

pytestmark = pytest.mark.timeout(90)


def _items(tree) -> dict[str, object]:
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out[top.text(0)] = top
    return out


def test_identifiers_panel(qtbot, tmp_path: Path) -> None:
    a, b = tmp_path / "A", tmp_path / "B"
    build_case(a, segments=12, flags=4, texts=4)
    build_case(b, segments=4, flags=1, texts=1)
    with open_case(a) as case, case.transaction() as conn:
        conn.execute(
            "INSERT INTO segment (media_id, start_s, end_s, text, language) VALUES"
            " (1, 21, 24, 'zalo em không chín ba tám bốn năm sáu một hai bảy nha', 'vi')"
        )
    add_case(b)  # the other case is known to this workstation
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_case(a, create=False)
    panel = w.identifiers
    tabs = w.bottom_tabs
    tabs.setCurrentIndex(tabs.indexOf(panel))
    assert tabs.tabText(tabs.indexOf(panel)) in ("Identifiers", "Định danh")
    groups = _items(panel.tree)
    accounts = next(v for k, v in groups.items() if k.startswith(panel.kind_label("bank_account")))
    phones = next(v for k, v in groups.items() if k.startswith(panel.kind_label("phone")))
    account = accounts.child(0)
    assert account.text(0).startswith("0123456789")
    assert "1" in account.text(1)  # seen in 1 other case
    assert account.childCount() == 4 + 1  # four on-screen moments, then "other cases"
    phone = phones.child(0)
    assert phone.text(0).startswith("0938 456 127")
    # Click the spoken phone's moment: the player goes there.
    with qtbot.waitSignal(panel.moment_chosen) as got:
        panel._on_click(phone.child(0), 0)
    assert got.args == [1, 21.0]
    qtbot.waitUntil(lambda: abs(w.player.position_s() - 21.0) < 1.0, timeout=5000)
    # Expand "other cases" and open the other case from there.
    others = account.child(account.childCount() - 1)
    others.setExpanded(True)
    assert others.childCount() == 1
    assert others.child(0).text(0) == str(b.resolve())
    w.grab().save("/tmp/h23_identifiers_panel.png")  # to look at by hand
    panel._on_click(others.child(0), 0)
    qtbot.waitUntil(
        lambda: w.data is not None and w.data.folder == b.resolve() or w.data.folder == b
    )
    w.close()

"""Identifiers in an evidence package: case.json's list and the report's table.

Bystanders' phone numbers and accounts are personal data: only identifiers seen inside a decided
flag of the package, or marked relevant by an officer, leave the case."""

from __future__ import annotations

import html
from typing import Any

from ..identifiers.store import case_identifiers, refresh_identifiers
from ..store.case import Case

KIND_VI = {
    "phone": "Số điện thoại",
    "bank_account": "Tài khoản ngân hàng",
    "qr": "Mã QR",
    "url": "Đường dẫn",
    "handle": "Tài khoản mạng xã hội",
    "email": "Thư điện tử",
    "wallet": "Ví tiền mã hoá",
    "money": "Số tiền",
}
SOURCE_VI = {"ocr": "chữ trên màn hình", "qr": "mã QR", "speech": "lời nói"}


def exportable_identifiers(case: Case, flags: list[dict]) -> list[dict[str, Any]]:
    """Identifiers in the exported flags that an officer decided, or marked relevant."""
    decided = {f["id"] for f in flags if f["status"] not in ("pending", "rejected")}
    refresh_identifiers(case, read_pictures=False)
    out = []
    for ident in case_identifiers(case):
        in_flags = sorted(set(ident["flags"]) & decided)
        if not in_flags and not ident["relevant"]:
            continue
        entry = {k: v for k, v in ident.items() if k != "flags"}
        entry["flags"] = in_flags
        out.append(entry)
    return out


def when_seen(occ: dict) -> str:
    if occ["start_s"] is None:
        return "ảnh chụp"
    s = int(occ["start_s"])
    return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}"


def identifiers_table_html(identifiers: list[dict[str, Any]]) -> str:
    """The report's identifiers table (value, kind, where seen, in which flags)."""
    esc = html.escape
    rows = []
    for ident in identifiers:
        where = "<br>".join(
            f"{esc(o['media'] or '')} · {when_seen(o)} · {esc(SOURCE_VI.get(o['source'], o['source']))}"
            for o in ident["occurrences"][:6]
        )
        if len(ident["occurrences"]) > 6:
            where += f"<br>… {len(ident['occurrences']) - 6} lần khác"
        flags = ", ".join(f"#{n}" for n in ident["flags"]) or (
            "đánh dấu liên quan" if ident["relevant"] else "-"
        )
        bank = f" ({esc(ident['bank'])})" if ident.get("bank") else ""
        rows.append(
            f"<tr><td>{esc(ident['display'])}{bank}</td>"
            f"<td>{esc(KIND_VI.get(ident['kind'], ident['kind']))}</td>"
            f"<td>{where}</td><td>{esc(flags)}</td></tr>"
        )
    body = "\n".join(rows) or "<tr><td colspan='4'>-</td></tr>"
    return (
        '<section class="identifiers"><h2>Thông tin định danh</h2>'
        "<table><tr><th>Giá trị</th><th>Loại</th><th>Nơi xuất hiện</th><th>Cảnh báo</th></tr>"
        f"{body}</table></section>"
    )


def with_identifiers(report_html: bytes, identifiers: list[dict[str, Any]]) -> bytes:
    """report.html with the identifiers table before its end (the layout stays report.py's)."""
    text = report_html.decode("utf-8")
    table = identifiers_table_html(identifiers)
    at = text.rfind("</body>")
    text = text[:at] + table + "\n" + text[at:] if at >= 0 else text + table
    return text.encode("utf-8")

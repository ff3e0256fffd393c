"""The identifiers table of report.pdf: the same rows as report.html's (identifiers_section.py),
as an fpdf2 table in the report's DejaVu font."""

from __future__ import annotations

from typing import Any

from .identifiers_section import KIND_VI, SOURCE_VI, when_seen

MAX_PLACES = 6  # occurrences listed per identifier, as in report.html
COLUMNS_MM = (46.0, 36.0, 76.0, 22.0)  # value, kind, where seen, flags (A4 less margins)


def identifier_rows(identifiers: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(value, kind, where seen, in which flags) of each exported identifier, as plain text."""
    rows = []
    for ident in identifiers:
        places = [
            f"{o['media'] or ''} · {when_seen(o)} · {SOURCE_VI.get(o['source'], o['source'])}"
            for o in ident["occurrences"][:MAX_PLACES]
        ]
        if len(ident["occurrences"]) > MAX_PLACES:
            places.append(f"… {len(ident['occurrences']) - MAX_PLACES} lần khác")
        flags = ", ".join(f"#{n}" for n in ident["flags"]) or (
            "đánh dấu liên quan" if ident["relevant"] else "-"
        )
        bank = f" ({ident['bank']})" if ident.get("bank") else ""
        kind = KIND_VI.get(ident["kind"], ident["kind"])
        rows.append((f"{ident['display']}{bank}", kind, "\n".join(places), flags))
    return rows


def identifiers_table_pdf(pdf: Any, identifiers: list[dict[str, Any]]) -> None:
    """The heading and table at the PDF's current position (the font is the report's)."""
    from fpdf.enums import TableCellFillMode

    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 6, f"Thông tin định danh ({len(identifiers)})", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    scale = width / sum(COLUMNS_MM)
    with pdf.table(
        col_widths=tuple(w * scale for w in COLUMNS_MM),
        width=width,
        line_height=4,
        text_align="LEFT",
        cell_fill_mode=TableCellFillMode.ROWS,
        cell_fill_color=245,
    ) as table:
        table.row(("Giá trị", "Loại", "Nơi xuất hiện", "Cảnh báo"))
        for row in identifier_rows(identifiers) or [("-", "", "", "")]:
            table.row(row)

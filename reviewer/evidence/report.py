"""report.html and report.pdf (Vietnamese text, DejaVu fonts), and the VERIFY.txt instructions."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

from ..paths import resource_path
from .minisign import fingerprint_groups

DECISION_VI = {
    "confirmed": "Xác nhận vi phạm",
    "pending": "Chưa xem xét",
    "unsure": "Chưa chắc chắn",
    "rejected": "Bác bỏ",
}
SOURCE_VI = {
    "speech": "Lời nói",
    "ocr": "Chữ trên màn hình",
    "image": "Hình ảnh",
    "officer": "Cán bộ thêm (added by the officer)",
}
OFFICER_ADDED = "Do cán bộ thêm (added by the officer): không do máy phát hiện"
OFFICER_EDITED = "Thời điểm/loại do cán bộ sửa (edited by the officer): {who}"


@dataclass
class ReportFlag:
    number: int  # the case's flag id, as the app and the CLI show it
    media_name: str
    media_file: str  # path inside the package
    start_s: float | None  # None: a screenshot (no time)
    end_s: float | None
    category: str
    category_vi: str
    score: float
    source: str
    text: str
    matched: list[str]
    decision: str
    reviewer: str
    decided_utc: str
    note: str
    clip: str | None
    clip_sha256: str | None
    added_by_officer: bool = False
    edited_by: str = ""
    stills: list[tuple[str, bytes]] = field(default_factory=list)  # (package path, JPEG bytes)
    why: str = ""  # why the detector flagged it: terms, pattern or nearest labelled example


@dataclass
class ReportData:
    package_id: str
    case_id: str
    case_name: str
    created_utc: str
    tool: str
    officer: str
    officer_name: str
    workstation: str
    key_id: str
    fingerprint: str
    flags: list[ReportFlag]
    originals: list[dict[str, Any]]  # {file, original_name, size, sha256}
    # {name, sha256, licence, source, opt_in}: every model behind the exported flags.
    models: list[dict[str, Any]] = field(default_factory=list)


STILL_W_MM = 88.0  # two stills side by side on A4
STILL_GAP_MM = 4.0
OPT_IN_VI = " (tùy chọn: giấy phép trọng số chưa được công bố / opt-in, licence not stated)"


def category_labels() -> dict[str, str]:
    """Vietnamese label per shipped category id (the report is written in Vietnamese)."""
    from ..text.lexicon import category_table  # here: the text package loads its model code

    return {cid: str(entry.get("vi", cid)) for cid, entry in category_table().items()}


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms // 100}"


SCREENSHOT = "ảnh chụp màn hình / screenshot"


def when(f: ReportFlag) -> str:
    """A flag's time span, or that it is a screenshot (a picture has no time)."""
    if f.start_s is None:
        return SCREENSHOT
    end = f.end_s if f.end_s is not None else f.start_s
    return f"{clock(f.start_s)} – {clock(end)}"


def local_time(utc_text: str) -> str:
    """A stored UTC time as the officer reads it: "06/12/2026 09:39 (UTC+07:00)" in this
    workstation's time zone. The record itself (case.json, seal, audit log) keeps UTC."""
    from datetime import UTC, datetime

    if not utc_text:
        return ""
    try:
        moment = datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    except ValueError:
        return utc_text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    offset = local.strftime("%z") or "+0000"
    return f"{local:%d/%m/%Y %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def verify_instructions(package_id: str, key_id: str, fingerprint: str) -> str:
    """VERIFY.txt: how anyone checks the package, with or without our program. Vietnamese
    first (the officers' and courts' language), the same steps in English after it."""
    fp = fingerprint_groups(fingerprint)
    return f"""KIỂM TRA GÓI CHỨNG CỨ {package_id}

Khóa ký (key id): {key_id}
Dấu vân tay khóa (SHA-256 của khóa công khai Ed25519):
  {fp}
Đối chiếu dấu vân tay này với khóa công khai do đơn vị cấp, KHÔNG chỉ với tệp meta/signer.pub
trong gói (ai sửa gói cũng có thể thay tệp đó).

1. Bằng phần mềm Livestream Reviewer:
     reviewer verify {package_id} --trusted-key officer.pub
   Mã thoát 0: nguyên vẹn và do khóa tin cậy ký; 1: đã bị sửa (tệp bị sửa được nêu tên);
   3: do một khóa không được tin cậy ký; 4: không phải gói đầy đủ (hỏng hoặc chưa ghi xong).

2. Không cần phần mềm (máy nào có minisign và coreutils):
   a) Chữ ký của niêm phong (dùng bản khóa công khai của cán bộ do đơn vị giữ):
        minisign -V -p officer.pub -m seal/seal.json
      Phải in ra "Signature and comment signature verified" và một chú thích tin cậy
      có tên {package_id}.
   b) Niêm phong ghim các bản kê thẻ: so các mã băm "tag_manifests" trong seal/seal.json với
        sha256sum tagmanifest-sha256.txt tagmanifest-sha512.txt
   c) Các tệp thẻ (bagit.txt, bag-info.txt, các bản kê, meta/):
        sha256sum -c tagmanifest-sha256.txt && sha512sum -c tagmanifest-sha512.txt
   d) Mọi tệp chứng cứ trong data/:
        sha256sum -c manifest-sha256.txt && sha512sum -c manifest-sha512.txt
   e) Ngoài các tệp có trong bản kê, hai bản kê thẻ và seal/, không được có tệp nào khác;
      không được có fetch.txt và không có liên kết (link).
   f) data/case/audit-log.jsonl là chuỗi băm: mã băm của mỗi dòng là SHA-256 của mảng JSON
      gọn [seq, utc, officer, workstation, action, payload, prev_hash]; mã băm cuối cùng phải
      bằng "audit.head" trong seal/seal.json.

Mọi lệnh chạy trong thư mục gói. Tên tệp gốc (có dấu tiếng Việt) nằm trong data/case/case.json;
tên tệp trên ổ này cố ý chỉ dùng chữ ASCII. Thời gian trong case.json, seal.json và nhật ký là
giờ UTC; báo cáo hiển thị giờ địa phương.

----------------------------------------------------------------------------------------------
HOW TO VERIFY EVIDENCE PACKAGE {package_id} (English)

Signer key id: {key_id}
Key fingerprint (SHA-256 of the Ed25519 public key):
  {fp}
Compare this fingerprint with the officer's public key obtained from the agency, never only with
meta/signer.pub inside the package (whoever alters a package can replace that file too).

1. With Livestream Reviewer:
     reviewer verify {package_id} --trusted-key officer.pub
   Exit code 0: intact and signed by a trusted key; 1: altered (the changed files are named);
   3: signed by a key you did not trust; 4: not a complete package (malformed or unfinished).

2. Without it (any computer with minisign and coreutils):
   a) minisign -V -p officer.pub -m seal/seal.json  (must verify, comment naming {package_id})
   b) the "tag_manifests" hashes in seal/seal.json must match
        sha256sum tagmanifest-sha256.txt tagmanifest-sha512.txt
   c) sha256sum -c tagmanifest-sha256.txt && sha512sum -c tagmanifest-sha512.txt
   d) sha256sum -c manifest-sha256.txt && sha512sum -c manifest-sha512.txt
   e) no files besides those in the manifests, the two tag manifests and seal/; no fetch.txt,
      no links.
   f) data/case/audit-log.jsonl is hash-chained: each entry's hash is the SHA-256 of the compact
      JSON array [seq, utc, officer, workstation, action, payload, prev_hash]; the last hash must
      equal "audit.head" in seal/seal.json.

All commands run inside the package folder. Original file names (with Vietnamese letters) are in
data/case/case.json; names on this drive are plain ASCII on purpose. Times in case.json, the seal
and the audit log are UTC; the report shows local time.
"""


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in pairs)


def _summary(data: ReportData) -> list[tuple[str, str]]:
    return [
        ("Mã vụ việc (case)", data.case_id + f" — {data.case_name}"),
        ("Gói chứng cứ (package)", data.package_id),
        (
            "Cán bộ ký (officer)",
            data.officer + (f" — {data.officer_name}" if data.officer_name else ""),
        ),
        ("Máy trạm (workstation)", data.workstation),
        ("Khóa ký (key id)", data.key_id),
        ("Dấu vân tay khóa (fingerprint)", fingerprint_groups(data.fingerprint)),
        ("Thời điểm xuất (export time)", local_time(data.created_utc)),
    ]


def _officer_marks(f: ReportFlag) -> list[str]:
    """What a reader must know about a flag a person made or reshaped."""
    marks = [OFFICER_ADDED] if f.added_by_officer else []
    if f.edited_by:
        marks.append(OFFICER_EDITED.format(who=f.edited_by))
    return marks


def render_html(data: ReportData) -> bytes:
    """report.html, placed in data/report/; stills and clips are linked relative to it."""
    template = Template(resource_path("report", "report.html").read_text(encoding="utf-8"))
    esc = html.escape
    sections = []
    for f in data.flags:
        stills = "".join(
            f'<img class="still" src="../{esc(p.removeprefix("data/"))}" alt="ảnh tĩnh">'
            for p, _ in f.stills
        )
        rows = [
            ("Tệp gốc", f"{esc(f.media_name)} <span class='small'>({esc(f.media_file)})</span>"),
            ("Thời điểm", esc(when(f))),
            (
                "Loại vi phạm",
                f"{esc(f.category_vi)} <span class='small'>({esc(f.category)})</span>",
            ),
            ("Nguồn / điểm", f"{esc(SOURCE_VI.get(f.source, f.source))} · {f.score:.2f}"),
            ("Nội dung", esc(f.text or "")),
            ("Từ khớp", esc(", ".join(f.matched)) or "-"),
            ("Lý do", esc(f.why) or "-"),
            (
                "Quyết định",
                f"<span class='decision-{esc(f.decision)}'>"
                f"{esc(DECISION_VI.get(f.decision, f.decision))}</span>"
                + (f" — {esc(f.reviewer)}, {esc(local_time(f.decided_utc))}" if f.reviewer else ""),
            ),
            ("Ghi chú", esc(f.note or "") or "-"),
        ]
        rows.extend(("Cán bộ", esc(text)) for text in _officer_marks(f))
        if f.clip:
            rows.append(
                (
                    "Đoạn trích (clip)",
                    f'<a href="../{esc(f.clip.removeprefix("data/"))}">{esc(f.clip)}</a><br>'
                    f"<span class='hash'>SHA-256 {esc(f.clip_sha256 or '')}</span>",
                )
            )
        sections.append(
            f'<div class="flag"><h3>#{f.number} · {esc(when(f))} · {esc(f.category_vi)}</h3>'
            f"{stills}<table>{_rows(rows)}</table></div>"
        )
    originals = "\n".join(
        f"<tr><td>{esc(o['file'])}</td><td>{esc(o['original_name'])}</td>"
        f"<td>{o['size']:,} B</td><td class='hash'>{esc(o['sha256'])}</td></tr>"
        for o in data.originals
    )
    text = template.substitute(
        package_id=esc(data.package_id),
        created_local=esc(local_time(data.created_utc)),
        tool=esc(data.tool),
        summary_rows=_rows([(k, esc(v)) for k, v in _summary(data)]),
        flag_count=len(data.flags),
        flag_sections="\n".join(sections) or "<p>-</p>",
        original_rows=originals,
        model_rows="\n".join(
            f"<tr><td>{esc(m['name'])}{OPT_IN_VI if m.get('opt_in') else ''}</td>"
            f"<td>{esc(m.get('licence') or '-')}</td><td>{esc(m.get('source') or '-')}</td>"
            f"<td class='hash'>{esc(m.get('sha256') or '')}</td></tr>"
            for m in data.models
        )
        or "<tr><td colspan='4'>-</td></tr>",
        verify_text=esc(verify_instructions(data.package_id, data.key_id, data.fingerprint)),
    )
    return text.encode("utf-8")


def _font_dir() -> Path:
    return resource_path("fonts")


def render_pdf(data: ReportData, identifiers: list[dict[str, Any]] | None = None) -> bytes:
    """report.pdf with embedded (subset) DejaVu fonts, so Vietnamese prints on any machine;
    `identifiers`: the exported ones (identifiers_section), tabled as in report.html."""
    from fpdf import FPDF

    from .identifiers_pdf import identifiers_table_pdf

    pdf = FPDF(format="A4")
    pdf.set_creator(data.tool)
    pdf.set_title(f"Báo cáo chứng cứ {data.package_id}")
    # A fixed creation date keeps the file a pure function of the data.
    pdf.set_creation_date(_parse_utc(data.created_utc))
    pdf.add_font("DejaVu", "", str(_font_dir() / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(_font_dir() / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def line(text: str, size: float = 10, bold: bool = False, wrap_chars: bool = False) -> None:
        _pdf_line(pdf, width, text, size, bold, wrap_chars)

    line("Báo cáo chứng cứ / Evidence report", 16, bold=True)
    line(f"Gói {data.package_id} · {local_time(data.created_utc)} · {data.tool}", 8)
    pdf.ln(3)
    line("Thông tin vụ việc", 12, bold=True)
    for k, v in _summary(data):
        line(f"{k}: {v}", 9)
    pdf.ln(3)
    line(f"Các đoạn được đánh dấu ({len(data.flags)})", 12, bold=True)
    for f in data.flags:
        # A flag's heading, stills and fields stay on one page: rehearse it, and start a new
        # page first when it would break (a block taller than a page breaks where it must).
        with pdf.offset_rendering() as trial:
            _pdf_flag(trial, f, width)
        if trial.page_break_triggered and pdf.get_y() > pdf.t_margin + 1:
            pdf.add_page()
        _pdf_flag(pdf, f, width)
    pdf.ln(3)
    if identifiers is not None:
        identifiers_table_pdf(pdf, identifiers)
        pdf.ln(3)
    line("Tệp gốc và mã băm", 12, bold=True)
    for o in data.originals:
        line(f"{o['file']} — {o['original_name']} — {o['size']:,} B", 9)
        line(f"SHA-256 {o['sha256']}", 7, wrap_chars=True)
    pdf.ln(3)
    line("Mô hình đã dùng (models)", 12, bold=True)
    for m in data.models:
        line(f"{m['name']}{OPT_IN_VI if m.get('opt_in') else ''}", 9, bold=True)
        line(f"Giấy phép: {m.get('licence') or '-'} · Nguồn: {m.get('source') or '-'}", 8)
        line(f"SHA-256 {m.get('sha256') or ''}", 7, wrap_chars=True)
    pdf.add_page()
    line("Cách kiểm tra gói chứng cứ", 12, bold=True)
    line(verify_instructions(data.package_id, data.key_id, data.fingerprint), 8)
    return bytes(pdf.output())


def _pdf_line(
    pdf: Any, width: float, text: str, size: float = 10, bold: bool = False, chars: bool = False
) -> None:
    from fpdf.enums import WrapMode, XPos, YPos

    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(
        width,
        size * 0.5,
        text,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        wrapmode=WrapMode.CHAR if chars else WrapMode.WORD,
    )


def _pdf_flag(pdf: Any, f: ReportFlag, width: float) -> None:
    """One flag's block: heading, stills (matched text boxed in red), then its fields."""
    pdf.ln(2)
    _pdf_line(pdf, width, f"#{f.number} · {when(f)} · {f.category_vi}", 11, True)
    if f.stills:
        # Side by side, so a flag with two stills still leaves room for the next one.
        w = min(STILL_W_MM, (width - STILL_GAP_MM) / 2)
        top, x = pdf.get_y(), pdf.l_margin
        bottom = top
        for _, jpeg in f.stills[:2]:
            info = pdf.image(io.BytesIO(jpeg), x=x, y=top, w=w)
            bottom = max(bottom, top + info.rendered_height)
            x += w + STILL_GAP_MM
        pdf.set_y(bottom + 1)
    _pdf_line(pdf, width, f"Tệp gốc: {f.media_name} ({f.media_file})", 9)
    _pdf_line(
        pdf,
        width,
        f"Loại: {f.category_vi} ({f.category}) · Nguồn: {SOURCE_VI.get(f.source, f.source)} "
        f"· Điểm: {f.score:.2f}",
        9,
    )
    _pdf_line(pdf, width, f"Nội dung: {f.text or '-'}", 9)
    _pdf_line(pdf, width, f"Từ khớp: {', '.join(f.matched) or '-'}", 9)
    _pdf_line(pdf, width, f"Lý do: {f.why or '-'}", 9)
    decided = f" — {f.reviewer}, {local_time(f.decided_utc)}" if f.reviewer else ""
    _pdf_line(
        pdf, width, f"Quyết định: {DECISION_VI.get(f.decision, f.decision)}{decided}", 9, True
    )
    _pdf_line(pdf, width, f"Ghi chú: {f.note or '-'}", 9)
    for text in _officer_marks(f):
        _pdf_line(pdf, width, text, 9, bold=True)
    if f.clip:
        _pdf_line(pdf, width, f"Đoạn trích: {f.clip}  SHA-256 {f.clip_sha256}", 7, chars=True)


def _parse_utc(text: str):
    from datetime import UTC, datetime

    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime.now(UTC)

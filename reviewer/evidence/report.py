"""report.html and report.pdf (Vietnamese text, DejaVu fonts), and the VERIFY.txt instructions."""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

from ..resources import resource_path
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
    number: int
    media_name: str
    media_file: str  # path inside the package
    start_s: float
    end_s: float
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


OPT_IN_VI = " (tùy chọn: giấy phép trọng số chưa được công bố / opt-in, licence not stated)"


def category_labels() -> dict[str, str]:
    try:
        raw = json.loads(resource_path("lexicons", "categories.json").read_text(encoding="utf-8"))
        return {k: v.get("vi", k) for k, v in raw.items() if isinstance(v, dict)}
    except (OSError, ValueError):
        return {}


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms // 100}"


def verify_instructions(package_id: str, key_id: str, fingerprint: str) -> str:
    """VERIFY.txt: how anyone checks the package, with or without our program."""
    return f"""KIỂM TRA GÓI CHỨNG CỨ {package_id} / HOW TO VERIFY THIS EVIDENCE PACKAGE

Người ký / Signer key id: {key_id}
Dấu vân tay khóa / Key fingerprint (SHA-256 of the Ed25519 public key):
  {fingerprint_groups(fingerprint)}
Đối chiếu dấu vân tay này với khóa công khai do đơn vị cấp, KHÔNG chỉ với tệp meta/signer.pub
trong gói (ai sửa gói cũng có thể thay tệp đó).
Compare this fingerprint with the officer's public key obtained from the agency, never only with
meta/signer.pub inside the package (whoever alters a package can replace that file too).

1. With Livestream Reviewer / Bằng phần mềm:
     reviewer verify {package_id} --trusted-key officer.pub
   Exit code 0: intact and signed by a trusted key; 1: altered (tampered);
   3: signed by a key you did not trust; 4: not a complete package (malformed or unfinished).

2. Without it (any computer with minisign and coreutils) / Không cần phần mềm:
   a) Signature of the seal (use the agency's copy of the officer's public key):
        minisign -V -p officer.pub -m seal/seal.json
      It must print "Signature and comment signature verified" and a trusted comment naming
      {package_id}.
   b) The seal pins the tag manifests: compare the "tag_manifests" hashes in seal/seal.json with
        sha256sum tagmanifest-sha256.txt tagmanifest-sha512.txt
   c) Tag files (bagit.txt, bag-info.txt, manifests, meta/):
        sha256sum -c tagmanifest-sha256.txt && sha512sum -c tagmanifest-sha512.txt
   d) Every evidence file under data/:
        sha256sum -c manifest-sha256.txt && sha512sum -c manifest-sha512.txt
   e) No other files may exist besides those listed in the manifests, the two tag manifests and
      seal/; there must be no fetch.txt and no links.
   f) data/case/audit-log.jsonl is hash-chained: each entry's hash is the SHA-256 of the compact
      JSON array [seq, utc, officer, workstation, action, payload, prev_hash]; the last hash must
      equal "audit.head" in seal/seal.json.

All commands run inside the package folder. The original file names (with Vietnamese letters) are
in data/case/case.json; the names on this drive are plain ASCII on purpose.
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
        ("Thời điểm xuất (UTC)", data.created_utc),
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
            ("Thời điểm", f"{clock(f.start_s)} – {clock(f.end_s)}"),
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
                + (f" — {esc(f.reviewer)}, {esc(f.decided_utc)}" if f.reviewer else ""),
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
            f'<div class="flag"><h3>#{f.number}</h3>{stills}<table>{_rows(rows)}</table></div>'
        )
    originals = "\n".join(
        f"<tr><td>{esc(o['file'])}</td><td>{esc(o['original_name'])}</td>"
        f"<td>{o['size']:,} B</td><td class='hash'>{esc(o['sha256'])}</td></tr>"
        for o in data.originals
    )
    text = template.substitute(
        package_id=esc(data.package_id),
        created_utc=esc(data.created_utc),
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


def render_pdf(data: ReportData) -> bytes:
    """report.pdf with embedded (subset) DejaVu fonts, so Vietnamese prints on any machine."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

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
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.multi_cell(
            width,
            size * 0.5,
            text,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            wrapmode=WrapMode.CHAR if wrap_chars else WrapMode.WORD,
        )

    line("Báo cáo chứng cứ / Evidence report", 16, bold=True)
    line(f"Gói {data.package_id} · {data.created_utc} UTC · {data.tool}", 8)
    pdf.ln(3)
    line("Thông tin vụ việc", 12, bold=True)
    for k, v in _summary(data):
        line(f"{k}: {v}", 9)
    pdf.ln(3)
    line(f"Các đoạn được đánh dấu ({len(data.flags)})", 12, bold=True)
    for f in data.flags:
        pdf.ln(2)
        line(f"#{f.number} · {clock(f.start_s)} – {clock(f.end_s)} · {f.category_vi}", 11, True)
        for _, jpeg in f.stills[:2]:
            if pdf.get_y() > pdf.h - 85:
                pdf.add_page()
            pdf.image(io.BytesIO(jpeg), w=min(100, width))
        line(f"Tệp gốc: {f.media_name} ({f.media_file})", 9)
        line(
            f"Loại: {f.category_vi} ({f.category}) · Nguồn: {SOURCE_VI.get(f.source, f.source)} "
            f"· Điểm: {f.score:.2f}",
            9,
        )
        line(f"Nội dung: {f.text or '-'}", 9)
        line(f"Từ khớp: {', '.join(f.matched) or '-'}", 9)
        line(f"Lý do: {f.why or '-'}", 9)
        decided = f" — {f.reviewer}, {f.decided_utc}" if f.reviewer else ""
        line(f"Quyết định: {DECISION_VI.get(f.decision, f.decision)}{decided}", 9, bold=True)
        line(f"Ghi chú: {f.note or '-'}", 9)
        for text in _officer_marks(f):
            line(text, 9, bold=True)
        if f.clip:
            line(f"Đoạn trích: {f.clip}  SHA-256 {f.clip_sha256}", 7, wrap_chars=True)
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


def _parse_utc(text: str):
    from datetime import UTC, datetime

    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return datetime.now(UTC)

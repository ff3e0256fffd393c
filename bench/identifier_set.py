"""A labelled set of livestream-style screenshots for the identifier benchmark and tests: every
kind in several fonts, sizes and backgrounds, VietQR codes of real structure, harmless numbers.

Each shot comes with the identifiers it shows as (kind, normalised value)."""

from __future__ import annotations

import hashlib
import io
import json
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from reviewer.identifiers.checksums import B58, eip55
from reviewer.identifiers.vietqr import encode_vietqr

FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
]
BACKGROUNDS = [((20, 20, 28), (255, 255, 255)), ((250, 240, 220), (30, 30, 30)),
               ((180, 20, 40), (255, 240, 0)), ((30, 90, 160), (255, 255, 255))]  # fmt: skip
BANKS = [("Vietcombank", "VCB", "970436"), ("Techcombank", "TCB", "970407"),
         ("MB Bank", "MB", "970422"), ("ACB", "ACB", "970416"), ("BIDV", "BIDV", "970418"),
         ("VPBank", "VPB", "970432"), ("Sacombank", "STB", "970403")]  # fmt: skip
HARMLESS = ["12:30 - 05/12/2024", "Tỉ số 2-1 phút 89", "12,5k người xem", "Giảm 50% hôm nay",
            "Mã đơn DH20241205123", "Size 38 39 40 41", "Còn 3 ngày 14:05:33",
            "1.234 lượt thích", "Livestream lúc 20h ngày 6/12"]  # fmt: skip


@dataclass
class Shot:
    name: str
    lines: list[str]
    labels: list[tuple[str, str]] = field(default_factory=list)
    qr_payload: str | None = None


def _b58encode(raw: bytes) -> str:
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _b58check(payload: bytes) -> str:
    check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return _b58encode(payload + check)


def _phone(rng: random.Random) -> tuple[str, str]:
    prefix = rng.choice(["90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "32", "33",
                         "35", "37", "38", "39", "70", "76", "77", "78", "79", "81", "83", "84",
                         "85", "56", "58"])  # fmt: skip
    while True:  # numbers in allocated ranges only: phonenumbers knows which are
        rest = "".join(rng.choice("0123456789") for _ in range(7))
        national = "0" + prefix + rest
        if phonenumbers.is_valid_number(phonenumbers.parse(national, "VN")):
            break
    forms = [f"{national[:4]}.{national[4:7]}.{national[7:]}", f"{national[:4]} {national[4:7]} "
             f"{national[7:]}", national, f"+84 {prefix}{rest[:1]} {rest[1:4]} {rest[4:]}"]  # fmt: skip
    lead = rng.choice(["Zalo", "SĐT", "Hotline", "Liên hệ", "Gọi ngay"])
    return f"{lead}: {rng.choice(forms)}", "+84" + prefix + rest


def make_set(n: int = 40, seed: int = 23) -> list[Shot]:
    rng = random.Random(seed)
    shots: list[Shot] = []
    for i in range(n):
        shot = Shot(f"shot{i:03d}", [])
        kinds = rng.sample(["phone", "bank", "url", "handle", "email", "wallet", "money"], 3)
        for kind in kinds:
            if kind == "phone":
                line, value = _phone(rng)
                shot.lines.append(line)
                shot.labels.append(("phone", value))
            elif kind == "bank":
                name, _code, _bin = rng.choice(BANKS)
                acct = "".join(rng.choice("0123456789") for _ in range(rng.choice([10, 12, 13])))
                acct = str(rng.randint(1, 9)) + acct[1:]
                shot.lines.append(rng.choice([f"STK: {acct} {name}", f"{name} - STK {acct}",
                                              f"Chuyển khoản {name}: {acct}"]))  # fmt: skip
                shot.labels.append(("bank_account", acct))
            elif kind == "url":
                word = rng.choice(["keo", "nhacai", "fb", "win", "bet", "hitclub", "sunwin"])
                dom = f"{word}{rng.randint(10, 999)}"
                tld = rng.choice(["club", "top", "com", "vip", "net"])
                shot.lines.append(rng.choice([f"Vào {dom} . {tld}", f"{dom}[.]{tld}",
                                              f"Link: {dom}.{tld}"]))  # fmt: skip
                shot.labels.append(("url", f"{dom}.{tld}"))
            elif kind == "handle":
                name = rng.choice(["keo", "soi", "admin", "hotro", "vip"]) + str(
                    rng.randint(10, 99)
                )
                name += rng.choice(["_vn", "vip", "_official", ""])
                form = rng.choice(["tele", "tme", "tiktok"])
                if form == "tele":
                    shot.lines.append(f"Tele: @{name}")
                    shot.labels.append(("handle", f"telegram/{name}"))
                elif form == "tme":
                    shot.lines.append(f"t.me/{name}")
                    shot.labels.append(("handle", f"telegram/{name}"))
                else:
                    shot.lines.append(f"Tiktok @{name}")
                    shot.labels.append(("handle", f"tiktok/{name}"))
            elif kind == "email":
                user = rng.choice(["hotro", "cskh", "lienhe", "admin"]) + str(rng.randint(1, 999))
                dom = rng.choice(["gmail.com", "yahoo.com", "keo88.vip"])
                shot.lines.append(f"Email: {user}@{dom}")
                shot.labels.append(("email", f"{user}@{dom}"))
            elif kind == "wallet":
                chain = rng.choice(["tron", "eth"])
                body = bytes(rng.randrange(256) for _ in range(20))
                if chain == "tron":
                    addr = _b58check(b"\x41" + body)
                    shot.lines.append("USDT TRC20:")
                    shot.lines.append(addr)
                    shot.labels.append(("wallet", addr))
                else:
                    addr = "0x" + eip55(body.hex())
                    shot.lines.append("ETH:")
                    shot.lines.append(addr)
                    shot.labels.append(("wallet", addr.lower()))
            else:
                amount, text = rng.choice([(200_000, "Nạp 200k"), (5_000_000, "Thưởng 5 triệu"),
                                           (500_000, "Chỉ 500.000đ"), (1_500_000, "Hoàn 1,5tr"),
                                           (50_000, "Tặng 50k")])  # fmt: skip
                shot.lines.append(text)
                shot.labels.append(("money", f"{amount} VND"))
        shot.lines.append(rng.choice(HARMLESS))
        shot.lines.append(rng.choice(HARMLESS))
        rng.shuffle(shot.lines) if False else None  # keep "USDT TRC20:" above its address
        shots.append(shot)
    for i in range(n // 4):  # VietQR transfer codes at phone-screen sizes
        name, code, bin_code = rng.choice(BANKS)
        acct = str(rng.randint(10**9, 10**13 - 1))
        amount = rng.choice([None, 100_000, 500_000])
        payload = encode_vietqr(bin_code, acct, amount, rng.choice([None, "NAP TIEN", "UNG HO"]))
        shot = Shot(f"qr{i:03d}", [rng.choice(HARMLESS)], [("bank_account", acct)], payload)
        if amount:
            shot.labels.append(("money", f"{amount} VND"))
        shots.append(shot)
    return shots


def render(shot: Shot, seed: int = 0, width: int = 720) -> Image.Image:
    rng = random.Random(zlib.crc32(shot.name.encode()) ^ seed)  # same style in every process
    bg, fg = rng.choice(BACKGROUNDS)
    font = ImageFont.truetype(rng.choice(FONTS), rng.choice([26, 30, 36]))
    qr_px = rng.choice([150, 190, 240]) if shot.qr_payload else 0
    height = 80 + 50 * len(shot.lines) + qr_px
    img = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(img)
    y = 30
    for line in shot.lines:
        size = font.size
        line_font = font
        while line_font.getlength(line) > width - 60 and size > 14:  # streams shrink long lines
            size -= 2
            line_font = font.font_variant(size=size)
        draw.text((30, y), line, font=line_font, fill=fg)
        y += font.size + 16
    if shot.qr_payload:
        import segno

        buf = io.BytesIO()
        segno.make(shot.qr_payload, error="m").save(buf, kind="png", scale=4, border=2)
        code = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").resize((qr_px, qr_px))
        img.paste(code, (width - qr_px - 40, y))
    # A screen recording is scaled and compressed: a touch of blur and JPEG.
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def write_set(folder: Path, n: int = 40, seed: int = 23) -> list[Shot]:
    folder.mkdir(parents=True, exist_ok=True)
    shots = make_set(n, seed)
    for shot in shots:
        render(shot, seed).save(folder / f"{shot.name}.png")
    (folder / "labels.json").write_text(
        json.dumps({s.name: s.labels for s in shots}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return shots

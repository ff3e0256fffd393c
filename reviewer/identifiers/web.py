"""Links (also "keo88 . club", "fb88vn[.]top"), social handles and e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Identifier

# Top-level domains a link must end with when it is written without a scheme: without this list
# "v.v", "1.5" or a sentence ending "xong.Mai" would read as a domain.
TLDS = (  # noqa: SIM905
    "com net org info biz xyz top club vip bet win live site online shop store app link pro asia "
    "fun co cc tv me io ly gg to ws one game games casino fm ai us uk cn vn tk ml ga cf bid "
    "icu cyou sbs cfd buzz art life world today news email click run"
).split()
_TLD = "|".join(sorted(TLDS, key=len, reverse=True))
# The dot as people obfuscate it: "[.]", "(.)", " . ", " chấm ", " dot ".
_DOT = r"(?:\s?\[\.\]\s?|\s?\(\.\)\s?|\s?\.\s?|\s(?:chấm|cham|dot)\s)"
_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
_URL = re.compile(
    rf"(?<![\w@.])(?P<scheme>https?\s?:\s?//\s?)?(?P<www>www{_DOT})?"
    rf"(?P<host>{_LABEL}(?:{_DOT}{_LABEL})*?{_DOT}(?:{_TLD})(?:{_DOT}vn)?)(?![\w@])"
    r"(?P<path>/[\w\-./?=&%#~+]*)?",
    re.IGNORECASE,
)
_SOCIAL = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "fb.com": "facebook",
    "facebook.com": "facebook",
    "m.facebook.com": "facebook",
    "tiktok.com": "tiktok",
    "zalo.me": "zalo",
    "instagram.com": "instagram",
    "youtube.com": "youtube",
    "x.com": "x",
    "twitter.com": "x",
}
_PLATFORM_WORD = {
    "tele": "telegram",
    "telegram": "telegram",
    "tg": "telegram",
    "zalo": "zalo",
    "fb": "facebook",
    "facebook": "facebook",
    "face": "facebook",
    "ib": "facebook",
    "tiktok": "tiktok",
    "tik tok": "tiktok",
    "ig": "instagram",
    "insta": "instagram",
    "instagram": "instagram",
}
_STOP = {
    "shop",
    "live",
    "nhe",
    "nha",
    "ngay",
    "minh",
    "admin",
    "group",
    "nhom",
    "kenh",
    "link",
    "inbox",
    "check",
    "free",
    "this",
    "the",
    "voi",
    "cho",
    "official",
    "page",
    "video",
}


def _norm_host(host: str) -> str:
    host = re.sub(_DOT, ".", host.lower())
    return host[4:] if host.startswith("www.") else host


# OCR reads the brackets of "[.]" as "f.l", "(.j", "{.1": put them back (same length, so the
# spans still point into the original text) where a known top-level domain follows.
_MANGLED_DOT = re.compile(
    rf"(?<=[a-z0-9])[\[({{fLlIt|_]?\.[\])}}jJlI1|](?=(?:{_TLD})(?![a-z0-9]))", re.I
)


# ... and the dot of "keo88 . club" as a comma: "keo88 , club", "keo88 ,club", "keo88,club".
_COMMA_DOT = re.compile(rf"(?<=[a-z0-9])(?: , | ,|,)(?=(?:{_TLD})(?![a-z0-9]))", re.I)


def _comma_dot(m: re.Match) -> str:
    """Prose writes ", " after a word; a comma read for a dot follows a name with digits."""
    label = re.search(r"[a-z0-9\-]+$", m.string[: m.start()], re.I)
    return m.group().replace(",", ".") if label and re.search(r"\d", label.group()) else m.group()


def _unmangle(m: re.Match) -> str:
    return "[.]" if len(m.group()) == 3 else ". "  # the same length either way


def urls_and_profile_links(text: str) -> Iterator[Identifier]:
    text_read, text = (
        text,
        _COMMA_DOT.sub(_comma_dot, _MANGLED_DOT.sub(_unmangle, text)),
    )
    for m in _URL.finditer(text):
        host = _norm_host(m.group("host"))
        if not re.search(r"[a-z]", host.split(".")[0]) and not m.group("scheme"):
            continue  # "12.5.top"? a number before a dot is not a name
        path = m.group("path") or ""
        platform = _SOCIAL.get(host)
        if platform and path.strip("/"):
            name = path.strip("/").split("/")[0].split("?")[0].lstrip("@")
            if name:
                yield _handle(platform, name, text_read, (m.start(), m.end()), 0.95)
                continue
        display = host + path.rstrip("/.")
        conf = 0.95 if m.group("scheme") or "." in m.group("host") else 0.85
        yield Identifier("url", host, display, text_read, conf, span=(m.start(), m.end()))


def _handle(platform: str | None, name: str, text: str, span: tuple[int, int], conf: float):
    name = name.lower().rstrip(".")
    value = f"{platform}/{name}" if platform else f"@{name}"
    display = f"{platform}: @{name}" if platform else f"@{name}"
    return Identifier(
        "handle",
        value,
        display,
        text,
        conf,
        span=span,
        details={"platform": platform, "name": name},
    )


_AT_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_][A-Za-z0-9_.]{2,31})(?![\w@]|\.[a-z])")
_WORD_HANDLE = re.compile(
    r"(?<![\w])(?:(?:ib|inbox|nt|nhắn)\s+)?(tele(?:gram)?|tg|zalo|fb|facebook|face|ib|tik\s?tok|ig|insta(?:gram)?)"
    r"\s*[:\-]?\s*(@)?([A-Za-z][A-Za-z0-9_.]{2,31})(?![\w@])",
    re.IGNORECASE,
)


def handles(text: str, taken: list[tuple[int, int]]) -> Iterator[Identifier]:
    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    seen: list[tuple[int, int]] = []
    for m in _WORD_HANDLE.finditer(text):
        word, at, name = m.group(1).lower().replace(" ", ""), m.group(2), m.group(3)
        strong = bool(at) or bool(re.search(r"[\d_.]", name)) or len(name) >= 6
        if not strong or name.lower() in _STOP or not free(m.start(3), m.end(3)):
            continue
        seen.append((m.start(), m.end()))
        yield _handle(_PLATFORM_WORD.get(word), name, text, (m.start(), m.end()), 0.85)
    for m in _AT_HANDLE.finditer(text):
        if not free(m.start(), m.end()) or not all(m.end() <= a or m.start() >= b for a, b in seen):
            continue
        before = text[max(0, m.start() - 15) : m.start()].lower()
        platform = next(
            (p for w, p in _PLATFORM_WORD.items() if re.search(rf"\b{w}\b", before)), None
        )
        yield _handle(platform, m.group(1), text, (m.start(), m.end()), 0.85)


_EMAIL = re.compile(
    r"(?<!\w)(?<!\w\.)([A-Za-z0-9][A-Za-z0-9._%+\-]{0,63})\s?(?:@|\(at\)|\[at\])\s?"
    rf"((?:{_LABEL}{_DOT})+(?:{_TLD})(?:{_DOT}vn)?)(?![\w])",
    re.IGNORECASE,
)


def emails(text: str) -> Iterator[Identifier]:
    for m in _EMAIL.finditer(text):
        value = f"{m.group(1).lower()}@{_norm_host(m.group(2))}"
        yield Identifier("email", value, value, text, 0.9, span=(m.start(), m.end()))

"""Slot fillers and noise for the meaning corpus generator (written for this project)."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

# {slot} fillers of the templates (templates/slots.json)
SLOTS: dict[str, list[str]] = json.loads(
    (Path(__file__).resolve().parent / "templates" / "slots.json").read_text(encoding="utf-8")
)

EMOJI = ["🔥", "💰", "😂", "🤣", "👉", "💯", "❤️", "🎁", "⚡", "😡", "🙏", "!!!", "..."]
ENGLISH_TAGS = [
    "ok",
    "nha",
    "link in bio",
    "100% uy tín",
    "real",
    "free",
    "no scam",
    "pro",
    "vip",
    "bro",
    "guys",
    "easy money",
    "hot",
    "sale",
]

# teencode in the direction writers use it (reviewer.text.teencode expands most of them back).
TEEN = [
    ("không", ["ko", "k", "hông", "khum", "k0"]),
    ("được", ["đc", "dc", "đươc"]),
    ("anh em", ["ae", "a e"]),
    ("chuyển khoản", ["ck", "chuyển khoảng"]),
    ("tài khoản", ["tk", "tài khoảng"]),
    ("biết", ["bít", "bik"]),
    ("vậy", ["z", "v", "dậy"]),
    ("rồi", ["r", "rùi"]),
    ("mình", ["mk", "mik"]),
    ("gì", ["j", "ji"]),
    ("với", ["vs", "zới"]),
    ("tiền", ["xiền", "tìn"]),
    ("nhé", ["nhá", "nha", "nhoa"]),
    ("số điện thoại", ["sđt", "sdt"]),
    ("thông tin", ["tt", "thông tinh"]),
    ("bao nhiêu", ["bn", "bnhiu"]),
]


def strip_tones(text: str, share: float, rng: random.Random) -> str:
    """Drop the tone marks (and sometimes the hats) of a share of the words."""
    out = []
    for word in text.split(" "):
        if rng.random() < share:
            base = unicodedata.normalize("NFD", word)
            base = "".join(c for c in base if not unicodedata.combining(c))
            word = unicodedata.normalize("NFC", base.replace("đ", "d").replace("Đ", "D"))
        out.append(word)
    return " ".join(out)


MERGES = [
    ("tr", "ch"),
    ("ch", "tr"),
    ("s", "x"),
    ("x", "s"),
    ("gi", "d"),
    ("d", "gi"),
    ("r", "d"),
    ("r", "g"),
]
FINALS = [("ng", "n"), ("n", "ng"), ("c", "t"), ("t", "c")]


def recogniser_noise(text: str, rng: random.Random, drop: float = 0.1) -> str:
    """Regional sound merges (ch/tr, s/x, d/gi/r, final n/ng, c/t) and about one word in ten
    dropped: what a recogniser at WER 0.1-0.3 makes of a sentence."""
    words = []
    for word in text.split(" "):
        if len(text.split(" ")) > 4 and rng.random() < drop:
            continue
        if rng.random() < 0.3:
            for a, b in MERGES:
                if word.lower().startswith(a):
                    word = b + word[len(a) :]
                    break
        if rng.random() < 0.2:
            for a, b in FINALS:
                if word.endswith(a):
                    word = word[: -len(a)] + b
                    break
        words.append(word)
    return " ".join(words) or text


CHANNELS = ("clean", "tone", "notone", "noisy")


def channel(text: str, name: str, seed: int) -> str:
    """What a channel makes of a sentence (deterministic for a seed): bench/eval_text.py reports
    on these, models/text/train_meaning.py trains on copies of the corpus through them.
      clean   as written
      tone    lower case, the tone marks of a third of the words lost (weak OCR/ASR)
      notone  lower case, every diacritic lost
      noisy   recogniser-like: regional merges, one word in ten dropped"""
    rng = random.Random(seed)
    if name == "tone":
        return strip_tones(text.lower(), 1 / 3, rng)
    if name == "notone":
        return strip_tones(text.lower(), 1.0, rng)
    if name == "noisy":
        return recogniser_noise(text, rng, 0.1)
    return text


def teencode(text: str, rng: random.Random, share: float = 0.6) -> str:
    for full, shorts in TEEN:
        if full in text and rng.random() < share:
            text = text.replace(full, rng.choice(shorts))
    return text


def noisy(text: str, rng: random.Random) -> str:
    """One writer's habits, drawn at random: teencode, lost tones, case, emoji, English bits."""
    if rng.random() < 0.45:
        text = teencode(text, rng)
    if rng.random() < 0.3:
        text = strip_tones(text, rng.choice([0.3, 0.6, 1.0]), rng)
    if rng.random() < 0.5:
        text = text.lower()
    elif rng.random() < 0.15:
        text = text.upper()
    if rng.random() < 0.2:
        text = f"{text} {rng.choice(ENGLISH_TAGS)}"
    if rng.random() < 0.25:
        text = f"{text} {rng.choice(EMOJI)}"
    if rng.random() < 0.1:
        text = f"{rng.choice(EMOJI)} {text}"
    return re.sub(r"\s+", " ", text).strip()

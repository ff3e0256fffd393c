"""Generate the demo livestream recording and its ground truth.

    python resources/demo/make_demo.py [--out DIR]

Writes ``demo.mp4`` (1280x720 H.264 + AAC mono 16 kHz, about 75 s) and
``ground_truth.json`` into DIR (default: this folder). Needs ``espeak-ng``
(voices ``vi`` and ``en-us``), ``ffmpeg`` with libx264 and drawtext, and the
DejaVu Sans font (Debian: fonts-dejavu-core).

The video imitates a cooking livestream: a title bar with a red LIVE badge, a
"webcam" area, a pinned banner (dark text on a light box) and a chat panel on
the right (light text on a dark box) where a new line appears every 5 s and
old lines scroll out. Speech alternates Vietnamese and English sentences,
some of them violating (gambling, fraud, sale of personal data, illegal
trade), with two stretches of pure silence (3.0 s and 2.5 s).

Timings are deterministic: speech times come from the sample counts of the
synthesised audio, overlay times are constants. The mp4 bytes may differ
between ffmpeg versions.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from speech_clips import SAMPLE_RATE, make_clip, read_wav, write_wav  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WIDTH, HEIGHT, FPS = 1280, 720, 25
SPEED = 140  # espeak-ng words per minute
LEAD_IN_S = 1.5  # silence before the first sentence
GAP_S = 0.8  # silence between sentences
TAIL_S = 2.5  # silence after the last sentence
MIN_DURATION_S, MAX_DURATION_S = 60.0, 90.0

VOICE = {"vi": "vi", "en": "en-us"}

# (language, text, category) or a float: extra seconds of silence (replaces GAP_S).
SPEECH: list[tuple[str, str, str | None] | float] = [
    ("en", "Welcome to the stream everyone.", None),
    ("vi", "Xin chào các bạn, hôm nay mình nấu món phở bò.", None),
    ("en", "Today we are cooking beef noodle soup together.", None),
    (
        "vi",
        "Nạp một trăm nghìn tặng hai trăm nghìn, vào nhà cái để cá độ bóng đá tối nay.",
        "gambling",
    ),
    (
        "en",
        "Deposit one hundred dollars and we will give you two hundred "
        "for betting on football tonight.",
        "gambling",
    ),
    3.0,
    ("vi", "Các bạn chuyển khoản trước cho mình để nhận thưởng nhé.", "fraud"),
    ("en", "Transfer the money first and you will receive your prize.", "fraud"),
    ("vi", "Tối qua đội tuyển Việt Nam đá bóng rất hay.", None),
    ("en", "The football match last night was really exciting.", None),
    (
        "vi",
        "Bên mình bán data khách hàng, số điện thoại không chín một hai, ba bốn năm, sáu bảy tám.",
        "personal_data",
    ),
    ("en", "We sell customer data with phone numbers, send me a message.", "personal_data"),
    ("vi", "Mình có bán súng hơi và hàng lậu giá rẻ, nhắn tin cho mình.", "illegal_trade"),
    ("en", "We also sell air guns and smuggled goods at a low price.", "illegal_trade"),
    2.5,
    ("vi", "Cảm ơn các bạn đã xem, hẹn gặp lại ngày mai.", None),
    ("en", "Thank you for watching, see you tomorrow.", None),
]

# Chat panel: (appears at s, language, "user: message", category).
CHAT: list[tuple[float, str, str, str | None]] = [
    (3.0, "vi", "lan_fan99: Chào chị Lan ạ!", None),
    (8.0, "vi", "minhtuan: Hôm nay nấu món gì vậy chị?", None),
    (13.0, "vi", "bet88: Nạp 100k tặng 200k, vào nhà cái", "gambling"),
    (18.0, "en", "user123: Good luck everyone!", None),
    (23.0, "vi", "tuan_kg: đm hôm qua thua cá độ vcl", "profanity"),
    (28.0, "vi", "hotro_ck: Chuyển khoản trước nhận thưởng", "fraud"),
    (33.0, "vi", "thu_trang: Việt Nam đá hay quá!", None),
    (38.0, "vi", "dl_vn: Bán data khách hàng 0912 345 678", "personal_data"),
    (43.0, "vi", "khanh.le: Con này ngu như bò, tắt live đi", "insult"),
    (48.0, "vi", "shop_xanh: Bán súng hơi, hàng lậu giá rẻ", "illegal_trade"),
    (53.0, "en", "bigwin: Bet on football tonight, deposit now", "gambling"),
    (58.0, "vi", "an_an: vcl phở ngon thật", "profanity"),
    (63.0, "vi", "hoa.nguyen: Phở nhìn ngon quá chị ơi", None),
    (68.0, "vi", "mai_anh: Cảm ơn chị, mai xem tiếp nhé", None),
]
CHAT_VISIBLE = 10  # lines on screen at once; older ones scroll out of the top

# Pinned banner (dark text on a light box): (start s, end s or None = to the end, lang, text, cat).
BANNER: list[tuple[float, float | None, str, str, str | None]] = [
    (0.0, 15.0, "vi", "Chào mừng đến bếp nhà Lan!", None),
    (15.0, 30.0, "vi", "NẠP 100K TẶNG 200K – NHÀ CÁI UY TÍN", "gambling"),
    (30.0, 45.0, "vi", "Giảm giá 20% nồi inox hôm nay", None),
    (45.0, 60.0, "vi", "Bán súng hơi, hàng lậu – liên hệ Zalo", "illegal_trade"),
    (60.0, None, "vi", "Cảm ơn các bạn đã theo dõi", None),
]

# Text that stays on screen for the whole recording (title bar, chat header).
STATIC = [
    ("en", "LIVE"),
    ("vi", "Bếp nhà Lan – Nấu phở cùng mọi người"),
    ("vi", "1.234 người xem"),
    ("vi", "Trò chuyện trực tiếp"),
]


@dataclass
class Script:
    """What a recording says and shows; the default is the demo's own script.

    ``static`` needs four entries, drawn in this order: LIVE badge, title, viewer count, chat
    header. ``name`` is only informative (the media name comes from the output file).
    """

    speech: list[tuple[str, str, str | None] | float] = field(default_factory=lambda: list(SPEECH))
    chat: list[tuple[float, str, str, str | None]] = field(default_factory=lambda: list(CHAT))
    banner: list[tuple[float, float | None, str, str, str | None]] = field(
        default_factory=lambda: list(BANNER)
    )
    static: list[tuple[str, str]] = field(default_factory=lambda: list(STATIC))
    name: str = "demo"


# Layout.
CHAT_X, CHAT_Y, CHAT_W, CHAT_H = 780, 80, 480, 625
CHAT_LINE_H = 48
CHAT_BOTTOM_BASELINE = CHAT_Y + CHAT_H - 24  # newest line sits here
CAM_X, CAM_Y, CAM_W, CAM_H = 20, 80, 740, 520
BANNER_X, BANNER_Y, BANNER_W, BANNER_H = 20, 620, 740, 85


def build_audio(
    workdir: Path, speech: list[tuple[str, str, str | None] | float] | None = None
) -> tuple[np.ndarray, list[dict]]:
    """Synthesise all speech; return (16 kHz samples, speech events)."""
    speech = SPEECH if speech is None else speech
    parts: list[tuple[str, str] | float] = [LEAD_IN_S]
    meta: list[tuple[str, str | None]] = []
    for i, item in enumerate(speech):
        if isinstance(item, float):
            continue
        prev = speech[i - 1] if i > 0 else None
        if meta:  # a gap before every sentence but the first
            parts.append(prev if isinstance(prev, float) else GAP_S)
        lang, text, category = item
        parts.append((VOICE[lang], text))
        meta.append((lang, category))
    parts.append(TAIL_S)
    wav = workdir / "speech.wav"
    timings = make_clip(parts, wav, speed=SPEED)
    samples, rate = read_wav(wav)
    assert rate == SAMPLE_RATE
    events = [
        {
            "kind": "speech",
            "start_s": t["start_s"],
            "end_s": t["end_s"],
            "language": lang,
            "text": t["text"],
            "category": category,
            "voice": t["voice"],
        }
        for t, (lang, category) in zip(timings, meta, strict=True)
    ]
    return samples, events


def overlay_events(duration: float, script: Script | None = None) -> list[dict]:
    script = script or Script()
    events: list[dict] = []
    for lang, text in script.static:
        events.append(_ocr(0.0, duration, lang, text, None, "title"))
    for start, end, lang, text, category in script.banner:
        events.append(_ocr(start, duration if end is None else end, lang, text, category, "banner"))
    times = [c[0] for c in script.chat]
    for i, (start, lang, text, category) in enumerate(script.chat):
        gone = i + CHAT_VISIBLE
        end = times[gone] if gone < len(times) else duration
        events.append(_ocr(start, end, lang, text, category, "chat"))
    return events


def _ocr(start, end, lang, text, category, region) -> dict:
    return {
        "kind": "ocr",
        "start_s": round(float(start), 4),
        "end_s": round(float(end), 4),
        "language": lang,
        "text": text,
        "category": category,
        "region": region,
    }


def build_filtergraph(workdir: Path, duration: float, script: Script | None = None) -> str:
    """Return an ffmpeg filtergraph (input [0:v], output [v]).

    Every text goes through a UTF-8 file in ``workdir`` (ffmpeg runs there, so
    the file names need no escaping) with expansion off.
    """
    script = script or Script()
    static, banner, chat = script.static, script.banner, script.chat
    counter = iter(range(10_000))

    def text(t, x, baseline, size, color, enable=None, bold=False):
        # y is given as a baseline so lines with and without diacritics align.
        name = f"t{next(counter):03d}.txt"
        (workdir / name).write_text(t, encoding="utf-8")
        opts = [
            f"fontfile={FONT_BOLD if bold else FONT}",
            f"textfile={name}",
            "expansion=none",
            f"fontsize={size}",
            f"fontcolor={color}",
            f"x={x}",
            f"y={baseline}-ascent",
        ]
        if enable:
            opts.append(f"enable='{enable}'")
        return "drawtext=" + ":".join(opts)

    def box(x, y, w, h, color, enable=None):
        s = f"drawbox=x={x}:y={y}:w={w}:h={h}:color={color}:t=fill"
        return s + (f":enable='{enable}'" if enable else "")

    f: list[str] = []
    # Title bar with LIVE badge, title and viewer count.
    f.append(box(0, 0, WIDTH, 64, "0x101418"))
    f.append(box(20, 14, 84, 36, "0xe02424"))
    f.append(text(static[0][1], 33, 41, 24, "white", bold=True))
    f.append(text(static[1][1], 124, 41, 26, "white"))
    f.append(text(static[2][1], 1080, 41, 22, "0xb0b8c0"))
    # Webcam area: wall, a stylised cook, a pot with steam that moves.
    f.append(box(CAM_X, CAM_Y, CAM_W, CAM_H, "0x4a6a7a"))
    f.append(box(CAM_X, CAM_Y + 380, CAM_W, 140, "0x8a6a4a"))  # table
    f.append(box(330, 170, 120, 130, "0xe8c0a0"))  # head
    f.append(box(330, 150, 120, 36, "0x2a1a10"))  # hair
    f.append(box(270, 300, 240, 180, "0xd04a4a"))  # shirt
    f.append(box(540, 400, 160, 90, "0xb0b0b8"))  # pot
    f.append(
        "drawbox=x='590+25*sin(2*t)':y='330+20*sin(3*t)':w=50:h=50:color=0xf0f0f0@0.6:t=fill"
    )  # steam
    # Pinned banner: dark text on a light box.
    f.append(box(BANNER_X, BANNER_Y, BANNER_W, BANNER_H, "0xf4f1e8"))
    f.append(box(BANNER_X, BANNER_Y, 10, BANNER_H, "0xe0a000"))
    for start, end, _lang, t, _cat in banner:
        end_t = duration + 1 if end is None else end
        f.append(
            text(t, BANNER_X + 30, BANNER_Y + 53, 30, "0x1a1a1a", f"between(t,{start},{end_t})")
        )
    # Chat panel: light text on a dark box; newest line at the bottom.
    f.append(box(CHAT_X, CHAT_Y, CHAT_W, CHAT_H, "0x15181c"))
    f.append(box(CHAT_X, CHAT_Y, CHAT_W, 48, "0x262b31"))
    f.append(text(static[3][1], CHAT_X + 14, CHAT_Y + 32, 22, "white", bold=True))
    times = [c[0] for c in chat] + [duration + 1]
    for i, (_start, _lang, t, _cat) in enumerate(chat):
        for j in range(i, min(i + CHAT_VISIBLE, len(chat))):
            y = CHAT_BOTTOM_BASELINE - (j - i) * CHAT_LINE_H
            color = "0xfff3b0" if _cat is None and i % 3 == 0 else "0xf0f0f0"
            enable = f"gte(t,{times[j]})*lt(t,{times[j + 1]})"
            f.append(text(t, CHAT_X + 14, y, 20, color, enable))
    return "[0:v]" + ",\n".join(f) + "[v]"


def encode(workdir: Path, wav: Path, graph: str, duration: float, out: Path) -> None:
    (workdir / "graph.txt").write_text(graph, encoding="utf-8")
    cmd = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"color=c=0x1b2838:s={WIDTH}x{HEIGHT}:r={FPS}:d={duration:.3f}",
        "-i", str(wav),
        "-filter_complex_script", "graph.txt",
        "-map", "[v]", "-map", "1:a", "-t", f"{duration:.3f}",
        "-c:v", "libx264", "-preset", "medium", "-crf", "30", "-pix_fmt", "yuv420p", "-g", "50",
        "-c:a", "aac", "-b:a", "48k", "-ar", str(SAMPLE_RATE), "-ac", "1",
        "-movflags", "+faststart", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        str(out.resolve()),
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError("ffmpeg failed:\n" + proc.stderr.decode("utf-8", "replace")[-3000:])


def make_recording(script: Script, out_video: Path, out_truth: Path) -> dict:
    """Render ``script`` into ``out_video`` (mp4) and write its ground truth to ``out_truth``;
    returns the ground-truth document."""
    video, truth = Path(out_video), Path(out_truth)
    video.parent.mkdir(parents=True, exist_ok=True)
    truth.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="demo_") as tmp:
        workdir = Path(tmp)
        samples, speech = build_audio(workdir, script.speech)
        last_chat = script.chat[-1][0] if script.chat else 0.0
        duration = max(MIN_DURATION_S, samples.size / SAMPLE_RATE, last_chat + 6.0)
        duration = round(duration, 3)
        if duration > MAX_DURATION_S:
            raise SystemExit(f"{script.name} would last {duration:.1f} s (> {MAX_DURATION_S} s)")
        total = int(round(duration * SAMPLE_RATE))
        samples = np.concatenate([samples, np.zeros(total - samples.size, dtype=np.int16)])
        wav = workdir / "audio.wav"
        write_wav(wav, samples)
        graph = build_filtergraph(workdir, duration, script)
        encode(workdir, wav, graph, duration, video)

    events = sorted(
        speech + overlay_events(duration, script), key=lambda e: (e["start_s"], e["kind"])
    )
    silences = []
    prev_end = 0.0
    for e in (e for e in events if e["kind"] == "speech"):
        if e["start_s"] - prev_end >= 2.0:
            silences.append([round(prev_end, 4), e["start_s"]])
        prev_end = e["end_s"]
    if duration - prev_end >= 2.0:
        silences.append([round(prev_end, 4), duration])
    doc = {
        "media": video.name,
        "duration_s": duration,
        "width": WIDTH,
        "height": HEIGHT,
        "fps": FPS,
        "audio_sample_rate": SAMPLE_RATE,
        "speech_engine": f"espeak-ng -s {SPEED}",
        "silences_s": silences,  # stretches of >= 2 s with no speech at all
        "events": events,
    }
    truth.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: %(default)s)")
    args = ap.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    video = out_dir / "demo.mp4"
    truth = out_dir / "ground_truth.json"
    doc = make_recording(Script(), video, truth)
    print(f"wrote {video} ({video.stat().st_size / 1e6:.2f} MB, {doc['duration_s']:.1f} s)")
    print(f"wrote {truth} ({len(doc['events'])} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

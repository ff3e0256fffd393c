"""Slot fillers and noise for the meaning corpus generator (written for this project)."""

from __future__ import annotations

import random
import re
import unicodedata

SLOTS: dict[str, list[str]] = {
    "money": [
        "100k",
        "200k",
        "500k",
        "1 triệu",
        "2 củ",
        "5 lít",
        "300 nghìn",
        "50k",
        "10 triệu",
        "một trăm k",
        "năm trăm nghìn",
        "hai củ",
        "ba triệu",
        "1tr",
        "2tr5",
        "mười triệu",
    ],
    "money2": ["200k", "500k", "1 triệu", "3 triệu", "gấp đôi", "gấp ba", "hai trăm k", "1tr5"],
    "pct": ["3%", "5%", "10%", "ba phần trăm", "2% mỗi ngày", "1,5%", "năm phần trăm", "8%"],
    "bank": [
        "vietcombank",
        "vcb",
        "techcombank",
        "tcb",
        "mb bank",
        "agribank",
        "bidv",
        "vpbank",
        "momo",
        "acb",
        "sacombank",
        "tpbank",
    ],
    "ae": [
        "anh em",
        "ae",
        "mọi người",
        "cả nhà",
        "các bác",
        "mấy bạn",
        "các chế",
        "bà con",
        "các ông",
        "mn",
    ],
    "cta": [
        "ib em",
        "inbox mình",
        "nhắn zalo",
        "để lại sđt",
        "bấm link dưới bio",
        "vào nhóm kín",
        "kết bạn zalo",
        "comment chấm",
        "nhắn tin riêng",
        "qua telegram",
    ],
    "platform": [
        "sàn forex",
        "app đầu tư",
        "sàn coin",
        "dự án tiền ảo",
        "quỹ đầu tư",
        "app tài chính",
        "sàn giao dịch mới",
        "sàn vàng",
        "dự án nft",
        "ví điện tử mới",
    ],
    "game": [
        "nổ hũ",
        "tài xỉu",
        "bắn cá đổi thưởng",
        "baccarat",
        "xóc đĩa online",
        "đá gà online",
        "lô đề",
        "roulette",
        "poker ăn tiền",
        "slot game",
        "xổ số lô",
    ],
    "house": [
        "nhà cái",
        "cổng game",
        "web cược",
        "sân chơi",
        "casino online",
        "app cá cược",
        "bet",
        "link cược",
    ],
    "team": [
        "việt nam",
        "thái lan",
        "mu",
        "arsenal",
        "real",
        "barca",
        "man city",
        "liverpool",
        "hàn quốc",
        "chelsea",
    ],
    "drug": [
        "cỏ",
        "kẹo",
        "đá",
        "ke",
        "thuốc lắc",
        "bóng cười",
        "hàng trắng",
        "nấm thần",
        "cần sa",
        "viên nén hồng",
    ],
    "weapon": [
        "súng hơi",
        "súng bắn bi",
        "dao bấm",
        "súng điện",
        "công cụ hỗ trợ",
        "ná cao su thép",
        "súng ngắn",
        "đạn cao su",
        "roi điện",
        "kiếm nhật",
    ],
    "wild": [
        "sừng tê giác",
        "ngà voi",
        "vảy tê tê",
        "mật gấu",
        "cao hổ",
        "rắn hổ mang chúa",
        "khỉ con",
        "chim yến sào rừng",
        "rùa biển",
        "cu li",
        "da hổ",
        "móng gấu",
    ],
    "fake": [
        "túi lv",
        "đồng hồ rolex",
        "giày nike",
        "nước hoa chanel",
        "áo gucci",
        "iphone dựng",
        "mỹ phẩm hàn",
        "thuốc bổ nhật",
    ],
    "smuggled": [
        "thuốc lá điện tử",
        "pod",
        "vape",
        "xì gà lậu",
        "rượu ngoại không tem",
        "thuốc lá lậu",
        "pháo hoa",
        "pháo nổ",
        "pháo trung quốc",
    ],
    "paper": [
        "bằng đại học",
        "bằng lái xe",
        "căn cước",
        "cccd",
        "sổ đỏ",
        "giấy khám sức khỏe",
        "bằng cấp ba",
        "chứng chỉ ielts",
        "hộ chiếu",
    ],
    "hack": [
        "ddos",
        "tool hack",
        "phần mềm gián điệp",
        "hack web",
        "tấn công website",
        "mã độc",
        "tool spam tin nhắn",
        "botnet",
        "keylogger",
        "hack camera",
    ],
    "data": [
        "data khách vay",
        "danh sách bệnh nhân",
        "thông tin phụ huynh học sinh",
        "data khách bảo hiểm",
        "số điện thoại khách bất động sản",
        "thông tin chủ xe",
        "data người chơi chứng khoán",
        "hồ sơ khách vay tiêu dùng",
        "dữ liệu bệnh viện",
        "list khách spa",
        "data sinh viên",
        "thông tin khách đặt hàng online",
    ],
    "acct": [
        "tài khoản ngân hàng",
        "tk chính chủ",
        "stk chính chủ",
        "tài khoản có ekyc",
        "sim chính chủ",
        "tài khoản ví momo",
        "thẻ atm",
        "tài khoản đã định danh",
    ],
    "card": [
        "thẻ visa",
        "card dump",
        "thẻ tín dụng",
        "cvv",
        "thông tin thẻ",
        "bin thẻ",
        "full info thẻ",
    ],
    "person": [
        "thằng này",
        "con kia",
        "mày",
        "thằng chủ live",
        "con mẹ đó",
        "thằng kia",
        "đứa đó",
        "con bé này",
        "lão già kia",
        "bọn mày",
    ],
    "insultword": [
        "óc chó",
        "ngu như bò",
        "đồ rác rưởi",
        "đồ súc vật",
        "mặt dày",
        "đồ mất dạy",
        "thứ vô học",
        "đồ ăn hại",
        "não cá vàng",
        "đồ hèn",
        "đồ con hoang",
        "loại cặn bã",
        "đồ thiểu năng",
        "đồ bẩn thỉu",
    ],
    "curse": [
        "đm",
        "vcl",
        "vl",
        "đéo",
        "địt",
        "cc",
        "đcm",
        "vãi lồn",
        "con cặc",
        "đĩ mẹ",
        "vãi cả lồn",
        "dkm",
        "clm",
        "cứt",
    ],
    "region": ["miền bắc", "miền trung", "miền nam", "thủ đô", "ba miền"],
    "digits": ["bảy hai", "không chín", "năm sáu bảy", "38", "12 45", "chín chín", "hai không một"],
    "lotto_place": ["cần thơ", "đồng nai", "tây ninh", "an giang", "bình dương", "đà nẵng"],
    "film": ["phim", "bộ phim", "series", "phim hàn", "phim hành động", "bộ phim tài liệu"],
    "song": ["bài hát", "ca khúc", "mv", "bài rap", "bản nhạc"],
    "crime": [
        "đánh bạc qua mạng",
        "lừa đảo đầu tư tiền ảo",
        "mua bán dữ liệu cá nhân",
        "buôn lậu pháo nổ",
        "làm giả bằng cấp",
        "buôn bán ngà voi",
        "vận chuyển ma túy",
        "mua bán tài khoản ngân hàng",
        "tổ chức cá độ bóng đá",
        "lừa đảo việc nhẹ lương cao",
        "tấn công mạng",
        "bán súng trái phép",
    ],
    "shop": ["shop", "tiệm", "cửa hàng", "quán", "bên mình", "shop em"],
    "item": [
        "áo thun",
        "váy",
        "giày",
        "son môi",
        "bánh tráng",
        "mật ong",
        "cà phê",
        "trà sữa",
        "ốp điện thoại",
        "sữa rửa mặt",
        "túi xách",
        "đồ chơi trẻ em",
    ],
}

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

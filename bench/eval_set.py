"""Generate the labelled evaluation set for detection (not committed; bench/out is ignored).

    python bench/eval_set.py --out bench/out/eval_set

Writes into the folder:
  demo.mp4                 a copy of resources/demo/demo.mp4 (its truth: resources/demo)
  rec_shop.mp4             Vietnamese shop stream: ordinary goods next to banned ones
  rec_football.mp4         English-first football watch party: match talk next to betting
  rec_kitchen.mp4          cooking stream with a bank's scam warning next to real scams
  shots/NN_*.png|jpg       phone-size screenshots (720x1280, 1080x2400), ~2/3 violating
  truth.json               every event: media, kind speech|ocr|screenshot, start_s/end_s
                           (null for screenshots), language, category (null = benign), text

The recordings are made by resources/demo/make_demo.py (same layout, voices, timing rules), so
speech times come from sample counts and overlay times are constants. Wording differs from the
lexicon's seed phrases where that is natural (paraphrases, inserted words, teencode).

Obscene *imagery*: there is no offline NSFW test imagery and none may be generated, so the set
holds none; `obscene` is evaluated as text (speech, chat, screenshots) and the image classifier
only on benign pictures (its precision: it must raise no flag on this set).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "resources" / "demo"))
sys.path.insert(0, str(ROOT))
import make_demo  # noqa: E402
from make_demo import Script  # noqa: E402

from testkit.synth import STYLES, render_lines  # noqa: E402

DEMO_DIR = ROOT / "resources" / "demo"

# --- Recording 1: a shop selling ordinary clothes, with banned goods, data and scams mixed in.
SHOP = Script(
    name="rec_shop",
    speech=[
        ("vi", "Chào cả nhà, hôm nay shop mở bán áo thun và giày thể thao chính hãng.", None),
        ("en", "Hello everyone, today we have new cotton shirts and running shoes.", None),
        ("vi", "Shop còn nhận làm bằng lái giả, bao đẹp, không cần thi.", "illegal_trade"),
        ("en", "We can also get you a fake passport in three days.", "illegal_trade"),
        ("vi", "Áo thun giá một trăm năm mươi nghìn, miễn phí giao hàng.", None),
        ("vi", "Bên em bán data phụ huynh học sinh, ai mua thì liên hệ.", "personal_data"),
        ("en", "I also sell a leaked database with names and phone numbers.", "personal_data"),
        2.5,
        ("vi", "Làm nhiệm vụ thả tim nhận tiền, nạp tiền trước để kích hoạt.", "fraud"),
        ("en", "Pay a small fee first and we will double your money.", "fraud"),
        ("vi", "Mấy đứa chê hàng shop là đồ ngu, óc chó hết.", "insult"),
        ("en", "If you don't like it, shut up, you stupid idiot.", "insult"),
        ("vi", "Địt mẹ, mạng lag quá, đéo chịu nổi.", "profanity"),
        ("en", "Thank you for shopping with us, see you next time.", None),
    ],
    chat=[
        (3.0, "vi", "thu_ha: Áo này còn size M không shop?", None),
        (8.0, "vi", "khach01: Ship về Đà Nẵng mất mấy ngày ạ?", None),
        (13.0, "vi", "vape_sg: Pod thuốc lá điện tử giá sỉ, ib", "illegal_trade"),
        (18.0, "en", "mike_t: Nice shoes, how much?", None),
        (23.0, "vi", "giay_sf: Giày super fake 1:1 chỉ 300k", "illegal_trade"),
        (28.0, "vi", "data_pro: Bán data số điện thoại chủ xe", "personal_data"),
        (33.0, "vi", "linh.ng: Chất vải có mát không chị?", None),
        (38.0, "vi", "kiemtien247: Việc nhẹ lương cao, 2tr/ngày", "fraud"),
        (43.0, "vi", "anh_ba: Nói nhiều thế, đồ thần kinh", "insult"),
        (48.0, "vi", "tung99: đéo mua nữa, vl", "profanity"),
        (53.0, "vi", "mai.pham: Đơn của em giao chưa shop?", None),
        (58.0, "en", "bigdeal: Selling customer data, DM me", "personal_data"),
        (63.0, "vi", "hang_xt: Giảm giá quá, mua 2 cái luôn", None),
        (68.0, "vi", "loan_ck: Cho em số tài khoản chuyển khoản", None),
        (73.0, "vi", "quynh: Cảm ơn shop, áo đẹp lắm", None),
    ],
    banner=[
        (0.0, 15.0, "vi", "Áo thun cotton 150K – freeship toàn quốc", None),
        (15.0, 30.0, "vi", "Nhận làm bằng đại học, bằng lái xe", "illegal_trade"),
        (30.0, 45.0, "vi", "Giày thể thao chính hãng – bảo hành 12 tháng", None),
        (45.0, 60.0, "vi", "Nạp 500K nhận hoa hồng – cam kết lãi", "fraud"),
        (60.0, None, "vi", "Cảm ơn cả nhà đã ủng hộ shop", None),
    ],
    static=[
        ("en", "LIVE"),
        ("vi", "Shop Hà Thu – Xả kho áo thun, giày"),
        ("vi", "2.516 người xem"),
        ("vi", "Bình luận"),
    ],
)

# --- Recording 2: a football watch party (English first), with betting, sex spam and abuse.
FOOTBALL = Script(
    name="rec_football",
    speech=[
        ("en", "Good evening and welcome to our live football watch party.", None),
        ("vi", "Trận đấu tối nay giữa Hà Nội và Hải Phòng rất hấp dẫn.", None),
        ("en", "What a goal! The striker scored in the last minute.", None),
        ("en", "Place your bets now, our bookmaker has the best odds tonight.", "gambling"),
        ("vi", "Anh em vào kèo tài xỉu với nhà cái, tỷ lệ cao nhất.", "gambling"),
        ("vi", "Đội nhà thắng hai không, cầu thủ số mười chơi quá hay.", None),
        ("en", "Fuck, that referee is blind, what a shit decision.", "profanity"),
        ("vi", "Đụ mẹ trọng tài, thổi như cứt.", "profanity"),
        3.0,
        ("en", "Join my private group for nude videos and sex tapes.", "obscene"),
        ("vi", "Vào nhóm kín xem clip sex, link ở phần bình luận.", "obscene"),
        ("en", "The other team's fans are worthless morons.", "insult"),
        ("en", "Thanks for watching, remember to follow the channel.", None),
    ],
    chat=[
        (3.0, "en", "fan_mu: Come on United!", None),
        (8.0, "vi", "hung.hn: Tối nay Hà Nội thắng chắc", None),
        (13.0, "en", "tipster88: Sure win tips, fixed match tonight", "gambling"),
        (18.0, "vi", "quang_fc: Kèo nhà cái 1.5, vào tiền ngay", "gambling"),
        (23.0, "en", "sam: What a save by the keeper!", None),
        (28.0, "en", "angry_joe: fucking hell, what a miss", "profanity"),
        (33.0, "vi", "tuan.anh: Tỷ số 2-0 rồi, hay quá", None),
        (38.0, "vi", "hot_girl: Nhóm kín 18+ clip nóng, link bio", "obscene"),
        (43.0, "en", "rival_fan: United fans are brain-dead morons", "insult"),
        (48.0, "vi", "linh_hp: Đồ óc chó, xem bóng cũng không biết", "insult"),
        (53.0, "en", "adult_vids: Free porn and sex videos here", "obscene"),
        (58.0, "vi", "bao_ck: Nhân đôi tài khoản trong 10 phút", "fraud"),
        (63.0, "en", "mia: Great match, thanks for streaming", None),
        (68.0, "vi", "dm_fan: đm trận này cay vcl", "profanity"),
        (73.0, "vi", "khoa: Hẹn gặp lại trận sau nhé", None),
    ],
    banner=[
        (0.0, 20.0, "en", "Premier League watch party – live", None),
        (20.0, 40.0, "en", "Bet now: 100% deposit bonus, sportsbook", "gambling"),
        (40.0, 60.0, "vi", "Lịch thi đấu V-League vòng 12 – tối thứ bảy", None),
        (60.0, None, "en", "Football highlights every weekend", None),
    ],
    static=[
        ("en", "LIVE"),
        ("vi", "Football Night – Bình luận bóng đá"),
        ("en", "3,102 watching"),
        ("en", "Live chat"),
    ],
)

# --- Recording 3: a cooking stream that also passes on a bank's scam warning, plus real scams.
KITCHEN = Script(
    name="rec_kitchen",
    speech=[
        ("vi", "Hôm nay mình làm món cá kho tộ, ướp cá với nước mắm và đường.", None),
        ("en", "First we marinate the fish with fish sauce, sugar and pepper.", None),
        ("vi", "Ngân hàng cảnh báo, tuyệt đối không cung cấp mã OTP cho ai.", None),
        ("en", "The bank warns customers never to share their code with strangers.", None),
        ("vi", "Ai muốn chơi xóc đĩa online thì vào nhóm, nạp tiền là chơi.", "gambling"),
        ("en", "Sign up at our online casino today and get a deposit bonus.", "gambling"),
        ("vi", "Chúc mừng bạn đã trúng thưởng, chỉ cần đóng phí nhận quà.", "fraud"),
        ("vi", "Bên mình có bán pháo nổ và súng tự chế, giao kín đáo.", "illegal_trade"),
        ("en", "We also have customer data for sale, ten thousand numbers.", "personal_data"),
        (
            "vi",
            "Cần tra cứu chủ thuê bao hay định vị số điện thoại thì nhắn mình.",
            "personal_data",
        ),
        2.5,
        ("vi", "Thằng kia đúng là đồ súc vật, vô học.", "insult"),
        ("en", "Message me for porn links and nudes.", "obscene"),
        ("vi", "Cá kho xong rồi, các bạn nhớ nấu lửa nhỏ nhé.", None),
    ],
    chat=[
        (3.0, "vi", "me_bap: Cá kho tộ ngon quá chị ơi", None),
        (8.0, "en", "cookfan: What kind of fish is that?", None),
        (13.0, "vi", "xocdia_vip: Xóc đĩa online, nạp 50k chơi", "gambling"),
        (18.0, "vi", "nga.tran: Chị dùng nồi đất hay nồi gang?", None),
        (23.0, "vi", "qua_tang: Trúng iPhone, phí nhận quà 200k", "fraud"),
        (28.0, "en", "phish_bot: Send me the OTP for your prize", "fraud"),
        (33.0, "vi", "vuive: Đừng chuyển tiền cho người lạ nha", None),
        (38.0, "vi", "ke_tt: Bán ma túy đá, thuốc lắc tận nơi", "illegal_trade"),
        (43.0, "en", "dataking: Buy fullz and leaked database", "personal_data"),
        (48.0, "vi", "thao.vy: Mua căn cước công dân giá cao", "personal_data"),
        (53.0, "vi", "hung_dz: Nấu dở ẹc, đồ ăn hại", "insult"),
        (58.0, "vi", "tl_99: vãi lồn, cá cháy rồi kìa", "profanity"),
        (63.0, "en", "chris: holy shit, that looks good", "profanity"),
        (68.0, "vi", "lan_anh: Công thức này lưu lại rồi, cảm ơn chị", None),
        (73.0, "en", "cam_girl: Hot nude show, 18+ link in bio", "obscene"),
    ],
    banner=[
        (0.0, 18.0, "vi", "Bếp nhà Mơ – Cá kho tộ chuẩn vị miền Tây", None),
        (18.0, 36.0, "vi", "CẢNH BÁO: Ngân hàng không hỏi mã OTP", None),
        (36.0, 54.0, "vi", "Cá độ bóng đá, casino trực tuyến uy tín", "gambling"),
        (54.0, 72.0, "vi", "Bán súng hơi, đạn chì – ship toàn quốc", "illegal_trade"),
        (72.0, None, "vi", "Cảm ơn các bạn, hẹn gặp lại tối mai", None),
    ],
    static=[
        ("en", "LIVE"),
        ("vi", "Bếp nhà Mơ – Nấu ăn mỗi tối"),
        ("vi", "874 người xem"),
        ("vi", "Trò chuyện trực tiếp"),
    ],
)

RECORDINGS = {"rec_shop.mp4": SHOP, "rec_football.mp4": FOOTBALL, "rec_kitchen.mp4": KITCHEN}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CHAT_ROOM_PX, BANNER_ROOM_PX = 466, 705  # width a chat line (20 px) / banner (30 px) may use


def check_fit(script: Script) -> None:
    """Every overlay line must fit its box, or the truth would name text that is not shown."""
    from PIL import ImageFont

    chat, banner = ImageFont.truetype(FONT, 20), ImageFont.truetype(FONT, 30)
    for _t, _lang, text, _cat in script.chat:
        if chat.getlength(text) > CHAT_ROOM_PX:
            raise SystemExit(f"{script.name}: chat line too wide: {text!r}")
    for _s, _e, _lang, text, _cat in script.banner:
        if banner.getlength(text) > BANNER_ROOM_PX:
            raise SystemExit(f"{script.name}: banner too wide: {text!r}")


# --- Screenshots: (category or None, language, lines). Benign ones are look-alikes of the rest.
SHOTS: list[tuple[str | None, str, list[str]]] = [
    (
        "gambling",
        "vi",
        [
            "Phòng chat Bóng Đêm",
            "minh_k: tối nay vào kèo Man City nhé",
            "vip88: nhà cái hoàn trả 1.5%",
        ],
    ),
    (
        "gambling",
        "vi",
        ["SÒNG BÀI TRỰC TUYẾN", "Tài xỉu – Xóc đĩa – Baccarat", "Nạp lần đầu tặng 100%"],
    ),
    (
        "gambling",
        "en",
        ["Sportsbook VIP", "Place your bets on the derby", "200% deposit bonus today"],
    ),
    (
        "fraud",
        "vi",
        ["Tuyển CTV làm nhiệm vụ online", "Việc nhẹ lương cao 2tr/ngày", "Nạp tiền làm nhiệm vụ"],
    ),
    (
        "fraud",
        "vi",
        ["Thông báo trúng thưởng", "Chúc mừng bạn đã trúng xe SH", "Đóng phí nhận thưởng 2 triệu"],
    ),
    (
        "fraud",
        "en",
        ["Crypto giveaway!", "Send 1 ETH, we double your money", "Guaranteed profit, no risk"],
    ),
    (
        "illegal_trade",
        "vi",
        ["Dịch vụ giấy tờ nhanh", "Nhận làm giấy tờ giả, bằng lái", "Zalo 0987 654 321"],
    ),
    ("illegal_trade", "en", ["Weed delivery 24/7", "Drugs for sale, discreet", "DM for the menu"]),
    (
        "illegal_trade",
        "vi",
        ["Shop Kiều Anh", "Túi xách hàng fake 1:1 như auth", "Đồng hồ super fake giá sỉ"],
    ),
    (
        "personal_data",
        "vi",
        ["Kho data uy tín", "Bán data khách hàng bất động sản", "Data phụ huynh học sinh"],
    ),
    (
        "personal_data",
        "en",
        ["Leaked database – 2M records", "Customer data for sale", "Telegram @datashop"],
    ),
    (
        "insult",
        "vi",
        ["binh: đồ ngu như lợn, xem làm gì", "thanh: im mồm đi đồ vô học", "lan: bình tĩnh nào"],
    ),
    ("insult", "en", ["you are a worthless piece of trash", "what a moron", "mod: please be kind"]),
    ("profanity", "vi", ["tuan: đm trận này thua cay vl", "hai: địt mẹ mạng lag"]),
    ("profanity", "en", ["jake: this is fucking ridiculous", "tom: holy shit that was close"]),
    ("obscene", "vi", ["Nhóm kín 18+ VIP", "Clip sex cập nhật mỗi ngày", "Link ở phần bình luận"]),
    ("obscene", "en", ["Private show tonight", "Nudes and porn for members", "Link in bio"]),
    (
        None,
        "vi",
        ["Kết quả Ngoại hạng Anh", "Man City 2 – 1 Arsenal", "Haaland lập cú đúp phút 89"],
    ),
    (None, "en", ["Match Day Live", "Liverpool vs Chelsea – 21:00", "Who will win? Comment below"]),
    (
        None,
        "vi",
        ["NGÂN HÀNG CẢNH BÁO", "Không cung cấp mã OTP cho ai", "Không chuyển tiền cho người lạ"],
    ),
    (
        None,
        "en",
        ["Security notice", "We never ask for your password", "Report scams to your bank"],
    ),
    (None, "vi", ["Shop Mẹ Bé", "Bỉm, sữa chính hãng giá tốt", "Freeship đơn từ 300k"]),
    (None, "en", ["Summer sale", "Cotton T-shirts 2 for $20", "Free delivery over $50"]),
    (None, "vi", ["Công thức phở bò", "Xương bò 2kg, hành nướng, gừng", "Ninh nước dùng 6 tiếng"]),
    (None, "en", ["Tonight's recipe", "Spicy chicken noodle soup", "Prep 20 min, cook 40 min"]),
    (None, "vi", ["an: chào cả nhà", "binh: hôm nay live muộn thế", "chi: thả tim cho chị nè"]),
]
SIZES = [(720, 1280), (1080, 2400)]


def make_screenshots(out: Path) -> list[dict]:
    shots = out / "shots"
    shots.mkdir(parents=True, exist_ok=True)
    events = []
    for i, (category, lang, lines) in enumerate(SHOTS):
        size = SIZES[i % 2]
        style = STYLES[i % len(STYLES)]
        font_px = size[0] // 26
        image, truth = render_lines(lines, style=style, size=size, font_px=font_px, seed=100 + i)
        drawn = [t.text for t in truth]
        if drawn != lines:
            raise SystemExit(f"screenshot {i}: lines did not fit: {drawn} vs {lines}")
        tag = category or "benign"
        if i % 3 == 2:
            name = f"shots/{i:02d}_{tag}.jpg"
            cv2.imwrite(str(out / name), image, [cv2.IMWRITE_JPEG_QUALITY, 85])
        else:
            name = f"shots/{i:02d}_{tag}.png"
            cv2.imwrite(str(out / name), image)
        events.append(
            {
                "media": name,
                "kind": "screenshot",
                "start_s": None,
                "end_s": None,
                "language": lang,
                "category": category,
                "text": " / ".join(lines),
                "style": style,
                "size": list(size),
            }
        )
    return events


def _events_of(doc: dict, media: str) -> list[dict]:
    keep = ("kind", "start_s", "end_s", "language", "category", "text")
    return [{"media": media, **{k: e[k] for k in keep}} for e in doc["events"]]


def generate(out: Path) -> dict:
    """Build the whole set into `out`; returns the truth document (also written as truth.json)."""
    out.mkdir(parents=True, exist_ok=True)
    media: list[dict] = []
    events: list[dict] = []
    shutil.copyfile(DEMO_DIR / "demo.mp4", out / "demo.mp4")
    demo = json.loads((DEMO_DIR / "ground_truth.json").read_text(encoding="utf-8"))
    docs = {"demo.mp4": demo}
    for name, script in RECORDINGS.items():
        print(f"generating {name} ...", flush=True)
        check_fit(script)
        docs[name] = make_demo.make_recording(script, out / name, out / f"{Path(name).stem}.json")
    for name, doc in docs.items():
        media.append(
            {
                "media": name,
                "kind": "video",
                "duration_s": doc["duration_s"],
                "silences_s": doc["silences_s"],
            }
        )
        events += _events_of(doc, name)
    shot_events = make_screenshots(out)
    media += [{"media": e["media"], "kind": "image"} for e in shot_events]
    events += shot_events
    truth = {
        "note": (
            "No obscene imagery: none exists offline and none may be generated; obscene is "
            "evaluated as text, and the image classifier only on benign pictures."
        ),
        "media": media,
        "events": events,
    }
    (out / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return truth


def summary(truth: dict) -> str:
    rows: dict[tuple[str, str], int] = {}
    for e in truth["events"]:
        key = (e["kind"], e["category"] or "benign")
        rows[key] = rows.get(key, 0) + 1
    return "\n".join(f"  {k:<10} {c:<14} {n}" for (k, c), n in sorted(rows.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "eval_set")
    args = ap.parse_args(argv)
    truth = generate(args.out)
    print(f"wrote {args.out / 'truth.json'}: {len(truth['events'])} events")
    print(summary(truth))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

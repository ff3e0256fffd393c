"""TextScorer end to end, with precision/recall on held-out sentences not in the corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.paths import lexicon_dir, text_model_dir
from reviewer.text import TextHit, TextScorer
from reviewer.text.lexicon import Lexicon

# Held-out sentences, NOT in models/text/corpus.jsonl (test_heldout_is_not_in_the_corpus checks).
# The first list was written after the lexicons and the first corpus, and was used once to
# diagnose false alarms (warning cues, model weight); the second list was written after that and
# scored once before any further change. Each row: (text, language, expected categories).

VIOLATING: list[tuple[str, str | None, set[str]]] = [
    # gambling
    ("Tối nay anh em theo em vào kèo Chelsea, nhà cái đang trả một ăn hai", "vi", {"gambling"}),
    ("Link cá cược mình để ở bình luận ghim, đăng ký nhận ngay 88k", "vi", {"gambling"}),
    ("Ai chơi xóc đĩa thì vào phòng của em, chẵn lẻ trả tiền liền", "vi", {"gambling"}),
    ("Nạp 300k tặng thêm 300k, quay hũ thả ga cả đêm", "vi", {"gambling"}),
    ("Con số may mắn hôm nay là 27, anh em ghi đề qua zalo em nhé", "vi", {"gambling"}),
    ("trờ bạc online uy tín, rút tiền nhanh", "vi", {"gambling"}),
    ("vao nha cai nay dat cuoc di anh em", None, {"gambling"}),
    ("Game bài đổi thưởng mới ra, tặng code 50k cho thành viên mới", "vi", {"gambling"}),
    ("Put your money on the away side, the bookmaker gives great odds tonight", "en", {"gambling"}),
    ("Use my code at the online casino for a 200 percent deposit bonus", "en", {"gambling"}),
    # fraud
    ("Tuyển người làm nhiệm vụ tại nhà, nạp trước 300k để nhận đơn, hoa hồng 30%", "vi", {"fraud"}),
    (
        "Chúc mừng chị đã trúng thưởng xe SH, chị chuyển phí nhận quà 2 triệu cho em",
        "vi",
        {"fraud"},
    ),
    ("Em bên ngân hàng đây, anh đọc giúp em mã OTP vừa gửi về máy", "vi", {"fraud"}),
    ("Gửi em 10 triệu, cuối tuần em trả lại 20 triệu, cam kết lợi nhuận", "vi", {"fraud"}),
    ("Sàn đầu tư này lãi 4% mỗi ngày, không rủi ro, anh chị vào sớm", "vi", {"fraud"}),
    ("Hồ sơ vay đã duyệt, anh chuyển phí giải ngân 1tr5 để nhận tiền nhé", "vi", {"fraud"}),
    ("chuyển khoảng trước cho em thì em mới gửi quà trúng thưởng", "vi", {"fraud"}),
    (
        "Congratulations, you have won an iPhone, pay the shipping fee to claim your prize",
        "en",
        {"fraud"},
    ),
    ("Send me the OTP code you just received so I can unlock your account", "en", {"fraud"}),
    ("Invest with us and double your money in one week, guaranteed", "en", {"fraud"}),
    # illegal trade
    ("Bên mình có pod thuốc lá điện tử và bóng cười, giao hàng ban đêm", "vi", {"illegal_trade"}),
    ("Túi xách fake 1:1, đồng hồ super fake, giá chỉ bằng một phần mười", "vi", {"illegal_trade"}),
    ("Nhận làm bằng lái xe và bằng cấp 3, không cần thi", "vi", {"illegal_trade"}),
    ("Có súng hơi và đạn, anh em cần thì nhắn riêng", "vi", {"illegal_trade"}),
    ("Cần sa loại một, ship kín trong ngày", "vi", {"illegal_trade"}),
    ("Selling replica watches and fake designer shoes, DM me", "en", {"illegal_trade"}),
    ("Weed delivery tonight, message me your address", "en", {"illegal_trade"}),
    # personal data
    ("Em có data khách hàng mua nhà chung cư, 20 nghìn số, bán rẻ", "vi", {"personal_data"}),
    ("Thu mua tài khoản ngân hàng không dùng, trả 500k một tài khoản", "vi", {"personal_data"}),
    ("Tra cứu chủ thuê bao và định vị số điện thoại, bảo mật", "vi", {"personal_data"}),
    (
        "Selling customer data from a shopping site, names and phone numbers",
        "en",
        {"personal_data"},
    ),
    # insult
    ("Mày đúng là thằng ngu, về học lại lớp một đi", "vi", {"insult"}),
    ("Đồ súc vật, đừng có vào live tao nữa", "vi", {"insult"}),
    ("Con mụ kia là đồ mất dạy, ăn nói như cái loa", "vi", {"insult"}),
    ("You are such an idiot, nobody asked you", "en", {"insult"}),
    ("Shut up, you worthless scumbag", "en", {"insult"}),
    # profanity
    ("Địt mẹ, mạng lag quá trời", "vi", {"profanity"}),
    ("Vãi lồn thật, thua ngu thế", "vi", {"profanity"}),
    ("Đéo chơi nữa, cái game đcm", "vi", {"profanity"}),
    ("What the fuck, this is bullshit", "en", {"profanity"}),
    # obscene
    ("Vào nhóm kín xem clip nóng không che, phí 50k", "vi", {"obscene"}),
    ("Em cởi đồ trên live nếu đủ 500 lượt tặng quà", "vi", {"obscene"}),
    ("Sex tape of the singer leaked, link in bio", "en", {"obscene"}),
]

BENIGN: list[tuple[str, str | None, set[str]]] = [
    # football without betting
    ("Quang Hải đi bóng qua hai hậu vệ rồi dứt điểm chéo góc", "vi", set()),
    ("Tỷ số đang là một đều, hiệp hai còn hai mươi phút", "vi", set()),
    ("Đội tuyển nữ Việt Nam vừa giành vé dự World Cup", "vi", set()),
    ("Mình dự đoán trận này hòa, các bạn nghĩ sao", "vi", set()),
    ("Trận cầu đinh cuối tuần giữa Liverpool và Man United", "vi", set()),
    ("The keeper made three great saves in the second half", "en", set()),
    ("I think the home side will win because their midfield is stronger", "en", set()),
    # bank warning about scams
    ("Ngân hàng không bao giờ gọi điện yêu cầu khách hàng đọc mã OTP", "vi", set()),
    ("Cảnh báo: kẻ gian giả danh công an yêu cầu chuyển tiền, mọi người cẩn thận", "vi", set()),
    ("Đừng cung cấp số tài khoản và mật khẩu cho bất kỳ ai qua điện thoại", "vi", set()),
    ("Nhiều người đã mất tiền vì tin lời mời làm việc nhẹ lương cao, đừng tin", "vi", set()),
    ("Your bank will never ask you to share a one time password, beware of scams", "en", set()),
    ("Police warn that fake investment sites promise guaranteed profits", "en", set()),
    # shop selling ordinary goods
    ("Áo sơ mi trắng giá 180k, mua hai cái tặng một đôi tất", "vi", set()),
    ("Chị nào lấy nồi cơm thì để lại số điện thoại, shop gọi xác nhận", "vi", set()),
    (
        "Thanh toán chuyển khoản vào tài khoản Techcombank của shop hoặc trả tiền mặt khi nhận",
        "vi",
        set(),
    ),
    ("Xoài cát Hòa Lộc ngọt lịm, 60 nghìn một ký, ship nội thành", "vi", set()),
    ("Dép tổ ong chính hãng, đủ size, bảo hành ba tháng", "vi", set()),
    ("Gọi 0912 345 678 để đặt bánh kem sinh nhật", "vi", set()),
    ("This jacket is 35 dollars, free shipping on orders over 50", "en", set()),
    ("Message us for sizes, we ship every weekday", "en", set()),
    # cooking stream
    ("Phi thơm hành tỏi rồi cho thịt bò vào xào lửa lớn", "vi", set()),
    ("Nước dùng bún riêu phải có cua đồng giã nhuyễn", "vi", set()),
    ("Chiên cá cho vàng hai mặt rồi mới rim với nước mắm", "vi", set()),
    ("Bánh này nướng ở 180 độ trong 25 phút", "vi", set()),
    ("Chop the onions finely and fry them until golden", "en", set()),
    ("Season the soup with salt and a little sugar", "en", set()),
    # game streams
    ("Mình đang farm quái để lên cấp, anh em chờ chút", "vi", set()),
    ("Pha này team bạn gank quá hay, mình chết oan", "vi", set()),
    ("Cảm ơn bạn đã tặng 100 xu, mình mở rương luôn nhé", "vi", set()),
    ("Let's finish this raid and then open the loot boxes", "en", set()),
    # everyday talk
    ("Hôm nay nhà mình đi chợ mua rau muống và cá rô", "vi", set()),
    ("Mẹ mình đang ốm, mọi người cầu nguyện giúp mình nhé", "vi", set()),
    ("Cuối tuần này cả lớp đi dã ngoại ở Ba Vì", "vi", set()),
    ("Con chó nhà hàng xóm sủa cả đêm", "vi", set()),
    ("Con lợn đất của bé đã đầy tiền tiết kiệm", "vi", set()),
    ("Cô giáo mình rất hiền và dạy rất hay", "vi", set()),
    ("Chiều nay trời nắng đẹp, đi đá bóng thôi", "vi", set()),
    ("Kết quả xổ số hôm nay sẽ có trên báo tối", "vi", set()),
    ("Bản tin: công an bắt giữ nhóm cá độ bóng đá tại Hà Nội", "vi", set()),
    ("Thanks everyone for watching, see you on Friday", "en", set()),
    ("The weather is lovely today, let's walk the dog", "en", set()),
    ("My grandmother makes the best spring rolls", "en", set()),
]

# Second list, written after the detector settings were fixed and scored once, untouched since:
# the first list was used to diagnose false alarms (see the report), this one was not.
VIOLATING_B: list[tuple[str, str | None, set[str]]] = [
    ("Anh em muốn gỡ lại thì vào kèo tài xỉu hiệp hai với em", "vi", {"gambling"}),
    ("Nhà cái tặng 100% lần nạp đầu, link ở mô tả kênh", "vi", {"gambling"}),
    ("Tối nay lô đề về con gì anh em, em ghi hộ cho", "vi", {"gambling"}),
    ("ca cuoc bong da uy tin, nap rut nhanh", None, {"gambling"}),
    ("Bet on tonight's derby with my referral link and get a free bet", "en", {"gambling"}),
    ("Làm cộng tác viên chốt đơn ảo, nạp tiền trước rồi nhận lại cả gốc lẫn lãi", "vi", {"fraud"}),
    ("Anh chị chỉ cần chuyển phí bảo hiểm khoản vay là tiền về tài khoản ngay", "vi", {"fraud"}),
    ("Đưa em mã o tê pê để em hoàn tiền cho chị nhé", "vi", {"fraud"}),
    ("Bỏ vào 5 triệu, sau 3 ngày rút về 10 triệu, x2 tài khoản", "vi", {"fraud"}),
    ("Pay a small processing fee and the loan is released today", "en", {"fraud"}),
    ("Bán thuốc lắc và ke cho dân bay, giao tận phòng", "vi", {"illegal_trade"}),
    ("Có bằng đại học giả, đóng dấu đỏ như thật", "vi", {"illegal_trade"}),
    ("Pháo nổ loại to, ship kín dịp Tết, ai cần nhắn", "vi", {"illegal_trade"}),
    ("Fake passports and IDs, ready in two days", "en", {"illegal_trade"}),
    ("Bán data khách hàng đã mua bảo hiểm, có cả số căn cước", "vi", {"personal_data"}),
    ("Cần thuê tài khoản ngân hàng chính chủ, trả tiền theo tháng", "vi", {"personal_data"}),
    ("We sell fullz and bank logins, bulk orders welcome", "en", {"personal_data"}),
    ("Mày là đồ vô học, nói chuyện như con chó", "vi", {"insult"}),
    ("Thằng óc lợn này không biết gì mà cũng bình luận", "vi", {"insult"}),
    ("You're a moron and everyone here knows it", "en", {"insult"}),
    ("Đụ má, trúng chiêu cuối chết luôn", "vi", {"profanity"}),
    ("Cái lồn gì thế, sao nó hồi máu nhanh vậy", "vi", {"profanity"}),
    ("Holy fuck, that boss just one-shot me", "en", {"profanity"}),
    ("Ai muốn xem video nóng của em thì vào nhóm kín trả phí", "vi", {"obscene"}),
    ("Leaked nudes of the streamer, link below", "en", {"obscene"}),
]

BENIGN_B: list[tuple[str, str | None, set[str]]] = [
    ("Hiệp hai đội khách đá hay hơn, gỡ hòa ở phút 80", "vi", set()),
    ("Anh em dự đoán tỷ số trận chung kết đi, cho vui thôi", "vi", set()),
    ("The striker missed an open goal, unbelievable", "en", set()),
    (
        "Ngân hàng nhắc khách hàng không bấm vào đường link lạ và không đọc mã OTP cho ai",
        "vi",
        set(),
    ),
    ("Cẩn thận các tài khoản giả mạo shop, shop chỉ bán trên trang chính thức", "vi", set()),
    ("Never pay a fee to receive a prize, that is how scammers work", "en", set()),
    ("Shop có dầu gội thảo dược, 120k một chai, mua hai chai giảm 20k", "vi", set()),
    ("Các bạn chuyển khoản theo số tài khoản trên màn hình, ghi tên người nhận", "vi", set()),
    ("Đặt hàng qua hotline 0868 123 456, giao trong hai giờ", "vi", set()),
    ("Fresh bread every morning, order by phone for pickup", "en", set()),
    ("Cho nước dừa vào nồi thịt kho, đun lửa nhỏ một tiếng", "vi", set()),
    ("Mình làm nem rán, cuốn chặt tay để khi rán không bị bục", "vi", set()),
    ("Whisk the eggs with a pinch of salt before frying", "en", set()),
    ("Mình sắp lên cấp 50, anh em chờ xem mở khóa kỹ năng mới", "vi", set()),
    ("Trận rank này khó quá, đối thủ toàn cao thủ", "vi", set()),
    ("Let's try the new map, I heard it has hidden treasure", "en", set()),
    ("Hôm nay mình kể chuyện về chuyến đi Sa Pa", "vi", set()),
    ("Mẹ mình gửi lên quê một thùng cam", "vi", set()),
    ("Bé nhà mình mới biết đi, cả nhà vui lắm", "vi", set()),
    ("Nhớ tắt bếp ga trước khi ra khỏi nhà nhé", "vi", set()),
    ("Phim tài liệu về các vụ lừa đảo qua mạng, rất đáng xem để đề phòng", "vi", set()),
    ("I bought a second hand guitar and it sounds great", "en", set()),
    ("Thank you all for the birthday wishes", "en", set()),
    ("Cuối tuần này mình đi câu cá ở hồ Trị An", "vi", set()),
    ("Chú ý giữ gìn sức khỏe khi thời tiết thay đổi", "vi", set()),
]


ALL = VIOLATING + BENIGN + VIOLATING_B + BENIGN_B


@pytest.fixture(scope="module")
def detector() -> TextScorer:
    return TextScorer()


def test_heldout_is_not_in_the_corpus() -> None:
    corpus = {
        json.loads(line)["text"].strip().casefold()
        for line in (text_model_dir() / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    }
    leaked = [t for t, _, _ in ALL if t.strip().casefold() in corpus]
    assert leaked == []


def _precision_recall(detector: TextScorer, rows) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    wrong: list[str] = []
    for text, language, expected in rows:
        got = {h.category for h in detector.detect(text, language)}
        tp += len(got & expected)
        fp += len(got - expected)
        fn += len(expected - got)
        if got != expected:
            wrong.append(f"{text!r}: expected {sorted(expected)}, got {sorted(got)}")
    return tp / max(1, tp + fp), tp / max(1, tp + fn), wrong


@pytest.mark.parametrize(
    "rows",
    [VIOLATING + BENIGN, VIOLATING_B + BENIGN_B],
    ids=["heldout-a", "heldout-b"],
)
def test_heldout_precision_and_recall(detector: TextScorer, rows) -> None:
    precision, recall, wrong = _precision_recall(detector, rows)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, wrong)


def test_benign_lookalikes_do_not_fire(detector: TextScorer) -> None:
    for text, language, _ in BENIGN + BENIGN_B:
        hits = detector.detect(text, language)
        fired = [(h.category, h.score, h.reason) for h in hits]
        assert len(fired) <= 1, (text, fired)  # at most one near-miss is tolerated overall
    fired_total = sum(bool(detector.detect(t, lang)) for t, lang, _ in BENIGN + BENIGN_B)
    assert fired_total <= 1


def test_hit_fields_and_spans(detector: TextScorer) -> None:
    text = "Anh em vào N.H.À C.Á.I chơi cờ bạt, nạp 100k tặng 200k qua STK 0123456789 VCB"
    hits = {h.category: h for h in detector.detect(text, "vi")}
    gambling = hits["gambling"]
    assert isinstance(gambling, TextHit)
    assert 0.5 <= gambling.score <= 1
    assert "nhà cái" in gambling.matched_terms
    assert any(t.startswith("deposit_offer") for t in gambling.matched_terms)
    assert any(t.startswith("bank_account") for t in gambling.matched_terms)
    covered = [text[a:b] for a, b in gambling.spans]
    assert "N.H.À C.Á.I" in covered and "chơi cờ bạt" in covered
    assert "nạp 100k tặng 200k" in covered and "0123456789" in covered
    assert "lexicon" in gambling.reason and "model p=" in gambling.reason
    assert len(gambling.matched_terms) == len(gambling.spans)


def test_a_phone_number_alone_never_fires(detector: TextScorer) -> None:
    for text in ["0901 234 567", "Gọi 0901234567", "+84 912 345 678 nhé", "STK 0123456789 VCB"]:
        assert detector.detect(text, "vi") == [], text


def test_warnings_and_negations_damp(detector: TextScorer) -> None:
    offer = {h.category for h in detector.detect("Cho em xin mã OTP để em cộng tiền", "vi")}
    warning = detector.detect("Ngân hàng cảnh báo: không cung cấp mã OTP cho bất kỳ ai", "vi")
    assert "fraud" in offer and warning == []


def test_provenance(detector: TextScorer) -> None:
    card = json.loads((text_model_dir() / "text_classifier.json").read_text(encoding="utf-8"))
    assert detector.model_sha256 == card["sha256"]
    # The n-gram model's id, then the meaning head's (on by default) and the tone restorer's.
    assert detector.model_id == f"{card['model_id']}+{detector.meaning.record_id}"
    assert detector.meaning.record_id.startswith(f"{detector.meaning.model_id}+tones-")
    assert len(detector.lexicon_sha256) == 64


def test_empty_text(detector: TextScorer) -> None:
    assert detector.detect("", "vi") == []
    assert detector.detect("   ...  ", None) == []
    assert detector.detect_many([], "vi") == []


def test_batch_equals_single(detector: TextScorer) -> None:
    texts = [t for t, _, _ in ALL[:20]]
    assert detector.detect_many(texts) == [detector.detect(t) for t in texts]


def test_thresholds_per_category(detector: TextScorer) -> None:
    text = "Mày đúng là thằng ngu"
    found = {h.category: h.score for h in detector.detect(text, "vi")}
    assert "insult" in found
    strict = TextScorer(thresholds={"insult": found["insult"] + 0.001})
    assert "insult" not in {h.category for h in strict.detect(text, "vi")}
    assert any(h.category == "insult" for h in strict.score_all(text, "vi"))


def test_lexicon_only_and_agency_category(tmp_path: Path) -> None:
    for src in lexicon_dir().iterdir():
        (tmp_path / src.name).write_bytes(src.read_bytes())
    (tmp_path / "hang_gia.txt").write_text("thuốc giả | 0.9\n", encoding="utf-8")
    det = TextScorer(lexicon_dir=tmp_path, use_model=False, meaning=False)
    assert det.model_id == "lexicon-only" and det.model_sha256 == ""
    hits = det.detect("bán thuốc giả giá rẻ", "vi")
    assert [h.category for h in hits] == ["hang_gia"]
    assert "hang_gia" in Lexicon.load(tmp_path).categories


def test_engine_text_package_does_not_import_qt() -> None:
    code = (
        "import sys, reviewer.text as t; t.TextScorer().detect('cá độ'); "
        "bad=[m for m in sys.modules if m.startswith(('PySide', 'PyQt', 'shiboken'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


# Found by bench/eval_detection.py: what Whisper and OCR really produced on the evaluation set.
EVAL_FINDINGS = [
    ("DM for the menu", "vi", set()),  # a direct message, not "địt mẹ"
    ("inbox dm shop nhé", "vi", set()),
    ("dm hôm qua thua", "vi", {"profanity"}),
    ("Bùi quà, bùi quên viết bán bòi nạy", "vi", set()),  # misheard "bóng đá"
    ("We also sell air guns, and smuggled goods at a low price", "vi", {"illegal_trade"}),
    ("We sell customer data with phone numbers, send me a message", "vi", {"personal_data"}),
]


@pytest.mark.parametrize(("text", "language", "expected"), EVAL_FINDINGS)
def test_evaluation_findings(detector: TextScorer, text, language, expected) -> None:
    assert {h.category for h in detector.detect(text, language)} == expected


def test_english_crypto_scam_is_fraud_not_gambling():
    from reviewer.text import TextScorer

    detector = TextScorer()
    text = (
        "Guaranteed profit 300% in 7 days! Send crypto to this wallet and we double your "
        "bitcoin. Limited slots left."
    )
    hits = {h.category: h.score for h in detector.score_many([text], "en")[0]}
    assert hits.get("fraud", 0) >= 0.5
    assert hits.get("gambling", 0) < 0.5
    # An ordinary sentence with an ambiguous word raises nothing.
    plain = detector.score_many(["We have three time slots left for the meeting."], "en")[0]
    assert not [h for h in plain if h.score >= 0.5]

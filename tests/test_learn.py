"""`reviewer learn`: proposals from known decisions, --apply then re-detection, model versions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import reviewer_cmd
from reviewer.detections import MediaDetector, load_text_scorer
from reviewer.ingest import ingest_file
from reviewer.learn import versions
from reviewer.learn.apply import revert
from reviewer.paths import lexicon_dir, text_model_dir
from reviewer.settings import load_settings
from reviewer.store import open_case
from reviewer.store.officer_flags import add_officer_flag

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resources" / "demo"))
import speech_clips  # noqa: E402

OFFICER = "cb-042"
# (start, text, decision): None leaves the flag pending, "add" has the officer add a gambling flag.
LEARNED = [
    (10, "Các bạn vào nhà cái chơi cờ bạc nhé", "confirmed"),
    (30, "cá độ bóng đá tối nay vào kèo", "confirmed"),
    (50, "ôi đồ ngu này, đùa thôi mà", "rejected"),
    (70, "haha đồ ngu, bạn tôi đấy", "rejected"),
    (90, "anh em bơm lúa đi", "add"),
    (110, "tối nay bơm lúa nhé", "add"),
    (130, "xin chào các bạn hôm nay nấu phở", None),
    (150, "đồ ngu nó lại quên chìa khoá rồi", "rejected"),
]
LATER = [(10, "mọi người bơm lúa vào đây", None), (40, "thằng này đồ ngu thật", None)]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*reviewer_cmd(), *args], capture_output=True, text=True, timeout=300)


def _detect(case, media_id: int) -> None:
    s = load_settings()
    detector = load_text_scorer(Path(s.lexicon_dir) if s.lexicon_dir else None)
    MediaDetector(case, media_id, detector, s.thresholds, "vi").complete()


def _make_case(folder: Path, lines: list, tmp: Path) -> Path:
    """A case of one silent recording whose transcript is `lines`, detected, then decided."""
    wav = tmp / f"{folder.name}.wav"
    speech_clips.write_wav(wav, np.zeros(16000 * 200, dtype=np.int16))
    with open_case(folder, officer=OFFICER) as case:
        media_id = ingest_file(case, wav).media_id
        case.save_speech_chunk(
            media_id,
            [{"start_s": s, "end_s": s + 3.0, "text": t} for s, t, _ in lines],
            200.0,
        )
        _detect(case, media_id)
        for start, _, decision in lines:
            flags = [f for f in case.flags([media_id]) if f["start_s"] == start]
            if decision == "add":
                assert not flags, "the scenario needs a moment the machine missed"
                add_officer_flag(case, media_id, start, start + 3.0, "gambling")
            elif decision:
                (flag,) = flags
                case.decide_flag(flag["id"], decision, OFFICER)
    return folder


def _top_rejected(folder: Path, category: str) -> float:
    """The highest score of a rejected flag of `category`: a learned threshold must pass it."""
    with open_case(folder, create=False) as case:
        return max(
            f["score"]
            for f in case.flags()
            if f["category"] == category and f["status"] == "rejected"
        )


@pytest.fixture
def learned(tmp_path):
    return _make_case(tmp_path / "case-a", LEARNED, tmp_path)


def test_learn_json_proposals(learned):
    out = _cli("learn", "--case", str(learned), "--json", "--no-model")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["decisions"] == {"confirmed": 2, "rejected": 3, "officer": 2}
    by_cat = {t["category"]: t for t in data["thresholds"]}
    insult = by_cat["insult"]
    # Three rejected insult flags, none confirmed: raise the threshold above the highest (0.85
    # with lexicons alone; the meaning model scores the "đồ ngu" jokes higher, up to 0.99).
    assert insult["changes"] and insult["current"] == 0.5
    assert _top_rejected(learned, "insult") < insult["suggested"] <= 0.99
    assert insult["removed_rejected"] == 3 and insult["precision_now"] == 0.0
    assert "would have removed 3 of 3 rejected flags, kept 0 of 0 confirmed" in insult["summary"]
    gambling = by_cat["gambling"]
    # Both confirmed flags are well above 0.5; the added moments scored nothing a threshold
    # could reach: no change, recall 2 of 4.
    assert not gambling["changes"] and gambling["recall_now"] == 0.5
    assert gambling["kept_confirmed"] == 2 and gambling["added"] == 2
    removals = {(r["category"], r["term"]) for r in data["lexicon"]["remove"]}
    assert removals == {("insult", "đồ ngu")}
    adds = {(a["category"], a["phrase"]) for a in data["lexicon"]["add"]}
    assert ("gambling", "bơm lúa") in adds
    phrases = {p for _, p in adds}
    # Never a phrase the officers saw elsewhere or rejected, nor what the lexicon already holds.
    assert not phrases & {"các bạn", "đồ ngu", "nhà cái", "bơm", "lúa"}
    assert "text_model" in data and data["applied"] == []
    # Without --apply nothing changed.
    assert load_settings().thresholds == {} and not load_settings().lexicon_dir


def test_learn_apply_then_redetection(learned, tmp_path, reviewer_home):
    later = _make_case(tmp_path / "case-b", LATER, tmp_path)
    with open_case(later, create=False) as case:
        before = {f["start_s"]: f for f in case.flags()}
    assert set(before) == {40.0}  # the insult look-alike; nothing for "bơm lúa" yet
    out = _cli("learn", "--case", str(learned), "--apply", "--no-model", "--officer", "lead-1")
    assert out.returncode == 0, out.stderr
    settings = load_settings()
    assert list(settings.thresholds) == ["insult"]
    assert _top_rejected(learned, "insult") < settings.thresholds["insult"] <= 0.99
    folder = Path(settings.lexicon_dir)
    assert folder == reviewer_home / "lexicons"
    insult = (folder / "insult.txt").read_text(encoding="utf-8")
    assert "# đồ ngu | 0.8  # removed by reviewer learn" in insult
    assert "bơm lúa | 0.7  # added by reviewer learn" in (folder / "gambling.txt").read_text(
        encoding="utf-8"
    )
    with open_case(learned, create=False) as case:
        actions = [
            (a, json.loads(p))
            for a, p in case.conn.execute(
                "SELECT action, payload FROM audit WHERE action LIKE 'learn.%'"
            )
        ]
        decided = {f["id"]: f["status"] for f in case.flags()}
    assert sorted(a for a, _ in actions) == [
        "learn.lexicon_add", "learn.lexicon_remove", "learn.threshold",
    ]  # fmt: skip
    assert all(p["learned_from"] and "officer" not in p for _, p in actions)
    assert _cli("audit", "--case", str(learned)).returncode == 0
    # Re-detection of a later case with what was learned.
    with open_case(later, create=False) as case:
        _detect(case, 1)
        after = {f["start_s"]: f for f in case.flags()}
    # The insult look-alike is no longer raised by the removed term. (With the meaning model on,
    # "thằng này đồ ngu thật" still reads as an insult by meaning alone: `learn --no-model` does
    # not refit the head, and the sentence scores above the learned threshold.)
    assert 40.0 not in after or "đồ ngu" not in after[40.0]["matched"]
    assert after[10.0]["category"] == "gambling" and after[10.0]["matched"] == ["bơm lúa"]
    # Re-detection of the learned case leaves its decisions as they were.
    with open_case(learned, create=False) as case:
        _detect(case, 1)
        assert {f["id"]: f["status"] for f in case.flags() if f["id"] in decided} == decided
    # Each applied change can be undone from what the audit log recorded.
    for action, payload in actions:
        revert({"action": action, **payload}, [learned], "lead-1")
    assert load_settings().thresholds == {"insult": 0.5}
    for name in ("insult.txt", "gambling.txt"):
        assert (folder / name).read_bytes() == (lexicon_dir() / name).read_bytes()
    with open_case(learned, create=False) as case:
        reverts = case.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'learn.revert'")
        assert reverts.fetchone()[0] == 3


POSITIVE = [
    "anh em bơm lúa vào ví nhé", "tối nay bơm lúa mạnh vào anh em", "bơm lúa đi rồi rút về",
    "ai bơm lúa thì inbox mình", "bơm lúa lên bàn đi anh em", "hôm nay bơm lúa x2 nhé",
]  # fmt: skip
NEGATIVE = ["hôm nay mình gặt lúa ngoài đồng", "máy bơm nước bị hỏng rồi", "giá lúa tăng mạnh"]


def _text_case(folder: Path, confirmed: list[str], rejected: list[str], tmp: Path) -> Path:
    wav = tmp / f"{folder.name}.wav"
    speech_clips.write_wav(wav, np.zeros(16000 * 100, dtype=np.int16))
    with open_case(folder, officer=OFFICER) as case:
        media_id = ingest_file(case, wav).media_id
        for i, (text, status) in enumerate(
            [(t, "confirmed") for t in confirmed] + [(t, "rejected") for t in rejected]
        ):
            flag_id = (
                case.db["flag"]
                .insert(
                    {
                        "media_id": media_id,
                        "start_s": i * 10.0,
                        "end_s": i * 10.0 + 3,
                        "category": "gambling",
                        "score": 0.6,
                        "source": "speech",
                        "text": text,
                        "matched": "[]",
                        "models": "[]",
                        "status": "pending",
                    }  # fmt: skip
                )
                .last_pk
            )
            case.decide_flag(flag_id, status, OFFICER)
    return folder


def _pool_strings(onnx_path: Path) -> set[str]:
    import onnx

    model = onnx.load(str(onnx_path))
    node = next(n for n in model.graph.node if n.op_type == "TfIdfVectorizer")
    attr = next(a for a in node.attribute if a.name == "pool_strings")
    return {s.decode() for s in attr.strings}


@pytest.mark.slow
def test_retrain_installs_only_when_better_and_rolls_back(tmp_path):
    shipped = json.loads((text_model_dir() / "text_classifier.json").read_text())["sha256"]
    # Decisions the shipped model already gets right (corpus lines, same labels): not better.
    corpus = [json.loads(x) for x in (text_model_dir() / "corpus.jsonl").read_text().splitlines()]
    easy = _text_case(
        tmp_path / "easy",
        [r["text"] for r in corpus if r["labels"] == ["gambling"]][:4],
        [r["text"] for r in corpus if not r["labels"]][:3],
        tmp_path,
    )
    out = _cli("learn", "--case", str(easy), "--json", "--apply", "--officer", "lead-1")
    assert out.returncode == 0, out.stderr
    model = json.loads(out.stdout)["text_model"]
    assert model["better"] is False and model["f1_new"] <= model["f1_current"]
    assert versions.history() == [] and load_text_scorer().model_sha256 == shipped

    hard = _text_case(tmp_path / "hard", POSITIVE, NEGATIVE, tmp_path)
    out = _cli("learn", "--case", str(hard), "--json", "--apply", "--accept", "text-model",
               "--officer", "lead-1")  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["text_model"]["better"] is True
    assert data["text_model"]["f1_new"] > data["text_model"]["f1_current"]
    (installed,) = data["applied"]
    assert installed["action"] == "learn.model_install" and installed["version"] == "v1"
    detector = load_text_scorer()
    assert detector.model_sha256 == installed["sha256"] != shipped
    assert detector.model_id.startswith("text-learned-v1-")
    card = json.loads((versions.store_dir() / "v1" / "text_classifier.json").read_text())
    assert card["based_on"]["sha256"] == shipped and card["training_data"]["decided_texts"] == 9
    card_text = json.dumps(card, ensure_ascii=False)
    assert not any(t in card_text for t in POSITIVE + NEGATIVE)
    # The model's n-grams are the corpus's alone: no decided text went into it.
    assert _pool_strings(versions.store_dir() / "v1" / "text_classifier.onnx") == _pool_strings(
        text_model_dir() / "text_classifier.onnx"
    )
    # Later detections (and the flags made of them) name the learned version.
    with open_case(hard, create=False) as case:
        case.save_speech_chunk(1, [{"start_s": 90, "end_s": 93, "text": POSITIVE[0]}], 100.0)
        _detect(case, 1)
        names = {d["model_id"] for d in case.detections(media_id=1)}
    assert names and all(name.startswith("text-learned-v1-") for name in names)

    back = _cli("learn", "--rollback", "--json", "--case", str(hard), "--officer", "lead-1")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["sha256"] == shipped
    assert load_text_scorer().model_sha256 == shipped
    with open_case(hard, create=False) as case:
        logged = [a for (a,) in case.conn.execute("SELECT action FROM audit")]
    assert "learn.model_install" in logged and "learn.model_rollback" in logged

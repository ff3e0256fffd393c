"""Damaged real media through the isolated child: every file ends analysed or failed with a
reason, the parent (this test process) lives on, no file passes the no-progress limit.

The default run takes a quarter of the set (26 of 104 files, every kind of damage of every
source) with the fake speech engine in the child and the real decoders, OCR and image model;
REVIEWER_FUZZ_ALL=1 runs all 104 here, and `python scripts/make_fuzzed_media.py OUT --run CASE`
runs all 104 with the real models too."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

import pytest
from child_fakes import fake_models_in_child

from reviewer.analysis.child_process import ChildBackend
from reviewer.analysis.options import AnalysisOptions
from reviewer.cluster.driver import ClusterAnalyzer
from reviewer.store import open_case

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_fuzzed_media.py"
STALL_S = 60.0


def _script():
    spec = importlib.util.spec_from_file_location("make_fuzzed_media", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    return _script().make_set(tmp_path_factory.mktemp("fuzzed"))


def test_the_set_is_large_and_the_same_for_the_same_seed(fuzzed, tmp_path):
    assert len(fuzzed) >= 100
    kinds = {p.suffix for p in fuzzed}
    assert kinds == {".mp4", ".m4a", ".png", ".jpg"}
    again = _script().make_set(tmp_path / "again")
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in fuzzed}
    assert digest == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in again}


def test_every_damaged_file_ends_analysed_or_failed_with_a_reason(fuzzed, tmp_path):
    subset = sorted(fuzzed)[:: 1 if os.environ.get("REVIEWER_FUZZ_ALL") == "1" else 4]
    options = AnalysisOptions(language="en", speech_bias="none")
    with ChildBackend(stall_s=STALL_S, setup=fake_models_in_child) as backend:
        with open_case(tmp_path / "case") as case:
            result = ClusterAnalyzer(case, options, backend).run(subset)
            stored = {m["path"].rsplit("/", 1)[-1]: m for m in case.list_media()}
        finished = list(backend.finished)
    assert len(result.outcomes) == len(subset)
    for outcome in result.outcomes:
        assert outcome.status in ("analyzed", "failed"), outcome
        if outcome.status == "failed":
            assert outcome.error and len(outcome.error) > 10, outcome
    assert all(m["status"] in ("analyzed", "failed") for m in stored.values())
    per_file: dict[str, float] = {}
    for _task, name, seconds, _outcome in finished:
        per_file[name] = per_file.get(name, 0.0) + seconds
    assert max(per_file.values()) < STALL_S, per_file
    analysed = sum(o.status == "analyzed" for o in result.outcomes)
    print(f"{analysed} analysed, {len(subset) - analysed} failed; slowest {max(per_file.values())}")

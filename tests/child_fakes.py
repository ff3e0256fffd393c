"""What tests install inside the isolated analysis child (given to ChildBackend as `setup`; it is
pickled by reference, so it lives in a module the child can import: tests/ is on its path)."""

from __future__ import annotations


def fake_models_in_child() -> None:
    """The fake speech engine of conftest behind the real model cache of the child."""
    from conftest import FakeEngine
    from reviewer.analysis.core import CoreModels
    from reviewer.cluster import tasks

    engine = FakeEngine()
    tasks._models["faster-whisper-base"] = CoreModels(
        "faster-whisper-base", "cpu", engine_factory=lambda name, device: engine
    )

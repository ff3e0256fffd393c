"""Analysis of recordings into a case: the one door for the CLI, the application and the benches.

    executor = open_executor(options, cluster=None)      # where ranges run; holds loaded models
    runner = make_analyzer(case, options, executor=executor, on_progress=..., cancel=...)
    result = runner.run(paths)                            # -> AnalysisResult

An executor lives as long as its caller wants models kept loaded (the application: its whole
queue); a runner is one run's progress and cancel switch, given at construction, never patched
on afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .runner import Executor, Runner, make_analyzer, open_executor

__all__ = ["Executor", "Runner", "make_analyzer", "open_executor"]


def __getattr__(name: str) -> Any:
    # Imported on first use: a Dask worker imports reviewer.analysis.core alone and so never
    # loads the case store that the runner needs.
    if name in __all__:
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)

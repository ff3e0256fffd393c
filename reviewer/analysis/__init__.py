"""Analysis of recordings into a case: the one door for the CLI, the application and the benches.

    executor = open_executor(options, cluster=None)      # where ranges run; holds loaded models
    runner = make_analyzer(case, options, executor=executor, on_progress=..., cancel=...)
    result = runner.run(paths)                            # -> AnalysisResult

An executor lives as long as its caller wants models kept loaded (the application: its whole
queue); a runner is one run's progress and cancel switch, given at construction, never patched
on afterwards.
"""

from __future__ import annotations

from .runner import Executor, Runner, make_analyzer, open_executor

__all__ = ["Executor", "Runner", "make_analyzer", "open_executor"]

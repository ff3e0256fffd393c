"""Analysis spread over a Dask cluster: workers run reviewer.analysis.core; only the workstation
writes the case. Needs the `cluster` extra (dask distributed)."""

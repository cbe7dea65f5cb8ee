"""Read serverless-dc-sim run folders and sweep outputs into pandas (see python/README.md)."""
from .reader import Run, Sweep, dtypes, read_run, read_sweep
from .runner import ensure_run, ensure_sweep

__all__ = ["Run", "Sweep", "dtypes", "read_run", "read_sweep", "ensure_run", "ensure_sweep"]

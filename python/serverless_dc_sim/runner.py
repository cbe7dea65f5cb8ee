"""Running the simulator from Python (notebooks): a run or sweep is made only when its output
folder does not hold one yet, so re-running a notebook reuses it."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Sequence, Union

PathLike = Union[str, Path]

#: The repository (python/serverless_dc_sim/ -> the root).
ROOT = Path(__file__).resolve().parents[2]


def _node() -> str:
    node = os.environ.get("SIM_NODE") or shutil.which("node")
    if not node:
        raise RuntimeError("node not found: install Node.js 20 or set SIM_NODE to its path")
    return node


def ensure_run(scenario: PathLike, out: PathLike, sets: Sequence[str] = ()) -> Path:
    """`sim run scenario --out out --set ...` unless `out` already holds a finished run."""
    out = Path(out)
    if not (out / "summary.json").exists():
        args = [_node(), str(ROOT / "bin" / "sim.mjs"), "run", str(Path(scenario)), "--out", str(out), "--quiet"]
        for s in sets:
            args += ["--set", s]
        subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return out


def ensure_sweep(sweep: PathLike, out: PathLike, jobs: int = 2) -> Path:
    """`sim sweep sweep --out out` unless `out` already holds a finished sweep (it resumes otherwise)."""
    out = Path(out)
    if not (out / "manifest.json").exists():
        args = [_node(), str(ROOT / "bin" / "sim.mjs"), "sweep", str(Path(sweep)), "--out", str(out), "--quiet", "--jobs", str(jobs)]
        subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return out

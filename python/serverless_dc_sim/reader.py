"""read_run(dir) and read_sweep(dir): a run folder or sweep output as a summary dict and pandas
DataFrames with the column types of docs/outputs.md (columns.json is checked against that page
by the project's tests): `int` -> int64, `int?` (may be empty) -> nullable Int64, `float` /
`float?` -> float64 (empty: NaN), `string` / `string?` -> pandas string (empty: <NA>), `0/1` and
`bool` / `bool?` (true/false) -> nullable boolean. Empty cells mean "does not exist for this row", never zero.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Union

import pandas as pd

_COLUMNS: Dict[str, Dict[str, str]] = json.loads((Path(__file__).parent / "columns.json").read_text())

_DTYPES = {
    "int": "int64",
    "int?": "Int64",
    "float": "float64",
    "float?": "float64",
    "string": "string",
    "string?": "string",
    "0/1": "boolean",
    "bool": "boolean",
    "bool?": "boolean",
}

PathLike = Union[str, Path]


def dtypes(file: str) -> Dict[str, str]:
    """The pandas dtype of each documented column of `file` (e.g. "invocations.csv")."""
    key = re.sub(r"^trace-functions-\d+\.csv$", "trace-functions-<i>.csv", file)
    key = re.sub(r"\.gz$", "", key)
    if key not in _COLUMNS:
        raise KeyError(f"{file}: not a file of a run folder or sweep output (see docs/outputs.md)")
    return {name: _DTYPES[t] for name, t in _COLUMNS[key].items()}


def read_csv(path: PathLike, extra: Optional[Dict[str, str]] = None) -> pd.DataFrame:
    """One output CSV (plain or .gz) with its documented dtypes; `extra` adds or overrides columns."""
    path = Path(path)
    types = {**dtypes(path.name), **(extra or {})}
    # Only an empty cell is missing: a function named "NA" or "null" stays a name.
    frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_values=[""], compression="infer")
    unknown = [c for c in frame.columns if c not in types]
    if unknown:
        raise ValueError(f"{path}: columns not in docs/outputs.md: {', '.join(unknown)} (reader older than the simulator?)")
    return frame


def _invocations_file(folder: Path, stem: str = "invocations") -> Optional[Path]:
    for name in (f"{stem}.csv", f"{stem}.csv.gz"):
        if (folder / name).exists():
            return folder / name
    return None


@dataclass
class Run:
    """A run folder: `summary` and `resolved` dicts, then one DataFrame per CSV (None when absent)."""

    path: Path
    summary: Dict[str, Any]
    resolved: Dict[str, Any]
    functions: pd.DataFrame
    timeseries: pd.DataFrame
    invocations: Optional[pd.DataFrame]
    function_timeseries: Optional[pd.DataFrame]
    trace_functions: List[pd.DataFrame] = field(default_factory=list)
    #: invocations-invitro.csv (`output.invocationColumns: "invitro"`: InVitro's record columns).
    invitro: Optional[pd.DataFrame] = None

    @property
    def name(self) -> str:
        return str(self.summary["scenario"])


def read_run(path: PathLike, invocations: bool = True) -> Run:
    """Reads a run folder written by `sim run` (or one of a sweep's runs/). `invocations=False`
    skips invocations.csv and invocations-invitro.csv, which can be large."""
    folder = Path(path)
    if not (folder / "summary.json").exists():
        raise FileNotFoundError(f"{folder}: no summary.json (not a run folder, or the run did not finish)")
    inv_file = _invocations_file(folder) if invocations else None
    invitro_file = _invocations_file(folder, "invocations-invitro") if invocations else None
    traces = sorted(folder.glob("trace-functions-*.csv"), key=lambda p: int(re.findall(r"\d+", p.name)[-1]))
    fts = next((folder / n for n in ("function-timeseries.csv", "function-timeseries.csv.gz") if (folder / n).exists()), None)
    return Run(
        path=folder,
        summary=json.loads((folder / "summary.json").read_text()),
        resolved=json.loads((folder / "scenario.resolved.json").read_text()),
        functions=read_csv(folder / "functions.csv"),
        timeseries=read_csv(folder / "timeseries.csv"),
        invocations=read_csv(inv_file) if inv_file is not None else None,
        function_timeseries=read_csv(fts) if fts is not None else None,
        trace_functions=[read_csv(p) for p in traces],
        invitro=read_csv(invitro_file) if invitro_file is not None else None,
    )


@dataclass
class Sweep:
    """A sweep output: its `manifest` dict and `results` (one row per run, in run order)."""

    path: Path
    manifest: Dict[str, Any]
    results: pd.DataFrame

    @property
    def axes(self) -> List[str]:
        return list(self.manifest["axes"])

    def run(self, which: Union[int, str], invocations: bool = True) -> Run:
        """One run by position in `results` or by id (e.g. "run-0003")."""
        row = self.results.iloc[which] if isinstance(which, int) else self.results.set_index("run").loc[which]
        return read_run(self.path / "runs" / str(row["folder"]), invocations=invocations)

    def runs(self, invocations: bool = False) -> Iterator[Run]:
        for i in range(len(self.results)):
            yield self.run(i, invocations=invocations)


def read_sweep(path: PathLike) -> Sweep:
    """Reads a sweep output (or a shard's, or a merge's) written by `sim sweep` / `sim merge`."""
    folder = Path(path)
    if not (folder / "manifest.json").exists():
        raise FileNotFoundError(f"{folder}: no manifest.json (not a sweep output, or the sweep has not finished)")
    manifest = json.loads((folder / "manifest.json").read_text())
    # Axis values are written as text (strings as they are, others as compact JSON); extra metric
    # columns are whatever their summary paths hold, so pandas infers them.
    extra = {axis: "string" for axis in manifest["axes"]}
    types = {**dtypes("results.csv"), **extra}
    results = pd.read_csv(folder / "results.csv", dtype=types, keep_default_na=False, na_values=[""])
    return Sweep(path=folder, manifest=manifest, results=results)

"""Tests of the reader on run folders and a sweep that the project's vitest suite makes and names
in SIM_TEST_RUN (an overloaded run with drops, a function named "NA", per-function series),
SIM_TEST_TRACE_RUN (a trace replay), SIM_TEST_INVITRO_RUN (it again, in InVitro's record columns),
SIM_TEST_DIVIDED_RUN (it again on a fleet divided into cells) and SIM_TEST_SWEEP. Run: python3 -m unittest discover python/tests"""
import csv
import gzip
import json
import os
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from serverless_dc_sim import dtypes, read_run, read_sweep  # noqa: E402


def env_path(name):
    value = os.environ.get(name)
    if not value:
        raise unittest.SkipTest(f"{name} not set (the vitest suite sets it)")
    return Path(value)


# Columns only a divided fleet writes (docs/outputs.md: "divided runs only").
DIVIDED_ONLY = {"functions.csv": ["cell"]}


def documented(name, divided=False):
    """The documented columns of `name` a run writes: a divided run's extra ones only when it is one."""
    want = dtypes(name)
    return {c: t for c, t in want.items() if divided or c not in DIVIDED_ONLY.get(name, [])}


def csv_rows(path):
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        return list(csv.reader(f))


class ReadRun(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = env_path("SIM_TEST_RUN")
        cls.out = read_run(cls.dir)

    def test_summary_is_the_json(self):
        self.assertEqual(self.out.summary, json.loads((self.dir / "summary.json").read_text()))
        self.assertIn("resolved", self.out.resolved)

    def test_every_frame_has_the_documented_dtypes_and_every_row(self):
        frames = {
            "functions.csv": self.out.functions,
            "timeseries.csv": self.out.timeseries,
            "invocations.csv": self.out.invocations,
            "function-timeseries.csv": self.out.function_timeseries,
        }
        for name, frame in frames.items():
            self.assertIsNotNone(frame, name)
            want = documented(name)
            self.assertEqual(list(frame.columns), list(want), name)
            for col, dtype in want.items():
                self.assertEqual(str(frame[col].dtype).lower(), pd.api.types.pandas_dtype(dtype).name.lower(), f"{name} {col}")
            self.assertEqual(len(frame), len(csv_rows(self.dir / name)) - 1, name)

    def test_empty_integer_cells_are_missing_not_float(self):
        inv = self.out.invocations
        dropped = inv[inv["outcome"] == "dropped"]
        self.assertGreater(len(dropped), 0, "the fixture run must drop requests")
        self.assertTrue(dropped["dispatch_us"].isna().all())
        self.assertEqual(str(inv["dispatch_us"].dtype), "Int64")
        ran = inv[inv["outcome"] == "completed"]
        self.assertEqual(int(ran["wait_us"].sum()), int((ran["dispatch_us"] - ran["arrival_us"]).sum()))
        # Warm requests have no phases; reasons only where dropped or failed.
        self.assertTrue(inv.loc[~inv["cold"], "phase_delay"].isna().all())
        self.assertTrue(inv.loc[inv["outcome"] == "completed", "reason"].isna().all())

    def test_a_function_named_NA_stays_a_name(self):
        self.assertIn("NA", list(self.out.functions["function"]))
        self.assertFalse(self.out.functions["function"].isna().any())

    def test_percentiles_empty_without_samples(self):
        f = self.out.functions.set_index("function")
        never = f[f["completed"] == 0]
        self.assertGreater(len(never), 0, "the fixture must declare a function never invoked")
        self.assertTrue(never["p50_latency_ms"].isna().all())

    def test_function_series_sum_to_the_timeseries(self):
        fts = self.out.function_timeseries
        total = fts.groupby("time_s", sort=False)[["instances", "arrivals", "cold_starts"]].sum().reset_index(drop=True)
        ts = self.out.timeseries[["instances", "arrivals", "cold_starts"]]
        pd.testing.assert_frame_equal(total, ts, check_dtype=False)


class ReadInvitroRun(unittest.TestCase):
    def test_invitro_records(self):
        d = env_path("SIM_TEST_INVITRO_RUN")
        run = read_run(d)
        self.assertIsNone(run.invocations)
        rec = run.invitro
        self.assertIsNotNone(rec)
        want = dtypes("invocations-invitro.csv")
        self.assertEqual(list(rec.columns), list(want))
        for col, dtype in want.items():
            self.assertEqual(str(rec[col].dtype).lower(), pd.api.types.pandas_dtype(dtype).name.lower(), col)
        self.assertEqual(len(rec), len(csv_rows(d / "invocations-invitro.csv")) - 1)
        self.assertGreater(len(rec), 0)
        # As InVitro's own analyses use them: completed calls have both flags false and a duration.
        ok = rec[~rec["functionTimeout"]]
        self.assertGreater(len(ok), 0)
        self.assertTrue(ok["actualDuration"].notna().all())
        self.assertTrue((rec["responseTime"] >= 0).all())
        self.assertTrue(rec["grpcConnEstablish"].isna().all())


class ReadTraceRun(unittest.TestCase):
    def test_trace_functions_and_gzip_output(self):
        d = env_path("SIM_TEST_TRACE_RUN")
        self.assertIsNone(read_run(d, invocations=False).invocations)
        run = read_run(d)
        # output.compression = gzip: read from invocations.csv.gz, same dtypes, every row.
        self.assertFalse((d / "invocations.csv").exists())
        self.assertEqual(dict(run.invocations.dtypes.astype(str)), {k: str(pd.api.types.pandas_dtype(v)) for k, v in dtypes("invocations.csv").items()})
        self.assertEqual(len(run.invocations), len(csv_rows(d / "invocations.csv.gz")) - 1)
        self.assertEqual(len(run.function_timeseries), len(csv_rows(d / "function-timeseries.csv.gz")) - 1)
        self.assertEqual(len(run.trace_functions), 1)
        t = run.trace_functions[0]
        self.assertEqual(list(t.columns), list(dtypes("trace-functions-0.csv")))
        # The trace's functions follow the declared ones in functions.csv, in the same order.
        self.assertEqual(list(t["function"]), list(run.functions["function"])[-len(t):])


class ReadSweep(unittest.TestCase):
    def test_results_and_runs(self):
        d = env_path("SIM_TEST_SWEEP")
        sweep = read_sweep(d)
        self.assertEqual(len(sweep.results), sweep.manifest["runCount"])
        self.assertEqual(sweep.axes, ["policies.keepAlive"])
        self.assertEqual(str(sweep.results["policies.keepAlive"].dtype), "string")
        self.assertEqual(str(sweep.results["arrivals"].dtype), "int64")
        first = sweep.run(0, invocations=False)
        self.assertEqual(first.summary["invocations"]["arrivals"], sweep.results["arrivals"].iloc[0])
        second = sweep.run(sweep.results["run"].iloc[1])
        self.assertEqual(second.summary["seed"], sweep.results["seed"].iloc[1])
        self.assertEqual(len(list(sweep.runs())), len(sweep.results))


class ReadDividedRun(unittest.TestCase):
    def test_functions_carry_their_cell(self):
        d = env_path("SIM_TEST_DIVIDED_RUN")
        run = read_run(d)
        want = documented("functions.csv", divided=True)
        self.assertEqual(list(run.functions.columns), list(want))
        self.assertEqual(str(run.functions["cell"].dtype), "int64")
        self.assertEqual(sorted(run.functions["cell"].unique()), [0, 1, 2, 3])
        self.assertEqual(run.summary["cells"]["count"], 4)
        self.assertEqual(len(run.functions), len(csv_rows(d / "functions.csv")) - 1)


if __name__ == "__main__":
    unittest.main()

"""Executes notebooks headless (nbclient, the python3 kernel) and prints one JSON line per
notebook: its name, cells run and images produced. A failing cell raises, naming the cell.
Usage: python3 python/tests/run_notebooks.py notebooks/*.ipynb"""
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

for arg in sys.argv[1:]:
    path = Path(arg).resolve()
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    images = 0
    errors = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            images += "image/png" in out.get("data", {})
            errors += out.get("output_type") == "error"
    code = sum(c.cell_type == "code" for c in nb.cells)
    print(json.dumps({"notebook": path.name, "codeCells": code, "images": images, "errors": errors}), flush=True)

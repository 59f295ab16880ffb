"""Shared helpers of the best-recipe research scripts: candidate configs, data, one training run, records.

Run from the repository root with PYTHONPATH=. (see COMMAND.md)."""
from __future__ import annotations
import json, os, time
from pathlib import Path
import torch

torch.set_num_threads(1)
HERE = Path(__file__).parent
RECORDS = HERE / 'records.json'
# weights, caches and extra inputs live outside the repository: $RESEARCH_RUNS (default ../h14_runs beside the repo)
RUNS = Path(os.environ.get('RESEARCH_RUNS', HERE.parents[2] / 'h14_runs'))

def runs_path(p) -> Path:
    "A path of the runs folder (relative names are under RUNS)"
    return p if Path(p).is_absolute() else RUNS / p

# candidate architectures: (zoo family, config overrides)
CANDIDATES = {
    'cnn-mini': ('cnn-mini', {}),
    'cnn-small': ('cnn-small', {}),
    'patch-xs': ('patch-cnn', dict(width=32, kernel_size=9, dilations=[1, 2], patch_width=64)),
    'patch-s': ('patch-cnn', dict(width=64, kernel_size=9, dilations=[1, 2], patch_width=128)),
    'patch-m': ('patch-cnn', dict(width=96, kernel_size=9, dilations=[1, 2, 4], patch_width=192)),
    'patch-l': ('patch-cnn', dict(width=128, kernel_size=9, dilations=[1, 2, 4, 1], patch_width=256, patch_dilations=[1, 2, 4])),
    'patch-xl': ('patch-cnn', dict(width=192, kernel_size=9, dilations=[1, 2, 4, 1], patch_width=256, patch_dilations=[1, 2, 4])),
}

def build(name: str, **extra):
    "A fresh model of candidate `name` (or a zoo family) with config overrides"
    import dnakd_nb.convnets  # registers patch-cnn
    from dnakd_nb.students import build_student
    fam, cfg = CANDIDATES.get(name, (name, {}))
    return build_student(fam, num_labels=2, **{**cfg, **extra})

def load_records() -> list:
    return json.loads(RECORDS.read_text()) if RECORDS.exists() else []

def add_record(rec: dict):
    "Append one run record to records.json (atomic)"
    from dnakd_nb.core import atomic_write_json
    recs = load_records(); recs.append(rec); atomic_write_json(RECORDS, recs)

"""Build extra training inputs from promoter_300's train split (saved as a datasets folder outside the repository).

    python results/best_research/extra.py KIND N_COPIES OUT_DIR [SEED]

KIND: recipe   (fresh recipe negatives of every train positive, one set per copy, label 0: keep 8 of 20 blocks)
      posneg   (each copy: the train positives again + a fresh set of recipe negatives: balanced fresh-negative epochs)
      mut3     (every train row with 3% point mutations, label kept)
      roll     (every train positive rolled circularly by 50-250 bp either way, label 0: genomic DNA whose TSS is
               not at position 250 - ~10% of the dev negatives are genomic, not recipe, sequences; FINDINGS.md)
Rows get idx 47,110 + i, after the train rows' own idx 0..47,109, so one teacher cache can key both."""
import sys
import numpy as np, datasets
from dnakd_nb.data import read_splits, recipe_negatives

def build_extra(kind: str, copies: int, seed: int = 1) -> datasets.Dataset:
    tr = read_splits('promoter_300')['train']
    seqs, labels = list(tr['sequence']), list(tr['label'])
    pos = [s for s, l in zip(seqs, labels) if l == 1]
    out_s, out_l = [], []
    rng = np.random.default_rng(seed)
    for c in range(copies):
        if kind in ('recipe', 'posneg'):
            neg = recipe_negatives(pos, seed=seed * 1000 + c)
            if kind == 'posneg': out_s += pos; out_l += [1] * len(pos)
            out_s += neg; out_l += [0] * len(neg)
        elif kind.startswith('mut'):
            rate = int(kind[3:]) / 100
            arr = np.frombuffer(''.join(seqs).encode(), np.uint8).reshape(len(seqs), -1).copy()
            hit = rng.random(arr.shape) < rate
            arr[hit] = np.frombuffer(b'ACGT', np.uint8)[rng.integers(0, 4, hit.sum())]
            out_s += [r.tobytes().decode() for r in arr]; out_l += labels
        elif kind == 'roll':
            shift = rng.integers(50, 251, len(pos)) * rng.choice([-1, 1], len(pos))
            out_s += [p[-k:] + p[:-k] for p, k in zip(pos, shift)]; out_l += [0] * len(pos)
        else: raise ValueError(f'unknown kind {kind!r}')
    n0 = len(tr)
    return datasets.Dataset.from_dict({'sequence': out_s, 'label': out_l, 'idx': list(range(n0, n0 + len(out_s)))})

if __name__ == '__main__':
    kind, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ds = build_extra(kind, copies, int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    from common import runs_path
    ds.save_to_disk(runs_path(out))
    print(out, len(ds), 'rows', np.bincount(ds['label']).tolist())

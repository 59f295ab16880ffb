"""What are the dev negatives that are not recipe negatives of a train/dev promoter? Per-block genomic-vs-uniform
scores (order-6 Markov model of the train promoters, as markov_probe.py) by dev group, with the teacher's calls.

    python results/best_research/other_negatives.py TEACHER_DEV_LOGITS.pt   (dev_logits.pt saved by run.py)"""
import sys, json
from pathlib import Path
import numpy as np, torch
sys.path.insert(0, str(Path(__file__).parent))
from run import splits, dev_groups
from dnakd_nb.core import atomic_write_json

tr, dev = splits()
lut = np.zeros(256, np.int64)
for i, c in enumerate(b'ACGT'): lut[c] = i
enc = lambda seqs: lut[np.frombuffer(''.join(seqs).encode(), np.uint8)].reshape(len(seqs), -1)
k = 6
def codes(X):
    L = X.shape[1]; c = np.zeros((X.shape[0], L - k), np.int64)
    for j in range(k + 1): c = c * 4 + X[:, j:L - k + j]
    return c
Xtr = enc(tr['sequence']); ytr = np.array(tr['label'])
cnt = np.bincount(codes(Xtr[ytr == 1]).ravel(), minlength=4 ** (k + 1)).reshape(-1, 4) + 0.5
lp = (np.log(cnt / cnt.sum(1, keepdims=True)) - np.log(0.25)).ravel()
S = np.concatenate([np.zeros((len(dev), k)), lp[codes(enc(dev['sequence']))]], 1).reshape(len(dev), 20, 15).sum(2)
z = torch.load(sys.argv[1]); pred = (0.5 * (z['dev'] + z['dev_rc'])).argmax(-1).numpy()
g = dev_groups()
rows = {}
for name, m in [('positives', g['pos']), ('recipe negatives', g['recipe_neg']),
                ('other negatives called negative', g['other_neg'] & (pred == 0)),
                ('other negatives called positive', g['other_neg'] & (pred == 1))]:
    low = (S[m] < 0).sum(1)   # blocks that score below uniform DNA
    rows[name] = dict(n=int(m.sum()), blocks_below_uniform_median=float(np.median(low)),
                      blocks_below_uniform_quartiles=np.percentile(low, [25, 75]).tolist(),
                      share_with_9_or_more_below=round(float((low >= 9).mean()), 3))
    print(name, rows[name])
atomic_write_json(Path(__file__).with_name('other_negatives.json'), rows)

"""Generative probe of promoter_300's shape: an order-k Markov model of the train promoters scores every base
against uniform DNA; a logistic regression reads (a) the sum of the scores, (b) the per-block sums, (c) the sorted
per-block sums, for blocks of several sizes and grid offsets. Writes markov_probe.json (dev accuracy and MCC).

    python results/best_research/markov_probe.py"""
import json
from pathlib import Path
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import matthews_corrcoef, accuracy_score
from dnakd_nb.data import read_splits
from dnakd_nb.core import atomic_write_json

sp = read_splits('promoter_300')
lut = np.zeros(256, np.int64)
for i, c in enumerate(b'ACGT'): lut[c] = i
enc = lambda seqs: lut[np.frombuffer(''.join(seqs).encode(), np.uint8)].reshape(len(seqs), -1)
Xtr, Xdv = enc(sp['train']['sequence']), enc(sp['dev']['sequence'])
ytr, ydv = np.array(sp['train']['label']), np.array(sp['dev']['label'])

def codes(X, k):
    L = X.shape[1]; c = np.zeros((X.shape[0], L - k), np.int64)
    for j in range(k + 1): c = c * 4 + X[:, j:L - k + j]
    return c

def base_scores(k):
    "log P(base | k previous bases) under the train promoters' order-k model minus log 1/4, per position"
    cnt = np.bincount(codes(Xtr[ytr == 1], k).ravel(), minlength=4 ** (k + 1)).reshape(-1, 4) + 0.5
    lp = (np.log(cnt / cnt.sum(1, keepdims=True)) - np.log(0.25)).ravel()
    return [np.concatenate([np.zeros((X.shape[0], k)), lp[codes(X, k)]], 1) for X in (Xtr, Xdv)]

def blocks(S, size, off):
    n = (S.shape[1] - off) // size
    return S[:, off:off + n * size].reshape(len(S), n, size).sum(2)

def score(f):
    p = LogisticRegression(max_iter=3000).fit(f(Str), ytr).predict(f(Sdv))
    return dict(accuracy=round(accuracy_score(ydv, p), 4), mcc=round(matthews_corrcoef(ydv, p), 4))

rows = []
for k in (3, 4, 5, 6):
    Str, Sdv = base_scores(k)
    for feat, f in [('sum', lambda S: S.sum(1, keepdims=True)), ('blocks15', lambda S: blocks(S, 15, 0)),
                    ('sorted_blocks15', lambda S: np.sort(blocks(S, 15, 0), 1))]:
        rows.append(dict(order=k, features=feat, **score(f))); print(rows[-1], flush=True)
Str, Sdv = base_scores(6)
for size, off in [(15, 7), (15, 3), (5, 0), (10, 0), (16, 0), (30, 0)]:
    rows.append(dict(order=6, features=f'sorted_blocks{size}_offset{off}', **score(lambda S: np.sort(blocks(S, size, off), 1))))
    print(rows[-1], flush=True)
atomic_write_json(Path(__file__).with_name('markov_probe.json'), rows)

"""Throughput of candidate students beside the DNABERT-2-117M architecture: float32, batch 16, one thread, one run."""
import sys, json
from common import CANDIDATES, build, HERE
import torch
from dnakd_nb.bench import run_benchmark, teacher_standin
from dnakd_nb.students import forward_flops, count_params

names = sys.argv[1].split(',') if len(sys.argv) > 1 else list(CANDIDATES)
extra = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}   # {name: {config overrides}} for ad-hoc variants
out = sys.argv[3] if len(sys.argv) > 3 else 'speed.json'
models = {'dnabert2-117m': teacher_standin('117m')}
for n in names:
    base = n.split('+')[0]
    torch.manual_seed(0); models[n] = build(base, **extra.get(n, {})).eval()
run = run_benchmark(models, HERE / out, batch_sizes=(16,), threads=1, dtypes=('float32',), repeats=7, warmup=2,
                    figures=False, memory=False, command='python results/best_research/speed.py ' + ' '.join(sys.argv[1:]))
ref = {r['batch_size']: r['throughput'] for r in run['records'] if r['model'] == 'dnabert2-117m'}
for r in run['records']:
    m = models[r['model']]
    print(f"{r['model']:>18}: {count_params(m):>10,} params {r['flops'] / 1e6:9.1f} MFLOP/seq {r['throughput']:8.1f} seq/s "
          f"{r['throughput'] / ref[16]:7.1f}x")

"""Merge the per-process FinDNA runs of run.sh into one table: mean ± std over seeds and per-seed paired deltas.

Usage: python results/findna/aggregate.py DIR   (reads DIR/*/records.json; writes DIR/summary.json, results.md, accuracy.png)
"""
import json, sys
from pathlib import Path
import numpy as np, pandas as pd
import matplotlib; matplotlib.use('Agg')
import seaborn as sns
from dnakd_nb.core import atomic_write_json, atomic_write_text
from dnakd_nb.evaluate import mean_std
from dnakd_nb.pipeline import markdown_table

here = Path(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__)
records, histories, seconds = [], {}, {}
for f in sorted(here.glob('*/records.json')):
    d = json.loads(f.read_text())
    if not d.get('complete'): print(f'warning: {f} is partial (run still going or interrupted)', file=sys.stderr)
    records += d['records']
    s = f.parent/'summary.json'
    if s.exists():
        sd = json.loads(s.read_text()); histories.update(sd.get('pretrain_history', {})); seconds[f.parent.name] = sd.get('seconds')
if not records: sys.exit(f'aggregate: no records.json under {here}')
seeds = sorted({r['seed'] for r in records})

# held-out masked-nucleotide accuracy of each saved pretrained model (records of older notebook versions lack it)
def _mnm(run_dir: Path, init: str, seed: int, cache={}):
    done = run_dir/'pretrain'/f'{init}_seed{seed}'/'mnm_dev.json'
    if done.exists(): return json.loads(done.read_text())
    m = _mnm_compute(run_dir, init, seed, cache)
    if m: atomic_write_json(done, m)
    return m

def _mnm_compute(run_dir: Path, init: str, seed: int, cache):
    import torch
    from transformers import AutoModelForPreTraining
    from dnakd_nb.data import read_dataset
    from dnakd_nb.findna import masked_nucleotide_accuracy
    if 'dev' not in cache: cache['dev'] = read_dataset(records[0]['command'].split('-p data ')[1].split()[0], split='dev').shuffle(seed=0)['sequence'][:1000]
    best = run_dir/'pretrain'/f'{init}_seed{seed}'/'best'
    torch.manual_seed(seed)
    return masked_nucleotide_accuracy(AutoModelForPreTraining.from_pretrained(best), cache['dev'], seed=seed) if best.exists() else None
for f in sorted(here.glob('*/records.json')):
    rs = json.loads(f.read_text())['records']
    for init, seed in sorted({(r['init'], r['seed']) for r in rs if r['init'] != 'random'}):
        m = None
        for r in records:
            if r['init'] == init and r['seed'] == seed and 'pretrain_mnm_accuracy' not in r:
                m = m or _mnm(f.parent, init, seed)
                if m: r.update(pretrain_mnm_accuracy=m['mnm_accuracy'], pretrain_mnm_loss=m['mnm_loss'], mnm_majority_rate=m['majority_rate'])
by = ('model', 'role', 'dataset', 'split', 'init', 'network', 'mode')
summary = mean_std(records, by=by)

# paired effect of an init against random init, same seed, same mode and role
def key(r): return (r['role'], r['split'], r['mode'])
rand = {(key(r), r['seed']): r for r in records if r['init'] == 'random'}
deltas = []
for r in records:
    if r['init'] == 'random' or (key(r), r['seed']) not in rand: continue
    b = rand[(key(r), r['seed'])]
    deltas.append(dict(role=r['role'], split=r['split'], mode=r['mode'], init=r['init'], network=r['network'], seed=r['seed'],
                       **{f'd_{m}': r[m] - b[m] for m in ('accuracy', 'mcc', 'auroc')}))
dd = pd.DataFrame(deltas)
paired = (dd.groupby(['role', 'split', 'mode', 'init', 'network'])
            .agg(**{f'd_{m}': (f'd_{m}', 'mean') for m in ('accuracy', 'mcc', 'auroc')},
                 **{f'd_{m}_std': (f'd_{m}', lambda v: float(np.std(v, ddof=1)) if len(v) > 1 else 0.0) for m in ('accuracy', 'mcc')},
                 n_seeds=('seed', 'count')).reset_index()) if len(dd) else pd.DataFrame()

df = pd.DataFrame(summary)
cols = ['role', 'init', 'network', 'mode', 'accuracy', 'accuracy_std', 'mcc', 'mcc_std', 'auroc', 'auroc_std', 'params', 'n_seeds']
tab = df[[c for c in cols if c in df]].sort_values(['role', 'mode', 'init', 'network']).round(4)
md = [f'# FinDNA: {here.name} (dev)', '', f'Seeds {seeds}; mean ± sample std. Made by `{here}/run.sh` (commands inside).', '',
      markdown_table(tab.to_dict('records')), '', '## Paired difference against random init (same seed, mode, role)', '',
      markdown_table(paired.round(4).to_dict('records')) if len(paired) else '(none)', '']
mnm_rows = {}
for r in records:
    if 'pretrain_mnm_accuracy' in r: mnm_rows[(r['init'], r['seed'])] = (r['pretrain_mnm_accuracy'], r['mnm_majority_rate'], r.get('pretrain_steps'), r.get('pretrain_seconds'))
mnm_tab = [dict(init=i, mnm_accuracy=float(np.mean([v[0] for (j, _), v in mnm_rows.items() if j == i])),
                mnm_accuracy_std=float(np.std([v[0] for (j, _), v in mnm_rows.items() if j == i], ddof=1)) if sum(j == i for j, _ in mnm_rows) > 1 else 0.0,
                majority_base=float(np.mean([v[1] for (j, _), v in mnm_rows.items() if j == i])),
                pretrain_steps=int(np.mean([v[2] or 0 for (j, _), v in mnm_rows.items() if j == i])),
                n_seeds=sum(j == i for j, _ in mnm_rows)) for i in sorted({i for i, _ in mnm_rows})]
md += ['## Held-out masked-nucleotide accuracy of the pretrained student (1,000 dev sequences, 30% masked)', '',
       markdown_table(mnm_tab) if mnm_tab else '(none)', '']
atomic_write_text(here/'results.md', '\n'.join(md))
atomic_write_json(here/'summary.json', {'records': summary, 'paired_vs_random': paired.to_dict('records'), 'pretrain_mnm': mnm_tab,
                                        'seeds': seeds, 'pretrain_history': histories, 'seconds': seconds})
print('\n'.join(md))

# figure: dev accuracy per init × network, one panel per mode (the same function results/redraw.py uses)
from dnakd_nb.plots import plot_facet_bars
runs = [{**r, 'run': f"{r['init']} / {r['network']}" + (' (KD)' if r['role'] == 'kd' else '')} for r in records]
plot_facet_bars(runs, 'accuracy', 'run', 'mode', f'ChordMixer on {records[0]["dataset"]} {records[0]["split"]}: init × network',
                path=here/'accuracy.png', col_order=list(dict.fromkeys(r['mode'] for r in records)))
if histories:
    rows = [dict(run=k, step=h['step'], **{m: h.get(f'train_{m}') for m in ('loss', 'mnm', 'cl')}) for k, hs in histories.items() for h in hs]
    print(pd.DataFrame(rows).round(4).to_string(index=False))

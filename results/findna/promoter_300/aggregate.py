"""Merge the per-process FinDNA runs of run.sh into one table: mean ± std over seeds and per-seed paired deltas.

Usage: python results/findna/promoter_300/aggregate.py   (reads */records.json next to this file)
"""
import json, sys
from pathlib import Path
import numpy as np, pandas as pd
import matplotlib; matplotlib.use('Agg')
import seaborn as sns
from dnakd_nb.core import atomic_write_json, atomic_write_text
from dnakd_nb.evaluate import mean_std
from dnakd_nb.plots import save_figure

here = Path(__file__).parent
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
            .agg(**{f'{m}': (f'd_{m}', 'mean') for m in ('d_accuracy', 'd_mcc', 'd_auroc')},
                 **{f'{m}_std': (f'd_{m}', lambda v: float(np.std(v, ddof=1)) if len(v) > 1 else 0.0) for m in ('d_accuracy', 'd_mcc')},
                 n_seeds=('seed', 'count')).reset_index()) if len(dd) else pd.DataFrame()

atomic_write_json(here/'summary.json', {'records': summary, 'paired_vs_random': paired.to_dict('records'),
                                        'seeds': seeds,
                                        'pretrain_mnm': sorted({(r['init'], r['seed'], round(r['pretrain_mnm_accuracy'], 4), round(r['mnm_majority_rate'], 4))
                                                                for r in records if 'pretrain_mnm_accuracy' in r}), 'pretrain_history': histories, 'seconds': seconds})
df = pd.DataFrame(summary)
cols = ['role', 'init', 'network', 'mode', 'accuracy', 'accuracy_std', 'mcc', 'mcc_std', 'auroc', 'auroc_std', 'params', 'n_seeds']
tab = df[[c for c in cols if c in df]].sort_values(['role', 'mode', 'init', 'network']).round(4)
md = ['# FinDNA on promoter_300 (dev)', '', f'Seeds {seeds}; mean ± sample std. Made by `{here}/run.sh` (commands inside).', '',
      tab.to_markdown(index=False), '', '## Paired difference against random init (same seed, mode, role)', '',
      paired.round(4).to_markdown(index=False) if len(paired) else '(none)', '']
atomic_write_text(here/'results.md', '\n'.join(md))
print('\n'.join(md))

# figure: dev accuracy per init × network, one panel per mode
df['run'] = df['init'] + ' / ' + df['network'] + np.where(df['role'] == 'kd', ' (KD)', '')
g = sns.catplot(data=pd.DataFrame(records).assign(run=lambda d: d['init'] + ' / ' + d['network'] + np.where(d['role'] == 'kd', ' (KD)', '')),
                x='accuracy', y='run', col='mode', kind='bar', errorbar='sd', height=3.2, aspect=1.4, sharex=True)
g.set_titles('{col_name}'); g.figure.suptitle('ChordMixer on promoter_300 dev: init × network (mean ± sd over seeds)', y=1.04)
save_figure(g.figure, here/'accuracy.png')
if histories:
    rows = [dict(run=k, step=h['step'], **{m: h.get(f'train_{m}') for m in ('loss', 'mnm', 'cl')}) for k, hs in histories.items() for h in hs]
    print(pd.DataFrame(rows).round(4).to_string(index=False))

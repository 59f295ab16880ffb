"""Tables for FINDING.md: the KD effect (KD − baseline macro F1, paired by seed) of the re-run with EvoAug's last phase
(ecoli_sigma{5,6}_ft) beside the first run (ecoli_sigma{5,6}), teachers' and students' scores, the effect of the
fine-tuning phase itself (dev, from `dev_macro_f1_before_finetune`) and per-class F1. Reads only files written by
the notebook; writes compare_ft.json and prints markdown.  Run: python results/multiclass/compare_ft.py"""
import json, sys
from pathlib import Path
import numpy as np
import pandas as pd

here = Path(__file__).parent
sys.path.insert(0, str(here.parents[1]))
from dnakd_nb.core import atomic_write_json

def ms(v) -> str:
    v = np.asarray(v, float)
    return f'{v.mean():+.3f} ± {v.std(ddof=1):.3f}' if len(v) > 1 else f'{v.mean():+.3f}'

def ms0(v) -> str:
    v = np.asarray(v, float)
    return f'{v.mean():.3f} ± {v.std(ddof=1):.3f}' if len(v) > 1 else f'{v.mean():.3f}'

out, lines = {}, []
for k in (5, 6):
    name = f'ecoli_sigma{k}'
    for run in (name, f'{name}_ft'):
        if not (here/run/'records.json').exists(): print(f'{run}: no records yet'); continue
        recs = pd.DataFrame(json.load(open(here/run/'records.json')))
        eff = json.load(open(here/run/'kd_effect.json'))
        lines.append(f'\n### {run}\n')
        lines.append('| split | condition | Δ macro F1 (KD − baseline), mean ± std | per seed | Δ accuracy | Δ MCC |')
        lines.append('|---|---|---|---|---|---|')
        for e in eff:
            cond = e['augment'] if isinstance(e['augment'], str) else ('augmentation' + (' + fine-tune' if run.endswith('_ft') else '')
                                                                          if e['augment'] else 'no augmentation')
            lines.append(f"| {e['split']} | {cond} | {e['delta_macro_f1']:+.3f} ± {e['delta_macro_f1_std']:.3f} | "
                         f"{', '.join(f'{x:+.3f}' for x in e['delta_macro_f1_per_seed'])} | "
                         f"{e['delta_accuracy']:+.3f} ± {e['delta_accuracy_std']:.3f} | {e['delta_mcc']:+.3f} ± {e['delta_mcc_std']:.3f} |")
        lines.append('\n| split | condition | role | macro F1 | accuracy | MCC |')
        lines.append('|---|---|---|---|---|---|')
        for (split, aug, role), g in recs.groupby(['split', 'augment', 'role'], sort=False):
            lines.append(f'| {split} | {"aug" if aug else "no aug"} | {role} | {ms0(g.macro_f1)} | {ms0(g.accuracy)} | {ms0(g.mcc)} |')
        out[run] = dict(kd_effect=eff)
        if 'dev_macro_f1_before_finetune' in recs and recs.dev_macro_f1_before_finetune.notna().any():
            d = recs[(recs.split == 'dev') & recs.augment].copy()
            d['ft_gain'] = d.macro_f1 - d.dev_macro_f1_before_finetune
            w = d.pivot(index='seed', columns='role', values='dev_macro_f1_before_finetune')
            before = (w['kd'] - w['baseline']).round(4).tolist()
            lines.append('\nFine-tuning phase on dev (augmented runs): macro F1 after − before, mean ± std over seeds: '
                         + ', '.join(f'{r} {ms(g.ft_gain)}' for r, g in d.groupby('role', sort=False))
                         + f'; KD − baseline before the phase: {ms(before)} (per seed {before}).')
            out[run].update(ft_gain={r: g.ft_gain.round(4).tolist() for r, g in d.groupby('role')}, kd_delta_before_finetune=before)
        pc = recs[recs.per_class.notna()].copy()
        rows = []
        for (split, aug, role), g in pc.groupby(['split', 'augment', 'role'], sort=False):
            f1 = np.array([[v['f1'] for v in r.values()] for r in g.per_class]).mean(0)
            sup = list(g.per_class.iloc[0].values())
            rows.append(f'| {split} | {"aug" if aug else "no aug"} | {role} | '
                        + ' | '.join(f'{x:.2f}' if s['support'] else '—' for x, s in zip(f1, sup)) + ' |')
        classes = list(pc.per_class.iloc[0])
        names = json.load(open(here/run/'params.json')).get('class_names', classes)
        lines.append('\nPer-class F1, mean over seeds (— : class absent from the split):\n')
        lines.append('| split | condition | role | ' + ' | '.join(names) + ' |')
        lines.append('|---|---|---|' + '---|' * len(names))
        lines += rows
atomic_write_json(here/'compare_ft.json', out)
print('\n'.join(lines))

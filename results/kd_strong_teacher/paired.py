"""Paired KD − baseline effect per student and seed (same seed: same init, batches and RC views; only the loss differs).
Run: python results/kd_strong_teacher/paired.py   (reads students/records.json and teacher/metrics.json beside it)"""
from pathlib import Path
from dnakd_nb.core import read_json, atomic_write_json, atomic_write_text
from dnakd_nb.evaluate import mean_std
from dnakd_nb.pipeline import markdown_table

here = Path(__file__).resolve().parent
teacher = next(r for r in read_json(here/'teacher'/'metrics.json')['records'] if r['role'] == 'teacher' and r['split'] == 'dev')
recs = [r for r in read_json(here/'students'/'records.json')['records'] if 'seed' in r and r['split'] == 'dev']
by = {(r['model'], r['role'], r['seed']): r for r in recs}
per_seed = [dict(model=m, seed=s, n_train=k['n_train'], baseline=by[(m, 'baseline', s)]['accuracy'], kd=k['accuracy'],
                 **{f'd_{x}': k[x] - by[(m, 'baseline', s)][x] for x in ('accuracy', 'mcc', 'auroc')})
            for (m, role, s), k in sorted(by.items(), key=lambda kv: kv[0][2]) if role == 'kd' and (m, 'baseline', s) in by]
COLS = ['model', 'n_seeds', 'n_train', 'baseline', 'baseline_std', 'kd', 'kd_std', 'd_accuracy', 'd_accuracy_std', 'd_mcc', 'd_auroc']
rows = [{**{c: r[c] for c in COLS}, 'kd_better_seeds': sum(x['d_accuracy'] > 0 for x in per_seed if x['model'] == r['model']),
         'per_seed': [round(x['d_accuracy'], 4) for x in per_seed if x['model'] == r['model']]}
        for r in mean_std(per_seed, ('baseline', 'kd', 'd_accuracy', 'd_mcc', 'd_auroc'), by=('model',))]
atomic_write_json(here/'paired.json', dict(dataset='promoter_300', split='dev', teacher={k: teacher[k] for k in ('model', 'accuracy', 'mcc', 'auroc', 'n_train', 'params')},
                                           rows=rows))
text = (f"# KD − baseline, paired by seed (promoter_300 dev; teacher {teacher['model']} at {teacher['accuracy']:.4f}, "
        f"trained on {teacher['n_train']:,} rows)\n\n" + markdown_table(rows))
atomic_write_text(here/'paired.md', text)
print(text)

"""Paired KD − baseline effect per student and seed (same seed: same init, batches and RC views; only the loss differs).
Run: python results/kd_strong_teacher/paired.py   (reads students/records.json and teacher/metrics.json beside it)"""
import statistics as st
from pathlib import Path
from dnakd_nb.core import read_json, atomic_write_json, atomic_write_text
from dnakd_nb.pipeline import markdown_table

here = Path(__file__).resolve().parent
teacher = next(r for r in read_json(here/'teacher'/'metrics.json')['records'] if r['role'] == 'teacher' and r['split'] == 'dev')
recs = [r for r in read_json(here/'students'/'records.json')['records'] if 'seed' in r and r['split'] == 'dev']
by = {(r['model'], r['role'], r['seed']): r for r in recs}
rows = []
for model in dict.fromkeys(r['model'] for r in recs):
    seeds = sorted(s for (m, role, s) in by if m == model and role == 'kd' and (m, 'baseline', s) in by)
    d = {k: [by[(model, 'kd', s)][k] - by[(model, 'baseline', s)][k] for s in seeds] for k in ('accuracy', 'mcc', 'auroc')}
    base = [by[(model, 'baseline', s)]['accuracy'] for s in seeds]; kd = [by[(model, 'kd', s)]['accuracy'] for s in seeds]
    rows.append(dict(model=model, n_seeds=len(seeds), n_train=by[(model, 'kd', seeds[0])]['n_train'],
                     baseline=st.mean(base), baseline_std=st.stdev(base), kd=st.mean(kd), kd_std=st.stdev(kd),
                     d_accuracy=st.mean(d['accuracy']), d_accuracy_std=st.stdev(d['accuracy']),
                     d_mcc=st.mean(d['mcc']), d_auroc=st.mean(d['auroc']),
                     kd_better_seeds=sum(x > 0 for x in d['accuracy']), per_seed=[round(x, 4) for x in d['accuracy']]))
atomic_write_json(here/'paired.json', dict(dataset='promoter_300', split='dev', teacher={k: teacher[k] for k in ('model', 'accuracy', 'mcc', 'auroc', 'n_train', 'params')},
                                           rows=rows))
text = (f"# KD − baseline, paired by seed (promoter_300 dev; teacher {teacher['model']} at {teacher['accuracy']:.4f}, "
        f"trained on {teacher['n_train']:,} rows)\n\n" + markdown_table(rows))
atomic_write_text(here/'paired.md', text)
print(text)

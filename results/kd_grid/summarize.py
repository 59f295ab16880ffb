"""Table + heat maps of the α×T grid from each point's records (results/kd_grid/<student>/<point>/records.json) and the
baselines (results/kd_grid/baseline/records.json). Run: python results/kd_grid/summarize.py"""
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from dnakd_nb.core import read_json, atomic_write_json, atomic_write_text
from dnakd_nb.plots import plot_kd_heatmap
from dnakd_nb.pipeline import markdown_table

here = Path(__file__).resolve().parent
base = {r['model']: r for r in read_json(here/'baseline'/'records.json')['records'] if r['split'] == 'dev'}
teacher = next(r for r in read_json(here/'teacher'/'metrics.json')['records'] if r['role'] == 'teacher' and r['split'] == 'dev')
rows, lines = [], []
for student in ('hybrid-cnn-3l', 'transformer-4l'):
    recs = [r for p in sorted((here/student).glob('alpha=*')) for r in read_json(p/'records.json')['records'] if r['split'] == 'dev']
    for r in recs: r['gain_over_baseline'] = r['accuracy'] - base[student]['accuracy']
    rows += recs
    fig = plot_kd_heatmap(recs, metric='accuracy', path=here/f'heatmap_{student}.png',
                          title=f'{student}: dev accuracy (baseline {base[student]["accuracy"]:.3f}, teacher {teacher["accuracy"]:.3f})')
    plt.close(fig)
    best = max(recs, key=lambda r: r['accuracy'])
    lines.append(f'- {student}: baseline {base[student]["accuracy"]:.4f}; best KD α={best["alpha"]}, T={best["temperature"]}: {best["accuracy"]:.4f}')
mean = {}
for r in rows: mean.setdefault((r['alpha'], r['temperature']), []).append(r['accuracy'])
mean = {k: sum(v) / len(v) for k, v in mean.items()}
pick = max(mean, key=mean.get)
lines.append(f'- mean over both students is highest at α={pick[0]}, T={pick[1]} ({mean[pick]:.4f}): the setting used for the promoter_300 KD runs')
keys = ['model', 'role', 'split', 'alpha', 'temperature', 'accuracy', 'f1', 'mcc', 'auroc', 'gain_over_baseline', 'params', 'teacher_source', 'n_train', 'epochs', 'seed']
table = [{k: r.get(k) for k in keys} for r in rows]
baseline_rows = [{k: base[s].get(k) for k in keys} for s in base]
atomic_write_json(here/'grid.json', dict(dataset='synthetic', split='dev', teacher={k: teacher[k] for k in ('model', 'accuracy', 'f1', 'mcc', 'auroc', 'params')},
                                         baselines=baseline_rows, records=table, mean_over_students={f'alpha={a},T={t}': v for (a, t), v in mean.items()},
                                         chosen=dict(alpha=pick[0], temperature=pick[1])))
text = ('# KD α×T grid on the embedded synthetic data (tiny configs, dev split, 1 seed)\n\n'
        f'Teacher: tiny DNABERT-2 (4 layers, hidden 64), dev accuracy {teacher["accuracy"]:.4f}.\n\n' + '\n'.join(lines) +
        '\n\n## Baselines\n\n' + markdown_table(baseline_rows, keys[:10]) + '\n## KD grid\n\n' + markdown_table(table, keys[:12]))
atomic_write_text(here/'grid.md', text)
print(text)

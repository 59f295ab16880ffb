"""Collect the real-data run's records (teacher stage + students stage) into results/promoter_300/: per-seed and mean ± std
records (records.json) and a Markdown table (results.md). Run: python results/promoter_300/aggregate.py"""
from pathlib import Path
from dnakd_nb.core import read_json, atomic_write_json, atomic_write_text
from dnakd_nb.evaluate import mean_std
from dnakd_nb.pipeline import markdown_table

here = Path(__file__).resolve().parent
runs = here/'runs'
FLOOR = 0.88  # 4-mer logistic regression on promoter_300 dev (FACTS)
keep = lambda r: {k: v for k, v in r.items() if not isinstance(v, (dict, list)) or k in ('seeds',)}
teacher = [keep(r) for r in read_json(runs/'teacher'/'metrics.json')['records'] if 'seed' in r or r['role'] == 'teacher']
students = [keep(r) for r in read_json(runs/'students'/'records.json')['records'] if 'seed' in r] \
    if (runs/'students'/'records.json').exists() else []
# the teacher's members are the cnn-small baseline seeds: the students stage reuses them, so take them from there when present
have = {(r['model'], r['role'], r['seed'], r['split']) for r in students}
per_seed = [r for r in teacher if 'seed' in r and (r['model'], r['role'], r['seed'], r['split']) not in have] + students
teacher_rows = [r for r in teacher if r['role'] == 'teacher']
summary = teacher_rows + mean_std(per_seed)
for r in summary: r['beats_floor'] = r['accuracy'] > FLOOR
atomic_write_json(here/'records.json', dict(dataset='promoter_300', split='dev', floor_4mer_lr=FLOOR, records=per_seed + summary))
cols = ['model', 'role', 'split', 'n_seeds', 'accuracy', 'accuracy_std', 'f1', 'f1_std', 'mcc', 'mcc_std', 'auroc', 'auroc_std',
        'params', 'alpha', 'temperature', 'teacher_source']
rows = [{**r, 'n_seeds': r.get('n_seeds') or len(r.get('seeds') or [])} for r in summary]
seed_cols = ['model', 'role', 'split', 'seed', 'accuracy', 'f1', 'mcc', 'auroc', 'params', 'alpha', 'temperature', 'teacher_source', 'reused_from']
text = ('# promoter_300: teacher, baselines and KD students (dev; there is no test split)\n\n'
        'Mean ± std over seeds (`_std`: sample std). The teacher row is the ensemble of its 3 members (one record).\n'
        f'4-mer logistic-regression floor: {FLOOR} dev accuracy.\n\n' + markdown_table(rows, cols) +
        '\n## Per seed\n\n' + markdown_table(per_seed, seed_cols))
atomic_write_text(here/'results.md', text)
print(text)

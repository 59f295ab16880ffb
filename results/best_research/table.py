"""records.json → records.md: one row per run (dev metrics, plain and RC-averaged), for FINDINGS.md.

    python results/best_research/table.py"""
import json
from pathlib import Path
from dnakd_nb.core import atomic_write_text
here = Path(__file__).parent
recs = json.loads((here / 'records.json').read_text())
cols = ['name', 'model', 'n_train', 'epochs', 'seed', 'aux_blocks', 'kd', 'alpha', 'temperature', 'params', 'mflops_per_seq',
        'dev_accuracy', 'dev_mcc', 'dev_auroc', 'dev_rcavg_accuracy', 'dev_rcavg_mcc', 'train_seconds', 'train_samples_per_s']
fmt = lambda v: '' if v is None else f'{v:,}' if isinstance(v, int) and not isinstance(v, bool) else f'{v:.4f}' if isinstance(v, float) and v < 1.5 else str(v)
lines = ['| ' + ' | '.join(cols) + ' |', '|' + '---|' * len(cols)]
lines += ['| ' + ' | '.join(fmt(r.get(c)) for c in cols) + ' |' for r in recs]
notes = [f'- `{r["name"]}`: {r.get("note", "")} {("config " + json.dumps(r["config"])) if r.get("config") else ""}' for r in recs]
atomic_write_text(here / 'records.md', '# All runs (promoter_300 dev)\n\n' + '\n'.join(lines) + '\n\n' + '\n'.join(notes) + '\n')
print('\n'.join(lines))

"""Issue 14's ablation table (promoter_300 dev MCC): which ingredient brings how much.

    .venv/bin/python results/ablation/collect.py           # gather results/runs/ablation (run.sh) into records.json, then the table
    .venv/bin/python results/ablation/collect.py --table   # the table from the committed records.json alone

The reference is the three-seed `best` run (results/chain/best3): patch-xs and patch-s students on the profile's recipe,
baseline and KD. run.sh changes one ingredient at a time for patch-xs. Rows quoted from earlier studies are read
from their committed JSON, never typed in here."""
import json, statistics as st, sys
from pathlib import Path
from dnakd_nb.core import atomic_write_json, atomic_write_text, markdown_table
from dnakd_nb.pipeline import collect_records

here = Path(__file__).parent
root = here.parent.parent
KEEP = ('model', 'role', 'seed', 'alpha', 'temperature', 'augment', 'epochs', 'n_train', 'hidden_beta', 'teacher', 'params',
        'accuracy', 'mcc', 'auroc', 'train_seconds')

def per_seed_dev(rs) -> list:
    "Score records of one seed each on the dev split (the stages also write means over seeds, without a seed)"
    return [r for r in rs if r.get('kind') == 'score' and r.get('seed') is not None and r.get('split') == 'dev']

def gather() -> list:
    "Score records of every sweep point (tagged with its group and point) and of the three-seed best run"
    recs = []
    best = root/'results/chain/best3/students/records.json'
    recs += [{'group': 'recipe', 'point': '', **{k: r.get(k) for k in KEEP}} for r in per_seed_dev(json.loads(best.read_text())['records'])]
    for sweep in sorted((root/'results/runs/ablation').glob('*/sweep.json')):
        for d in sorted(p for p in sweep.parent.iterdir() if p.is_dir()):
            recs += [{'group': sweep.parent.name, 'point': d.name, **{k: r.get(k) for k in KEEP}}
                     for r in per_seed_dev(collect_records([d]))]
    return recs

def mean_sd(xs): return (st.mean(xs), st.stdev(xs) if len(xs) > 1 else None)
def fmt(m, s=None, signed=False): return '' if m is None else (f'{m:+.4f}' if signed else f'{m:.4f}') + (f' ± {s:.4f}' if s is not None else '')

def by_seed(recs, **match) -> dict:
    return {r['seed']: r['mcc'] for r in recs if all(r.get(k) == v for k, v in match.items())}

def paired(a: dict, b: dict) -> dict:
    "b − a over the seeds both have: mean ± sd, and on how many seeds b is higher"
    seeds = sorted(set(a) & set(b))
    if not seeds: return {}
    d = [b[s] - a[s] for s in seeds]
    m, s = mean_sd(d)
    return dict(n=len(seeds), a=mean_sd([a[x] for x in seeds]), b=mean_sd([b[x] for x in seeds]), d=(m, s),
                won=sum(x > 0 for x in d))

def row(ingredient, change, p: dict, a_name='', b_name='') -> dict:
    if not p: return dict(ingredient=ingredient, change=change, seeds=0)
    return {'ingredient': ingredient, 'change': change, 'seeds': p['n'], a_name or 'without': fmt(*p['a']),
            b_name or 'with': fmt(*p['b']), 'Δ MCC (paired by seed)': fmt(*p['d'], signed=True),
            'seeds higher': f"{p['won']} of {p['n']}"}

def runs(recs, group, point='', model='patch-xs') -> list:
    return [r for r in recs if r['group'] == group and r['point'] == point and r['model'] == model]

def hidden_scores(recs) -> dict:
    "patch-xs hidden-state KD, {seed: MCC} (the `hidden` and `hidden_seeds` sweeps)"
    return {r['seed']: r['mcc'] for r in recs if r['group'].startswith('hidden') and r['model'] == 'patch-xs'}

def kd_rows(recs) -> list:
    "Goal 2: KD − baseline, paired by seed, in every setting that trained both"
    out = []
    settings = [('recipe', '', 'patch-s', 'the recipe (141,330 rows, RC, 1 epoch, α 0.3, T 2)'),
                ('recipe', '', 'patch-xs', 'the recipe (141,330 rows, RC, 1 epoch, α 0.3, T 2)'),
                ('data', 'recipe_copies=0,max_train_rows=16000', 'patch-xs', '16,000 labelled rows (teacher saw 141,330)'),
                ('data', 'recipe_copies=0,max_train_rows=None', 'patch-xs', '47,110 labelled rows (teacher saw 141,330)'),
                ('augment', 'augment=none', 'patch-xs', 'no augmentation'),
                ('length', 'epochs=2', 'patch-xs', 'two epochs')]
    for group, point, model, what in settings:
        g = runs(recs, group, point, model)
        out.append({'student': model, **row('KD', what, paired(by_seed(g, role='baseline'), by_seed(g, role='kd')), 'baseline', 'KD')})
        if (group, model) == ('recipe', 'patch-xs'):
            out.append({'student': model, **row('hidden-state KD', 'the recipe, + β · MSE of last-block states (hidden_kd)',
                                                paired(by_seed(g, role='baseline'), hidden_scores(recs)), 'baseline', 'KD')})
    return out

def ingredient_rows(recs) -> list:
    "Goal 3: one change at a time from the recipe, for patch-xs, paired by seed with the recipe's run of the same mode"
    ref = runs(recs, 'recipe')
    out = []
    for mode in ('baseline', 'kd'):
        a = by_seed(ref, role=mode)
        for group, point, what in [('data', 'recipe_copies=0,max_train_rows=16000', 'data: 16,000 labelled rows instead of 141,330'),
                                   ('data', 'recipe_copies=0,max_train_rows=None', 'data: 47,110 labelled rows instead of 141,330'),
                                   ('augment', 'augment=none', 'augmentation: none instead of reverse complement'),
                                   ('length', 'epochs=2', 'training length: 2 epochs instead of 1')]:
            g = runs(recs, group, point)
            out.append({'mode': mode, **row(what.split(':')[0], what.split(': ')[1], paired(a, by_seed(g, role=mode)), 'recipe', 'changed')})
    hkd = hidden_scores(recs)
    beta = next((r['hidden_beta'] for r in recs if r['group'].startswith('hidden')), None)
    for mode in ('kd', 'baseline'):
        what = f"+ β {beta} · MSE of the last block's states onto the teacher members' last blocks (α 0.3, T 2), against the recipe's {mode}"
        out.append({'mode': 'hidden_kd', **row('hidden-state KD', what, paired(by_seed(ref, role=mode), hkd), 'recipe', 'changed')})
    return out

def grid_rows(recs) -> list:
    "α × T for patch-xs, seed 0: KD MCC and its difference from the seed-0 baseline"
    ref = [r for r in runs(recs, 'recipe') if r['seed'] == 0]
    base = next((r['mcc'] for r in ref if r['role'] == 'baseline'), None)
    cells = [r for r in recs if r['role'] == 'kd' and r['model'] == 'patch-xs' and r['seed'] == 0 and
             (r['group'].startswith('alpha_t') or r['group'] == 'recipe')]
    rows = []
    for a in sorted({r['alpha'] for r in cells}):
        row_ = {'α (weight of CE)': a}
        for t in sorted({r['temperature'] for r in cells}):
            m = next((r['mcc'] for r in cells if r['alpha'] == a and r['temperature'] == t), None)
            row_[f'T {t:g}'] = '' if m is None else f'{m:.4f} ({m - base:+.4f})'
        rows.append(row_)
    return rows, base

def quoted_rows() -> list:
    "Ingredients measured by earlier studies, read from their committed JSON"
    rows = []
    s = json.loads((root/'results/kd_strong_teacher/paired.json').read_text())
    for r in s['rows']:
        rows.append(dict(ingredient='teacher strength', finding=f"KD from a cnn-small teacher on all 47,110 rows (dev MCC {s['teacher']['mcc']:.3f}) "
                         f"into {r['model']} on 8,000 rows: Δ MCC {r['d_mcc']:+.4f}, accuracy {r['d_accuracy']:+.4f} ± {r['d_accuracy_std']:.4f}, "
                         f"higher on {r['kd_better_seeds']} of {r['n_seeds']} seeds", source='results/kd_strong_teacher/'))
    f = json.loads((root/'results/findna/promoter_300_long/summary.json').read_text())
    for r in f['paired_vs_random']:
        if r['mode'] == 'finetune' and r['network'] == 'student':
            absm = next(x for x in f['records'] if x['init'] == 'findna' and x['network'] == 'student' and x['mode'] == 'finetune')
            rows.append(dict(ingredient='pretraining', finding=f"FinDNA self-distillation pretraining of a {absm['params']:,}-parameter ChordMixer, "
                             f"then fine-tuning on 4,000 rows: Δ MCC {r['d_mcc']:+.4f} ± {r['d_mcc_std']:.4f} over random init "
                             f"({r['n_seeds']} seeds), to {absm['mcc']:.3f}: far below the patch CNNs", source='results/findna/promoter_300_long/'))
    b = {r['name']: r for r in json.loads((root/'results/best_research/records.json').read_text())}
    for name in ('p1-patch-xs', 'p1-patch-s', 'p2-patch-s-full'):
        r = b[name]
        rows.append(dict(ingredient='reverse-complement handling', finding=f"{r['model']} ({r['n_train']:,} rows): averaging the prediction "
                         f"over both strands moves dev MCC {r['dev_mcc']:.4f} → {r['dev_rcavg_mcc']:.4f} ({r['dev_rcavg_mcc'] - r['dev_mcc']:+.4f}, one seed)",
                         source='results/best_research/records.md'))
    for name, ref, what in [('p1-patch-s', 'p1-cnn-mini', 'architecture: patch CNN instead of the dilated cnn-mini'),
                            ('p1-patch-s-gpool', 'p1-patch-s', 'pooling: no patches (global pooling after full-resolution convs)'),
                            ('p3-patch-m-aux1', 'p2-patch-s-aux1', 'capacity: patch-m (2.7× the parameters)'),
                            ('p2-patch-s-full', 'p1-patch-s', 'data: 47,110 rows instead of 16,000'),
                            ('p2-patch-s-fresh', 'p2-patch-s-full', 'data: + fresh recipe negatives, same steps')]:
        r, q = b[name], b[ref]
        rows.append(dict(ingredient=what.split(':')[0], finding=f"{what.split(': ')[1]}: dev MCC {q['dev_mcc']:.4f} → {r['dev_mcc']:.4f} "
                         f"({r['dev_mcc'] - q['dev_mcc']:+.4f}, one seed; {q['mflops_per_seq']:.0f} → {r['mflops_per_seq']:.0f} MFLOPs/seq)",
                         source='results/best_research/records.md'))
    return rows

def table(recs) -> str:
    grid, base = grid_rows(recs)
    spread = mean_sd(list(by_seed(runs(recs, 'recipe'), role='baseline').values()))
    parts = ['# Ablation: which ingredient brings how much (promoter_300, dev MCC)', '',
             'Made by `bash results/ablation/run.sh && .venv/bin/python results/ablation/collect.py` (see run.sh for every command) '
             'and the three-seed `best` run (`results/chain/best3/`). Mean ± sample sd; differences are paired by seed '
             '(runs of one seed share initial weights and batch order). Seed-to-seed sd of the patch-xs recipe baseline: '
             f'{fmt(*spread)}.', '',
             '## Goal 2: does KD beat the same student trained without the teacher?', '', markdown_table(kd_rows(recs)), '',
             '## One ingredient at a time (patch-xs, against the recipe run of the same seed and mode)', '',
             markdown_table(ingredient_rows(recs)), '',
             f'## α × T (patch-xs, seed 0; in brackets the difference from its baseline, MCC {base:.4f})', '',
             'α weighs the hard-label cross-entropy, 1 − α the T²-scaled KL to the teacher (α 0: soft targets only).', '',
             markdown_table(grid), '',
             '## Measured by earlier studies', '', markdown_table(quoted_rows()), '']
    return '\n'.join(parts)

if __name__ == '__main__':
    if '--table' not in sys.argv: atomic_write_json(here/'records.json', dict(records=gather()))
    recs = json.loads((here/'records.json').read_text())['records']
    atomic_write_text(here/'ablation.md', table(recs))
    print((here/'ablation.md').read_text())

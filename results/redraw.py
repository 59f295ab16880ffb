"""Redraw the committed figures under results/ from their committed JSON records with the plotting functions of
dnakd_nb.plots (issue 16): no training, no model weights. Run from the repository root:

    python results/redraw.py            # every figure this script knows
    python results/redraw.py bench      # only the figures whose path contains 'bench'

Each `redraw_*` function below names the records it reads and the experiment that wrote them (see each folder's
COMMAND.md). Figures whose inputs are not committed are listed in NOT_REDRAWN with the reason; the script prints them.
"""
import sys
from pathlib import Path
import numpy as np
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from dnakd_nb.core import read_json
from dnakd_nb.bench import data_label
from dnakd_nb.evaluate import mean_std
from dnakd_nb.plots import (plot_training_curves, plot_speedups, plot_pareto, plot_species_bars, plot_kd_heatmap,
                            plot_confusion, plot_facet_bars, save_figure)

HERE = Path(__file__).resolve().parent
FLOOR_4MER = 0.88   # 4-mer logistic regression on promoter_300 dev (shared FACTS), drawn as a reference line
ONLY = sys.argv[1] if len(sys.argv) > 1 else None
drawn = []

NOT_REDRAWN = {
    'multiclass/*/figures/dark_knowledge_teacher_{aug,noaug}.png':
        "the teachers' training-set logits were not kept by those runs: results/multiclass/redraw_dark.py re-trains "
        "each run's teachers with its recipe and draws their maps (dark_knowledge.json beside the figures); new runs keep "
        "the matrices in summary.json",
}

def out(rel: str) -> Path | None:
    "The figure's path, or None when a filter is given and the path does not match it"
    return HERE/rel if ONLY is None or ONLY in rel else None

def draw(rel: str, make):
    "Call `make(path)` for the figure at `rel` (unless filtered out), close it, and note it"
    p = out(rel)
    if p is None: return
    plt.close(make(p)); drawn.append(rel)

# ---------------------------------------------------------------- training curves (teacher stage, 01_teacher.ipynb)
def teacher_name(t: dict) -> str:
    "'cnn-small (teacher)', or 'DNABERT-2 tiny (teacher)' for a named DNABERT-2 size"
    return ('DNABERT-2 ' if t.get('input_kind') == 'bpe' and t.get('kind') == 'named' else '') + f"{t['teacher']} (teacher)"

def redraw_stage_curves(stage: str):
    "curves_seed<k>.png of a teacher stage folder from members/seed<k>/train_log.json and teacher.json"
    t = read_json(HERE/stage/'teacher.json')
    for log in sorted((HERE/stage/'members').glob('seed*/train_log.json')):
        seed = int(log.parent.name.removeprefix('seed'))
        draw(f'{stage}/curves_seed{seed}.png', lambda p: plot_training_curves(
            read_json(log), x='epoch', path=p, model=teacher_name(t), dataset=t['data'], seed=seed))

def redraw_teacher_copy():
    "results/teacher/ holds copies of results/kd_grid/teacher/ (its COMMAND.md): the same figure"
    t = read_json(HERE/'kd_grid'/'teacher'/'teacher.json')
    draw('teacher/curves_seed0.png', lambda p: plot_training_curves(
        read_json(HERE/'kd_grid'/'teacher'/'members'/'seed0'/'train_log.json'), x='epoch', path=p,
        model=teacher_name(t), dataset=t['data'], seed=0))

def redraw_promoter_300_curves():
    "results/promoter_300/figures/curves_*.png from histories.json (keyed by run folder) and records.json (rows, α, T)"
    hist = read_json(HERE/'promoter_300'/'histories.json')
    recs = {(r['model'], r['role'], r['seed']): r for r in read_json(HERE/'promoter_300'/'records.json')['records']
            if r.get('seed') is not None and r['split'] == 'dev'}
    for key, h in hist.items():
        parts = key.split('/')
        seed = int(parts[-1].removeprefix('seed'))
        if parts[0] == 'teacher':   # a member of the cnn-small ×3 ensemble teacher (also the cnn-small baseline seed)
            model, role, name = 'cnn-small (member of the ×3 ensemble teacher)', None, f'curves_seed{seed}.png'
            r = recs.get(('cnn-small', 'baseline', seed), {})
        else:
            fam, role = parts[2], parts[3]
            model, name, r = fam, f'curves_{fam}_{role}_seed{seed}.png', recs.get((fam, role, seed), {})
        log = {'history': h, 'n_train': r.get('n_train'), 'alpha': r.get('alpha'), 'temperature': r.get('temperature')}
        draw(f'promoter_300/figures/{name}', lambda p: plot_training_curves(
            {k: v for k, v in log.items() if v is not None}, x='epoch', path=p, model=model, role=role,
            dataset='promoter_300', seed=seed))

# ---------------------------------------------------------------- speed (07_bench.run_benchmark, 03_inference)
def redraw_speedups(run_json: str, labels: dict | None = None):
    "<stem>_speedups_<dtype>.png (or bench_speedups_<dtype>.png) beside a benchmark run's JSON"
    run = read_json(HERE/run_json)
    data = data_label(run)
    stem = Path(run_json).stem
    for dt, ref in [(d, 'same') for d in run['dtypes']] + [(d, 'float32') for d in run.get('onnx_dtypes', [])]:
        rel = str(Path(run_json).with_name(f'{stem}_speedups_{dt}.png'))
        draw(rel, lambda p: plot_speedups(run, teacher=run['teacher'], dtype=dt, against=ref, path=p, data=data, labels=labels))

def inference_points(teacher_dir: Path | None, students_records: Path | None, per_seed_records: Path | None = None):
    "Dev records of the teacher and students as 03_inference builds them: label 'family role', teacher by its name"
    recs = []
    if teacher_dir is not None:
        recs += [r for r in read_json(teacher_dir/'metrics.json')['records'] if r.get('role') == 'teacher' and r.get('split') == 'dev']
    src = students_records or per_seed_records
    per_seed = [r for r in read_json(src)['records'] if r.get('split') == 'dev' and r.get('seed') is not None]
    if per_seed_records is not None:   # a folder holding its teacher's record among the students' (promoter_300)
        recs += [r for r in read_json(src)['records'] if r.get('role') == 'teacher' and r.get('split') == 'dev']
    recs += [r for r in per_seed if r.get('role') != 'teacher']
    return [{**r, 'model': r['model'] if r['role'] == 'teacher' else f"{r['model']} {r['role']}", 'family': r['model']} for r in recs]

def redraw_pareto(rel: str, run_json: str, points: list, teacher: str):
    "bench_pareto.png: dev accuracy (± sd over seeds) against float32 throughput at the largest batch"
    run = read_json(HERE/run_json)
    fam = lambda p: p['family'] if p['role'] != 'teacher' else p['model']
    bench = [{**b, 'model': p['model']} for p in points for b in run['records'] if b['model'] == fam(p)]
    seen = {}
    for b in bench: seen.setdefault((b['model'], b['dtype'], b['batch_size']), b)
    draw(rel, lambda p: plot_pareto(list(seen.values()), points, teacher=teacher, path=p, floor=FLOOR_4MER,
                                    floor_label='4-mer logistic regression', data='promoter_300 dev'))

# ---------------------------------------------------------------- cross-species bars (03_inference)
def redraw_species(folder: str, teacher_label: str):
    "species_<metric>_<mode>.png from the folder's <source>_<split>_<mode>.json records (all seeds)"
    files = sorted((f for f in (HERE/folder).glob('*_*.json') if f.name != 'summary.json'), key=lambda f: (not f.name.startswith('promoter_300'), f.name))
    records = [r for f in files for r in read_json(f)['records']]
    label = lambda r: r['model'] if r['role'] in ('teacher', 'random-init') else f"{r['model']} {r['role']}"
    train = sorted({r.get('train_data') for r in records if r.get('train_data')})
    for mode in sorted({r['length_mode'] for r in records}):
        rs = [{**r, 'model': label(r), 'species': r.get('species') or r['dataset']} for r in records if r['length_mode'] == mode]
        for metric in ('accuracy', 'auroc'):
            how = {'none': 'lengths as they are', 'crop_pad': 'centre-cropped / N-padded to 300 bp'}.get(mode, mode)
            draw(f'{folder}/species_{metric}_{mode}.png', lambda p: plot_species_bars(
                rs, metric=metric, group='species', teacher=teacher_label, path=p, trained_on=', '.join(train),
                title=f"{metric} across species, dev splits (models trained on {', '.join(train)}; {how})"))

# ---------------------------------------------------------------- KD grid heat maps (kd_grid/summarize.py, sweeps)
def redraw_kd_grid():
    "heatmap_<student>.png (summarize.py) and <student>/sweep_accuracy.png (the sweep's own map) from the points' records"
    base = {r['model']: r for r in read_json(HERE/'kd_grid'/'baseline'/'records.json')['records'] if r['split'] == 'dev'}
    teacher = next(r for r in read_json(HERE/'kd_grid'/'teacher'/'metrics.json')['records'] if r['role'] == 'teacher' and r['split'] == 'dev')
    for student in ('hybrid-cnn-3l', 'transformer-4l'):
        recs = [r for p in sorted((HERE/'kd_grid'/student).glob('alpha=*')) for r in read_json(p/'records.json')['records'] if r['split'] == 'dev']
        title = f'{student}: dev accuracy (baseline {base[student]["accuracy"]:.3f}, teacher {teacher["accuracy"]:.3f})'
        draw(f'kd_grid/heatmap_{student}.png', lambda p: plot_kd_heatmap(recs, metric='accuracy', path=p, title=title))
        draw(f'kd_grid/{student}/sweep_accuracy.png', lambda p: plot_kd_heatmap(recs, metric='accuracy', path=p,
                                                                                  title=f'{student}: KD sweep over α × T'))

# ---------------------------------------------------------------- multiclass (04_multiclass.ipynb)
def redraw_multiclass(run: str):
    "confusion_<role>_<aug>_<split>.png (per-seed confusion matrices summed) and macro_f1_bars.png, from records.json"
    d = HERE/'multiclass'/run
    recs, params = read_json(d/'records.json'), read_json(d/'params.json')
    names, seeds = params['class_names'], sorted({r['seed'] for r in recs})
    split = 'test' if params.get('report_test') else 'dev'
    ds = recs[0]['dataset']
    for role in ('teacher', 'baseline', 'kd'):
        for aug in (False, True):
            rs = [r for r in recs if r['role'] == role and r['augment'] == aug and r['split'] == split]
            if not rs: continue
            cm = sum(np.array(r['confusion']) for r in rs)
            title = (f'{ds} {split}: {role}, {"with" if aug else "without"} augmentation\n'
                     f'({len(rs)} seed{"s" if len(rs) > 1 else ""} summed; {rs[0]["model"]})')
            draw(f'multiclass/{run}/figures/confusion_{role}_{"aug" if aug else "noaug"}_{split}.png',
                 lambda p: plot_confusion(cm, names, title=title, path=p))
    bars = [dict(r, model=r['role'], condition=f'{r["split"]}, {"augment" if r["augment"] else "no augment"}') for r in recs]
    draw(f'multiclass/{run}/figures/macro_f1_bars.png', lambda p: plot_species_bars(
        bars, metric='macro_f1', group='condition', teacher='teacher', path=p,
        title=f'{ds}: macro F1 by role and condition ({len(seeds)} seed{"s" if len(seeds) > 1 else ""}; '
              f'teacher {params["teacher_model"]}, student {params["student_model"]})'))

# ---------------------------------------------------------------- FinDNA (findna/aggregate.py)
def findna_figure(folder: Path, path):
    "accuracy.png of a FinDNA folder: dev accuracy per init × network, one panel per mode, from */records.json"
    recs = [r for f in sorted(folder.glob('*/records.json')) for r in read_json(f)['records']]
    rows = [{**r, 'run': f"{r['init']} / {r['network']}" + (' (KD)' if r['role'] == 'kd' else '')} for r in recs]
    modes = list(dict.fromkeys(r['mode'] for r in rows))
    return plot_facet_bars(rows, 'accuracy', 'run', 'mode', f'ChordMixer on {recs[0]["dataset"]} {recs[0]["split"]}: init × network',
                           path=path, col_order=modes)

def redraw_findna():
    for sub in ('promoter_300', 'promoter_300_long'):
        draw(f'findna/{sub}/accuracy.png', lambda p: findna_figure(HERE/'findna'/sub, p))

if __name__ == '__main__':
    for stage in ('chain/promoter_300/teacher', 'kd_grid/teacher', 'kd_strong_teacher/teacher'): redraw_stage_curves(stage)
    redraw_teacher_copy()
    redraw_promoter_300_curves()
    redraw_speedups('bench/cpu_2026-11-22.json', labels={m: f'{m} (random weights)' for m in ('hybrid-cnn-3l', 'cnn-4l', 'cnn-small', 'chordmixer')})
    redraw_speedups('bench/promoter_300/cpu_2threads.json', labels={
        'teacher/model': 'teacher (cnn-small ×3 ensemble)', 'cnn-small/kd/seed0/model': 'cnn-small KD seed 0',
        'cnn-mini/kd/seed0/model': 'cnn-mini KD seed 0'})
    chain = HERE/'chain'/'promoter_300'
    redraw_speedups('chain/promoter_300/inference/bench/bench.json', labels={
        'cnn-small': 'cnn-small (teacher)', 'cnn-mini': 'cnn-mini KD seed 0', 'cnn-tiny': 'cnn-tiny KD seed 0'})
    redraw_pareto('chain/promoter_300/inference/bench/bench_pareto.png', 'chain/promoter_300/inference/bench/bench.json',
                  inference_points(chain/'teacher', chain/'students'/'records.json'), teacher='cnn-small')
    redraw_species('chain/promoter_300/inference/cross_species', teacher_label='cnn-small')
    redraw_speedups('cross_species/promoter_300/bench/bench.json', labels={
        'cnn-small-ensemble3': 'teacher (cnn-small ×3 ensemble)', 'cnn-small': 'cnn-small KD seed 0', 'cnn-mini': 'cnn-mini KD seed 0'})
    redraw_pareto('cross_species/promoter_300/bench/bench_pareto.png', 'cross_species/promoter_300/bench/bench.json',
                  inference_points(None, None, HERE/'promoter_300'/'records.json'), teacher='cnn-small-ensemble3')
    redraw_species('cross_species/promoter_300/cross_species', teacher_label='cnn-small-ensemble3')
    redraw_speedups('onnx/bench.json')
    for run in ('best', 'best3'): redraw_speedups(f'chain/{run}/inference/bench/bench.json')  # titles said 'sequences given , 64'
    redraw_kd_grid()
    for run in sorted(p.name for p in (HERE/'multiclass').iterdir() if (p/'records.json').exists()): redraw_multiclass(run)
    redraw_findna()
    print(f'redrew {len(drawn)} figures:', *drawn, sep='\n  ')
    print('not redrawn here (inputs not committed):', *(f'{k}: {v}' for k, v in NOT_REDRAWN.items()), sep='\n  ')

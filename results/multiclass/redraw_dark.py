"""Redraw the committed dark-knowledge maps of results/multiclass/ by re-training the teachers they came from.

    .venv/bin/python results/multiclass/redraw_dark.py [RUN ...]   (default: every run folder with params.json)

The maps show the first seed's teacher's mean soft label (softmax(logits / T)) per true class on the training split,
the targets KD is trained on. The runs did not keep those logits, and their teachers were trained by an older version
of the library whose random-number use differs, so the same seed does not give the same weights today. This script
re-trains each teacher (aug and no aug) with the run's own recipe (`params.json`) and first seed, and draws the maps
of that re-trained teacher, saying so in the title. Beside the figures it writes `dark_knowledge.json`: the matrices,
the temperature, and the re-trained teacher's dev scores next to the run's own teacher's, so a reader can judge how
close the two teachers are."""
import dataclasses, json, sys, time
from pathlib import Path
from dnakd_nb.core import atomic_write_json, read_json
from dnakd_nb.plots import mean_soft_labels, plot_dark_knowledge
from dnakd_nb.evaluate import predict
from dnakd_nb.stages import setup_torch
from dnakd_nb.studies import MulticlassConfig, _MulticlassJob, _teachers, multiclass_data, collator_for

HERE = Path(__file__).resolve().parent
SCORES = ('accuracy', 'f1', 'macro_f1', 'mcc', 'auroc', 'n')

def redraw(run: Path) -> dict:
    p = read_json(run/'params.json')
    names = {f.name for f in dataclasses.fields(MulticlassConfig)}
    seed = p['seeds'][0]
    cfg = MulticlassConfig(**{k: v for k, v in p.items() if k in names and k != 'output_dir'})
    cfg = dataclasses.replace(cfg, seeds=[seed], report_test=False)
    setup_torch(cfg.threads)
    data = multiclass_data(cfg)
    job, res, t0 = _MulticlassJob(cfg, data, run), dict(models={}, logs={}, records=[], dev_logits={}, test_logits={}), time.time()
    teachers = _teachers(job, seed, res)
    recs = read_json(run/'records.json')
    recs = recs['records'] if isinstance(recs, dict) else recs
    old = [r for r in recs if (r['role'], r['seed'], r['split']) == ('teacher', seed, 'dev')]
    dev = {('aug' if n['augment'] else 'noaug'): {'retrained': {k: n[k] for k in SCORES},
                                                 'run': {k: next(r for r in old if r['augment'] == n['augment'])[k] for k in SCORES}}
           for n in res['records']}
    dark, figs = {}, []
    for aug in cfg.conditions:
        tm = teachers[aug]
        lg = predict(tm, data.train, collator_for(tm, cfg.tokenizer))
        key = 'aug' if aug else 'noaug'
        dark[key] = mean_soft_labels(lg, data.train['label'], data.K, cfg.temperature).tolist()
        name = f'dark_knowledge_teacher_{key}.png'
        plot_dark_knowledge(lg, data.train['label'], data.class_names, temperature=cfg.temperature,
                            title=f"{data.name}: mean soft label per true class on train\nteacher {'with' if aug else 'without'} "
                                  f"augmentation, re-trained (seed {seed}; dev macro-F1 {dev[key]['retrained']['macro_f1']:.3f}, "
                                  f"the run's own teacher {dev[key]['run']['macro_f1']:.3f})", path=run/'figures'/name)
        figs.append(name)
    out = dict(command='.venv/bin/python results/multiclass/redraw_dark.py ' + run.name, seed=seed, temperature=cfg.temperature,
               split='train', class_names=data.class_names, dark_knowledge=dark, teacher_dev=dev, figures=figs,
               note='teachers re-trained with the run\'s recipe by the current library: not the run\'s own weights')
    atomic_write_json(run/'dark_knowledge.json', out)
    return dict(run=run.name, teacher_dev=dev, seconds=round(time.time() - t0, 1))

if __name__ == '__main__':
    runs = [HERE/r for r in sys.argv[1:]] or sorted(d for d in HERE.iterdir() if (d/'params.json').exists())
    for r in runs: print(json.dumps(redraw(r)), flush=True)

"""Train a queue of runs one after another (one process, one thread) and append a record per run to records.json.

    python results/best_research/run.py QUEUE.json        # a list of run specs (see `run_one`)

A spec: name (record id), model (candidate or zoo name), config (overrides), n_train (seeded subsample; None: all
47,110 rows), epochs, lr, batch_size, seed, rc_augment, and for KD: teacher_logits (a cache file), alpha,
temperature, extra (a saved dataset of extra inputs, scored by the teacher, whose idx follow the train rows).
save: a folder outside the repository for the weights and dev logits (ensembles, caches)."""
from __future__ import annotations
import json, sys, time
from pathlib import Path
import torch, datasets
from common import build, add_record, load_records, runs_path
from dnakd_nb.data import read_splits
from dnakd_nb.train import TrainConfig, fit, with_idx, RCViewCollator, TeacherLogits, _rc_dataset
from dnakd_nb.evaluate import collator_for, predict, compute_metrics
from dnakd_nb.students import count_params, forward_flops
from dnakd_nb.core import set_seed

datasets.disable_progress_bars()
_SPLITS = {}

def splits():
    if not _SPLITS: _SPLITS.update(read_splits('promoter_300'))
    return _SPLITS['train'], _SPLITS['dev']

def train_rows(n, seed=0):
    tr = with_idx(splits()[0])
    return tr if not n or n >= len(tr) else tr.shuffle(seed=seed).select(range(n)).flatten_indices()

_GROUPS = {}
def dev_groups():
    "Dev rows by kind: 'pos', 'recipe_neg' (8 of 20 blocks from a train/dev promoter), 'other_neg' (no such source)"
    if not _GROUPS:
        import numpy as np
        from blocks import block_labels
        tr, dev = splits()
        proms = [s for s, l in zip(tr['sequence'], tr['label']) if l == 1] + [s for s, l in zip(dev['sequence'], dev['label']) if l == 1]
        bl = block_labels(dev['sequence'], dev['label'], proms)
        y = np.array(dev['label'])
        _GROUPS.update(pos=y == 1, recipe_neg=(y == 0) & (bl[:, 0] >= 0), other_neg=(y == 0) & (bl[:, 0] < 0))
    return _GROUPS

def group_errors(logits) -> dict:
    "Error rate of each dev group (see `dev_groups`)"
    import numpy as np
    pred = logits.argmax(-1).numpy()
    y = np.array(splits()[1]['label'])
    return {f'err_{g}': round(float((pred[m] != y[m]).mean()), 4) for g, m in dev_groups().items()}

def dev_metrics(model, dev, col, rc_avg=True):
    "Dev metrics of the model, and of its logits averaged over both strands; the logits too"
    lg = predict(model, dev, col, batch_size=256)
    out = {k: v for k, v in compute_metrics(lg, dev['label'], 2).items() if isinstance(v, float)}
    if rc_avg:
        lg_rc = predict(model, _rc_dataset(dev), col, batch_size=256)
        both = 0.5 * (lg + lg_rc)
        out.update({f'rcavg_{k}': v for k, v in compute_metrics(both, dev['label'], 2).items() if isinstance(v, float)})
        out.update({f'rcavg_{k}': v for k, v in group_errors(both).items()})
        return out, lg, lg_rc
    return out, lg, None

def run_one(spec: dict) -> dict:
    if any(r['name'] == spec['name'] for r in load_records()):
        print('skip (recorded):', spec['name'], flush=True); return {}
    train, dev = train_rows(spec.get('n_train'), spec.get('data_seed', 0)), splits()[1]
    extra = spec.get('extra')
    if extra:  # extra inputs (augmented copies) with their own idx, scored by the teacher
        ex = datasets.load_from_disk(runs_path(extra))
        if spec.get('extra_n'): ex = ex.select(range(spec['extra_n']))
        train = datasets.concatenate_datasets([train.select_columns(['sequence', 'label', 'idx']),
                                               ex.select_columns(['sequence', 'label', 'idx'])])
    seed = spec.get('seed', 0)
    set_seed(seed)
    model = build(spec['model'], **spec.get('config', {}))
    col = collator_for(model)
    train_col = RCViewCollator(col, 0.5) if spec.get('rc_augment', True) else col
    cfg = TrainConfig(epochs=spec.get('epochs', 3), lr=spec.get('lr', 2e-3), batch_size=spec.get('batch_size', 64),
                      weight_decay=spec.get('weight_decay', 0.01), warmup_ratio=spec.get('warmup_ratio', 0.1),
                      max_steps=spec.get('max_steps'), seed=seed, eval_batch_size=256, progress=False, load_best=False)
    kd = {}
    if spec.get('aux_blocks'):  # dense auxiliary labels: which blocks of each negative are random
        from blocks import BlockAuxStep, block_labels
        tr0 = splits()[0]
        promoters = [s for s, l in zip(tr0['sequence'], tr0['label']) if l == 1]
        bl = block_labels(train['sequence'], train['label'], promoters)
        table = torch.full((max(train['idx']) + 1, bl.shape[1]), -1.0)
        table[torch.as_tensor(train['idx'])] = torch.as_tensor(bl, dtype=torch.float32)
        kd = dict(step=BlockAuxStep(model.config.hidden_size, table, float(spec['aux_blocks'])))
    if spec.get('teacher_logits'):
        kd = dict(teacher_logits=TeacherLogits.load(runs_path(spec['teacher_logits'])), alpha=spec.get('alpha', 0.0),
                  temperature=spec.get('temperature', 1.0))
    t0 = time.time()
    log = fit(model, train, dev, train_col, cfg, eval_collator=col, **kd)
    wall = time.time() - t0
    model.eval()
    m, lg, lg_rc = dev_metrics(model, dev, col)
    rec = dict(name=spec['name'], model=spec['model'], config={**model.config.to_diff_dict()} if False else spec.get('config', {}),
               n_train=len(train), n_labelled=spec.get('n_train') or 47110, epochs=cfg.epochs, lr=cfg.lr,
               batch_size=cfg.batch_size, seed=seed, rc_augment=spec.get('rc_augment', True),
               kd='teacher_logits' in kd, aux_blocks=spec.get('aux_blocks'), alpha=kd.get('alpha'), temperature=kd.get('temperature'), teacher=spec.get('teacher'),
               extra=Path(extra).name if extra else None, steps=log['steps'],
               train_seconds=round(log['train_seconds'], 1), wall_seconds=round(wall, 1),
               train_samples_per_s=round(log['steps'] * cfg.batch_size / log['train_seconds'], 1),
               params=count_params(model), mflops_per_seq=round(forward_flops(model, 300) / 1e6, 2),
               dev_history=[{k: h[k] for k in ('epoch', 'dev_accuracy', 'dev_mcc') if k in h} for h in log['history']],
               **{f'dev_{k}': round(v, 5) for k, v in m.items()}, note=spec.get('note', ''))
    if spec.get('save'):
        d = runs_path(spec['save']); d.mkdir(parents=True, exist_ok=True)
        model.save_pretrained(d / 'model')
        torch.save({'dev': lg, 'dev_rc': lg_rc}, d / 'dev_logits.pt')
        rec['saved'] = True
    add_record(rec)
    print(f"{rec['name']}: dev acc {rec['dev_accuracy']:.4f} mcc {rec['dev_mcc']:.4f} (rc-avg {rec['dev_rcavg_mcc']:.4f}) "
          f"{rec['train_seconds']:.0f} s, {rec['train_samples_per_s']:.0f} samples/s", flush=True)
    return rec

if __name__ == '__main__':
    for spec in json.loads(Path(sys.argv[1]).read_text()): run_one(spec)

"""Ensemble saved teacher members, score it on dev (plain and RC-averaged), and cache its logits (both strands) on
the train rows plus an optional extra-input dataset, for KD. One thread.

    python results/best_research/cache.py NAME OUT.safetensors MEMBER_DIR [MEMBER_DIR ...] [--extra DATASET_DIR]"""
import sys, time, json
from pathlib import Path
import torch, datasets
torch.set_num_threads(1)
from common import add_record, runs_path
from run import splits, dev_metrics, train_rows
import dnakd_nb.convnets  # registers the patch CNN with the Auto classes (evaluate.MODEL_MODULES lacks it)
from dnakd_nb.evaluate import load_model, collator_for
from dnakd_nb.students import ensemble_from_models, count_params, forward_flops
from dnakd_nb.train import save_teacher_logits

args = sys.argv[1:]
extra = None
if '--extra' in args: i = args.index('--extra'); extra = args[i + 1]; args = args[:i] + args[i + 2:]
name, out, members = args[0], args[1], args[2:]
models = [load_model(runs_path(m) / 'model', 'cpu') for m in members]
teacher = ensemble_from_models(models) if len(models) > 1 else models[0]
col = collator_for(models[0])
t0 = time.time()
m, _, _ = dev_metrics(teacher, splits()[1], col)
dev_s = time.time() - t0
rows = train_rows(None)
rows = rows.select_columns(['sequence', 'label', 'idx'])
if extra: rows = datasets.concatenate_datasets([rows, datasets.load_from_disk(runs_path(extra)).select_columns(['sequence', 'label', 'idx'])])
t0 = time.time()
from dnakd_nb.train import TeacherLogits
if runs_path(out).exists(): tl, secs = TeacherLogits.load(runs_path(out)), None  # made before: reuse (no timing)
else: tl = save_teacher_logits(teacher, rows, col, runs_path(out), rc=True, batch_size=256, device='cpu'); secs = time.time() - t0
# the RC-averaged teacher (both strands' logits averaged) for either view of a row: a second cache beside the first
avg = 0.5 * (tl.logits + tl.logits_rc)
TeacherLogits(tl.idx, avg, avg.clone(), dict(tl.meta, rc_averaged=True)).save(runs_path(out).with_name(runs_path(out).stem + '_rcavg.safetensors'))
rec = dict(name=name, model='ensemble' if len(models) > 1 else 'single', role='teacher', members=[Path(x).name for x in members],
           params=count_params(teacher), mflops_per_seq=round(forward_flops(teacher, 300) / 1e6, 2),
           **{f'dev_{k}': round(v, 5) for k, v in m.items()}, cache_rows=len(rows), cache_seconds=secs and round(secs, 1),
           cache_seq_per_s=secs and round(2 * len(rows) / secs, 1), extra=Path(extra).name if extra else None)
add_record(rec)
print(json.dumps({k: v for k, v in rec.items() if 'dev_' in k or 'cache' in k}), flush=True)

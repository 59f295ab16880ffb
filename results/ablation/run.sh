#!/usr/bin/env bash
# Issue 14's ablation on promoter_300 (dev): the `best` profile's teacher (2 x patch-s, results/runs/best/teacher,
# made by `dnakd run --profile best -p seeds 1 --name best`) and its patch-xs student, changing one ingredient at a
# time from the profile's recipe (141,330 rows = 47,110 labelled + 2 x (positives + fresh recipe negatives), 1 epoch,
# lr 2e-3, batch 64, reverse-complement augmentation, KD alpha 0.3 T 2 from cached teacher logits). Each group is a
# `dnakd sweep`, one point folder per value, under results/runs/ablation/ (not committed); `collect.py` reads them.
# Two lanes at once (one torch thread each) on the 2-core machine:
#     bash results/ablation/run.sh && .venv/bin/python results/ablation/collect.py
set -euo pipefail
cd "$(dirname "$0")/../.."
T=../../results/runs/best/teacher          # relative to nbs/experiments, where papermill runs the notebook
R=results/runs/ablation
common=(-p teacher_dir $T -p data promoter_300 -p max_train_rows None -p max_eval_rows None -p recipe_copies 2
        -p students '[patch-xs]' -p epochs 1 -p lr 0.002 -p batch_size 64 -p eval_batch_size 256 -p alpha 0.3
        -p temperature 2.0 -p augment rc -p evaluate_test False -p save_models False -p threads 1)
sweep() { local name=$1; shift; .venv/bin/dnakd sweep nbs/experiments/02_students.ipynb --out $R/$name --metric mcc \
          "${common[@]}" "$@" > $R/$name.log 2>&1; }
mkdir -p $R
lane1() {
  # data the student sees: the labelled rows only (16,000 of them, then all 47,110), the teacher still knows the 141,330
  sweep data -g recipe_copies=0 -g max_train_rows=16000,None -p modes '[baseline, kd]' -p seeds '[0, 1, 2]'
  # augmentation: none instead of reverse complement
  sweep augment -g augment=none -p modes '[baseline, kd]' -p seeds '[0, 1, 2]'
  # training length: two epochs instead of one
  sweep length -g epochs=2 -p modes '[baseline, kd]' -p seeds '[0]'
}
lane2() {
  # temperature and alpha (alpha 0.3, T 2 is the profile's, with three seeds in results/chain/best3)
  sweep alpha_t -g alpha=0.0,0.7 -g temperature=1,2,4 -p modes '[kd]' -p seeds '[0]'
  sweep alpha_t_03 -g alpha=0.3 -g temperature=1,4 -p modes '[kd]' -p seeds '[0]'
  # hidden-state KD: the student's last block onto the teacher members' last blocks side by side (live teacher)
  sweep hidden -g hidden_beta=1.0 -p modes '[hidden_kd]' -p seeds '[0]'
  # its seeds 1 and 2 (added once seed 0 had run; a new folder, so seed 0's point is not re-run), two at once
  sweep hidden_seeds -g hidden_beta=1.0 -p modes '[hidden_kd]' -p seeds '[1, 2]' -p workers 2
}
lane1 & lane2 & wait

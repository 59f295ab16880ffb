#!/bin/bash
# Re-run with EvoAug's last phase: both conditions (no augmentation; augmentation + 3 epochs of fine-tuning on clean
# sequences at lr/10), 3 seeds, settings otherwise as final.sh. One process at a time, 1 torch thread.
cd . && . .venv/bin/activate
LOG=${LOG:-$TMPDIR/nbsrc_h-mcft}
run() { # $1 classes, $2 epochs
  echo "start ecoli_sigma$1_ft $(date +%T)"
  papermill nbs/experiments/04_multiclass.ipynb results/multiclass/ecoli_sigma$1_ft/executed.ipynb \
    -p data ecoli_sigma$1 -p max_train_rows None -p max_steps None -p epochs $2 -p lr 0.002 -p batch_size 32 \
    -p alpha 0.3 -p temperature 5.0 -p imbalance weighted -p report_test True -p finetune_epochs 3 -p threads 1 \
    -y "{teacher_config: {width: 64}, student_config: {}, seeds: [0, 1, 2], augment: [false, true]}" \
    -p output_dir results/multiclass/ecoli_sigma$1_ft --log-output > $LOG/ecoli_sigma$1_ft.log 2>&1
  echo "end ecoli_sigma$1_ft $(date +%T) rc=$?"
}
mkdir -p results/multiclass/ecoli_sigma5_ft results/multiclass/ecoli_sigma6_ft
run 5 12
run 6 6

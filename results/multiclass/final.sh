#!/bin/bash
# final run: both ecoli_sigma sets in parallel, 1 torch thread each
cd . && . .venv/bin/activate
run() { # $1 classes, $2 epochs
  papermill nbs/experiments/04_multiclass.ipynb results/multiclass/ecoli_sigma$1/executed.ipynb \
    -p data ecoli_sigma$1 -p max_train_rows None -p max_steps None -p epochs $2 -p lr 0.002 -p batch_size 32 \
    -p alpha 0.3 -p temperature 5.0 -p imbalance weighted -p report_test True \
    -y "{teacher_config: {width: 64}, student_config: {}, seeds: [0, 1, 2], augment: [false, true]}" \
    -p output_dir results/multiclass/ecoli_sigma$1 --log-output > $TMPDIR/nbsrc_h2-multiclass/final$1.log 2>&1
}
run 5 12 & p5=$!
run 6 6 & p6=$!
wait $p5 $p6

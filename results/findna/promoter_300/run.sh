#!/usr/bin/env bash
# FinDNA on promoter_300 (CPU budget): two papermill processes (one torch thread each), then aggregate.py.
# The KD rows need the promoter_300 teacher made by results/promoter_300/COMMAND.md (teacher stage).
set -euo pipefail
cd "$(dirname "$0")/../../.."
R=results/findna/promoter_300
common=(-p data ../shared/data/promoter_300 -p eval_split dev -p max_train_rows 4000 -p max_eval_rows 0
        -p window 300 -p max_windows 20000 -p track_size 8 -p mlp_size 64 -p num_layers 1 -p num_cls_tokens 10
        -p out_dim 256 -p proj_hidden_size 256 -p proj_bottleneck_size 64 -p pretrain_epochs 1 -p pretrain_lr 1e-3
        -p finetune_epochs 3 -p finetune_lr 2e-3 -p batch_size 64 -p dropout 0.1 -p pretrain_dropout 0.0 -p threads 1
        -p teacher_dir results/promoter_300/runs/teacher/model -p kd_alpha 0.5 -p kd_temperature 3.0)
run() { .venv/bin/papermill nbs/experiments/05_findna.ipynb "$R/$1/05_findna.ipynb" "${common[@]}" \
        -y "seeds: $2" -p output_dir "$R/$1" > "$R/$1.log" 2>&1; }
mkdir -p $R/seeds_0_2 $R/seed_1
run seeds_0_2 '[0, 2]' & run seed_1 '[1]' & wait
.venv/bin/python results/findna/aggregate.py $R

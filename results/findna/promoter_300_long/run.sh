#!/usr/bin/env bash
# FinDNA on promoter_300 with longer pretraining (the whole train set as corpus, PRE_EPOCHS epochs) and the fine-tune
# recipe FT_LR x FT_EPOCHS (the paper's prom_300 lr 5e-4 and weight decay 0.1, fewer epochs); findna vs random only; two papermill processes (one torch thread each, one seed each), then aggregate.py.
set -euo pipefail
cd "$(dirname "$0")/../../.."
R=results/findna/promoter_300_long
PRE_EPOCHS=${PRE_EPOCHS:-2}; FT_LR=${FT_LR:-5e-4}; FT_EPOCHS=${FT_EPOCHS:-8}
common=(-p data ../shared/data/promoter_300 -p eval_split dev -p max_train_rows 4000 -p max_eval_rows 0
        -p window 300 -y 'max_windows: null' -p track_size 8 -p mlp_size 64 -p num_layers 1 -p num_cls_tokens 10
        -p out_dim 256 -p proj_hidden_size 256 -p proj_bottleneck_size 64 -p pretrain_epochs $PRE_EPOCHS -p pretrain_lr 1e-3
        -p finetune_epochs $FT_EPOCHS -p finetune_lr $FT_LR -p batch_size 64 -p dropout 0.1 -p pretrain_dropout 0.0 -p threads 1
        -y 'inits: ["findna", "random"]')
run() { .venv/bin/papermill nbs/experiments/05_findna.ipynb "$R/$1/05_findna.ipynb" "${common[@]}" \
        -y "seeds: $2" -p output_dir "$R/$1" > "$R/$1.log" 2>&1; }
SEEDS=${SEEDS:-0 1}   # one process per seed, all at once (SEEDS=2 added the third seed later)
for s in $SEEDS; do mkdir -p $R/seed_$s; run seed_$s "[$s]" & done; wait
.venv/bin/python results/findna/aggregate.py $R

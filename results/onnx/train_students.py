"""Train the small convolutional students used by results/onnx/ and results/explain/ (issue 16): cnn-tiny and cnn-mini, with label names, tokenizer and model card, on
6,000 rows of promoter_300 train (seeded sample), 2 epochs, one thread, with the library's own API. Weights stay out of
git (models/ is ignored); rerun this to rebuild them. Run from the repository root:

    python results/onnx/train_students.py            # writes results/onnx/models/<name>/ and trained.json
"""
import sys, time
from pathlib import Path
import torch
from dnakd_nb.core import atomic_write_json, set_seed
from dnakd_nb.data import read_dataset
from dnakd_nb.evaluate import collator_for, compute_metrics, predict
from dnakd_nb.hub import data_label_names, save_tokenizer, write_model_card
from dnakd_nb.students import build_student, count_params
from dnakd_nb.train import TrainConfig, fit

torch.set_num_threads(1)
here = Path(__file__).resolve().parent
N_TRAIN, EPOCHS, SEED = 6000, 2, 0
train = read_dataset('promoter_300', split='train').shuffle(seed=SEED).select(range(N_TRAIN))
dev = read_dataset('promoter_300', split='dev')
out = []
for name in (sys.argv[1:] or ['cnn-tiny', 'cnn-mini']):
    set_seed(SEED)
    model = build_student(name, labels=data_label_names('promoter_300'))
    col = collator_for(model)
    t = time.time()
    log = fit(model, train, None, col, TrainConfig(epochs=EPOCHS, lr=2e-3, batch_size=64, seed=SEED, progress=False,
                                                   load_best=False))
    secs = time.time() - t
    m = compute_metrics(predict(model, dev, col, batch_size=256), dev['label'])
    d = here/'models'/name
    model.save_pretrained(d)
    rec = dict(model=name, role='baseline', dataset='promoter_300', split='dev', seed=SEED, n_train=N_TRAIN, epochs=EPOCHS,
               lr=2e-3, batch_size=64, train_seconds=round(secs, 1), params=count_params(model), model_dir=f'models/{name}',
               **{k: m[k] for k in ('accuracy', 'f1', 'mcc', 'auroc', 'n')})
    save_tokenizer(d)
    write_model_card(d, dict(model=name, role='baseline', dataset='promoter_300', splits={'train': N_TRAIN, 'dev': m['n']},
                             metrics={'dev': {k: m[k] for k in ('accuracy', 'f1', 'mcc', 'auroc')}}, epochs=EPOCHS, lr=2e-3,
                             seed=SEED, params=rec['params'], command='python results/onnx/train_students.py',
                             notes='A quick CPU model for the ONNX and attribution results of issue 16 (6,000 training rows, '
                                   '2 epochs), not a tuned one.'))
    print(rec, flush=True); out.append(rec)
atomic_write_json(here/'trained.json', dict(command='python results/onnx/train_students.py', records=out))

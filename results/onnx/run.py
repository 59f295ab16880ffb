"""ONNX export and int8 for the dnakd model families (issue 16), on promoter_300. Run from the repository root after
`python results/onnx/train_students.py` (which trains cnn-tiny and cnn-mini here, weights not committed):

    python results/onnx/run.py

Writes results/onnx/onnx.json (parity, accuracy and speed records), onnx.md (the tables), bench.json and its speed-up
figures. ONNX files go to results/onnx/models/ (ignored by git).
"""
import sys, time
from pathlib import Path
import numpy as np
import torch
from dnakd_nb.bench import bench_sequences, run_benchmark, teacher_standin, default_tokenizer
from dnakd_nb.core import atomic_write_json, atomic_write_text, read_json
from dnakd_nb.data import read_dataset
from dnakd_nb.evaluate import collator_for, compute_metrics, load_model, predict
from dnakd_nb.export import check_onnx, export_onnx, mixed_lengths, onnx_predict, quantize_int8, quantized_weight_fraction
from dnakd_nb.pipeline import markdown_table
from dnakd_nb.students import build_student, count_params

torch.set_num_threads(1)
here = Path(__file__).resolve().parent
rel = lambda p: str(Path(p).resolve().relative_to(here.parent.parent))
out = here/'models'
dev = read_dataset('promoter_300', split='dev')
check_seqs = mixed_lengths(dev.shuffle(seed=0).select(range(512))['sequence'], seed=0)
calibration = read_dataset('promoter_300', split='train').shuffle(seed=1).select(range(512))['sequence']
bpe = default_tokenizer()
metrics = lambda logits: {k: float(v) for k, v in compute_metrics(logits, dev['label']).items() if k in ('accuracy', 'f1', 'mcc', 'auroc')}

# 1. every family exports and matches PyTorch on padded batches of real sequences (random weights: parity, not accuracy)
families = {'cnn-small': lambda: build_student('cnn-small'), 'cnn-4l': lambda: build_student('cnn-4l'),
            'chordmixer': lambda: build_student('chordmixer'), 'transformer-4l': lambda: build_student('transformer-4l'),
            'hybrid-3l-1conv': lambda: build_student('hybrid-3l-1conv'), 'dnabert2-117m': lambda: teacher_standin('117m')}
parity = []
for name, make in families.items():
    torch.manual_seed(0); m = make().eval()
    tok = bpe if m.config.input_kind == 'bpe' else None
    t = time.time(); p = export_onnx(m, out/f'{name}.onnx', tokenizer=tok); secs = time.time() - t
    r = check_onnx(m, p, check_seqs[:128], batch_size=32, tokenizer=tok)
    parity.append(dict(model=name, weights='random', input_kind=m.config.input_kind, params=count_params(m), export_seconds=round(secs, 1), **r))
    print(parity[-1], flush=True)
    if name == 'dnabert2-117m': p.unlink(); Path(str(p) + '.data').unlink(missing_ok=True)   # 470 MB: not kept

# 2. the trained students: ONNX float32 and static int8, parity on 512 dev sequences at mixed lengths, dev accuracy
trained = read_json(here/'trained.json')['records']
acc, onnx_models = [], {}
for r in trained:
    name, mdir = r['model'], here/r['model_dir']
    model = load_model(mdir, 'cpu')
    f32 = export_onnx(model, out/f'{name}.onnx')
    i8 = quantize_int8(f32, out/f'{name}_int8.onnx', model, calibration)
    parity.append(dict(model=name, weights='trained', input_kind='nucleotide', params=count_params(model),
                       **check_onnx(model, f32, check_seqs, batch_size=64)))
    col = collator_for(model)
    torch_m = metrics(predict(model, dev, col, batch_size=256))
    f32_m, i8_m = (metrics(onnx_predict(p, dev['sequence'], model, batch_size=256)) for p in (f32, i8))
    for backend, m, path in (('pytorch float32', torch_m, None), ('onnxruntime float32', f32_m, f32), ('onnxruntime int8 (static)', i8_m, i8)):
        acc.append(dict(model=name, backend=backend, dataset='promoter_300', split='dev', n=len(dev), **m,
                        accuracy_change=m['accuracy'] - torch_m['accuracy'],
                        int8_weight_fraction=quantized_weight_fraction(path) if path else None,
                        onnx=rel(path) if path else None, file_kb=round(Path(path).stat().st_size / 1024, 1) if path else None))
        print(acc[-1], flush=True)
    onnx_models[f'{name}'] = (f32, model, 'onnx-float32')
    onnx_models[f'{name} int8'] = (i8, model, 'onnx-int8')

# 3. speed: PyTorch and onnxruntime side by side in one process, one thread, against the DNABERT-2-117M architecture
models = {'dnabert2-117m': teacher_standin('117m'), **{r['model']: here/r['model_dir'] for r in trained}}
command = 'python results/onnx/run.py'
run = run_benchmark(models, here/'bench.json', data='promoter_300', split='dev', n_sequences=512, batch_sizes=(1, 16, 128),
                    threads=1, dtypes=('float32',), warmup=2, repeats=5, teacher='dnabert2-117m', onnx_models=onnx_models,
                    note='one thread on a 2-core machine shared with other jobs: use the same-run ratios', command=command,
                    verbose=True)
run['models'] = {k: (rel(v) if Path(v).exists() else v) for k, v in run['models'].items()}   # no machine paths in records
atomic_write_json(here/'bench.json', run)
speed = [dict(model=r['model'], backend=r.get('backend', 'pytorch'), dtype=r['dtype'], batch_size=r['batch_size'],
              throughput=r['throughput'], latency_ms_median=r['latency_ms_median'], speedup_vs_dnabert2_117m_fp32=r['speedup_vs_teacher_fp32'])
         for r in run['records']]
atomic_write_json(here/'onnx.json', dict(command=command, dataset='promoter_300', split='dev', parity=parity, accuracy=acc, speed=speed,
                                         calibration='512 seeded rows of promoter_300 train', check='512 seeded dev rows cut to mixed lengths'))
text = ['# ONNX and int8 on promoter_300 (dev)', '',
        f'Made by `{command}` (after `python results/onnx/train_students.py`). CPU, one thread. See COMMAND.md.', '',
        '## Every family exports; onnxruntime matches PyTorch on padded batches', '',
        'Random weights except the two trained students; real promoter_300 dev sequences cut to mixed lengths so batches are padded.', '',
        markdown_table(parity, ['model', 'weights', 'input_kind', 'params', 'n', 'n_padded', 'max_abs_diff', 'prediction_agreement']), '',
        '## Accuracy of the trained students: PyTorch, ONNX float32, ONNX static int8 (full dev, 5,920 rows)', '',
        markdown_table(acc, ['model', 'backend', 'accuracy', 'accuracy_change', 'f1', 'mcc', 'auroc', 'int8_weight_fraction', 'file_kb']), '',
        '## Throughput (sequences/s), one thread, same process; speed-up against the DNABERT-2-117M architecture (random weights) in PyTorch float32', '',
        markdown_table(speed, ['model', 'backend', 'dtype', 'batch_size', 'throughput', 'latency_ms_median', 'speedup_vs_dnabert2_117m_fp32']), '']
atomic_write_text(here/'onnx.md', '\n'.join(text))
print('\n'.join(text))

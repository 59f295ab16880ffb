# The α×T grid on the embedded synthetic data with tiny configs (results/kd_grid/COMMAND.md)
import sys
from pathlib import Path
from dnakd_nb.pipeline import sweep, run_stage
R = Path('results/kd_grid'); NB = 'nbs/experiments/02_students.ipynb'
tiny = {'transformer-4l': {'hidden_size': 64, 'num_attention_heads': 4, 'intermediate_size': 128},
        'hybrid-cnn-3l': {'conv_channels': [64]}}
common = dict(teacher_dir=str(R/'teacher'), data='synthetic', max_train_rows=2000, max_eval_rows=400, evaluate_test=False,
              seeds=[0], epochs=3, lr=1e-3, batch_size=32, augment='rc', save_models=False, threads=1)
if __name__ == '__main__':  # sweep's workers are spawned processes that re-import this file
    which = sys.argv[1:] or ['baseline', 'hybrid-cnn-3l', 'transformer-4l']
    if 'baseline' in which:
        run_stage(NB, R/'baseline', {**common, 'students': list(tiny), 'student_configs': tiny, 'modes': ['baseline']}, stage='students')
    for st in [w for w in which if w in tiny]:
        sweep(NB, {'alpha': [0.3, 0.5, 0.7], 'temperature': [1, 3, 5]}, R/st,
              {**common, 'students': [st], 'student_configs': {st: tiny[st]}, 'modes': ['kd']}, workers=2,
              command=f'python $TMPDIR/h4_grid.py {st}  (the script is copied in results/kd_grid/grid.py)')

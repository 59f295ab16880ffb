# Pure architectures from scratch, baseline vs KD with the same budget, on the embedded synthetic data (tiny configs)
from dnakd_nb.pipeline import run_stage
tiny = {'transformer-4l': {'hidden_size': 64, 'num_attention_heads': 4, 'intermediate_size': 128},
        'hybrid-3l-1conv': {'hidden_size': 64, 'num_attention_heads': 4, 'intermediate_size': 128, 'conv_channels': [64]},
        'cnn-4l': {'embed_dim': 32, 'channels': [64, 64, 128, 128]},
        'cnn-tiny': {}}
if __name__ == '__main__':
    run_stage('nbs/experiments/02_students.ipynb', 'results/pure/run',
              dict(teacher_dir='results/kd_grid/teacher', data='synthetic', max_train_rows=2000, max_eval_rows=400,
                   evaluate_test=False, students=list(tiny), student_configs=tiny, modes=['baseline', 'kd'], seeds=[0, 1, 2],
                   alpha=0.5, temperature=1.0, epochs=3, lr=1e-3, batch_size=32, augment='rc', save_models=False,
                   workers=2, threads=1), stage='students')

"""kill -9 at points spread over the default chain, then run it to the end: the records equal an uninterrupted run's.

    .venv/bin/python results/faults/kill9.py [--seed 0] [--runs-dir DIR (default: dnakd-kill9 in the temp folder)]

What `make run` does (`dnakd run --profile default`) runs twice into RUNS_DIR: `reference`, uninterrupted, and
`killed`, whose whole process group (the runner, its notebook kernel, any forked workers) is killed with SIGKILL at
each point of `POINTS` in turn (a stage and what it is doing, at a random fraction of its steps, from the stage's
progress.json), each time started again, then left to finish. Every record of the
two runs is compared: scores (`score`, `cross`, `precision`) must be equal to the last digit; throughput records
(`bench`) are timings of a shared machine and are compared by their keys only. Writes kill9.json and kill9.md beside
this script: where each kill landed (stage and what it was running, from the stage's progress.json) and the
comparison."""
import argparse, json, os, random, signal, subprocess, sys, tempfile, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DNAKD = [str(ROOT/'.venv'/'bin'/'dnakd'), 'run', '--profile', 'default']
KEYS = ('kind', 'model', 'role', 'seed', 'dataset', 'split', 'length_mode', 'dtype', 'batch_size')
SCORES = ('accuracy', 'f1', 'mcc', 'auroc', 'precision', 'recall')

def start(runs: Path, name: str):
    env = {**os.environ, 'HF_HUB_OFFLINE': '1', 'OMP_NUM_THREADS': '1'}
    log = open(runs/f'{name}.log', 'ab')
    return subprocess.Popen([*DNAKD, '--runs-dir', str(runs), '--name', name], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)

def where(run: Path) -> dict:
    "The stage that was running and what it was doing (its progress.json)"
    for st in ('teacher', 'students', 'inference'):
        d = run/st
        if (d/'dnakd-running.json').exists() and not (d/'dnakd-stage.json').exists():
            p = d/'progress.json'
            prog = json.loads(p.read_text()) if p.exists() else {}
            return dict(stage=st, doing=prog.get('label'), step=prog.get('step'), total=prog.get('total'), updated=prog.get('updated'))
    return dict(stage=None)

# where to kill: (stage, what it is running, lowest and highest fraction of its steps); the kill lands at a random point
POINTS = [('teacher', 'teacher cnn-small', 0.55, 0.95),   # training, after the first epoch's checkpoint
          ('teacher', 'teacher cnn-small', 0.05, 0.45),   # training again, before any checkpoint of this attempt
          ('teacher', 'teacher logits', 0.0, 0.0),        # caching the logits
          ('students', 'cnn-tiny kd', 0.2, 0.9),          # the second student run, mid-training
          ('students', 'cnn-mini baseline', 0.0, 0.5),    # the third
          ('inference', 'benchmark', 0.0, 0.0),           # timing the models
          ('inference', 'across species', 0.2, 0.8)]      # scoring them

def kill_at(p, run: Path, stage: str, label: str, frac: float, timeout: float = 1800) -> dict:
    "SIGKILL the run's process group once `stage` runs `label` at `frac` of its steps (None if the run ended first)"
    t0 = time.time()
    while time.time() - t0 < timeout:
        if p.poll() is not None: return None
        at = where(run)
        fresh = (at.get('updated') or 0) > t0  # written by this attempt, not left by the one killed before
        if fresh and at.get('stage') == stage and label in (at.get('doing') or '') and (at.get('step') or 0) >= frac * (at.get('total') or 0):
            os.killpg(p.pid, signal.SIGKILL); p.wait()
            return dict({k: v for k, v in at.items() if k != 'updated'}, fraction_target=round(frac, 2), seconds_after_start=round(time.time() - t0, 1))
        time.sleep(0.2)
    raise TimeoutError(f'the run never reached {stage}: {label}')

def records(run: Path) -> dict:
    out = {}
    for st in ('teacher', 'students', 'inference'):
        for r in json.loads((run/st/'records.json').read_text())['records']:
            out[tuple(str(r.get(k)) for k in KEYS) + ('n_seeds' in r,)] = r
    return out

def main(argv):
    a = argparse.ArgumentParser(); a.add_argument('--seed', type=int, default=0); a.add_argument('--runs-dir', default=str(Path(tempfile.gettempdir())/'dnakd-kill9'))
    args = a.parse_args(argv)
    runs = Path(args.runs_dir); runs.mkdir(parents=True, exist_ok=True)
    rng, t0 = random.Random(args.seed), time.time()
    ref = start(runs, 'reference'); ref.wait()
    if ref.returncode: sys.exit(f'the reference run failed (exit {ref.returncode}); see {runs}/reference.log')
    kills = []
    for stage, label, lo, hi in POINTS:
        p = start(runs, 'killed')
        k = kill_at(p, runs/'killed', stage, label, rng.uniform(lo, hi))
        if k is None: kills.append(dict(stage=stage, doing=label, landed='the run had finished already')); break
        kills.append(k); print('killed:', k, flush=True)
    p = start(runs, 'killed'); p.wait()
    if p.returncode: sys.exit(f'the killed run did not finish (exit {p.returncode}); see {runs}/killed.log')
    A, B = records(runs/'reference'), records(runs/'killed')
    same_keys = sorted(A) == sorted(B)
    diffs = [dict(record=dict(zip(KEYS, k)), metric=m, reference=A[k].get(m), killed=B[k].get(m))
             for k in A if k in B and A[k]['kind'] != 'bench' for m in SCORES if A[k].get(m) != B[k].get(m)]
    n_scores = sum(A[k]['kind'] != 'bench' for k in A)
    res = dict(command='.venv/bin/python results/faults/kill9.py ' + ' '.join(argv), kills=kills, records=len(A),
               score_records=n_scores, same_record_keys=same_keys, differences=diffs, equal=same_keys and not diffs,
               minutes=round((time.time() - t0) / 60, 1))
    (HERE/'kill9.json').write_text(json.dumps(res, indent=2) + '\n')
    lines = ['# kill -9 during the default chain, then run to the end', '', f"Made by `{res['command']}` ({res['minutes']} min).", '',
             '| kill | seconds after (re)start | stage | running | step |', '|---|---|---|---|---|']
    lines += [f"| {i + 1} | {k.get('seconds_after_start')} | {k.get('stage')} | {k.get('doing') or k.get('landed', '')} | "
              f"{k.get('step')}/{k.get('total')} |" for i, k in enumerate(kills)]
    lines += ['', f"Records: {len(A)} in each run ({n_scores} scores, the rest throughputs); same records: {same_keys}; "
              f"score differences: {len(diffs)}. **{'Equal' if res['equal'] else 'NOT equal'}.**", '']
    (HERE/'kill9.md').write_text('\n'.join(lines))
    print('\n'.join(lines))
    return 0 if res['equal'] else 1

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))

"""Compare the score rows of two runs' summaries (`summary.json` of `dnakd run`): same rows, same numbers.

    python results/behaviour_kept/compare.py OLD_RUN_DIR NEW_RUN_DIR [--out results/behaviour_kept]

Rows are keyed by model, role, data set, split and length mode; every score present in the old row
(accuracy, f1, mcc, auroc, precision, recall, test_accuracy) must be equal to the last digit in the new one.
Throughputs are timings of a shared machine and are not compared. Writes compare.json and prints a verdict."""
import argparse, json, sys
from pathlib import Path

SCORES = ('accuracy', 'f1', 'mcc', 'auroc', 'precision', 'recall', 'test_accuracy')
KEY = ('model', 'role', 'dataset', 'split', 'length_mode')

def rows(summary: dict, table: str) -> dict:
    return {tuple(str(r.get(k)) for k in KEY): r for r in summary.get(table, [])}

def main(argv):
    a = argparse.ArgumentParser(); a.add_argument('old'); a.add_argument('new'); a.add_argument('--out', default=str(Path(__file__).parent))
    args = a.parse_args(argv)
    old, new = (json.loads((Path(d)/'summary.json').read_text()) for d in (args.old, args.new))
    res = dict(command='python results/behaviour_kept/compare.py ' + ' '.join(argv), tables={})
    for table in ('rows', 'cross_species'):
        A, B = rows(old, table), rows(new, table)
        diffs = [dict(row=dict(zip(KEY, k)), score=m, old=A[k][m], new=B[k].get(m)) for k in A if k in B for m in SCORES
                 if m in A[k] and A[k][m] != B[k].get(m)]
        res['tables'][table] = dict(rows_old=len(A), rows_new=len(B), same_rows=sorted(A) == sorted(B),
                                    values_compared=sum(m in A[k] for k in A if k in B for m in SCORES), differences=diffs)
    res['equal'] = all(t['same_rows'] and not t['differences'] for t in res['tables'].values())
    Path(args.out, 'compare.json').write_text(json.dumps(res, indent=2) + '\n')
    for t, v in res['tables'].items():
        print(f"{t}: {v['rows_old']} rows before, {v['rows_new']} after, same rows {v['same_rows']}, "
              f"{v['values_compared']} scores compared, {len(v['differences'])} different")
    print('EQUAL' if res['equal'] else 'NOT EQUAL')
    return 0 if res['equal'] else 1

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))

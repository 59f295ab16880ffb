"""Benchmark of `dnakd scan` (nbs/06c_scan.ipynb): windows per second, shared features vs plain windowed evaluation,
agreement of the two, peak memory on a synthetic 100 Mbp FASTA, and a figure of a scanned synthetic region.

    python results/scan/bench_scan.py --tmp "$TMPDIR/dnakd-scan-bench"

Writes results/scan/scan_bench.json, scan_region.png, shared_vs_windowed.png (see COMMAND.md). Nothing here reads
real data: the genomes are random DNA generated here, the planted promoters come from `synthetic_promoters`."""
import argparse, json, os, subprocess, sys, time
from pathlib import Path
import numpy as np, torch, psutil
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from dnakd_nb.core import atomic_write_json
from dnakd_nb.data import synthetic_promoters
from dnakd_nb.students import build_student
from dnakd_nb.bench import teacher_standin, default_tokenizer, matmul_gflops
from dnakd_nb.tokens import reverse_complement, encode_nucleotides
from dnakd_nb.scan import (scan_genome, genome_chunks, WindowScorer, SharedFeatureScorer, cnn_features, folded_blocks,
                           folded_features)

HERE = Path(__file__).parent
W = 300
CHR1 = 248_956_422  # human chr1 (FACTS.md); a both-strand stride-1 scan is 2 x (L - W + 1) windows

def random_fasta(path: Path, sizes: dict, seed: int, n_gap: int = 0):
    "Uniform random DNA records of `sizes` bp (60 bp lines), with an N gap of `n_gap` bp in the middle of each"
    rng = np.random.default_rng(seed)
    with open(path, 'wb') as f:
        for name, n in sizes.items():
            seq = np.frombuffer(b'ACGT', np.uint8)[rng.integers(0, 4, n, dtype=np.uint8)]
            if n_gap: seq[n // 2:n // 2 + n_gap] = ord('N')
            f.write(f'>{name}\n'.encode())
            for i in range(0, n, 6_000_000):  # 60-bp lines, written in pieces
                block = seq[i:i + 6_000_000]; pad = (-len(block)) % 60
                lines = np.concatenate([block, np.full(pad, 0, np.uint8)]).reshape(-1, 60)
                out = np.concatenate([lines, np.full((len(lines), 1), ord('\n'), np.uint8)], 1).tobytes()
                f.write(out.replace(b'\x00', b'') if pad else out)
    return path

def rate(model, fasta, method, stride, tokenizer=None):
    "One in-process scan (1 thread, both strands, BED only): its summary"
    s = scan_genome(model, fasta, fasta.with_suffix('.bed'), window=W, stride=stride, method=method, threshold=0.99,
                    batch_size=64 if tokenizer else 256, tokenizer=tokenizer, progress=False)
    return {k: s[k] for k in ('method', 'stride', 'bases', 'windows_scored', 'seconds', 'windows_per_s')}

def speed(tmp: Path, quick: bool = False) -> list:
    "windows/s of every model x method x stride, in one process, one thread, models interleaved"
    # region sizes chosen so each measurement takes ~10-60 s here
    sizes = {('shared', 1): 1_000_000, ('shared', 50): 1_000_000, ('windowed', 50): {'cnn-tiny': 200_000, 'cnn-mini': 60_000, 'dnabert2-117m': 6_000},
             ('windowed', 1): {'cnn-tiny': 8_000, 'cnn-mini': 3_000, 'dnabert2-117m': 500}}
    torch.manual_seed(0)
    models = {'cnn-tiny': build_student('cnn-tiny').eval(), 'cnn-mini': build_student('cnn-mini').eval(),
              'dnabert2-117m': teacher_standin('117m')}
    tok = default_tokenizer()
    rows = []
    for (method, stride), n in sizes.items():
        for name, m in models.items():
            if method == 'shared' and name.startswith('dnabert2'): continue
            L = n if isinstance(n, int) else n[name]
            if quick: L = max(L // 20, 400)
            fa = random_fasta(tmp/f'speed_{L}.fa', {'r': L}, seed=1)
            r = rate(m, fa, method, stride, tok if name.startswith('dnabert2') else None)
            rows.append({'model': name, **r}); print(rows[-1], flush=True)
    return rows

def tree_rss(p: psutil.Process) -> int:
    try: return sum(q.memory_info().rss for q in [p, *p.children(recursive=True)])
    except psutil.Error: return 0

def big_run(tmp: Path, model_dir: Path, fasta: Path, processes: int, label: str) -> dict:
    "A `dnakd scan` subprocess, its wall time and the peak RSS of its whole process tree (sampled every 0.2 s)"
    summ = tmp/f'{label}.json'
    cmd = ['dnakd', 'scan', '--model', str(model_dir), str(fasta), '--out', str(tmp/f'{label}.bed'), '--window', str(W),
           '--stride', '1', '--threshold', '0.99', '--processes', str(processes), '--quiet', '--summary', str(summ)]
    t0 = time.time(); p = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); peak = 0
    while p.poll() is None: peak = max(peak, tree_rss(p)); time.sleep(0.2)
    if p.returncode: raise RuntimeError(f'{label}: dnakd scan exited {p.returncode}')
    s = json.loads(summ.read_text())
    out = {'label': label, 'processes': processes, 'bases': s['bases'], 'windows_scored': s['windows_scored'],
           'scan_seconds': s['seconds'], 'windows_per_s': s['windows_per_s'], 'wall_seconds': round(time.time() - t0, 1),
           'peak_rss_mb': round(peak / 2**20, 1), 'n_runs': s['n_runs'], 'windows_skipped_n': s['windows_skipped_n']}
    print(out, flush=True); return out

def region(seed: int = 0):
    "A synthetic 12 kb region: 40 rows of the synthetic test split laid end to end, negatives except four planted positives (two reverse-complemented)"
    test = synthetic_promoters()['test']
    pos = [s for s, l in zip(test['sequence'], test['label']) if l == 1][:4]  # the first four, not chosen by score
    neg = [s for s, l in zip(test['sequence'], test['label']) if l == 0][:36]
    plants = [(5 * W, '+'), (15 * W, '-'), (25 * W, '+'), (32 * W, '-')]
    rows, it = [], iter(neg)
    for k in range(40):
        hit = [(p, st) for p, (at, st) in zip(pos, plants) if at == k * W]
        rows.append((hit[0][0] if hit[0][1] == '+' else reverse_complement(hit[0][0])) if hit else next(it))
    return ''.join(rows), plants

def train(name: str, epochs: int = 6, seed: int = 0):
    "A student trained on the embedded synthetic train split (3,200 rows), AdamW one-cycle, no reverse-complement augmentation (so its two strands differ); its dev accuracy"
    from dnakd_nb.tokens import encode_batch
    syn = synthetic_promoters()
    X, _ = encode_batch(syn['train']['sequence']); y = torch.tensor(syn['train']['label'])
    Xd, _ = encode_batch(syn['dev']['sequence']); yd = np.array(syn['dev']['label'])
    torch.manual_seed(seed); m = build_student(name, num_labels=2)
    opt = torch.optim.AdamW(m.parameters(), lr=2e-3, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 2e-3, total_steps=epochs * ((len(X) + 63) // 64))
    for _ in range(epochs):
        m.train()
        for b in torch.randperm(len(X)).split(64):
            loss = m(input_ids=X[b], labels=y[b]).loss; opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    m.eval()
    with torch.no_grad(): acc = float((m(input_ids=Xd).logits.argmax(1).numpy() == yd).mean())
    print(name, 'dev accuracy', acc, flush=True)
    return m, acc

def exact_scores(model, seq: str, method: str, tmp: Path) -> dict:
    "Window scores (stride 1, both strands) of one record, straight from the scorer"
    fa = tmp/'region.fa'; fa.write_text(f'>region\n{seq}\n')
    Sc = SharedFeatureScorer if method == 'shared' else WindowScorer
    sc = Sc(model, W, 1, 1, ('+', '-'))
    out = {'+': [], '-': []}; starts = []
    for c in genome_chunks(fa, W, 1, 1 << 17, sc.context):
        st, s, _ = sc(c); starts.append(st); [out[k].append(s[k]) for k in out]
    return {'starts': np.concatenate(starts), **{k: np.concatenate(v) for k, v in out.items()}}

def edge_profile(model, seq: str, n: int = 200) -> np.ndarray:
    "Mean |feature difference| by position in the window, window run alone vs features computed along the record"
    ids = encode_nucleotides(seq).numpy().astype(np.uint8)
    h = cnn_features(model, ids)
    rng = np.random.default_rng(0); diffs = []
    for s in rng.integers(200, len(seq) - W - 200, n):
        alone = cnn_features(model, ids[s:s + W])
        diffs.append(((alone - h[:, s:s + W]).abs().mean(0) / h[:, s:s + W].abs().mean()).numpy())
    return np.mean(diffs, 0)

def agreement(models: dict, tmp: Path) -> tuple[dict, dict, str, list]:
    seq, plants = region()
    res, tracks = {}, {}
    for name, m in models.items():
        sh, wi = exact_scores(m, seq, 'shared', tmp), exact_scores(m, seq, 'windowed', tmp)
        a, b = np.concatenate([sh['+'], sh['-']]), np.concatenate([wi['+'], wi['-']])
        ca, cb = a >= 0.5, b >= 0.5
        ctx = (m.config.receptive_field - 1) // 2
        res[name] = {'windows': int(len(a)), 'pearson_r': float(np.corrcoef(a, b)[0, 1]),
                     'spearman_r': float(np.corrcoef(np.argsort(np.argsort(a)), np.argsort(np.argsort(b)))[0, 1]),
                     'mean_abs_diff': float(np.abs(a - b).mean()), 'max_abs_diff': float(np.abs(a - b).max()),
                     'same_call_at_0.5': float((ca == cb).mean()), 'receptive_field': m.config.receptive_field,
                     'edge_bp_each_side': ctx, 'edge_fraction_of_window': round(2 * ctx / W, 3),
                     'planted_top_window': {}}
        for at, strand in plants:  # the best window within +-150 bp of each planted promoter, on its strand
            near = (sh['starts'] >= at - 150) & (sh['starts'] <= at + 150)
            k = int(np.argmax(np.where(near, sh[strand], -1)))
            rank = int((sh[strand] > sh[strand][sh['starts'] == at][0]).sum()) + 1  # of the planted window among all on its strand
            res[name]['planted_top_window'][f'{at}{strand}'] = {'best_start_within_150bp': int(sh['starts'][k]), 'score': float(sh[strand][k]),
                                                                'planted_window_score': float(sh[strand][sh['starts'] == at][0]),
                                                                'planted_window_rank_on_strand': rank, 'windows_on_strand': int(len(sh[strand]))}
        res[name]['edge_profile'] = edge_profile(m, seq).round(4).tolist()
        tracks[name] = (sh, wi)
    return res, tracks, seq, plants

def figures(tracks: dict, plants: list, agree: dict):
    fig, axes = plt.subplots(len(tracks) * 2, 1, figsize=(12, 2.1 * 2 * len(tracks)), sharex=True)
    for i, (name, (sh, wi)) in enumerate(tracks.items()):
        for j, strand in enumerate('+-'):
            ax = axes[2 * i + j]; x = sh['starts'] + W // 2
            ax.plot(x, sh[strand], lw=0.8, color='C0' if strand == '+' else 'C3', label='shared features')
            ax.plot(wi['starts'] + W // 2, wi[strand], lw=0.6, color='k', alpha=0.5, ls='--', label='windowed')
            for at, s in plants:
                ax.axvspan(at, at + W, color='C2' if s == strand else '0.85', alpha=0.35 if s == strand else 0.5, lw=0)
                if s == strand: ax.axvline(at + 249, color='C2', lw=1)  # the TSS of the planted promoter
            ax.set_ylim(-0.02, 1.02); ax.set_ylabel(f'{name}\n{strand} strand')
            if i == 0 and j == 0: ax.legend(loc='upper right', fontsize=8, ncol=2)
    axes[-1].set_xlabel('position of the window centre (bp); green: planted synthetic promoter on this strand (line: its TSS), grey: on the other strand')
    fig.suptitle('A synthetic 12 kb region scanned at stride 1: 40 synthetic test rows end to end, four of them promoters (two reverse-complemented)', fontsize=10)
    fig.tight_layout(); fig.savefig(HERE/'scan_region.png', dpi=130); plt.close(fig)
    fig, axes = plt.subplots(1, 3, figsize=(14, 4.2))
    for name, (sh, wi) in tracks.items():
        a, b = np.concatenate([sh['+'], sh['-']]), np.concatenate([wi['+'], wi['-']])
        axes[0 if name == 'cnn-tiny' else 1].scatter(b, a, s=1, alpha=0.2)
        ax = axes[0 if name == 'cnn-tiny' else 1]; ax.plot([0, 1], [0, 1], 'k', lw=0.6)
        ax.set_title(f"{name}: r = {agree[name]['pearson_r']:.3f}, same call {agree[name]['same_call_at_0.5']:.3f}")
        ax.set_xlabel('windowed score'); ax.set_ylabel('shared-feature score')
        prof = np.array(agree[name]['edge_profile'])
        axes[2].plot(np.arange(W), prof, label=f"{name} (receptive field {agree[name]['receptive_field']} bp)")
        axes[2].axvline(agree[name]['edge_bp_each_side'], ls=':', color=axes[2].lines[-1].get_color())
        axes[2].axvline(W - 1 - agree[name]['edge_bp_each_side'], ls=':', color=axes[2].lines[-1].get_color())
    axes[2].set_xlabel('position in the 300 bp window'); axes[2].set_ylabel('mean |feature difference| / mean |feature|')
    axes[2].set_title('where they differ: the window edges'); axes[2].legend(fontsize=8)
    fig.tight_layout(); fig.savefig(HERE/'shared_vs_windowed.png', dpi=130); plt.close(fig)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tmp', required=True); ap.add_argument('--skip-big', action='store_true')
    ap.add_argument('--quick', action='store_true', help='a smoke test: tiny sizes, nothing written to results/')
    ap.add_argument('--region-only', action='store_true', help='redo only the trained models, agreement and figures; keep the rest of scan_bench.json')
    a = ap.parse_args()
    tmp = Path(a.tmp); tmp.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)
    load0, peak0, t0 = os.getloadavg(), matmul_gflops(1024, threads=1), time.time()
    if a.region_only:
        out = json.loads((HERE/'scan_bench.json').read_text())
        trained, dev_acc = {}, {}
        for n in ('cnn-tiny', 'cnn-mini'): trained[n], dev_acc[n] = train(n)
        agree, tracks, seq, plants = agreement(trained, tmp)
        figures(tracks, plants, agree)
        out.update(agreement=agree, trained_dev_accuracy_synthetic=dev_acc, region_command='python results/scan/bench_scan.py --tmp TMP --region-only',
                   region_load_average=[load0, os.getloadavg()])
        atomic_write_json(HERE/'scan_bench.json', out); return
    rows = speed(tmp, a.quick)
    trained, dev_acc = {}, {}
    for n in ('cnn-tiny', 'cnn-mini'): trained[n], dev_acc[n] = train(n)
    agree, tracks, seq, plants = agreement(trained, tmp)
    figures(tracks, plants, agree)
    big = []
    if not a.skip_big:
        torch.manual_seed(0); build_student('cnn-tiny').save_pretrained(tmp/'cnn-tiny-random')
        torch.manual_seed(0); build_student('cnn-mini').save_pretrained(tmp/'cnn-mini-random')
        g10 = random_fasta(tmp/'g10m.fa', {f'chr{i}': 2_500_000 for i in range(1, 5)}, seed=2, n_gap=10_000)
        g100 = random_fasta(tmp/'g100m.fa', {f'chr{i}': 25_000_000 for i in range(1, 5)}, seed=3, n_gap=100_000)
        big += [big_run(tmp, tmp/'cnn-tiny-random', g10, 1, 'cnn-tiny_10Mbp_1proc'),
                big_run(tmp, tmp/'cnn-mini-random', g10, 2, 'cnn-mini_10Mbp_2proc'),
                big_run(tmp, tmp/'cnn-tiny-random', g100, 2, 'cnn-tiny_100Mbp_2proc')]
    chr1_windows = 2 * (CHR1 - W + 1)
    for r in big: r['chr1_both_strands_stride1_minutes_extrapolated'] = round(chr1_windows / r['windows_per_s'] / 60, 1)
    for r in rows: r['chr1_minutes_extrapolated_1_thread'] = round(2 * ((CHR1 - W) // r['stride'] + 1) / r['windows_per_s'] / 60, 1)
    ref = {r['stride']: r['windows_per_s'] for r in rows if r['model'] == 'dnabert2-117m'}
    for r in rows: r['speedup_vs_dnabert2_117m_windowed'] = round(r['windows_per_s'] / ref[r['stride']], 1) if r['stride'] in ref else None
    out = dict(command=' '.join(['python', 'results/scan/bench_scan.py', '--tmp', 'TMP'] + (['--skip-big'] if a.skip_big else [])),
               torch=torch.__version__, threads_per_process=1, window=W,
               load_average_start=load0, load_average_end=os.getloadavg(), matmul_gflops_1thread_start=round(peak0, 1),
               matmul_gflops_1thread_end=round(matmul_gflops(1024, threads=1), 1), seconds=round(time.time() - t0),
               speed=rows, big_runs=big, agreement=agree, trained_dev_accuracy_synthetic=dev_acc,
               goal='both-strand stride-1 scan of 250 Mbp (human chr1 size) in under 10 minutes on 2 CPU cores; peak memory under 2 GB',
               note='Speed rows: random weights (speed does not depend on weight values), one thread, one process, both strands, '
                    'BED output only; windows_per_s counts windows of both strands. chr1 minutes are extrapolated from the '
                    'measured rates, not measured. Agreement and the region figure: cnn-tiny and cnn-mini trained here for 6 epochs on the embedded synthetic train split (dev accuracy in trained_dev_accuracy_synthetic); the region is synthetic test rows laid end to end.')
    atomic_write_json(tmp/'quick.json' if a.quick else HERE/'scan_bench.json', out)

if __name__ == '__main__': main()

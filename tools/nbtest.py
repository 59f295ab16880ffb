"""`make test`'s notebook runner: nbdev_test over every notebook, then one closing line `N passed, N failed`.

It is nbdev_test with a count: it calls `nbdev_test` itself (same globbing, flags and workers), after refusing to
pass when there is no notebook to test. Extra arguments go to nbdev_test (e.g. `--path nbs/00_data.ipynb`,
`--flags slow`)."""
import re, subprocess, sys, time
from pathlib import Path
from nbdev.config import get_config
from nbdev.doclinks import nbglob

args = sys.argv[1:]
files = [f for f in nbglob(get_config().nbs_path, as_path=True) if f.suffix == '.ipynb']
if not files: sys.exit('No notebooks to test under nbs/: failing (an empty test run is not a pass)')
t0 = time.time()
cmd = [str(Path(sys.executable).parent/'nbdev_test'), '--n_workers', '2', '--timing', '--do_print', *args]
p = subprocess.run(cmd, capture_output=True, text=True)
sys.stdout.write(p.stdout); sys.stderr.write(p.stderr)
# found anywhere in a line: a worker's output can run into the next line without a newline (seen: '...ipynbStarting ...')
started = set(re.findall(r'Starting (\S+?\.ipynb)', p.stdout))
failed = [l.strip() for l in p.stderr.split('=' * 50)[-1].splitlines() if l.strip().endswith('.ipynb')] if p.returncode else []
if not started: sys.exit('nbdev_test ran no notebook: failing')
print(f'nbdev_test took {time.time() - t0:.0f}s')
print(f'notebooks: {len(started) - len(failed)} passed, {len(failed)} failed')  # the closing line CI reads
sys.exit(p.returncode)

"""Rewrite absolute machine paths in committed result files as paths relative to the repository or the run.

    python tools/relative_paths.py [--check] [FILES...]   (default: every tracked file under results/)

Records made before the stages wrote relative paths carried the folders of the machine they ran on. Each prefix of
this machine maps to what a reader of the repository can resolve: the checkout ('' : paths relative to the
repository), its '.venv/', '../shared/data/', the Python prefix and the temporary folder ('$TMPDIR/'). A run folder
outside the checkout has no such mapping: those paths are listed to fix by hand. `--check` only lists the files that
still hold an absolute path and exits 1 if there are any (`make test` runs it on the whole repository)."""
import os, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
def rules():
    "What each absolute prefix of this machine becomes, longest first: the checkout's venv and the checkout, the shared data"
    shared = (ROOT.parent/'shared'/'data').resolve()
    pairs = [(str(ROOT/'.venv') + '/', '.venv/'), (str(ROOT) + '/', ''), (str(shared) + '/', '../shared/data/'),
             (str(Path(sys.prefix).resolve()) + '/', '$PYTHON_PREFIX/'), (tempfile.gettempdir().rstrip('/') + '/', '$TMPDIR/')]
    return [(re.compile(re.escape(a)), b) for a, b in pairs]
ABSOLUTE = re.compile(r'(?<![A-Za-z0-9_.$~-])/(?:work|root|home|tmp)/[A-Za-z0-9_.+-]')

def rewrite(text: str) -> str:
    for pat, rep in rules(): text = pat.sub(rep, text)
    return text

def tracked(paths) -> list:
    out = subprocess.run(['git', 'ls-files', '-z', *paths], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT/p for p in out.split('\0') if p]

def main(argv):
    check = '--check' in argv
    files = [f for f in tracked([a for a in argv if a != '--check'] or ['results']) if f != Path(__file__).resolve()]  # not its own patterns
    bad = []
    for f in files:
        try: text = f.read_text(encoding='utf-8')
        except (UnicodeDecodeError, FileNotFoundError): continue
        if not ABSOLUTE.search(text): continue
        if check: bad.append(f); continue
        new = rewrite(text)
        fd, tmp = tempfile.mkstemp(dir=f.parent, suffix='.tmp')
        with os.fdopen(fd, 'w', encoding='utf-8') as h: h.write(new)
        os.replace(tmp, f)
        if ABSOLUTE.search(new): bad.append(f)
    for f in bad: print(f'absolute path left in {f.relative_to(ROOT)}: {ABSOLUTE.search(f.read_text()).group(0)}...')
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))

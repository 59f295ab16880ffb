"""Rewrite absolute machine paths in committed result files as paths relative to the repository or the run.

    python tools/relative_paths.py [--check] [FILES...]   (default: every tracked file under results/)

Records made before the stages wrote relative paths carry the folders of the machine they ran on: the project
checkout, the run folder outside it, the shared data, the virtualenv, temporary files. Each prefix maps to what a
reader of the repository can resolve: the repository root (''), the run folder ('' : paths inside a run are
relative to it), '../shared/data/', '.venv/', '$TMPDIR/'. `--check` only lists the files that still hold one and
exits 1 if there are any (the test suite runs it)."""
import os, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# longest first: a run folder under the checkout before the checkout itself
RULES = [(re.compile(r'/work/main/\.venv/'), '.venv/'),
         (re.compile(r'/work/main/'), ''),
         (re.compile(r'/work/main\b'), '.'),
         (re.compile(r'/work/runs/[A-Za-z0-9_.+-]+/'), ''),
         (re.compile(r'/work/runs\b'), 'results/runs'),
         (re.compile(r'/work/shared/data/'), '../shared/data/'),
         (re.compile(r'/(?:root|home/[A-Za-z0-9_.-]+)/\.pyenv/versions/[0-9.]+/'), '$PYTHON_PREFIX/'),
         (re.compile(r'/tmp/'), '$TMPDIR/')]
ABSOLUTE = re.compile(r'(?<![A-Za-z0-9_.$~-])/(?:work|root|home|tmp)/[A-Za-z0-9_.+-]')

def rewrite(text: str) -> str:
    for pat, rep in RULES: text = pat.sub(rep, text)
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

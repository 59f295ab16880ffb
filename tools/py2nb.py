"""Author a notebook as a jupytext percent script and write it as a clean .ipynb with a python3 kernelspec.

    python tools/py2nb.py SRC.py nbs/NN_name.ipynb

Cells: `# %%` code, `# %% [markdown]` markdown, `# %% tags=["parameters"]` for papermill's parameters cell.
The written notebook has no outputs and only the `tags` cell metadata (as nbdev_clean keeps them)."""
import sys, json, os, tempfile
from pathlib import Path
import jupytext

src, dst = Path(sys.argv[1]), Path(sys.argv[2])
nb = jupytext.read(src, fmt='py:percent')
nb.metadata = {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}}
for c in nb.cells:
    c.metadata = {k: v for k, v in c.metadata.items() if k == 'tags'}
    if c.cell_type == 'code': c.outputs, c.execution_count = [], None
text = json.dumps(jupytext.writes(nb, fmt='ipynb') and json.loads(jupytext.writes(nb, fmt='ipynb')), indent=1, ensure_ascii=False) + '\n'
fd, tmp = tempfile.mkstemp(dir=dst.parent, suffix='.tmp')
with os.fdopen(fd, 'w') as f: f.write(text)
os.replace(tmp, dst)  # atomic: a concurrent nbdev_export never reads half a notebook
print(f'wrote {dst} ({len(nb.cells)} cells)')

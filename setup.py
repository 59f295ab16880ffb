"Install dnakd_nb: metadata from settings.ini (nbdev), dependencies from requirements.txt (the one place they are pinned)."
from configparser import ConfigParser
from pathlib import Path
import setuptools

here = Path(__file__).parent
cfg = ConfigParser(delimiters=['='])
cfg.read(here/'settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
# torch is not pinned here: `make` installs torch==2.13.0 (CPU) first, Kaggle keeps its preinstalled CUDA build.
reqs = ['torch>=2.4'] + [l.strip() for l in (here/'requirements.txt').read_text().splitlines()
                         if l.strip() and not l.startswith('#')]
setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    author=cfg['author'], author_email=cfg['author_email'], license='Apache-2.0',
    url=cfg['git_url'], packages=setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name'] + '.*']),
    include_package_data=True, install_requires=reqs, python_requires='>=' + cfg['min_python'],
    long_description=(here/'README.md').read_text(encoding='utf-8'), long_description_content_type='text/markdown',
    entry_points={'console_scripts': cfg['console_scripts'].split(), 'nbdev': [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"]},
    zip_safe=False)

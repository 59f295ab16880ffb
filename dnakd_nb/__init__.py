__version__ = "0.1.0"
# The one hand-written file of the package (nbdev only sets the version above). Importing dnakd_nb registers every
# dnakd config and model with transformers' Auto classes, so `AutoModelForSequenceClassification.from_pretrained(dir)`
# loads any saved dnakd model: DNABERT-2, the student families (CNNs, hybrid, ensembles), ChordMixer and FinDNA.
from . import dnabert2, students, convnets, chordmixer, findna  # noqa: F401,E402

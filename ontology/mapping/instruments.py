"""Policy instruments: keyword/pattern evidence per sentence (vocab/instruments.csv).

Each instrument found in a measure is linked once, with the first sentence that uses it
as quote and offsets; the Rothwell-Zegveld category comes with the vocabulary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ontology import vocab
from ontology.mapping.text import Span


@dataclass(frozen=True)
class InstrumentHit:
    instrument: vocab.Concept
    evidence: Span
    keyword: str


# A keyword inside an enumeration of sectors or services (养老、家政、教育、金融等服务认证;
# 教育培训、休闲娱乐等业态) names what is served, not how policy acts.
_ENUM_TAIL = re.compile(
    r"^(?:[、和及与][^，。；、,;]{1,14}){0,10}等[^，。；,;]{0,10}?"
    r"(?:服务|业态|领域|产业|行业|产品|应用|场景|新模式|项目|设施|功能|需求|消费)")
_ENUM_HEAD = re.compile(r"(?:^|[，。；,;：:])(?:[^，。；、,;]{1,14}、)+[^，。；、,;]{0,14}$")


def _in_enumeration(text: str, m: re.Match) -> bool:
    tail = text[m.end():]
    tail = re.sub(r"^[^，。；、,;和及与等]{0,8}", "", tail)  # the rest of the enumerated item
    if not _ENUM_TAIL.match(tail):
        return False
    return tail.startswith("等") and _ENUM_HEAD.search(text[: m.start()]) is not None or not tail.startswith("等")


def find(sents: list[Span]) -> list[InstrumentHit]:
    out: list[InstrumentHit] = []
    for inst in vocab.instruments():
        hit = None
        quick = inst.any_pattern
        for sp in sents:
            if not quick.search(sp.text):
                continue
            for p in inst.patterns:
                hit = next((m for m in p.finditer(sp.text) if not _in_enumeration(sp.text, m)), None)
                if hit:
                    break
            if hit:
                out.append(InstrumentHit(inst, sp, hit.group(0)))
                break
    return out

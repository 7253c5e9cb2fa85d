"""Numbers and units: parse a written quantity and normalise it (vocab/units.csv).

The unit as written is kept; value_norm/unit_norm put 20万人次 and 200000人次, 5‰ and
0.5%, 500亿元 and 5000000万元 on one scale so that places compare.
"""
from __future__ import annotations

import re

from ontology import vocab

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，：％", "0123456789.,:%")


def to_float(s: str) -> float:
    return float(s.translate(_FULLWIDTH).replace(",", ""))


def normalize(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """(value_norm, unit_norm); an unknown unit is its own norm with factor 1."""
    if unit is None:
        return value, None
    u = vocab.unit(unit)
    if u is None:
        return value, unit
    return (None if value is None else round(value * u.factor, 6)), u.unit_norm


def split_unit_suffix(name: str) -> tuple[str, str | None]:
    """指标名(个) / 指标名(% -> (指标名, unit): table cells carry the unit in trailing brackets."""
    m = re.search(r"[(（]([^()（）]{1,8})[)）]?\s*$", name)
    if m:
        inner = m.group(1).strip()
        unit = inner.split("/")[0] if inner.split("/")[0] in vocab.units() else None
        if unit or inner in vocab.units() or "/" in inner:
            return name[: m.start()].strip(), unit or inner
    return name.strip(), None

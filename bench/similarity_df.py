"""Write ontology/vocab/similarity_df.tsv, the fixed document frequencies of the lexical similarity.

The lexical SIMILAR_TO weights (linking/similarity.py) are TF-IDF with the IDF of this table, not of
the plans being built: a pair's score then depends on the two measures alone, so a plan added to a
folder is scored against the stored measures without changing anyone else's scores, and an
incremental build ends where a fresh build ends. The table counts, for every token
(``similarity.tokens``), in how many measures of the reference plans it occurs: the seeds
(data/plans) and the TUNING documents of ../shared/corpus (never the held-out ones). Tokens seen in
one measure only are left out (they weigh as tokens the table does not know: the most).

    python -m bench.similarity_df      # rewrite the table (changes every plan's build version)
"""
from __future__ import annotations

from collections import Counter

from bench.corpus import SEEDS, _tuning_sources
from linking import similarity
from loaders import parse_plan, scan_plans
from ontology.mapping import policy_texts


def main() -> int:
    items = [(e.path, e.meta) for e in scan_plans(SEEDS)[0] if e.meta and e.path] + _tuning_sources()
    df: Counter = Counter()
    n = 0
    for path, meta in items:
        for p in policy_texts(parse_plan(path, meta)):
            if not (p.text or p.title):
                continue
            n += 1
            df.update(set(similarity.tokens(similarity._policy_text(p))))
    rows = sorted((t, c) for t, c in df.items() if c >= 2)
    head = ("# Document frequencies of the lexical similarity's tokens (w: jieba word, c: character 2-/3-gram)\n"
            "# in the measures of the reference plans: decides how much a shared token weighs in SIMILAR_TO\n"
            "# (rare tokens weigh more; tokens absent here weigh as rare). Written by `python -m bench.similarity_df`\n"
            "# from the seeds and the tuning documents; regenerate it, never edit by hand. `*` = measures counted.\n")
    similarity.REFERENCE_DF.write_text(head + f"*\t{n}\n" + "".join(f"{t}\t{c}\n" for t, c in rows),
                                       encoding="utf-8")
    print(f"{similarity.REFERENCE_DF}: {len(rows)} tokens over {n} measures of {len(items)} plans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The child process of a very large plan's parse (pipeline.build._parse_in_child):

    python -m pipeline.parse_child PLAN OUT ARGS

parses and maps PLAN (pipeline.build.plan_products, with the plan's metadata, content hash and log
level pickled in ARGS) and writes its products and records to OUT (pipeline.build.write_products).
A failure is pickled to OUT.err (exit status 1) for the parent to raise again."""
from __future__ import annotations

import logging
import pickle
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    plan, out, args = (Path(a) for a in argv)
    with open(args, "rb") as f:
        meta, digest, level = pickle.load(f)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    from pipeline.build import plan_products, write_products

    try:
        prod, records = plan_products(plan, meta, digest)
        write_products(prod, records, out)
    except Exception as e:  # the parent raises it as the plan's failure
        err = out.with_name(out.name + ".err")
        try:
            data = pickle.dumps(e)
            pickle.loads(data)
        except Exception:  # an exception that does not survive pickling: its type and message
            data = pickle.dumps(RuntimeError(f"{type(e).__name__}: {e}"))
        err.write_bytes(data)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

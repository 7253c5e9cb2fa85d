"""`python -m graph`: the command line lives in pipeline.cli (the composition root); this is the one
import of pipeline from graph that ARCHITECTURE.md allows."""
from pipeline.cli import main

raise SystemExit(main())

"""Plangraph's graph layer: records, the store interface and its two backends, the CLI."""

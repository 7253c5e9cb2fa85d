"""Loaders: plan file + metadata -> clean, structured document (see loaders.document)."""

"""The composition root: plan files -> loaders -> mapping -> linking -> stores.

pipeline is the only package that imports every stage (see ARCHITECTURE.md); ``python -m graph``
and the ``plangraph`` command run :mod:`pipeline.cli`.
"""

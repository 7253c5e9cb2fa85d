"""Compatibility path: graph records live in :mod:`model.records`. Import from there;
this shim goes once no branch imports it."""
from model.records import GraphRecords, Node, Relationship, merge_all  # noqa: F401

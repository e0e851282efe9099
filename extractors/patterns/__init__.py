"""Regular expressions, one module per entity kind, each with worked examples.

Every pattern documents the general form it captures (never one report's
string) and is exercised by a table-driven test in ``tests/extractors``.
"""

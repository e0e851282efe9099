"""Read-only resources the stages share: gazetteer, law catalogue, segmenter.

Built once per process (``load_resources``); heavy parts load lazily, so a
stage that needs none of them costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govkg.extractors.catalogue import LawCatalogue, load_catalogue
from govkg.extractors.gazetteer import Gazetteer, load_gazetteer
from govkg.extractors.segment import Segmenter
from govkg.settings import Settings, get_settings


@dataclass
class Resources:
    gazetteer: Gazetteer
    catalogue: LawCatalogue | None = None
    segmenter: Segmenter = field(default_factory=Segmenter)


def load_resources(settings: Settings | None = None, law_catalogue: Path | None = None) -> Resources:
    settings = settings or get_settings()
    path = law_catalogue or settings.law_catalogue
    return Resources(
        gazetteer=load_gazetteer(),
        catalogue=load_catalogue(path) if path else None,
        segmenter=Segmenter(settings),
    )

"""govkg: a knowledge graph of Chinese governance entities and commitments."""

__version__ = "0.1.0"

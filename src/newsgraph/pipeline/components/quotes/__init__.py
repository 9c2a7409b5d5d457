"""Quotes and speakers (``newsgraph.quotes.v1``); see ``component`` and docs/quotes.md."""

from newsgraph.pipeline.components.quotes.component import QuoteExtractor

__all__ = ["QuoteExtractor"]

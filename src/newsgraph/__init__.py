"""newsgraph: news articles in, a knowledge graph with provenance out.

    >>> import newsgraph
    >>> record = newsgraph.analyze(text, published="2022-02-24")
    >>> [e.name for e in record.entities]

The names are loaded when first used, so ``import newsgraph.record`` (what other tools
read) does not load the pipeline, the store or spaCy.
"""

__version__ = "0.1.0"
__all__ = ["Record", "analyze", "to_dict", "to_json", "__version__"]


def __getattr__(name: str):
    if name in ("Record", "to_dict", "to_json"):
        from newsgraph import record

        return getattr(record, name)
    if name == "analyze":
        from newsgraph.service import analyze

        return analyze
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")

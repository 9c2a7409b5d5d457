"""newsgraph: news articles in, a knowledge graph with provenance out.

    >>> import newsgraph
    >>> record = newsgraph.analyze(text, published="2022-02-24")
    >>> [e.name for e in record.entities]
"""

from newsgraph.record import Record, to_dict, to_json
from newsgraph.service import analyze

__version__ = "0.1.0"
__all__ = ["Record", "analyze", "to_dict", "to_json", "__version__"]

"""The corpus layer: joins across articles (entity resolution, near-duplicate groups,
event deduplication), timelines and the queries analysts run over the store."""

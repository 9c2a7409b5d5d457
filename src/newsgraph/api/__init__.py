"""The HTTP API and web UI (FastAPI): ``create_app(db_path, token=None)``."""

from newsgraph.api.app import create_app

__all__ = ["create_app"]

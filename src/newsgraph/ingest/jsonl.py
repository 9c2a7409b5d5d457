"""One JSONL batch line to an ``InputDoc``, every field checked, or a ``Failure``.

A line is ``{"id", "text" | "html", "published"?, "url"?, "title"?, "clean"?}``. Unknown
fields are ignored so that newer producers keep working; a known field of the wrong type,
or a line with neither (or both of) ``text`` and ``html``, is ``BAD_FIELD`` naming
``file:line`` and the field.
"""

from __future__ import annotations

import json

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure, InputDoc, content_id

_OPTIONAL_STRINGS = ("published", "url", "title")


def parse_line(line: bytes, where: str, *, clean: bool = True) -> InputDoc | Failure:
    """Parse one JSONL line read at ``where`` (``file:line``); ``clean`` is the caller's
    default for objects that do not set it. A ``published`` field is the input's own date
    (the caller's ``--published`` default is added by the reader)."""
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        return Failure(None, where, Code.ENCODING, f"the line is not valid UTF-8 (byte {err.start})")
    except json.JSONDecodeError as err:
        return Failure(None, where, Code.BAD_JSON, f"not valid JSON: {err.msg} at column {err.colno}")
    if not isinstance(obj, dict):
        return Failure(None, where, Code.BAD_JSON, f"expected a JSON object, found {_type(obj)}")
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return _bad(None, where, f'"id" must be a string or an integer, found {_type(raw_id)}')
    given_id = str(raw_id) if raw_id is not None and str(raw_id) != "" else None
    problem = _check_fields(obj)
    if problem:
        return _bad(given_id, where, problem)
    text, html = obj.get("text"), obj.get("html")
    return InputDoc(
        id=given_id or content_id(text if text is not None else html),
        text=text,
        html=html,
        published=obj.get("published") or None,
        url=obj.get("url"),
        title=obj.get("title"),
        clean=clean if obj.get("clean") is None else obj["clean"],
        source=where,
    )


def _check_fields(obj: dict) -> str | None:
    """What is wrong with ``obj``'s known fields, or None."""
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return 'needs a "text" or an "html" field, found neither'
    if text is not None and html is not None:
        return 'give one of "text" and "html", found both'
    for key in ("text", "html", *_OPTIONAL_STRINGS):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return f'"{key}" must be a string, found {_type(value)}'
    if obj.get("clean") is not None and not isinstance(obj["clean"], bool):
        return f'"clean" must be true or false, found {_type(obj["clean"])}'
    return None


def _bad(item_id: str | None, where: str, reason: str) -> Failure:
    return Failure(item_id, where, Code.BAD_FIELD, reason)


def _type(value) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), type(value).__name__)

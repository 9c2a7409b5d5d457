"""Request bodies of the JSON API."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator


class AnalyzeRequest(BaseModel):
    """``POST /analyze``: one article as ``text`` or ``html`` (exactly one)."""

    text: str | None = Field(None, description="Plain article text.")
    html: str | None = Field(None, description="An HTML page (cleaned to article text).")
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD; anchors relative dates."
    )
    id: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    clean: bool = Field(True, description="false: analyse verbatim, offsets index your text.")
    store: bool = Field(False, description="true: also store the record (through the store's writer).")

    @model_validator(mode="after")
    def _one_input(self):
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self

"""What every model shares: the base class, the clock, and how ids are made."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

__all__ = [
    "ARTICLE_ID",
    "CLAIM_ID",
    "SCHEMA_VERSION",
    "Day",
    "DomainModel",
    "Number",
    "Offset",
    "article_id_for",
    "claim_id_for",
    "known_claim_id_for",
    "utc_now",
]

SCHEMA_VERSION = 2
"""Version of the exported record layout and of the JSON Schema (`claims schema`).

2 added the adjudication, the claim as checked (`checked_text`) and each review's
`claim_text`; `claims import` still reads version 1 records (which carry neither)."""


def article_id_for(text: str) -> str:
    """The id of an article: a hash of its exact text, so the same text is one article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def claim_id_for(article_id: str, start: int, end: int) -> str:
    """The id of a claim first proposed at `[start, end)`; stable across runs and machines."""
    key = f"{article_id}:{start}:{end}".encode()
    return hashlib.blake2b(key, digest_size=6).hexdigest()


ARTICLE_ID = re.compile(r"^[0-9a-f]{16}$")
"""`article_id_for`: 16 lowercase hex digits."""
CLAIM_ID = re.compile(r"^[0-9a-f]{12}$")
"""`claim_id_for`: 12 lowercase hex digits."""


def known_claim_id_for(text: str, url: str | None, publisher: str | None) -> str:
    """The id of a published fact-check: the same review loaded twice is one reference claim."""
    key = "\x1f".join((text.strip(), url or "", publisher or "")).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(key, digest_size=6).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


class DomainModel(BaseModel):
    """The base of every model: fields by name or alias, and no field it does not know."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


# What a file says is taken as JSON types it, as JSON Schema reads it (`claims schema`): an
# offset written "12" or true, a score "0.5", a day written as a number are refused, never
# converted (pydantic's lax mode would read true as 1 and 86400 as 1970-01-02).
Offset = Annotated[int, Field(strict=True)]
"""An integer written as a JSON integer (not a string, a boolean or 12.0)."""
Number = Annotated[float, Field(strict=True)]
"""A number written as a JSON number (an integer or a float; not a string or a boolean)."""


def _day_written(value: Any) -> Any:
    if isinstance(value, str) or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    raise PydanticCustomError("date_type", "must be a date written YYYY-MM-DD, not {type}",
                              {"type": type(value).__name__})


Day = Annotated[date, BeforeValidator(_day_written)]
"""A day written as a YYYY-MM-DD string (or a `date`), never a number of seconds."""

"""Pydantic models of the domain: articles, claims and their facets, sources, reviews, events.

These are plain data. Reading and writing them to disk is the store's job (`claims.store`),
turning text into claims is the extractor's (`claims.extract`). Every name is imported from
here (`from claims.model import Claim`); the parts:

- `claims.model.base`: the base class, the clock (`utc_now`), ids of articles and claims;
- `claims.model.claim`: `Article`, `Claim` and its facets, `KnownClaim` (published fact-checks);
- `claims.model.state`: `Review`, `Source`, `Adjudication`, `ClaimState` (a claim as it stands);
- `claims.model.events`: `Event` and the families of event types;
- `claims.model.checks`: the checks applied to URLs, languages and spans from users and files.
"""

from __future__ import annotations

from claims.model import base, checks, claim, events, state
from claims.model.base import *  # noqa: F403
from claims.model.checks import *  # noqa: F403
from claims.model.claim import *  # noqa: F403
from claims.model.events import *  # noqa: F403
from claims.model.state import *  # noqa: F403

# Each part names its public models in its own `__all__`; this package exports them all.
__all__: list[str] = []
__all__ += base.__all__
__all__ += claim.__all__
__all__ += state.__all__
__all__ += events.__all__
__all__ += checks.__all__

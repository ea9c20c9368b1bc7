"""Label scales: the verdicts a project's reviewers choose from, and how they map to datasets.

A project has one scale, chosen when it is created (`claims init --scale NAME`). Each label
carries its FEVER and AVeriTeC equivalents so that every export format can be written from any
scale; the tables are printed in the README.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "AVERITEC",
    "DEFAULT_SCALE",
    "FEVER",
    "NEI",
    "NEWSROOM",
    "PRESETS",
    "REF",
    "SUP",
    "Label",
    "LabelScale",
    "preset",
]


class Label(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    """Stable identifier stored in reviews and exports ('supported')."""
    name: str
    """What the reviewer sees ('Supported')."""
    fever: str
    """SUPPORTS, REFUTES or NOT ENOUGH INFO."""
    averitec: str
    """Supported, Refuted, Not Enough Evidence or Conflicting Evidence/Cherrypicking."""
    rating: int | None
    """Position on the ClaimReview numeric scale, 1 the worst (false) and the highest the
    best; None for a label that says nothing of how true the claim is (not enough evidence,
    conflicting, unverifiable), which gets no number: sorting by rating must not rank it."""
    description: str = ""


class LabelScale(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    labels: tuple[Label, ...] = Field(min_length=1, max_length=9)

    def by_position(self, n: int) -> Label:
        """The n-th label, 1-based, as keys 1..9 give it."""
        if not 1 <= n <= len(self.labels):
            raise KeyError(f"scale {self.name!r} has {len(self.labels)} labels, not {n}")
        return self.labels[n - 1]

    def get(self, label_id: str) -> Label | None:
        for label in self.labels:
            if label.id == label_id:
                return label
        return None

    def resolve(self, value: str) -> Label:
        """A label from its id, its name (any case) or its 1-based position."""
        text = value.strip()
        if text.isascii() and text.isdigit():
            return self.by_position(int(text))
        for label in self.labels:
            if text.lower() in (label.id.lower(), label.name.lower()):
                return label
        choices = ", ".join(label.id for label in self.labels)
        raise KeyError(f"unknown verdict {value!r}; the {self.name} scale has: {choices}")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(label.id for label in self.labels)

    @property
    def rating_range(self) -> tuple[int, int] | None:
        """(worstRating, bestRating) over the labels that have a rating, or None."""
        ratings = [label.rating for label in self.labels if label.rating is not None]
        return (min(ratings), max(ratings)) if ratings else None


SUP, REF, NEI = "SUPPORTS", "REFUTES", "NOT ENOUGH INFO"
A_SUP, A_REF, A_NEE, A_CON = (
    "Supported",
    "Refuted",
    "Not Enough Evidence",
    "Conflicting Evidence/Cherrypicking",
)

AVERITEC = LabelScale(
    name="averitec",
    labels=(
        Label(id="supported", name="Supported", fever=SUP, averitec=A_SUP, rating=2,
              description="The evidence supports the claim."),
        Label(id="refuted", name="Refuted", fever=REF, averitec=A_REF, rating=1,
              description="The evidence contradicts the claim."),
        Label(id="not-enough-evidence", name="Not enough evidence", fever=NEI, averitec=A_NEE,
              rating=None, description="There is not enough evidence to decide."),
        Label(id="conflicting-evidence", name="Conflicting evidence/Cherry-picking", fever=NEI,
              averitec=A_CON, rating=None,
              description="Evidence both supports and refutes, or the claim cherry-picks."),
    ),
)

FEVER = LabelScale(
    name="fever",
    labels=(
        Label(id="SUPPORTS", name="Supports", fever=SUP, averitec=A_SUP, rating=2),
        Label(id="REFUTES", name="Refutes", fever=REF, averitec=A_REF, rating=1),
        Label(id="NOT ENOUGH INFO", name="Not enough info", fever=NEI, averitec=A_NEE,
              rating=None),
    ),
)

NEWSROOM = LabelScale(
    name="newsroom",
    labels=(
        Label(id="true", name="True", fever=SUP, averitec=A_SUP, rating=4),
        Label(id="mostly-true", name="Mostly true", fever=SUP, averitec=A_SUP, rating=3),
        Label(id="misleading", name="Misleading", fever=NEI, averitec=A_CON, rating=2),
        Label(id="false", name="False", fever=REF, averitec=A_REF, rating=1),
        Label(id="unverifiable", name="Unverifiable", fever=NEI, averitec=A_NEE,
              rating=None),
    ),
)

PRESETS: dict[str, LabelScale] = {s.name: s for s in (AVERITEC, FEVER, NEWSROOM)}
DEFAULT_SCALE = AVERITEC


def preset(name: str) -> LabelScale:
    try:
        return PRESETS[name.lower()]
    except KeyError:
        raise KeyError(f"unknown label scale {name!r}; presets: {', '.join(PRESETS)}") from None

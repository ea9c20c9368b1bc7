"""Test data for the exporters: two small articles of our own, hand-made claims (so the
extractor's changes never move a golden byte), reviews covering every case, a frozen clock.

Imported by the tests as `export_data` (a name of its own: `conftest` is taken by tests/)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from claims.model import Claim, DateSpan, Quantity, article_id_for, claim_id_for
from claims.project import Project

GOLDEN = Path(__file__).parent / "golden"

FR_TEXT = (
    "Plus de 400 apiculteurs ont manifesté jeudi devant la préfecture de Rennes. "
    "Selon le syndicat, la récolte de miel a baissé de 30 % en 2024.\n"
    "« Nous perdons un tiers de nos ruches chaque hiver », a affirmé Jeanne Le Goff, "
    "présidente de l'association. La préfecture promet une réunion le 12 mars."
)
EN_TEXT = (
    "The city council approved a budget of 48 million dollars on Tuesday. "
    "Mayor Dana Ortiz said: \"Bus fares will stay frozen until 2027.\"\n\n"
    "Ridership grew by about 12% last year, the transit agency reported."
)


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def make_claim(text: str, piece: str, **fields: Any) -> Claim:
    article_id = article_id_for(text)
    start, end = _span(text, piece)
    facets: dict[str, Any] = {"kind": "other", "score": 0.5, "reasons": ["sentence"],
                              "origin": "extractor/test-1"}
    facets.update(fields)
    return Claim(id=claim_id_for(article_id, start, end), article_id=article_id, start=start,
                 end=end, text=text[start:end], **facets)


def fr_claims() -> list[Claim]:
    t = FR_TEXT
    q0, q1 = _span(t, "Plus de 400 apiculteurs")
    d0, d1 = _span(t, "jeudi")
    p0, p1 = _span(t, "30 %")
    y0, y1 = _span(t, "2024")
    m0, m1 = _span(t, "le 12 mars")
    return [
        make_claim(t, "Plus de 400 apiculteurs ont manifesté jeudi devant la préfecture de "
                      "Rennes", kind="quantity", score=0.9, reasons=["quantity", "date"],
                   quantities=[Quantity(value=400, comparator=">", unit="apiculteurs",
                                        text=t[q0:q1], start=q0, end=q1)],
                   dates=[DateSpan.model_validate({"from": "2025-02-27", "to": "2025-02-27",
                                                    "text": t[d0:d1], "start": d0, "end": d1})]),
        make_claim(t, "la récolte de miel a baissé de 30 % en 2024", kind="comparison",
                   score=0.8, reasons=["quantity", "named source"],
                   quantities=[Quantity(value=30, unit="%", text=t[p0:p1], start=p0, end=p1)],
                   dates=[DateSpan.model_validate({"from": "2024-01-01", "to": "2024-12-31",
                                                    "text": t[y0:y1], "start": y0, "end": y1})]),
        make_claim(t, "« Nous perdons un tiers de nos ruches chaque hiver »", kind="quote",
                   score=0.7, reasons=["quote"], speaker="Jeanne Le Goff"),
        make_claim(t, "La préfecture promet une réunion le 12 mars.", kind="date", score=0.4,
                   reasons=["date"],
                   dates=[DateSpan.model_validate({"from": "2025-03-12", "to": "2025-03-12",
                                                    "text": t[m0:m1], "start": m0, "end": m1})]),
    ]


def en_claims() -> list[Claim]:
    t = EN_TEXT
    return [
        make_claim(t, "The city council approved a budget of 48 million dollars on Tuesday",
                   kind="quantity", score=0.85, reasons=["quantity"]),
        make_claim(t, "Bus fares will stay frozen until 2027.", kind="quote", score=0.6,
                   reasons=["quote"], speaker="Dana Ortiz"),
        make_claim(t, "Ridership grew by about 12% last year", kind="quantity", score=0.75,
                   reasons=["quantity", "named source"]),
    ]


class FrozenClock:
    """utc_now() replacement: 2025-03-05 09:00:00 UTC, one second more at each call."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 5, 9, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def add_articles(project: Project) -> tuple[list[str], list[str]]:
    fr = project.add_article(FR_TEXT, lang="fr", title="Les apiculteurs dans la rue",
                             url="https://www.exemple-presse.fr/apiculteurs",
                             published=date(2025, 2, 28), external_id="fr-1",
                             metadata={"source": "Exemple Presse"}, claims=fr_claims())
    en = project.add_article(EN_TEXT, lang="en", title="Council passes budget",
                             url="https://news.example.com/budget", published=date(2025, 3, 4),
                             external_id="en-1", claims=en_claims())
    return ([c.claim.id for c in project.claims(fr.article.id)],
            [c.claim.id for c in project.claims(en.article.id)])


PUBLISHER_NAME = "Vérif Exemple"
PUBLISHER_URL = "https://verif.example.org/checks"


def add_reviews(project: Project, fr: list[str], en: list[str]) -> None:
    """Every case a format must handle: agreement, disagreement, rejection, no review, a
    configured publisher."""
    project.store.set_meta("publisher_name", PUBLISHER_NAME)
    project.store.set_meta("publisher_url", PUBLISHER_URL)
    project.set_verdict(fr[0], "ana", "supported")
    project.add_source(fr[0], "ana", {"url": "https://prefecture.example.fr/communique",
                                      "title": "Communiqué de la préfecture",
                                      "quote": "environ 420 manifestants", "stance": "supports"})
    project.set_rationale(fr[0], "ana", "La préfecture compte 420 manifestants.")
    project.set_verdict(fr[0], "bruno", "supported")
    project.set_verdict(fr[1], "ana", "refuted")
    project.add_source(fr[1], "ana", {"url": "https://stats.example.org/miel-2024.pdf",
                                      "title": "", "quote": "", "stance": "refutes"})
    project.set_verdict(fr[1], "bruno", "conflicting-evidence")
    project.reject(fr[2], "bruno")
    project.set_verdict(en[0], "ana", "not-enough-evidence")
    project.set_rationale(en[0], "ana", "Budget documents are not public yet;\nasked the clerk.")
    project.accept(en[1], "bruno")
    project.set_verdict(en[1], "ana", "supported")
    project.add_source(en[1], "ana", {"url": "https://council.example.com/minutes",
                                      "title": "Council minutes", "stance": "supports"})
    project.set_verdict(en[2], "bruno", "refuted")
    project.add_source(en[2], "bruno", {"url": "https://transit.example.com/report",
                                        "title": "Annual report, \"ridership\"",
                                        "quote": "ridership fell 3%", "stance": "refutes"})
    project.add_source(en[2], "bruno", {"url": "https://news.example.com/other",
                                        "title": "Other coverage", "stance": "context"})


def add_team_work(project: Project, fr: list[str], en: list[str]) -> None:
    """On top of `add_reviews`: the disputed claim adjudicated, another disputed claim left
    for adjudication, a reviewer's rewrite of a claim as a standalone statement."""
    project.set_claim_text(en[2], "bruno",
                           "Ridership of the city's buses grew by about 12% in 2024.")
    project.adjudicate(fr[1], "chloe", "refuted",
               "Les chiffres de l'observatoire montrent une baisse de 12 %, pas de 30 %.")
    project.set_verdict(fr[3], "ana", "supported")
    project.add_source(fr[3], "ana", {"url": "https://prefecture.example.fr/agenda",
                                      "title": "Agenda", "quote": "réunion le 12 mars",
                                      "stance": "supports", "accessed": "2025-03-01"})
    project.set_verdict(fr[3], "bruno", "not-enough-evidence")



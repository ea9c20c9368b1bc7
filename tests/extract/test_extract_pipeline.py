"""The extractor seam: claims, kinds, scores, reasons, records, language, streaming."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from itertools import islice
from pathlib import Path

import pytest

from claims.extract import (
    EXTRACTOR_VERSION,
    detect_language,
    extract,
    extract_many,
    extract_records,
    lexicons,
)
from claims.model import article_id_for, claim_id_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

FR = (
    "(Brest) Plus de 300 marins ont appareillé mardi matin pour un exercice de l’OTAN.\n\n"
    "« Nous serons en mer dix jours. Les conditions sont bonnes », a expliqué l’amiral "
    "Claire Dumas.\n\n"
    "PHOTO LUC HERVÉ, AGENCE FRANCE-PRESSE\n\n"
    "L’exercice coûtera 12 millions d’euros, soit deux fois plus qu’en 2023."
)
EN = (
    "More than 300 sailors left port on Tuesday morning for a NATO exercise.\n\n"
    '"We will be at sea for ten days. Conditions are good," said Adm. Claire Dumas.\n\n'
    "The exercise will cost $12 million, twice as much as in 2023."
)


def test_claims_are_exact_sorted_and_identified() -> None:
    claims = extract(FR, published=date(2025, 3, 12))
    article_id = article_id_for(FR)
    assert claims
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for claim in claims:
        assert claim.text == FR[claim.start : claim.end]
        assert claim.id == claim_id_for(article_id, claim.start, claim.end)
        assert claim.article_id == article_id
        assert claim.origin == f"extractor/{EXTRACTOR_VERSION}"
        assert 0.0 <= claim.score <= 1.0
    assert not any(c.text.startswith(("PHOTO", "(Brest)")) for c in claims)


def test_kinds_and_reasons() -> None:
    claims = extract(FR, published=date(2025, 3, 12))
    first = claims[0]
    assert first.kind == "quantity"
    assert {"quantity", "date"} <= set(first.reasons)
    quote = claims[1]
    assert quote.kind == "quote"
    assert quote.speaker == "amiral Claire Dumas"
    assert {"quote", "named source"} <= set(quote.reasons)
    last = claims[-1]
    assert last.kind == "comparison"
    assert "comparison" in last.reasons


def test_explicit_article_id() -> None:
    claims = extract(EN, lang="en", article_id="a1")
    assert all(c.article_id == "a1" and c.id == claim_id_for("a1", c.start, c.end) for c in claims)


def test_language_detection() -> None:
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"
    assert detect_language("") in lexicons.available()
    en_claims = extract(EN, published=date(2025, 3, 12))
    assert en_claims[0].quantities[0].unit == "sailors"
    assert en_claims[1].speaker == "Adm. Claire Dumas"


def test_check_worthy_sentences_score_higher() -> None:
    text = (
        "Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.\n\n"
        "Thank you all for being here tonight."
    )
    worthy, chatter = extract(text, lang="en")
    assert worthy.score > 0.5 > chatter.score


def test_records_follow_design_and_filter_by_score() -> None:
    records = extract_records(FR, lang="fr", published=date(2025, 3, 12))
    assert records
    first = records[0]
    assert list(first)[:10] == [
        "id",
        "start",
        "end",
        "text",
        "kind",
        "score",
        "checkworthy",
        "quantities",
        "dates",
        "speaker",
    ]
    assert first["quantities"][0] == {
        "value": 300.0,
        "comparator": ">",
        "unit": "marins",
        "text": "Plus de 300 marins",
        "start": first["quantities"][0]["start"],
        "end": first["quantities"][0]["end"],
    }
    assert first["dates"][0]["from"] == "2025-03-11"
    json.dumps(records)
    high = extract_records(FR, lang="fr", published=date(2025, 3, 12), min_score=0.99)
    assert len(high) < len(records)
    assert all(r["score"] >= 0.99 for r in high)


def test_unresolved_dates_are_null_in_records() -> None:
    (record,) = extract_records("Le pont a été fermé mardi par la préfecture.", lang="fr")
    assert record["dates"][0]["from"] is None and record["dates"][0]["to"] is None


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_many_keeps_order_and_ids(workers: int) -> None:
    lines = []
    for i in range(40):
        body = FR if i % 2 else EN
        lines.append(json.dumps({"id": f"doc-{i}", "text": f"{body}\n\nParagraphe {i} final."}))
    lines.insert(5, "")
    out = list(
        extract_many(
            iter(lines), lang=None, published=date(2025, 3, 12), min_score=0.0, workers=workers, chunk=4
        )
    )
    assert len(out) == 40
    for i, records in enumerate(out):
        assert records and all(r["article_id"] == f"doc-{i}" for r in records)
    single = extract_records(json.loads(lines[0])["text"], published=date(2025, 3, 12))
    assert [r["id"] for r in out[0]] == [r["id"] for r in single]


def test_extract_many_reads_per_line_lang_and_published() -> None:
    line = json.dumps(
        {"id": 7, "text": "Il est parti mardi avec 40 soldats.", "lang": "fr", "published": "2025-03-12"}
    )
    (records,) = list(extract_many([line], lang="en", published=None, min_score=0.0))
    assert records[0]["article_id"] == 7
    assert records[0]["dates"][0]["from"] == "2025-03-11"


def test_extract_many_rejects_bad_lines() -> None:
    with pytest.raises(ValueError):
        list(extract_many(['{"id": 1}'], lang=None, published=None, min_score=0.0))


def test_lexicons_are_data() -> None:
    assert {"fr", "en"} <= set(lexicons.available())
    fr = lexicons.load("fr")
    assert "Mme" in fr["abbreviations"] and fr["comparators"]["plus de"] == ">"
    assert lexicons.load("xx") == lexicons.load("en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_bundled_examples(lang: str) -> None:
    text = (EXAMPLES / f"article.{lang}.txt").read_text(encoding="utf-8")
    meta = json.loads((EXAMPLES / f"article.{lang}.json").read_text(encoding="utf-8"))
    assert meta["lang"] == lang and {"title", "url", "published"} <= meta.keys()
    assert detect_language(text) == lang
    claims = extract(text, published=date.fromisoformat(meta["published"]))
    assert len(claims) >= 10
    assert any(c.speaker for c in claims)
    assert any(q.comparator != "=" for c in claims for q in c.quantities)
    assert any(d.from_ is not None for c in claims for d in c.dates)


def test_extract_many_streams_an_endless_input() -> None:
    """Bounded in-flight work: results come out while the input is still being read."""

    def endless() -> Iterator[str]:
        n = 0
        while True:
            n += 1
            yield json.dumps({"id": n, "text": f"Plus de {n} marins ont appareillé jeudi."})

    for workers in (1, 2):
        out = list(islice(extract_many(endless(), lang="fr", workers=workers, chunk=4), 30))
        assert [records[0]["article_id"] for records in out] == list(range(1, 31))


def test_extract_many_accepts_dicts_with_dates() -> None:
    item = {"id": "a", "text": "Il est parti mardi.", "lang": "fr", "published": date(2025, 3, 12)}
    (records,) = list(extract_many([item]))
    assert records[0]["dates"][0]["from"] == "2025-03-11"


def test_importing_the_extractor_loads_no_ui() -> None:
    code = (
        "import sys, claims.extract as e; e.extract('Plus de 500 soldats.', lang='fr'); "
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"

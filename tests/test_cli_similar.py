"""`claims similar` and `claims add --known` from the shell, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.helpers import run_cli as run

ARTICLE_A = (
    "Plus de 300 ouvriers ont quitté mardi le chantier naval de Saint-Brieuc. "
    "La direction a promis une prime de 1 200 euros.\n"
)
ARTICLE_B = (
    "Mardi, trois cents ouvriers ont quitté le chantier naval de Saint-Brieuc, selon la CGT. "
    "Le maire a inauguré un nouveau pont sur le Gouët.\n"
)


def claims_of(db: str) -> list[dict[str, object]]:
    out = run(["list", "--format", "jsonl"], db).stdout
    return [orjson.loads(line) for line in out.splitlines()]


@pytest.fixture
def two_articles(tmp_path: Path, backend_url: str) -> tuple[str, str, str]:
    """A project with the two articles; returns (db, claim of A about the shipyard, same of B)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    assert run(["add", str(a), str(b), "--lang", "fr", "--published", "2025-03-04"],
               backend_url).exit_code == 0
    rows = claims_of(backend_url)
    in_a = next(r for r in rows if str(r["text"]).startswith("Plus de 300"))
    in_b = next(r for r in rows if str(r["text"]).startswith("Mardi, trois cents"))
    return backend_url, str(in_a["claim_id"]), str(in_b["claim_id"])


def test_similar_lists_checked_claims_of_other_articles(two_articles: tuple[str, str, str]) -> None:
    db, in_a, in_b = two_articles
    empty = run(["similar", in_b], db)
    assert empty.exit_code == 0 and empty.stdout == "" and "0 similar claim(s)" in empty.stderr
    assert run(["review", in_a, "--verdict", "refuted"], db).exit_code == 0
    table = run(["similar", in_b[:6]], db)
    assert table.exit_code == 0, table.output
    assert f"claim {in_a}" in table.stdout and "Refuted" in table.stdout
    assert "Plus de 300 ouvriers" in table.stdout and "article: a" in table.stdout
    (line,) = run(["similar", in_b, "--format", "jsonl"], db).stdout.splitlines()
    record = orjson.loads(line)
    assert record["of"] == in_b and record["kind"] == "claim" and record["claim_id"] == in_a
    assert record["verdict"] == "refuted" and record["verdicts"] == ["refuted"]
    assert 70 <= record["score"] <= 100
    assert run(["similar", in_b, "--limit", "0"], db).exit_code == 2
    unknown = run(["similar", "ffffffffffff"], db)
    assert unknown.exit_code == 1 and "unknown claim" in unknown.stderr


def test_add_known_from_our_own_export(two_articles: tuple[str, str, str], tmp_path: Path) -> None:
    db, in_a, in_b = two_articles
    run(["review", in_a, "--verdict", "refuted"], db)
    run(["init", "--publisher", "Desk", "--publisher-url", "https://desk.example"], db)
    feed = tmp_path / "ours.json"
    assert run(["export", "--format", "claimreview", "-o", str(feed)], db).exit_code == 0
    other = str(tmp_path / "other.db")
    b = tmp_path / "b.txt"
    run(["add", str(b), "--lang", "fr"], other)
    added = run(["add", "--known", str(feed)], other)
    assert added.exit_code == 0, added.output
    assert "1 reference claim(s) added, 0 already present" in added.stderr
    again = run(["add", "--known", str(feed)], other)
    assert "0 reference claim(s) added, 1 already present" in again.stderr
    (record,) = (orjson.loads(x) for x in run(["similar", in_b, "--format", "jsonl"], other)
                 .stdout.splitlines())
    assert record["kind"] == "known" and record["rating"] == "Refuted"
    assert record["publisher"] == "Desk" and record["url"] == f"https://desk.example#claim-{in_a}"
    table = run(["similar", in_b], other).stdout
    assert "published" in table and "Desk, https://desk.example#claim-" in table


FEED = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [{
            "@type": "ClaimReview",
            "claimReviewed": "300 ouvriers ont quitté le chantier naval de Saint-Brieuc",
            "url": "https://verif.example/chantier",
            "author": {"@type": "Organization", "name": "Vérif"},
            "reviewRating": {"@type": "Rating", "alternateName": "Plutôt vrai"},
        }]},
    ],
}


def test_add_known_from_a_fact_checkers_feed(two_articles: tuple[str, str, str],
                                             tmp_path: Path) -> None:
    db, _, in_b = two_articles
    feed = tmp_path / "feed.json"
    feed.write_bytes(orjson.dumps(FEED, option=orjson.OPT_INDENT_2))
    assert run(["add", "--known", str(feed)], db).exit_code == 0
    table = run(["similar", in_b], db).stdout
    assert "Plutôt vrai" in table and "Vérif, https://verif.example/chantier" in table


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[\n  {\"@type\": \"ClaimReview\",\n", ":3: not valid JSON"),
        (b"{\"@type\": \"ClaimReview\",\n \"reviewRating\": {\"alternateName\": \"False\"}}",
         ":1: claimReviewed: missing"),
        (b"[\n{\"@type\": \"ClaimReview\", \"claimReviewed\": \"A\", "
         b"\"reviewRating\": {\"alternateName\": \"F\"}},\n"
         b"{\"@type\": \"ClaimReview\", \"claimReviewed\": \"B\", "
         b"\"reviewRating\": {\"alternateName\": \"F\"}, \"url\": \"ftp://x\"}\n]",
         ":3: url: not an http(s) URL"),
        (b"[\x80\x81]", "not UTF-8"),
    ],
)
def test_add_known_refuses_a_bad_file_and_changes_nothing(
    two_articles: tuple[str, str, str], tmp_path: Path, content: bytes, message: str
) -> None:
    db, _, in_b = two_articles
    good = tmp_path / "good.json"
    good.write_bytes(orjson.dumps(FEED))
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    refused = run(["add", "--known", str(good), str(bad)], db)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"claims: error: {bad}")
    assert message in refused.stderr and "Traceback" not in refused.output
    assert refused.stderr.count("\n") == 1
    # The good file given with it was not loaded either.
    assert run(["similar", in_b, "--format", "jsonl"], db).stdout == ""


def test_add_known_usage(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    missing = run(["add", "--known", str(tmp_path / "nope.json")], db)
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    mixed = run(["add", "--known", "--lang", "fr", str(tmp_path / "x.json")], db)
    assert mixed.exit_code == 2 and "describe articles" in mixed.stderr


def test_list_and_export_name_the_claim_id_alike(two_articles: tuple[str, str, str],
                                                 tmp_path: Path) -> None:
    db, in_a, _ = two_articles
    run(["review", in_a, "--verdict", "1"], db)
    listed = claims_of(db)
    out = tmp_path / "out.jsonl"
    assert run(["export", "-o", str(out)], db).exit_code == 0
    exported = [orjson.loads(line) for line in out.read_text().splitlines()]
    assert {r["claim_id"] for r in exported} <= {r["claim_id"] for r in listed}
    assert all(r["id"] == r["claim_id"] for r in listed)  # the old name, kept as an alias

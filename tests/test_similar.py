"""Claims already checked: normalisation, the matcher, reference claims and their storage."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import orjson
import pytest

from claims.model import Claim, article_id_for, claim_id_for
from claims.normalise import normalise
from claims.project import Project
from claims.similar import Match, SimilarIndex
from claims.store import open_store
from claims.store.postgres import PostgresStore
from claims.store.schema import MIGRATIONS, SCHEMA_VERSION
from claims.store.sqlite import SqliteStore
from exports.known import KnownFileError, parse_claimreviews

ARTICLE_A = (
    "Plus de 300 ouvriers ont quitté mardi le chantier naval de Saint-Brieuc. "
    "La direction a promis une prime de 1 200 euros."
)
ARTICLE_B = (
    "Mardi, trois cents ouvriers ont quitté le chantier naval de Saint-Brieuc, selon la CGT. "
    "Le maire a inauguré un nouveau pont sur le Gouët."
)
ARTICLE_C = (
    "The council approved a budget of 12 million dollars on Monday. "
    "Ticket prices at the museum rose by 5 percent."
)


def sentences(text: str) -> list[Claim]:
    article_id = article_id_for(text)
    out, start = [], 0
    for piece in text.split(". "):
        piece = piece.strip().rstrip(".")
        start = text.index(piece, start)
        end = start + len(piece)
        out.append(Claim(id=claim_id_for(article_id, start, end), article_id=article_id,
                         start=start, end=end, text=text[start:end], kind="other", score=0.5,
                         origin="extractor/test"))
        start = end
    return out


def fill(project: Project) -> dict[str, list[str]]:
    ids = {}
    for name, text, lang in (("a", ARTICLE_A, "fr"), ("b", ARTICLE_B, "fr"), ("c", ARTICLE_C, "en")):
        result = project.add_article(text, lang=lang, title=f"Article {name}",
                                     published=date(2025, 3, 4), claims=sentences(text))
        ids[name] = [s.claim.id for s in project.claims(result.article.id)]
    return ids


# -- normalisation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Plus de 300 ouvriers", "fr", "plus de 300 ouvriers"),
        ("Élysée, ŒUVRE, l'OTAN", "fr", "elysee oeuvre l otan"),
        ("une prime de 1 200 euros", "fr", "une prime de 1200 euros"),
        ("une prime de 1\u202f200 euros", "fr", "une prime de 1200 euros"),
        ("une prime de mille deux cents euros", "fr", "une prime de 1200 euros"),
        ("a bonus of 1,200 euros", "en", "a bonus of 1200 euros"),
        ("a bonus of twelve hundred euros", "en", "a bonus of 1200 euros"),
        ("hausse de 3,5 %", "fr", "hausse de 3.5 percent"),
        ("rose by 3.5 per cent.", "en", "rose by 3.5 percent"),
        ("12 millions d'euros", "fr", "12000000 d euros"),
        ("$1.2 billion", "en", "1200000000"),
        ("1.200.000 habitants", "fr", "1200000 habitants"),
        ("in 2021 300 soldiers left", "en", "in 2021 300 soldiers left"),
        ("Covid19 and A10 roads", "en", "covid19 and a10 roads"),
    ],
)
def test_normalise(text: str, lang: str, expected: str) -> None:
    assert normalise(text, lang) == expected


def test_index_prefers_the_same_claim_and_penalises_other_numbers() -> None:
    index = SimilarIndex()
    index.add(Match(kind="claim", key="same", text="300 ouvriers ont quitté le chantier naval"), "fr")
    index.add(Match(kind="claim", key="other-number",
                    text="400 ouvriers ont quitté le chantier naval"), "fr")
    index.add(Match(kind="claim", key="unrelated", text="Le maire a inauguré un pont"), "fr")
    found = index.search("Trois cents ouvriers ont quitté le chantier naval", "fr", limit=5)
    assert [m.key for m in found][:2] == ["same", "other-number"]
    assert found[0].score > found[1].score
    assert "unrelated" not in {m.key for m in found}
    index.remove("same")
    assert "same" not in {m.key for m in index.search("300 ouvriers chantier naval", "fr")}
    assert len(index) == 2


def test_index_finds_a_claim_among_many_by_its_rare_words() -> None:
    index = SimilarIndex()
    for i in range(3000):
        index.add(Match(kind="claim", key=f"c{i}",
                        text=f"About {i} workers left the plant on Monday, officials said"), "en")
    index.add(Match(kind="claim", key="needle",
                    text="The harbour of Brest welcomed 40 ferries in February"), "en")
    found = index.search("In February the harbour of Brest welcomed about 40 ferries", "en")
    assert found and found[0].key == "needle"
    assert index.search("About 1234 workers left the plant on Monday", "en")[0].key == "c1234"


# -- the project: checked claims across articles -------------------------------------------------


def test_similar_claims_across_articles_with_their_verdicts(backend_url: str) -> None:
    with Project.open(backend_url) as project:
        ids = fill(project)
        assert project.similar(ids["b"][0]) == []  # nothing checked yet
        project.set_verdict(ids["a"][0], "ana", "refuted")
        project.set_verdict(ids["a"][1], "ana", "supported")
        project.reject(ids["c"][0], "ana")  # a rejection is not a check
        found = project.similar(ids["b"][0])
        assert [m.key for m in found] == [ids["a"][0]]
        match = found[0]
        assert match.kind == "claim" and match.verdict == "refuted"
        assert match.article_title == "Article a" and match.score >= 70
        # Two reviewers who disagree: no final verdict, both shown.
        project.set_verdict(ids["a"][0], "bruno", "supported")
        match = project.similar(ids["b"][0])[0]
        assert match.verdict is None and match.verdicts == ("refuted", "supported")
        # An adjudicated verdict is the final one.
        project.adjudicate(ids["a"][0], "chief", "supported", "the ministry confirmed it")
        assert project.similar(ids["b"][0])[0].verdict == "supported"
        # The claim itself is never its own match.
        assert ids["a"][0] not in {m.key for m in project.similar(ids["a"][0])}


# -- reference claims: published fact-checks ----------------------------------------------------


def test_reference_claims_from_our_own_claimreview_export(backend_url: str, tmp_path: Path) -> None:
    import exports

    with Project.open(backend_url) as source:
        ids = fill(source)
        source.store.set_meta("publisher_name", "Desk")
        source.store.set_meta("publisher_url", "https://desk.example")
        source.set_verdict(ids["a"][0], "ana", "refuted")
        path = tmp_path / "ours.json"
        assert exports.write_file(source, "claimreview", path) == 1
        source.store.close()
    target_url = str(tmp_path / "target.db")
    with Project.open(target_url) as target:
        target.add_article(ARTICLE_B, lang="fr", claims=sentences(ARTICLE_B))
        known = parse_claimreviews(path.read_text(encoding="utf-8"), str(path))
        assert target.add_known(known) == 1
        assert target.add_known(known) == 0  # the same fact-check twice is one reference
        (stored,) = target.known_claims()
        assert stored.publisher == "Desk" and stored.rating == "Refuted"
        assert stored.url == f"https://desk.example#claim-{ids['a'][0]}"
        b0 = sentences(ARTICLE_B)[0].id
        (match,) = target.similar(b0)
        assert match.kind == "known" and match.rating == "Refuted" and match.publisher == "Desk"
        assert match.url == stored.url and match.text == ARTICLE_A.split(". ")[0]


def test_reference_claims_are_stored_on_both_backends(backend_url: str) -> None:
    feed = {
        "@context": "https://schema.org", "@type": "DataFeed",
        "dataFeedElement": [{
            "@type": "DataFeedItem",
            "item": [{
                "@type": "ClaimReview", "claimReviewed": "Le port a accueilli 40 navires en février",
                "url": "https://checks.example/port", "datePublished": "2025-02-10",
                "author": {"@type": "Organization", "name": "Vérif"},
                "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Le maire"}},
                "reviewRating": {"@type": "Rating", "alternateName": "Faux", "ratingValue": 1,
                                 "bestRating": 5, "worstRating": 1},
            }],
        }],
    }
    (known,) = parse_claimreviews(orjson.dumps(feed).decode(), "feed.json")
    with Project.open(backend_url) as project:
        assert project.add_known([known]) == 1
        (stored,) = project.known_claims()
    assert stored == known
    assert stored.claimant == "Le maire" and stored.reviewed_on == date(2025, 2, 10)
    assert (stored.rating_value, stored.best_rating) == (1.0, 5.0)


def test_claimreview_shapes() -> None:
    review = {"@type": "ClaimReview", "claimReviewed": "A", "reviewRating": {"alternateName": "False"}}
    other = {**review, "claimReviewed": "B"}
    as_object = parse_claimreviews(orjson.dumps(review).decode(), "f")
    as_list = parse_claimreviews(orjson.dumps([review, other]).decode(), "f")
    graph = {"@context": "https://schema.org",
             "@graph": [{"@type": "Organization", "name": "X"}, review, other]}
    as_graph = parse_claimreviews(orjson.dumps(graph).decode(), "f")
    as_lines = parse_claimreviews(orjson.dumps(review).decode() + "\n" + orjson.dumps(other).decode(), "f")
    assert [k.text for k in as_object] == ["A"]
    assert [k.text for k in as_list] == [k.text for k in as_graph] == [k.text for k in as_lines] == ["A", "B"]
    numeric = {**review, "reviewRating": {"ratingValue": "2", "bestRating": 5}}
    assert parse_claimreviews(orjson.dumps(numeric).decode(), "f")[0].rating == "2/5"


CR_A = '"@type": "ClaimReview", "claimReviewed": "A"'
CR_B = '"@type": "ClaimReview", "claimReviewed": "B"'
RATED = '"reviewRating": {"alternateName": "F"}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "f: empty file"),
        ('[\n{"@type": "ClaimReview",\n', "f:3: not valid JSON"),
        ('[\n {"@type": "ClaimReview", ' + RATED + "}\n]", "f:2: claimReviewed: missing"),
        ("[\n {" + CR_A + "},\n {" + CR_B + ', "reviewRating": 3}\n]', "f:2: reviewRating: missing"),
        ("[{" + CR_A + ",\n " + RATED + "},\n {" + CR_B + ', "reviewRating": 3}\n]',
         "f:3: reviewRating: expected a Rating object"),
        ('{"@type": "ClaimReview", "claimReviewed": 5, "reviewRating": {}}',
         "f:1: claimReviewed: expected text, got int"),
        ("{" + CR_A + ", " + RATED + ', "url": "javascript:alert(1)"}',
         "f:1: url: not an http(s) URL"),
        ("{" + CR_A + ', "reviewRating": {"ratingValue": "high"}}',
         "f:1: reviewRating.ratingValue: expected a number"),
        ('{"@type": "Article", "headline": "A"}', "f:1: @type: expected ClaimReview"),
        ("[1, 2]", "f:1: a list item is int"),
        ('{"@graph": [{"@type": "WebPage"}]}', "f: no ClaimReview in it"),
        ("{" + CR_A + ", " + RATED + "}\n{oops", "f:2: not valid JSON"),
        ("[\n{" + CR_A + ",\n " + RATED + ', "claimReviewed": "B"}]', "f:2: claimReviewed: appears twice"),
        ("[" * 5000 + "]" * 5000, "f:1: nested too deeply"),
    ],
)
def test_bad_claimreview_files_name_line_and_field(text: str, message: str) -> None:
    with pytest.raises(KnownFileError) as caught:
        parse_claimreviews(text, "f")
    assert str(caught.value).startswith(message), str(caught.value)


# -- the migration -------------------------------------------------------------------------------


def test_migration_adds_the_reference_claims_table(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[:5]:
        for statement in migration(SqliteStore.column_types):
            conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    conn.commit()
    conn.close()
    store = open_store(str(path))
    assert store.schema_version() == SCHEMA_VERSION
    with store.read() as tx:
        assert tx.known_claims() == []
    store.close()


def test_migration_on_postgres(pg_server: str) -> None:
    import psycopg

    from tests.pg import fresh_database

    url = fresh_database(pg_server)
    with psycopg.connect(url, autocommit=True) as conn:
        for migration in MIGRATIONS[:5]:
            for statement in migration(PostgresStore.column_types):
                conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    store = open_store(url)
    assert store.schema_version() == SCHEMA_VERSION
    with store.read() as tx:
        assert tx.known_claims() == []
    store.close()

"""Each dataset format against the rules of its official tools: the FEVER scorer's evidence
form, the AVeriTeC dev set's keys, Google's ClaimReview requirements; the final verdict of
an adjudicated claim and the claim as checked in every export; what an export leaves out."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

import exports
from annotator.cli import main
from claims.project import Project
from tests.test_exports.export_data import PUBLISHER_URL

AVERITEC_KEYS = [
    "claim", "required_reannotation", "label", "justification", "claim_date", "speaker",
    "original_claim_url", "fact_checking_article", "reporting_source", "location_ISO_code",
    "claim_types", "fact_checking_strategies", "questions", "cached_original_claim_url",
]
"""The keys of every record of the AVeriTeC dev set, in its order."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def export(project: Project, fmt: str, tmp_path: Path) -> bytes:
    out = tmp_path / f"out.{fmt}"
    exports.write_file(project, fmt, out)
    return out.read_bytes()


def by_claim(project: Project) -> dict[str, str]:
    """First 20 characters of each claim's article text -> claim id."""
    return {s.claim.text[:20]: s.claim.id for s in project.claims()}


# -- FEVER ------------------------------------------------------------------------------


def fever_records(project: Project, tmp_path: Path) -> list[dict]:
    return [orjson.loads(line) for line in export(project, "fever", tmp_path).splitlines()]


def test_fever_evidence_is_in_the_scorers_form(adjudicated: Project, tmp_path: Path) -> None:
    records = fever_records(adjudicated, tmp_path)
    assert records
    for record in records:
        if record["label"] == "NOT ENOUGH INFO":
            assert record["verifiable"] == "NOT VERIFIABLE"
            [[[annotation, evidence_id, page, line]]] = record["evidence"]
            assert isinstance(annotation, int)
            assert (evidence_id, page, line) == (None, None, None)
            continue
        assert record["verifiable"] == "VERIFIABLE"
        assert record["evidence"], record
        flat = [item for group in record["evidence"] for item in group]
        for annotation, evidence_id, page, line in flat:
            assert isinstance(annotation, int) and isinstance(evidence_id, int)
            assert isinstance(page, str) and page.startswith("https://")
            assert isinstance(line, int) and not isinstance(line, bool)
        # the quote has a field of its own, item for item
        assert [(t["page"], t["line"]) for t in record["evidence_text"]] == \
            [(item[2], item[3]) for item in flat]
        # perfect predictions: each gold set is found among the predicted (page, line) pairs
        predicted = [[item[2], item[3]] for item in flat]
        assert all(all([e[2], e[3]] in predicted for e in group) for group in record["evidence"])
        pairs = [tuple(p) for p in predicted]
        assert len(set(pairs)) == len(pairs), "two items of one claim share page and line"


def test_fever_leaves_a_contradicting_source_out_of_the_evidence(
    adjudicated: Project, tmp_path: Path
) -> None:
    claims = by_claim(adjudicated)
    adjudicated.add_source(claims["Bus fares will stay "], "ana",
                           {"url": "https://other.example.com/x", "stance": "refutes"})
    record = next(r for r in fever_records(adjudicated, tmp_path)
                  if r["id"] == claims["Bus fares will stay "])
    assert [item[2] for group in record["evidence"] for item in group] == \
        ["https://council.example.com/minutes"]


def test_fever_evidence_column_reads_in_pyarrow(adjudicated: Project, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pj = pytest.importorskip("pyarrow.json")
    from exports.formats.fever import arrow_schema, read_table

    path = tmp_path / "out.fever"
    exports.write_file(adjudicated, "fever", path)
    table = read_table(str(path))
    assert table.schema == arrow_schema()
    first = table.column("evidence").to_pylist()[0][0][0]
    assert first["page"] == "https://prefecture.example.fr/communique" and first["line"] == 0
    # the quote column reads with pyarrow's own JSON reader, typed
    schema = pa.schema([f for f in arrow_schema() if f.name != "evidence"])
    plain = pj.read_json(path, parse_options=pj.ParseOptions(
        explicit_schema=schema, unexpected_field_behavior="ignore"))
    assert plain.column("evidence_text").type == arrow_schema().field("evidence_text").type


def test_fever_names_verifiable_claims_without_evidence(
    adjudicated: Project, tmp_path: Path
) -> None:
    claims = by_claim(adjudicated)
    adjudicated.set_verdict(claims["« Nous perdons un ti"], "ana", "supported")
    code, _, err = run("export", "--db", adjudicated.store.url, "--format", "fever",
                       "-o", str(tmp_path / "f.jsonl"))
    assert code == 0, err
    assert "1 verifiable claims (SUPPORTS/REFUTES) have no evidence: " \
        f"{claims['« Nous perdons un ti']}" in err


# -- every format: final verdicts, what is left out -------------------------------------


def test_the_adjudicated_verdict_is_final_in_every_export(
    adjudicated: Project, tmp_path: Path
) -> None:
    claim = by_claim(adjudicated)["la récolte de miel a"]  # ana refuted, bruno conflicting
    native = {orjson.loads(x)["claim_id"]: orjson.loads(x)
              for x in export(adjudicated, "jsonl", tmp_path).splitlines()}
    assert native[claim]["verdict"] == "refuted"
    fever = {r["id"]: r for r in fever_records(adjudicated, tmp_path)}
    assert fever[claim]["label"] == "REFUTES"
    averitec = orjson.loads(export(adjudicated, "averitec", tmp_path))
    record = next(r for r in averitec if r["claim"].startswith("la récolte"))
    assert record["label"] == "Refuted"
    assert record["justification"].startswith("Les chiffres de l'observatoire")
    reviews = orjson.loads(export(adjudicated, "claimreview", tmp_path))
    review = next(r for r in reviews if r["claimReviewed"].startswith("la récolte"))
    assert review["reviewRating"]["alternateName"] == "Refuted"


def test_disputed_claims_left_out_are_counted_on_stderr(adjudicated: Project,
                                                        tmp_path: Path) -> None:
    for fmt in ("fever", "averitec", "claimreview"):
        code, _, err = run("export", "--db", adjudicated.store.url, "--format", fmt,
                           "-o", str(tmp_path / f"x.{fmt}"))
        assert code == 0, err
        assert f"wrote 5 {fmt} records" in err
        assert "left out 2 of 7 claims" in err
        assert "1 disputed (reviewers disagree, not adjudicated)" in err
        assert "1 rejected as not a claim" in err
    code, _, err = run("export", "--db", adjudicated.store.url, "-o", str(tmp_path / "n"),
                       "--status", "accepted")
    assert code == 0
    assert "wrote 6 jsonl records" in err and "left out 1 of 7 claims: 1 not selected" in err


def test_the_claim_as_checked_is_the_claim_of_fever_averitec_and_claimreview(
    adjudicated: Project, tmp_path: Path
) -> None:
    rewrite = "Ridership of the city's buses grew by about 12% in 2024."
    assert rewrite in [r["claim"] for r in fever_records(adjudicated, tmp_path)]
    assert rewrite in [r["claim"] for r in orjson.loads(export(adjudicated, "averitec",
                                                                 tmp_path))]
    assert rewrite in [r["claimReviewed"] for r in orjson.loads(
        export(adjudicated, "claimreview", tmp_path))]
    # the native record keeps the article's words in `text` (offsets index them) and carries
    # the rewrite beside them: the claim as checked and the reviewer's own claim_text
    native = [orjson.loads(line) for line in export(adjudicated, "jsonl", tmp_path).splitlines()]
    rewritten = next(r for r in native if r["checked_text"])
    assert rewritten["checked_text"] == rewrite
    assert rewritten["text"] != rewrite
    assert rewritten["text"] == "Ridership grew by about 12% last year"
    assert [r["claim_text"] for r in rewritten["reviews"]] == [rewrite]
    assert all(not r["checked_text"] for r in native if r is not rewritten)


# -- AVeriTeC ---------------------------------------------------------------------------


def test_averitec_records_have_every_dev_set_key(adjudicated: Project, tmp_path: Path) -> None:
    records = orjson.loads(export(adjudicated, "averitec", tmp_path))
    assert len(records) == 5
    for record in records:
        assert list(record) == AVERITEC_KEYS
        assert record["questions"], "eval.py divides by the number of questions"
        assert record["claim_date"] is not None
        assert record["claim_types"]
        for question in record["questions"]:
            for answer in question["answers"]:
                assert answer["answer_type"] in ("Extractive", "Abstractive", "Boolean",
                                                 "Unanswerable")
                if answer["answer_type"] == "Unanswerable":
                    assert answer == {"answer": "No answer could be found.",
                                      "answer_type": "Unanswerable", "source_url": "",
                                      "source_medium": ""}
                if answer["answer_type"] == "Boolean":
                    assert answer["answer"] in ("Yes", "No")
                    explanation = answer["boolean_explanation"]
                    assert " " in explanation  # a sentence or a quote, not a site name


def test_averitec_claim_date_falls_back_on_the_day_the_article_was_added(
    tmp_path: Path,
) -> None:
    with Project.open(str(tmp_path / "p.db")) as project:
        result = project.add_article("The mayor said 40 buses were bought in 2023.\n",
                                     lang="en")
        claim = project.claims(result.article.id)[0].claim.id
        project.set_verdict(claim, "ana", "supported")
        with project.store.read() as tx:
            added = tx.one("SELECT added_at FROM articles")[0]
        [record] = orjson.loads(export(project, "averitec", tmp_path))
    year, month, day = added[:10].split("-")
    assert record["claim_date"] == f"{int(day)}-{int(month)}-{int(year)}"
    assert record["questions"][0]["answers"][0]["answer_type"] == "Unanswerable"


def test_averitec_warns_of_empty_justifications(adjudicated: Project, tmp_path: Path) -> None:
    code, _, err = run("export", "--db", adjudicated.store.url, "--format", "averitec",
                       "-o", str(tmp_path / "a.json"))
    assert code == 0
    assert "warning: 2 claims have an empty justification" in err


# -- ClaimReview ------------------------------------------------------------------------


def test_claimreview_is_refused_without_a_publisher(same_articles: Project,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "cr.json"
    code, stdout, err = run("export", "--db", same_articles.store.url, "--format",
                            "claimreview", "-o", str(out))
    assert code == 1
    assert "claims init --publisher NAME --publisher-url URL" in err
    assert "Traceback" not in err and not out.exists() and not stdout


def test_claimreview_follows_googles_requirements(adjudicated: Project, tmp_path: Path) -> None:
    reviews = orjson.loads(export(adjudicated, "claimreview", tmp_path))
    assert len(reviews) == 5
    for review in reviews:
        assert review["url"].startswith(PUBLISHER_URL + "#claim-")
        assert review["author"] == {"@type": "Organization", "name": "Vérif Exemple",
                                    "url": PUBLISHER_URL}
        item = review["itemReviewed"]
        assert item["firstAppearance"]["url"].startswith("https://")
        author = item.get("author")
        if author is not None:  # a speaker or a named outlet, never a host name
            assert author["name"] not in ("news.example.com", "exemple-presse.fr"), author
        rating = review["reviewRating"]
        if rating["alternateName"] in ("Not enough evidence",
                                       "Conflicting evidence/Cherry-picking"):
            assert set(rating) == {"@type", "alternateName"}
        else:
            assert rating["worstRating"] == 1 and rating["bestRating"] == 2
    refuted = [r for r in reviews if r["reviewRating"]["alternateName"] == "Refuted"]
    assert {r["reviewRating"]["ratingValue"] for r in refuted} == {1}


# -- sources[].accessed -----------------------------------------------------------------


def test_a_source_is_accessed_on_the_day_given_or_the_day_it_was_added(
    adjudicated: Project, tmp_path: Path
) -> None:
    claim = by_claim(adjudicated)["Bus fares will stay "]
    code, _, err = run("review", claim, "--db", adjudicated.store.url, "--reviewer", "ana",
                       "--source", "https://archive.example.org/a", "--accessed", "2024-12-01")
    assert code == 0, err
    code, _, err = run("review", claim, "--db", adjudicated.store.url, "--reviewer", "ana",
                       "--accessed", "yesterday", "--source", "https://archive.example.org/b")
    assert code == 1 and "--accessed" in err
    line = next(orjson.loads(x) for x in export(adjudicated, "jsonl", tmp_path).splitlines()
                if orjson.loads(x)["claim_id"] == claim)
    ana = next(r for r in line["reviews"] if r["reviewer"] == "ana")
    accessed = {s["url"]: s["accessed"] for s in ana["sources"]}
    assert accessed["https://archive.example.org/a"] == "2024-12-01"
    assert accessed["https://council.example.com/minutes"] == "2025-03-05"  # the day added

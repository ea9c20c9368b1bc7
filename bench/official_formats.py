"""Check every export format of a reviewed project against the rules of its official tools.

    python bench/official_formats.py [--out DIR]

Builds a project from the two example articles (examples/), reviews every proposed claim as
two reviewers would (verdicts, sources with quotes and stances, rationales, disagreements),
adjudicates half of the disagreements, then exports jsonl, fever, averitec, claimreview, csv
and parquet into DIR and checks each against the rules its official tool sets:

- FEVER (the official scorer's reading): every evidence item `[int, int, str, int]`, NOT
  ENOUGH INFO as `[[[id, null, null, null]]]`; with perfect predictions derived from the file
  (label, and every `[page, line]` of its evidence) each SUPPORTS/REFUTES record is strictly
  correct exactly when it has evidence. `fever.predictions.jsonl` is written beside it, to
  feed the official scorer (`fever.scorer.fever_score(predictions)`).
- AVeriTeC (the dev set and eval.py's reading): every dev-set key in its order, no empty
  question list, `claim_date` never null, Unanswerable answers with "" URL and medium,
  Boolean answers with an explanation. `averitec.json` feeds `eval.py --predictions ...
  --references ...` (it is both: perfect predictions).
- ClaimReview (Google's requirements): `url`, `claimReviewed`, an Organization `author`,
  `reviewRating` with `alternateName`, ratings only for labels on the truth scale.
- Parquet: the fixed schema, read back by pandas and DuckDB (and polars when installed).

Prints one line per check with the figures; exits 1 if any rule is broken.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import exports  # noqa: E402
from claims.project import Project  # noqa: E402
from exports.common import ExportReport  # noqa: E402

AVERITEC_KEYS = [
    "claim", "required_reannotation", "label", "justification", "claim_date", "speaker",
    "original_claim_url", "fact_checking_article", "reporting_source", "location_ISO_code",
    "claim_types", "fact_checking_strategies", "questions", "cached_original_claim_url",
]
VERDICTS = ("supported", "refuted", "not-enough-evidence", "conflicting-evidence")
STANCES = ("supports", "refutes", "context")

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(f"  {'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)


def build(db: Path) -> Project:
    import json
    from datetime import date

    project = Project.open(str(db))
    project.store.set_meta("publisher_name", "Example Checks")
    project.store.set_meta("publisher_url", "https://checks.example.org/reviews")
    for name in ("article.en", "article.fr"):
        meta = json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))
        text = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
        project.add_article(text, lang=meta.get("lang"), title=meta.get("title"),
                            url=meta.get("url"),
                            published=date.fromisoformat(meta["published"]))
    states = project.claims()
    for n, state in enumerate(states):
        cid = state.claim.id
        if n % 9 == 8:
            project.reject(cid, "ana")
            continue
        verdict = VERDICTS[n % 4]
        for k in range(n % 3):  # 0, 1 or 2 sources
            stance = "supports" if verdict == "supported" else \
                "refutes" if verdict == "refuted" else STANCES[(n + k) % 3]
            project.add_source(cid, "ana", {
                "url": f"https://source{k}.example.net/doc-{n}" + (".pdf" if k else ""),
                "title": f"Document {n}.{k}" if (n + k) % 2 else "",
                "quote": f"passage {k} quoted for claim {n}" if (n + k) % 3 else "",
                "stance": stance})
        project.set_verdict(cid, "ana", verdict)
        if n % 4 != 3:
            project.set_rationale(cid, "ana", f"Checked against the records of claim {n}.")
        other = verdict if n % 5 else VERDICTS[(n + 1) % 4]  # every fifth claim: disputed
        project.set_verdict(cid, "bruno", other)
        if other != verdict and n % 10 == 0:
            project.adjudicate(cid, "chloe", verdict, "The first reviewer's sources hold.")
        if n % 7 == 0:
            project.set_claim_text(cid, "ana", f"Standalone statement of claim {n}: "
                                   + state.claim.text.replace("\n", " "))
    return project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="Folder for the exports.")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="claims-formats-"))
    out.mkdir(parents=True, exist_ok=True)
    db = out / "project.db"
    db.unlink(missing_ok=True)
    project = build(db)
    states = project.claims()
    print(f"project: {len(states)} claims in {len(project.articles())} articles ({db}); "
          f"{sum(1 for s in states if s.adjudication is not None)} adjudicated, "
          f"{sum(1 for s in states if s.checked_text)} rewritten as checked")
    reports: dict[str, ExportReport] = {}
    files = {"jsonl": "claims.jsonl", "fever": "fever.jsonl", "averitec": "averitec.json",
             "claimreview": "claimreview.json", "csv": "claims.csv",
             "parquet": "claims.parquet"}
    for fmt, name in files.items():
        reports[fmt] = ExportReport()
        try:
            exports.write_file(project, fmt, out / name, report=reports[fmt])
        except Exception as exc:  # parquet without pyarrow
            print(f"{fmt}: not written ({exc})")
            continue
        print(f"{fmt}: {reports[fmt].summary(fmt, str(out / name))}")
        for line in reports[fmt].warning_lines(3):
            print(f"  warning: {line}")

    print("FEVER (the scorer's form)")
    fever = [orjson.loads(x) for x in (out / "fever.jsonl").read_bytes().splitlines()]
    items = [i for r in fever for g in r["evidence"] for i in g]
    nei = [r for r in fever if r["label"] == "NOT ENOUGH INFO"]
    check(all(len(r["evidence"]) == 1 and len(r["evidence"][0]) == 1
              and r["evidence"][0][0][1:] == [None, None, None]
              and isinstance(r["evidence"][0][0][0], int) for r in nei),
          f"{len(nei)} NOT ENOUGH INFO records as [[[id, null, null, null]]]")
    verifiable = [r for r in fever if r["label"] != "NOT ENOUGH INFO"]
    vitems = [i for r in verifiable for g in r["evidence"] for i in g]
    check(all(isinstance(a, int) and isinstance(e, int) and isinstance(p, str)
              and isinstance(line, int) for a, e, p, line in vitems),
          f"{len(vitems)} evidence items of {len(verifiable)} verifiable records are "
          "[int, int, str, int]")
    predictions = []
    strict = 0
    for r in fever:
        predicted = [[i[2], i[3]] for g in r["evidence"] for i in g if i[2] is not None]
        predictions.append({"id": r["id"], "label": r["label"], "evidence": r["evidence"],
                            "predicted_label": r["label"], "predicted_evidence": predicted})
        if r["label"] == "NOT ENOUGH INFO" or any(
                all([i[2], i[3]] in predicted for i in g) for g in r["evidence"]):
            strict += 1
    without = sum(1 for r in verifiable if not r["evidence"])
    (out / "fever.predictions.jsonl").write_bytes(
        b"".join(orjson.dumps(p) + b"\n" for p in predictions))
    check(strict == len(fever) - without,
          f"perfect predictions: strict {strict}/{len(fever)} = {strict / max(len(fever), 1):.3f}"
          f" ({without} verifiable records without evidence, named on stderr)")
    print(f"  {len(items)} evidence items; predictions in {out / 'fever.predictions.jsonl'}")

    print("AVeriTeC (the dev set's keys, eval.py's needs)")
    averitec = orjson.loads((out / "averitec.json").read_bytes())
    check(all(list(r) == AVERITEC_KEYS for r in averitec),
          f"{len(averitec)} records with every dev-set key in order")
    check(all(r["questions"] for r in averitec), "no empty question list")
    check(all(r["claim_date"] for r in averitec), "claim_date never null")
    check(all(r["claim_types"] for r in averitec), "claim_types never empty")
    adjudicated = {s.claim.id: s for s in states if s.adjudication is not None}
    fever_by_id = {r["id"]: r for r in fever}
    scale = project.scale
    check(all(fever_by_id[c]["label"] == scale.get(s.verdict).fever
              for c, s in adjudicated.items() if s.verdict),
          f"{len(adjudicated)} adjudicated verdicts are the FEVER labels")
    answers = [a for r in averitec for q in r["questions"] for a in q["answers"]]
    unanswerable = [a for a in answers if a["answer_type"] == "Unanswerable"]
    check(all(a["source_url"] == "" and a["source_medium"] == "" for a in unanswerable),
          f"{len(unanswerable)} Unanswerable answers with '' url and medium")
    boolean = [a for a in answers if a["answer_type"] == "Boolean"]
    check(all(a["answer"] in ("Yes", "No") and " " in a["boolean_explanation"]
              for a in boolean), f"{len(boolean)} Boolean answers with an explanation")
    empty = sum(1 for r in averitec if not r["justification"])
    print(f"  {empty} empty justifications (warned on stderr)")

    print("ClaimReview (Google's required properties)")
    reviews = orjson.loads((out / "claimreview.json").read_bytes())
    check(all(r.get("url") and r.get("claimReviewed") and r["author"]["@type"] ==
              "Organization" and r["reviewRating"].get("alternateName") for r in reviews),
          f"{len(reviews)} reviews with url, claimReviewed, Organization author, alternateName")
    rated = [r for r in reviews if "ratingValue" in r["reviewRating"]]
    names = {r["reviewRating"]["alternateName"] for r in reviews if r not in rated}
    check(not names & {"Supported", "Refuted"},
          f"{len(rated)} rated; unrated labels: {sorted(names) or 'none'}")
    from urllib.parse import urlsplit

    hosts = {urlsplit(r["itemReviewed"]["firstAppearance"].get("url", "")).hostname or ""
             for r in reviews}
    hosts |= {h[4:] for h in hosts if h.startswith("www.")}
    authors = [(r["itemReviewed"].get("author") or {}).get("name") for r in reviews]
    checked = {s.checked_text for s in states if s.checked_text}
    check(checked <= {r["claimReviewed"] for r in reviews} | {
          s.checked_text for s in states if s.verdict is None or s.status == "rejected"},
          f"{len(checked)} claims as checked are claimReviewed")
    check(not set(authors) & hosts,
          f"no host name as a claim's author ({sum(1 for a in authors if a)} authors: "
          f"speakers or named outlets)")

    print("Parquet (fixed schema, read back)")
    try:
        import pyarrow.parquet as pq

        from exports.formats.parquet import schema
    except ImportError:
        print("  pyarrow not installed: skipped")
    else:
        table = pq.read_table(out / "claims.parquet")
        check(table.schema.remove_metadata() == schema(), f"{table.num_rows} rows, schema fixed")
        import duckdb
        import pandas as pd

        frame = pd.read_parquet(out / "claims.parquet")
        n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)",
                                     [str(out / "claims.parquet")]).fetchone()[0]
        check(len(frame) == n == table.num_rows, "pandas and DuckDB read every row")
        try:
            import polars as pl
        except ImportError:
            print("  polars not installed: skipped")
        else:
            check(pl.read_parquet(out / "claims.parquet").height == n, "polars reads every row")
    project.close()
    print(f"files in {out}")
    print(f"{'all rules hold' if not failures else f'{len(failures)} rules broken'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

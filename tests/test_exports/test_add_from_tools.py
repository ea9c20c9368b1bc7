"""`claims add --from prodigy|doccano|label-studio FILE`: another tool's span exports become
articles whose claims are those spans, or a one-line error naming file and line."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from annotator.cli import main
from claims.project import Project

TEXT_A = "The bridge cost 12 million euros. It opened on 3 May 2021 after two years of work."
TEXT_B = "Le maire a annoncé 40 nouveaux bus. La ligne 7 sera prolongée en 2026."
EMOJI = "Rain again 🌧 today: 30 mm fell in Brest."


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def jsonl(path: Path, rows: list[object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return path


def claims_of(db: Path) -> dict[str, list[tuple[str, str, list[str]]]]:
    with Project.open(str(db)) as project:
        out = {}
        for article in project.articles():
            full = project.article(article.id)
            out[full.text] = [(s.claim.text, s.claim.origin, s.claim.reasons)
                              for s in project.claims(article.id)]
        return out


def prodigy_rows() -> list[object]:
    a0, a1 = span(TEXT_A, "The bridge cost 12 million euros.")
    b0, b1 = span(TEXT_A, "It opened on 3 May 2021")
    c0, c1 = span(TEXT_B, "40 nouveaux bus")
    return [
        {"text": TEXT_A, "spans": [{"start": a0, "end": a1, "label": "CLAIM"},
                                   {"start": b0, "end": b1, "label": "CLAIM"}],
         "answer": "accept", "_input_hash": 1234, "meta": {"url": "https://example.org/a"}},
        {"text": TEXT_B, "spans": [{"start": c0, "end": c1, "label": "CLAIM"}],
         "answer": "reject"},
    ]


def test_prodigy_spans_become_claims(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    code, _, err = run("add", "--from", "prodigy", str(jsonl(tmp_path / "p.jsonl",
                                                             prodigy_rows())), "--db", str(db))
    assert code == 0, err
    assert "1 article(s) added, 2 claims drawn by prodigy" in err
    assert "1 rejected, ignored or cancelled task(s) skipped" in err
    found = claims_of(db)
    assert list(found) == [TEXT_A]
    assert found[TEXT_A] == [
        ("The bridge cost 12 million euros.", "import:prodigy", ["CLAIM"]),
        ("It opened on 3 May 2021", "import:prodigy", ["CLAIM"]),
    ]
    with Project.open(str(db)) as project:
        state = project.claims()[0]
        assert state.claim.kind == "quantity" and state.claim.quantities[0].value == 12e6
        article = project.article(project.articles()[0].id)
        assert article.url == "https://example.org/a" and article.external_id == "1234"
    # adding again changes nothing
    code, _, err = run("add", "--from", "prodigy", str(tmp_path / "p.jsonl"), "--db", str(db))
    assert code == 0 and "0 article(s) added" in err


def test_doccano_sequence_labelling_and_entities_exports(tmp_path: Path) -> None:
    a0, a1 = span(TEXT_A, "It opened on 3 May 2021")
    c0, c1 = span(TEXT_B, "La ligne 7 sera prolongée en 2026.")
    path = jsonl(tmp_path / "d.jsonl", [
        {"id": 7, "text": TEXT_A, "label": [[a0, a1, "Claim"]]},
        {"id": 8, "text": TEXT_B, "entities": [{"id": 1, "label": "Claim",
                                                "start_offset": c0, "end_offset": c1}],
         "relations": []},
    ])
    db = tmp_path / "d.db"
    code, _, err = run("add", "--from", "doccano", str(path), "--db", str(db))
    assert code == 0, err
    found = claims_of(db)
    assert found[TEXT_A] == [("It opened on 3 May 2021", "import:doccano", ["Claim"])]
    assert found[TEXT_B] == [("La ligne 7 sera prolongée en 2026.", "import:doccano",
                              ["Claim"])]


def test_label_studio_json_and_json_min_exports(tmp_path: Path) -> None:
    a0, a1 = span(TEXT_A, "The bridge cost 12 million euros.")
    # a browser counts the rain emoji as two UTF-16 code units
    e0, e1 = span(EMOJI, "30 mm fell in Brest")
    tasks = [
        {"id": 3, "data": {"text": TEXT_A}, "annotations": [
            {"id": 1, "completed_by": 1, "was_cancelled": False, "result": [
                {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": a0, "end": a1, "text": TEXT_A[a0:a1],
                           "labels": ["Claim"]}}]},
            {"id": 2, "completed_by": 2, "was_cancelled": False, "result": [
                {"id": "r2", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": a0, "end": a1, "text": TEXT_A[a0:a1],
                           "labels": ["Checkable"]}}]}]},
        {"id": 4, "data": {"text": EMOJI}, "annotations": [
            {"id": 3, "was_cancelled": False, "result": [
                {"from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": e0 + 1, "end": e1 + 1, "text": EMOJI[e0:e1],
                           "labels": ["Claim"]}}]}]},
        {"id": 5, "data": {"text": TEXT_B}, "annotations": [
            {"id": 4, "was_cancelled": True, "result": []}]},
    ]
    path = tmp_path / "ls.json"
    path.write_bytes(orjson.dumps(tasks))
    db = tmp_path / "ls.db"
    code, _, err = run("add", "--from", "label-studio", str(path), "--db", str(db))
    assert code == 0, err
    assert "1 rejected, ignored or cancelled task(s) skipped" in err
    found = claims_of(db)
    assert found[TEXT_A] == [("The bridge cost 12 million euros.", "import:label-studio",
                              ["Claim", "Checkable"])]
    assert found[EMOJI] == [("30 mm fell in Brest", "import:label-studio", ["Claim"])]
    minimal = tmp_path / "min.json"
    b0, b1 = span(TEXT_B, "40 nouveaux bus")
    minimal.write_bytes(orjson.dumps([{"id": 9, "text": TEXT_B, "label": [
        {"start": b0, "end": b1, "text": TEXT_B[b0:b1], "labels": ["Claim"]}]}]))
    code, _, err = run("add", "--from", "label-studio", str(minimal), "--db", str(db))
    assert code == 0, err
    assert claims_of(db)[TEXT_B] == [("40 nouveaux bus", "import:label-studio", ["Claim"])]


@pytest.mark.parametrize(("tool", "rows", "message"), [
    ("prodigy", [{"text": TEXT_A, "spans": []}, "not json"], "p.jsonl:2: not valid JSON"),
    ("prodigy", [{"text": TEXT_A, "spans": [{"start": 5, "end": 500, "label": "C"}]}],
     "p.jsonl:1: span [5, 500) is outside the text"),
    ("prodigy", [{"text": TEXT_A, "spans": [{"start": "0", "end": 4}]}],
     "p.jsonl:1: spans[0].start: '0' is not an integer offset"),
    ("prodigy", [{"text": TEXT_A, "spans": [{"start": 0, "end": 3, "text": "Bridge"}]}],
     "p.jsonl:1: span [0, 3) is 'The' in the text, not 'Bridge'"),
    ("doccano", [{"text": TEXT_A, "label": ["positive"]}],
     "p.jsonl:1: label[0]: 'positive' is a document label"),
    ("doccano", [{"id": 1, "label": []}], "p.jsonl:1: no text to annotate"),
    ("label-studio", [{"id": 1, "data": {"text": TEXT_A}, "annotations": [
        {"result": [{"type": "labels", "value": {"start": 0}}]}]}],
     "p.jsonl:1: annotations[0].result[0].end: None is not an integer offset"),
])
def test_a_bad_task_is_refused_with_its_line_and_nothing_is_added(
    tmp_path: Path, tool: str, rows: list[object], message: str
) -> None:
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"".join(
        (r.encode() if isinstance(r, str) else orjson.dumps(r)) + b"\n" for r in rows))
    db = tmp_path / "x.db"
    Project.open(str(db)).close()
    code, _, err = run("add", "--from", tool, str(path), "--db", str(db))
    assert code == 1
    assert message in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert claims_of(db) == {}


def test_a_json_list_given_as_prodigy_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([{"data": {"text": TEXT_A}}]))
    code, _, err = run("add", "--from", "prodigy", str(path), "--db", str(tmp_path / "y.db"))
    assert code == 1 and "use --from label-studio" in err

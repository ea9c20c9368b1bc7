"""What a reviewer writes is taken the same way from the command line, the annotator's forms
(the project's actions) and a file (`claims import`, `claims validate`):

- a review cites a source once: the same URL again (scheme and host in any case, an empty
  path or `/`) is refused, by a second save or a script run twice, and in a file;
- a rationale, source title or quote, claim as checked or adjudication note of spaces and
  line breaks only says nothing: typed, it is taken as empty; in a file it is refused by
  line and field (`write "" for none`), as a file's reviewer name with spaces around it is;
- a source title is one line: a line break or a control in it is refused everywhere.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from claims.project import Project, ProjectError
from exports.checks import parse_record, proven, record_problems
from tests.helpers import review_of
from tests.helpers import run_cli as run

URL = "https://example.org/report"


def _events(db: str) -> str:
    return run(["log", "--format", "jsonl"], db).stdout


def test_the_same_url_twice_is_one_source() -> None:
    from claims.model import repeated_sources, source_url_key

    assert source_url_key("HTTPS://Example.ORG/report") == source_url_key(URL)
    assert source_url_key("https://example.org") == source_url_key("https://example.org/")
    assert source_url_key("https://example.org/Report") != source_url_key(URL)  # paths differ
    assert source_url_key(URL + "#p2") != source_url_key(URL)  # another passage
    assert repeated_sources([URL, "https://example.org/other", "https://EXAMPLE.org/report"]
                            ) == [(2, 0)]
    assert repeated_sources([URL]) == []


def test_a_review_cites_a_source_once(sample: tuple[Project, list[str]],
                                      backend_url: str) -> None:
    project, ids = sample
    cid = ids[0]
    project.add_source(cid, "bob", {"url": URL, "title": "Report"})
    before = _events(backend_url)
    for again in (URL, "HTTPS://EXAMPLE.org/report", f"  {URL}  "):
        with pytest.raises(ProjectError, match=(
                rf"claim {cid} already has {URL} as source 1 by bob; nothing saved")):
            project.add_source(cid, "bob", {"url": again, "quote": "another passage"})
    assert _events(backend_url) == before
    # From the command line: a script run twice adds nothing the second time.
    second = run(["review", cid, "--source", URL.upper().replace("/REPORT", "/report"),
                  "--note", "why"], backend_url, reviewer="bob")
    assert second.exit_code == 1
    assert second.stderr == (f"claims: error: claim {cid} already has {URL} as source 1 by bob; "
                             "nothing saved (a review cites each source once: put both "
                             "excerpts in one quote)\n")
    assert _events(backend_url) == before  # the rationale given with it is not saved either
    # Another reviewer cites it too, and bob another page or another passage of it.
    project.add_source(cid, "carol", {"url": URL})
    project.add_source(cid, "bob", {"url": URL + "#p2"})
    project.add_source(cid, "bob", {"url": "https://example.org/other"})
    state = project.claim(cid)
    assert [s.url for s in review_of(state, "bob").sources] == [
        URL, URL + "#p2", "https://example.org/other"]
    # Once bob takes the source back, he may cite it again.
    project.remove_source(cid, "bob", 0)
    project.add_source(cid, "bob", {"url": URL})
    assert len(review_of(project.claim(cid), "bob").sources) == 3


def test_whitespace_only_is_empty_when_typed(sample: tuple[Project, list[str]],
                                             backend_url: str) -> None:
    project, ids = sample
    cid = ids[0]
    done = run(["review", cid, "--note", "  \n\t ", "--claim-text", "   ", "--source", URL,
                "--title", "  Annual report  ", "--quote", " \n "], backend_url,
               reviewer="bob")
    assert done.exit_code == 0, done.output
    assert "rationale cleared; claim as checked cleared" in done.stdout
    review = review_of(project.claim(cid), "bob")
    assert (review.rationale, review.claim_text) == ("", "")
    assert (review.sources[0].title, review.sources[0].quote) == ("Annual report", "")
    project.set_rationale(cid, "carol", "\u3000 \n")  # an ideographic space is a space too
    assert review_of(project.claim(cid), "carol").rationale == ""
    project.adjudicate(cid, "lead", "supported", note="   ")
    adjudication = project.claim(cid).adjudication
    assert adjudication is not None and adjudication.note == ""
    # A rationale keeps its own lines and spaces when it says something.
    project.set_rationale(cid, "carol", "  first\n\n  second\n")
    assert review_of(project.claim(cid), "carol").rationale == "  first\n\n  second\n"


@pytest.mark.parametrize("title", ["two\nlines", "a\ttab", "para\u2029graph", "a\u2028b",
                                   "\x1b[31mred", "bidi\u202eoverride"])
def test_a_source_title_is_one_line(title: str, sample: tuple[Project, list[str]],
                                    backend_url: str) -> None:
    project, ids = sample
    before = _events(backend_url)
    with pytest.raises(ProjectError, match="the source title contains control characters or "
                                           "line breaks; nothing saved"):
        project.add_source(ids[0], "bob", {"url": URL, "title": title})
    result = run(["review", ids[0], "--source", URL, "--title", title], backend_url)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the source title contains control characters or line breaks" in result.stderr
    assert _events(backend_url) == before


# -- files: import and validate refuse by line and field ----------------------------------


def _set(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    target: Any = changed
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if isinstance(target, list) and int(last) == len(target):
        target.append(value)
    else:
        target[int(last) if isinstance(target, list) else last] = value
    return changed


BLANK = 'is only whitespace (write "" for none)'
ONE_LINE = "contains control characters or line breaks"
TWICE = ("cites the same URL as sources.0 of this review (https://EXAMPLE.org/report); a "
         "review cites each source once (put both excerpts in one quote)")


@pytest.mark.parametrize(("field", "value", "says"), [
    ("reviews.0.sources.1", {"url": "https://EXAMPLE.org/report", "title": "", "quote": "",
                             "stance": "context", "accessed": None}, TWICE),
    ("reviews.0.rationale", "  \n ", BLANK),
    ("reviews.0.claim_text", "   ", BLANK),
    ("reviews.0.sources.0.title", "   ", BLANK),
    ("reviews.0.sources.0.quote", "\n", BLANK),
    ("reviews.0.sources.0.title", "two\nlines", ONE_LINE),
    ("reviews.0.sources.0.title", "a\u2028b", ONE_LINE),
    ("adjudication.note", " \t ", BLANK),
])
def test_a_file_saying_what_nobody_could_type_is_refused_by_line_and_field(
        field: str, value: Any, says: str, sample: tuple[Project, list[str]],
        backend_url: str, tmp_path: Path) -> None:
    project, ids = sample
    project.add_source(ids[0], "bob", {"url": URL, "title": "Report", "quote": "300"})
    project.set_verdict(ids[0], "bob", "supported")
    project.adjudicate(ids[0], "lead", "supported", note="as bob found")
    out = tmp_path / "out.jsonl"
    assert run(["export", "-o", str(out)], backend_url).exit_code == 0
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    record = next(r for r in records if r["reviews"])
    good = orjson.dumps(record)
    assert proven(orjson.loads(good)) is not None  # the line as exported is proven valid
    record["reviews"][0]["updated_at"] = "2099-01-01T00:00:00.000000Z"  # newer: it would apply
    record["adjudication"]["ts"] = "2099-01-01T00:00:00.000000Z"
    bad = _set(record, field, value)
    if field.endswith("sources.1"):
        assert len(bad["reviews"][0]["sources"]) == 2
        field += ".url"
    # The quick proof does not prove it, and the full checks name the problem.
    assert proven(copy.deepcopy(bad)) is None
    parsed, problems = parse_record(copy.deepcopy(bad))
    assert parsed is not None and not problems
    assert (field, says) in list(record_problems(parsed))
    path = tmp_path / "in.jsonl"
    path.write_bytes(good + b"\n" + orjson.dumps(bad) + b"\n")
    before = _events(backend_url)
    for command in (["import", str(path)], ["validate", str(path)]):
        result = run(command, backend_url)
        assert result.exit_code == 1, result.output
        assert f"in.jsonl:2: {field}: {says}" in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert _events(backend_url) == before

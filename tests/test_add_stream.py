"""Adding articles as a stream: long articles in windows, a batch never held whole, and
still all of it or nothing."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli.article_files import ArticleFiles, iter_articles
from claims.extract import extract_records
from claims.extract import stream as extract_stream
from claims.extract.stream import Article as Job
from claims.extract.stream import extract_windows, windows
from claims.model import article_id_for, claim_id_for
from claims.project import Project
from tests.reliability.support import synthetic_article


def _long_article(paragraphs: int = 40, seed: int = 3) -> str:
    return synthetic_article(random.Random(seed), paragraphs=paragraphs, lang="fr")


def test_windows_cover_the_text_and_cut_at_paragraph_breaks() -> None:
    text = _long_article()
    pieces = list(windows(text, "fr", size=2000))
    assert len(pieces) > 5
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        assert end == start
    for start, end in pieces:
        assert end - start <= 2000
    for _, end in pieces[:-1]:
        assert text[end - 2 : end] == "\n\n"


def test_a_single_line_is_cut_between_sentences() -> None:
    text = _long_article().replace("\n", " ")
    pieces = list(windows(text, "fr", size=2000))
    assert len(pieces) > 5
    for _, end in pieces[:-1]:
        assert text[end - 1] == " " and text[end - 2] in ".!?»\"”"


def test_windowed_extraction_finds_what_whole_extraction_finds() -> None:
    text = _long_article()
    aid = article_id_for(text)
    whole = extract_records(text, lang="fr", article_id=aid)
    found: list[dict[str, Any]] = []
    ends = []
    for window in extract_windows(
        [Job("k", aid, text, "fr", None)], workers=1, window=2000
    ):
        assert window.key == "k"
        found += window.records
        ends.append(window.end)
    assert ends == [end for _, end in windows(text, "fr", size=2000)]
    assert [(r["id"], r["start"], r["end"]) for r in found] == [
        (r["id"], r["start"], r["end"]) for r in whole
    ]
    for record in found:
        assert record["text"] == text[record["start"] : record["end"]]
        assert record["id"] == claim_id_for(aid, record["start"], record["end"])
        for facet in (*record["quantities"], *record["dates"]):
            assert text[facet["start"] : facet["end"]] == facet["text"]
    assert [r["quantities"] for r in found] == [r["quantities"] for r in whole]
    assert [r["dates"] for r in found] == [r["dates"] for r in whole]


def _items(n: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        yield {"text": synthetic_article(rng, paragraphs=2, lang="fr"), "lang": "fr",
               "title": f"article {i}", "external_id": f"a{i}"}


def test_add_articles_streams_and_stores_a_long_article_whole(
    backend_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_stream, "WINDOW", 2000)
    text = _long_article()
    consumed: list[int] = []

    def items() -> Iterator[dict[str, Any]]:
        for n, item in enumerate([*_items(3), {"text": text, "lang": "fr"}, *_items(1)]):
            consumed.append(n)
            yield item

    with Project.open(backend_url) as project:
        results = project.add_articles(items(), workers=1)
        assert consumed == [0, 1, 2, 3, 4]
        assert [r.created for r in results] == [True, True, True, True, False]
        long_id = article_id_for(text)
        assert results[3].id == long_id
        stored = project.claims(long_id)
        assert len(stored) == results[3].n_claims > 20
        expected = extract_records(text, lang="fr", article_id=long_id)
        assert [s.claim.id for s in stored] == [r["id"] for r in expected]
        assert project.article(long_id).text == text
        assert [r.title for r in results[:3]] == ["article 0", "article 1", "article 2"]


def test_an_error_midway_through_the_stream_adds_nothing(backend_url: str) -> None:
    def items() -> Iterator[dict[str, Any]]:
        yield from _items(5)
        raise ValueError("line 6 is bad")

    with Project.open(backend_url) as project:
        with pytest.raises(ValueError, match="line 6"):
            project.add_articles(items(), workers=1)
        assert project.articles() == []
        assert project.claims() == []


def test_a_large_batch_goes_through_worker_processes(tmp_path: Path) -> None:
    items = list(_items(40, seed=7))
    with Project.open(str(tmp_path / "pool.db")) as project:
        results = project.add_articles(iter(items), workers=2)
        assert all(r.created for r in results) and len(results) == 40
        for item, result in zip(items, results, strict=True):
            expected = extract_records(item["text"], lang="fr")
            assert [s.claim.id for s in project.claims(result.id)] == [r["id"] for r in expected]
        again = project.add_articles(iter(items[:2]), workers=2)
        assert [(r.created, r.title) for r in again] == [(False, "article 0"), (False, "article 1")]


def test_an_article_added_by_another_process_meanwhile_is_reported_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "race.db")
    items = list(_items(2))
    import claims.adding as adding_module
    from claims.spool import copy_spool as copy

    def racing_copy(store: Any, spool: Any) -> set[str]:
        with Project.open(db) as other:
            other.add_article(items[1]["text"], lang="fr")
        return copy(store, spool)

    monkeypatch.setattr(adding_module, "copy_spool", racing_copy)
    with Project.open(db) as project:
        results = project.add_articles(iter(items), workers=1)
        assert [(r.created, r.n_claims > 0) for r in results] == [(True, True), (False, False)]
        assert len(project.articles()) == 2


def test_jsonl_articles_come_one_line_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [orjson.dumps({"id": i, "text": f"Texte {i} du jour."}) for i in range(3)]
    path.write_bytes(b"\n".join([*lines, b'{"text": '] ) + b"\n")
    articles = iter_articles(str(path))
    # The good lines come before the bad one is even read: nothing holds the whole file.
    assert [next(articles)["external_id"] for _ in range(3)] == ["0", "1", "2"]
    with pytest.raises(Exception, match=r"a.jsonl:4: not valid JSON"):
        next(articles)


def test_article_files_check_every_file_before_streaming(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_bytes(b"\n".join(orjson.dumps({"text": f"Texte {i} du jour."}) for i in range(4)))
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"text": "ok"}\n{"txt": "no"}\n')
    files = ArticleFiles([str(good)])
    assert len(files) == 4
    assert len(list(files)) == 4 and len(list(files)) == 4  # streamed again, not kept
    with pytest.raises(Exception, match=r"bad.jsonl:2: txt: unknown field"):
        ArticleFiles([str(good), str(bad)])


def test_annotate_defers_exactly_the_articles_longer_than_one_window() -> None:
    from annotator.cli.annotate import LONG_ARTICLE

    assert LONG_ARTICLE == extract_stream.WINDOW


def test_adding_nothing_new_does_not_load_the_extractor(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = str(tmp_path / "light.db")
    with Project.open(db) as project:
        project.add_articles([{"text": "Un texte de plus de trois mots ici.", "lang": "fr"}])
    script = (
        "import sys\n"
        "from claims.project import Project\n"
        f"with Project.open({db!r}) as p:\n"
        "    r = p.add_articles([{'text': 'Un texte de plus de trois mots ici.', 'lang': 'fr'},\n"
        "                        {'text': 'x' * 70000, 'lang': 'fr'}], defer_longer_than=64000)\n"
        "assert [x.created for x in r] == [False, True] and r[1].pending\n"
        "print('claims.extract.pipeline' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"

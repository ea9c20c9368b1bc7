"""The streaming reader and the passages around a claim, piece by piece."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from claims.project import Project
from exports.passages import ArticlePassages
from exports.reader import Filters, articles, iter_claims


def test_articles_come_in_pages_in_order(reviewed: Project) -> None:
    for n in range(3):
        reviewed.add_article(f"Extra article number {n} has one sentence here.", lang="en",
                             published=date(2025, 1, 1), claims=[])
    with reviewed.store.read() as tx:
        paged = [a.id for a in articles(tx, Filters(), page=1)]
        whole = [a.id for a in articles(tx, Filters(), page=500)]
    assert paged == whole == [a.id for a in reviewed.articles()]


def test_claims_come_in_article_then_span_order(reviewed: Project) -> None:
    with reviewed.store.read() as tx:
        rows = [(a.ord, c.start, c.end, c.id) for a, c in iter_claims(tx, Filters())]
    assert rows == sorted(rows) and len(rows) == 7


def test_passages_of_a_claim() -> None:
    text = "First one. Second « one ». Third!\n\nNext line here. Last."
    passages = ArticlePassages(text)
    start = text.index("Second")
    s0, s1 = passages.sentence(start, start + 6)
    assert text[s0:s1] == "Second « one »."
    p0, p1 = passages.paragraph(start, start + 6)
    assert text[p0:p1] == "First one. Second « one ». Third!"
    start = text.index("one.")
    s0, s1 = passages.sentence(start, text.index("»") + 1)  # crosses a sentence end
    assert text[s0:s1] == "First one. Second « one »."


@given(st.text(alphabet=st.sampled_from("ab .!?\n«»"), max_size=60), st.data())
def test_passages_always_cover_the_claim(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    passages = ArticlePassages(text)
    for lo, hi in (passages.sentence(start, end), passages.paragraph(start, end)):
        assert 0 <= lo <= hi <= len(text)
        if start < end:
            assert lo <= start and end <= hi


def test_prefetching_reads_the_same_claims_and_stops_cleanly(reviewed: Project) -> None:
    with reviewed.store.read() as tx:
        plain = [(a.id, c.id, c.reviews) for a, c in iter_claims(tx, Filters(), prefetch=False)]
        ahead = [(a.id, c.id, c.reviews) for a, c in iter_claims(tx, Filters(), prefetch=True)]
        assert plain == ahead
        claims = iter_claims(tx, Filters())
        next(claims)
        claims.close()  # abandoned half-way: the reading thread is gone, the cursor is free
        assert tx.one("SELECT COUNT(*) FROM claims")[0] == 7

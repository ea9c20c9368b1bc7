"""Claims already checked, in the annotator: the panel under the details and the `v` key."""

from __future__ import annotations

from datetime import date

from annotator.app import ClaimsApp
from annotator.config import Config
from annotator.screens.article import ArticleScreen
from annotator.widgets.similar import SimilarPanel
from claims.model import KnownClaim
from claims.project import Project
from tests.tui.tui_helpers import (
    ARTICLE_ONE,
    ARTICLE_TWO,
    article_screen,
    run_async,
    running,
    sentence_claims,
    settle,
    state_at,
    wait_for,
)

ARTICLE_THREE = (
    "Selon la CGT, trois cents ouvriers ont quitté mardi le chantier naval de Saint-Brieuc. "
    "Les négociations reprendront lundi."
)
SIZE = (120, 40)


def setup(url: str) -> tuple[Project, list[str]]:
    project = Project.open(url)
    ids = []
    for i, text in enumerate((ARTICLE_ONE, ARTICLE_TWO, ARTICLE_THREE)):
        result = project.add_article(text, lang="en" if i == 1 else "fr", title=f"Article {i + 1}",
                                     published=date(2024, 3, 5), claims=sentence_claims(text))
        ids.append(result.article.id)
    return project, ids


async def matches_of(pilot, claim_id: str):
    """Wait until the panel shows the lookup of `claim_id`, then return the panel."""

    def shown() -> bool:
        screen = article_screen(pilot.app)
        return (screen.current_id() == claim_id
                and screen.query_one(SimilarPanel).matches is not None)

    await wait_for(pilot, shown, what=f"the claims similar to {claim_id}")
    await settle(pilot)
    return article_screen(pilot.app).query_one(SimilarPanel)


@run_async
async def test_panel_lists_a_checked_claim_of_another_article_and_v_goes_there(
    backend_url: str,
) -> None:
    project, ids = setup(backend_url)
    try:
        first = project.claims(ids[0])[0].claim  # "Plus de 300 ouvriers ont quitté mardi ..."
        project.set_verdict(first.id, "ana", "refuted")
        here = project.claims(ids[2])[0].claim  # the same news, another article
        app = ClaimsApp(project, "bob", open_article=ids[2], config=Config(auto_advance=False))
        async with app.run_test(size=SIZE) as pilot:
            panel = await matches_of(pilot, here.id)
            assert panel.display
            assert [m.key for m in panel.matches] == [first.id]
            shown = panel.plain
            assert "Refuted" in shown and "Article 1" in shown and "Plus de 300 ouvriers" in shown
            await pilot.press("v")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.book is not None and screen.book.article.id == ids[0]
            assert screen.current_id() == first.id
            # From there, the claim of article 3 is not checked: nothing to go back to.
            panel = await matches_of(pilot, first.id)
            assert panel.matches == []
            assert "nothing similar" in panel.plain
    finally:
        project.close()


@run_async
async def test_a_verdict_given_now_is_matched_at_once_and_published_checks_show(
    backend_url: str,
) -> None:
    project, ids = setup(backend_url)
    try:
        project.add_known([KnownClaim(
            id="k1", text="Le chantier naval de Saint-Brieuc a perdu 300 ouvriers mardi",
            rating="Plutôt vrai", publisher="Vérif [bold]", url="https://verif.example/chantier",
        )])
        app = ClaimsApp(project, "bob", open_article=ids[0], config=Config(auto_advance=False))
        async with running(app) as pilot:
            first = state_at(app, 0).claim
            panel = await matches_of(pilot, first.id)
            (known,) = panel.matches
            assert known.kind == "known"
            assert "Plutôt vrai" in panel.plain and "Vérif [bold]" in panel.plain
            assert "https://verif.example/chantier" in panel.plain
            await pilot.press("v")  # only a published check: refused aloud, nowhere to go
            await settle(pilot)
            assert article_screen(app).current_id() == first.id
            # A verdict given in this session on this claim...
            await pilot.press("2")
            await settle(pilot)
        app = ClaimsApp(project, "bob", open_article=ids[2], config=Config(auto_advance=False))
        async with running(app) as pilot:
            here = state_at(app, 0).claim
            panel = await matches_of(pilot, here.id)
            assert [m.kind for m in panel.matches] == ["claim", "known"]
            assert panel.matches[0].key == first.id and panel.matches[0].verdict == "refuted"
    finally:
        project.close()


@run_async
async def test_verdicts_reach_the_index_without_a_rebuild(backend_url: str) -> None:
    project, ids = setup(backend_url)
    try:
        project.add_known([KnownClaim(id="k0", text="Unrelated fact-check about bees",
                                      rating="False")])
        app = ClaimsApp(project, "bob", open_article=ids[2], config=Config(auto_advance=False))
        async with running(app) as pilot:
            here = state_at(app, 0).claim
            panel = await matches_of(pilot, here.id)
            assert panel.matches == []
            # Another claim of this article, checked now, resembles nothing here; the first
            # claim of article 1, checked now in a second screen, is found at once.
            article_screen(app).open_article(ids[0])
            await settle(pilot)
            first = state_at(app, 0).claim
            await pilot.press("1")
            await settle(pilot)
            article_screen(app).open_article(ids[2])
            panel = await matches_of(pilot, here.id)
            assert [m.key for m in panel.matches] == [first.id]
            assert panel.matches[0].verdict == "supported"
            await pilot.press("v")
            await settle(pilot)
            assert article_screen(app).current_id() == first.id
    finally:
        project.close()


@run_async
async def test_blind_review_hides_similar_verdicts_until_the_claim_is_judged(
    backend_url: str,
) -> None:
    project, ids = setup(backend_url)
    try:
        project.store.set_meta("blind", "1")
        first = project.claims(ids[0])[0].claim
        project.set_verdict(first.id, "ana", "refuted")
        app = ClaimsApp(project, "bob", open_article=ids[2], config=Config(auto_advance=False))
        async with running(app) as pilot:
            here = state_at(app, 0).claim
            panel = await matches_of(pilot, here.id)
            assert panel.matches == [] and "blind review" in panel.plain
            assert "Refuted" not in panel.plain
            await pilot.press("3")  # bob judges the claim: now he may see others' verdicts
            panel = await matches_of(pilot, here.id)
            await wait_for(pilot, lambda: bool(panel.matches), what="others' verdicts")
            assert [m.key for m in panel.matches] == [first.id]
    finally:
        project.close()

"""Date patterns of French regional and national news: a day of the month named alone after
its month (« le 3 », « jusqu'au 31 »), dates that are part of a street's or a title's name
(« rue du 4-Septembre », "the film Friday the 13th"), and the present of a verb that plans
(« préparent », « organise ») looking ahead; and what each must not take."""

from __future__ import annotations

import pytest

from tests.helpers import found_dates as dates

# PUBLISHED (tests.helpers) is Wednesday 12 March 2025.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a month: that day of it.
        ("Prévu en avril, le scrutin aura lieu le 3 dans toute la région.",
         [("avril", "2025-04-01", "2025-04-30"), ("3", "2025-04-03", "2025-04-03")]),
        # After a day of the month: a later day of the same month.
        ("Ouvert depuis le 1er mars, le salon se poursuit jusqu'au 31.",
         [("1er mars", "2025-03-01", "2025-03-01"), ("31", "2025-03-31", "2025-03-31")]),
        ("Le festival débutera le 4 juillet et s'achèvera le 9 avec un concert.",
         [("4 juillet", "2025-07-04", "2025-07-04"), ("9", "2025-07-09", "2025-07-09")]),
    ],
)
def test_day_alone_after_its_month(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rank, a count, a price or a score is no day.
        ("Le 12 mars, l'équipe a terminé le 3 du classement.", [("12 mars", "2025-03-12", "2025-03-12")]),
        ("En mars, le club a fini au 3 et au 5.", [("mars", "2025-03-01", "2025-03-31")]),
        ("Le 5 mars, le 3 000e visiteur a été accueilli.", [("5 mars", "2025-03-05", "2025-03-05")]),
        ("En février, le litre est vendu 2 euros le 3,5 %.", [("février", "2025-02-01", "2025-02-28")]),
        # After a day, an earlier number is no later day of that month.
        ("Le 10 mars, il était classé le 3.", [("10 mars", "2025-03-10", "2025-03-10")]),
        # With no month before it, nothing.
        ("Le 3 à 1 final a été sifflé par le public.", []),
    ],
)
def test_day_alone_not_taken(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Un immeuble de la rue du 4-Septembre a été évacué.", "fr", []),
        ("La cérémonie s'est tenue place du 8-Mai-1945.", "fr", []),
        ("Les travaux bloquent l'avenue du 11-Novembre.", "fr", []),
        ("A remake of the horror film Friday the 13th topped the box office.", "en", []),
        # The date after the name, or a weekday after a title noun, stays.
        ("Le 4 septembre, rue de Rivoli, un immeuble a été évacué.", "fr",
         [("4 septembre", "2024-09-04", "2024-09-04")]),
        ("La chaîne a diffusé le film mardi soir.", "fr", [("mardi soir", "2025-03-11", "2025-03-11")]),
        ("Police screened the film Tuesday night.", "en", [("Tuesday night", "2025-03-11", "2025-03-11")]),
    ],
)
def test_dates_in_names(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les syndicats préparent une manifestation le 1er mai.", [("1er mai", "2025-05-01", "2025-05-01")]),
        ("Le collectif organise samedi un rassemblement devant la mairie.",
         [("samedi", "2025-03-15", "2025-03-15")]),
        # A past plan stays behind.
        ("Le club a préparé le match samedi.", [("samedi", "2025-03-08", "2025-03-08")]),
        ("Les syndicats avaient organisé un défilé le 1er mai.", [("1er mai", "2024-05-01", "2024-05-01")]),
    ],
)
def test_planning_present_looks_ahead(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, "fr") == expected

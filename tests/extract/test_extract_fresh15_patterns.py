"""Number patterns that the fifteenth fresh gold (tests/extract/gold/facets_fresh15.jsonl) showed,
each with the words a sloppy rule would take instead:

- « deux millions et demi », "one and a half billion": the half is half of the multiplier;
- "degrees Celsius", « degrés Celsius », "degrees Fahrenheit": °C and °F ("4 degrees" alone
  stays degrees); "nautical miles", « milles nautiques »: a unit of their own, not miles;
- "24/7" is around the clock; "210 335 9000" (groups that are no thousands) is a telephone
  number; "call 112", "dial 911", « composez le 17 »: the number dialled;
- "more than a year", "within a week", "nearly a decade": "a" after a comparator, before a unit
  of time, is one of that unit ("more than a dozen", "more than a third" as before);
- "31 goals in 40 games": two counts, no share (not "one adult in five", "two in five patients");
- "1.3 million Arizonans", "three Americans": a people's name after a count is what it counts;
- "9 or more of the region's 12 seats": the count after "or more" counts what the second counts;
- "raise the pension age from 66 to 67", « relèvera l'âge de départ de 62 à 64 ans »: a verb of
  change and its object before "from", « de »: two values, not a range (« réduire les émissions
  de 30 à 40 % » stays a range: « de » is "by" there);
- « avant 18 ans »: under 18 (« avant 20 heures » is no age);
- « le train de 7 h 12 », « de 9 h à 18 h », « de 22 h à 6 h », « dès 7 h », « à 15 h par le
  préfet »: times of day (« une autonomie de 3 h 30 », « en 2 h », « de 3 h à 5 h » of battery
  life, « jusqu'à 10 h », « à 2 h de marche » are durations);
- « la 27e édition », « la troisième édition du festival »: the edition is part of the event's name;
- « un second parc », « une seconde usine »: a rank (« une seconde plus tard » is no rank);
- "from noon to 5 p.m. Firefighters ...": a capitalised word after "a.m."/"p.m." opens a new
  sentence, unless it is a weekday, a month, or a time zone ("5 p.m. Monday", "8 p.m. ET").
"""

from __future__ import annotations

import pytest

from claims.extract import extract
from tests.helpers import found_quantities as facets


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Trois millions et demi de touristes sont attendus.", "fr", [(3500000, "=", "touristes")]),
        ("Un milliard et demi d’euros a été débloqué.", "fr", [(1500000000, "=", "euros")]),
        ("Il a attendu deux heures et demie.", "fr", [(2.5, "=", "heures")]),
        ("The walk took four and a half hours.", "en", [(4.5, "=", "hours")]),
    ],
)
def test_half_of_a_multiplier(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Water in the bay reached 31 degrees Celsius on Monday.", "en", [(31, "=", "°C")]),
        ("It felt like 104 degrees Fahrenheit in Dallas.", "en", [(104, "=", "°F")]),
        ("L’eau atteint 26 degrés Celsius au large.", "fr", [(26, "=", "°C")]),
        ("The temperature rose by 4 degrees overnight.", "en", [(4, "=", "degrees")]),
        ("The trawler sank 12 nautical miles off Cornwall.", "en", [(12, "=", "nautical miles")]),
        ("The reef lies one nautical mile from the beach.", "en", [(1, "=", "nautical mile")]),
        ("Le navire a coulé à 8 milles nautiques de la côte.", "fr", [(8, "=", "milles nautiques")]),
        ("The run is three miles long.", "en", [(3, "=", "miles")]),
    ],
)
def test_temperature_scales_and_nautical_miles(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The clinic is open 24/7 for 3,000 patients.", "en", [(3000, "=", "patients")]),
        ("Le service client répond 24/7.", "fr", []),
        ("For help, ring 415 555 0199 before noon.", "en", []),
        ("Tenants can reach the office on 212 736 5000.", "en", []),
        ("A crowd of 12 000 000 people.", "en", [(12000000, "=", "people")]),
        ("Le parc compte 1 200 000 arbres et 3 500 bancs.", "fr",
         [(1200000, "=", "arbres"), (3500, "=", "bancs")]),
        ("Residents should dial 911 in an emergency.", "en", []),
        ("Il faut composer le 17 en cas d’urgence.", "fr", []),
        ("She called 15 witnesses.", "en", [(15, "=", "witnesses")]),
        ("Il a appelé 15 témoins.", "fr", [(15, "=", "témoins")]),
    ],
)
def test_around_the_clock_and_numbers_dialled(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He has waited more than a year for surgery.", [(1, ">", "year")]),
        ("The trial lasted less than a week.", [(1, "<", "week")]),
        ("Repairs will take about a month.", [(1, "~", "month")]),
        ("The strike lasted nearly a decade.", [(1, "~", "decade")]),
        ("More than a dozen homes burned.", [(12, ">", "homes")]),
        ("More than a third of voters stayed home.", [(0.3333, ">", "voters")]),
        ("A year later the mill closed.", []),
    ],
)
def test_a_unit_of_time_after_a_comparator(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She scored 31 goals in 40 games for the club.", [(31, "=", "goals"), (40, "=", "games")]),
        ("One adult in five smokes.", [(0.2, "=", "adult")]),
        ("Two in five patients waited.", [(0.4, "=", "patients")]),
    ],
)
def test_counts_in_counts_are_no_share(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly 2 million Californians lost power.", [(2000000, "~", "Californians")]),
        ("Three Americans were among the dead.", [(3, "=", "Americans")]),
        ("Five Republicans voted against the bill.", [(5, "=", "Republicans")]),
        ("600 National Guard troops were sent.", [(600, "=", "troops")]),
        ("Opposition won 9 or more of the region's 12 seats.", [(9, ">=", "seats"), (12, "=", "seats")]),
        ("Three of the state's 12 prisons closed.", [(3, "=", "prisons"), (12, "=", "prisons")]),
    ],
)
def test_peoples_and_shares_after_or_more(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The plan would raise the state pension age from 66 to 67.", "en", [(66, "=", ""), (67, "=", "")]),
        ("The council will lift the speed limit on the bypass from 40 to 50 mph.", "en",
         [(40, "=", "mph"), (50, "=", "mph")]),
        ("The bank cut its growth forecast from 2% to 1.5%.", "en", [(2, "=", "%"), (1.5, "=", "%")]),
        ("La réforme relèvera l’âge minimal de départ de 62 à 64 ans.", "fr",
         [(62, "=", "ans"), (64, "=", "ans")]),
        ("La loi abaisse la limitation de vitesse de 90 à 80 km/h.", "fr",
         [(90, "=", "km/h"), (80, "=", "km/h")]),
        ("Le gouvernement veut réduire les émissions du secteur de 30 à 40 %.", "fr",
         [(30, ">=", "%"), (40, "<=", "%")]),
        ("Les jeunes âgés de 18 à 25 ans sont concernés.", "fr", [(18, ">=", "ans"), (25, "<=", "ans")]),
        ("The company cut between 200 and 300 jobs.", "en", [(200, ">=", "jobs"), (300, "<=", "jobs")]),
    ],
)
def test_change_of_an_object(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ceux qui ont commencé à travailler avant 18 ans partiront plus tôt.", [(18, "<", "ans")]),
        ("Les résultats sont attendus avant 20 heures.", [(20, "=", "heures")]),
        ("Le vol de 18 h 40 pour Nice a été annulé.", []),
        ("Le TGV Lyria de 6 h 52 est supprimé.", []),
        ("Le musée est ouvert de 9 h à 18 h.", []),
        ("La piscine ouvre dès 7 h le samedi.", []),
        ("Une batterie d’une autonomie de 3 h 30.", [(3.5, "=", "h")]),
        ("Les secours sont arrivés en 2 h.", [(2, "=", "h")]),
        ("L’opération a duré 48 h.", [(48, "=", "h")]),
    ],
)
def test_french_ages_and_times_of_day(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La 12e édition du salon a attiré 40 000 visiteurs.", "fr", [(40000, "=", "visiteurs")]),
        ("La troisième édition du festival est annulée.", "fr", []),
        ("The 31st edition of the race starts on Sunday.", "en", []),
        ("Un second tour aura lieu dimanche.", "fr", [(2, "=", "ordinal")]),
        ("Une seconde usine ouvrira en 2027.", "fr", [(2, "=", "ordinal")]),
        ("Il a freiné une seconde plus tard.", "fr", []),
        ("La 27e brigade a été déployée.", "fr", []),
    ],
)
def test_editions_and_second(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("The museum shut from 10 a.m. to 4 p.m. Guards stayed inside.", 2),
        ("The shop opens at 9 a.m. The queue formed at dawn.", 2),
        ("The meeting began at 5 p.m. Monday, officials said.", 1),
        ("Polls close at 8 p.m. ET and results follow.", 1),
        ("The ceremony is at 3 p.m. Sept. 14 at the stadium.", 1),
        ("Voting ends at 8 p.m. Eastern time.", 1),
    ],
)
def test_a_capital_after_a_clock_opens_a_sentence(text: str, pieces: int) -> None:
    assert len(extract(text, lang="en")) == pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La console tient de 3 h à 5 h, et jusqu’à 10 h en veille.",
         [(3, ">=", "h"), (5, "<=", "h"), (10, "<=", "h")]),
        ("La batterie tient 4 h contre 3 h à 5 h pour l’ancien modèle.",
         [(4, "=", "h"), (3, "=", "h"), (5, "=", "h")]),
        ("Le refuge est à 2 h de marche.", [(2, "=", "h")]),
        ("Les résultats ont été proclamés à 15 h par le préfet.", []),
        ("La mairie est ouverte de 8 h à 17 h le samedi.", []),
        ("Le couvre-feu s’applique de 22 h à 6 h.", []),
    ],
)
def test_hours_that_are_durations(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected

"""Dates of wire news as TIMEX3 annotates them: months naming an event or a quarter, intent
with a bare infinitive, the end of a past state, periods counted from the year named before,
a year back from a quarter, reported speech, French periods after « du », the period ended on a
day, a quarter, a half or a year named alone ("in the quarter", « sur l'année »)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.extract import extract
from tests.helpers import found_dates as dates

# PUBLISHED (tests.helpers) is Wednesday 2025-03-12.


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A bare month after a determiner dates the event or the period it qualifies...
        ("The party hopes to win a majority in the May election.", "en",
         [("May", "2025-05-01", "2025-05-31")]),
        ("The ruling party lost heavily in the November vote.", "en",
         [("November", "2024-11-01", "2024-11-30")]),
        ("Leaders will meet again at the June summit in Rome.", "en",
         [("June", "2025-06-01", "2025-06-30")]),
        # ... "the March quarter" being the three months that end with March (TIMEX3's Q1).
        ("Profit fell 8% in the December quarter.", "en", [("December", "2024-10-01", "2024-12-31")]),
        ("The chipmaker expects sales to recover in the June quarter.", "en",
         [("June", "2025-04-01", "2025-06-30")]),
        # A month name that is no modifier of such a noun stays no date.
        ("May said the May government would fall.", "en", []),
        ("The March of Dimes raised $5 million.", "en", []),
        ("May elections loom for the party.", "en", []),
        # French intent verbs take a bare infinitive: « espère l'emporter » looks ahead.
        ("Le parti espère l’emporter lors des élections de mai.", "fr",
         [("mai", "2025-05-01", "2025-05-31")]),
        ("Le ministre veut se rendre à Berlin en juin.", "fr", [("juin", "2025-06-01", "2025-06-30")]),
        ("Le parti a remporté les élections de mai.", "fr", [("mai", "2024-05-01", "2024-05-31")]),
    ],
)
def test_a_month_naming_an_event_or_a_quarter(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A past tense of a state before "until" ends it before publication...
        ("He was mayor of the city until May.", "en", [("May", "2024-05-01", "2024-05-31")]),
        ("She was in office until April.", "en", [("April", "2024-04-01", "2024-04-30")]),
        ("He had chaired the board until June.", "en", [("June", "2024-06-01", "2024-06-30")]),
        ("L’usine était fermée jusqu’en mai, faute de commandes.", "fr",
         [("mai", "2024-05-01", "2024-05-31")]),
        ("Il dirigeait le groupe jusqu’en avril.", "fr", [("avril", "2024-04-01", "2024-04-30")]),
        # ... but a passive may run on ("was closed until", the nearer date), and a future in
        # the past or a conditional looks ahead.
        ("The road was closed until April 15.", "en", [("April 15", "2025-04-15", "2025-04-15")]),
        ("The airport was still closed until Monday.", "en", [("Monday", "2025-03-17", "2025-03-17")]),
        ("The plant was to stay shut until May.", "en", [("May", "2025-05-01", "2025-05-31")]),
        ("Le couvre-feu a été prolongé jusqu’en mai.", "fr", [("mai", "2025-05-01", "2025-05-31")]),
        ("Il a dit que le pont serait fermé jusqu’en mai.", "fr", [("mai", "2025-05-01", "2025-05-31")]),
        ("Le couvre-feu, qui devait durer jusqu’en mai, a été levé.", "fr",
         [("mai", "2025-05-01", "2025-05-31")]),
    ],
)
def test_the_end_of_a_past_state(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A half or a quarter without its year is one of the year named before it, in its
        # sentence or the one before ("the second half" alone still needs one)...
        ("Revenue rose 8% in 2019, helped by strong sales in the second half.", "en",
         [("2019", "2019-01-01", "2019-12-31"), ("second half", "2019-07-01", "2019-12-31")]),
        ("Revenue rose in 2019, with strong sales in the fourth quarter.", "en",
         [("2019", "2019-01-01", "2019-12-31"), ("fourth quarter", "2019-10-01", "2019-12-31")]),
        ("En 2019, le groupe a perdu 40 millions d’euros, surtout au second semestre.", "fr",
         [("2019", "2019-01-01", "2019-12-31"), ("second semestre", "2019-07-01", "2019-12-31")]),
        ("Sales fell last year, mostly in the second half.", "en",
         [("last year", "2024-01-01", "2024-12-31"), ("second half", "2024-07-01", "2024-12-31")]),
        # ... unless the clause looks ahead past it; and a half with no year named is no date.
        ("Shares rose 20% in 2024, and analysts expect gains in the first half.", "en",
         [("2024", "2024-01-01", "2024-12-31")]),
        ("He scored twice in the second half.", "en", []),
    ],
)
def test_a_half_or_quarter_takes_the_year_named_before(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


def test_a_half_takes_the_year_of_the_sentence_before() -> None:
    text = "The carrier lost $40 million in 2019. Most of the loss came in the second half."
    claims = extract(text, lang="en", published=date(2025, 3, 12))
    assert [(str(d.from_), str(d.to)) for d in claims[-1].dates] == [("2019-07-01", "2019-12-31")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "a year earlier" after a month, a quarter or a half is that period a year back...
        ("Earnings were 45 cents a share in the fourth quarter, against 38 cents a year earlier.", "en",
         [("fourth quarter", "2024-10-01", "2024-12-31"), ("a year earlier", "2023-10-01", "2023-12-31")]),
        ("Sales rose 5% in January from a year earlier.", "en",
         [("January", "2025-01-01", "2025-01-31"), ("a year earlier", "2024-01-01", "2024-01-31")]),
        ("Le bénéfice a progressé au troisième trimestre 2024, après une perte un an plus tôt.", "fr",
         [("troisième trimestre 2024", "2024-07-01", "2024-09-30"),
          ("un an plus tôt", "2023-07-01", "2023-09-30")]),
        # ... while a year later than a month or a day is the year ("re-elected a year later").
        ("He was elected in May 2010 and re-elected a year later.", "en",
         [("May 2010", "2010-05-01", "2010-05-31"), ("a year later", "2011-01-01", "2011-12-31")]),
    ],
)
def test_a_year_earlier_than_a_period_is_that_period_a_year_back(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # What the reported future says ahead ("would reopen next week") is no future of the
        # statement's own day before it.
        ("Officials said Wednesday the bridge would reopen next week.", "en",
         [("Wednesday", "2025-03-12", "2025-03-12"), ("next week", "2025-03-17", "2025-03-23")]),
        ("Officials said Monday the plant would reopen next month.", "en",
         [("Monday", "2025-03-10", "2025-03-10"), ("next month", "2025-04-01", "2025-04-30")]),
        ("Le préfet a dit lundi que la route serait rouverte la semaine prochaine.", "fr",
         [("lundi", "2025-03-10", "2025-03-10"), ("la semaine prochaine", "2025-03-17", "2025-03-23")]),
        # A future of the clause itself still looks ahead.
        ("The company will announce on Monday whether it would close the plant.", "en",
         [("Monday", "2025-03-17", "2025-03-17")]),
    ],
)
def test_the_reported_future_leaves_the_statement_day_past(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # « du mois prochain », « du mois dernier » qualify a noun (« le sommet du mois
        # prochain ») as "next month's summit" does.
        ("Les dirigeants signeront l’accord lors du sommet du mois prochain.", "fr",
         [("du mois prochain", "2025-04-01", "2025-04-30")]),
        ("Le sommet du mois dernier a échoué.", "fr", [("du mois dernier", "2025-02-01", "2025-02-28")]),
        ("Le texte sera voté à la fin du mois prochain.", "fr",
         [("la fin du mois prochain", "2025-04-01", "2025-04-30")]),
        # « à la mi-journée », « en début de journée »: a time of the day of publication, or
        # of the day named before.
        ("À la mi-journée, le CAC 40 reculait de 1,2 %.", "fr",
         [("À la mi-journée", "2025-03-12", "2025-03-12")]),
        ("Le marché a été fermé lundi et rouvert à la mi-journée.", "fr",
         [("lundi", "2025-03-10", "2025-03-10"), ("à la mi-journée", "2025-03-10", "2025-03-10")]),
    ],
)
def test_french_periods_after_du_and_midday(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Words that point at the present, the past or the future (TIMEX3's PRESENT_REF,
        # PAST_REF, FUTURE_REF) are dates with no calendar value...
        ("The firm currently employs 1,200 people.", "en", [("currently", "None", "None")]),
        ("Officials now say the ship was hit.", "en", [("now", "None", "None")]),
        ("The company recently cut 300 jobs.", "en", [("recently", "None", "None")]),
        ("In the past, the bank lent freely.", "en", [("In the past", "None", "None")]),
        ("Rates will rise in the near future.", "en", [("in the near future", "None", "None")]),
        ("L’entreprise emploie actuellement 350 salariés.", "fr", [("actuellement", "None", "None")]),
        ("Il faut maintenant agir.", "fr", [("maintenant", "None", "None")]),
        ("À l’avenir, les prix baisseront.", "fr", [("À l’avenir", "None", "None")]),
        ("Par le passé, le groupe a licencié.", "fr", [("Par le passé", "None", "None")]),
        # ... but not inside a duration, a compound, a noun or a participle.
        ("Prices have doubled in the past two years.", "en", []),
        ("In the past decade, prices rose.", "en", []),
        ("The now-defunct plant closed.", "en", []),
        ("The future of the party is unclear.", "en", []),
        ("Le gouvernement, en maintenant sa position, a perdu.", "fr", []),
        ("Two weeks from now, the law takes effect.", "en",
         [("Two weeks from now", "2025-03-24", "2025-03-30")]),
        ("The store opens an hour from now.", "en", []),
        ("From now on, the rules apply.", "en", [("now", "None", "None")]),
    ],
)
def test_references_to_the_present_past_and_future(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


def test_a_reference_is_no_date_fact_of_its_claim() -> None:
    # The check-worthiness scorer was trained without them: "now" makes no claim a date claim
    # nor gives it the date reason, where "years ago" (a date with null bounds too) does.
    now, = extract("The singer is now retired.", lang="en", published=date(2025, 3, 12))
    ago, = extract("The singer retired years ago.", lang="en", published=date(2025, 3, 12))
    assert [(d.text, d.from_, d.to) for d in now.dates] == [("now", None, None)]
    assert now.kind == "other" and "date" not in now.reasons
    assert ago.kind == "date" and "date" in ago.reasons


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "the quarter ended Dec. 31", « l'exercice clos le 30 juin »: the period that ends on
        # that day is a date of its own beside the day.
        ("Net income for the quarter ended Dec. 31 rose 5%.", "en",
         [("the quarter", "2024-10-01", "2024-12-31"), ("Dec. 31", "2024-12-31", "2024-12-31")]),
        ("Sales rose in the fiscal year ended June 30, 2024.", "en",
         [("the fiscal year", "2023-07-01", "2024-06-30"), ("June 30, 2024", "2024-06-30", "2024-06-30")]),
        ("Le bénéfice de l’exercice clos le 30 juin 2024 a progressé.", "fr",
         [("l’exercice", "2023-07-01", "2024-06-30"), ("30 juin 2024", "2024-06-30", "2024-06-30")]),
        ("Au trimestre clos le 31 décembre, les ventes ont reculé.", "fr",
         [("trimestre", "2024-10-01", "2024-12-31"), ("31 décembre", "2024-12-31", "2024-12-31")]),
        # "the six months ended" is a duration up to the day, as TIMEX3 has it: the day alone.
        ("Profit rose in the six months ended Dec. 31.", "en", [("Dec. 31", "2024-12-31", "2024-12-31")]),
    ],
)
def test_the_period_ended_on_a_day(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A day right after a past participle is behind, whatever the clause's own verb...
        ("The accord signed Tuesday will take effect next month.", "en",
         [("Tuesday", "2025-03-11", "2025-03-11"), ("next month", "2025-04-01", "2025-04-30")]),
        ("The law passed on Monday will take effect in May.", "en",
         [("Monday", "2025-03-10", "2025-03-10"), ("May", "2025-05-01", "2025-05-31")]),
        ("L’accord signé mardi entrera en vigueur le mois prochain.", "fr",
         [("mardi", "2025-03-11", "2025-03-11"), ("le mois prochain", "2025-04-01", "2025-04-30")]),
        # ... but not after an auxiliary, nor a participle that schedules.
        ("Workers will be paid Friday.", "en", [("Friday", "2025-03-14", "2025-03-14")]),
        ("The vote scheduled Tuesday will be close.", "en", [("Tuesday", "2025-03-18", "2025-03-18")]),
        ("Le texte sera voté mardi.", "fr", [("mardi", "2025-03-18", "2025-03-18")]),
        ("La réunion prévue mardi sera tendue.", "fr", [("mardi", "2025-03-18", "2025-03-18")]),
    ],
)
def test_a_day_after_a_past_participle_is_behind(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A quarter, a half or a year named alone is the one named before it in the sentence...
        ("Profit rose 12% in the third quarter of 2024, and in the quarter sales rose 5%.", "en",
         [("third quarter of 2024", "2024-07-01", "2024-09-30"),
          ("the quarter", "2024-07-01", "2024-09-30")]),
        ("Second-quarter profit rose 4%, and for the half sales rose 2%.", "en",
         [("Second-quarter", "2024-04-01", "2024-06-30"), ("the half", "2024-01-01", "2024-06-30")]),
        ("Sales fell in March, and over the quarter orders rose 3%.", "en",
         [("March", "2025-03-01", "2025-03-31"), ("the quarter", "2025-01-01", "2025-03-31")]),
        ("Fourth-quarter revenue rose 8%, Apple said Thursday, and for the year, sales rose 3%.", "en",
         [("Fourth-quarter", "2024-10-01", "2024-12-31"), ("Thursday", "2025-03-06", "2025-03-06"),
          ("the year", "2024-01-01", "2024-12-31")]),
        ("Le bénéfice a progressé de 12 % au troisième trimestre et, sur le trimestre, les ventes de 5 %.",
         "fr", [("troisième trimestre", "2024-07-01", "2024-09-30"),
                ("le trimestre", "2024-07-01", "2024-09-30")]),
        ("Le chômage a reculé en 2023 et, sur l’année, il a baissé de 2 %.", "fr",
         [("2023", "2023-01-01", "2023-12-31"), ("l’année", "2023-01-01", "2023-12-31")]),
        # ... with none, a year is that of publication; a quarter or a half has null bounds (a
        # day will not do: results are reported after their quarter)...
        ("For the year, revenue rose 3% to $4 billion.", "en", [("the year", "2025-01-01", "2025-12-31")]),
        ("Sales rose 5% in the fiscal year.", "en", [("the fiscal year", "2025-01-01", "2025-12-31")]),
        ("In the quarter, sales rose 5% to $3 billion.", "en", [("the quarter", "None", "None")]),
        ("Apple said on Thursday that in the quarter, revenue rose 6%.", "en",
         [("Thursday", "2025-03-06", "2025-03-06"), ("the quarter", "None", "None")]),
        ("Dans l'année, le chiffre d'affaires a progressé de 3 %.", "fr",
         [("l'année", "2025-01-01", "2025-12-31")]),
        ("Sur l’exercice, le bénéfice net a progressé de 8 %.", "fr",
         [("l’exercice", "2025-01-01", "2025-12-31")]),
        ("Les ventes ont reculé de 3 % sur le semestre.", "fr", [("le semestre", "None", "None")]),
        # ... and an English half is then no date: as often a match's.
        ("He scored 20 goals in the half.", "en", []),
        ("During the half, margins improved by 2 points.", "en", []),
    ],
)
def test_a_period_named_alone_is_the_one_named_before(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Not a period of its own: ahead, counted from an event, a year in figures or words, a
        # possessive, a relative clause, an award, a compound.
        ("Analysts expect growth of 3% in the year ahead.", "en", []),
        ("It was the year's best result with $4 billion.", "en", []),
        ("Revenue rose 4% for the year to March, the company said.", "en",
         [("March", "2025-03-01", "2025-03-31")]),
        ("Sales rose 3% in the year through June.", "en", [("June", "2024-06-01", "2024-06-30")]),
        ("Prices have risen 10% in the year since the war began.", "en", []),
        ("In the year the war began, prices rose 10%.", "en", []),
        ("Sales will rise over the year 2025, the company said.", "en",
         [("2025", "2025-01-01", "2025-12-31")]),
        ("It will cost us in the year '17, it is a disaster.", "en", [("'17", "2017-01-01", "2017-12-31")]),
        ("The company lost $3 million in the year two thousand.", "en",
         [("two thousand", "2000-01-01", "2000-12-31")]),
        ("He was named player of the year with 30 goals.", "en", []),
        ("Prices have doubled over the quarter century.", "en", []),
        ("He scored twice in the quarter final.", "en", []),
        ("Net income for the quarter ended Dec. 31 rose 5%.", "en",
         [("the quarter", "2024-10-01", "2024-12-31"), ("Dec. 31", "2024-12-31", "2024-12-31")]),
        ("La croissance devrait atteindre 2 % dans l'année qui vient.", "fr", []),
        ("Le déficit a atteint 5 % sur l'année 2025.", "fr", [("2025", "2025-01-01", "2025-12-31")]),
        ("Le chômage a reculé de 2 % sur l'année glissante.", "fr", []),
        ("Il a été élu joueur de l'année avec 30 buts.", "fr", []),
        ("Un soldat a été blessé pendant l'exercice, a indiqué l'armée.", "fr", []),
        # A period of another pattern stays one date.
        ("Le chômage a baissé de 2 % sur l'année dernière.", "fr",
         [("l'année dernière", "2024-01-01", "2024-12-31")]),
        ("Les ventes ont reculé de 3 % sur le trimestre précédent.", "fr",
         [("trimestre précédent", "2024-10-01", "2024-12-31")]),
    ],
)
def test_a_period_named_alone_is_not_another_period(
    text: str, lang: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # In the sentence after: the last month or longer period named there, not the day the
        # company reported on.
        ("Third-quarter profit rose 12%. In the quarter, sales rose 5%.", "en",
         ("the quarter", date(2024, 7, 1), date(2024, 9, 30))),
        ("Third-quarter profit rose 12%, the company said on Tuesday. In the quarter, sales rose 5%.", "en",
         ("the quarter", date(2024, 7, 1), date(2024, 9, 30))),
        ("Fourth-quarter revenue rose 8%, Apple said Thursday. For the year, revenue rose 3%.", "en",
         ("the year", date(2024, 1, 1), date(2024, 12, 31))),
        ("The Lakers won 110-98 on Tuesday. James scored 15 points in the quarter.", "en",
         ("the quarter", None, None)),
        ("Le bénéfice a progressé de 12 % au troisième trimestre. Sur le trimestre, les ventes ont "
         "crû de 5 %.", "fr", ("le trimestre", date(2024, 7, 1), date(2024, 9, 30))),
        ("Le chômage a reculé en 2023. Sur l'année, il a baissé de 2 %.", "fr",
         ("l'année", date(2023, 1, 1), date(2023, 12, 31))),
        ("Les ventes ont progressé de 5 % au premier trimestre 2024, a annoncé le groupe mardi. Sur le "
         "semestre, elles ont crû de 4 %.", "fr", ("le semestre", date(2024, 1, 1), date(2024, 6, 30))),
    ],
)
def test_a_period_named_alone_takes_the_period_of_the_sentence_before(
    text: str, lang: str, expected: tuple[str, date | None, date | None]
) -> None:
    *_, last = extract(text, lang=lang, published=date(2025, 3, 12))
    assert [(d.text, d.from_, d.to) for d in last.dates] == [expected]

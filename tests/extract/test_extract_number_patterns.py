"""Number patterns of news that the fresh gold (tests/extract/gold/facets_fresh.jsonl) showed,
each with the convention we chose where the issue is silent:

- a range ("between 10 and 15 people", « entre 10 et 15 », "10-15", « de 18 à 24 mois ») is
  two quantities, the low bound `>=` and the high one `<=`, both with the counted noun; a
  multiplier written once applies to both ("between 5 and 7 million" is 5 000 000 and 7 000 000);
- a change ("rose from 2,500 to 4,100", « passe de 3,5 à 4,2 millions ») is two values `=`,
  not a range;
- a score ("beat Rovers 3-1", « s'est imposé 2-0 ») is two counts `=` with no unit;
- "aged 19" and "The suspect, 32," are ages in years (unit `years`; « âgé de 45 ans » keeps
  `ans`); "-8C" is `°C`;
- "four and a half hours" is 4.5 hours, « deux heures et demie » 2.5 heures, "half a cent"
  0.5 cent, "half a million" 500 000;
- a share before a count takes the count's noun ("half of the 300 households": 1/2
  households and 300 households);
- "1.5m subscribers" is 1 500 000 (a plural noun after "m": millions, not metres);
- "several thousand people" is `>` 1000;
- telephone numbers ("0800 555 111", « 0 800 130 000 »), addresses ("42 Maple Street", « au
  12, rue des Lilas »), times of day ("2 a.m.", « vers 3 heures », « 3 heures du matin ») and
  codes before a number ("RN 165", "CAC 40") are not quantities;
- a preposition or adverb after a number is no counted noun (« 6 000 selon les
  organisateurs », "52 to 48 late on Wednesday").

A relative date's count stays a quantity, as before: "two years ago" is also 2 years.
"""

from __future__ import annotations

import pytest

from tests.helpers import found_quantities as facets


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Between 200 and 250 workers walked out.", "en", [(200, ">=", "workers"), (250, "<=", "workers")]),
        ("The works will take 8-10 weeks.", "en", [(8, ">=", "weeks"), (10, "<=", "weeks")]),
        ("The plan costs between 5 and 7 million dollars.", "en",
         [(5e6, ">=", "dollars"), (7e6, "<=", "dollars")]),
        ("Entre 40 et 60 bénévoles sont attendus.", "fr", [(40, ">=", "bénévoles"), (60, "<=", "bénévoles")]),
        ("La subvention ira de 2,5 à 3 millions d'euros.", "fr",
         [(2.5e6, ">=", "euros"), (3e6, "<=", "euros")]),
    ],
)
def test_ranges_are_two_bounds_sharing_multiplier_and_noun(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Membership rose from 1,800 to 2,600 in a year.", "en", [(1800, "=", ""), (2600, "=", "")]),
        ("Ticket prices went up from $12 to $15.", "en", [(12, "=", "dollars"), (15, "=", "dollars")]),
        ("Le plafond passe de 1,5 à 2 millions d'euros.", "fr", [(1.5e6, "=", "euros"), (2e6, "=", "euros")]),
        ("Les effectifs ont grimpé de 120 à 180 agents.", "fr", [(120, "=", "agents"), (180, "=", "agents")]),
    ],
)
def test_a_change_from_one_value_to_another_is_no_range(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("United won 2-0 at home.", "en", [(2, "=", ""), (0, "=", "")]),
        ("It was a 4-2 victory for the visitors.", "en", [(4, "=", ""), (2, "=", "")]),
        ("Nantes a battu Lens 3-1 samedi.", "fr", [(3, "=", ""), (1, "=", "")]),
        # Without a word of the match, a dash between numbers stays a range.
        ("Expect 3-5 days of delays.", "en", [(3, ">=", "days"), (5, "<=", "days")]),
    ],
)
def test_scores_are_two_counts(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A woman aged 67 was rescued.", "en", [(67, "=", "years")]),
        ("The driver, 58, was unhurt.", "en", [(58, "=", "years")]),
        ("Un enfant âgé de 9 ans a disparu.", "fr", [(9, "=", "ans")]),
        ("Lows of -12C are forecast.", "en", [(-12, "=", "°C")]),
        # A list of numbers between commas is no age.
        ("The scores were 7, 8, and 9.", "en", [(7, "=", ""), (8, "=", ""), (9, "=", "")]),
    ],
)
def test_ages_and_attached_temperatures(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The meeting lasted two and a half hours.", "en", [(2.5, "=", "hours")]),
        ("La réunion a duré deux heures et demie.", "fr", [(2.5, "=", "heures")]),
        ("Fares rise by half a cent.", "en", [(0.5, "=", "cent")]),
        ("Half a million people signed.", "en", [(500000, "=", "people")]),
        ("Half of the 40 schools closed.", "en", [(0.5, "=", "schools"), (40, "=", "schools")]),
        ("Le tiers des 90 élus a voté contre.", "fr", [(0.3333, "=", "élus"), (90, "=", "élus")]),
    ],
)
def test_halves_and_shares_of_a_count(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The app has 2.5m users.", "en", [(2.5e6, "=", "users")]),
        ("He cleared a 2m bar.", "en", [(2, "=", "")]),
        ("Several hundred fans waited.", "en", [(100, ">", "fans")]),
        ("A few thousand people came.", "en", [(1000, ">", "people")]),
    ],
)
def test_millions_after_m_and_vague_hundreds(text: str, lang: str, expected: list) -> None:
    got = facets(text, lang)
    assert got[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Call the hotline on 0800 123 456 for help.", "en"),
        ("Appelez le 01 45 67 89 10 en cas de besoin.", "fr"),
        ("Le numéro vert, le 0 805 200 300, est gratuit.", "fr"),
        ("She lives at 17 Oak Avenue with her sister.", "en"),
        ("Le magasin se trouve au 8, boulevard Gambetta.", "fr"),
        ("The alarm went off at 4 a.m. on the ward.", "en"),
        ("Les secours sont arrivés vers 5 heures sur place.", "fr"),
        ("L'accident a eu lieu à 2 heures du matin sur place.", "fr"),
        ("Un bouchon s'est formé sur la RN 12 près de Rennes.", "fr"),
        ("Le CAC 40 a clôturé en baisse.", "fr"),
    ],
)
def test_phones_addresses_times_and_codes_are_no_quantities(text: str, lang: str) -> None:
    assert facets(text, lang) == []


def test_durations_in_hours_stay_quantities() -> None:
    assert facets("Les pompiers ont lutté pendant 5 heures.", "fr") == [(5, "=", "heures")]
    assert facets("The lift fell 20 metres at 3 mph.", "en") == [(20, "=", "metres"), (3, "=", "mph")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ils étaient 900 selon la police.", "fr", [(900, "=", "")]),
        ("The motion passed 61 to 39 late on Monday.", "en", [(61, "=", ""), (39, "=", "")]),
    ],
)
def test_prepositions_are_no_counted_nouns(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A count out of a count takes its noun: "4 of the 9 judges" counts judges.
        ("Only 4 of the 9 board members agreed.", "en", [(4, "=", "members"), (9, "=", "members")]),
        ("Seuls 5 des 30 élus ont voté contre.", "fr", [(5, "=", "élus"), (30, "=", "élus")]),
        # A possessive before the counted noun: the noun it owns.
        ("Nearly half of the region's farms are for sale.", "en", [(0.5, "~", "farms")]),
        # A rank after a verb of ranking; "first" and "second" alone stay no ordinal.
        ("She finished second behind the champion.", "en", [(2, "=", "ordinal")]),
        ("He was the second person to speak.", "en", []),
        # A number after a singular article that counts nothing names a service.
        ("Le 17 a reçu 300 appels dans la nuit.", "fr", [(300, "=", "appels")]),
        ("Les 17 salariés ont été reçus.", "fr", [(17, "=", "salariés")]),
    ],
)
def test_counts_of_counts_possessives_ranks_and_service_numbers(
    text: str, lang: str, expected: list
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A dash between numbers with a unit is a range even near a word of the match.
        ("Shares lost 3-5% after the result.", "en", [(3, ">=", "%"), (5, "<=", "%")]),
        # « augmenter de 5 à 10 % » is by 5 to 10 %: a range; « passer de 7 à 8 % » a change.
        ("Les prix augmenteront de 5 à 10 % en janvier.", "fr", [(5, ">=", "%"), (10, "<=", "%")]),
        ("Le taux est passé de 7 à 8 % en un an.", "fr", [(7, "=", "%"), (8, "=", "%")]),
        # A code before a number with a unit is a party's score, not a name.
        ("Le RN obtient 33 % et le NFP 28 % des voix.", "fr", [(33, "=", "%"), (28, "=", "%")]),
        # Sports distances stay metres; a plural noun after a small "m" is millions.
        ("She won the 400m hurdles final.", "en", [(400, "=", "")]),
        ("About 5m people watched the final.", "en", [(5e6, "~", "people")]),
        # Courts are no street (the justices are what is counted).
        ("The 5 Supreme Court justices met.", "en", [(5, "=", "justices")]),
        ("Elle donne 12 cours de yoga par semaine.", "fr", [(12, "=", "cours")]),
    ],
)
def test_guards_of_the_new_number_rules(text: str, lang: str, expected: list) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hours and minutes: a time of day after « à », « vers », ...; otherwise a duration.
        ("Le train est arrivé à 18h15 en gare.", []),
        ("Vers 7 h 30, le feu a repris.", []),
        ("La batterie tient 3 h 30 en usage normal.", [(3.5, "=", "h")]),
        ("Le match a duré 2h45 au total.", [(2.75, "=", "h")]),
    ],
)
def test_hours_and_minutes(text: str, expected: list) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The counted noun after a few modifiers, or after capitalised words naming a body.
        ("They built three council-run swimming pools.", "en", [(3, "=", "pools")]),
        ("Officials sent 250 Red Cross volunteers.", "en", [(250, "=", "volunteers")]),
        ("La moitié des Bretons ont voté.", "fr", [(0.5, "=", "Bretons")]),
        ("Trois quarts des usines françaises ont fermé.", "fr", [(0.75, "=", "usines")]),
        # A share of a count behind a possessive takes the count's noun.
        ("Half of the county’s 60 bridges need repairs.", "en",
         [(0.5, "=", "bridges"), (60, "=", "bridges")]),
        # A scale before a currency symbol.
        ("Le contrat atteint 320 M€.", "fr", [(3.2e8, "=", "euros")]),
        ("Le plan coûtera 2 Md€.", "fr", [(2e9, "=", "euros")]),
        # Verbs of exceeding are comparators.
        ("La dette dépasse les 110 % du PIB.", "fr", [(110, ">", "%")]),
        ("Sales exceeded 2 million units.", "en", [(2e6, ">", "units")]),
    ],
)
def test_counted_nouns_scales_and_exceeding(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A range with no opener: the unit written once after the high bound.
        ("Forecasters expect 3 to 5 inches of snow.", "en", [(3, ">=", "inches"), (5, "<=", "inches")]),
        ("Comptez 8 à 10 jours de délai.", "fr", [(8, ">=", "jours"), (10, "<=", "jours")]),
        # ... but a change stays two values.
        ("Prices rose 2 to 4 percent.", "en", [(2, "=", ""), (4, "=", "%")]),
        # "one in four", « un sur trois »: one share of what is counted.
        ("About one in five adults smokes.", "en", [(0.2, "~", "adults")]),
        ("Nine out of 10 doctors agree.", "en", [(0.9, "=", "doctors")]),
        ("Moins d’un élève sur dix redouble.", "fr", [(0.1, "<", "élève")]),
        # A unit or a year is no share.
        ("La pièce fait 3 mètres sur 4.", "fr", [(3, "=", "mètres"), (4, "=", "")]),
        ("Three people in 2020 were hurt.", "en", [(3, "=", "people")]),
    ],
)
def test_bare_ranges_and_ratios(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A share with nothing after it, after "by", « de », « d’ ».
        ("Arrests fell by a quarter last year.", "en", [(0.25, "=", "")]),
        ("Le nombre de vols a été divisé par deux, puis réduit de moitié.", "fr",
         [(2, "=", ""), (0.5, "=", "")]),
        ("She came third.", "en", [(3, "=", "ordinal")]),
        # A number naming a class, a rule or a flight is no quantity.
        ("Officials raised the alert to Level 3 for 12 counties.", "en", [(12, "=", "counties")]),
        ("Le gouvernement a recouru à l’article 49 pour la troisième fois.", "fr", [(3, "=", "ordinal")]),
        # A number word after « des » is the count of a share, not its noun.
        ("Deux des sept accusés ont été relaxés.", "fr", [(2, "=", "accusés"), (7, "=", "accusés")]),
        # A preposition is no counted noun; an infinitive of exceeding is a comparator.
        ("Il a été condamné à deux ans, dont un avec sursis.", "fr", [(2, "=", "ans")]),
        ("Le vent pourrait dépasser 120 km/h.", "fr", [(120, ">", "km/h")]),
        ("The central bank cut rates by half a percentage point.", "en",
         [(0.5, "=", "percentage point")]),
        # A count in words before a hyphen and its unit.
        ("Staff will try a four-day week and a two-hour lunch.", "en", [(4, "=", "day"), (2, "=", "hour")]),
        ("A three-year-old boy was found safe.", "en", [(3, "=", "year")]),
    ],
)
def test_shares_codes_and_prepositions(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A currency or a percent written with both bounds: still a range.
        ("It will take a charge of $1.1 billion to $1.4 billion.", "en",
         [(1.1e9, ">=", "dollars"), (1.4e9, "<=", "dollars")]),
        ("Rates of 5% to 7% are common.", "en", [(5, ">=", "%"), (7, "<=", "%")]),
        ("Une amende de 10 000 euros à 20 000 euros.", "fr",
         [(10000, ">=", "euros"), (20000, "<=", "euros")]),
        # ... but not two units, nor a change.
        ("It cut 10 jobs to 12 people.", "en", [(10, "=", "jobs"), (12, "=", "people")]),
        ("Prices rose $10 to $12.", "en", [(10, "=", "dollars"), (12, "=", "dollars")]),
        ("Sales rose 3% to $4 billion.", "en", [(3, "=", "%"), (4e9, "=", "dollars")]),
    ],
)
def test_a_range_with_its_currency_or_percent_on_both_bounds(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A capitalised adjective between the share and its noun; a capitalised plural is the noun.
        ("Nearly one in three American adults uses the drug.", "en", [(1 / 3, "~", "adults")]),
        ("One in three Americans agree.", "en", [(1 / 3, "=", "Americans")]),
        # A share of a pronoun or of « d’entre eux » counts nothing named.
        ("Environ un tiers d’entre eux venaient de loin.", "fr", [(1 / 3, "~", "")]),
        ("La moitié d’entre elles ont voté.", "fr", [(0.5, "=", "")]),
        ("Half of them voted.", "en", [(0.5, "=", "")]),
        ("La moitié d’un budget a été dépensée.", "fr", [(0.5, "=", "budget")]),
        # A preposition after a share with nothing after it is no counted noun.
        ("It will cut the budget by a quarter over the next two years.", "en",
         [(0.25, "=", ""), (2, "=", "years")]),
    ],
)
def test_shares_before_adjectives_pronouns_and_prepositions(
    text: str, lang: str, expected: list[tuple[float, str, str]]
) -> None:
    got = facets(text, lang)
    assert [(round(v, 4), c, u) for v, c, u in got] == [(round(v, 4), c, u) for v, c, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # « il y a un an »: the article is the count of the relative date, as « deux » would be.
        ("Le chômage était de 7,4 % il y a un an.", [(7.4, "=", "%"), (1, "=", "an")]),
        ("Il est parti il y a une semaine.", [(1, "=", "semaine")]),
        ("Il y a un homme devant la porte.", []),
    ],
)
def test_one_before_a_relative_unit_after_il_y_a_is_a_count(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A compound adjective after "of": the noun after it is counted.
        ("Roughly two-thirds of long-distance trains arrived on time.", [(0.6667, "~", "trains")]),
        # A fraction written with a hyphen needs nothing after it; the ellipsis counts nothing named.
        ("It was nearly three-quarters in 2019.", [(0.75, "~", "")]),
        # A conjunction after a number is no counted noun.
        ("At least 23 people were killed and more than 100 injured when a train derailed.",
         [(23, ">=", "people"), (100, ">", "")]),
    ],
)
def test_compounds_after_of_hyphenated_fractions_and_conjunctions(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time of day written with a colon is no quantity, nor either of its numbers.
        ("The polls closed at 22:30 and the last ballot was cast at 2:30.", []),
        ("As of 15:11 GMT the site was back.", []),
        # ... but a ratio keeps its first term.
        ("Shareholders approved a 3:1 split.", [(3.0, "=", "")]),
        # A result between two names, or one that runs downwards, is a score: two counts.
        ("Group G: Tunisia 1 – 2 England", [(1.0, "=", ""), (2.0, "=", "")]),
        ("The first half ended 0 – 0.", [(0.0, "=", ""), (0.0, "=", "")]),
        ("The goal put Sweden 1 – 0 up.", [(1.0, "=", ""), (0.0, "=", "")]),
        ("Between 10-20 people were hurt.", [(10.0, ">=", "people"), (20.0, "<=", "people")]),
        # No adverb or participle is the counted noun.
        ("The crash killed all six aboard.", [(6.0, "=", "")]),
        ("Two teams came, one national and one made up of refugees.", [(2.0, "=", "teams"), (1.0, "=", "")]),
    ],
)
def test_times_scores_and_words_that_count_nothing(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count right before a people's name in the plural counts them.
        ("Il s'agit de deux Polonais et de deux Russes.", [(2.0, "=", "Polonais"), (2.0, "=", "Russes")]),
        ("145 000 Philippins ont dû être évacués.", [(145000.0, "=", "Philippins")]),
        # ... not a name that is no people's.
        ("Huit Canadair ont décollé de Marignane.", [(8.0, "=", "")]),
    ],
)
def test_a_count_before_a_people(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "fr") == expected

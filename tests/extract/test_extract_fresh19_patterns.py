"""Speaker, number and date patterns that the nineteenth fresh gold
(tests/extract/gold/facets_fresh19.jsonl, whole English articles in wire, Westminster, earnings,
science and sport style) showed, each with what a sloppy rule would take instead:

- "Councilmember Ray Dillard", "Assemblymember ...": titles of the fullest name;
- "Delmar said" after "Delmar Chemical": "Chemical(s)" closes a company's name;
- "aged 60 or older", "and younger": comparators after the number;
- "Game 5 is Friday": a label, no quantity;
- "A Downing Street spokesman said", "a Treasury source said": the unnamed person of that body,
  not the body ("Downing Street said" stays the body), with or without a quote;
- "Republican Sen. Carla Hughes voted ..., saying": the party is no part of the subject;
- "will cancel 1,300 flights in March": a comma between digits is no clause edge for the tense;
- "expects ... in fiscal 2027. Second-quarter income fell": a past clause's quarter does not
  start after publication;
- "Game 5 is Friday", "The funeral is on Saturday": a present copula before a weekday looks
  ahead ("The vote was Friday", "He is Monday's hero" do not);
- "according to NHS England data": the author's name before its document, with no article;
- "38 Labour MPs", "12 CEOs": plural initials are counted nouns;
- "the MoD said" after "the Ministry of Defence": a mixed-case acronym, spelled out with its
  linking word;
- "CHICAGO (AP) — Kenya’s Ruth Chepkemoi won ...": a dateline's dash opens the sentence, so
  the country's possessive is no part of her name;
- "Professor Helen Ashby of the University of Oxford called": the person, not the university;
- "according to the families’ lawyer, Denise Carter": the person in apposition;
- "A senior federal official who spoke on condition of anonymity ... said": the office before
  its relative clause;
- "after a neighbor reported ..., Police Chief Andre Whitlock told reporters": the main
  clause's speaker, not the subordinate clause's;
- "Work and Pensions Secretary David Amis": a portfolio of words joined by "and";
- "..., the report found.": a document closing the sentence, for its author named before;
- "Dr. Tomas Eriksen, an oceanographer at ... who was not involved in the study, said": an
  apposition of up to 16 words.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import found_quantities as facets
from tests.helpers import speaker_of


def _dates(text: str, fragment: str, published: date) -> list[tuple[str, str]]:
    """(first day, last day) of every date of the claim holding `fragment`."""
    from claims.extract import extract

    claims = [c for c in extract(text, lang="en", published=published) if fragment in c.text]
    assert claims, fragment
    return [(str(d.from_), str(d.to)) for d in claims[0].dates]


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # local titles
        ("Councilmember Dana Ortiz voted against the levy. She said it was too steep.", "it was too steep",
         "Councilmember Dana Ortiz"),
        ("Assemblymember Rick Tan said the bill would pass.", "bill would pass",
         "Assemblymember Rick Tan"),
        # a company's closing word
        ("Harlan Chemicals will close its plant in Ohio.\n\nHarlan said the site had lost money.",
         "had lost money", "Harlan Chemicals"),
        ("Tom Harlan founded a shop.\n\nHarlan said the shop had lost money.", "had lost money",
         "Tom Harlan"),
        # a name then the unnamed person of that body
        ("A Kremlin spokesman said the talks would resume.", "talks would resume", "Kremlin spokesman"),
        ("A Home Office official said the rules would change in spring.", "rules would change",
         "Home Office official"),
        ("A Treasury source told reporters that no decision had been taken.", "no decision",
         "Treasury source"),
        ("Downing Street said the talks would resume.", "talks would resume", "Downing Street"),
        # a party before the subject of a speech participle
        ("Democratic Rep. Ann Cole opposed the plan, saying it was rushed.", "opposed the plan",
         "Rep. Ann Cole"),
        ("The Labour Party opposed the plan, saying it was rushed.", "opposed the plan", "Labour Party"),
        # a document's author with no article
        ("According to Met Office data, the month was the wettest on record.", "wettest on record",
         "Met Office"),
        ("According to official figures, the month was the wettest on record.", "wettest on record",
         "official"),
        # a mixed-case acronym
        ("The Department for Transport (DfT) will review the line. The DfT said it would report in May.",
         "would report", "Department for Transport"),
        ("The MoJ said the prison was full.", "prison was full", "MoJ"),
        # a dateline's dash opens the sentence
        ("NAIROBI (AP) — Uganda’s Joshua Kiprop won the race in record time.\n\n"
         "“It was a dream,” the 24-year-old told reporters.", "It was a dream", "Joshua Kiprop"),
        # the person before "of" and an organisation
        ("Dr. Ines Moreau of the Pasteur Institute said the vaccine was safe.", "vaccine was safe",
         "Dr. Ines Moreau"),
        ("The governor of the Bank of Canada said rates would hold.", "rates would hold", "Bank of Canada"),
        # the person in apposition after a cue's common noun
        ("The fine was cut, according to the club’s lawyer, Marc Dubois.", "fine was cut", "Marc Dubois"),
        ("The fine was cut, according to their lawyer, Marc Dubois, who spoke outside.", "fine was cut",
         "Marc Dubois"),
        ("The fine was cut, according to the agency, which gave no figure.", "fine was cut", "agency"),
        # a singular office before a relative clause
        ("An airline executive who asked not to be identified because the talks were private said "
         "the order would be cut.", "order would be cut", "airline executive"),
        ("The man who robbed the store said nothing.", "robbed the store", "store"),
        # the main clause's speaker after a subordinate clause's verb
        ("The road was closed before a driver reported smoke, fire chief Ana Ruiz told reporters.",
         "road was closed", "Ana Ruiz"),
        ("When the mayor announced the cuts, the union said it would strike.", "would strike", "union"),
        ("After the mayor announced the cuts, prices rose.", "prices rose", "mayor"),
        # a portfolio of words joined by "and"
        ("Health and Social Care Secretary Ruth Dale said waiting lists would fall.", "lists would fall",
         "Health and Social Care Secretary Ruth Dale"),
        ("Culture, Media and Sport Secretary Ian Holt said the bid was strong.", "bid was strong",
         "Culture, Media and Sport Secretary Ian Holt"),
        ("Tom Reece and Health Secretary Ann Moss said the plan would work.", "plan would work",
         "Health Secretary Ann Moss"),
        # a document closing the sentence stands for its author named before
        ("The ombudsman said the council had failed residents, in a report on Monday.\n\n"
         "Complaints had doubled since 2022, the report found.", "Complaints had doubled", "ombudsman"),
        ("The ombudsman said the council had failed residents, in a report on Monday.\n\n"
         "Complaints had doubled since 2022, the mayor found.", "Complaints had doubled", None),
        # a long apposition
        ("Dr. Lena Park, a geologist at the University of Iceland who has studied the volcano for two "
         "decades, said an eruption was likely.", "eruption was likely", "Dr. Lena Park"),
    ],
)
def test_speaker_patterns(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "en", fragment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trial enrolled 4,000 adults aged 65 or older.", [(4000, "=", "adults"), (65, ">=", "years")]),
        ("Children aged 12 and younger ride free.", [(12, "<=", "years")]),
        ("Game 7 is on Sunday.", []),
        ("Game 7 drew 19,000 fans.", [(19000, "=", "fans")]),
        ("Some 45 Conservative MPs signed the letter.", [(45, "~", "MPs")]),
        ("The firm has hired 3 CEOs since 2020.", [(3, "=", "CEOs")]),
    ],
)
def test_number_patterns(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert facets(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "fragment", "published", "expected"),
    [
        # a comma between digits is no clause edge
        ("The carrier will cut 2,400 flights in April.", "2,400 flights", date(2026, 2, 12),
         [("2026-04-01", "2026-04-30")]),
        ("The carrier cut 2,400 flights in April, and will add more.", "2,400 flights", date(2026, 2, 12),
         [("2025-04-01", "2025-04-30")]),
        # a past clause's quarter does not start after publication
        ("The company expects growth in fiscal 2027.\n\nThird-quarter sales fell 4%.", "sales fell",
         date(2026, 11, 20), [("2026-07-01", "2026-09-30")]),
        ("Sales rose 8% in 1997.\n\nMost of the gain came in the second half.", "Most of the gain",
         date(1998, 2, 10), [("1997-07-01", "1997-12-31")]),
        # a present copula before a weekday looks ahead
        ("The funeral is on Saturday.", "funeral", date(2026, 5, 14), [("2026-05-16", "2026-05-16")]),
        ("The deadline is Monday.", "deadline", date(2026, 5, 14), [("2026-05-18", "2026-05-18")]),
        ("The vote was Friday.", "vote", date(2026, 5, 14), [("2026-05-08", "2026-05-08")]),
        ("He is Monday's hero.", "hero", date(2026, 5, 14), [("2026-05-11", "2026-05-11")]),
    ],
)
def test_date_patterns(text: str, fragment: str, published: date, expected: list[tuple[str, str]]) -> None:
    assert _dates(text, fragment, published) == expected

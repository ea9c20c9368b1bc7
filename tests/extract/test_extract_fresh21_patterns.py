"""Speaker patterns that the twenty-first fresh gold (tests/extract/gold/facets_fresh21.jsonl,
whole English articles of US politics, international wire, tech and business, court reporting
and features) showed, each with what a sloppy rule would take instead:

- "Younger residents, he said, are leaving": a pronoun and its speech verb between commas
  inside the sentence (not "the man she said was her brother", with no comma);
- "An Egyptian official told ...": an indefinite article opening an office is no part of it;
- "China accused ..." after "the South China Sea": a name going on with a place's or an
  organisation's head is another name, no fuller form;
- "House Speaker", "Senate Majority Leader", "Majority Whip", "U.N. Secretary-General":
  titles and their portfolios;
- "Lumora said" after "Lumora Systems": "Systems", "Software", "Labs" close a company's name;
- "She reminded jurors that": a speech verb;
- "South Korea’s military said", "Japan’s foreign ministry said": the owner's office, not the
  owner ("Seoul’s lawyers argued" stays as it was);
- "the people said" after "people familiar with the matter": the same source;
- words quoted inside a sentence that reports speech before them are its speaker's, not the
  previous quote's; with two speech verbs before the quote, who reports it all;
- "the Joint Chiefs of Staff": "Chiefs" heads an organisation;
- "State news agency KCNA reported": an office after two nouns, or after a capitalised noun
  opening the sentence, then its name;
- "Rep. X, R-La., said": a party and state label with a period in an apposition;
- ", which analysts said reflected relief": a plural subject after "which";
- '“...,” she said' after "the Dry Fork power plant announced ..., Carla Benson was driving":
  a name after "the" qualifying a lowercase noun is no person a pronoun stands for (nor is an
  organisation, "the Harlow Town Council", as before);
- "The witness conceded": the person the article says testified (lexicon role_verbs), else
  the noun as written;
- "Western diplomats said": a capitalised adjective of the lexicon before a plural subject
  ("Mark Western said" stays a person);
- "the U.N. refugee agency": a dotted acronym before an office;
- '“...,” KCNA said': an acronym between a quote and its verb;
- "The government in Port Moresby called": the office, not the city it sits in;
- "... in Papua New Guinea, he noted.": the pronoun is the subject, not the name before it;
- "accused ... of", "put it simply": speech verbs; "dismissed the report as “...”", "rejected
  the plan as a giveaway": speech when "as" and what it is called follow (not "dismissed the
  case", "rejected the plan in May as costs rose", "as expected");
- "Morrison said ... Feeney was not persuaded. She said": the person opening the sentence just
  before, when it reports nothing;
- '“...” / Those were the words of Rep. X': a quote given its speaker by the next sentence;
- "A poll released Thursday by Saint Anselm College showed": a document opening the clause
  with its author after "by" and a verb of findings (not "A poll of 900 voters showed").
"""

from __future__ import annotations

import pytest

from tests.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        # a pronoun and its verb between commas
        ("Chief Nora Beck toured the site. The levee, she said, would hold until Friday.",
         "would hold until Friday", "Chief Nora Beck"),
        ("Tom Reilly runs the mill. Prices, he noted, had doubled since spring.", "had doubled",
         "Tom Reilly"),
        ("The woman she said was her sister left the hall before noon.", "left the hall", None),
        # an indefinite article before an office
        ("The talks resumed in Doha. An Iraqi official told Reuters that a deal was near.",
         "a deal was near", "Iraqi official"),
        ("Crews left at dawn. An agency spokeswoman said the road would reopen.", "road would reopen",
         "agency spokeswoman"),
        # a name going on with a head is another name
        ("Ships crowded the Black Sea Fleet's harbour.\n\nBlack warned the port would close.",
         "port would close", "Black"),
        ("Storms hit the Gulf of Oman. Oman said its ports would reopen on Monday.",
         "ports would reopen", "Oman"),
        # titles and portfolios
        ("Senate Minority Leader Ruth Adler told reporters the vote would fail.", "vote would fail",
         "Senate Minority Leader Ruth Adler"),
        ("House Majority Whip Dan Ortega said the bill had the votes.", "had the votes",
         "House Majority Whip Dan Ortega"),
        ("U.N. Secretary-General Mara Lind said the truce was holding.", "truce was holding",
         "U.N. Secretary-General Mara Lind"),
        # a company's closing word
        ("Orbiton Software missed its targets.\n\nOrbiton said sales fell in Asia.", "sales fell",
         "Orbiton Software"),
        ("Kai Orbiton sold his stake.\n\nOrbiton said he had no regrets.", "no regrets", "Kai Orbiton"),
        # "reminded"
        ("Judge Ana Ruiz reminded jurors that the burden was on the state.", "burden was on the state",
         "Judge Ana Ruiz"),
        # an owner's office
        ("Turkey’s navy said two ships had been seized off its coast.", "two ships", "Turkey’s navy"),
        ("Canada’s finance ministry said the deficit would narrow.", "deficit would narrow",
         "Canada’s finance ministry"),
        ("Greenpeace blocked the port, Norway’s coast guard said.", "blocked the port",
         "Norway’s coast guard"),
        # the same unnamed source
        ("The bank will sell its unit, according to people close to the talks.\n\n"
         "A sale could close in June, the people said.", "could close in June", "people close to the talks"),
        # words quoted in a sentence that reports speech
        ("“We are done talking,” Mayor Li Wen said.\n\n"
         "The transit authority said in a notice that fares were “under review” for now.",
         "under review", "transit authority"),
        ("Sen. Paul Reyes told reporters that the budget chief had told him cuts were “off the table.”",
         "off the table", "Sen. Paul Reyes"),
        # an organisation headed by "Chiefs"
        ("The drills ended early, the Joint Chiefs of Staff said.", "drills ended early",
         "Joint Chiefs of Staff"),
        # an office after two nouns, then its name
        ("The state broadcaster agency NHK reported that the quake was felt in Tokyo.", "felt in Tokyo",
         "NHK"),
        ("State news agency SANA reported that the border had reopened.", "border had reopened", "SANA"),
        # a party and state label with a period
        ("Rep. Lena Ortiz, D-N.M., said the mine should close.", "mine should close", "Rep. Lena Ortiz"),
        ("Sen. Kyle Dunn, R-Ga., told reporters the vote was close.", "vote was close", "Sen. Kyle Dunn"),
        # a capitalised adjective before a plural subject
        ("Talks stalled. European diplomats said a deal was unlikely before June.", "deal was unlikely",
         "European diplomats"),
        # a dotted acronym before an office
        ("Food prices rose 4%, according to the U.N. food agency.", "Food prices rose",
         "U.N. food agency"),
        # an acronym after a quote
        ("Officials met in Pyongyang. The leader said the army would grow “without pause,” KCNA said.",
         "without pause", "KCNA"),
        # an office in a place
        ("The council in Bay City called the plan “a waste of money.”", "waste of money", "council"),
        # a pronoun right before the verb
        ("Dana Cole heads the clinic. Most patients come from Fort Worth, she said.",
         "Most patients come", "Dana Cole"),
        # "accused", "put it simply"
        ("Critics accused the governor of hiding the report.", "hiding the report", "Critics"),
        ("The minister, Ana Sousa, put it simply: “We cannot pay.”", "cannot pay", "Ana Sousa"),
        ("The accused denied the charges on Monday.", "denied the charges", "accused"),
        # "dismissed ... as", "rejected ... as": speech when what it is called follows
        ("Its spokesman, Ali Rahimi, dismissed the claims as “baseless.”", "baseless", "Ali Rahimi"),
        ("Mayor Tom Hale rejected the plan as a giveaway to developers.", "giveaway", "Mayor Tom Hale"),
        ("The judge dismissed the case on Monday.", "dismissed the case", None),
        ("The board rejected the plan in May as costs rose.", "as costs rose", None),
        ("Voters rejected the measure as expected.", "as expected", None),
        # "the witness": the person the article says testified
        ("“I saw the car,” testified Maria Lopes, a nurse. The defense lawyer, Tom Ward, pressed her. "
         "The witness said the light was red.", "light was red", "Maria Lopes"),
        ("Paul Grant testified for two hours. His lawyer, Ann Cole, objected twice. "
         "The witness told jurors he had never met the buyer.", "never met the buyer", "Paul Grant"),
        ("The witness told jurors the light was red.", "light was red", "witness"),
        # a name qualifying a noun after "the" is no person a pronoun stands for
        ("When the Blue Ridge paper mill shut, Ellen Marsh lost her job.\n\n"
         "“I cried for a week,” she said.", "cried for a week", "Ellen Marsh"),
        ("The vote of the Harlow Town Council angered Tom Reese, a farmer.\n\n"
         "“We had no idea,” he said.", "no idea", "Tom Reese"),
        # a plural subject after "which" and a comma
        ("The levy passed, which economists said would slow hiring.", "slow hiring", "economists"),
        ("The plan, which voters rejected, was revived in May.", "was revived", None),
        # a document opening the clause with its author after "by"
        ("A survey published Monday by the Pew Research Center found that trust had fallen.",
         "trust had fallen", "Pew Research Center"),
        ("A study by Dr. Ines Moreau showed that the drug cut relapses.", "cut relapses",
         "Dr. Ines Moreau"),
        ("A poll of 900 voters showed the mayor in the lead.", "in the lead", None),
        ("A man hit by a car was taken to hospital on Friday.", "taken to hospital", None),
        # a person opening the sentence before a pronoun
        ("Dr. Omar Haddad said the clinic would stay open. Nurse Jill Park was not convinced. "
         "She said staff had not been paid since May.", "not been paid", "Jill Park"),
        ("Dr. Omar Haddad said the clinic would stay open. He said staff would be paid in May.",
         "paid in May", "Dr. Omar Haddad"),
        # a quote given its speaker by the next sentence
        ("“We will not leave this valley.”\n\nThose were the words of Mayor Rosa Diaz, speaking "
         "to a crowd on Sunday.", "leave this valley", "Mayor Rosa Diaz"),
        ("“We will not leave this valley.”\n\nThe crowd cheered as the mayor left the stage.",
         "leave this valley", None),
    ],
)
def test_speaker_patterns(text: str, fragment: str, expected: str | None) -> None:
    assert speaker_of(text, "en", fragment) == expected

"""The patterns that find speakers, built once per language from its lexicon.

A person is a run of capitalised words, with initials and particles, after up to three titles
(« le général Paul Bernard », "Gen. Smith"); an organisation or office needs a head word from
the lexicon ("Department of Energy", « la préfecture », "the company"); speech verbs, source
cues ("selon", "according to"), pronouns and one-word subjects ("Microsoft said") complete it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claims.extract import lexicons

__all__ = ["SpeakerPatterns", "patterns_for"]

_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒÁÍÓÚÑ"
# (not « L’opposition », « D’autres »: an elided article before a common noun)
_NAME_WORD = rf"(?![LD]['’][a-zà-ÿœæ])[{_UPPER}](?:[\w’'\-]|&(?=[{_UPPER}]))*\w"  # (and "AT&T")
_INITIAL = rf"[{_UPPER}]\.(?:-?[{_UPPER}]\.)*"  # "J.", "J.-P.", "U.S."
_PLACE_ABBREVIATION = rf"(?:St|Ste|Mt|Ft)\.(?=\s+[{_UPPER}])"  # "St. Paul Mayor Ann Ruiz"
# "Acme Corp. said", "the Justice Dept. said", "Martin Luther King Jr. said": a name's last word
# abbreviated, its period part of it
_ABBREVIATED_END = r"(?:Corp|Inc|Co|Cos|Ltd|Bros|Dept|Assn|Jr|Sr)\.(?![\w.])"


# Words that follow an office without qualifying it: « le groupe a Altéa » is no name.
_NOT_ADJECTIVE = (
    "a|à|au|aux|et|ou|dont|qui|que|en|est|sont|avait|de|du|des|d|pour|par|sur|chez|avec|and|or|which"
    "|who|that|has|had|is|was|in|on|at|to|of|for|by|with|from"
    "|within|inside|outside|among|across|behind|under|over|into|through|near|around|against|between"
    "|during|after|before|since|like|called|known|named"
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class SpeakerPatterns:
    speaker: re.Pattern[str]
    speech_verb: re.Pattern[str]
    source_cue: re.Pattern[str]
    pronoun_after: re.Pattern[str]
    not_names: frozenset[str]
    title_words: frozenset[str]
    title_modifiers: frozenset[str]
    title_of: frozenset[str]
    title_office: re.Pattern[str]
    lone_name: re.Pattern[str]
    participle: re.Pattern[str]
    common_subject: re.Pattern[str]
    common_after: re.Pattern[str]
    common_of_name: re.Pattern[str]
    anaphor_subject: re.Pattern[str]
    function_words: frozenset[str]
    agent: re.Pattern[str]
    org: re.Pattern[str]
    org_words: frozenset[str]
    pronoun_subject: re.Pattern[str]
    name_words: re.Pattern[str]
    subject: re.Pattern[str]
    titles_capitalised: bool
    honorifics: frozenset[str]
    pronoun_cue: re.Pattern[str]
    pronoun_cue_inside: re.Pattern[str]
    opinion: re.Pattern[str]
    opinion_cue: re.Pattern[str]
    opinion_first: frozenset[str]
    titled: re.Pattern[str]
    noun_after: re.Pattern[str]
    past_verb: re.Pattern[str]
    on_source: re.Pattern[str]
    document: re.Pattern[str]
    document_name: re.Pattern[str]
    named_office: re.Pattern[str]
    same_source: re.Pattern[str]
    place_after: re.Pattern[str]
    adjective_name: re.Pattern[str]


@cache
def patterns_for(lang: str) -> SpeakerPatterns:
    lex: dict[str, Any] = lexicons.load(lang)
    titles = lexicons.alternation(lex["titles"])
    plain_titles = lexicons.alternation(t for t in lex["titles"] if t not in lex.get("honorifics", []))
    # An English title as the article gives it: its portfolio before it ("Police Chief",
    # "Defense Secretary", "U.S. Attorney") and its department after it ("Secretary of State").
    if lex.get("title_modifiers"):
        # (an acronym is a portfolio too: "FAA Administrator", "EPA Director")
        titles = (
            rf"(?:(?:(?:{_alternation(lex['title_modifiers'])}|[A-Z]{{2,5}}(?![\w.]))\s+){{1,2}}(?=[{_UPPER}]))?"
            rf"(?:{titles})"
        )
    if lex.get("title_of"):
        titles = rf"{titles}(?:\s+(?:{_alternation(lex['title_of'])})\s+(?:the\s+)?{_NAME_WORD})?"
    particles = _alternation(lex["name_particles"])
    name_seq = (
        rf"(?:{_PLACE_ABBREVIATION}|{_NAME_WORD}|{_INITIAL})"
        # (and "Procter & Gamble"; two particles: « les Amis de la Terre », "van der Berg")
        rf"(?:\s+(?:(?:(?:{particles}|&)\s+){{1,2}}|(?:{particles})(?=[{_UPPER}]))?"
        rf"(?:{_ABBREVIATED_END}|{_NAME_WORD}|{_INITIAL}))*"
    )
    # A title before the name is kept (it is how the article names the person: "lieutenant
    # Thomas"); the article before the title is not.
    articles = lexicons.alternation(lex["articles"])
    # « le député socialiste Arnaud Vidal », « le président américain »: an adjective after a title.
    title_adjective = ""
    if lex.get("title_adjective_endings"):
        endings = _alternation(lex["title_adjective_endings"])
        title_adjective = rf"(?:\s+[a-zà-ÿœæ][\w\-]*(?:{endings})(?![\w\-]))?"
    # « le président de l’Assemblée nationale Étienne Marchal », « le président du conseil
    # régional Jean Dupont »: what the title heads (one capitalised word or an office noun, and
    # its adjective) between the title and the name.
    title_complement = ""
    if lex.get("title_complements"):
        endings = _alternation(lex.get("organisation_adjective_endings", []) or ["(?!x)x"])
        headed = lexicons.alternation(lex.get("office_nouns", []) or ["(?!x)x"])
        title_complement = (
            rf"(?:\s+(?:{_alternation(lex['title_complements'])})(?:\s+|(?<=['’]))"
            rf"(?:{_NAME_WORD}|(?:{headed})(?![\w\-]))"
            # (a name of two words at least after it: not « PDG de HP France, »)
            rf"(?:\s+[a-zà-ÿœæ][\w\-]*(?:{endings})(?![\w\-']))?(?=\s+{_NAME_WORD}\s+[{_UPPER}]))?"
        )
    speaker = re.compile(
        rf"(?:(?<!\w)(?:{articles})\s*)?"
        rf"(?P<name>(?:(?:{titles}){title_adjective}{title_complement}\s+){{0,3}}(?P<core>{name_seq}))"
    )
    verb_list = lexicons.speech_verbs(lex)
    verbs = lexicons.alternation(verb_list, fold_first=False)
    # A capitalised verb opens its sentence or clause ("Asked about it, Lee said"); after a word
    # it is a name ("the United States", "Reported Missing"), no speech.
    capitalised = lexicons.alternation((v[:1].upper() + v[1:] for v in verb_list), fold_first=False)
    # ("an estimated 300": an adjective, no speech; « a déclaré » is a verb)
    not_after = "".join(rf"(?<!\b{re.escape(w)} )" for w in lex.get("speech_verb_not_after", []))
    # "conceded defeat", « a reconnu sa défaite »: an act, where the same verb before a clause
    # ("conceded that ...") is speech.
    acts = lex.get("speech_verb_act_objects", [])
    not_before = rf"(?![ \u00a0]+(?:{lexicons.alternation(acts)})(?![\w]))" if acts else ""
    # "dismissed the report as “politically motivated”": a verb that is speech only when "as"
    # and what it is called follow its object (not "dismissed the case")
    as_verbs = lex.get("as_speech_verbs", [])
    as_speech = (
        rf"|(?:{lexicons.alternation(as_verbs, fold_first=False)})"
        rf"(?=(?:[ \u00a0]+[\w’'\-]+){{1,4}}[ \u00a0]+as[ \u00a0]+(?:[“\"«]|an?[ \u00a0]"
        rf"|(?!(?:expected|predicted|planned|scheduled|promised|agreed|intended|required|usual|well)"
        rf"(?![\w\-]))"
        rf"[a-z]+(?:ed|al|ous|ive|ful|ic|less|ble|ary|ist|ish|ly|ing)(?![\w\-])))"
        if as_verbs else ""
    )
    speech_verb = re.compile(
        rf"(?<![\w-]){not_after}(?:{verbs}|(?<![\w’'][ \u00a0])(?:{capitalised}){as_speech})"
        rf"(?![\w]){not_before}"
    )
    source_cue = re.compile(rf"(?<![\w-])(?:{lexicons.alternation(lex['source_cues'])})(?![\w])")
    pronouns = lexicons.alternation(lex["pronoun_speakers"])
    pronoun_after = re.compile(rf"(?<![\w])(?:{pronouns})(?![\w])")
    title_words = frozenset(word for title in lex["titles"] for word in title.replace(".", "").split())
    agent = re.compile(rf"(?<![\w-])(?:{_alternation(lex.get('agent_markers', ['by']))})\s+")
    # Organisations and offices: "the Department of Energy", "Centers for Disease Control and
    # Prevention", "la préfecture", "le porte-parole du ministère", "l’Organisation mondiale de
    # la santé". A head word from the lexicon is required, so people never match here.
    heads = _alternation(lex.get("organisation_heads", []) or ["(?!x)x"])
    connectors = _alternation(lex.get("organisation_connectors", []) or ["(?!x)x"])
    offices = lexicons.alternation(lex.get("office_nouns", []) or ["(?!x)x"])
    complements = _alternation(lex.get("office_complements", []) or ["(?!x)x"])
    lower = r"[a-zà-ÿœæ][\w\-]*(?:[’']s\s+[a-zà-ÿœæ][\w\-]*)?"  # also "the mayor’s office"
    cap_seq = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*"
    # "the finance ministry", "local police"; « les autorités locales », « la police municipale ».
    # ("the secretary of state’s office": an office's holder before its possessive)
    modifier = (
        rf"(?:(?<![\w’'\-])[a-z][\w\-]*\s+of\s+(?=[a-z][\w\-]*[’']s\s))?"
        rf"(?:(?<![\w’'\-])(?!(?:{_alternation(lex['counted_noun_skip'])})\s)(?:{lower}|(?<=\s){_NAME_WORD}"
        # ("the U.N. refugee agency": a dotted acronym)
        rf"|(?<=\s)(?:[{_UPPER}]\.){{2,3}})"
        rf"(?:[’']s)?\s+){{0,2}}"
        if lex.get("office_modifiers") else ""
    )
    adjective_endings = lex.get("office_adjective_endings", [])
    adjective = ""
    # (« l'armée turque », « la police belge »: a nationality after the office, in lowercase)
    nationalities = [d.lower() + end for d in lex.get("demonyms", []) for end in ("", "s")]
    nationality = rf"|(?:{_alternation(nationalities)})" if nationalities else ""
    if adjective_endings:
        adjective = (
            rf"(?:\s+(?:[a-zà-ÿœæ][\w\-]*(?:{_alternation(adjective_endings)}){nationality})(?![\w\-]))?"
        )
    org_endings = lex.get("organisation_adjective_endings", [])
    # « le Conseil constitutionnel », « de la recherche scientifique »: an adjective after a noun.
    # (« l’Office antistupéfiants (Ofast) »: any word between a head and the acronym it spells)
    org_adjective = (
        rf"(?:\s+[a-zà-ÿœæ][\w\-]*(?:{_alternation(org_endings)})(?![\w\-'])"
        rf"|\s+[a-zà-ÿœæ][\w\-]*(?=\s+\([{_UPPER}][\w\-]*\)))?" if org_endings else ""
    )
    # « la classe politique française a violemment réagi »: adjectives after a common subject,
    # an adverb after its auxiliary.
    subject_adjectives = (
        rf"(?:\s+[a-zà-ÿœæ][\w\-]*(?:{_alternation(org_endings)})(?![\w\-'])){{0,2}}" if org_endings else ""
    )
    # "Securities and Exchange Commission", « Agence de l’environnement et de la maîtrise ... »
    joins = _alternation(lex.get("organisation_name_joins", []) or ["(?!x)x"])
    head_org = (
        # ("the Australian Workers’ Union": a plural possessive inside the name)
        rf"(?:(?:{_NAME_WORD}(?:(?<=s)[’'](?=\s))?|(?:[{_UPPER}]\.){{2,3}})\s+(?:(?:{joins})\s+(?=[{_UPPER}]))?){{0,5}}"
        rf"(?:{heads})(?![\w\-]){org_adjective}"
        rf"(?:\s+{lower}(?=\s+(?:{connectors})\s))?"
        rf"(?:\s+(?:{connectors})\s*(?:the\s+)?(?:{cap_seq}|{lower}){org_adjective})*"
    )
    # "a person familiar with the matter", "people close to the talks": an unnamed source and
    # what it knows of, whole.
    familiar = (
        rf"(?:{lexicons.alternation(lex['familiar_sources'])})\s+(?:the\s+)?{lower}(?![\w\-])"
        if lex.get("familiar_sources") else "(?!x)x"
    )
    # "its spokesman", « son porte-parole »: the possessive is no more part of it than an article.
    possessives = "".join(rf"|{re.escape(w)}\s" for w in lex.get("possessives", []))
    # "the spokesperson for the Ministry of Defence", « le porte-parole du ministère de
    # l’Intérieur »: an office, then up to three complements.
    org = re.compile(
        rf"""(?x)(?:(?<!\w)(?:{articles}|the|The{possessives})\s*)?(?P<org>
            {head_org}
          | {familiar}
          | {modifier}(?:{offices})(?![\w\-]){adjective}
                (?:\s+(?:{complements})\s*(?:the\s+)?(?:{cap_seq}|{lower}(?:\s+(?:{offices})(?![\w\-]))?){org_adjective}){{0,3}}
        )"""
    )
    pronoun_subject = re.compile(
        rf"[\s«“\"]*(?:(?:{lexicons.alternation(lex.get('clause_joins', []) or ['(?!x)x'])}),?\s+)?"
        rf"(?:{pronouns})(?:\s+[a-zà-ÿ’']+){{0,2}}\s+",
        re.I,
    )
    # (with the particles inside a name: "Yann de Kerlan" is the fuller form of "De Kerlan")
    name_words = re.compile(
        rf"(?:(?<![\w’'\-])(?:{_NAME_WORD}|{_INITIAL}|(?:{titles})|{_NAME_WORD}\s+(?:{particles})(?=\s+(?:[{_UPPER}]|$)))\s+)+$"
    )
    auxiliaries = _alternation(lex.get("subject_auxiliaries", []) or ["(?!x)x"])
    subject = re.compile(  # "Microsoft said", "La SNCF a annoncé": a one-word subject
        # (or a name of a few words opening the clause: "Alzheimer’s Research UK said")
        rf"[\s«“\"]*(?:(?:{articles}|the|The|Le|La|Les|L['’])\s*)?(?P<name>{_NAME_WORD}(?:\s+(?:&\s+)?{_NAME_WORD}){{0,3}})"
        rf"\s+(?:(?:{auxiliaries})\s+)?"  # (and "Marks & Spencer said")
    )
    org_words = frozenset(
        w
        for phrase in [*lex.get("organisation_heads", []), *lex.get("office_nouns", []),
                       *lex.get("familiar_sources", [])]
        for w in lexicons.letter_tokens(phrase)
    )
    objects = lexicons.alternation(lex.get("pronoun_objects", []) or ["(?!x)x"])
    cues = lexicons.alternation(lex["source_cues"])
    opinion_cues = lex.get("opinion_cues", []) or ["(?!x)x"]
    # "Selon lui, ...", "according to her": reported speech of the person named just before.
    # « Pour elle, ... », "For him, ...": the view of the person named just before.
    pronoun_cue = re.compile(
        rf"[\s«“\"]*(?:(?:{cues})\s+(?:{objects})(?![\w])"
        rf"|(?:{lexicons.alternation(opinion_cues)})\s+(?:{objects})\s*,)",
        re.I,
    )
    # « Les écrans sont en cause, selon lui, mais ... »: the cue between commas inside the clause.
    # (also after a conjunction: « ont visé cet hôtel car selon eux, il était »)
    pronoun_cue_inside = re.compile(
        rf"(?:,|(?<![\w’'])(?:car|mais|et|que|qui|because|but|and|which))\s*"
        rf"(?P<cue>(?:{cues})\s+(?:{objects}))(?![\w])\s*[,.]",
        re.I,
    )
    # « Pour l’économiste Hélène Garnier, ... »: whose view the clause gives.
    opinion = re.compile(
        rf"[\s«“\"]*(?:{lexicons.alternation(opinion_cues)})\s+(?:(?:{articles}|the)\s*)?"
        rf"(?:[a-zà-ÿœæ][\w’'\-]*\s+){{0,3}}?(?=[{_UPPER}])"
    )
    # The cue alone, before a title and its apposition: « Pour le rapporteur du budget, X, ».
    opinion_cue = re.compile(rf"[\s«“\"]*(?:{lexicons.alternation(opinion_cues)})\s+")
    # A title before a name in apposition: « le procureur de la République de
    # Lyon, Thierry Aubry », "the head of the agency, Mark Delaney".
    # (« son PDG, Jean-Marc Ferrand »; « le porte-parole de l’état-major, le colonel Pierre Aubert »)
    titled = re.compile(
        rf"(?:[a-zà-ÿ]+\s+){{0,2}}?(?:(?:{articles}|the{possessives})\s*)?(?:{titles})(?![\w\-])"
        # (the acronym of what the title heads may close it: « le président de l'Union des
        # industriels du bois (UIB), Jean Morel »)
        rf"(?:\s+[\w’'\-]+){{0,7}}?(?:\s*\([{_UPPER}][\w\-]{{1,12}}\))?,\s+"
        rf"(?=[{_UPPER}]|(?:{articles})\s*(?:{titles})\s+[{_UPPER}])"
    )
    # A title standing for the person: "the governor", « la ministre de la Culture ».
    title_office = re.compile(
        rf"[ \t\u00a0\u202f]*(?<![\w\-])(?:{articles}|the|The{possessives})\s*"
        rf"(?P<office>(?:{plain_titles})(?![\w\-]){org_adjective}(?:\s+(?:{complements})\s*(?:the\s+)?{cap_seq}){{0,2}})"
    )
    # Between an inverted speech verb and its subject: whom it was said to and when (« a déclaré
    # à l’AFP », « a annoncé avant-hier », « a prévenu mardi soir »).
    preps = lex.get("addressee_prepositions", [])
    addressee = (
        rf"(?:{_alternation(preps)})\s+(?:(?:{articles})\s*)?"
        rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
        rf"|{lexicons.alternation(lex.get('addressee_nouns', []) or ['(?!x)x'])})"
        # (then an article: « à l’AFP le directeur », not the person in « à l’AFP Marie Dupuis »)
        rf"(?=[ \t\u00a0\u202f]+(?:(?:{articles})(?![\w])|(?:{articles})(?<=['’])))"
        if preps else "(?!x)x"
    )
    times = [*lex.get("weekdays", {}), *lex.get("day_parts", []), *lex.get("relative_days", [])]
    past_verb = re.compile(
        rf"(?:[ \t\u00a0\u202f]+(?:{addressee}|(?i:{lexicons.alternation(times)}))(?![\w’'\-]),?)*"
    )
    # « indique-t-on au parquet », « explique-t-on à Matignon »: where the impersonal « on » speaks.
    on_places = lex.get("impersonal_source_prepositions", [])
    on_source = re.compile(
        rf"(?:-?t-on|(?<=-on savoir)|(?<=-on valoir))"  # « fait-on savoir à Matignon »
        rf"[ \t\u00a0\u202f]+(?:{lexicons.alternation(on_places)})(?:[ \t\u00a0\u202f]+|(?<=['’]))"
        if on_places else "(?!x)x"
    )
    # After a cue, the document that speaks for its author: "according to a statement from the
    # FAA", "a survey released Tuesday by", « selon les chiffres publiés jeudi par l’Insee ».
    documents = lex.get("source_documents", [])
    # (« un document interne consulté par l'AFP »: who read it is not who wrote it)
    readers = lex.get("document_readers", [])
    not_reader = rf"(?!(?:{lexicons.alternation(readers)})(?![\w\-]))" if readers else ""
    determiners = lexicons.alternation(lex.get("document_determiners", []) or ["(?!x)x"])
    document = re.compile(
        rf"[ \t\u00a0\u202f]*(?:(?:{articles}|{determiners})"
        rf"(?:[ \t\u00a0\u202f]+|(?<=['’])))?(?:[a-zà-ÿœæ][\w\-]*[ \t\u00a0\u202f]+)?"
        rf"(?:{lexicons.alternation(documents)})(?![\w\-])(?:[ \t\u00a0\u202f]+{not_reader}[\w\-]+){{0,4}}?"
        rf"[ \t\u00a0\u202f]+(?:{lexicons.alternation(lex.get('document_authors', []) or ['(?!x)x'])})"
        rf"(?:[ \t\u00a0\u202f]+|(?<=['’]))"
        if documents else "(?!x)x"
    )
    # « selon un sondage Ifop publié dimanche », "according to a Gallup poll": the name of the
    # author right after or right before the document, with no « de » or "by".
    doc_name = rf"{_NAME_WORD}(?:[ \t\u00a0\u202f]+{_NAME_WORD}){{0,2}}"
    document_name = re.compile(
        rf"[ \t\u00a0\u202f]*(?:(?:{articles}|{determiners})[ \t\u00a0\u202f]+"
        rf"(?:{lexicons.alternation(documents)})[ \t\u00a0\u202f]+(?P<after>{doc_name})"
        # ("according to NHS England data": no article before the author's name)
        rf"|(?:(?:{articles}|{determiners})[ \t\u00a0\u202f]+)?"
        rf"(?P<before>{doc_name})[ \t\u00a0\u202f]+(?:{lexicons.alternation(documents)}))"
        rf"(?![\w\-])"
        if documents else "(?!x)x"
    )
    # "the regulator Ofwat", « le constructeur Renault »: an office noun, then the name it is.
    named_office = re.compile(
        # ("Chile’s disaster agency Senapred": a country's possessive for the article)
        rf"(?<![\w’'\-])(?:{articles}|the|The|Le|La|L['’]|[A-Z][a-z]+[’']s(?=[ \t\u00a0\u202f])"
        # ("State news agency KCNA reported": a capitalised noun opening the sentence for the
        # article)
        + (
            r"|(?<![^\n.!?—–][ \t\u00a0\u202f])(?<![^\s])[A-Z][a-z]+(?=[ \t\u00a0\u202f]+[a-z])"
            if lang == "en" else ""
        )
        + r")\s*"
        # ("the dockers’ union FNV Havens": whose office it is, a plural possessive)
        r"(?:[a-z][\w\-]*s[’'][ \t\u00a0\u202f]+)?"
        # ("the water utility JXN Water", "the state news agency KCNA": English nouns before the
        # office noun)
        + (
            rf"(?:(?!(?:{_NOT_ADJECTIVE})[\s’'])[a-z][\w\-]*[ \t\u00a0\u202f]+){{0,2}}"
            if lang == "en" else ""
        )
        + rf"(?:{offices})"
        # (« le groupe de distribution Verdane »: what the office does, lowercase, before the name)
        rf"(?:[ \t\u00a0\u202f]+(?:de[ \t\u00a0\u202f]+|d['’]|du[ \t\u00a0\u202f]+|of[ \t\u00a0\u202f]+)"
        rf"(?!(?:{articles}|the)[\s’'])[a-zà-ÿœæ][\w\-]*"
        # (« le groupe minier Altéa », « le constructeur automobile Stellantis »: an adjective)
        rf"|[ \t\u00a0\u202f]+(?!(?:{articles}|{_NOT_ADJECTIVE})[\s’'])[a-zà-ÿœæ][\w\-]*)?"
        rf"[ \t\u00a0\u202f]+"
        # ("l’ONG Médecins du Monde": a particle inside the name)
        rf"(?P<name>{_NAME_WORD}"
        rf"(?:[ \t\u00a0\u202f]+(?:(?:{particles})[ \t\u00a0\u202f]+){{0,2}}{_NAME_WORD}){{0,3}})"
    )
    # After a speech verb, a person referred to by a noun: « a ajouté l’élu », "said the official".
    noun_after = re.compile(rf"\s*(?:{articles}|the)\s*[a-zà-ÿœæ][\w\-]*\s*[,.;»”\"]")
    # « Santé publique France »: a name with an adjective inside it, closing the phrase.
    adjective_name = re.compile(
        rf"(?P<name>{_NAME_WORD}(?:\s+[a-zà-ÿœæ][\w\-]*(?:{_alternation(org_endings)})){{1,2}}"
        rf"(?:\s+{_NAME_WORD})+)(?=[\s,.;:»”\"]|$)"
        if org_endings else "(?!x)x"
    )
    # "some analysts", « certains wikipédiens »: quantifiers standing as a subject's article
    quantifiers = "".join(rf"|{re.escape(w)}(?=\s)" for w in lex.get("subject_determiners", []))
    said_where_or_when = [*lex.get('place_prepositions', []), *lex.get('weekdays', []),
                          *lex.get('relative_days', [])]
    return SpeakerPatterns(
        adjective_name=adjective_name,
        honorifics=frozenset(lex.get("honorifics", [])),
        pronoun_cue=pronoun_cue,
        pronoun_cue_inside=pronoun_cue_inside,
        opinion=opinion,
        opinion_cue=opinion_cue,
        opinion_first=frozenset(w for cue in opinion_cues for w in lexicons.letter_tokens(cue)[:1]),
        titled=titled,
        noun_after=noun_after,
        past_verb=past_verb,
        on_source=on_source,
        document=document,
        document_name=document_name,
        named_office=named_office,
        # After a title closing an inverted attribution, where or when it was said: « devant les
        # députés », « jeudi », "on Friday".
        place_after=re.compile(
            rf"[ \t\u00a0\u202f]+(?:{lexicons.alternation(said_where_or_when or ['(?!x)x'])})"
            r"(?![\w’'\-])",
            re.IGNORECASE,
        ),
        # « selon la même source », "the same source said": the source named just before.
        same_source=re.compile(
            rf"(?<![\w’'\-])(?:{lexicons.alternation(lex.get('same_source', []) or ['(?!x)x'])})"
            r"(?![\w’'\-])",
            re.I,
        ),
        org=org,
        org_words=org_words,
        pronoun_subject=pronoun_subject,
        name_words=name_words,
        subject=subject,
        titles_capitalised=bool(lex.get("titles_capitalised")),
        agent=agent,
        speaker=speaker,
        speech_verb=speech_verb,
        source_cue=source_cue,
        pronoun_after=pronoun_after,
        not_names=frozenset(lex["not_names"]),
        title_words=title_words,
        title_modifiers=frozenset(lex.get("title_modifiers", [])),
        title_of=frozenset(lex.get("title_of", [])),
        title_office=title_office,
        # "analysts said", « les syndicats ont dénoncé », "the league said": a common noun as
        # the subject right before the verb.
        # ("certains wikipédiens estiment", "some analysts said": a quantifier as the article)
        common_subject=re.compile(
            # (« Elle a également demandé »: the French « a » is a verb, no article)
            rf"(?:(?<![\w’'\-])(?!(?:{auxiliaries})\s)(?P<art>{articles}|the|The|a|an|An|A|Le|La|Les|L['’]{possessives}"
            rf"{quantifiers})\s*"
            rf"(?:(?P<mid>[a-zà-ÿœæ][\w\-]*)\s+)?)?(?:(?<=(?<![\w’'])[Ll]['’])|(?<![\w’'\-]))"
            rf"(?!(?:{auxiliaries})\s)(?P<noun>[a-zà-ÿœæ][\w\-]+{subject_adjectives})"
            rf"(?:\s+(?:{auxiliaries})(?:\s+[a-zà-ÿœæ][\w\-]*ment)?)?\s+$"
        ),
        # « ..., estiment les épidémiologistes de l’Institut Pasteur. », "said analysts at
        # Berenberg": a plural common noun and the organisation it belongs to, closing the clause.
        common_of_name=re.compile(
            rf"[ \t\u00a0\u202f]*(?:{articles}|the)?\s*(?P<name>[a-zà-ÿœæ][\w\-]+[sx]"
            rf"[ \t\u00a0\u202f]+(?:{_alternation(lex.get('office_complements', []) or ['(?!x)x'])}|at)"
            rf"(?:[ \t\u00a0\u202f]+|(?<=['’]))(?:the[ \t\u00a0\u202f]+)?"
            rf"{_NAME_WORD}(?:[ \t\u00a0\u202f]+(?:of[ \t\u00a0\u202f]+)?{_NAME_WORD}){{0,4}})"
            r"(?=[ \t\u00a0\u202f]*(?:[,.;:»”\"]|$))"
        ),
        common_after=re.compile(
            rf"[ \t\u00a0\u202f]*(?:{articles}|the{possessives})\s*(?P<noun>[a-zà-ÿœæ][\w\-]+)"
            rf"(?=[ \t\u00a0\u202f]*(?:[,.;:»”\"]|$))"
        ),
        # « L’élu a précisé », "the lawmaker said": a noun standing for the person named before.
        anaphor_subject=re.compile(
            rf"[\s«“\"]*(?:{articles}|the|The|Le|La|L['’])\s*"
            # (« Le nouveau propriétaire a promis »: an adjective before the noun)
            rf"(?:(?:{lexicons.alternation(lex.get('adjectives_before_noun', []) or ['(?!x)x'])})\s+)?"
            rf"(?:{lexicons.alternation(lex.get('anaphoric_offices', []) or ['(?!x)x'])})"
            rf"(?:\s+[a-zà-ÿ’']+){{0,2}}\s+"
        ),
        function_words=frozenset(w.lower() for w in lex["function_words"]),
        # "The IMF cut its forecast, warning that ...", « ..., estimant que »: the subject speaks.
        participle=re.compile(
            rf",[ \t\u00a0\u202f]+(?:{lexicons.alternation(lex.get('speech_participles', []) or ['(?!x)x'])})"
            r"(?![\w’'\-])"
        ),
        lone_name=re.compile(
            rf"[ \t\u00a0\u202f]*(?:(?:{articles}|the)\s*)?(?P<name>{_NAME_WORD})(?![\w’'\-])"
        ),
    )


# Between a speaker and the verb: a few lowercase words ("a", "avait", "has"), after an
# optional comma closing an apposition ("Le maire, Jean Corlay, a promis").

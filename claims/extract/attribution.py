"""The named speaker of a quotation or of reported speech: `Attributor`, one per language.

Shapes: « ... », a expliqué la capitaine Léa Roux; "...," said Gen. Smith; "...," Karen Wells,
the airline's spokeswoman, said; selon Joseph J. Lhota; according to the minister; "Microsoft
said"; a surname alone when the article names the person in full elsewhere. `fullest` gives
each speaker in the fullest form the article uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from claims.extract import lexicons
from claims.extract.quotes import quote_spans
from claims.extract.speaker_patterns import SpeakerPatterns, patterns_for

__all__ = ["Attributor", "attributor_for"]

# (a party or a state in brackets after a name: « Paul Garnier (LFI) a dénoncé »)
_LOWER_GAP = re.compile(
    r"(?:[\s\u00a0\u202f]*\([^()\n]{1,30}\))?,?[\s\u00a0\u202f]+(?:[a-zà-ÿœæ’'\-]+[\s\u00a0\u202f]+){0,3}"
)
# Where an office sits, between it and a place: "the ministry in The Hague", « à Bastia ».
_PLACE_BEFORE = re.compile(
    r"[\s\u00a0\u202f]+(?:in|à)[\s\u00a0\u202f]+(?:The[\s\u00a0\u202f]+)?"
    r"[A-ZÀ-Ý][\w’'\-]*(?:[\s\u00a0\u202f]+[A-ZÀ-Ý][\w’'\-]*){0,2}[\s\u00a0\u202f]*$"
)
# A job in lowercase between an organisation and a person: "Unite regional officer Dawn Price".
# (no preposition, conjunction or participle: "said Okafor after meeting Tom Hale")
_JOB_WORDS = re.compile(
    r"[ \u00a0]+(?:(?!(?:after|before|on|at|in|into|with|without|for|of|to|from|by|during|while|when"
    r"|as|and|or|but|who|whose|which|that|than|the|a|an|her|his|their|its|told|said|says|tells)[ \u00a0])"
    r"[a-z][\w\-]*(?<!ing)(?<!ed)[ \u00a0]+){1,3}(?=[A-Z])"
)
# Between a person and the noun that describes them: "Soizic Le Gall, infirmière", "Ann Lee, 54,
# a nurse", « Paul Roux, 61 ans, le boulanger ».
_DESCRIPTION_GAP = re.compile(
    r",[\s\u00a0\u202f]+(?:\d{1,3}(?:[\s\u00a0\u202f]+ans)?,[\s\u00a0\u202f]+)?"
    r"(?:(?:une?|a|an|the|la|le|l['’])[\s\u00a0\u202f]*)?"
)
# After an inverted speech verb, a person as a common noun, maybe with an age, before where it
# was said: « le coureur de 26 ans au micro de », "the 27-year-old on".
_NOUN_SUBJECT = re.compile(
    r"[\s\u00a0\u202f]*(?:le|la|l['’]|the)[\s\u00a0\u202f]*(?P<noun>[a-zà-ÿœæ][\w\-]{3,})"
    r"(?:[\s\u00a0\u202f]+(?:de|d['’])[\s\u00a0\u202f]*\d{1,3}[\s\u00a0\u202f]+ans)?"
    r"(?=[\s\u00a0\u202f]+(?:au|aux|à|sur|devant|lors|dans)[\s\u00a0\u202f])"
)
# A word after which a run of capitalised words goes on an organisation's name ("University of").
_CONTINUED_NAME = frozenset(["of", "for", "and", "de", "du", "des", "et"])
_PUNCT_GAP = re.compile(r"[\s\u00a0\u202f,;:—–\-]*")
# An apposition between the speaker and the verb: "Karen Wells, the airline's spokeswoman,
# said", "Lopez, who has led the union since 2019, said", « Jean Roux, maire de la ville, a »
# (up to 16 words: "Dr. Tomas Eriksen, an oceanographer at the University of Bergen who was not
# involved in the study, said").
_APPOSITION_GAP = re.compile(
    r",[\s\u00a0\u202f]+(?:\d{1,3},[\s\u00a0\u202f]+)?"  # "Lindgren, 27, who had not dropped a set, said"
    r"(?:(?:[\w’'\-]+(?:[.,]\d+)*|St\.|Ste\.|Mt\.|Ft\.|(?:[A-Z]\.){2,3})[\s\u00a0\u202f]+){0,15}?"
    r"(?:[\w’'\-]+|(?:Corp|Inc|Co|Ltd|Jr|Sr|Bros)\.|(?:[A-Z]\.){2,3}"  # "Acme Corp., said"
    r"|[A-Z]-[A-Z][a-z]*\.(?:[A-Z]\.)?),[\s\u00a0\u202f]+"  # "Rep. X, R-La., said", "D-N.Y."
    r"(?:(?:a|ont|avait|avaient|has|had)[\s\u00a0\u202f]+)?"
)

# The same with a place closing the apposition: "..., a spokesman for the University of Vermont,
# Burlington, said".
_PLACED_APPOSITION_GAP = re.compile(
    r",[\s\u00a0\u202f]+(?:[\w’'\-]+(?:[.,]\d+)*[\s\u00a0\u202f]+){0,11}?[\w’'\-]+,[\s\u00a0\u202f]+"
    r"[A-ZÀ-Ý][\w’'\-]+,[\s\u00a0\u202f]+(?:(?:a|ont|avait|avaient|has|had)[\s\u00a0\u202f]+)?"
)

# Two offices joined by "and": "Professor Cres Eastman, Director of the National Iodine Nutrition
# study, and Chairman of the Australian Centre for ..., says".
_DOUBLE_APPOSITION_GAP = re.compile(
    r",[\s\u00a0\u202f]+[^,;:«»“”\"\n]{1,120},[\s\u00a0\u202f]+(?:and|et)[\s\u00a0\u202f]+[^,;:«»“”\"\n]{1,120},"
    r"[\s\u00a0\u202f]+(?:(?:a|ont|avait|avaient|has|had)[\s\u00a0\u202f]+)?"
)
# A person before the organisation they speak for: "Lydia Buchtmann for Food Standards Australia
# New Zealand, says", "Anne Roy of the Harbor Authority said".
_FOR_ORGANISATION = re.compile(
    r"[\s\u00a0\u202f]+(?:for|of|at|from)(?:[\s\u00a0\u202f]+the)?[\s\u00a0\u202f]+$"
)


_POST_NOMINALS = frozenset(
    ["KC", "QC", "OBE", "CBE", "MBE", "KBE", "DBE", "II", "III", "IV"]
)
"""Letters after a person's name that are no organisation's initials ("Peter Quinn KC"; not "MP",
which is a noun as often: "an Ottawa New Democrat MP")."""


def _clean_name(pat: SpeakerPatterns, match: re.Match[str], strict: bool = False) -> str | None:
    """The person a speaker match names, or None for openers, lone titles, places in strict mode."""
    name = match.group("name").strip()
    core = match.group("core")
    title = name[: len(name) - len(core)].strip()
    words = core.split()
    dropped = False
    while words and words[0].rstrip(".") in pat.not_names:
        words = words[1:]
        dropped = True
    if not words or all(w.rstrip(".") in pat.title_words for w in words):
        return None
    if words[0] in ("St.", "Ste.", "Mt.", "Ft.") and len(words) <= 2:
        return None  # "the mayor of St. Paul, said": a place (not "St. Paul Mayor Ann Ruiz")
    if dropped:
        title = ""
    if strict and not title and len(words) < 2:
        return None
    if any(w.isupper() and len(w.rstrip(".,")) > 1 and w.rstrip(".,") not in _POST_NOMINALS for w in words) \
            and not title:
        return None  # acronyms name organisations (OTAN, NASA), not people ("Peter Quinn KC" is one)
    result = f"{title} {' '.join(words)}".strip()
    return result if len(result) <= 80 else None


def _speaker_ending_at(
    pat: SpeakerPatterns, text: str, start: int, end: int, gap: re.Pattern[str], strict: bool = False
) -> str | None:
    """The last speaker in `text[start:end]` separated from `end` only by `gap`."""
    found = None
    for match in pat.speaker.finditer(text, start, end):
        if gap.fullmatch(text, match.end(), end):
            name = _clean_name(pat, match, strict)
            at = text.rfind(name, match.start(), match.end()) if name else -1
            if at >= 0 and text.startswith(",", match.end()) and _WHERE_PREPOSITION.search(
                text, max(0, at - 5), at
            ):
                continue  # « Mardi à Liège, le ministre a annoncé »: where, not who
            if name:
                found = name
    return found


_WHERE_PREPOSITION = re.compile(r"(?<![\w’'])(?:à|au|aux|en|in|at)[ \u00a0]+$", re.I)


def _person_before_apposition(
    pat: SpeakerPatterns, text: str, start: int, end: int
) -> tuple[str, int] | None:
    """The last person in `text[start:end]` followed by an apposition that runs to `end` ("Karen
    Wells, the airline's spokeswoman, said"; "Tom Reilly, a spokesman for the University of
    Vermont, Burlington, said": a place after the organisation), with where the person ends."""
    found = None
    for match in pat.speaker.finditer(text, start, end):
        if (
            _APPOSITION_GAP.fullmatch(text, match.end(), end)
            or _PLACED_APPOSITION_GAP.fullmatch(text, match.end(), end)
            or _DOUBLE_APPOSITION_GAP.fullmatch(text, match.end(), end)
        ):
            name = _clean_name(pat, match, strict=True)
            if name:
                found = (name, match.end())
    return found


def _past_space(text: str, start: int, end: int) -> int:
    """Where the text at `start` goes on past spaces and tabs (no further than `end`)."""
    while start < end and text[start] in " \t\u00a0\u202f":
        start += 1
    return start


def _speaker_starting_at(
    pat: SpeakerPatterns, text: str, start: int, end: int, strict: bool = False
) -> str | None:
    """The speaker named right at `start` (after white space), or None."""
    start = _past_space(text, start, end)
    match = pat.speaker.match(text, start, end)
    return _clean_name(pat, match, strict) if match else None


_THE_BEFORE = re.compile(r"(?<![\w’'])[Tt]he[ \u00a0]+$")
_LOWER_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?![a-z]+(?:ed|ing)(?![\w\-]))[a-z][a-z\-]+[ \u00a0]+(?!(?:said|says|told|and|or|of)\b)[a-z]"
)
_RELATIVE_BEFORE = re.compile(r",[ \u00a0]+(?:which|what)[ \u00a0]+$")
_PRONOUN_JUST_BEFORE = re.compile(
    r",[\s\u00a0\u202f]*(?:he|she|they|it|il|elle|ils|elles)[\s\u00a0\u202f]+"
    r"(?:(?:has|had|a|avait)[\s\u00a0\u202f]+)?$"
)
_ACRONYM_AFTER_QUOTE = re.compile(
    r"[\s\u00a0\u202f]*[»”\"]?[\s\u00a0\u202f]*,?[\s\u00a0\u202f]*[»”\"]?[\s\u00a0\u202f]*"
    r"(?:(?:the|The|le|la|l['’])[\s\u00a0\u202f]*)?(?P<name>[A-Z]{2,5})[\s\u00a0\u202f]+"
)
_ACRONYM_BEFORE = re.compile(
    r",[\s\u00a0\u202f]+(?:(?:the|The|le|la|l['’])[\s\u00a0\u202f]*)?(?P<name>[A-Z]{2,5})"
    r"[\s\u00a0\u202f]+(?:(?:has|had|have|a|ont|avait)[\s\u00a0\u202f]+)?$"
)
_PRONOUN_BEFORE_VERB = re.compile(
    r",[\s\u00a0\u202f]*(?:(?:he|she|they|it|il|elle|ils|elles)[\s\u00a0\u202f]+"
    r"(?:(?:has|had|a|avait)[\s\u00a0\u202f]+)?"
    r"|(?:a|avait|ont|avaient)-t?-?(?:il|elle|ils|elles)[\s\u00a0\u202f]+)?"
)
_INVERTED_AFTER_QUOTE = re.compile(
    r"[ \u00a0\u202f]*,?[ \u00a0\u202f]*(?:(?:a|avait|aurait)-t-(?:il|elle)[ \u00a0\u202f]+[^\W\d_]+"
    r"|(?:[sm][’']|se[ \u00a0\u202f])?[^\W\d_]+-t?-?(?:il|elle))(?![\w’'])"
)
# A manner or time adjunct after a closing attribution: « , a-t-il précisé, sans en
# communiquer les résultats », "..., she said, adding that ...".
_ADJUNCT_AFTER = re.compile(
    r"(?:[^,]*?)(?P<comma>,)[ \u00a0\u202f]+(?:sans|tout[ \u00a0\u202f]+en"
    r"|avant[ \u00a0\u202f]+de|avant[ \u00a0\u202f]+d['’]|ajoutant|précisant|soulignant|estimant"
    r"|without|adding|noting|citing|before|after)(?![\w’'])"
)
_ROLE_WORDS = re.compile(
    r"[\s\u00a0\u202f]+(?:(?:the|a|an|le|la|l['’])[\s\u00a0\u202f]*)?"
    r"(?:[a-zà-ÿœæ][\w\-]+[\s\u00a0\u202f]+){1,3}"
)
_NO_GAP = re.compile("")
_LONE_BEFORE_VERB = re.compile(r",[ \u00a0\u202f]+(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+|[A-Z]{2,6})[ \u00a0\u202f]+$")
_LONG_APPOSITION = re.compile(r",[^,;:«»“”\"\n]{1,160},[\s\u00a0\u202f]+")
_OWNER_BEFORE = re.compile(  # "Allard's ", "Acme Corp.'s ", "Marks & Spencer's "
    r"(?<![\w’'\-])(?P<owner>[A-Z][\w\-]*\.?(?:[ \u00a0](?:&[ \u00a0])?[A-Z][\w\-]*\.?){0,3})['’]s[ \u00a0]+$"
)
_OWNED_SUBJECT = re.compile(
    r"(?:(?<![\w’'\-])(?P<art>[Tt]he)[ \u00a0]+)?(?<![\w’'\-])"
    r"(?P<owner>[A-Z][\w\-]*\.?(?:[ \u00a0](?:&[ \u00a0])?[A-Z][\w\-]*\.?){0,3}|[a-z][\w\-]+)"
    r"(?P<mark>['’])s[ \u00a0]+(?P<noun>[a-z][\w\-]+)[ \u00a0]+(?:(?:has|have|had)[ \u00a0]+)?$"
)
_CLITICS = frozenset({"en", "y", "se", "s", "ne", "n", "leur", "lui", "nous", "vous", "l"})
"""French pronouns between a subject and its verb (« les scientifiques en ont conclu »)."""
_PRONOUN_AFTER_VERB = re.compile(r"-t?-?(?:il|elle|ils|elles)(?![\w’'])")
_OFFICE_DETERMINERS = frozenset({"the", "his", "her", "its", "their"})
"""Before an office closing a sentence after a comma (", his campaign said")."""
_AGE_AFTER_QUOTE = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?:the|The)[ \u00a0]+(?:(?P<years>\d{1,2})-year-old|teenager|teen)"
    r"(?:[ \u00a0]+(?:said|says|added|told|explained|admitted|insisted|recalled|laughed))"
)
_AGE_APPOSITION = re.compile(r",[ \u00a0]+(?P<age>\d{1,2}),")
_INFINITIVE_BEFORE = re.compile(r"(?<![\w’'])(?:avoir|être|having)[ \u00a0]+$", re.I)
_AUXILIARY_WORDS = frozenset(["a", "ont", "avait", "avaient", "aurait", "has", "have", "had"])
_CLOSING_WORDS = 6
"""At most this many words after an attribution that closes its sentence (« à l'AFP »)."""
_QUOTE_MARKS = re.compile("[«“\"]")
_PORTFOLIO_BEFORE = re.compile(r"(?<![\w.])(?:(?:[A-Z][a-z]+|(?:[A-Z]\.){2,3})[ \u00a0]+){1,2}$")
# An apposition that describes the subject before it ("Microsoft, which employs ...", "X, a
# charity, said"; not "Fourth, there was a survey ..., said").
_APPOSITION_OPENER = re.compile(
    r",[\s\u00a0\u202f]+(?:(?i:which|who|whose|a|an|the|qui|dont|un|une|le|la|les|l['’])(?![\w’'])"
    r"|[A-Z][\w.\-]*['’]s[\s\u00a0\u202f])"  # "Ryanair, Europe's biggest airline, said"
)
_COORDINATED = re.compile(r"[ \u00a0]+(?:but|and|mais|et)[ \u00a0]+$")
_LEARNED = ("appris", "apprend-on", "apprenait-on")
_OWNED_OFFICE = re.compile(r"[ \u00a0]+(?P<office>[a-z]+(?: [a-z]+)?)[ \u00a0]+")
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Z][a-z]+)(?![\w\-])")
_OPENING_INDEFINITE = re.compile(r"^An?[ \u00a0]+(?=\S)")
_KIND = re.compile(r"[\s\u00a0\u202f]+([a-zà-ÿœæ][\w\-]+)(?=[\s\u00a0\u202f]*[,.;:)»]|$)")
_INVERTED = re.compile(r",[\s\u00a0\u202f]+(?:(?:a|ont|avait|avaient|has|had)[\s\u00a0\u202f]+)?$")


def _org_name(match: re.Match[str]) -> str | None:
    name = _OPENING_INDEFINITE.sub("", match.group("org").strip())  # "An Egyptian official"
    return name if 1 < len(name) <= 80 else None


def _trailing_name(pat: SpeakerPatterns, words: list[str], continued: bool = False) -> list[str]:
    """The end of a run of capitalised words that can belong to a person: at most two given
    names and the titles before them ("général Paul", "president Sehar"), not the organisation
    before ("University of Texas Arlington ...")."""
    kept: list[str] = []
    names = 0
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        is_title = word.rstrip(".") in pat.title_words or word in pat.title_words
        if is_title:
            kept.append(word)
            continue
        if word in pat.title_of and kept and position and words[position - 1].rstrip(".") in pat.title_words:
            names -= 1  # "Secretary of State Daniel": the department belongs to the title
            kept.append(word)
            continue
        if kept and kept[-1].rstrip(".") in pat.title_words:
            if (word in pat.title_modifiers or _is_acronym(word)) and kept[-1][:1].isupper():
                kept.append(word)  # "Police Chief", "Defense Secretary": the title's portfolio
                continue
            if _portfolio(pat, words, position, continued) and kept[-1][:1].isupper():
                kept.append(word)  # "Railway Minister", "Chief Financial Officer"
                continue
            break  # a name word before a title belongs to something else
        if names == 2:
            break
        kept.append(word)
        names += 1
    kept.reverse()
    if names == 2 and len(kept) < len(words) and kept[0] not in pat.title_words:
        kept = kept[1:]  # three capitalised words in a row: keep the given name only
    return kept


def _portfolio(pat: SpeakerPatterns, words: list[str], position: int, continued: bool = False) -> bool:
    """Whether the capitalised word at `position`, before a capitalised title, is the title's
    portfolio though the lexicon does not list it: it opens the run ("Railway Minister Anil")
    or follows a title itself ("Chief Financial Officer"), or is the second of two opening the
    run ("Civil Protection Minister"); not "[University of] Texas Arlington President"."""
    word = words[position]
    if not pat.titles_capitalised or not word[:1].isupper() or word.rstrip(".") in pat.not_names:
        return False
    first = words[0]
    if position == 1 and not continued and first[:1].isupper() and first.rstrip(".") not in pat.not_names:
        # "Civil Protection Minister Nikos Daras": a portfolio of two words (not when the run
        # goes on a name before it: "University of Texas Arlington President")
        return True
    return position == 0 or words[position - 1].rstrip(".") in pat.title_words


def _opens_title(pat: SpeakerPatterns, words: list[str]) -> bool:
    """Whether `words` open with a title ("Senator", "Police Chief"), not a sentence's opener."""
    first = words[0].rstrip(".")
    if first in pat.title_words or words[0] in pat.title_words:
        return True
    if (
        len(words) > 2
        and words[2].rstrip(".") in pat.title_words
        and words[2][:1].isupper()
        and words[1][:1].isupper()
        and _portfolio(pat, words, 1)
    ):
        return True  # "Civil Protection Minister"
    return (
        (words[0] in pat.title_modifiers or _is_acronym(words[0]) or _portfolio(pat, words, 0))
        and len(words) > 1
        and words[1].rstrip(".") in pat.title_words
        and words[1][:1].isupper()
    )


_WORD = re.compile(r"[^\W\d_][\w\-]*")
_ACRONYM_SKIPS = frozenset(
    ["of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "les", "et", "pour", "à", "au",
     "aux", "l", "d"]
)


def _spelled_out(text: str, acronym: str) -> str | None:
    """The organisation an acronym stands for in `text`: a run of words, the first capitalised,
    whose initials (the small linking words left out) spell it ("Federal Aviation
    Administration" for FAA, « Agence nationale de sécurité du médicament » for ANSM)."""
    words = list(_WORD.finditer(text))
    size = len(acronym)
    for index, first in enumerate(words):
        if unicodedata.normalize("NFD", first.group()[0])[0] != acronym[0] or first.group() == acronym:
            continue
        initials, at = "", index
        while at < len(words) and len(initials) < size:
            word = words[at].group()
            gap = text[words[at - 1].end() : words[at].start()] if at > index else ""
            if gap.strip(" ’'") != "" and not (gap in (".", ". ") and len(words[at - 1].group()) == 1):
                break  # a comma, a bracket or a full stop ends the name (not "U.S. Geological")
            if word.lower() not in _ACRONYM_SKIPS or at == index:
                # (« de l’énergie » gives the E of CRE: the elided article is no initial, and
                # an accented capital is the letter's)
                initials += unicodedata.normalize("NFD", word[0])[0].upper()
            at += 1
        if initials == acronym and words[at - 1].group().lower() not in _ACRONYM_SKIPS:
            return text[first.start() : words[at - 1].end()]
    return None


# "MoD", "DfE", "MoJ": capitals with the small linking word's initial in lowercase
_MIXED_ACRONYM = re.compile(r"[A-Z](?:[a-z]?[A-Z])+")


def _spelled_mixed(text: str, acronym: str) -> str | None:
    """The organisation a mixed-case acronym stands for ("Ministry of Defence" for MoD): the
    capitals spelled out as `_spelled_out` does, with a linking word for each small letter."""
    if acronym.isupper():
        return None
    found = _spelled_out(text, "".join(c for c in acronym if c.isupper()))
    if found is None:
        return None
    small = [w[0] for w in found.split() if w.lower() in _ACRONYM_SKIPS]
    return found if small == [c for c in acronym if c.islower()] else None


def _is_acronym(word: str) -> bool:
    """"FAA", "EPA": two to five capitals."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


_NAME_REACH = 90
# A subordinate clause's subject right before a verb: "after a neighbor reported", "when the
# mayor announced" (English: the main clause's verb is the one that attributes)
_SUBORDINATE_SUBJECT = re.compile(
    r"(?<![\w’'])(?i:after|before|when|because|since|until|while|although|though|if)[ \u00a0]+"
    r"(?:(?:a|an|the|his|her|their|its)[ \u00a0]+)?(?:[\w\-’']+[ \u00a0]+){0,2}?[\w\-’']+[ \u00a0]*$"
)
# After "according to": a common noun, its determiner or owner, then a comma ("the families’
# lawyer, ", "their lawyer, ", "Smith’s lawyer, "): the person in apposition follows.
_COMMON_THEN_COMMA = re.compile(
    r"[ \u00a0]+(?:the[ \u00a0]+[\w\-]+[’']s?|the|their|his|her|its|[A-Z][\w\-]*[’']s?)[ \u00a0]+"
    r"(?:[a-z][\w\-]*[ \u00a0]+){0,2}[a-z][\w\-]*,[ \u00a0]+"
)
# "Professor Helen Ashby of the University of Oxford": the person before an organisation
_OF_THE_BEFORE = re.compile(r"[ \u00a0]of[ \u00a0](?:the[ \u00a0])?$")
_NO_GAP = re.compile(r"")
_TITLE_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "l’", "l'", "of", "the"})
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w’'])(?:par|pour|avec|sur|dans|chez|à|au|aux|by|for|with|from|to)[ \u00a0]+"
    r"(?:(?:la|le|les|the)[ \u00a0]+|l['’])?$",
    re.I,
)
"""How far before a speech verb its named subject may start ("le lieutenant-colonel X a")."""


_QUOTE_CLOSE_LEAD = re.compile(r"[ \u00a0\u202f]*,[ \u00a0\u202f]*")
_PLACE_PREPOSITION = re.compile(r"(?<![\w’'])(?:sur|dans|on)[ \u00a0]+$")
"""A preposition right before a name: where something was said (« sur France Info », "on CNN";
not « revient à X », whose name may be the person)."""
_RELATIVE_SUBJECT = re.compile(
    r"(?<![\w’'])(?:(?:[Tt]he|[Ll]es|[Dd]es|[Mm]any|[Ss]ome)[ \u00a0]+)?(?P<noun>[^\W\d_][a-zà-ÿ\-]+s)"
    r"[ \u00a0]+(?:who|qui)[ \u00a0]+[^,.;:!?\n“”«»\"]{3,80}[ \u00a0]+$"
)
"""A plural subject and the relative clause after it, running to the speech verb."""
_RELATIVE_OFFICE = re.compile(
    r"(?<![\w’'])(?:[Aa]n?|[Tt]he)[ \u00a0]+(?P<office>(?:[a-z][\w\-]*[ \u00a0]+){0,3}?(?P<head>[a-z]+))"
    r"[ \u00a0]+who[ \u00a0]+[^,.;:!?\n“”«»\"]{3,160}[ \u00a0]+$"
)
"""A singular office after its article and the relative clause after it ("A senior official
who spoke on condition of anonymity said")."""


_CONNECTOR_WORDS = frozenset(
    ["of", "and", "for", "on", "the", "de", "du", "des", "et", "pour", "la", "l'", "l’"]
)


@cache
def _office_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Office nouns that are no organisation's head word ("officials", "spokesman"), and the
    head words as written ("Department", « Conseil »)."""
    lex = lexicons.load(lang)
    heads = frozenset(lex.get("organisation_heads", []))
    lowered = {head.lower() for head in heads}
    offices = frozenset(
        word
        for office in lex.get("office_nouns", [])
        for word in lexicons.letter_tokens(office)[:1]
        if word not in lowered
    )
    return offices, heads


@cache
def _reference_words(lang: str) -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """Weekdays; nouns that refer back ("An official said" is an office, "said the official"
    after a quote refers back); and a clause join after a quote ('“a betrayal” and vowed to
    block it': the verb's subject is the sentence's own)."""
    lex = lexicons.load(lang)
    joins = lex.get("clause_joins", [])
    joined = re.compile(rf"[\s,]*(?:{lexicons.alternation(joins)})(?![\w’'])" if joins else r"(?!x)x", re.I)
    return frozenset(lex.get("weekdays", {})), frozenset(lex.get("anaphoric_offices", [])), joined


@cache
@cache
def _demonym_pattern(lang: str) -> re.Pattern[str]:
    """A nationality or an age standing for the person named before, closing or opening an
    attribution: ", the Swede", « , le Suédois », "the 27-year-old"; not before the name it
    qualifies (« a raconté l'Américain Robert Hale »)."""
    lex = lexicons.load(lang)
    words = lexicons.alternation(lex.get("demonyms", []) or ["(?!x)x"])
    articles = lexicons.alternation([*lex.get("articles", []), "the", "The"])
    return re.compile(
        rf"[\s,;:]*(?:{articles})[\s\u00a0\u202f]*(?:{words}|\d{{1,3}}-year-old)(?![\w’'\-])"
        rf"(?![\s\u00a0\u202f]*[A-ZÀ-Ý])[\s\u00a0\u202f]*"
    )


_PLURAL_PRONOUNS = frozenset(
    ["eux", "elles", "nous", "vous", "ceux", "celles", "tous", "toutes", "autres", "plusieurs",
     "us", "others", "those", "these", "theirs", "ours", "yours", "many", "some", "most"]
)


@cache
def _bare_plural_pattern(lang: str) -> re.Pattern[str]:
    """A plural noun after a cue, with at most a quantifier and an adjective before it, closed
    by punctuation or a preposition ("witnesses,", "local residents in", « des témoins, »; the
    quantifier only where the language needs none)."""
    lex = lexicons.load(lang)
    lead = lexicons.alternation(lex.get("plural_cue_determiners", []) or ["(?!x)x"])
    after = lexicons.alternation(lex.get("plural_cue_followers", []) or ["(?!x)x"])
    sp = "[ \t\u00a0\u202f]"
    optional = "?" if lex.get("plural_cue_bare") else ""  # « selon des témoins »: never bare
    noun = r"(?P<noun>[a-zà-ÿ][\w\-]*[sx])"
    if lex.get("adjective_after_noun"):  # « selon plusieurs associations locales »
        words = rf"{noun}(?:{sp}+[a-zà-ÿ][\w\-]*[sx])?"
    else:  # "according to local residents"
        words = rf"(?:[a-zà-ÿ][\w\-]+{sp}+)??{noun}"
    return re.compile(
        rf"{sp}+(?:(?:{lead}){sp}+){optional}{words}"
        rf"(?={sp}*(?:[,.;:»”\"]|$)|{sp}+(?:{after})(?![\w\-]))"
    )


def _title_synonyms(lang: str) -> dict[str, tuple[str, ...]]:
    """Titles that name the same office as others (« chef de l’État »: « président de la
    République »), lowercased."""
    return {
        title.lower(): tuple(others)
        for title, others in lexicons.load(lang).get("title_synonyms", {}).items()
    }



@cache
def _lexicon_patterns(
    lang: str,
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """The patterns an `Attributor` builds from its lexicon, built once per language: "with X
    saying", a body and its complement, a document's owner, an incidental before a verb."""
    participles = lexicons.load(lang).get("speech_participles", [])
    with_participle = re.compile(
        r"(?<![\w’'])(?:[Ww]ith|avec)[ \u00a0]+(?P<who>[^,;:.!?«»“”\"]{2,60}?)[ \u00a0]+"
        rf"(?:{lexicons.alternation(participles)})(?![\w’'\-])"
    ) if participles else None
    collective = lexicons.load(lang).get("collective_nouns", [])
    collective_body = re.compile(
        rf"(?P<body>(?:{lexicons.alternation(collective)})(?:[ \u00a0]+(?:de|d['’]|des|du|of|for)"
        r"(?:[ \u00a0]+|(?<=['’]))[^\W\d][\w’'\-]*(?:[ \u00a0]+[^\W\d][\w’'\-]*){0,5})?)"
        r"(?=[ \u00a0]*(?:[,.;:»”\"]|$))"
    ) if collective else None
    documents = lexicons.load(lang).get("source_documents", [])
    owned_document = re.compile(
        r"(?<![\w’'\-])(?P<owner>(?:[A-Z][\w\-]*[ \u00a0]+){0,4}[A-Z][\w\-]*"
        r"|(?<=[Tt]he )[a-z][\w\-]+)['’]s[ \u00a0]+(?:(?:new|latest|own|annual|final|written)[ \u00a0]+)?"
        rf"(?:{lexicons.alternation(documents)})"
        r"[ \u00a0]+(?:(?:has|had|have)[ \u00a0]+)?$"
    ) if lang == "en" and documents else None
    incidentals = lexicons.load(lang).get("speech_incidentals", [])
    incidental = (
        re.compile(rf"(?<![\w’'])(?:{lexicons.alternation(incidentals)})[ \u00a0]+$")
        if incidentals else None
    )
    return with_participle, collective_body, owned_document, incidental

@cache
def attributor_for(lang: str) -> Attributor:
    """The attributor of a language, built once: it holds only patterns and word sets."""
    return Attributor(lang)


class Attributor:
    """Finds the named speaker of quotations and reported speech in one language."""

    def __init__(self, lang: str) -> None:
        self._pat = patterns_for(lang)
        self._offices, self._heads = _office_words(lang)
        # "told the police": what follows these verbs is who is spoken to.
        self._addressee_verbs = frozenset(lexicons.load(lang).get("addressee_verbs", []))
        self._weekdays, self._anaphoric, self._joined = _reference_words(lang)
        self._synonyms = _title_synonyms(lang)
        # "Republican Tom Fiske": a party before a name is no part of it, nor a title.
        self._parties = frozenset(lexicons.load(lang).get("party_labels", []))
        self._indefinite = tuple(w + " " for w in lexicons.load(lang).get("indefinite_articles", []))
        self._articles = frozenset(
            w.lower().rstrip("'’") for w in [*lexicons.load(lang).get("articles", []), "the"]
        )
        self._demonym = _demonym_pattern(lang)
        self._demonym_words = frozenset(lexicons.load(lang).get("demonyms", []))
        self._sequence = frozenset(lexicons.load(lang).get("sequence_adverbs", []))
        self._particles = frozenset(lexicons.load(lang).get("name_particles", []))
        # "South China Sea": a name going on with a place's or an organisation's head is
        # another name, no fuller form of "China"
        self._owned_offices = frozenset(lexicons.load(lang).get("office_nouns", [])) | {
            head.lower() for head in self._heads
        }
        self._plural_adjectives = self._demonym_words | frozenset(
            lexicons.load(lang).get("plural_subject_adjectives", [])
        )
        words_of = lexicons.load(lang).get("words_of", [])
        self._words_of = (
            re.compile(rf"(?:{lexicons.alternation(words_of)})[ \u00a0]+") if words_of else None
        )
        lex = lexicons.load(lang)
        self._role_verbs: dict[str, list[str]] = lex.get("role_verbs", {})
        by = lex.get("document_authors", [])
        self._document_by = (
            re.compile(
                r"(?:A|An|The)[ \u00a0]+(?:[a-z][\w\-]*[ \u00a0]+)?(?P<doc>[a-z]+)"
                r"(?:[ \u00a0]+(?:released|published|conducted|commissioned|carried[ \u00a0]+out)"
                r"(?:[ \u00a0]+[A-Za-z]+){0,2})?"
                r"[ \u00a0]+by[ \u00a0]+(?:the[ \u00a0]+)?"
            )
            if lang == "en" and "by" in by
            else None
        )
        verbs = lex.get("document_verbs", [])
        self._document_verb = re.compile(
            rf"(?:[ \u00a0]+[a-z]+ly)?[ \u00a0]+(?:{lexicons.alternation(verbs or ['(?!x)x'])})(?![\w\-])"
        )
        self._name_goes_on = self._heads | frozenset(lexicons.load(lang).get("place_heads", []))
        self._agencies = frozenset(lexicons.load(lang).get("news_agencies", []))
        frames = lexicons.load(lang).get("interview_frames", [])
        self._frame = (
            re.compile(
                rf"[ \u00a0]*(?:{lexicons.alternation(frames)})[ \u00a0]+[^,.;:«»]{{1,80}},[ \u00a0]*"
            )
            if frames else None
        )
        # « ..., rapporte l'agence X »: a cue that relays what the clause before it reports.
        relays = lexicons.load(lang).get("relay_cues", [])
        self._relay = (
            re.compile(rf",[ \u00a0]+(?:{lexicons.alternation(relays)})(?![\w])") if relays else None
        )
        # « selon le proverbe », "as the saying goes": words that no one says
        self._sayings = frozenset(lexicons.load(lang).get("sayings", []))
        self._bare_plural = _bare_plural_pattern(lang)
        self._documents = frozenset(lexicons.load(lang).get("source_documents", []))
        self._not_people = frozenset(lexicons.load(lang).get("plural_cue_not_people", []))
        (
            self._with_participle, self._collective, self._owned_document, self._incidentals
        ) = _lexicon_patterns(lang)
        # « la centrale syndicale »: where adjectives follow the noun, but for a few
        self._noun_first = bool(lexicons.load(lang).get("adjective_after_noun"))
        self._before_noun = frozenset(lexicons.load(lang).get("adjectives_before_noun", []))
        # "Varenta" for "Drugmaker Varenta Pharmaceuticals": the words that end a company's name
        heads = lexicons.load(lang).get("company_name_heads", [])
        self._company_heads = (
            re.compile(rf"[ \u00a0](?:{'|'.join(map(re.escape, heads))})(?![\w\-])") if heads else None
        )
        found = lexicons.load(lang).get("document_verbs", [])
        self._document_close = re.compile(
            r",[ \u00a0]+(?:the|its|their|this)[ \u00a0]+(?P<doc>[a-z]+)[ \u00a0]+"
            rf"(?:{'|'.join(map(re.escape, found))})[.!]?[ \u00a0\n]*$"
        ) if found else None
        # « glisse un conseiller du chef de l'État », « selon un analyste d'Oddo BHF »: a person
        # unnamed after an indefinite article, with whom or what they work for.
        unnamed = lexicons.load(lang).get("indefinite_persons", [])
        # (« un proche du dossier sous couvert d'anonymat »: the complement stops at a preposition)
        stops = lexicons.alternation(lexicons.load(lang).get("indefinite_person_stops", []) or ["(?!x)x"])
        endings = lexicons.load(lang).get("office_adjective_endings", [])
        adjective = (  # (« un conseiller ministériel »)
            rf"(?:[ \u00a0]+[a-zà-ÿœæ][\w\-]*(?:{'|'.join(map(re.escape, endings))})(?![\w\-]))?"
            if endings else ""
        )
        self._unnamed_person = (
            re.compile(
                rf"(?P<person>(?:{lexicons.alternation(unnamed)})(?![\w\-]){adjective}"
                r"(?:[ \u00a0]+(?:du|de la|des|de|d['’]|de l['’])[ \u00a0]*(?<=['’ \u00a0])"
                r"[^\s,.;:«»()!?]+(?:[ \u00a0]+(?!(?:" + stops + r")(?![\w\-]))[^\s,.;:«»()!?]+){0,4}?)?)"
                rf"(?=[ \u00a0]*(?:[,.;:»)!?]|$)|[ \u00a0]+(?:{stops})(?![\w\-]))"
            )
            if unnamed else None
        )
        portfolio = lexicons.load(lang).get("joined_portfolio_words", [])
        self._portfolio_words = "|".join(map(re.escape, portfolio)) if portfolio else None
        # "A Downing Street spokesman said", "a Treasury source said": the name with its noun
        nouns = lexicons.load(lang).get("name_office_nouns", [])
        self._name_noun = (
            re.compile(rf"[ \u00a0]+(?:{'|'.join(map(re.escape, nouns))})[ \u00a0]*") if nouns else None
        )
        self._name_then_noun = (
            re.compile(
                r"(?:^|(?<=[ \u00a0]))(?:[Aa]n?|[Tt]he)[ \u00a0]+"
                r"(?P<name>(?:[A-Z][\w’'\-]*[ \u00a0]+){0,3}[A-Z][\w’'\-]*)"
                rf"[ \u00a0]+(?P<noun>{'|'.join(map(re.escape, nouns))})[ \u00a0]*$"
            ) if nouns else None
        )
        self._office_nouns = frozenset(lexicons.load(lang).get("office_nouns", []))
        # « », calcule Thierry Lemoine »: verbs that say who spoke only right after a quote
        quote_verbs = lexicons.load(lang).get("quote_only_speech_verbs", [])
        self._quote_verbs = (
            re.compile(rf"(?:{lexicons.alternation(quote_verbs)})(?![\w\-’'])") if quote_verbs else None
        )

    @property
    def title_words(self) -> frozenset[str]:
        """Every word of the language's titles ("Chief", "Secretary", « ministre »)."""
        return self._pat.title_words

    def after_quote(self, text: str, close: int, sentence_end: int) -> tuple[str | None, bool]:
        """Speaker named after a closing quote ("», a expliqué la capitaine Léa Roux").

        Returns (speaker, inherit): `inherit` is True when nothing names the speaker here, or a
        pronoun does ("», a-t-il ajouté", "he said"), so the previous quote's speaker carries.
        """
        pat = self._pat
        window_end = min(sentence_end, close + 160)
        verb = pat.speech_verb.search(text, close, window_end)
        lead = _QUOTE_CLOSE_LEAD.match(text, close, window_end)
        if self._quote_verbs is not None and lead and lead.group().strip(" \u00a0\u202f") == ",":
            quoted_verb = self._quote_verbs.match(text, lead.end(), window_end)
            if quoted_verb is not None and (verb is None or quoted_verb.start() < verb.start()):
                verb = quoted_verb  # « », calcule Thierry Lemoine, boulanger à Tours »
        if verb is None:
            return None, True
        between = text[close : verb.start()]
        if pat.pronoun_after.search(between) or self._joined.match(between):
            return None, True
        if self._unowned_document(between):
            return None, True  # '“...,” the statement said': its author's, named before
        if self._demonym.fullmatch(between) or self._demonym.match(text, verb.end(), window_end):
            # '“...,” the Swede said', « », a souri le Suédois », "said the 27-year-old": the
            # person named before, by nationality or age.
            return None, True
        if any(ch.isupper() for ch in between):
            name = _speaker_ending_at(pat, text, close, verb.start(), _LOWER_GAP)
            name = name or _speaker_ending_at(pat, text, close, verb.start(), _PUNCT_GAP)
            name = name or _speaker_ending_at(pat, text, close, verb.start(), _APPOSITION_GAP)
            if name is None and (acronym := _ACRONYM_AFTER_QUOTE.fullmatch(between)):
                return acronym.group("name"), False  # '“...,” KCNA said': the agency
            return self._or_organisation(text, close, verb.start(), name), False
        office = self.organisation_ending_at(text, close, verb.start())
        if office in self._anaphoric:
            return None, True  # '”, the official said': said before
        if office:
            return office, False
        titled = self.title_reference(text, close, verb.start())  # '”, the governor said'
        if titled:
            return titled, False
        window = min(window_end, verb.end() + 100)
        place = self._impersonal_source(text, verb.end(), window)  # « », indique-t-on au parquet »
        if place:
            return place, False
        after = text[verb.end() : verb.end() + 12].strip().lstrip("-")  # "raconte-t-elle"
        if pat.pronoun_after.match(after):
            return None, True
        past = self._past_verb(text, verb.end(), window)  # « a déclaré à l’AFP », « mardi soir »
        name = self.titled_name(text, past, window)  # "», a annoncé la maire de Rouen, X"
        if name is None:
            titled = self._title_after(text, past, window)  # « », a poursuivi la ministre »
            if titled:
                return titled, False
            office = self._indefinite_office(text, past, window)  # « », a réagi un porte-parole de l’UFC »
            if office:
                return office, False
        if name is None and verb.group() not in self._addressee_verbs:
            subject = _NOUN_SUBJECT.match(text, past, window)
            if subject is not None:
                # « », a raconté le coureur de 26 ans au micro de France Télévisions »: a person
                # referred to by a noun, and where it was said, not the channel
                person = self._described_person(text, close, subject.group("noun"))
                return person, person is None
        for match in () if name else pat.speaker.finditer(text, past, window):
            name = _clean_name(pat, match)
            if name and (job := _JOB_WORDS.match(text, match.end(), window)):
                # '”, said Unite regional officer Dawn Price': the person after the job
                person_match = pat.speaker.match(text, job.end(), window)
                person_name = _clean_name(pat, person_match, strict=True) if person_match else None
                if person_name and " " in person_name:
                    name = person_name
            if name or "," in text[past : match.start()]:
                break
        if name is None and verb.group() not in self._addressee_verbs:
            name = self.organisation_at(text, past, window)  # "», a indiqué la préfecture"
            if name in self._anaphoric:
                return None, True
            # « », a indiqué l'ARS dans un communiqué »: an acronym, spelled out where the
            # article gives it in full
            name = name or self._acronym_subject(text, _past_space(text, past, window), window)
            noun = pat.noun_after.match(text, past, window) if name is None else None
            if noun is not None:
                # « », a promis l’infirmière »: the person the article described so ("Soizic Le
                # Gall, infirmière aux urgences"), else said before (« a ajouté l’élu »)
                person = self._described_person(text, close, noun.group().strip(" ,.;»”\""))
                return person, person is None
        return name, False

    def aged_referent(self, text: str, close: int, sentence_end: int) -> str | None:
        """The person an age names after a quote ('”, the 27-year-old said', '”, the teenager
        said', « », a souri le jeune homme de 19 ans »): the last one the article gave that age
        in apposition before the quote ("Kofi Mensah ... Mensah, 19,"), in full."""
        window = text[close : min(sentence_end, close + 60)]
        match = _AGE_AFTER_QUOTE.match(window)
        if match is None:
            return None
        if match.group("years"):
            low = high = int(match.group("years"))
        else:
            low, high = 13, 19  # "the teenager", "the teen"
        found = None
        for aged in _AGE_APPOSITION.finditer(text, max(0, close - 3000), close):
            if low <= int(aged.group("age")) <= high:
                name = _speaker_ending_at(self._pat, text, max(0, aged.start() - 60), aged.start(), _NO_GAP)
                found = name or found
        return self.fullest(text, found) if found else None

    def referring_noun(self, text: str, close: int, sentence_end: int) -> str | None:
        """The common noun that names the speaker after a quote's verb (« », a reconnu le
        prévenu à la barre », « », a ajouté l'infirmière. »), which stands for a person named
        before: the noun itself where no person was."""
        window_end = min(sentence_end, close + 160)
        verb = self._pat.speech_verb.search(text, close, window_end)
        if verb is None or len(text[close : verb.start()].split()) > 2:
            return None  # (« », a reconnu », "”, the"; not a clause of its own before the verb)
        window = min(window_end, verb.end() + 100)
        past = self._past_verb(text, verb.end(), window)
        match = _NOUN_SUBJECT.match(text, past, window)
        if match is not None:
            noun = match.group("noun")
        else:
            after = self._pat.noun_after.match(text, past, window)
            if after is None:
                return None
            noun = after.group().strip(" ,.;»”\"").replace("’", "'").split("'")[-1].split()[-1]
        lower = noun.lower()
        if lower in self._pat.function_words or lower in self._documents or (
            self._pat.pronoun_after.fullmatch(lower)
        ):
            return None  # (« », précise le communiqué »: its author's)
        return noun

    def names_person(self, name: str) -> bool:
        """Whether a speaker is a person ("Jean-Paul Le Gall", "Judge Helen Marsh"), not an
        office or an organisation (« gendarmerie », "Agence régionale de santé", "CGT")."""
        if not name[:1].isupper() or name.isupper():
            return False
        return self._pat.org_words.isdisjoint(lexicons.letter_tokens(name))  # (both lowercased)

    def _described_person(self, text: str, before: int, phrase: str) -> str | None:
        """The person named before `before` whom an apposition describes with the noun of
        `phrase` (« l’infirmière » -> "Soizic Le Gall, infirmière aux urgences")."""
        noun = phrase.replace("’", "'").split("'")[-1].split()[-1].lower() if phrase else ""
        if len(noun) < 4 or noun in self._anaphoric:
            return None
        at = text.rfind(noun, 0, before)
        while at > 0:
            end = at + len(noun)
            if not text[at - 1].isalpha() and not text[end : end + 1].isalpha():
                person = _speaker_ending_at(
                    self._pat, text, max(0, at - 90), at, _DESCRIPTION_GAP, strict=True
                )
                if person and " " in person:
                    return person
            at = text.rfind(noun, 0, at)
        return None

    def document_subject(self, text: str, start: int, end: int) -> bool:
        """Whether the clause at `start` opens with a document as the subject of a speech verb
        ("The report says ...", « Le communiqué précise que ... »): its author's, named before."""
        verb = self._pat.speech_verb.search(text, start, min(end, start + 40))
        return verb is not None and self._unowned_document(text[start : verb.start()])

    def role_person(self, text: str, before: int, noun: str) -> str | None:
        """The person a role noun stands for, by the verb of that role the article gives them
        last before `before` ("the witness" for "..., testified Nadia Petrov" or "Nadia Petrov
        testified"; lexicon `role_verbs`), or None."""
        verbs = self._role_verbs.get(noun.lower())
        if not verbs:
            return None
        found = None
        pattern = re.compile(rf"(?<![\w\-])(?:{lexicons.alternation(verbs)})(?![\w\-])")
        for verb in pattern.finditer(text, 0, before):
            reach = min(before, verb.end() + 60)
            name = _speaker_starting_at(self._pat, text, verb.end(), reach, strict=True)
            name = name or _speaker_ending_at(
                self._pat, text, max(0, verb.start() - 60), verb.start(), _LOWER_GAP, strict=True
            )
            if name and " " in name:
                found = name
        return found

    def document_author(self, text: str, start: int, end: int) -> str | None:
        """The author of a document opening the clause with "by" and a verb of findings ("A poll
        released Thursday by Saint Anselm College showed ...", "A study by the University of
        Utah found ..."): that author; not "A poll of 900 voters showed" (no author)."""
        if self._document_by is None:
            return None
        opening = self._document_by.match(text, _past_space(text, start, end), min(end, start + 120))
        if opening is None or opening.group("doc").lower() not in self._documents:
            return None
        window = min(end, opening.end() + 90)
        author = self.organisation_at(text, opening.end(), window) or _speaker_starting_at(
            self._pat, text, opening.end(), window, strict=True
        )
        if author is None:
            return None
        at = text.find(author, opening.end(), window)
        verb = self._document_verb.match(text, at + len(author), end) if at >= 0 else None
        return author if verb else None

    def document_closes(self, text: str, start: int, end: int) -> bool:
        """Whether the sentence closes on an article, a document and a speech verb or a verb of
        findings (", the report found.", ", the study showed."): its author's, named before."""
        if self._document_close is None:
            return False
        close = self._document_close.search(text, start, end)
        return close is not None and close.group("doc").lower() in self._documents

    def _unowned_document(self, words: str) -> bool:
        """Whether `words` are only an article and a document ("the statement", « le
        communiqué »), which stands for its author named before."""
        pieces = words.replace("’", "' ").replace("'", "' ").split()
        pieces = [p for p in pieces if p.strip(",”»\"")]
        return (
            len(pieces) == 2
            and pieces[0].lower().rstrip("'") in self._articles
            and pieces[1].lower() in self._documents
        )

    def before_quote(self, text: str, sentence_start: int, opened: int) -> str | None:
        """Speaker named before an opening quote ("le général Bernard a répondu : « ... »")."""
        pat = self._pat
        sentence_start = self._past_frame(text, sentence_start, opened)
        window_start = max(sentence_start, opened - 250)
        cues = [(c.start(), c.end()) for c in pat.source_cue.finditer(text, window_start, opened)]
        for verb in reversed(list(pat.speech_verb.finditer(text, window_start, opened))):
            if any(a <= verb.start() < b for a, b in cues):
                continue  # « Comme le précise le maire, X : « ... » »: the cue's, after it
            if _COORDINATED.search(text, max(window_start, verb.start() - 8), verb.start()):
                # « L'Association ... a condamné le crime de Tombouctou et estimé que « ... » »:
                # the subject of the first verb, not the place before « et »
                name = self.source(text, sentence_start, verb.end())
                if name:
                    return name
            vs = self._incidental_start(text, window_start, verb.start())
            start_of_clause = window_start
            near = max(window_start, vs - _NAME_REACH)
            if text[max(window_start, vs - 4) : vs].rstrip(" a").endswith(
                ","
            ) and _speaker_ending_at(pat, text, near, vs, _LOWER_GAP, strict=True) is None and (
                # ("Labour’s candidate, Owen Davies, who came second, said the party had “...”":
                # the person before the apposition is the subject)
                _person_before_apposition(pat, text, max(window_start, vs - 260), vs) is None
            ):
                # « ... près de Narbonne (Aude), a indiqué mardi la préfecture, qui évoque un feu
                # « ... » »: the office or person after the inverted verb, not the place before
                # it (« Me X, a plaidé l’acquittement » is X's)
                window = min(opened, verb.end() + 80)
                past = self._past_verb(text, verb.end(), window)
                name = self._impersonal_source(text, verb.end(), window)
                name = name or self._title_after(text, past, window, before_comma=False)
                name = name or _speaker_starting_at(pat, text, past, window, strict=True)
                # (« ..., estime le gestionnaire du réseau RTE, qui n'anticipe « ... » »)
                name = name or self._named_office_at(text, past, window)
                name = name or self.organisation_at(text, past, window)
                if name:
                    return name
            name = self._document_owner(text, near, vs) or _speaker_ending_at(pat, text, near, vs, _LOWER_GAP)
            name = self._person_for(
                text, near, vs, self._apposed_person(text, max(start_of_clause, vs - 260), vs, name)
            )
            name = name or self._relative_subject(text, window_start, vs)
            name = self._or_organisation(text, near, vs, name)
            # (a title with no person named with it lets the quote take the previous speaker:
            # « ... par Emmanuel Macron. Le président français a annoncé : « ... » »)
            name = name or self.title_reference(text, near, vs, office=False)
            name = name or self._common_subject(text, near, vs)  # "The opposition called"
            name = name or self._unnamed_subject(text, near, vs)  # « un conseiller ministériel résume »
            gap = None if name else _APPOSITION_GAP.search(text, near, vs)
            if gap is not None and gap.end() == vs:
                # « Le gouvernement malien, impuissant, a de son côté dénoncé « ... » »: the
                # common subject before its apposition
                name = self._common_subject(text[: gap.start()] + " ", near, gap.start() + 1)
            if name:
                return self._with_office_noun(text, near, vs, name)
        name = self._cued(text, window_start, opened) or self.with_participle(text, window_start, opened)
        if name is None and text[window_start:opened].rstrip().endswith(":"):
            name = self.opening_subject(text, window_start, opened)
        return name

    def _unnamed_subject(self, text: str, start: int, verb: int) -> str | None:
        """An unnamed person after an indefinite article right before a speech verb (« un
        conseiller ministériel résume », « un proche du dossier confie »)."""
        if self._unnamed_person is None:
            return None
        head = text[start:verb].rstrip()
        for article in self._indefinite:
            at = head.lower().rfind(article)  # (also « Un proche du dossier confie »)
            if at < 0 or (at > 0 and head[at - 1].isalpha()):
                continue
            person = self._unnamed_person.match(text, start + at + len(article), start + len(head))
            if person and person.end() == start + len(head):
                return person.group("person")
        return None

    def _past_frame(self, text: str, start: int, end: int) -> int:
        """Past an interview frame opening the sentence (« Interrogé par Le Figaro, », « Contactée
        par l'AFP, »): who asked is not who speaks; the subject comes after it."""
        if self._frame is None:
            return start
        match = self._frame.match(text, start, end)
        return match.end() if match else start

    def opening_subject(self, text: str, start: int, opened: int) -> str | None:
        """The person opening the clause of a quote that has no speech verb, as its subject:
        'During questions on Wednesday, Okafor defended the budget: "..."', « Bruno Le Roux,
        président du groupe, est intervenu, trouvant le « procédé choquant » » (a surname alone
        when the article names the person in full)."""
        pat = self._pat
        for match in pat.speaker.finditer(text, start, opened):
            before = text[start : match.start()].rstrip(" \t\u00a0\u202f")
            if before and (not before.endswith(",") or before.count(",") > 1):
                continue  # (opening the sentence, or after one phrase before it: "Plus tard, X")
            after = match.end()
            # "X, président du groupe, est", « X, jeune appelé et témoin de la scène avec le
            # photographe de son régiment, raconte »
            apposition = _APPOSITION_GAP.match(text, after, opened) or _LONG_APPOSITION.match(
                text, after, opened
            )
            if apposition:
                after = apposition.end()
            if not text[after:opened].lstrip()[:1].islower():
                continue
            name = _clean_name(pat, match, strict=True)
            if name is None:
                single = _clean_name(pat, match)
                name = single if single and self.fullest(text, single) != single else None
            if name:
                return name
        return None

    def _apposed_person(self, text: str, start: int, verb: int, name: str | None) -> str | None:
        """The person before an apposition running to `verb`, over `name`, the name found right
        before the verb, when that is none, a single word ("Senator Paul Whitcomb, a Republican
        from Nebraska, called": not the state), or a piece of the apposition's organisation
        ("Maria Ostrowski, chief executive of the Harbor Transit Authority, said"); "Ann Lee, a
        spokeswoman for the county, said" is the person, not the office."""
        person = _person_before_apposition(self._pat, text, start, verb)
        if person is None or name is None:
            return name if person is None else person[0]
        if " " not in name and person[0].find(name) < 0:
            return person[0]
        if text.rfind(name, start, verb) > person[1] and (
            self._may_be_piece(text, start, verb, name) or name[:1].islower()
        ):
            # (and "Dr. Alan Pierce, the chief medical officer of Twin Cities Health, told": the
            # office of the apposition)
            return person[0]
        return name

    def _person_for(self, text: str, start: int, verb: int, name: str | None) -> str | None:
        """The person right before "for"/"of"/"at" and the organisation `name` ending at the verb
        ("Lydia Buchtmann for Food Standards Australia New Zealand, says"), else `name`."""
        if name is None or " " not in name:
            return name
        at = text.rfind(name, start, verb)
        joint = _FOR_ORGANISATION.search(text, start, at) if at > start else None
        if joint is None:
            return name
        person = _speaker_ending_at(self._pat, text, start, joint.start(), _NO_GAP, strict=True)
        return person or name

    def _or_organisation(self, text: str, start: int, end: int, name: str | None) -> str | None:
        """`name`, or the organisation ending at `end` when there is one and the name is only
        a piece of it ("Human Services" of "the Department of Health and Human Services")."""
        office = self._office_after_name(text, start, end, name) if name is not None else None
        if office is not None:
            return office
        if name is not None and " " in name and name[:1].isupper():
            placed = self._office_in_place(text, start, end)
            if placed:  # "The government in Port Moresby called": the office, not its city
                return placed
        if name is not None and not self._may_be_piece(text, start, end, name):
            return name
        if name is None:
            named = self._named_office(text, start, end)  # "the regulator Ofwat said"
            if named:
                return named
            placed = self._office_in_place(text, start, end)  # "the ministry in The Hague said"
            if placed:
                return placed
        org = self.organisation_ending_at(text, start, end)
        if org and name is None and self._synonyms:
            # « Le chef du gouvernement a annoncé »: the title, not the office inside it.
            for match in self._pat.title_office.finditer(text, max(start, end - 60), end):
                office = match.group("office")
                if (
                    office.lower() in self._synonyms
                    and (_LOWER_GAP.fullmatch(text, match.end(), end) or match.end() == end)
                ):
                    return self._titled_person(text, match)
        if org is None and name is not None:
            # "The Securities and Exchange Commission, which brought ..., said": the whole name
            wider = self.organisation_ending_at(text, start, end, apposition=True)
            if wider and name in wider and self._names_office(wider):
                return wider
        if org and name is None and org[:1].islower() and self._title_complement(text, start, end, org):
            return None  # « Barroso, le président de la commission européenne se dit »: the title's
        if org and (name is None or (name in org and self._names_office(org))):
            at = text.rfind(org, start, end)
            of = _OF_THE_BEFORE.search(text, max(start, at - 8), at) if at > start else None
            person = of and _speaker_ending_at(self._pat, text, start, of.start(), _NO_GAP, strict=True)
            if person:
                return person  # "Professor Helen Ashby of the University of Oxford called": hers
            return org  # but "Officials at the State Department" said: the State Department
        return name

    def _office_after_name(self, text: str, start: int, end: int, name: str) -> str | None:
        """The office after a comma that follows `name` and runs to `end` ("... nine hospitals in
        the Twin Cities, the union said"): the subject, the name ends the clause before."""
        at = text.rfind(name, start, end)
        comma = text.find(",", at + len(name), end) if at >= start else -1
        if comma < 0 or "," in text[comma + 1 : end]:
            return None  # "Karen Wells, the airline's spokeswoman, said": an apposition
        org = self.organisation_ending_at(text, comma + 1, end)
        if org is None or not org[:1].islower() or text.rfind(org, comma, end) < comma:
            return None
        return org

    def _office_in_place(self, text: str, start: int, end: int) -> str | None:
        """The office before "in" and a place closing at `end` ("The economy ministry in The
        Hague said", « La préfecture à Ajaccio a indiqué »): where it sits is no speaker."""
        match = _PLACE_BEFORE.search(text, max(start, end - 60), end)
        if match is None:
            return None
        org = self.organisation_ending_at(text, start, match.start())
        if org is None or not org[:1].islower():
            return None
        return org

    def _title_complement(self, text: str, start: int, end: int, org: str) -> bool:
        """Whether the office `org`, ending at `end`, completes a title before it (« le
        président de la commission », "the chairman of the commission"): a piece of the title."""
        at = text.rfind(org, start, end)
        if at <= start:
            return False
        before = text[max(start, at - 40) : at].split()
        while before and before[-1].lower() in _TITLE_LINKS:
            before = before[:-1]
        if len(before) == len(text[max(start, at - 40) : at].split()):
            return False  # no « de » between them
        return bool(before) and before[-1].lower().strip(",") in self._pat.title_words

    def _named_office(self, text: str, start: int, end: int) -> str | None:
        """The name after an office noun right before `end`: "the regulator Ofwat" said, « le
        constructeur Renault a annoncé »."""
        found = None
        for match in self._pat.named_office.finditer(text, max(start, end - 80), end):
            if _LOWER_GAP.fullmatch(text, match.end(), end) or match.end() == end:
                found = match.group("name")
        return found if found and found.rstrip(".") not in self._pat.not_names else None

    def _named_office_at(self, text: str, start: int, end: int) -> str | None:
        """The name after an office noun at `start`, closing the clause: "..., said the
        regulator Ofwat.", « ..., a annoncé le constructeur Renault »."""
        start = _past_space(text, start, end)
        match = self._pat.named_office.match(text, start, end)
        if match is None or text[match.end() : match.end() + 1] not in ("", ".", ",", ";", "»", "”", '"'):
            return None
        return match.group("name")

    def _names_office(self, org: str) -> bool:
        """Whether `org` is the speaker itself: an organisation, or a spokesperson's office
        ("spokeswoman for the Department of ..."), not officials at one."""
        first = org.split()[0]
        return first.lower() not in self._offices or first in self._pat.title_words

    def _may_be_piece(self, text: str, start: int, end: int, name: str) -> bool:
        """Whether `name` may be a piece of an organisation's name: it holds a head word
        ("S. Geological Survey") or follows a connector ("... and Human Services")."""
        if any(word in self._heads for word in name.split()):
            return True
        at = text.rfind(name, start, end)
        if at < 0:
            return False
        before = text[max(start, at - 6) : at].split()
        return bool(before) and before[-1] in _CONNECTOR_WORDS

    def titled_name(self, text: str, start: int, end: int) -> str | None:
        """A person named after a title and a comma, the apposition closing after the name, at
        `start` (after a weekday or two lowercase words): « mardi la présidente de la région,
        Valérie Lemoine, ... »; not « selon la police, Jean Dupont a été ... »."""
        start = _past_space(text, start, end)
        match = self._pat.titled.match(text, start, end)
        if match is None:
            return None
        person = self._pat.speaker.match(text, match.end(), end)
        # The apposition closes after the name: « la maire, Sophie Lenoir, a » or at the end
        # (« ..., Sophie Lenoir : « ... » », with the space French puts before a colon).
        if person is None or (
            text[person.end() : person.end() + 1] not in ",.;:)»”\""
            and text[person.end() : person.end() + 2] != " ("  # « Olivier Fabre (Horizons), »
            and text[person.end() : min(end, person.end() + 3)].lstrip(" \u00a0\u202f")[:1] != ":"
        ):
            return None
        return _clean_name(self._pat, person, strict=True)

    def incise(self, text: str, start: int, end: int) -> str | None:
        """The speaker named inside a quotation: « ..., a témoigné Bernard Lacoste, ... »."""
        pat = self._pat
        for verb in pat.speech_verb.finditer(text, start, end):
            if not _INVERTED.search(text, max(start, verb.start() - 12), verb.start()):
                continue
            window = min(end, verb.end() + 120)
            past = self._past_verb(text, verb.end(), window)
            name = _speaker_starting_at(pat, text, past, window, strict=True)
            name = name or self.titled_name(text, past, window)
            if name:
                return name
        return None

    def _impersonal_source(self, text: str, at: int, end: int) -> str | None:
        """Where an impersonal « on » after a speech verb speaks: « indique-t-on au parquet », «
        explique-t-on à Matignon », « précise-t-on auprès de la direction »."""
        match = self._pat.on_source.match(text, at, end)
        if match is None:
            return None
        return (
            self.organisation_at(text, match.end(), end)
            or self._lone_name_after(text, match.end(), end)
            or self._title_after(text, match.end(), end)  # « dans l’entourage du ministre »
        )

    def _past_verb(self, text: str, at: int, end: int) -> int:
        """Where the subject of an inverted speech verb may start: past whom it was said to and
        when (« a déclaré à l’AFP le directeur », « a annoncé avant-hier la Plateforme »)."""
        match = self._pat.past_verb.match(text, at, end)
        return match.end() if match else at

    def title_reference(self, text: str, start: int, end: int, office: bool = True) -> str | None:
        """A title standing for a person right before `end` ("the governor" said, « la ministre
        de la Culture a annoncé »): the person the article names with that title before, or
        else (when `office`) the office itself ("ministre de la Culture")."""
        found = None
        for match in self._pat.title_office.finditer(text, start, end):
            if _LOWER_GAP.fullmatch(text, match.end(), end) or match.end() == end:
                found = match
        if found is None:
            return None
        name = self._titled_person(text, found)
        return name if office or name != found.group("office") else None

    def _title_after(self, text: str, start: int, end: int, before_comma: bool = True
                     ) -> str | None:
        """A title closing an inverted attribution (« ..., a poursuivi la ministre. », « a
        indiqué son secrétaire général »): whom it stands for (`before_comma`: also a title
        followed by a comma)."""
        titled = self._pat.title_office.match(text, start, end)
        if titled and (
            text[titled.end() : titled.end() + 1] in ((",", ".", ";", "»", "”", '"', "")
                                                      if before_comma
                                                      else (".", ";", "»", "”", '"', ""))
            or self._pat.place_after.match(text, titled.end(), end)  # « ... devant les députés »
        ):
            return self._titled_person(text, titled)
        return None

    def _titled_person(self, text: str, match: re.Match[str]) -> str:
        """The person named earlier with the title of `match` (« la ministre de la Culture,
        Claire Fontaine », "Governor Lena Hart"), or the office when there is none."""
        office = match.group("office")
        at = match.start()
        person = self._named_with(text, office, at)
        # « le chef du gouvernement » for the person named « le Premier ministre, X ».
        for other in self._synonyms.get(office.lower(), ()):
            person = person or self._named_with(text, other, at)
        return person or office

    def _named_with(self, text: str, title: str, at: int) -> str | None:
        """The last person named with `title` before `at` (« la ministre de la Culture, Claire
        Fontaine », "Governor Lena Hart"), or None."""
        person = None
        for earlier in re.finditer(re.escape(title), text[:at], re.IGNORECASE):
            name = self.titled_name(text, earlier.start(), min(at, earlier.start() + 200))
            if name is None:
                name = _speaker_starting_at(self._pat, text, earlier.end(), min(at, earlier.end() + 60), True)
            portfolio = _PORTFOLIO_BEFORE.search(text, max(0, earlier.start() - 30), earlier.start())
            if portfolio:
                # "U.S. District Judge Naomi Feld" for "the judge": the title as the article gave it
                reach = min(at, earlier.end() + 60)
                fuller = _speaker_starting_at(self._pat, text, portfolio.start(), reach, True)
                if fuller and name and fuller.endswith(name.split()[-1]) and len(fuller) > len(name):
                    name = fuller
            if name:
                person = name
        return person

    def incise_pronoun(self, text: str, start: int, end: int) -> bool:
        """Whether a pronoun speaks inside a quotation: « ..., a-t-elle reconnu, ... »,
        '"..., he said, "..."'."""
        verbs = self._pat.speech_verb.finditer(text, start, end)
        return any(self._inverted_pronoun(text, verb, end) for verb in verbs)

    def opinion(self, text: str, start: int, end: int) -> str | None:
        """Whose view a clause opens with: « Pour l’économiste Hélène Garnier, ... », "For
        economist Jane Doe, ..." (a person: a title, or two name words, then a comma)."""
        pat = self._pat
        lead = pat.opinion.match(text, start, end)
        match = pat.speaker.match(text, lead.end(), end) if lead else None
        if match is not None and text[match.end() : match.end() + 1] == ",":
            name = _clean_name(pat, match, strict=True)
            if name:
                return name
        # « Pour la secrétaire générale du SNUipp-FSU, Élodie Marchal, ... »: the person in
        # apposition after the title.
        cue = pat.opinion_cue.match(text, start, end)
        return self.titled_name(text, cue.end(), end) if cue else None

    def opinion_refers_back(self, text: str, start: int, end: int) -> bool:
        """Whether a clause opens with the view of a person named before, by a noun that stands
        for them (« Pour la syndicaliste, ... », « Pour l’élu, ... »)."""
        cue = self._pat.opinion_cue.match(text, start, end)
        if cue is None:
            return False
        words = lexicons.letter_tokens(text[cue.end() : min(end, cue.end() + 40)].split(",")[0])
        if words and words[0] in self._articles:
            words = words[1:]
        return bool(words) and " ".join(words) in self._anaphoric

    def opens_with_opinion(self, first_word: str) -> bool:
        return first_word in self._pat.opinion_first

    def opens_with_opinion_at(self, text: str, start: int, end: int) -> bool:
        """Whether `text[start:end]` opens with an opinion cue (« Pour ... », "For ...")."""
        words = lexicons.letter_tokens(text[start : min(end, start + 20)])
        if not words or not self.opens_with_opinion(words[0]):
            return False
        # (« Pour la principale association ..., l’April : », not « Pour gagner, »)
        return self._pat.opinion.match(text, start, end) is not None or (
            len(words) > 1 and words[1] in self._articles
        )

    def _cued(self, text: str, start: int, end: int) -> str | None:
        """The speaker right after "selon", "according to", ... in `text[start:end]`."""
        pat = self._pat
        for cue in pat.source_cue.finditer(text, start, end):
            if not text[cue.end() : cue.end() + 1].isspace():
                continue
            document = pat.document.match(text, cue.end(), min(end, cue.end() + 80))
            if document:  # "according to a statement from the FAA": the document's author
                # ("a study published Tuesday by researchers at the University of Sydney")
                common = pat.common_of_name.match(text, document.end(), min(end, document.end() + 100))
                name = common.group("name") if common else None
                name = name or self.organisation_at(text, document.end(), min(end, document.end() + 100))
                name = name or self._adjective_name(text, document.end(), min(end, document.end() + 80))
                name = name or _speaker_starting_at(pat, text, document.end(), min(end, document.end() + 80))
                name = name or self._lone_name_after(text, document.end(), min(end, document.end() + 40))
                if name:
                    return name
            named = pat.document_name.match(text, cue.end(), min(end, cue.end() + 80))
            if named:  # « selon un sondage Ifop », "according to a Gallup poll"
                name = named.group("after") or named.group("before")
                if name.split()[0].rstrip(".") not in pat.not_names:
                    return name
            name = self.titled_name(text, cue.end(), min(end, cue.end() + 160))
            name = name or self._common_then_apposed(text, cue.end(), min(end, cue.end() + 140))
            name = name or self._office_then_person(text, cue.end(), min(end, cue.end() + 140))
            # (« rapporte l'agence officielle IRNA », « selon le constructeur Renault »)
            name = name or self._named_office_at(text, cue.end(), min(end, cue.end() + 100))
            name = name or self.organisation_at(text, cue.end(), min(end, cue.end() + 100))
            name = name or self._adjective_name(text, cue.end(), min(end, cue.end() + 80))
            name = name or _speaker_starting_at(pat, text, cue.end(), min(end, cue.end() + 80))
            # « selon la préfète, », « selon les notaires »
            name = name or self._title_after(text, cue.end(), min(end, cue.end() + 100))
            name = name or self._common_after(text, cue.end(), min(end, cue.end() + 60))
            # "according to witnesses,", « selon plusieurs témoins, »
            name = name or self._plural_after(text, cue.end(), min(end, cue.end() + 60))
            # « selon l’ANSM, », "according to Reuters," (a news agency too, though it is no
            # speaker in a dateline or a credit)
            name = name or self._lone_name_after(text, cue.end(), min(end, cue.end() + 40), agencies=True)
            name = name or self._indefinite_office(text, cue.end(), min(end, cue.end() + 100))
            name = name or self._role_then_name(text, cue.end(), min(end, cue.end() + 100))
            if name:
                return name
        return None

    def _common_then_apposed(self, text: str, start: int, end: int) -> str | None:
        """The person in apposition after a common noun closing a cue: "according to the
        families’ lawyer, Denise Carter.", "according to their lawyer, Denise Carter," (the
        name has two words at least and closes the clause)."""
        match = _COMMON_THEN_COMMA.match(text, start, end)
        if match is None:
            return None
        person = self._pat.speaker.match(text, match.end(), end)
        if person is None or text[person.end() : person.end() + 1] not in ("", ".", ",", ";", ")"):
            return None
        return _clean_name(self._pat, person, strict=True)

    def _role_then_name(self, text: str, start: int, end: int) -> str | None:
        """A person after the common noun of their role, closing a cue: "according to curator
        Anne Lowry.", "according to museum director Paul Kent," (not a place or an
        organisation: the name has two words at least)."""
        match = _ROLE_WORDS.match(text, start, end)
        if match is None or match.group(0).split()[-1] in self._pat.function_words:
            return None
        person = self._pat.speaker.match(text, match.end(), end)
        if person is None or text[person.end() : person.end() + 1] not in ("", ".", ",", ";", ")"):
            return None
        return _clean_name(self._pat, person, strict=True)

    def _source_kind(self, text: str, start: int, end: int) -> str | None:
        """« a-t-on appris de source judiciaire »: whom it was learned from and what kind of
        source it is, when nobody else says the sentence (« X a annoncé ..., a-t-on appris de
        source gouvernementale » is X's; « avait-on indiqué de source diplomatique », where the
        impersonal « on » says it, names no one)."""
        if all(text.find(word, start, end) < 0 for word in _LEARNED):  # most sentences
            return None
        for cue in self._pat.source_cue.finditer(text, start, end):
            learned = text[max(start, cue.start() - 16) : cue.start()].rstrip()
            if cue.group(0).lower().endswith("source") and learned.endswith(_LEARNED):
                kind = _KIND.match(text, cue.end(), end)
                if kind:
                    return f"{cue.group(0).split()[-1]} {kind.group(1)}"
        return None

    def _office_then_person(self, text: str, start: int, end: int) -> str | None:
        """A person named right after an office: "according to police spokesperson Tom Reilly"."""
        match = self._org_match(text, start, end, 60)
        if match is None or not text.startswith(" ", match.end()):
            return None
        return _speaker_starting_at(self._pat, text, match.end(), end, strict=True)

    def _office_then_name(self, text: str, start: int, end: int) -> str | None:
        """A one-word name right after an office noun opening the clause, without its article:
        "German carmaker Vallendorf will cut ..." (not "The parquet de Nanterre a ouvert")."""
        match = self._org_match(text, start, end, 60)
        if match is None or match.group("org").split()[-1].lower() not in self._offices:
            return None
        name = self._pat.lone_name.match(text, match.end(), end)
        if name is None or name.start("name") != match.end() + 1:
            return None
        word = name.group("name")
        following = text[name.end() : name.end() + 2]
        if word.rstrip(".") in self._pat.not_names:
            return None
        if not following[:1].isspace() or not following[1:].islower():
            return None
        return word

    def _adjective_name(self, text: str, start: int, end: int) -> str | None:
        """A name with an adjective inside it at `start`: « selon Santé publique France »."""
        start = _past_space(text, start, end)
        match = self._pat.adjective_name.match(text, start, end)
        return match.group("name") if match else None

    def _indefinite_office(self, text: str, start: int, end: int) -> str | None:
        """An office after an indefinite article: « selon un haut fonctionnaire de Bercy »."""
        start = _past_space(text, start, end)
        for article in self._indefinite:
            if text.startswith(article, start):
                name = self.organisation_at(text, start + len(article), end)
                if name is None and self._collective is not None:
                    # « selon un collectif de défense des droits des femmes », "according to a
                    # coalition of farm groups": the body and what it is of, to the clause's end
                    body = self._collective.match(text, start + len(article), end)
                    name = body.group("body") if body else None
                if name is None and self._unnamed_person is not None:
                    person = self._unnamed_person.match(text, start + len(article), end)
                    name = person.group("person") if person else None
                return name
        return None

    def _subject(self, text: str, start: int, verb: int) -> str | None:
        """A one-word subject opening the clause right before a speech verb: a company or an
        acronym ("Microsoft said", « La SNCF a annoncé »), or a surname standing alone."""
        match = self._pat.subject.fullmatch(text, start, verb)
        if match is None and "," in text[start:verb]:
            # "Alzheimer’s Research UK, which was not involved in the work, called": the name
            # before an apposition.
            gap = _APPOSITION_GAP.search(text, start, verb)
            if gap is not None and gap.end() == verb and _APPOSITION_OPENER.match(text, gap.start(), verb):
                match = self._pat.subject.fullmatch(text[start : gap.start()] + " ")
                if match and match.group("name") in self._sequence:
                    match = None  # "First, the Joint Chiefs ... went to the President, said"
        if match is None:
            return None
        name = match.group("name")
        if name.lower().removeprefix("l’").removeprefix("l'") in self._anaphoric:
            return None  # « L’élu a précisé »: the person named before
        words = name.split()
        if len(words) > 1 and (
            any(w.rstrip(".") in self._pat.not_names or w.lower() in self._weekdays for w in words)
            or not any((w.isupper() and len(w) > 1) or w.endswith(("’s", "'s")) or w == "&" for w in words)
        ):
            # A name of a few words opening the clause holds an acronym or a possessive
            # ("Alzheimer’s Research UK said"); not "On Tuesday Mayor", "In March Officials".
            return None
        return None if name.rstrip(".") in self._pat.not_names else name

    def organisation_ending_at(self, text: str, start: int, end: int, apposition: bool = False) -> str | None:
        """An organisation or office right before `end` ("the company" said), or before an
        apposition closing at `end` when `apposition` ("An official, speaking ..., said")."""
        reach = end - start if apposition else 70
        if self._pat.org_words.isdisjoint(lexicons.letter_tokens(text[max(start, end - reach) : end])):
            return None  # no head word ("Department", "préfecture") right before: no organisation
        found = None
        previous = None
        for match in self._pat.org.finditer(text, start, end):
            if (
                _LOWER_GAP.fullmatch(text, match.end(), end)
                or match.end() == end
                or (apposition and _APPOSITION_GAP.fullmatch(text, match.end(), end))
            ):
                found = _org_name(match)
                if previous is not None and match.group(0)[:1].islower() and (
                    text[previous.end() : match.start()].isspace()
                ):
                    # "Norvale's chief financial officer": one office read as two
                    found = f"{_org_name(previous)} {found}"
            previous = match
        return found

    def organisation_at(self, text: str, start: int, end: int) -> str | None:
        """An organisation or office named at `start` (after white space)."""
        match = self._org_match(text, start, end, 90)
        return _org_name(match) if match else None

    def _org_match(self, text: str, start: int, end: int, reach: int) -> re.Match[str] | None:
        """The organisation or office pattern matched at `start` (after white space), when a
        head word ("Department", « préfecture ») stands within `reach` characters of it."""
        start = _past_space(text, start, end)
        if self._pat.org_words.isdisjoint(lexicons.letter_tokens(text[start : min(end, start + reach)])):
            return None
        return self._pat.org.match(text, start, end)

    def pronoun_attribution(self, text: str, close: int, sentence_end: int) -> bool:
        """Whether a pronoun ("», a-t-il dit", "he said") or a noun referring back ("», a ajouté
        l’élu") and a speech verb follow a closing quote."""
        pat = self._pat
        verb = pat.speech_verb.search(text, close, min(sentence_end, close + 40))
        if verb is None:
            # « », a-t-il souri », « », s'amuse-t-elle »: any verb inverted with its pronoun
            # right after the quote says who spoke.
            return _INVERTED_AFTER_QUOTE.match(text, close, min(sentence_end, close + 40)) is not None
        after = text[verb.end() : verb.end() + 12].strip().lstrip("-")  # "raconte-t-elle"
        if pat.pronoun_after.search(text[close : verb.start()]) or pat.pronoun_after.match(after):
            return True
        if self._demonym.fullmatch(text, close, verb.start()) or self._demonym.match(
            text, verb.end(), min(sentence_end, verb.end() + 40)
        ):
            return True  # '”, the Swede said', « », a reconnu la Suédoise »
        if verb.group() in self._addressee_verbs:
            return False
        # « », a ajouté l’élu », "said the official": a noun standing for a person named before.
        window = min(sentence_end, verb.end() + 60)
        if _NOUN_SUBJECT.match(text, verb.end(), window) and (
            self.organisation_at(text, verb.end(), window) is None
        ):
            return True  # « », a raconté le coureur de 26 ans au micro de France 2 »
        if not pat.noun_after.match(text, verb.end(), window):
            return False
        office = self.organisation_at(text, verb.end(), window)
        return office is None or office in self._anaphoric

    def inside_cue_person(self, text: str, start: int, end: int) -> str | None:
        """The person named before a pronoun cue inside the clause, whom it stands for: « Le
        maire Jean Morel a visité l'hôtel, qui est, selon lui, ... »."""
        match = self._pat.pronoun_cue_inside.search(text, start, end)
        return self.mention(text, start, match.start("cue")) if match else None

    def pronoun_speech(self, text: str, start: int, end: int) -> bool:
        """Reported speech whose subject is a pronoun: "She said ...", "Il a déclaré que"."""
        if self._pat.pronoun_cue.match(text, start, end):
            return True  # "Selon lui, ...", "According to her, ..."
        if self._pat.pronoun_cue_inside.search(text, start, end):
            return True  # « Les écrans sont en cause, selon lui, mais aussi ... »
        verb = self._pat.speech_verb.search(text, start, min(end, start + 40))
        if verb is not None and (
            self._pat.pronoun_subject.fullmatch(text, start, verb.start()) is not None
            or self._pat.anaphor_subject.fullmatch(text, start, verb.start()) is not None
        ):
            return True
        # « La mesure coûterait ..., a-t-il précisé. », "..., he said.": a pronoun closing it.
        if self._pronoun_incise(text, start, end):
            return True
        tail = max(start, end - 60)
        if "," not in text[tail:end]:
            return False
        # Only an attribution closing the sentence: a comma, then the verb with its pronoun
        # (« , a-t-il précisé », « , dit-elle », ", he said"), then a few words at most; not
        # « , où elle demande », ", she was told", nor the impersonal « avait-on indiqué ».
        for verb in self._pat.speech_verb.finditer(text, tail, end):
            comma = text.rfind(",", tail, verb.start())
            if comma < 0 or not _PRONOUN_BEFORE_VERB.fullmatch(text, comma, verb.start()):
                continue
            after = _PRONOUN_AFTER_VERB.match(text, verb.end(), end)
            rest = text[after.end() if after else verb.end() : end]
            adjunct = _ADJUNCT_AFTER.match(rest)
            if adjunct:  # « , a-t-il précisé, sans en communiquer les résultats. »
                rest = rest[: adjunct.start("comma")]
            if not (after or text[comma:verb.start()].strip(", ")) or "," in rest:
                continue
            if len(rest.split()) <= _CLOSING_WORDS:
                return True
        return False

    def _pronoun_incise(self, text: str, start: int, end: int) -> bool:
        """A pronoun and its speech verb set between commas inside the sentence: "Younger
        residents, he said, are leaving", « Les prix, a-t-elle précisé, vont baisser »."""
        for verb in self._pat.speech_verb.finditer(text, start, end):
            comma = text.rfind(",", start, verb.start())
            if comma < 0 or not _PRONOUN_BEFORE_VERB.fullmatch(text, comma, verb.start()):
                continue
            after = _PRONOUN_AFTER_VERB.match(text, verb.end(), end)
            if not (after or text[comma : verb.start()].strip(", ")):
                continue
            if text[after.end() if after else verb.end() : end].lstrip(" \u00a0\u202f").startswith(","):
                return True
        return False

    def mention(
        self, text: str, start: int, end: int, known: Callable[[str], bool] | None = None
    ) -> str | None:
        """The first person named in `text[start:end]` (a title, or two name words; or a lone
        surname the article names in full elsewhere, when `known` says which)."""
        pat = self._pat
        titled = pat.titled.search(text, start, min(end, start + 600))
        fallback = None
        for match in pat.speaker.finditer(text, start, min(end, start + 600)):
            at = match.start("name")
            if fallback is None and _PLACE_PREPOSITION.search(text, max(start, at - 8), at):
                # « Interrogé sur France Info, le ministre, X, ... »: where it was said, not who
                fallback = match
                continue
            if titled and titled.start() <= match.start() < titled.end():
                # « Le maire de New York, Michael Bloomberg, ... »: the person, not the place.
                person = self.titled_name(text, titled.start(), end)
                if person:
                    return person
                continue
            name = _clean_name(pat, match, strict=True)
            if name and "&" in name:
                continue  # "Maillard & Fils", "Procter & Gamble": a firm, no person
            if (
                name
                and pat.titles_capitalised
                and _THE_BEFORE.search(text, max(start, at - 5), at)
                and _LOWER_NOUN_AFTER.match(text, match.end("name"), end)
            ):
                continue  # "the Dry Fork power plant": a name qualifying a noun, no person
            if name is None and known is not None:
                single = _clean_name(pat, match)
                if single and " " not in single and known(single):
                    return single  # "Lindqvist, signed last summer, now has 19 goals. He told ..."
            if name and not pat.org.fullmatch(match.group("name")):
                words = name.split()
                if (
                    match.start("name") == start
                    and sum(1 for w in words if w.lower() not in self._particles) >= 3
                    and not _opens_title(pat, words)
                ):
                    # (not "Yvon Le Bihan, maire de ...": a particle is no name word)
                    name = " ".join(words[1:])  # "Lawyer Tom Beck left": the opener is no name
                return name
        if fallback is not None:
            name = _clean_name(pat, fallback, strict=True)
            if name and not pat.org.fullmatch(fallback.group("name")):
                return name
        return None

    def fullest(self, text: str, name: str) -> str:
        """The fullest form the article gives of `name` ("général Sanzey" -> "général Paul
        Sanzey", "Smith" -> "John Smith"): the longest mention ending with the same surname
        and holding every word of `name`."""
        pat = self._pat
        words = name.split()
        if not words or self._pat.org.fullmatch(name):
            return name
        if name[0].islower() and " at " in name and pat.common_of_name.fullmatch(name):
            return name  # "researchers at the University of Sydney": the people, not the place
        if name[0].islower() and len(words) > 1 and words[-1][0].islower():
            return name  # "coalition of farm groups", « collectif de riverains »: a common noun
        if len(words) == 1 and name[:1].islower():
            return name  # "his team said": the office as written, not "the Dutch team" named before
        if len(words) == 1 and _is_acronym(name):
            return _spelled_out(text, name) or name  # "FAA" -> "Federal Aviation Administration"
        if len(words) == 1 and _MIXED_ACRONYM.fullmatch(name):
            return _spelled_mixed(text, name) or name  # "MoD" -> "Ministry of Defence"
        while len(words) > 2 and words[0] in self._demonym_words and not pat.titles_capitalised:
            words = words[1:]  # « le Français Romain Delcourt »: the person, not the nationality
            name = " ".join(words)
        last = words[-1]
        if len(words) > 1 and words[0] in pat.honorifics:
            words = words[1:]  # "Ms. Quinn", « Mme Duval »: the fuller form need not repeat it
        wanted = {w.lower() for w in words}
        best, best_len = name, len(words)
        position, seen, looked = text.find(last), 0, 0
        while position >= 0 and seen < 40 and looked < 2000:
            looked += 1
            at, position = position, text.find(last, position + len(last))
            after = text[at + len(last) : at + len(last) + 1]
            if (at and (text[at - 1].isalnum() or text[at - 1] in "-_")) or (
                after and (after.isalnum() or after in "-_")
            ):
                continue
            seen += 1
            going_on = _NEXT_WORD.match(text, at + len(last))
            if going_on and going_on.group(1) in self._name_goes_on:
                continue  # "China" is not "South China" of "the South China Sea"
            before = text[max(0, at - 80) : at]
            lead = pat.name_words.search(before)
            if not lead:
                continue
            lead_words = lead.group().split()
            particle = lead_words[-1:] if len(lead_words) > 1 and lead_words[-1] in self._particles else []
            # ("Yann de Kerlan": the particle belongs to the surname, and is no title word)
            words_before = before[: lead.start()].split()
            continued = bool(words_before) and words_before[-1] in _CONTINUED_NAME
            candidate = (
                _trailing_name(pat, lead_words[: len(lead_words) - len(particle)], continued)
                + particle
                + [last]
            )
            while candidate and (
                candidate[0].rstrip(".") in pat.not_names
                or candidate[0] in self._parties
                or candidate[0] in self._particles  # « Selon le SNUipp-FSU »
            ):
                candidate = candidate[1:]
            while len(candidate) > 2 and candidate[0] in self._demonym_words and not pat.titles_capitalised:
                candidate = candidate[1:]  # « le Belge Jens Peeters »: a nationality, no title
            honorific = next((i for i, w in enumerate(candidate) if w in pat.honorifics), None)
            if honorific is not None:
                # « », juge M. Fauré »: what comes before « M. » is no part of the name (here a
                # verb), and the honorific adds nothing to the fuller form
                candidate = candidate[honorific + 1 :]
            opening = before[: lead.start()].rstrip(" \t\u00a0\u202f")
            # (a quote closing on a comma opens no sentence: '“...,” Denver Police Chief X said')
            # (a dateline's dash opens the sentence too: "CHICAGO (AP) — Kenya’s Ruth ...")
            sentence_opens = not opening or opening.endswith(("\n", ".", "!", "?", "—", "–")) or (
                opening.endswith(("»", "”", '"')) and not opening[:-1].rstrip().endswith(",")
            )
            while (
                pat.titles_capitalised
                and len(candidate) > 1
                and candidate[0][:1].isupper()
                and candidate[0] not in self._heads
                and candidate[0].lower() in self._office_nouns
                and candidate[0] not in pat.title_words
                and candidate[1] not in pat.title_words
            ):
                # "Drugmaker Varenta": an office noun capitalised before the name (not "Police
                # Chief Angela Ruiz", a title's portfolio)
                candidate = candidate[1:]
            named = [w for w in candidate if w not in self._particles]  # "Yann de Kerlan": two
            if sentence_opens and len(named) >= 3 and not _opens_title(pat, candidate):
                candidate = candidate[1:]
            if len(candidate) > best_len and wanted <= {w.lower() for w in candidate} and len(candidate) <= 6:
                best, best_len = " ".join(candidate), len(candidate)
        if len(words) == 1 or (len(words) == 2 and words[0] in pat.title_words):
            # "Lee told reporters" after "Lee Dong-wook": a family name written first, before a
            # hyphenated given name (Korean order), is the surname the article refers back to.
            given = re.search(
                rf"(?<![\w\-]){re.escape(last)}[ \u00a0](?P<given>[A-Z][a-z]+-[a-z]+)(?![\w\-])", text
            )
            if given:
                return self.fullest(text, f"{name} {given.group('given')}")
        if best == name and len(words) == 1 and self._company_heads is not None:
            for mention in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?=[ \u00a0])", text):
                head = self._company_heads.match(text, mention.end())
                if head:  # "Varenta said" after "Drugmaker Varenta Pharmaceuticals", no person
                    return text[mention.start() : head.end()]
        if pat.titles_capitalised:
            # English titles are capitalised ("Senator Mark Hale"); "fire chief Laura Quinn",
            # "spokesman Jim Carter" name the person after a job description.
            kept = best.split()
            while len(kept) > 1 and kept[0][:1].islower():
                kept = kept[1:]
            best = " ".join(kept)
            best = self._joined_portfolio(text, best)
        return best

    def _clause_subject(self, text: str, start: int, end: int) -> str | None:
        """The subject opening the clause a pronoun after the verb stands for: the name after an
        office, an organisation, or a person."""
        return (
            self._office_then_name(text, start, end)
            or self.organisation_at(text, start, end)
            or _speaker_starting_at(self._pat, text, start, min(end, start + 80), strict=True)
        )

    def _closing_attribution(self, text: str, verb: re.Match[str], end: int) -> bool:
        """Whether `verb` closes its sentence as an attribution: right after a comma (« , a
        annoncé la ministre, X ») or after a comma and a name of a few words (", Education
        Secretary X said"), with a few words at most after it (", said on Wednesday.")."""
        comma = text.rfind(",", max(0, verb.start() - 80), verb.start())
        if comma < 0:
            return False
        subject = [w for w in text[comma + 1 : verb.start()].split() if w not in _AUXILIARY_WORDS]
        if (
            subject
            and len(subject) <= 3
            and subject[0] in _OFFICE_DETERMINERS
            and self.organisation_ending_at(text, comma + 1, verb.start()) is not None
        ):
            # "Prior conceded in a phone call, his campaign said.": an office reports it all.
            return "," not in text[verb.end() : end] and len(text[verb.end() : end].split()) <= _CLOSING_WORDS
        if subject and (len(subject) > 8 or not subject[0][:1].isupper()):
            return False  # (not "..., and the plan said"; "..., the company said" is an office)
        rest = text[verb.end() : end]
        if not subject:
            return "." in rest[-2:] or rest.strip() == "" or len(rest.split()) <= 16
        return "," not in rest and len(rest.split()) <= _CLOSING_WORDS

    def _joined_portfolio(self, text: str, name: str) -> str:
        """`name`, a titled person, with the words of its portfolio joined by "and" before it
        ("Work and Pensions Secretary David Amis", "Culture, Media and Sport Secretary X"): the
        words before "and" are portfolio words of the lexicon."""
        words = name.split()
        if self._portfolio_words is None or len(words) < 3 or not any(
            w.rstrip(".") in self._pat.title_words for w in words[1:]
        ):
            return name
        joined = re.search(
            rf"(?<![\w’'\-])(?:(?:{self._portfolio_words}),[ \u00a0]+)*(?:{self._portfolio_words})"
            rf"[ \u00a0]+and[ \u00a0]+(?={re.escape(name)}(?![\w\-]))",
            text,
        )
        return text[joined.start() : joined.end()] + name if joined else name

    def source(
        self, text: str, start: int, end: int, known: Callable[[str], bool] | None = None
    ) -> str | None:
        """Speaker of reported speech: "selon X", "according to X", "X a déclaré que", "...,
        said John Smith", "the company said". A lone surname ("Berg added") counts when
        `known` says the article names that person in full elsewhere."""
        pat = self._pat
        start = self._past_frame(text, start, end)
        relay = self._relay.search(text, start, end) if self._relay is not None else None
        if relay is not None and pat.speech_verb.search(text, start, relay.start()):
            # « L'Iran a annoncé ..., rapporte l'agence officielle IRNA »: the subject who said
            # it, not the agency relaying it (« Trois civils ont été tués, rapporte l'agence
            # IRNA » stays the agency's).
            name = self.source(text, start, relay.start(), known)
            if name:
                return name
        name = self._cued(text, start, end)
        if name:
            return name
        quoted = _QUOTE_MARKS.search(text, start, end) and quote_spans(text, start, end)
        verbs = list(pat.speech_verb.finditer(text, start, end))
        if len(verbs) > 1 and not quoted and self._closing_attribution(text, verbs[-1], end):
            # "The government unveiled a plan ..., Education Secretary X said on Wednesday.", « Le
            # gouvernement a présenté ..., a annoncé la ministre, X, lors d'un déplacement »: who
            # reports the whole sentence
            verbs = [verbs[-1], *verbs[:-1]]
        for verb in verbs:
            if _INFINITIVE_BEFORE.search(text, max(start, verb.start() - 12), verb.start()):
                continue  # « après avoir constaté le caractère désastreux »: no one speaks there
            if quoted and any(q.open < verb.start() < q.close for q in quoted) and not _INVERTED.search(
                text, max(start, verb.start() - 12), verb.start()
            ):
                continue  # « le groupe n’a jamais lâché »: a verb of the quoted words, not of its speaker
            vs = self._incidental_start(text, start, verb.start())  # « a de son côté dénoncé »
            if _SUBORDINATE_SUBJECT.search(text, max(start, vs - 60), vs) and pat.speech_verb.search(
                text, verb.end(), end
            ):
                # "... after a neighbor reported hearing gunshots, Police Chief Andre Whitlock
                # told reporters": a verb of a subordinate clause, the main one comes later
                continue
            if _PRONOUN_JUST_BEFORE.search(text, max(start, vs - 16), vs):
                # "There are 1,200 U.S. citizens in Papua New Guinea, he noted.": the pronoun is
                # the subject, not the name before its comma
                if self._inverted_pronoun(text, verb, end):
                    name = self._clause_subject(text, start, end)
                    if name:
                        return name
                continue
            start_of_clause = start
            near = max(start, vs - _NAME_REACH)
            owner = self._document_owner(text, near, vs)
            if owner:
                return owner  # "Cornyn's statement added", "The ministry's report said"
            name = _speaker_ending_at(pat, text, near, vs, _LOWER_GAP, strict=True)
            name = self._person_for(
                text, near, vs, self._apposed_person(text, max(start_of_clause, vs - 260), vs, name)
            )
            inverted = text[max(start, vs - 4) : vs].rstrip(" a").endswith(",")
            if name is None and not inverted:
                name = self._relative_subject(text, start, vs)
            if name is not None or not inverted:
                # (not "... de la Ve République, a annoncé X": the organisation there is no subject)
                name = self._or_organisation(text, near, vs, name)
            elif _APPOSITION_GAP.search(text, near, vs):
                # "A senior official, speaking on condition of anonymity, said": the office (an
                # apposition of a dozen words may take it out of the name's reach).
                far = max(start, vs - 2 * _NAME_REACH)
                name = self.organisation_ending_at(text, far, vs, apposition=True)
            if name is not None and "," in text[start:vs]:
                # "Oxfam, a charity, said", "Ryanair, Europe's biggest airline, said": the name
                # the apposition describes, not its noun
                subject = self._subject(text, start, vs)
                if subject is not None and text.find(subject, start, vs) < text.rfind(name, start, vs):
                    name = subject
            if name is None and known is not None:
                single = _speaker_ending_at(pat, text, near, vs, _LOWER_GAP)
                single = single or _speaker_ending_at(pat, text, near, vs, _APPOSITION_GAP)
                if single and known(single):
                    name = single
            if name is None:
                name = self._subject(text, start, vs)
            if name is None and not inverted:
                name = self._acronym_before(text, near, vs)  # "..., the ONS said."
            if name is None and not inverted:
                name = self._lone_after_comma(text, near, vs)  # "..., Eurostat reported."
            if name is None and not inverted:
                name = self.title_reference(text, near, vs)  # « La ministre a annoncé »
            if name is None and not inverted:
                name = self._common_subject(text, near, vs)  # "analysts said"
            if name is None and _COORDINATED.search(text, near, vs) and (
                "," not in text[start : vs]
                or text[start : vs].rstrip().endswith((", and", ", but", ", et", ", mais"))
            ):
                # "The Royal College of Nursing welcomed the plan but warned that": the subject
                # of the first verb
                name = self.organisation_at(text, start, vs) or _speaker_starting_at(
                    pat, text, start, min(vs, start + 80), strict=True
                )
            if inverted and name is not None and self._complement(text, near, vs, name):
                # « dont un quart financé par la Région, a indiqué le maire, X »: the name
                # before the comma is a complement of the clause; the subject comes after.
                name = None
            if name and name[:1].islower():
                name = self._owned(text, near, vs, name)  # "Acme's spokesman said"
            if name is None and not inverted:
                name = self._owned_subject(text, near, vs)  # "Allard's lawyer said"
            if name is None and not inverted and self._name_then_noun is not None:
                # "A Treasury source said": a single name then the unnamed person's noun
                unnamed = self._name_then_noun.search(text, near, vs)
                if unnamed and unnamed.group("name").split()[0] not in pat.not_names:
                    name = f"{unnamed.group('name')} {unnamed.group('noun')}"
            if name and not inverted:
                name = self._with_office_noun(text, near, vs, name)
            if name:
                return name
            if _INVERTED.search(text, max(start, vs - 12), vs):
                # "..., said John Smith, the plant manager", "..., assure Claire Martin".
                name = self._inverted_subject(text, verb.end(), end)
                if name:
                    return name
            if self._inverted_pronoun(text, verb, end):
                # "Le parquet de Nanterre a ouvert une enquête, a-t-il indiqué": the subject
                # ("German carmaker Vallendorf will cut ..., it said": the name after the office).
                name = self._clause_subject(text, start, end)
                if name:
                    return name
            # Passive voice: "a été annoncé, dès le 19 janvier, par Emmanuel Macron".
            for agent in pat.agent.finditer(text, verb.end(), min(end, verb.end() + 150)):
                name = _speaker_starting_at(pat, text, agent.end(), min(end, agent.end() + 60), strict=True)
                if name and pat.speaker.match(text, agent.end()):
                    return name
                # « confirmé par le président du conseil départemental, Jean-Marc Tessier »
                name = self.titled_name(text, agent.end(), min(end, agent.end() + 160))
                if name:
                    return name
        name = self._source_kind(text, start, end)
        if name:
            return name
        name = self.with_participle(text, start, end, known)
        if name:
            return name
        if pat.participle.search(text, start, end):
            # "The IMF cut its forecast, warning that ...": the clause's subject ("Republican
            # Sen. Carla Hughes voted ..., saying": the party is no part of it).
            party = re.match(r"\s*(\S+)[ \u00a0]+(?=[A-Z])", text[start:end])
            if party and party.group(1) in self._parties:
                start += party.end()
            return (
                self.organisation_at(text, start, end)
                or _speaker_starting_at(pat, text, start, min(end, start + 80), strict=True)
                or self._acronym_subject(text, start, end)
            )
        return None

    def with_participle(
        self, text: str, start: int, end: int, known: Callable[[str], bool] | None = None
    ) -> str | None:
        """The person or body after "with" and before a speech participle: "..., with Boswell
        stating: ...", "with the ministry saying that", « avec le maire affirmant que »."""
        if self._with_participle is None:
            return None
        for match in self._with_participle.finditer(text, start, end):
            s, e = match.span("who")
            person = self._pat.speaker.fullmatch(text, s, e)
            name = _clean_name(self._pat, person, strict=True) if person else None
            if name is None:
                # (a lone surname the article gives in full: "Caitlin Boswell ..., with Boswell")
                single = _clean_name(self._pat, person) if person else text[s:e]
                single = single if single and single[:1].isupper() and single.isalpha() else None
                if single and (single in self._pat.not_names or single.lower() in self._pat.function_words):
                    single = None
                name = single  # ("with Smith saying": a lone name there is the speaker's)
            name = name or self.organisation_at(text, s, e) or self._common_after(text, s, e)
            if name:
                return name
        return None

    def _complement(self, text: str, start: int, verb: int, name: str) -> bool:
        """Whether `name`, the last words before an inverted speech verb at `verb`, comes after
        a preposition (« financé par la Région, a indiqué », "paid for by the State, said"):
        a complement, not the subject."""
        at = text.rfind(name, start, verb)
        return at > start and _PREPOSITION_BEFORE.search(text, max(start, at - 16), at) is not None

    def _incidental_start(self, text: str, start: int, verb: int) -> int:
        """Where an incidental phrase between an auxiliary and its speech verb starts (« a de
        son côté dénoncé », « a pour sa part condamné », « a quant à lui estimé »), else `verb`:
        the subject is before it."""
        if self._incidentals is None:
            return verb
        match = self._incidentals.search(text, max(start, verb - 24), verb)
        return match.start() if match else verb

    def _inverted_subject(self, text: str, verb_end: int, end: int) -> str | None:
        """The subject after an inverted speech verb ending at `verb_end`: "..., said John Smith,
        the plant manager", « ..., assure Claire Martin », « ..., a indiqué la préfecture »."""
        pat = self._pat
        window = min(end, verb_end + 80)
        past = self._past_verb(text, verb_end, window)
        name = self._impersonal_source(text, verb_end, window)
        # « a déclaré le chef de l'État jeudi »: a title alone, not the name in it (a
        # title before a comma may be the name's apposition: « le ministre, Jean Dupont »)
        name = name or self._title_after(text, past, window, before_comma=False)
        # « a réagi un porte-parole de l’UFC-Que Choisir »: the office, not the name after it
        name = name or self._indefinite_office(text, past, window)
        name = name or _speaker_starting_at(pat, text, past, window, strict=True)
        name = name or self.titled_name(text, past, min(end, verb_end + 160))
        name = name or self._named_office_at(text, past, window)  # « a dit le constructeur Renault »
        name = name or self.organisation_at(text, past, window)
        name = name or self._lone_name_after(text, past, window)
        name = name or self._title_after(text, past, window)
        name = name or self._common_then_person(text, past, window)  # « a réagi son avocat, Me X »
        name = name or self._common_after(text, past, window)  # « a annoncé le constructeur »
        if name is None and (common := pat.common_of_name.match(text, past, window)):
            name = common.group("name")  # « estiment les épidémiologistes de l’Institut Pasteur »
        return name

    def _owned(self, text: str, start: int, verb: int, name: str) -> str:
        """`name` with the capitalised owner right before it ("Allard's lawyer said", "Acme's
        spokesman said"): whose office it is; not a day's ("Monday's statement")."""
        at = text.rfind(name, start, verb)
        owner = _OWNER_BEFORE.search(text, max(start, at - 60), at) if at > start else None
        if owner is None:
            return name
        words = owner.group("owner").split()
        if any(w.rstrip(".") in self._pat.not_names or w.lower() in self._weekdays for w in words):
            return name
        return f"{owner.group(0).rstrip()} {name}"

    def _with_office_noun(self, text: str, start: int, verb: int, name: str) -> str:
        """`name` with the office noun between it and the verb ("A Downing Street spokesman
        said", "a Home Office source said", "the Treasury official said"): an unnamed person of
        that body, not the body itself."""
        if self._name_noun is None or not name[:1].isupper():
            return name
        at = text.rfind(name, start, verb)
        if at < 0:
            return name
        noun = self._name_noun.fullmatch(text, at + len(name), verb)
        if noun is None:
            if name.endswith(("’s", "'s")):
                # "South Korea’s military said", "Japan’s foreign ministry said": the owner's
                # office, not the owner
                office = _OWNED_OFFICE.fullmatch(text, at + len(name), verb)
                if office and (
                    office.group("office") in self._owned_offices
                    or office.group("office").split()[-1] in self._owned_offices
                ):
                    return f"{name} {office.group('office')}"
            return name
        return f"{name} {noun.group(0).strip()}"

    def _owned_subject(self, text: str, start: int, verb: int) -> str | None:
        """A noun owned by a name or an office right before the verb ("Allard's lawyer said",
        "the company's lawyers said"), with its owner; not a document (whose owner speaks:
        "Cornyn's statement added"), nor one of a day's ("Monday's statement")."""
        match = _OWNED_SUBJECT.search(text, max(start, verb - 80), verb)
        if match is None:
            return None
        owner, noun = match.group("owner"), match.group("noun")
        if noun in self._pat.function_words or noun in self._documents:
            return None
        if owner[:1].islower() and match.group("art") is None:
            return None  # "... of whose lawyer said": no subject of its own
        if any(w.rstrip(".") in self._pat.not_names or w.lower() in self._weekdays for w in owner.split()):
            return None
        return f"{owner}{match.group('mark')}s {noun}"

    def _relative_subject(self, text: str, start: int, verb: int) -> str | None:
        """A plural noun opening the sentence before a relative clause that runs to the speech
        verb ("Students who protested outside the meeting called the vote ...", « Les habitants
        qui ont manifesté devant la mairie dénoncent »): the noun the clause qualifies, not the
        last noun or the organisation inside it."""
        pat = self._pat
        relative = _RELATIVE_SUBJECT.search(text, start, verb)
        if relative is None:
            # "A senior federal official who spoke on condition of anonymity because ... said":
            # a singular office after its article, the relative clause running to the verb
            office = _RELATIVE_OFFICE.search(text, start, verb)
            if office is not None and office.group("head") in self._offices and (
                text[: office.start()].rstrip()[-1:] in ("", ".", "!", "?", "”", "»")
            ):
                return office.group("office")
            return None
        if relative is None or (
            relative.start() > 0
            and text[: relative.start()].rstrip()[-1:] not in ("", ".", "!", "?", "”", "»")
        ):
            return None
        noun = relative.group("noun")
        lower = noun.lower()
        if lower in pat.function_words or lower in self._anaphoric or pat.pronoun_after.fullmatch(lower):
            return None
        return noun

    def _common_subject(self, text: str, start: int, verb: int) -> str | None:
        """A common noun as the subject right before a speech verb: "analysts said", « les
        syndicats ont dénoncé », "the league said" (with an article, or plural and opening the
        clause); not a pronoun, a function word or a noun standing for a person named before."""
        pat = self._pat
        match = pat.common_subject.search(text, max(start, verb - 60), verb)
        if match is None:
            return None
        noun = match.group("noun")
        lower = noun.lower()
        if lower in pat.function_words or lower in self._anaphoric or pat.pronoun_after.fullmatch(lower):
            return None
        if pat.title_office.search(text, match.start(), verb):
            return None  # « le président français a annoncé »: a title, said of a person
        if lower in self._documents and match.group("art") is not None:
            return None  # '"...," the statement said': its author's, named before
        if match.group("art") is None:
            before = text[max(start, match.start() - 2) : match.start()].strip()
            qualified = self._qualified_plural(text, start, match.start())
            if qualified and lower.endswith("s"):
                return f"{qualified} {noun}"  # "Western diplomats said", "Israeli officials said"
            relative = _RELATIVE_BEFORE.search(text, max(start, match.start() - 12), match.start())
            if relative is not None and lower.endswith("s"):
                return noun  # "Shares rose 4%, which analysts said reflected relief"
            if not (match.start() == start or before in ("", ",", ";", ":")) or not lower.endswith("s"):
                return None
        mid = match.group("mid")
        if self._noun_first and mid and lower in _CLITICS and mid not in self._pat.function_words:
            return mid  # « Les scientifiques en ont conclu »: the noun before the pronoun
        if self._noun_first and mid and mid not in self._pat.function_words and mid not in self._before_noun:
            # « La centrale syndicale précise »: the noun and the adjective after it (not
            # « le nouveau gouvernement », whose adjective comes first)
            return f"{mid} {noun}"
        return noun

    def _qualified_plural(self, text: str, start: int, noun: int) -> str | None:
        """A capitalised adjective of the lexicon opening the clause right before a plural
        subject ("Western diplomats", "Israeli officials"): the word, else None."""
        word = re.search(r"(?:^|(?<=[\s,;:]))([A-Z][a-z]+)[ \u00a0]+$", text[max(start, noun - 30) : noun])
        if word is None or word.group(1) not in self._plural_adjectives:
            return None
        at = noun - len(word.group(0))
        if text[max(start, at - 2) : at].strip() not in ("", ",", ";", ":") and at != start:
            return None
        return word.group(1)

    def _common_after(self, text: str, start: int, end: int) -> str | None:
        """A common noun with its article closing a cue or an inverted attribution (« selon les
        notaires, », « ..., a annoncé le constructeur. »), not one standing for a person."""
        match = self._pat.common_after.match(text, start, end)
        if match is None:
            return None
        noun = match.group("noun")
        lower = noun.lower()
        if lower in self._pat.function_words or lower in self._anaphoric or lower in self._sayings:
            return None
        return noun

    def _plural_after(self, text: str, start: int, end: int) -> str | None:
        """People named by a plural noun with no article closing a cue ("according to
        witnesses,", "according to local residents in the town", « selon plusieurs témoins, »,
        « selon des habitants »), not a document ("according to reports") or a saying."""
        match = self._bare_plural.match(text, start, end)
        if match is None:
            return None
        noun = match.group("noun")
        lower = noun.lower()
        if lower in self._pat.function_words or lower in self._documents or lower in self._sayings \
                or lower in _PLURAL_PRONOUNS or lower in self._not_people:
            return None
        return noun

    def _common_then_person(self, text: str, start: int, end: int) -> str | None:
        """The person in apposition after a common noun closing an inverted attribution: « ...,
        a réagi son avocat, Me Julien Perrot. »"""
        match = self._pat.common_after.match(text, start, end)
        if match is None or self._common_after(text, start, end) is None:
            return None
        comma = _past_space(text, match.end(), end)
        if not text.startswith(",", comma):
            return None
        person = self._pat.speaker.match(text, _past_space(text, comma + 1, end), end)
        if person is None or text[person.end() : person.end() + 1] not in ("", ",", ".", ";", "»", "”", '"'):
            return None
        return _clean_name(self._pat, person, strict=True)

    def _acronym_before(self, text: str, start: int, verb: int) -> str | None:
        """An acronym as the subject of a speech verb after a comma ("..., the ONS said",
        « ..., l’OMS a indiqué »): the organisation it stands for."""
        match = _ACRONYM_BEFORE.search(text, start, verb)
        return match.group("name") if match else None

    def _acronym_subject(self, text: str, start: int, end: int) -> str | None:
        """An acronym opening the clause ("The IMF cut ...", « L’OMS a ... »), not "Prices"."""
        match = self._pat.lone_name.match(text, start, end)
        if match is None:
            return None
        name = match.group("name")
        return name if len(name) > 1 and name.isupper() else None

    def _document_owner(self, text: str, start: int, verb: int) -> str | None:
        """Whose document speaks when a possessive names it right before the verb: "Cornyn's
        statement added", "The ministry's latest report says" (the owner, not "Cornyn's")."""
        if self._owned_document is None:
            return None
        match = self._owned_document.search(text, start, verb)
        if match is None:
            return None
        owner = match.group("owner")
        if owner.lower() in self._pat.function_words or owner.split()[0] in self._pat.not_names:
            return None
        return owner

    def _lone_after_comma(self, text: str, start: int, verb: int) -> str | None:
        """One capitalised word right after a comma and right before a speech verb: "..., Eurostat
        reported.", "..., Reuters said on Tuesday", "In March, Halvorsen said" (a news agency
        too; not a word the lexicon says names nobody, nor a title)."""
        match = _LONE_BEFORE_VERB.search(text, start, verb)
        if match is None:
            return None
        name = match.group("name")
        if name in self._pat.not_names and name not in self._agencies:
            return None
        if name.lower() in self._pat.function_words or name in self._pat.title_words:
            return None
        return name

    def _lone_name_after(self, text: str, start: int, end: int, agencies: bool = False) -> str | None:
        """One capitalised word closing an inverted attribution: "..., a annoncé l’Insee
        vendredi", "..., said Eurostat." (an organisation or a person named once); with
        `agencies`, a news agency too ("according to AFP")."""
        match = self._pat.lone_name.match(text, start, end)
        if match is None:
            return None
        name = match.group("name").rstrip(".")
        if name in self._pat.not_names and not (agencies and name in self._agencies):
            return None
        rest = text[match.end("name") : end]
        follow = lexicons.letter_tokens(rest[:12])[:1]
        if rest[:1] in ("", ".", ",", ";") or (follow and follow[0] in self._weekdays):
            return match.group("name")
        return None

    def _inverted_pronoun(self, text: str, verb: re.Match[str], end: int) -> bool:
        """Whether a speech verb after a comma has a pronoun subject ("..., a-t-il indiqué",
        "..., it said"): the clause's own subject speaks."""
        pat = self._pat
        before = text[max(0, verb.start() - 12) : verb.start()]
        if "," not in before:
            return False
        after = text[verb.end() : min(end, verb.end() + 12)].strip().lstrip("-")
        return bool(pat.pronoun_after.search(before.rpartition(",")[2]) or pat.pronoun_after.match(after))

    def same_source(self, text: str, start: int, end: int) -> bool:
        """Whether the clause gives its source as the one named before: « selon la même
        source », « de même source », "the same source said"."""
        return self._pat.same_source.search(text, start, end) is not None

    def words_of(self, text: str, start: int, end: int) -> str | None:
        """The person a sentence opening at `start` gives the quote before it to: "Those were
        the words of Rep. Ana Guerrero, ...", « Ce sont les mots de X » (lexicon `words_of`)."""
        if self._words_of is None:
            return None
        opening = self._words_of.match(text, _past_space(text, start, end), end)
        if opening is None:
            return None
        return _speaker_starting_at(self._pat, text, opening.end(), min(end, opening.end() + 80), strict=True)

    def has_speech_verb(self, text: str, start: int, end: int) -> bool:
        return self._pat.speech_verb.search(text, start, end) is not None

    def speech_verb_count(self, text: str, start: int, end: int) -> int:
        return sum(1 for _ in self._pat.speech_verb.finditer(text, start, end))

    def has_source_cue(self, text: str, start: int, end: int) -> bool:
        return self._pat.source_cue.search(text, start, end) is not None

"""A speaker owned by a name or an office keeps its owner ("Allard's lawyer said", "Acme's
spokesman said", "the company's lawyers said", "Britain's foreign ministry said"); a document's
owner speaks ("Cornyn's statement added"), a day's document names no one ("Monday's statement
said"); a hospital or health trust is an office ("The hospital trust said")."""

from __future__ import annotations

import pytest

from claims.extract import extract


def speaker(text: str) -> str | None:
    return extract(text, lang="en")[-1].speaker


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Allard's lawyer said his client would appeal.", "Allard's lawyer"),
        ("Allard's attorney has said his client would appeal.", "Allard's attorney"),
        ("Acme's spokesman said the results were strong.", "Acme's spokesman"),
        ("Acme Corp.'s spokesman said sales rose.", "Acme Corp.'s spokesman"),
        ("The company's lawyers said the case was weak.", "company's lawyers"),
        ("Smith's wife said he was innocent.", "Smith's wife"),
        ("Britain's foreign ministry said two nationals were held.", "Britain's foreign ministry"),
        ("The ministry's spokesman said the results were strong.", "ministry's spokesman"),
    ],
)
def test_an_owned_speaker_keeps_its_owner(text: str, expect: str) -> None:
    assert speaker(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Cornyn's statement added that the bill was dead.", "Cornyn"),
        ("Monday's statement said the plant would close.", None),
        ("Last year's report said sales fell.", None),
        ("His lawyer said the case was weak.", "lawyer"),
    ],
)
def test_a_documents_or_a_days_owner(text: str, expect: str | None) -> None:
    assert speaker(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("The hospital trust said it had tightened its controls.", "hospital trust"),
        ("The NHS trust said it had tightened its controls.", "NHS trust"),
        ("The National Trust said visitor numbers fell.", "National Trust"),
    ],
)
def test_a_trust_is_an_office(text: str, expect: str) -> None:
    assert speaker(text) == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Shares fell 9%. Norvale's chief financial officer said the firm would cut 300 jobs.",
         "Norvale's chief financial officer"),
        ("Shares fell 9%. The company's chief operating officer said costs rose.",
         "company's chief operating officer"),
        ("The chief executive said the company would cut 300 jobs.", "chief executive"),
        ("A police officer said two people were hurt.", "police officer"),
    ],
)
def test_an_office_of_several_words_is_one(text: str, expect: str) -> None:
    assert speaker(text) == expect

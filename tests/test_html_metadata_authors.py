"""Tests for newsmodel.html.metadata._authors: cleaning and splitting author credits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.html.metadata._authors import authors_from, credit_key, parse_credits
from newsmodel.model import AuthorRole


def names(raw: str, **options: object) -> list[str]:
    return [a.name for a in authors_from(parse_credits(raw, **options))]  # type: ignore[arg-type]


class TestParseCredits:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("By Jane Doe", ["Jane Doe"]),
            ("BY JANE DOE AND JOHN ROE", ["JANE DOE", "JOHN ROE"]),
            ("Von Max Muster und Erika Beispiel", ["Max Muster", "Erika Beispiel"]),
            ("Par Marie Exemple et Paul Modèle", ["Marie Exemple", "Paul Modèle"]),
            ("Por Ana Ejemplo y Luis Muestra", ["Ana Ejemplo", "Luis Muestra"]),
            ("Jane Doe, John Roe & Ann Poe", ["Jane Doe", "John Roe", "Ann Poe"]),
            ("Text: Jane Doe", ["Jane Doe"]),
            ("Written by: Jane Doe", ["Jane Doe"]),
        ],
    )
    def test_prefixes_and_separators(self, raw: str, expected: list[str]) -> None:
        """Introducing words go, and credits split on commas, "&" and "and" in several languages."""
        assert names(raw) == expected

    def test_emails_handles_and_urls_go(self) -> None:
        """E-mail addresses, social handles and URLs are not names."""
        assert names("Jane Doe (@janedoe) jane.doe@example.com https://example.com/jane") == ["Jane Doe"]

    def test_job_titles_go(self) -> None:
        """A job title after the name is dropped."""
        assert names("Jane Doe, Senior Correspondent") == ["Jane Doe"]

    def test_dates_after_the_name_go(self) -> None:
        """A date and time after the name ("am 5. März 2024, 10:30 Uhr") are cut off."""
        assert names("Von Jane Doe am 5. März 2024, 10:30 Uhr") == ["Jane Doe"]
        assert names("05.03.2024 | Von Jane Doe") == ["Jane Doe"]

    def test_agency_after_a_person_is_the_affiliation(self) -> None:
        """ "Jane Doe, Reuters" credits Jane Doe, with Reuters as her affiliation."""
        authors = authors_from(parse_credits("Jane Doe, Reuters"))
        assert [(a.name, a.role, a.affiliation) for a in authors] == [
            ("Jane Doe", AuthorRole.AUTHOR, "Reuters")
        ]

    def test_outlet_after_for_is_the_affiliation(self) -> None:
        """ "Jane Doe for The Example Times" keeps the outlet as the affiliation."""
        authors = authors_from(parse_credits("By Jane Doe for The Example Times"))
        assert [(a.name, a.affiliation) for a in authors] == [("Jane Doe", "The Example Times")]

    def test_agency_alone_is_an_agency_credit(self) -> None:
        """An agency that is the only credit is kept, with the AGENCY role."""
        authors = authors_from(parse_credits("(Reuters)"))
        assert [(a.name, a.role) for a in authors] == [("Reuters", AuthorRole.AGENCY)]

    def test_generic_credit_only_when_alone(self) -> None:
        """ "Staff" is kept only when nobody else is credited."""
        assert names("Staff") == ["Staff"]
        assert names("Jane Doe and Staff") == ["Jane Doe"]

    def test_site_name_is_not_an_author(self) -> None:
        """The site's own name yields to a person, and stands only when it is the only credit."""
        site = frozenset({credit_key("The Example Times")})
        assert names("Jane Doe, The Example Times", site_keys=site) == ["Jane Doe"]
        only = authors_from(parse_credits("The Example Times", site_keys=site))
        assert [(a.name, a.role) for a in only] == [("The Example Times", AuthorRole.AGENCY)]

    def test_organisations_yield_to_people(self) -> None:
        """An organisation named with a person is not listed as an author."""
        assert names("Jane Doe, Example Verband e.V.") == ["Jane Doe"]
        assert authors_from(parse_credits("Example Verband e.V."))[0].role is AuthorRole.AGENCY

    def test_role_prefixes(self) -> None:
        """ "Photos:" and "Additional reporting by" set the role of the names they introduce."""
        authors = authors_from(
            parse_credits("By Jane Doe; Photos: Ana Lima; Additional reporting by Bo Chen")
        )
        assert [(a.name, a.role) for a in authors] == [
            ("Jane Doe", AuthorRole.AUTHOR),
            ("Ana Lima", AuthorRole.PHOTOGRAPHER),
            ("Bo Chen", AuthorRole.CONTRIBUTOR),
        ]

    def test_duplicates_are_merged(self) -> None:
        """The same name twice (any case) is one author."""
        assert names("Jane Doe, JANE DOE") == ["Jane Doe"]

    def test_strict_mode_asks_for_capitalised_names(self) -> None:
        """Page text (strict) needs two or more capitalised words; metadata accepts user names."""
        assert names("janedoe42") == ["janedoe42"]
        assert names("janedoe42", strict=True) == []
        assert names("Von Jane Doe Folgen Sie mir", strict=True) == ["Jane Doe"]

    def test_lowercase_words_are_no_name(self) -> None:
        """A phrase of lower-case words ("deinen Lesern") is not a name."""
        assert names("deinen Lesern") == []

    def test_a_lone_prefix_is_no_name(self) -> None:
        """A credit that is only an introducing word ("By") names nobody."""
        assert names("By") == []

    @given(st.text(max_size=300))
    def test_never_raises_and_names_are_clean(self, raw: str) -> None:
        """Any text gives clean, non-empty names without e-mail addresses or handles."""
        for author in authors_from(parse_credits(raw)):
            assert author.name == author.name.strip()
            assert author.name
            assert "@" not in author.name

    def test_long_input_is_linear(self) -> None:
        """A long credit with many separators is handled in linear time."""
        raw = "Jane Doe, " * 20 + ". " * 5_000 + "x"
        assert names(raw)[:1] == []  # over the length limit: not a credit
        assert names("Jane Doe" + " ." * 200)[:1] == ["Jane Doe"]


class TestCreditKey:
    @given(st.text())
    def test_alphanumeric_characters_only(self, text: str) -> None:
        """The key keeps exactly the case-folded characters ``str.isalnum`` accepts."""
        assert credit_key(text) == "".join(c for c in text.casefold() if c.isalnum())

"""Tests for the text rules of short blocks: bylines, dates, credits, phrases, datelines."""

import pytest

from newsmodel.html._rules import text_rules


@pytest.fixture(scope="module")
def rules():
    return text_rules()


class TestBylines:
    @pytest.mark.parametrize(
        "text",
        ["By Jane Doe", "By Jane Doe and John Roe for The Daily Example", "Von Max Muster", "Autor: Eva Ott"],
    )
    def test_bylines(self, rules, text):
        """Credit lines are bylines."""
        assert rules.is_byline(text)

    @pytest.mark.parametrize(
        "text",
        [
            "By the end of the year the bridge will be finished, the mayor said.",
            "Bylines are short.",
            "by far the biggest project the town has ever seen",
        ],
    )
    def test_prose(self, rules, text):
        """Sentences that start like a byline are prose."""
        assert not rules.is_byline(text)


class TestDates:
    @pytest.mark.parametrize(
        "text",
        [
            "March 3, 2024",
            "Published: 28 Apr, 2020 CET. Updated: Tue 28 Apr 2020 08:11 CET",
            "03.04.2020",
            "Veröffentlicht am 3. März 2024 um 10:31 Uhr",
            "2 hours ago",
        ],
    )
    def test_dates(self, rules, text):
        """Blocks with nothing but a date, a time and their labels are dates."""
        assert rules.is_date(text)

    @pytest.mark.parametrize("text", ["+81 158-23-2012", "15 – 30", "March", "In March 2024 it opened."])
    def test_not_dates(self, rules, text):
        """Numbers alone, words alone and sentences are not dates."""
        assert not rules.is_date(text)


class TestCredits:
    @pytest.mark.parametrize("text", ["Photo: Jane Doe", "AFP / JOHN DOE", "Ann Ray/Getty Images", "Foto: x"])
    def test_credits(self, rules, text):
        """Stand-alone image credits are credits."""
        assert rules.is_credit(text)

    @pytest.mark.parametrize("text", ["He said the 24/7 service would start.", "Photography is his hobby."])
    def test_not_credits(self, rules, text):
        """Sentences are not credits."""
        assert not rules.is_credit(text)


class TestPhrases:
    @pytest.mark.parametrize(
        "text", ["Advertisement", "- Anzeige -", "Comments (12)", "Read more:", "Share this", "Weiterlesen"]
    )
    def test_phrases(self, rules, text):
        """Whole-block boilerplate phrases are found, counts and punctuation aside."""
        assert rules.is_boilerplate(text) is not None

    def test_starts(self, rules):
        """Blocks that open with a boilerplate phrase are found."""
        assert rules.is_boilerplate("Sign up for our newsletter to get the news daily.") == "sign up for"

    def test_prose(self, rules):
        """Prose mentioning the words is not boilerplate."""
        assert rules.is_boilerplate("The advertisement campaign cost the council more than expected.") is None


class TestDatelines:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("PARIS (Reuters) - The talks", ("PARIS (Reuters) -", "PARIS", "Reuters")),
            ("WASHINGTON — The House voted", ("WASHINGTON —", "WASHINGTON", None)),
            ("NEW YORK, Nov 19 (Reuters) - Stocks", ("NEW YORK, Nov 19 (Reuters) -", "NEW YORK", "Reuters")),
            ("Washington (CNN) — Officials said", ("Washington (CNN) —", "Washington", "CNN")),
            ("(Reuters) — The company", ("(Reuters) —", None, "Reuters")),
            ("SAN FRANCISCO, Calif. — The firm", ("SAN FRANCISCO, Calif. —", "SAN FRANCISCO", None)),
        ],
    )
    def test_datelines(self, rules, text, expected):
        """Datelines are found with their place and agency."""
        dateline = rules.dateline(text)
        assert dateline is not None
        assert (dateline.text, dateline.place, dateline.agency) == expected

    @pytest.mark.parametrize(
        "text", ["BREAKING: The talks failed", "NASA said on Monday", "The mayor — late — spoke", "Berlin"]
    )
    def test_not_datelines(self, rules, text):
        """Openings that are not datelines give none."""
        assert rules.dateline(text) is None

    def test_long_capitals_are_bounded(self, rules):
        """A long run of capitals is scanned in bounded time."""
        assert rules.dateline("A" * 100_000 + " — x") is None

"""Tests for the single-line rules of newsmodel.text: bylines, credits, dates, datelines, chrome."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.model import AuthorRole
from newsmodel.testing import texts
from newsmodel.text import chrome_rule, find_dateline, parse_byline, parse_date_line, split_credit

UTC = timezone.utc


class TestParseByline:
    @pytest.mark.parametrize(
        ("line", "names", "affiliation"),
        [
            ("By Ada Lunde", ["Ada Lunde"], None),
            ("BY ADA LUNDE", ["Ada Lunde"], None),
            ("By Ada Lunde and Karl Berg", ["Ada Lunde", "Karl Berg"], None),
            ("By Ada Lunde, Karl Berg and Ola Dahl", ["Ada Lunde", "Karl Berg", "Ola Dahl"], None),
            ("By Ada Lunde & Karl Berg, Harbour Press", ["Ada Lunde", "Karl Berg"], "Harbour Press"),
            ("By Ada Lunde, The Coast Courier", ["Ada Lunde"], "The Coast Courier"),
            ("By Ada Lunde | NWS", ["Ada Lunde"], "NWS"),
            ("By Ada Lunde for The Coast Courier", ["Ada Lunde"], "The Coast Courier"),
            ("Written by: Jean de la Rive", ["Jean de la Rive"], None),
        ],
    )
    def test_names_and_affiliation(self, line: str, names: list[str], affiliation: str | None) -> None:
        """Names are split and cleaned; an organisation after them is the affiliation."""
        byline = parse_byline(line)
        assert byline is not None
        assert [a.name for a in byline.authors] == names
        assert {a.affiliation for a in byline.authors} == {affiliation}

    def test_job_title_and_contacts_dropped(self) -> None:
        """Job titles, e-mail addresses and handles are not part of names; they are reported as dropped."""
        byline = parse_byline("By Ada Lunde, Senior Harbour Correspondent ada@example.org @adalunde")
        assert byline is not None
        assert [a.name for a in byline.authors] == ["Ada Lunde"]
        assert set(byline.dropped) == {"Senior Harbour Correspondent", "ada@example.org", "@adalunde"}

    @pytest.mark.parametrize(
        ("line", "published", "modified"),
        [
            ("By Ada Lunde | March 3, 2026", datetime(2026, 3, 3), None),
            ("By Ada Lunde, March 3, 2026", datetime(2026, 3, 3), None),
            ("By Ada Lunde Updated March 3, 2026", None, datetime(2026, 3, 3)),
            ("By Ada Lunde and Karl Berg, Harbour Press, Mar 3, 2026", datetime(2026, 3, 3), None),
        ],
    )
    def test_date_on_byline(self, line: str, published: datetime | None, modified: datetime | None) -> None:
        """A date after the names, with or without a separator, is read and is no name."""
        byline = parse_byline(line)
        assert byline is not None
        assert all(not any(c.isdigit() for c in a.name) for a in byline.authors)
        assert (byline.published, byline.modified) == (published, modified)

    @pytest.mark.parametrize(
        ("line", "roles"),
        [
            ("Editing by Karl Berg", [AuthorRole.EDITOR]),
            ("Additional reporting by Ola Dahl", [AuthorRole.CONTRIBUTOR]),
            ("Contributing: Ola Dahl", [AuthorRole.CONTRIBUTOR]),
            ("Photos by Ola Dahl", [AuthorRole.PHOTOGRAPHER]),
            ("(Reporting by Ada Lunde; Editing by Karl Berg)", [AuthorRole.AUTHOR, AuthorRole.EDITOR]),
            ("By The Associated Press", [AuthorRole.AGENCY]),
        ],
    )
    def test_roles(self, line: str, roles: list[AuthorRole]) -> None:
        """The opening phrase of each clause says the role; an agency alone is an agency."""
        byline = parse_byline(line)
        assert byline is not None
        assert [a.role for a in byline.authors] == roles

    @pytest.mark.parametrize(
        "line",
        [
            "By the river, the town waited.",
            "By Monday, the harbour was full.",
            "By 2030 the port will close",
            "Byline",
            "By",
            "By Ada Lunde, who runs the port, said so",
        ],
    )
    def test_not_a_byline(self, line: str) -> None:
        """Prose that starts with "By" is not a byline."""
        assert parse_byline(line) is None

    def test_bare_names(self) -> None:
        """Without "By", names are a byline only when asked for, and need two to four words."""
        assert parse_byline("Ada Lunde and Karl Berg") is None
        bare = parse_byline("Ada Lunde and Karl Berg", bare=True)
        assert bare is not None
        assert [a.name for a in bare.authors] == ["Ada Lunde", "Karl Berg"]
        assert parse_byline("Ada and Karl", bare=True) is None

    @given(texts(max_size=200))
    def test_arbitrary_text(self, line: str) -> None:
        """Any line gives a byline whose names are words of the line, or None."""
        byline = parse_byline(line, bare=True)
        if byline is not None:
            for author in byline.authors:
                assert author.name
                assert all(word.casefold() in line.casefold() for word in author.name.split())


class TestSplitCredit:
    @pytest.mark.parametrize(
        ("line", "caption", "credit"),
        [
            (
                "Crews at the pier in May.Jane Roe/Harbour Press",
                "Crews at the pier in May.",
                "Jane Roe/Harbour Press",
            ),
            ("Crews at the pier. Jane Q. Roe/Reuters", "Crews at the pier.", "Jane Q. Roe/Reuters"),
            ("Crews at the pier. REUTERS/Jane Roe", "Crews at the pier.", "REUTERS/Jane Roe"),
            (
                "Crews at the pier. (Photo: Jane Roe/Harbour Press)",
                "Crews at the pier.",
                "Jane Roe/Harbour Press",
            ),
            ("Crews at the pier [Jane Roe/Getty Images]", "Crews at the pier", "Jane Roe/Getty Images"),
            ("Crews at the pier. (Getty Images)", "Crews at the pier.", "Getty Images"),
            ("Crews at the pier. AFP via Getty Images", "Crews at the pier.", "AFP via Getty Images"),
            (
                "Crews at the pier.Credit...Jane Roe/The Coast Courier",
                "Crews at the pier.",
                "Jane Roe/The Coast Courier",
            ),
            ("Crews at the pier. | Photograph: Jane Roe", "Crews at the pier.", "Jane Roe"),
            ("Photo: Jane Roe/Harbour Press", None, "Jane Roe/Harbour Press"),
            ("Reuters/Jane Roe", None, "Reuters/Jane Roe"),
            ("Getty Images", None, "Getty Images"),
        ],
    )
    def test_credit_forms(self, line: str, caption: str | None, credit: str) -> None:
        """Each credit form is split from its caption."""
        found = split_credit(line)
        assert found is not None
        assert (found.caption, found.credit) == (caption, credit)

    @pytest.mark.parametrize(
        "line",
        [
            "Crews at the pier in May.",
            "The vote was 52/48 in favour.",
            "He said it was fine. Olsen/Berg",
            "The survey by Coastwatch/Harbour Press found support for the plan.",
            "He quoted the figures (Reuters).",
            "The image: a man standing on the pier",
            "The council approved it. Photo: the new wall will be high",
            "Ada Lunde/Karl Berg",
            "A long report on the port (ePA)",
        ],
    )
    def test_not_a_credit(self, line: str) -> None:
        """Prose, fractions and text credits are not photo credits."""
        assert split_credit(line) is None

    def test_long_caption_refused(self) -> None:
        """A paragraph of more than 80 words is never a caption, whatever it ends with."""
        line = "word " * 90 + "in May. Getty Images"
        assert split_credit(line) is None

    @given(texts(max_size=300))
    def test_parts_come_from_the_line(self, line: str) -> None:
        """Caption and credit are pieces of the line, in that order."""
        found = split_credit(line)
        if found is not None:
            assert found.credit in line
            if found.caption is not None:
                assert line.strip().startswith(found.caption)


class TestParseDateLine:
    @pytest.mark.parametrize(
        ("line", "published", "modified"),
        [
            ("March 3, 2026", datetime(2026, 3, 3), None),
            ("Published: Tuesday, March 3, 2026", datetime(2026, 3, 3), None),
            ("Updated March 3, 2026 at 5:42 p.m.", None, datetime(2026, 3, 3, 17, 42)),
            ("Last updated 3 Mar 2026 10.30 GMT", None, datetime(2026, 3, 3, 10, 30, tzinfo=UTC)),
            ("2026-03-03T10:00:00Z", datetime(2026, 3, 3, 10, tzinfo=UTC), None),
            (
                "Posted Mar. 3, 2026 | Updated Mar. 4, 2026 9:00 AM EST",
                datetime(2026, 3, 3),
                datetime(2026, 3, 4, 9, tzinfo=timezone(timedelta(hours=-5))),
            ),
            ("Published 03.03.2026", datetime(2026, 3, 3), None),
        ],
    )
    def test_dates(self, line: str, published: datetime | None, modified: datetime | None) -> None:
        """Labelled and unlabelled dates are read; a zone only when named."""
        found = parse_date_line(line)
        assert found is not None
        assert (found.published, found.modified, found.problem) == (published, modified, None)

    def test_summer_time_zone_by_name(self) -> None:
        """A zone whose offset depends on the date ("ET") gets the offset of that date."""
        found = parse_date_line("June 3, 2026 9:00 AM ET")
        assert found is not None
        assert found.published == datetime(2026, 6, 3, 9, tzinfo=timezone(timedelta(hours=-4)))

    @pytest.mark.parametrize(
        "line",
        [
            "March 3",
            "2026",
            "March 3 was a Tuesday in 2026",
            "Updated 5 hours ago",
            "By Ada Lunde | March 3, 2026",
        ],
    )
    def test_not_a_date_line(self, line: str) -> None:
        """Lines without a full date, or with other words, are not date lines."""
        assert parse_date_line(line) is None

    def test_impossible_date_is_a_problem(self) -> None:
        """A date-shaped line with an impossible date reports the problem."""
        found = parse_date_line("February 30, 2026")
        assert found is not None
        assert found.published is None
        assert found.problem is not None

    @pytest.mark.parametrize("offset", ["+25:00", "-24:00", "+99:59", "+2400"])
    def test_offset_of_a_day_or_more_is_a_problem(self, offset: str) -> None:
        """A UTC offset of 24 hours or more, which no zone has, is reported as a problem."""
        found = parse_date_line(f"Updated 2026-01-01T00:00:00{offset}")
        assert found is not None
        assert (found.published, found.modified) == (None, None)
        assert found.problem is not None
        assert offset in found.problem

    @given(texts(max_size=160))
    def test_arbitrary_text(self, line: str) -> None:
        """Any line gives None or a DateLine, never an exception."""
        found = parse_date_line(line)
        assert found is None or found.published or found.modified or found.problem


class TestFindDateline:
    def test_prefix_is_exact(self) -> None:
        """The dateline text is the exact prefix of the paragraph, dash included."""
        paragraph = "OSLO, Norland (NW) \u2014 Ferries returned to the strait on Monday after months."
        found = find_dateline(paragraph)
        assert found is not None
        assert paragraph.startswith(found.text)
        assert found.text.endswith("\u2014")

    @pytest.mark.parametrize(
        "paragraph",
        [
            "Ferries returned — again — on Monday.",
            "OSLO 2026-03-03",
            "ferries - they returned on Monday to the strait after a long closure of the port.",
            "(notes) — see below for the details of the long closure of the port this year.",
        ],
    )
    def test_not_a_dateline(self, paragraph: str) -> None:
        """Prose with dashes, dates without a dash and lowercase openings are no datelines."""
        assert find_dateline(paragraph) is None

    @given(texts(max_size=200))
    def test_arbitrary_text(self, paragraph: str) -> None:
        """A found dateline is always a prefix of the paragraph."""
        found = find_dateline(paragraph)
        if found is not None:
            assert paragraph.startswith(found.text)


class TestChromeRule:
    def test_long_lines_never_chrome(self) -> None:
        """Lines over 600 characters are never chrome."""
        assert chrome_rule("Advertisement " * 60) is None

    def test_edge_marks_ignored(self) -> None:
        """Marks such as bullets, pipes and arrows around a chrome line are ignored."""
        assert chrome_rule("• Read more »") == "teaser"
        assert chrome_rule("— Advertisement —") == "advertisement"

    @given(st.text(max_size=120))
    def test_surrounding_space_does_not_matter(self, line: str) -> None:
        """Any line is classified, and the same with extra spaces around it."""
        assert chrome_rule(line) == chrome_rule(f"  {line}\t ")


class TestRegressions:
    @pytest.mark.parametrize("line", [";", " ; ", "(;)", "By;", "()"])
    def test_empty_clauses(self, line: str) -> None:
        """Lines of separators only are no byline (an empty clause once raised IndexError)."""
        assert parse_byline(line) is None

"""Tests for newsmodel.text.layout: scraped article text to body blocks and metadata.

Every article here is synthetic, written for these tests.
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import parse_text
from newsmodel.data import read_text
from newsmodel.exceptions import InputError
from newsmodel.model import AuthorRole, Image
from newsmodel.pipeline import Draft
from newsmodel.policy import DEFAULT
from newsmodel.testing import texts
from newsmodel.text import layout_text

FULL = """\
Skip to main navigation
Log in | Register

Ferry service resumes after winter closure

Operators promise more sailings and new boats by the summer

By Lena Marsh and Omar Haddad, Northern Wire

Published March 2, 2026 | Updated March 4, 2026 at 9:15 a.m. GMT

Passengers board the first ferry of the season at the east pier.Karl Berg/Northern Wire

BRISK HARBOUR, Norland (NW) — Ferries returned to the strait on Monday after a closure of four \
months, the operator said.

"We are glad to be back," said captain Ada Lunde.

Story continues below advertisement

Ticket prices will rise 2.5 per cent, according to the company.

Related: Bridge plans stall again

Share on Facebook
"""


def layout(text: str, **options: object) -> Draft:
    """Lay out ``text`` with the default policy changed by ``options``."""
    return layout_text(text, DEFAULT.clone(**options))


def body(draft: Draft) -> list[str]:
    """The texts of the draft's body blocks."""
    return [block.text for block in draft.blocks]


class TestFullArticle:
    def test_metadata(self) -> None:
        """Title, subtitle, authors, dates, image and dateline are found."""
        draft = layout(FULL)
        assert draft.title == "Ferry service resumes after winter closure"
        assert draft.subtitle == "Operators promise more sailings and new boats by the summer"
        assert [(a.name, a.affiliation, a.role) for a in draft.authors] == [
            ("Lena Marsh", "Northern Wire", AuthorRole.AUTHOR),
            ("Omar Haddad", "Northern Wire", AuthorRole.AUTHOR),
        ]
        assert draft.published == datetime(2026, 3, 2)
        assert draft.modified == datetime(2026, 3, 4, 9, 15, tzinfo=timezone.utc)
        assert draft.images == [
            Image(
                caption="Passengers board the first ferry of the season at the east pier.",
                credit="Karl Berg/Northern Wire",
            )
        ]
        assert draft.dateline is not None
        assert (draft.dateline.text, draft.dateline.place, draft.dateline.agency) == (
            "BRISK HARBOUR, Norland (NW) —",
            "BRISK HARBOUR, Norland",
            "NW",
        )

    def test_body(self) -> None:
        """Chrome, header lines and the caption leave the body; the story stays intact."""
        assert body(layout(FULL)) == [
            "BRISK HARBOUR, Norland (NW) — Ferries returned to the strait on Monday after a closure "
            "of four months, the operator said.",
            '"We are glad to be back," said captain Ada Lunde.',
            "Ticket prices will rise 2.5 per cent, according to the company.",
        ]

    def test_provenance(self) -> None:
        """Each metadata field found in the text says where it came from."""
        draft = layout(FULL)
        sources = {p.field: p.source for p in draft.provenance}
        assert sources == {
            "title": "text:title-line",
            "subtitle": "text:subtitle-line",
            "authors": "text:byline",
            "published": "text:date-line",
            "modified": "text:date-line",
            "images": "text:caption",
            "dateline": "text:dateline",
        }

    def test_parse_text_gives_dateline_a_span(self) -> None:
        """Through parse_text the dateline opening the body gets its span."""
        article = parse_text(FULL)
        assert article.dateline is not None
        assert article.dateline.span is not None
        assert article.dateline.span.of(article.text) == "BRISK HARBOUR, Norland (NW) —"


WRAPPED = """\
HARBOUR BOARD APPROVES NEW TERMINAL

By Ola Dahl
Coast Courier Staff Writer

BRISK -- The harbour board on Tuesday approved plans for a new
ferry terminal, ending a two-year dispute over where it should be
built and who would pay for the work.

"It is a good day for the town," board chair Ada Lunde said after
the vote, adding that work would start in the spring.
"""

ONE_LINE_PER_PARAGRAPH = """\
World
Ferry strike ends after six days
Unions and operators agree on pay rise of 4 per cent
Ada Lunde
Mar 3, 2026 · 4 min read
Listen to this article
BRISK (NW) — Ferry crews returned to work on Tuesday after unions and operators agreed on a pay \
rise, ending a six-day strike that stranded thousands of passengers.
"We got what we asked for," union leader Karl Berg said.
Image caption: Crews at the east pier on Tuesday. (Photo: Ola Dahl/Coast Courier)
Advertisement
The operator said services would run normally from Wednesday.
Topics
"""


class TestFormats:
    def test_archive_text(self) -> None:
        """Hard-wrapped archive text: capitals title, byline with a job line, "--" dateline."""
        draft = layout(WRAPPED)
        assert draft.title == "HARBOUR BOARD APPROVES NEW TERMINAL"
        assert [(a.name, a.affiliation) for a in draft.authors] == [("Ola Dahl", "Coast Courier")]
        assert draft.dateline is not None
        assert draft.dateline.text == "BRISK --"
        assert body(draft) == [
            "BRISK -- The harbour board on Tuesday approved plans for a new ferry terminal, ending a "
            "two-year dispute over where it should be built and who would pay for the work.",
            '"It is a good day for the town," board chair Ada Lunde said after the vote, adding that '
            "work would start in the spring.",
        ]

    def test_copied_web_page(self) -> None:
        """One line per paragraph: section, title, subtitle, bare byline, date with read time."""
        draft = layout(ONE_LINE_PER_PARAGRAPH)
        assert (draft.section, draft.title, draft.subtitle) == (
            "World",
            "Ferry strike ends after six days",
            "Unions and operators agree on pay rise of 4 per cent",
        )
        assert [a.name for a in draft.authors] == ["Ada Lunde"]
        assert draft.published == datetime(2026, 3, 3)
        assert draft.images == [
            Image(caption="Crews at the east pier on Tuesday.", credit="Ola Dahl/Coast Courier")
        ]
        assert [b[:30] for b in body(draft)] == [
            "BRISK (NW) — Ferry crews retur",
            '"We got what we asked for," un',
            "The operator said services wou",
        ]


class TestSampleArticle:
    def test_sample_article(self) -> None:
        """The package's synthetic sample: chrome gone, every header field found, body intact."""
        text = read_text("sample_article.txt")
        draft = layout(text)
        assert draft.title == "Harbour city votes to rebuild its flooded seawall"
        assert draft.subtitle is not None
        assert draft.subtitle.startswith("Council approves a two-year plan")
        assert [(a.name, a.affiliation) for a in draft.authors] == [
            ("Maria Okafor", "Coastal Wire Service"),
            ("Tom Lindqvist", "Coastal Wire Service"),
        ]
        assert draft.modified == datetime(2026, 3, 3)
        assert draft.dateline is not None
        assert (draft.dateline.place, draft.dateline.agency) == ("VALDMORE, Norway", "CWS")
        assert [(i.caption is not None, i.credit) for i in draft.images] == [
            (True, "Ana Ruiz/Coastal Wire Service")
        ]
        removed = {"Skip to content", "Sign in | Subscribe", "Advertisement", "Share this article"}
        kept = [b.text for b in draft.blocks]
        assert not removed & set(kept)
        assert not any(b.startswith("Read more") for b in kept)
        story = [line for line in text.splitlines() if line.startswith(("VALDMORE", '"', "Halvorsen", "Dr."))]
        assert all(line in kept for line in story)
        assert kept[0].startswith("VALDMORE, Norway (CWS) —")
        assert len(kept) == 9


class TestChrome:
    @pytest.mark.parametrize(
        ("line", "rule"),
        [
            ("Skip to content", "skip-link"),
            ("Sign in | Subscribe", "account"),
            ("Share this article", "share"),
            ("Facebook  Twitter  Email", "share"),
            ("Advertisement", "advertisement"),
            ("Read more: How ports prepare for storms", "teaser"),
            ("RELATED: Ferry fares to rise", "teaser"),
            ("We use cookies to personalise content. By using this site you agree to it.", "cookie"),
            ("42 Comments", "comments"),
            ("Home | World | Business | Sport", "menu"),
            ("© 2026 Northern Wire. All rights reserved.", "copyright"),
            ("Updated 3 hours ago", "relative-time"),
            ("4 min read", "reading-time"),
            ("Follow us on Twitter", "follow"),
            ("1 of 12", "gallery"),
        ],
    )
    def test_chrome_line_removed(self, line: str, rule: str) -> None:
        """A chrome line leaves the body; with explain it is reported with its rule."""
        text = f"{line}\n\nThe ferry left the pier on time, the operator said.\n"
        plain = layout(text)
        assert body(plain) == ["The ferry left the pier on time, the operator said."]
        assert plain.defects == []  # without explain, removed chrome is no defect
        explained = layout(text, explain=True)
        assert [(d.code, d.message) for d in explained.defects] == [("boilerplate", f"{rule}: {line}")]

    @pytest.mark.parametrize(
        "line",
        [
            "More — much more — was needed, the mayor said.",
            "Read more about the plan in the council's report, she added.",
            "Share prices fell 3 per cent on Monday.",
            "The company said cookies were its best-selling product.",
        ],
    )
    def test_prose_is_not_chrome(self, line: str) -> None:
        """Sentences that merely start like chrome stay in the body."""
        assert body(layout(f"The ferry left on time.\n\n{line}\n")) == ["The ferry left on time.", line]


class TestTitle:
    def test_no_title_from_first_sentence(self) -> None:
        """A first line ending like a sentence stays body text and no title is invented."""
        text = "Norland sets terms for new ferry contract.\n\nThe ministry said on Friday it wants bids.\n"
        draft = layout(text)
        assert draft.title is None
        assert body(draft) == [
            "Norland sets terms for new ferry contract.",
            "The ministry said on Friday it wants bids.",
        ]

    def test_headline_with_quote_and_period_stays(self) -> None:
        """A headline that ends with a period after a quotation stays in the body."""
        text = "Lunde: Fares are 'a fair price.'\n\nThe captain defended the rise on Monday.\n"
        draft = layout(text)
        assert draft.title is None
        assert body(draft)[0] == "Lunde: Fares are 'a fair price.'"

    def test_unpunctuated_headline_is_title(self) -> None:
        """A short unpunctuated line standing apart at the top is the title."""
        draft = layout("Ferry returns to the strait\n\nThe first boat left at dawn.\n")
        assert draft.title == "Ferry returns to the strait"
        assert body(draft) == ["The first boat left at dawn."]

    def test_lone_line_is_not_title(self) -> None:
        """Text with nothing after its heading-like line keeps it as body."""
        draft = layout("Ferry returns to the strait\n")
        assert draft.title is None
        assert body(draft) == ["Ferry returns to the strait"]

    def test_title_needs_body_not_just_chrome(self) -> None:
        """A heading followed only by chrome is body text, not a title."""
        draft = layout("Ferry returns to the strait\n\nAdvertisement\n")
        assert draft.title is None
        assert body(draft) == ["Ferry returns to the strait"]

    def test_long_line_is_not_title(self) -> None:
        """A line of more than 25 words is not a title even without a final stop."""
        line = " ".join(["word"] * 30)
        draft = layout(f"{line}\n\nThe boat left.\n")
        assert draft.title is None

    def test_section_label_before_title(self) -> None:
        """A one-word label right before the title is the section."""
        draft = layout("Travel\n\nFerry returns to the strait\n\nThe first boat left at dawn.\n")
        assert (draft.section, draft.title) == ("Travel", "Ferry returns to the strait")

    def test_subtitle_needs_evidence(self) -> None:
        """A punctuated line after the title is the subtitle only if a byline or date follows it."""
        with_byline = layout(
            "Ferry returns\n\nBoats sail again after four months.\n\nBy Ada Lunde\n\nIt left.\n"
        )
        assert with_byline.subtitle == "Boats sail again after four months."
        without = layout("Ferry returns\n\nBoats sail again after four months.\n\nIt left at dawn.\n")
        assert without.subtitle is None
        assert body(without)[0] == "Boats sail again after four months."


class TestByline:
    def test_by_line(self) -> None:
        """ "By NAME" gives an author with a clean name."""
        draft = layout("Ferry returns\n\nBy Ada Lunde\n\nThe boat left.\n")
        assert [a.name for a in draft.authors] == ["Ada Lunde"]

    def test_agency_only(self) -> None:
        """A byline naming only a news agency gives an agency author."""
        draft = layout("By Reuters\n\nThe boat left.\n")
        assert [(a.name, a.role) for a in draft.authors] == [("Reuters", AuthorRole.AGENCY)]

    def test_bare_names_after_title(self) -> None:
        """ "NAME and NAME" after a title is a byline."""
        draft = layout("Ferry returns\n\nAda Lunde and Karl Berg\n\nThe boat left.\n")
        assert [a.name for a in draft.authors] == ["Ada Lunde", "Karl Berg"]
        assert body(draft) == ["The boat left."]

    def test_bare_name_with_agency_at_top(self) -> None:
        """ "NAME, Agency" at the top is a byline when the agency is a news agency."""
        draft = layout("Ada Lunde, Reuters\n\nBRISK (Reuters) - The boat left on time on Monday.\n")
        assert [(a.name, a.affiliation) for a in draft.authors] == [("Ada Lunde", "Reuters")]
        assert draft.title is None

    def test_bare_name_after_date(self) -> None:
        """A single name right after a date line is a byline."""
        draft = layout("Ferry returns\n\nMarch 3, 2026\n\nAda Lunde\n\nThe boat left.\n")
        assert [a.name for a in draft.authors] == ["Ada Lunde"]

    def test_bare_name_without_header_is_no_byline(self) -> None:
        """A name on the first line of a text, with no title or date before it, is no byline."""
        draft = layout("Ada Lunde\n\nThe boat left.\n")
        assert draft.authors == []

    def test_credit_line_at_end(self) -> None:
        """A closing "(Reporting by ...; Editing by ...)" line gives authors with their roles."""
        text = "The boat left.\n\n(Reporting by Ada Lunde in Brisk; Editing by Karl Berg)\n"
        draft = layout(text)
        assert [(a.name, a.role) for a in draft.authors] == [
            ("Ada Lunde", AuthorRole.AUTHOR),
            ("Karl Berg", AuthorRole.EDITOR),
        ]
        assert body(draft) == ["The boat left."]

    def test_by_sentence_stays_in_body(self) -> None:
        """A body sentence starting with "By" is not a byline."""
        text = "The boat left.\n\nBy Monday, the harbour was full.\n"
        assert body(layout(text)) == ["The boat left.", "By Monday, the harbour was full."]


class TestDates:
    def test_updated_is_modified(self) -> None:
        """ "Updated DATE" sets modified, not published; no time zone is invented."""
        draft = layout("Updated March 3, 2026\n\nThe boat left.\n")
        assert (draft.published, draft.modified) == (None, datetime(2026, 3, 3))

    def test_zone_named(self) -> None:
        """A time zone named on the line is kept."""
        draft = layout("Published March 3, 2026 5:42 PM EST\n\nThe boat left.\n")
        assert draft.published == datetime(2026, 3, 3, 17, 42, tzinfo=timezone(timedelta(hours=-5)))

    def test_invalid_date_is_defect_and_stays(self) -> None:
        """A date-shaped line that is no real date stays in the body and is a defect."""
        draft = layout("Published February 30, 2026\n\nThe boat left.\n")
        assert draft.published is None
        assert body(draft)[0] == "Published February 30, 2026"
        assert [d.code for d in draft.defects] == ["invalid-date"]

    def test_invalid_date_raises_when_strict(self) -> None:
        """Under a strict policy the invalid date raises InputError."""
        with pytest.raises(InputError, match="invalid-date"):
            layout("Published February 30, 2026\n\nThe boat left.\n", strict=True)

    def test_invalid_labelled_date_in_body(self) -> None:
        """An impossible labelled date inside the body stays there and is a defect."""
        draft = layout("The boat left.\n\nUpdated February 30, 2026\n\nIt came back.\n")
        assert body(draft) == ["The boat left.", "Updated February 30, 2026", "It came back."]
        assert [d.code for d in draft.defects] == ["invalid-date"]

    def test_unlabelled_date_in_body_stays(self) -> None:
        """A bare date line in the middle of the body stays there (a live-blog heading)."""
        draft = layout("The boat left.\n\nMarch 3, 2026\n\nIt came back.\n")
        assert draft.published is None
        assert body(draft) == ["The boat left.", "March 3, 2026", "It came back."]


class TestCaptions:
    def test_glued_credit(self) -> None:
        """A credit glued to the caption's last sentence is split off."""
        draft = layout("Crews repair the pier in May.Jane Roe/Harbour Press\n\nThe boat left.\n")
        assert draft.images == [
            Image(caption="Crews repair the pier in May.", credit="Jane Roe/Harbour Press")
        ]
        assert body(draft) == ["The boat left."]

    @pytest.mark.parametrize(
        ("line", "caption", "credit"),
        [
            (
                "Crews repair the pier. (Photo: Jane Roe/Harbour Press)",
                "Crews repair the pier.",
                "Jane Roe/Harbour Press",
            ),
            ("Crews repair the pier. (AP Photo/Jane Roe)", "Crews repair the pier.", "AP Photo/Jane Roe"),
            ("Crews repair the pier. Credit: Jane Roe", "Crews repair the pier.", "Jane Roe"),
            ("Crews repair the pier. Getty Images", "Crews repair the pier.", "Getty Images"),
            ("Crews repair the pier. Photo by Jane Roe", "Crews repair the pier.", "Jane Roe"),
            ("Crews repair the pier. Reuters/Jane Roe", "Crews repair the pier.", "Reuters/Jane Roe"),
        ],
    )
    def test_credit_forms(self, line: str, caption: str, credit: str) -> None:
        """Each credit form splits caption and credit."""
        draft = layout(f"The boat left.\n\n{line}\n\nIt came back.\n")
        assert draft.images == [Image(caption=caption, credit=credit)]
        assert body(draft) == ["The boat left.", "It came back."]

    def test_caption_without_credit_stays(self) -> None:
        """A caption-like line without a credit marker stays body text."""
        draft = layout("Crews repair the pier in May.\n\nThe boat left.\n")
        assert draft.images == []
        assert body(draft) == ["Crews repair the pier in May.", "The boat left."]

    def test_credit_line_under_caption(self) -> None:
        """A credit on its own line takes the line above, in the same block, as the caption."""
        draft = layout("The boat left.\n\nCrews repair the pier.\nPhoto: Jane Roe\n\nIt came back.\n")
        assert draft.images == [Image(caption="Crews repair the pier.", credit="Jane Roe")]
        assert body(draft) == ["The boat left.", "It came back."]

    def test_credit_line_after_paragraph(self) -> None:
        """A credit line after a blank line takes no caption: the paragraph above stays body."""
        draft = layout("The boat left.\n\nPhoto: Jane Roe\n\nIt came back.\n")
        assert draft.images == [Image(credit="Jane Roe")]
        assert body(draft) == ["The boat left.", "It came back."]


class TestDateline:
    @pytest.mark.parametrize(
        ("opening", "place", "agency"),
        [
            ("BRISK —", "BRISK", None),
            ("BRISK HARBOUR (Reuters) -", "BRISK HARBOUR", "Reuters"),
            ("BRISK, Norland (NW) —", "BRISK, Norland", "NW"),
            ("Brisk (AFP) –", "Brisk", "AFP"),
            ("BRISK, N.L., March 3 (UPI) —", "BRISK, N.L.", "UPI"),
            ("March 3 (Reuters) -", None, "Reuters"),
        ],
    )
    def test_dateline_forms(self, opening: str, place: str | None, agency: str | None) -> None:
        """Datelines opening the first paragraph are recorded; the text stays in the body."""
        first = f"{opening} The ferry returned to the strait on Monday after a closure of four months."
        draft = layout(f"{first}\n\nIt came back.\n")
        assert draft.dateline is not None
        assert (draft.dateline.text, draft.dateline.place, draft.dateline.agency) == (opening, place, agency)
        assert body(draft)[0] == first

    def test_capitals_headline_is_not_dateline(self) -> None:
        """An all-capitals headline with a topic slug is no dateline."""
        assert layout("FERRIES - BOATS RETURN TO STRAIT\n\nThe boat left.\n").dateline is None

    def test_slug_before_short_headline_is_not_dateline(self) -> None:
        """ "SLUG - Short headline." is no dateline: a bare place needs a full paragraph."""
        assert layout("TRAVEL - Ferries return to strait.\n\nThe boat left.\n").dateline is None

    def test_dateline_after_headline_line(self) -> None:
        """After a one-line headline kept in the body, the second paragraph's dateline counts."""
        text = "Ferries return to strait.\n\nBRISK (NW) — The ferry returned on Monday after four months.\n"
        article = parse_text(text)
        assert article.dateline is not None
        assert article.dateline.span is not None
        assert article.dateline.span.of(article.text) == "BRISK (NW) —"

    def test_kicker_is_not_dateline(self) -> None:
        """A capitalised label such as "BREAKING —" is not a place."""
        text = "BREAKING — The ferry returned to the strait on Monday after a closure of four months.\n"
        assert layout(text).dateline is None


class TestParagraphs:
    def test_blank_line_paragraphs(self) -> None:
        """Blank lines (with spaces, tabs or no-break spaces) separate paragraphs."""
        draft = layout("One here.\n \t\xa0\nTwo here.\n\n\n\nThree here.")
        assert body(draft) == ["One here.", "Two here.", "Three here."]

    def test_one_line_per_paragraph(self) -> None:
        """Single newlines separate paragraphs when each line is one."""
        text = (
            "The ferry returned to the strait on Monday after a closure of four months, the operator said.\n"
            "Captain Ada Lunde said the crew was glad to be back at sea after the long winter.\n"
            "Fares rise."
        )
        assert len(layout(text).blocks) == 3

    def test_hard_wrapped_text_is_joined(self) -> None:
        """Lines hard-wrapped at a fixed width are joined into paragraphs with single spaces."""
        paragraph = (
            "The ferry returned to the strait on Monday after a closure of four months, the operator "
            "said. Captain Ada Lunde said the crew was glad to be back at sea after the long and hard "
            "winter, and that the new boats would arrive by the summer if the yard kept its promises."
        )
        second = "Fares will rise by two per cent from April, the company said in a statement on Monday."
        wrapped = _wrap(paragraph, 60) + "\n\n" + _wrap(second, 60)
        assert body(layout(wrapped)) == [paragraph, second]

    def test_wrapped_paragraphs_without_blank_lines(self) -> None:
        """In wrapped text a short line whose next word would have fitted ends a paragraph."""
        first = (
            "The ferry returned to the strait on Monday after a closure of four months, the operator said "
            "in a statement."
        )
        second = (
            "Captain Ada Lunde said the crew was glad to be back at sea after the long and hard winter "
            "in the yard."
        )
        text = _wrap(first, 50) + "\n" + _wrap(second, 50)
        assert body(layout(text)) == [first, second]

    def test_few_short_lines_are_not_wrapped(self) -> None:
        """Two line breaks that happen to look like wraps are not enough to join lines."""
        headlines = [
            "Harbour board approves the new ferry terminal",
            "Unions and operators agree on a pay increase",
            "Council votes to rebuild the flooded seawall",
        ]
        draft = layout("\n".join(headlines) + "\n\nIt left.")
        assert (draft.title, draft.subtitle) == (headlines[0], headlines[1])
        assert body(draft) == [headlines[2], "It left."]

    @pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\x85"])
    def test_line_breaks(self, newline: str) -> None:
        """CRLF, CR and Unicode line separators all break lines."""
        text = newline.join(["Ferry returns", "", "The boat left.", "", "It came back."])
        draft = layout(text)
        assert (draft.title, body(draft)) == ("Ferry returns", ["The boat left.", "It came back."])

    def test_paragraph_separator(self) -> None:
        """U+2029 ends a block like a blank line."""
        assert body(layout("The boat left.\u2029It came back.")) == ["The boat left.", "It came back."]

    def test_lone_surrogate_is_replaced_and_recorded(self) -> None:
        """A lone surrogate becomes U+FFFD and a defect; strict parsing raises instead."""
        draft = layout("The boat \ud800left.")
        assert body(draft) == ["The boat \ufffdleft."]
        assert [d.code for d in draft.defects] == ["invalid-character"]
        with pytest.raises(InputError):
            layout("The boat \ud800left.", strict=True)

    def test_inner_whitespace_kept(self) -> None:
        """Text inside a line is never rewritten (tabs and no-break spaces stay)."""
        assert body(layout("  The\tboat\xa0left.  ")) == ["The\tboat\xa0left."]

    def test_empty_and_blank(self) -> None:
        """Empty and blank texts give no blocks."""
        assert layout("").blocks == []
        assert layout(" \n\t\n\u2028 ").blocks == []


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(lines)


class TestExplain:
    def test_every_removed_line_reported(self) -> None:
        """With explain, every line that left the body is a defect naming its rule or field."""
        draft = layout(FULL, explain=True)
        messages = [(d.code, d.message.split(":", 1)[0]) for d in draft.defects]
        assert messages == [
            ("boilerplate", "skip-link"),
            ("boilerplate", "account"),
            ("metadata-line", "title"),
            ("metadata-line", "subtitle"),
            ("metadata-line", "byline"),
            ("metadata-line", "date-line"),
            ("metadata-line", "caption"),
            ("boilerplate", "advertisement"),
            ("boilerplate", "teaser"),
            ("boilerplate", "share"),
        ]


# -- properties --------------------------------------------------------------------------------

_LINES = [
    "Skip to content",
    "Sign in | Subscribe",
    "Ferry returns to the strait",
    "By Ada Lunde and Karl Berg, Harbour Press",
    "Ada Lunde and Karl Berg",
    "Updated March 3, 2026",
    "Published February 30, 2026",
    "Crews repair the pier in May.Jane Roe/Harbour Press",
    "Photo: Jane Roe",
    "BRISK (NW) — The ferry returned to the strait on Monday after a closure of four months.",
    '"We are back," said captain Ada Lunde.',
    "Advertisement",
    "Read more: Fares rise",
    "(Reporting by Ada Lunde; Editing by Karl Berg)",
    "Travel",
    "It came back.",
]
_NEWLINES = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\u2028", "\n \t\xa0\n", "\u2029"]


@st.composite
def articles_text(draw: st.DrawFn) -> str:
    """Texts made of header, chrome, caption and body lines mixed with arbitrary text."""
    lines = draw(st.lists(st.one_of(st.sampled_from(_LINES), texts(max_size=60)), max_size=12))
    out = []
    for line in lines:
        out.append(line)
        out.append(draw(st.sampled_from(_NEWLINES)))
    return "".join(out)


def _normal(text: str) -> str:
    return " ".join(text.split())


class TestProperties:
    @given(st.one_of(texts(max_size=500), articles_text()), st.booleans(), st.booleans())
    def test_never_raises_outside_newsmodel_error(self, text: str, explain: bool, strict: bool) -> None:
        """Any str gives an article; only a strict policy may raise, and only InputError."""
        if not strict:
            parse_text(text, explain=explain)
            return
        with contextlib.suppress(InputError):
            parse_text(text, explain=explain, strict=True)

    @given(st.one_of(texts(max_size=500), articles_text()))
    def test_blocks_come_from_the_input(self, text: str) -> None:
        """Every body block is the input's text, modulo white space between words."""
        draft = layout(text)
        haystack = _normal(text.replace("\ud800", "\ufffd"))
        for block in draft.blocks:
            assert block.text
            assert block.text == block.text.strip()
            assert _normal(block.text) in haystack

    @given(st.one_of(texts(max_size=500), articles_text()))
    def test_nothing_silently_lost(self, text: str) -> None:
        """With explain, every word of the input is in the body, the metadata or a defect."""
        draft = layout(text, explain=True)
        kept = [block.text for block in draft.blocks]
        kept += [draft.title or "", draft.subtitle or "", draft.section or ""]
        kept += [a.name for a in draft.authors] + [a.affiliation or "" for a in draft.authors]
        kept += [i.caption or "" for i in draft.images] + [i.credit or "" for i in draft.images]
        kept += [d.message for d in draft.defects]
        haystack = "\n".join(kept)
        for word in re.findall(r"\w+", text):
            assert word in haystack

    @given(st.one_of(texts(max_size=400), articles_text()))
    def test_sentences_inside_paragraphs(self, text: str) -> None:
        """Sentences of a parsed article lie inside its paragraphs, trimmed and in order."""
        article = parse_text(text)
        end = 0
        for sentence in article.sentences:
            piece = sentence.of(article.text)
            assert piece
            assert piece == piece.strip()
            assert sentence.start >= end
            assert any(p.start <= sentence.start and sentence.end <= p.end for p in article.paragraphs)
            end = sentence.end


class TestCost:
    def test_large_article(self) -> None:
        """A 500 kB article of many paragraphs is laid out (linear rules, bounded per line)."""
        text = FULL * (500_000 // len(FULL))
        assert len(layout(text).blocks) > 1_500

    def test_single_huge_line(self) -> None:
        """A single 5 MB line is one paragraph."""
        text = "word " * 1_000_000
        assert body(layout(text)) == [text.strip()]

    def test_many_blank_lines(self) -> None:
        """100k blank lines around a paragraph cost nothing special."""
        text = "\n" * 100_000 + "The boat left." + "\r\n \t" * 100_000
        assert body(layout(text)) == ["The boat left."]

    @pytest.mark.parametrize("unit", ["(" * 50, "Photo: " * 20, "/" * 50, "By " * 30, ". " * 40, "— " * 30])
    def test_adversarial_lines(self, unit: str) -> None:
        """Long lines of rule trigger characters do not backtrack."""
        line = unit * (200_000 // len(unit))
        text = "\n\n".join([line, line[:500], line[:100], "The boat left."])
        assert layout(text).blocks[-1].text == "The boat left."

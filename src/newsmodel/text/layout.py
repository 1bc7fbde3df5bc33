"""Plain-text layout: scraped article text to body blocks and metadata.

The text is cut into paragraph candidates (:mod:`newsmodel.text._lines`: blank-line blocks,
one line per paragraph, hard-wrapped lines joined). Then, in order:

1. **Header.** From the top, as long as lines are header material: date lines
   (``"Updated March 3, 2026"``), bylines (``"By Jane Doe, The Wire"``; a bare list of names
   only once a title or date was seen; a line right under a byline naming an organisation or a
   job title belongs to it), chrome, captions, a section label, the title, and the subtitle
   right after it. The first other line starts the body.
   A *title* is a short line (2 to 25 words) without sentence-final punctuation, standing on
   its own before any byline and followed by more text. A line ending like a sentence is never
   taken for a title: news-wire and archive texts whose first line is a headline with a period
   keep it in the body. A *subtitle* follows the title and is either short and unpunctuated too,
   or followed itself by a byline or date line.
2. **Body.** Every other line is body text unless it is chrome (:mod:`~newsmodel.text._chrome`),
   a caption with a credit (:mod:`~newsmodel.text._captions`), a credit line ("Editing by ...")
   or a labelled date line. A credit on a line of its own takes the line before it as its
   caption when the two lines form a block of their own.
3. **Dateline.** A dateline opening the first body paragraph (``"PARIS (Reuters) -"``) stays in
   the text and is recorded as :attr:`Draft.dateline`; when the first body paragraph is a
   one-line headline kept in the body, the second one is looked at too.

Nothing is dropped silently: lines removed as chrome are recorded with
:attr:`~newsmodel.ParsePolicy.explain` as ``Defect(code="boilerplate", message="RULE: line")``,
lines moved into metadata as ``Defect(code="metadata-line", ...)``, and when unsure a line stays
in the body.
"""

from __future__ import annotations

import enum
import itertools
from datetime import datetime

import attrs

from newsmodel.exceptions import InputError
from newsmodel.model import AuthorRole, Defect, Image, Provenance, Span
from newsmodel.pipeline import PARAGRAPH_SEPARATOR, Block, Draft
from newsmodel.policy import ParsePolicy
from newsmodel.text._byline import Byline, parse_byline
from newsmodel.text._captions import CaptionCredit, split_credit
from newsmodel.text._chrome import chrome_rule
from newsmodel.text._dateline import find_dateline
from newsmodel.text._dates import DateLine, parse_date_line
from newsmodel.text._lines import Unit, split_lines, units
from newsmodel.text._names import is_job_title, is_organisation, name_words, news_agencies
from newsmodel.text.scrub import scrub

__all__ = ["layout_text"]

_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 250
_MAX_SECTION_WORDS = 2
_MIN_TITLE_AFTER_SECTION = 4
_MAX_SUBTITLE_WORDS = 60
_MAX_SUBTITLE_CHARS = 500
_MAX_HEADLINE_WORDS = 25
"""A first body paragraph this short, on one line, may be a headline before the dateline."""
_MAX_CAPTION_WORDS = 60
_MAX_EXCERPT = 1000
"""Removed lines are reported whole: every rule that removes a line caps its length below this."""
_SENTENCE_END = ".!?…:;,"
_CLOSERS = "\"”’')]»"


class _Role(enum.Enum):
    """What a paragraph candidate turned out to be."""

    BODY = "body"
    CHROME = "chrome"
    TITLE = "title"
    SUBTITLE = "subtitle"
    SECTION = "section"
    BYLINE = "byline"
    DATE = "date-line"
    CAPTION = "caption"


@attrs.define
class _Line:
    """A paragraph candidate and what the layout decided about it."""

    unit: Unit
    role: _Role = _Role.BODY
    rule: str | None = None
    """The chrome rule that removed it."""

    @property
    def text(self) -> str:
        return self.unit.text


def layout_text(text: str, policy: ParsePolicy) -> Draft:
    r"""Split scraped article text into body blocks and metadata.

    >>> draft = layout_text("Skip to content\n\nCity rebuilds seawall\n\nBy Ann Lee\n\n"
    ...                     "OSLO (CWS) — Work starts today.", ParsePolicy())
    >>> draft.title, [a.name for a in draft.authors], draft.dateline.text
    ('City rebuilds seawall', ['Ann Lee'], 'OSLO (CWS) —')
    >>> [b.text for b in draft.blocks]
    ['OSLO (CWS) — Work starts today.']
    """
    clean, problems = scrub(text)
    draft = Draft()
    for problem in problems:
        _input_defect(draft, policy, problem)
    lines = [_Line(unit) for unit in units(split_lines(clean))]
    _Layout(lines, draft, policy).run()
    return draft


def _input_defect(draft: Draft, policy: ParsePolicy, defect: Defect) -> None:
    """Record a defect of the input, or raise it under a strict policy."""
    if policy.strict:
        raise InputError(f"{defect.code}: {defect.message}")
    draft.defects.append(defect)


def _excerpt(text: str) -> str:
    return text if len(text) <= _MAX_EXCERPT else text[: _MAX_EXCERPT - 1] + "…"


def _ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final (or clause-final) punctuation."""
    stripped = text.rstrip(_CLOSERS)
    return not stripped or stripped[-1] in _SENTENCE_END


def _words(text: str, limit: int) -> int:
    """The number of words of ``text``, counting no further than ``limit + 1``."""
    return len(text.split(maxsplit=limit))


def _is_chrome(text: str) -> bool:
    return chrome_rule(text) is not None


def _title_like(text: str) -> bool:
    """A short line starting with a capital, digit or quotation mark, not ending like a sentence."""
    if len(text) > _MAX_TITLE_CHARS or not 2 <= _words(text, _MAX_TITLE_WORDS) <= _MAX_TITLE_WORDS:
        return False
    first = next((c for c in text if c.isalnum()), "")
    return bool(first) and not first.islower() and not _ends_like_sentence(text)


@attrs.define
class _Layout:
    """One pass over the paragraph candidates of a text, filling a draft."""

    lines: list[_Line]
    draft: Draft
    policy: ParsePolicy
    _bylines: dict[int, Byline | None] = attrs.Factory(dict)
    _dates: dict[int, DateLine | None] = attrs.Factory(dict)
    _credits: dict[int, CaptionCredit | None] = attrs.Factory(dict)
    _known_authors: set[tuple[str, AuthorRole]] = attrs.Factory(set)

    def run(self) -> None:
        """Classify every line, fill the draft's metadata and blocks."""
        start = self._header()
        self._body(start)
        if not any(line.role is _Role.BODY for line in self.lines):
            self._restore_headings()
        body = [line for line in self.lines if line.role is _Role.BODY]
        self.draft.blocks = [Block(line.text) for line in body]
        self._dateline(body)
        if self.policy.explain:
            self._explain()

    # -- cached rule results -----------------------------------------------------------------

    def _byline(self, index: int, *, bare: bool) -> Byline | None:
        key = index * 2 + bare
        if key not in self._bylines:
            self._bylines[key] = parse_byline(self.lines[index].text, bare=bare)
        return self._bylines[key]

    def _date(self, index: int) -> DateLine | None:
        """The date line at ``index`` (parsed once; an impossible date is recorded as a defect)."""
        if index not in self._dates:
            date = parse_date_line(self.lines[index].text, ignore=_is_chrome)
            self._dates[index] = date
            if date is not None and date.problem is not None:
                _input_defect(self.draft, self.policy, Defect(code="invalid-date", message=date.problem))
        return self._dates[index]

    def _credit(self, index: int) -> CaptionCredit | None:
        if index not in self._credits:
            self._credits[index] = split_credit(self.lines[index].text)
        return self._credits[index]

    # -- header ------------------------------------------------------------------------------

    def _header(self) -> int:
        """Classify header lines from the top; return the index of the first body line."""
        context = False  # a title, byline or date was seen: bare names may be a byline
        previous: _Role | None = None
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            role = self._header_role(index, context=context, previous=previous)
            if role is None:
                break
            line.role = role
            if role not in (_Role.CHROME, _Role.CAPTION):
                previous = role
                context = context or role in (_Role.TITLE, _Role.BYLINE, _Role.DATE)
            index += 1
        return index

    def _header_role(self, index: int, *, context: bool, previous: _Role | None) -> _Role | None:
        """The role of a header line, or ``None`` if the body starts here."""
        line = self.lines[index]
        date = self._date(index)
        if date is not None:
            if date.problem is not None:
                return None
            if self._take_dates(date.published, date.modified, "text:date-line"):
                return _Role.DATE
            return None
        byline = self._byline(index, bare=False)
        if byline is not None:
            self._take_byline(byline)
            return _Role.BYLINE
        rule = chrome_rule(line.text)
        if rule is not None:
            line.rule = rule
            return _Role.CHROME
        if self._bare_byline(index, previous, context=context):
            return _Role.BYLINE
        if previous is _Role.BYLINE and self._byline_detail(line.text):
            return _Role.BYLINE
        credit = self._credit(index)
        if credit is not None:
            self._take_image(credit)
            return _Role.CAPTION
        draft = self.draft
        if draft.title is None and previous is not _Role.BYLINE:
            if self._section(index):
                draft.section = line.text
                self._provenance("section", "text:section-line")
                return _Role.SECTION
            if _title_like(line.text) and self._more_after(index):
                draft.title = line.text
                self._provenance("title", "text:title-line")
                return _Role.TITLE
        if previous is _Role.TITLE and draft.subtitle is None and self._subtitle(index):
            draft.subtitle = line.text
            self._provenance("subtitle", "text:subtitle-line")
            return _Role.SUBTITLE
        return None

    def _bare_byline(self, index: int, previous: _Role | None, *, context: bool) -> bool:
        """A line of names only, taken for a byline when the header shows it is one.

        Before any title, byline or date only names credited to a news agency will do
        ("Jane Doe, Reuters"); after one, two names or more, an affiliation, or a date line
        right before or after the names.
        """
        byline = self._byline(index, bare=True)
        if byline is None:
            return False
        if not context:
            evident = any(
                a.affiliation and a.affiliation.casefold() in news_agencies() for a in byline.authors
            )
        else:
            evident = len(byline.authors) >= 2 or any(a.affiliation for a in byline.authors)
            if not evident and previous is _Role.DATE:
                evident = True
            elif not evident:
                following = self._next_significant(index)
                evident = following is not None and self._date(following) is not None
        if evident:
            self._take_byline(byline)
        return evident

    def _byline_detail(self, text: str) -> bool:
        """A line under a byline naming the authors' organisation or job ("Staff Writer")."""
        if len(text) > _MAX_TITLE_CHARS or _ends_like_sentence(text):
            return False
        organisation = text
        if is_job_title(text):  # "Coast Courier Staff Writer": the organisation, if any, comes first
            words = text.split()
            while words and is_job_title(" ".join(words)):
                words.pop()
            organisation = " ".join(words)
            if not organisation:
                return True
        if not (is_organisation(organisation) and name_words(organisation, 8)):
            return is_job_title(text)
        self.draft.authors = [
            attrs.evolve(a, affiliation=organisation)
            if a.affiliation is None and a.role is not AuthorRole.AGENCY
            else a
            for a in self.draft.authors
        ]
        return True

    def _section(self, index: int) -> bool:
        """A one- or two-word label right before a title of four words or more ("World", "Local news")."""
        text = self.lines[index].text
        if _words(text, _MAX_SECTION_WORDS) > _MAX_SECTION_WORDS or _ends_like_sentence(text):
            return False
        if not text[0].isupper() or not all(c.isalpha() or c in " &-'’" for c in text):
            return False
        following = self._next_significant(index)
        return (
            following is not None
            and _title_like(self.lines[following].text)
            and _words(self.lines[following].text, _MIN_TITLE_AFTER_SECTION) >= _MIN_TITLE_AFTER_SECTION
            and self._byline(following, bare=True) is None
            and self._more_after(following)
        )

    def _subtitle(self, index: int) -> bool:
        """A standfirst right after the title: short and unpunctuated, or followed by a byline or date."""
        text = self.lines[index].text
        if len(text) > _MAX_SUBTITLE_CHARS or _words(text, _MAX_SUBTITLE_WORDS) > _MAX_SUBTITLE_WORDS:
            return False
        if not self._more_after(index) or find_dateline(text) is not None:
            return False
        if _title_like(text):
            return True
        following = self._next_significant(index)
        return following is not None and (
            self._date(following) is not None
            or self._byline(following, bare=False) is not None
            or self._byline(following, bare=True) is not None
        )

    def _next_significant(self, index: int) -> int | None:
        """The next line after ``index`` that is neither chrome nor a caption."""
        for following in range(index + 1, min(len(self.lines), index + 6)):
            if chrome_rule(self.lines[following].text) is None and self._credit(following) is None:
                return following
        return None

    def _more_after(self, index: int) -> bool:
        """Whether some line after ``index`` could be body text (not chrome)."""
        return any(chrome_rule(line.text) is None for line in itertools.islice(self.lines, index + 1, None))

    # -- body --------------------------------------------------------------------------------

    def _body(self, start: int) -> None:
        """Classify the lines from ``start`` on: chrome, captions, credit lines, dates, body."""
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            rule = chrome_rule(line.text)
            if rule is not None:
                line.role, line.rule = _Role.CHROME, rule
                continue
            credit = self._credit(index)
            if credit is not None:
                self._take_image(self._with_caption_above(index, credit))
                line.role = _Role.CAPTION
                continue
            if not line.text[:3].casefold().startswith("by "):
                byline = self._byline(index, bare=False)
                if byline is not None:
                    self._take_byline(byline)
                    line.role = _Role.BYLINE
                    continue
            if self._labelled_date(index):
                line.role = _Role.DATE

    def _with_caption_above(self, index: int, credit: CaptionCredit) -> CaptionCredit:
        """A credit alone on its line takes the line above as caption when the two make a block.

        (a line "Crews at work." and a line "Photo: Jane Doe" between blank lines). Without that
        evidence the line above stays body text and the image has a credit only.
        """
        if credit.caption is not None or index == 0:
            return credit
        block = self.lines[index].unit.block
        above = self.lines[index - 1]
        if (
            above.role is not _Role.BODY
            or above.unit.block != block
            or (index >= 2 and self.lines[index - 2].unit.block == block)
            or (index + 1 < len(self.lines) and self.lines[index + 1].unit.block == block)
            or _words(above.text, _MAX_CAPTION_WORDS) > _MAX_CAPTION_WORDS
        ):
            return credit
        above.role = _Role.CAPTION
        return CaptionCredit(caption=above.text, credit=credit.credit)

    def _labelled_date(self, index: int) -> bool:
        """A date line with a label ("Updated ...") inside the body, for a date not yet known."""
        date = self._date(index)
        if date is None or not date.labelled or date.problem is not None:
            return False
        return self._take_dates(date.published, date.modified, "text:date-line")

    def _restore_headings(self) -> None:
        """Nothing is left for the body: the title and subtitle were body text after all."""
        for line in self.lines:
            if line.role is _Role.TITLE:
                self.draft.title = None
            elif line.role is _Role.SUBTITLE:
                self.draft.subtitle = None
            elif line.role is _Role.SECTION:
                self.draft.section = None
            else:
                continue
            line.role = _Role.BODY
        self.draft.provenance = [
            p for p in self.draft.provenance if p.field not in ("title", "subtitle", "section")
        ]

    # -- metadata ----------------------------------------------------------------------------

    def _provenance(self, field: str, source: str) -> None:
        if all(p.field != field for p in self.draft.provenance):
            self.draft.provenance.append(Provenance(field=field, source=source))

    def _take_dates(self, published: datetime | None, modified: datetime | None, source: str) -> bool:
        """Fill unknown dates; ``False`` (nothing taken) when every date given is known already."""
        taken = False
        if published is not None and self.draft.published is None:
            self.draft.published = published
            self._provenance("published", source)
            taken = True
        if modified is not None and self.draft.modified is None:
            self.draft.modified = modified
            self._provenance("modified", source)
            taken = True
        return taken

    def _take_byline(self, byline: Byline) -> None:
        """Add a byline's authors (and any date it gives)."""
        for author in byline.authors:
            if (author.name, author.role) not in self._known_authors:
                self._known_authors.add((author.name, author.role))
                self.draft.authors.append(author)
        self._provenance("authors", "text:byline")
        self._take_dates(byline.published, byline.modified, "text:byline")

    def _take_image(self, credit: CaptionCredit) -> None:
        self.draft.images.append(Image(caption=credit.caption, credit=credit.credit))
        self._provenance("images", "text:caption")

    # -- dateline ----------------------------------------------------------------------------

    def _dateline(self, body: list[_Line]) -> None:
        """Record the dateline opening the first body paragraph (or the second, after a headline)."""
        if not body:
            return
        dateline = find_dateline(body[0].text)
        if dateline is None and len(body) > 1 and self._headline(body[0]):
            found = find_dateline(body[1].text)
            if found is not None:
                start = len(body[0].text) + len(PARAGRAPH_SEPARATOR)
                dateline = attrs.evolve(found, span=Span(start=start, end=start + len(found.text)))
        if dateline is not None:
            self.draft.dateline = dateline
            self._provenance("dateline", "text:dateline")

    @staticmethod
    def _headline(line: _Line) -> bool:
        return line.unit.lines == 1 and _words(line.text, _MAX_HEADLINE_WORDS) <= _MAX_HEADLINE_WORDS

    # -- explain -----------------------------------------------------------------------------

    def _explain(self) -> None:
        """Record every line that left the body, and the rule or field that took it."""
        for line in self.lines:
            if line.role is _Role.BODY:
                continue
            if line.role is _Role.CHROME:
                code, rule = "boilerplate", line.rule or "chrome"
            else:
                code, rule = "metadata-line", line.role.value
            self.draft.defects.append(Defect(code=code, message=f"{rule}: {_excerpt(line.text)}"))

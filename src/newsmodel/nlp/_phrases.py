"""Source phrases: the words before or after a cue that name who is speaking.

Parsing works on a paragraph's tokens without a tagger, from closed word classes and
capitalisation (see :mod:`newsmodel.nlp.cues`). Every walk is bounded by a small window, so
the cost per cue is constant.

- A **name** is a run of capitalised words, initials, abbreviated titles and name particles
  ("Foreign Affairs Minister John Baird", "Sen. Bernie Sanders", "Charles de Gaulle"). Title
  words at its left ("Minister", "Sen.") become a role; honorifics ("Mr.") stay in the name.
  A lower-case title just before it ("campaign manager Jo Poe") becomes a role too.
- A **description** is a noun phrase headed by a noun, opened by a determiner, quantifier
  or possessive ("the minister", "a spokesman for the agency", "Trump's campaign"), or a bare
  noun from the source-noun list ("officials").
- A **pronoun** is one word from the pronoun list; "who", "which" and "that" also carry the
  phrase they refer back to ("Jane Roe, who said ...").
- An **apposition** between commas after a name or description is a role
  ("Jane Roe, the agency's director, said").
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsmodel.model import MentionForm, Span
from newsmodel.nlp._tokens import Token
from newsmodel.nlp.cues import Lexicon

_MAX_NAME = 8
_MAX_DESCRIPTION = 8
_MAX_APPOSITION = 16
_MAX_APPOSITIONS = 4
_MAX_LOOSE = 12
_RELATIVES = frozenset({"who", "which", "that"})
_PARTICIPLES = frozenset({"known", "shown", "seen", "given", "taken", "written", "chosen", "held"})
"""Past participles not in -ed, which can open a phrase after a noun ("the chief known as")."""
_DASHES = frozenset({"\u2014", "\u2013", "--"})


@attrs.frozen
class Source:
    """A phrase naming a quote's source."""

    span: Span
    """The whole phrase, roles and apposition included."""
    mention: Span
    """The words that name the source: the name, the description or the pronoun."""
    form: MentionForm
    head: str
    """Lower-case head word: the noun of a description, the pronoun, or the name's last word."""
    roles: tuple[Span, ...] = ()
    """Titles and appositions describing the source."""
    antecedent: Source | None = None
    """What a relative pronoun ("who") refers back to."""
    definite: bool = False
    """Whether a description is definite ("the minister", not "a minister")."""


class PhraseParser:
    """Parses source phrases in one paragraph's tokens."""

    def __init__(self, tokens: Sequence[Token], lexicon: Lexicon) -> None:
        self.tokens = tokens
        self.lex = lexicon

    # -- word classes ------------------------------------------------------------------

    def is_function(self, token: Token) -> bool:
        lex = self.lex
        lower = token.lower
        return any(
            lex.is_(name, lower)
            for name in (
                "determiner",
                "quantifier",
                "preposition",
                "np-preposition",
                "conjunction",
                "relative",
                "auxiliary",
            )
        )

    def is_title_abbreviation(self, index: int) -> bool:
        """Whether token ``index`` is an abbreviated title or honorific ("Sen", "Mr")."""
        token = self.tokens[index]
        return token.capitalized and token.lower in self.lex.titles

    def is_office_title(self, index: int) -> bool:
        """Whether token ``index`` is a title of office (not an honorific)."""
        token = self.tokens[index]
        title = self.lex.titles.get(token.lower)
        if title is not None and token.capitalized:
            return title.noun is not None
        noun = self.lex.nouns.get(token.lower)
        return noun is not None and noun.title

    def is_name_word(self, index: int) -> bool:
        """Whether token ``index`` can be part of a proper name."""
        token = self.tokens[index]
        if token.is_quote:
            return False
        if not token.capitalized:
            return (
                _is_ordinal(token.text)
                and index + 1 < len(self.tokens)
                and self.tokens[index + 1].capitalized
            )
        lower = token.lower
        if lower in self.lex.titles:
            return True
        if self.lex.is_("not-name", lower) or lower in self.lex.pronouns:
            return False
        if not self.is_function(token) or (len(token.text) > 1 and token.text.isupper()):
            return True
        # "Will Estrada", "May Lind": an auxiliary that opens a name
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return (
            self.lex.is_("auxiliary", lower)
            and following is not None
            and following.capitalized
            and following.lower not in self.lex.pronouns
            and not self.is_function(following)
        )

    def is_noun_like(self, token: Token) -> bool:
        """Whether a lower-case word could be (part of) a noun phrase."""
        if token.is_quote or not token.text[0].isalnum():
            return False
        lower = token.lower
        if (
            self.is_function(token)
            or lower in self.lex.pronouns
            or self.lex.is_("time", lower)
            or self.lex.is_("object-pronoun", lower)
        ):
            return False
        stem = lower.replace("\u2019", "'").split("'", 1)[0]
        if stem != lower and (
            stem in self.lex.pronouns or self.lex.is_("relative", stem) or stem in ("there", "it", "i")
        ):
            return False  # "he's", "they're", "that's"
        return lower not in self.lex.verbs or lower in self.lex.nouns

    def is_possessive(self, token: Token) -> bool:
        lower = token.lower
        return lower.endswith(("'s", "\u2019s")) or (lower in {"his", "her", "its", "their", "our", "my"})

    # -- names -------------------------------------------------------------------------

    def _name_left(self, end: int, low: int) -> int:
        """Start of the name run ending at token ``end - 1`` (tokens at ``low`` or later)."""
        tokens = self.tokens
        start = end
        while start > low and end - start < _MAX_NAME:
            k = start - 1
            token = tokens[k]
            if (
                token.text == "."
                and k > low
                and (self.is_title_abbreviation(k - 1) or _is_initial(tokens[k - 1]))
            ):
                start = k
                continue
            if self.is_name_word(k):
                if k < end - 1 and self.is_possessive(token):
                    break
                start = k
                continue
            if token.lower in ("of",) and k > low and self.is_name_word(k - 1) and start < end:
                start = k
                continue
            if self.lex.is_("particle", token.lower) and not token.capitalized and start < end:
                start = k
                continue
            break
        while start < end and not self.is_name_word(start):
            start += 1  # a name starts with a name word
        return start

    def _name_right(self, start: int, high: int) -> int:
        """End of the name run starting at token ``start`` (tokens before ``high``)."""
        tokens = self.tokens
        end = start
        while end < high and end - start < _MAX_NAME:
            token = tokens[end]
            if self.is_name_word(end):
                end += 1
                if self.is_possessive(token):
                    break
                continue
            if (
                token.text == "."
                and end > start
                and (self.is_title_abbreviation(end - 1) or _is_initial(tokens[end - 1]))
            ):
                end += 1
                continue
            if (
                (token.lower == "of" or (self.lex.is_("particle", token.lower) and not token.capitalized))
                and end > start
                and end + 1 < high
                and self.is_name_word(end + 1)
            ):
                end += 1
                continue
            break
        while end > start and not self.is_name_word(end - 1):
            end -= 1
        return end

    def _split_name(self, start: int, end: int) -> tuple[int, list[Span]]:
        """Where the name proper starts in the run ``start:end``, and the title before it."""
        tokens = self.tokens
        cut = start
        for k in range(start, end):
            if self.is_office_title(k):
                cut = k + 1
                if cut < end and tokens[cut].text == ".":
                    cut += 1
                if cut < end and tokens[cut].lower == "of":
                    # "Secretary of State John Kerry"; "the Minister of Finance": no name after it
                    cut = cut + 2 if cut + 1 < end - 1 else end
                    break
        roles = [Span(start=tokens[start].start, end=tokens[cut - 1].end)] if cut > start else []
        return cut, roles

    def _name(self, start: int, end: int) -> Source | None:
        """The source for the name run ``start:end``; a lone title is a description."""
        tokens = self.tokens
        cut, roles = self._split_name(start, end)
        whole = Span(start=tokens[start].start, end=tokens[end - 1].end)
        if cut >= end:
            titles = [k for k in range(start, end) if self.is_office_title(k)]
            head = tokens[titles[-1] if titles else end - 1].lower.rstrip(".")
            noun = self.lex.titles.get(head)
            head = noun.noun if noun is not None and noun.noun else head
            return Source(whole, whole, MentionForm.NOMINAL, head, definite=True)
        last = tokens[end - 1]
        mention_end = last.end
        if self.is_possessive(last):
            mention_end = last.end - 2
            if mention_end <= tokens[cut].start:
                return None
        mention = Span(start=tokens[cut].start, end=mention_end)
        if len(mention) == 0:
            return None
        return Source(whole, mention, MentionForm.NAME, last.lower, tuple(roles))

    # -- backward ----------------------------------------------------------------------

    def before(self, end: int, low: int) -> Source | None:
        """The source phrase ending just before token ``end`` (no earlier than ``low``)."""
        if end <= low:
            return None
        modified = self._postmodified_before(end, low)
        if modified is not None:
            return modified
        tokens = self.tokens
        token = tokens[end - 1]
        if token.is_quote:  # "Roe, citing 'the magic of it,' said"
            return (
                self._apposition_before(end - 1, low) if end - 2 > low and tokens[end - 2].is_word else None
            )
        lower = token.lower
        if lower in self.lex.pronouns and not (lower == "i" and token.text != "I"):
            here = Span(start=token.start, end=token.end)
            antecedent = None
            if lower in _RELATIVES:
                before = end - 1
                if before > low and tokens[before - 1].text == ",":
                    before -= 1
                antecedent = self.noun_phrase_before(before, low)
                if antecedent is None:
                    return None
                antecedent = self._named_antecedent(antecedent, low)
            return Source(here, here, MentionForm.PRONOUN, lower, antecedent=antecedent)
        if lower in _RELATIVES:  # "that"/"which" without a pronoun entry
            return None
        if token.text == "," or token.text in _DASHES:
            return self._apposition_before(end - 1, low)
        return self.noun_phrase_before(end, low)

    def _named_antecedent(self, antecedent: Source, low: int) -> Source:
        """``Jo Poe, a farmer who ...``: a description in apposition to a name stands for the name."""
        if antecedent.form is not MentionForm.NOMINAL:
            return antecedent
        tokens = self.tokens
        start = _index_after(tokens, antecedent.span.start, low, len(tokens))
        if start - 1 <= low or tokens[start - 1].text != ",":
            return antecedent
        name = self.noun_phrase_before(start - 1, low)
        if name is None or name.form is not MentionForm.NAME:
            return antecedent
        return attrs.evolve(name, roles=(*name.roles, antecedent.span))

    def _postmodified_before(self, end: int, low: int) -> Source | None:
        """``a source close to him``: a description followed by "close to ...", "familiar with ..."."""
        tokens = self.tokens
        for m in range(end - 2, max(low, end - 6), -1):
            if self.lex.is_("postmodifier", tokens[m].lower) and not tokens[m].capitalized:
                if not all(t.is_word for t in tokens[m:end]):
                    return None
                head = self.noun_phrase_before(m, low)
                if head is None or head.form is MentionForm.PRONOUN:
                    return None
                whole = Span(start=head.span.start, end=tokens[end - 1].end)
                mention = whole if head.form is MentionForm.NOMINAL else head.mention
                return attrs.evolve(head, span=whole, mention=mention)
        return None

    def _apposition_before(self, comma: int, low: int) -> Source | None:
        """``NAME, APPOSITION,`` ending at the comma ``comma``.

        Several comma groups are allowed: "Jo Poe, 30, of Raleigh, N.C., said".
        """
        tokens = self.tokens
        k = comma - 1
        floor = max(low, comma - 2 * _MAX_APPOSITION)
        last = comma if tokens[comma].is_quote else comma - 1  # the apposition's last token
        groups = 0
        while k > floor and groups < _MAX_APPOSITIONS:
            token = tokens[k]
            if not token.is_quote and token.text in ".;:!?" and not abbreviation_dot(tokens, k, self.lex):
                return None
            if token.text != "," and not (token.text in _DASHES and tokens[comma].text in _DASHES):
                k -= 1
                continue
            groups += 1
            if k + 1 < comma and (tokens[k + 1].is_word or tokens[k + 1].text in "(\u2014"):
                head = self.noun_phrase_before(k, low)
                start = _index_after(tokens, head.span.start, floor, k) if head is not None else k
                if (
                    head is not None
                    and head.form is not MentionForm.PRONOUN
                    and not (start > low and self.preposition(tokens[start - 1]))
                ):
                    role = Span(start=tokens[k + 1].start, end=tokens[last].end)
                    return attrs.evolve(
                        head,
                        span=Span(start=head.span.start, end=tokens[comma].end),
                        roles=(*head.roles, role),
                    )
            k -= 1
        return self._named_apposition(comma, low)

    def _named_apposition(self, comma: int, low: int) -> Source | None:
        """``One of his advisers, Jo Poe, said``: a name in apposition to a description before it.

        The description (up to :data:`_MAX_LOOSE` words from the clause start, with no verb or
        pronoun) becomes the name's role.
        """
        tokens = self.tokens
        c = comma - 1
        while c > low and comma - c <= _MAX_NAME + 1 and tokens[c].text != ",":
            c -= 1
        if c <= low or tokens[c].text != "," or c + 1 >= comma or not self.is_name_word(c + 1):
            return None
        if self._name_left(comma, c + 1) != c + 1 or self._name_right(c + 1, comma) != comma:
            return None
        name = self._name(c + 1, comma)
        if name is None or name.form is not MentionForm.NAME:
            return None
        lead = self.loose_before(c, low)
        if lead is None:
            return None
        start = _index_after(tokens, lead.span.start, low, c)
        if start > low and not (tokens[start - 1].text in ",;:" or tokens[start - 1].is_quote):
            return None  # the description must open the clause
        return attrs.evolve(
            name, span=Span(start=lead.span.start, end=tokens[comma].end), roles=(lead.span, *name.roles)
        )

    def preposition(self, token: Token) -> bool:
        """Whether a word is a lower-case preposition that is not also a conjunction ("of", not "after")."""
        lower = token.lower
        return (
            not token.capitalized
            and (self.lex.is_("preposition", lower) or self.lex.is_("np-preposition", lower))
            and not self.lex.is_("conjunction", lower)
        )

    def noun_phrase_before(self, end: int, low: int) -> Source | None:
        """The name or description ending just before token ``end``."""
        if end <= low:
            return None
        tokens = self.tokens
        k = end - 1
        token = tokens[k]
        if token.is_quote:
            return None
        if token.text == ")":
            return self._parenthesis_before(k, low)
        if self.is_name_word(k) or (token.text == "." and k > low and self.is_name_word(k - 1)):
            name_end = end if token.text != "." or self.is_title_abbreviation(k - 1) else end - 1
            if name_end < end and not (
                _is_initial(tokens[k - 1])
                or self.lex.is_("suffix", tokens[k - 1].lower)
                or "." in tokens[k - 1].text  # "the S.E.C."
            ):
                return None
            start = self._name_left(name_end, low)
            if start >= name_end:
                return None
            if start == name_end - 1 and self._sentence_initial(start, low):
                noun = self.lex.nouns.get(tokens[start].lower)
                if noun is not None or self.is_function(tokens[start]):
                    return self._description_before(name_end, low)
            source = self._name(start, name_end)
            if source is None:
                return None
            person = self._affiliated_before(source, start, low)
            if person is not None:
                return person
            group = self._coordinated_before(source, start, low)
            if group is not None:
                return group
            if start > low and self.is_possessive(tokens[start - 1]) and tokens[start - 1].capitalized:
                # "Fox's Chris Wallace": the possessive names an affiliation
                owner = self._name_left(start, low)
                owner = min(owner, start - 1)
                role = Span(start=tokens[owner].start, end=tokens[start - 1].end)
                source = attrs.evolve(
                    source, span=Span(start=role.start, end=source.span.end), roles=(role, *source.roles)
                )
                return self._determined(source, owner, low)
            return self._title_before(source, start, low)
        if self.is_noun_like(token) and not token.capitalized:
            described = self._description_before(end, low)
            if described is not None:
                start = _index_after(tokens, described.span.start, low, end)
                group = self._coordinated_before(described, start, low)
                return group if group is not None else described
            return None
        if self.lex.is_("quantifier", token.lower) and token.lower not in ("no", "more"):
            here = Span(start=token.start, end=token.end)
            return Source(here, here, MentionForm.NOMINAL, token.lower)
        return None

    def _parenthesis_before(self, close: int, low: int) -> Source | None:
        """``NAME (D-Ohio)``: the phrase before a parenthesis, which becomes a role."""
        tokens = self.tokens
        k = close - 1
        floor = max(low, close - 8)
        while k > floor and tokens[k].text != "(":
            k -= 1
        if tokens[k].text != "(" or k + 1 >= close:
            return None
        source = self.noun_phrase_before(k, low)
        if source is None or source.form is MentionForm.PRONOUN:
            return None
        role = Span(start=tokens[k + 1].start, end=tokens[close - 1].end)
        return attrs.evolve(
            source, span=Span(start=source.span.start, end=tokens[close].end), roles=(*source.roles, role)
        )

    def _affiliated_before(self, organisation: Source, start: int, low: int) -> Source | None:
        """``NAME of the ORGANISATION``: the person before the preposition, affiliation as role."""
        tokens = self.tokens
        k = start - 1
        while k > low and start - k <= 3 and not self.lex.is_("np-preposition", tokens[k].lower):
            token = tokens[k]
            if token.capitalized or not token.is_word or (self.is_function(token) and token.lower != "the"):
                return None
            k -= 1
        if k <= low or not self.lex.is_("np-preposition", tokens[k].lower) or tokens[k].capitalized:
            return None
        if k == start - 1 and tokens[k].lower == "of":
            return None  # "Bank of America" is one name
        person = self.noun_phrase_before(k, low)
        if person is None or person.form is not MentionForm.NAME:
            return None
        role = Span(start=tokens[k].start, end=organisation.span.end)
        return attrs.evolve(
            person, span=Span(start=person.span.start, end=role.end), roles=(*person.roles, role)
        )

    def _sentence_initial(self, index: int, low: int) -> bool:
        tokens = self.tokens
        return (
            index == low
            or tokens[index - 1].sentence != tokens[index].sentence
            or (tokens[index - 1].text in ".!?:\u2014")
        )

    def _coordinated_before(self, source: Source, start: int, low: int) -> Source | None:
        """``NAME and NAME`` or ``NAME and others``: a group, named by a description of both."""
        tokens = self.tokens
        if start - 1 <= low or tokens[start - 1].lower != "and":
            return None
        other = self.noun_phrase_before(start - 1, low)
        if other is None or other.form is MentionForm.PRONOUN or other.antecedent is not None:
            return None
        whole = Span(start=other.span.start, end=source.span.end)
        return Source(whole, whole, MentionForm.NOMINAL, "and")

    def _determined(self, source: Source, start: int, low: int) -> Source:
        """Take a determiner and modifiers before a name into its phrase.

        As in "the Post", "a smiling Ada Lind", or "Tulsa police Chief Jo Poe" after a quote.
        """
        tokens = self.tokens
        k = start
        while k > low and start - k < 3:
            previous = tokens[k - 1]
            if self.lex.is_("determiner", previous.lower) and previous.lower not in (
                "that",
                "this",
                "these",
                "those",
            ):
                return attrs.evolve(source, span=Span(start=previous.start, end=source.span.end))
            if not previous.is_word or previous.capitalized or self.is_function(previous):
                break
            if previous.lower in self.lex.verbs or previous.lower in self.lex.pronouns:
                break
            k -= 1
        if k < start and (k == low or tokens[k - 1].is_quote or tokens[k - 1].text == ","):
            # "former aide Jo Poe" right after a quote or comma
            return attrs.evolve(source, span=Span(start=tokens[k].start, end=source.span.end))
        k = start
        while k > low and start - k < 3 and tokens[k - 1].is_word and not self.is_function(tokens[k - 1]):
            if tokens[k - 1].lower in self.lex.verbs:
                break
            k -= 1
        if k < start and (k == low or tokens[k - 1].is_quote):
            # "Tulsa police Chief Jo Poe said" right after a quote
            return attrs.evolve(source, span=Span(start=tokens[k].start, end=source.span.end))
        return source

    def _title_before(self, source: Source, start: int, low: int) -> Source:
        """Extend a name with a lower-case title just before it ("spokesman Al Poe")."""
        tokens = self.tokens
        k = start - 1
        if k < low or not self.is_office_title(k) or tokens[k].capitalized:
            return self._determined(source, start, low)
        role_start = k
        while role_start > low and start - role_start < _MAX_DESCRIPTION:
            previous = tokens[role_start - 1]
            if self.lex.is_("determiner", previous.lower) or self.is_possessive(previous):
                role_start -= 1
                if (
                    self.is_possessive(previous)
                    and role_start > low
                    and self.lex.is_("determiner", tokens[role_start - 1].lower)
                ):
                    role_start -= 1  # "the Post's senior editor"
                break
            if (
                previous.is_word
                and not self.is_function(previous)
                and previous.lower not in self.lex.pronouns
            ):
                role_start -= 1
                continue
            break
        role = Span(start=tokens[role_start].start, end=tokens[k].end)
        return attrs.evolve(
            source, span=Span(start=role.start, end=source.span.end), roles=(role, *source.roles)
        )

    def _description_before(self, end: int, low: int, depth: int = 0) -> Source | None:
        """A description ending just before token ``end`` ("a spokesman for the agency")."""
        tokens = self.tokens
        head_token = tokens[end - 1]
        head = head_token.lower
        start = end - 1
        opened = False
        while start > low and end - start < _MAX_DESCRIPTION:
            previous = tokens[start - 1]
            lower = previous.lower
            if previous.text == "." and start - 1 > low and "." in tokens[start - 2].text:
                start -= 2  # "F.B.I. officials"
                continue
            if previous.is_quote or not previous.text[0].isalnum():
                break
            if (
                self.lex.is_("determiner", lower)
                or self.lex.is_("quantifier", lower)
                or self.is_possessive(previous)
            ):
                if lower in ("that", "which") and not self.is_possessive(previous):
                    break
                start -= 1
                opened = True
                if (
                    self.is_possessive(previous)
                    and not previous.capitalized
                    and start > low
                    and self.lex.is_("determiner", tokens[start - 1].lower)
                ):
                    start -= 1  # "the paper's editorial board"
                if self.is_possessive(previous) and previous.capitalized:
                    name_start = self._name_left(start + 1, low)
                    start = min(start, name_start) if name_start <= start else start
                    if start > low and self.lex.is_("determiner", tokens[start - 1].lower):
                        start -= 1
                break
            if self.is_function(previous) or lower in self.lex.pronouns or lower in self.lex.verbs:
                break
            if (
                previous.capitalized
                and self._sentence_initial(start - 1, low)
                and not self.is_name_word(start - 1)
            ):
                break
            start -= 1
        noun = self.lex.nouns.get(head)
        first = tokens[start]
        if not opened and noun is None and not self._bare_plural(head_token, start, low):
            return None
        if noun is None and head.endswith(("est", "ous")):
            return None  # an adjective, not a noun: "his biggest worry is"
        if start == end - 1 and opened:
            return None  # a determiner alone
        if (
            depth < 2
            and start - 2 >= low
            and self.lex.is_("np-preposition", tokens[start - 1].lower)
            and not tokens[start - 1].capitalized
        ):
            outer = self._outer_description(start - 1, low, depth)
            if outer is not None:
                whole = Span(start=outer.span.start, end=head_token.end)
                return attrs.evolve(outer, span=whole, mention=whole)
        whole = Span(start=first.start, end=head_token.end)
        definite = first.lower in ("the", "this", "that") or (first.capitalized and first.lower == "the")
        return Source(whole, whole, MentionForm.NOMINAL, head, definite=definite)

    def _bare_plural(self, head: Token, start: int, low: int) -> bool:
        """Whether a plural noun with no determiner can be a source ("regulators say")."""
        if head.capitalized or not head.lower.endswith("s") or head.lower.endswith("ss"):
            return False
        if start == low:
            return True
        previous = self.tokens[start - 1]
        return (
            previous.is_quote
            or previous.text in (",", ";", ":")
            or self.lex.is_("conjunction", previous.lower)
        )

    def _outer_description(self, preposition: int, low: int, depth: int) -> Source | None:
        """The description a prepositional phrase at ``preposition`` attaches to."""
        tokens = self.tokens
        k = preposition - 1
        token = tokens[k]
        if token.is_quote or token.capitalized or not self.is_noun_like(token):
            return None
        if token.lower not in self.lex.nouns:
            return None
        return self._description_before(preposition, low, depth + 1)

    # -- loose phrases -----------------------------------------------------------------

    def loose_before(self, end: int, low: int) -> Source | None:
        """The words between a clause boundary and a cue, when they read as no other phrase.

        "People with direct knowledge of the talks said", "More than six in 10 said": up to
        :data:`_MAX_LOOSE` words back to the sentence start, a comma, a colon or a dash, with
        no verb, pronoun or relative among them, opened by a capital, a determiner, a
        quantifier or a number and ended by a noun-like word.
        """
        tokens = self.tokens
        start = end
        while start > low and end - start <= _MAX_LOOSE:
            token = tokens[start - 1]
            if (
                token.is_quote
                or token.text in ",;:"
                or token.text in _DASHES
                or (
                    not token.capitalized
                    and (self.lex.is_("conjunction", token.lower) or self.lex.is_("relative", token.lower))
                )
            ):
                break  # "..., even though a number of attendees said"
            if not (token.is_word or token.text in "()&" or abbreviation_dot(tokens, start - 1, self.lex)):
                return None
            start -= 1
        if start == end or end - start > _MAX_LOOSE:
            return None
        return self._loose(start, end)

    def loose_after(self, start: int, high: int) -> Source | None:
        """The words after a cue up to a comma or the sentence end ("according to a CNN tally")."""
        tokens = self.tokens
        end = start
        while end < high and end - start <= _MAX_LOOSE:
            token = tokens[end]
            if token.is_quote or token.text in ",;:" or token.text in _DASHES:
                break
            if not (token.is_word or token.text in "()&" or abbreviation_dot(tokens, end, self.lex)):
                break
            end += 1
        if end == start or end - start > _MAX_LOOSE:
            return None
        return self._loose(start, end, any_opener=True)

    def _loose(self, start: int, end: int, *, any_opener: bool = False) -> Source | None:
        """The words ``start:end`` as a description, if they read as one.

        The first word must be a determiner, a quantifier, a number or a capitalised word, or
        (``any_opener``, after "according to") any word but a function word or pronoun.
        """
        tokens = self.tokens
        lex = self.lex
        first, last = tokens[start], tokens[end - 1]
        if not (
            lex.is_("determiner", first.lower)
            or lex.is_("quantifier", first.lower)
            or first.text[0].isdigit()
            or (first.capitalized and not self.is_function(first))
            or (
                any_opener
                and first.is_word
                and (not self.is_function(first) or (_adverb(first) and start + 1 < end - 1))
                and first.lower not in lex.pronouns
            )
        ):
            return None
        if not last.is_word or self.is_function(last) or not (last.capitalized or self.is_noun_like(last)):
            return None
        for k in range(start, end):
            token = tokens[k]
            lower = token.lower
            if not token.is_word or (any_opener and k < end - 1 and (_adverb(token) or lower.endswith("ed"))):
                continue  # "recently released documents": words modifying the next one
            if (
                lower in lex.pronouns
                or lower in ("there", "here")
                or lower.endswith(("n't", "n\u2019t"))
                or lex.is_("relative", lower)
                or (lex.is_("auxiliary", lower) and not token.capitalized)
                or (lower in lex.verbs and lower not in lex.nouns and not token.capitalized)
            ):
                return None
        whole = Span(start=first.start, end=last.end)
        return Source(whole, whole, MentionForm.NOMINAL, last.lower.rstrip("."))

    # -- forward -----------------------------------------------------------------------

    def after(self, start: int, high: int) -> Source | None:
        """The source phrase starting at token ``start`` (before ``high``)."""
        if start >= high:
            return None
        tokens = self.tokens
        token = tokens[start]
        if token.is_quote:
            return None
        lower = token.lower
        here = Span(start=token.start, end=token.end)
        if lower in self.lex.pronouns and lower not in _RELATIVES:
            if lower == "i" and token.text != "I":
                return None
            return Source(here, here, MentionForm.PRONOUN, lower)
        if self.is_name_word(start):
            end = self._name_right(start, high)
            if end <= start:
                return None
            if self.is_possessive(tokens[end - 1]):
                return self._description_after(start, high)
            source = self._name(start, end)
            if source is None:
                return None
            if end + 1 < high and self.is_noun_like(tokens[end]) and not tokens[end].capitalized:
                described = self._description_after(start, high)
                if (
                    described is not None
                    and described.head in self.lex.nouns
                    and not self._name_follows(end, high)
                ):
                    return described  # "American military officials"
            if end < high and self.is_noun_like(tokens[end]) and not tokens[end].capitalized:
                # "said Trump spokeswoman Jo Poe": the run was a modifier of the title
                name_start = end + 1
                while (
                    name_start < min(high, end + 3)
                    and self.is_noun_like(tokens[name_start])
                    and not tokens[name_start].capitalized
                ):
                    name_start += 1  # "Post White House bureau chief Jo Poe"
                titled = any(tokens[m].lower in self.lex.nouns for m in range(end, name_start))
                if titled and name_start < high and self.is_name_word(name_start):
                    name_end = self._name_right(name_start, high)
                    inner = self._name(name_start, name_end) if name_end > name_start else None
                    if inner is not None and inner.form is MentionForm.NAME:
                        role = Span(start=tokens[start].start, end=tokens[end].end)
                        source = attrs.evolve(
                            inner, span=Span(start=role.start, end=inner.span.end), roles=(role, *inner.roles)
                        )
                        end = name_end
            return self._apposition_after(source, end, high)
        if (
            self.lex.is_("determiner", lower)
            or self.lex.is_("quantifier", lower)
            or self.is_possessive(token)
            or self.is_noun_like(token)
        ):
            return self._description_after(start, high)
        return None

    def _description_after(self, start: int, high: int, depth: int = 0) -> Source | None:
        tokens = self.tokens
        k = start
        first = tokens[start]
        opened = (
            self.lex.is_("determiner", first.lower)
            or self.lex.is_("quantifier", first.lower)
            or self.is_possessive(first)
        )
        if opened:
            k += 1
        head = -1
        while k < high and k - start < _MAX_DESCRIPTION:
            token = tokens[k]
            if token.is_quote or not token.text[0].isalnum():
                break
            lower = token.lower
            if self.is_function(token) or lower in self.lex.pronouns or self.lex.is_("time", lower):
                break
            if lower in self.lex.verbs and lower not in self.lex.nouns:
                break
            if head >= 0 and self._participle_phrase(k, high):
                break  # "the harbour master known as Bo": the participle opens a modifier
            if self.is_name_word(k) and k > start:
                name_end = self._name_right(k, high)
                if (
                    name_end < high
                    and self.is_noun_like(tokens[name_end])
                    and not tokens[name_end].capitalized
                    and tokens[name_end].is_word
                ):
                    head = name_end - 1
                    k = name_end  # a modifier: "former Vermont governor"
                    continue
                # "former Sen. Evan Bayh", "Fox's Chris Wallace"
                titled = self._titled_name(start, k, high, depth)
                if titled is not None:
                    return titled
            head = k
            k += 1
            if lower in self.lex.nouns and not token.capitalized:
                if k < high and self.is_name_word(k) and self.is_office_title(head):
                    # "former Vermont governor Howard Dean": a title before a name
                    titled = self._titled_name(start, k, high, depth)
                    if titled is not None:
                        return titled
                if not (k < high and tokens[k].is_word and tokens[k].lower in self.lex.nouns):
                    break
        if (
            head < 0
            and opened
            and k == start + 1
            and self.lex.is_("quantifier", first.lower)
            and (k >= high or not tokens[k].is_word)
        ):  # "said another."
            here = Span(start=first.start, end=first.end)
            return Source(here, here, MentionForm.NOMINAL, first.lower)
        if head < 0:
            if opened and k < high and tokens[k].lower == "of" and k == start + 1:
                # "one of those advisers", "some of the voters"
                end = self._prepositional_after(k, high, depth)
                if end > k:
                    whole = Span(start=first.start, end=tokens[end - 1].end)
                    source = Source(whole, whole, MentionForm.NOMINAL, first.lower)
                    return self._apposition_after(source, end, high) if depth == 0 else source
            return None
        end = head + 1
        head_word = tokens[head].lower
        if not opened and head_word not in self.lex.nouns:
            return None
        end = self._prepositional_after(end, high, depth)
        whole = Span(start=first.start, end=tokens[end - 1].end)
        definite = first.lower in ("the", "this")
        source = Source(whole, whole, MentionForm.NOMINAL, head_word, definite=definite)
        return self._apposition_after(source, end, high) if depth == 0 else source

    def _participle_phrase(self, k: int, high: int) -> bool:
        """Whether a past participle and a preposition start at ``k`` ("known as", "based in")."""
        tokens = self.tokens
        lower = tokens[k].lower
        return (
            (lower.endswith("ed") or lower in _PARTICIPLES)
            and k + 1 < high
            and not tokens[k + 1].capitalized
            and (
                self.lex.is_("preposition", tokens[k + 1].lower)
                or self.lex.is_("np-preposition", tokens[k + 1].lower)
            )
        )

    def _name_follows(self, end: int, high: int) -> bool:
        """Whether a name follows within three lower-case words of ``end`` ("Trump aide Jo Poe")."""
        tokens = self.tokens
        for k in range(end, min(high, end + 4)):
            if self.is_name_word(k):
                return True
            if not (self.is_noun_like(tokens[k]) and not tokens[k].capitalized):
                return False
        return False

    def _prepositional_after(self, end: int, high: int, depth: int) -> int:
        """Extend a description ending before ``end`` by "of/for/at ..." ("a spokesman for X")."""
        tokens = self.tokens
        if not (
            depth < 2
            and end + 1 < high
            and self.lex.is_("np-preposition", tokens[end].lower)
            and not tokens[end + 1].is_quote
        ):
            return end
        inner_start = end + 1
        if self.is_name_word(inner_start):
            inner_end = self._name_right(inner_start, high)
            inner = self._name(inner_start, inner_end) if inner_end > inner_start else None
            return inner_end if inner is not None else end
        described = self._description_after(inner_start, high, depth + 1)
        if described is None:
            return end
        return _index_after(tokens, described.span.end, inner_start, high)

    def _titled_name(self, start: int, name_start: int, high: int, depth: int) -> Source | None:
        """The name at ``name_start``, with the words from ``start`` before it as a role."""
        tokens = self.tokens
        name_end = self._name_right(name_start, high)
        name = self._name(name_start, name_end) if name_end > name_start else None
        if name is None or name.form is not MentionForm.NAME:
            return None
        role = Span(start=tokens[start].start, end=tokens[name_start - 1].end)
        if name_start - start == 1 and self.lex.is_("determiner", tokens[start].lower):
            roles = name.roles  # "the Harbour Gazette": an article is no role
        else:
            roles = (role, *name.roles)
        name = attrs.evolve(name, span=Span(start=role.start, end=name.span.end), roles=roles)
        return self._apposition_after(name, name_end, high) if depth == 0 else name

    def _apposition_after(self, source: Source, end: int, high: int) -> Source:
        """Attach ``, APPOSITION`` (ending at a comma, a full stop or ``high``) as a role.

        A name in apposition to a description replaces it: "a spokeswoman, Jo Poe, said".
        """
        tokens = self.tokens
        if end >= high or tokens[end].text != ",":
            return source
        k = end + 1
        stop = min(high, k + _MAX_APPOSITION)
        while k < stop:
            token = tokens[k]
            if token.is_quote or (token.text in ",.;:!?" and not abbreviation_dot(tokens, k, self.lex)):
                break
            k += 1
        if k == end + 1 or (k < high and tokens[k].text not in ",."):
            return source
        if k >= stop and k < high:
            return source
        first = tokens[end + 1]
        lower = first.lower
        if source.form is MentionForm.NOMINAL and self.is_name_word(end + 1):
            name_end = self._name_right(end + 1, k)
            if name_end == k:
                name = self._name(end + 1, name_end)
                if name is not None and name.form is MentionForm.NAME:
                    return attrs.evolve(
                        name,
                        span=Span(start=source.span.start, end=tokens[k - 1].end),
                        roles=(source.mention, *name.roles),
                    )
            return source
        if not (
            self.lex.is_("determiner", lower)
            or self.lex.is_("quantifier", lower)
            or self.is_possessive(first)
            or lower in self.lex.nouns
            or lower in ("who", "whose")
            or first.text[0].isdigit()
            or self.is_name_word(end + 1)
        ):
            return source
        if lower not in ("who", "whose") and any(
            (
                (tokens[i].lower in self.lex.verbs and tokens[i].lower not in self.lex.nouns)
                or self.lex.is_("finite", tokens[i].lower)  # "Politico, both areas are ...": a clause
            )
            and not tokens[i].capitalized
            for i in range(end + 1, k)
        ):
            return source
        role = Span(start=first.start, end=tokens[k - 1].end)
        return attrs.evolve(
            source, span=Span(start=source.span.start, end=role.end), roles=(*source.roles, role)
        )


def _index_after(tokens: Sequence[Token], offset: int, low: int, high: int) -> int:
    """Index of the first token at or after ``low`` that starts at or after ``offset``."""
    k = low
    while k < high and tokens[k].start < offset:
        k += 1
    return k


def _is_ordinal(text: str) -> bool:
    """Whether a word is a numbered ordinal ("1st", "82nd"), as in "Air Force 1st Lt. Jo Poe"."""
    return text[:1].isdigit() and text[-2:].lower() in ("st", "nd", "rd", "th") and text[:-2].isdigit()


def _adverb(token: Token) -> bool:
    """Whether a lower-case word is an adverb in -ly ("recently", "publicly")."""
    return token.is_word and not token.capitalized and token.lower.endswith("ly") and len(token.lower) > 4


def _is_initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def abbreviation_dot(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """Whether the full stop at ``index`` ends an abbreviation or initial, not a sentence."""
    if tokens[index].text != "." or index == 0:
        return False
    previous = tokens[index - 1]
    text = previous.text
    lower = previous.lower
    return (
        (len(text) == 1 and text.isupper())  # an initial
        or "." in text  # "U.S."
        or (lower in lexicon.titles and previous.capitalized)
        or lexicon.is_("abbreviation", lower)
        or lexicon.is_("suffix", lower)
        or ("-" in text and text[0].isupper() and len(text) <= 6)  # "R-Ky."
    )

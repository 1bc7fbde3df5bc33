"""The built-in recognizer: capitalisation, cue words, gazetteers and document evidence.

It works in three passes over the whole document, each linear in its length:

1. tokenise every sentence; note which words the document writes in lower case and which it
   capitalises mid-sentence;
2. cut capitalised runs into candidate names (titles, function words and sentence openers
   removed) and weigh the local evidence for each kind (gazetteer, cue words, context);
3. settle each name's kind by the evidence for the same name across the document, link
   surnames to full names, and find known names in ALL-CAPS headlines and datelines.
"""

from __future__ import annotations

import operator
import re
import string
from collections.abc import Iterable, Sequence

import attrs

from newsmodel.model import EntityKind, Span
from newsmodel.nlp.entities._lexicon import MAX_PHRASE, Key, Lexicon, lexicon
from newsmodel.nlp.entities._tokens import SentenceTokens, Token
from newsmodel.nlp.recognizer import Candidate

__all__ = ["RuleRecognizer"]

_SENTENCE_END = frozenset({".", "!", "?", ":", "•", "|"})
_DATELINE_WITHIN = 8
"""How many sentences from the top of a story its dateline may be."""
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
_NOT_ASCII = re.compile("[^\x00-\x7f]+")
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "-", "–", "—", "«", "*"})

CERTAIN = 3.0
"""Evidence strength of a gazetteer entry or an unambiguous cue."""
STRONG = 2.0
"""Evidence strength of a clear context cue."""
PLACE = 2.5
"""Evidence strength of a place gazetteer entry (a city may name a club)."""
TEAM = 2.9
"""Evidence strength of a name next to a score in a results table (a team, unless a country)."""
WEAK = 1.0
"""Evidence strength of a default guess."""
MAX_RUN = 16
"""Most tokens in one capitalised run (no real name is longer; longer runs are cut)."""
GUESS = 0.9
"""Evidence strength of a two- or three-word capitalised name taken for a person's by its shape
alone; words the text writes in lower case elsewhere undo it."""


@attrs.define(eq=False)
class _Run:
    """A candidate name: tokens ``[i, j)`` of sentence ``seg``, with local evidence."""

    seg: int
    i: int
    j: int
    kind: EntityKind
    strength: float
    initial: bool = False
    key: Key = ()
    lone_title: bool = False
    """A lone title word (``"Major"``): kept only as the surname of someone named in full."""


@attrs.frozen
class _Context:
    """What the run rules know about the whole document."""

    lex: Lexicon
    lower_words: frozenset[str]
    """Words the document writes in lower case."""
    mid_caps: frozenset[str]
    """Words (lower-cased) the document capitalises in mid-sentence."""


@attrs.define(eq=False)
class _Sentence:
    """A sentence's tokens, which of them open a sentence, and what sort of line it is."""

    tokens: list[Token]
    initial: list[bool]
    caps: bool
    """A headline in ALL CAPS or Title Case: only known names are looked for."""
    table: bool
    """A results or standings line: names next to scores are competitors."""
    dateline: int = 0
    """End (token index) of the place opening the story's dateline, if this sentence has it."""
    player: list[bool] = attrs.Factory(list)
    """In a table line, tokens where people are listed: in brackets right after a score
    (``Valdmore 2 (Roe 45, Dahl 88)``) or after a dash (``Valdmore - Roe 45, Dahl 88``)."""
    lower_words: list[str] = attrs.Factory(list)
    """Words the sentence writes in lower case."""
    mid_caps: list[str] = attrs.Factory(list)
    """Words (lower-cased) it capitalises where no sentence starts."""
    starts: list[int] = attrs.Factory(list)
    """Indexes of the tokens a name can start at: capitalised words, and words with a hyphen
    (``pro-Western``). The run rules look at these only."""


class RuleRecognizer:
    """Finds names without any model: capitalisation, cue words, gazetteers, document evidence.

    The default recognizer of :func:`newsmodel.parse_text`. Its defaults for names no rule
    decides are class attributes, overridable in a subclass.
    """

    default_single: EntityKind = EntityKind.ORGANIZATION
    """Kind of a lone capitalised word that no evidence types."""
    default_multi: EntityKind = EntityKind.ORGANIZATION
    """Kind of a long capitalised phrase (four words or more) that no evidence types."""

    def recognize(self, text: str, sentences: Sequence[Span]) -> Iterable[Candidate]:
        """Yield the name mentions in ``text``; ``sentences`` are its sentence spans."""
        spans = list(sentences) or ([Span(start=0, end=len(text))] if text else [])
        return self._recognize(text, spans, SentenceTokens(text, spans))

    def _recognize(self, text: str, spans: Sequence[Span], tokenized: SentenceTokens) -> Iterable[Candidate]:
        """:meth:`recognize` over sentences whose tokens ``tokenized`` holds (and shares)."""
        lex = lexicon()
        sents = [self._sentence(text, span, tokenized[n], lex) for n, span in enumerate(spans)]
        for sent in sents[:_DATELINE_WITHIN]:  # a story has one dateline, near its top
            sent.dateline = _dateline_end(sent, lex)
            if sent.dateline:
                break
        lower_words, mid_caps = _vocabulary(sents)
        context = _Context(lex=lex, lower_words=lower_words, mid_caps=mid_caps)
        runs: list[_Run] = []
        for number, sent in enumerate(sents):
            if not sent.caps:
                runs.extend(self._runs(number, sent, context))
        for number, sent in enumerate(sents):
            if not sent.caps:
                runs.extend(_dateline(number, sent, lex))
        final = self._settle(runs, lex, mid_caps)
        known: dict[Key, EntityKind] = {}
        for run in final:
            known.setdefault(run.key, run.kind)
        for number, sent in enumerate(sents):
            if sent.caps:
                final.extend(self._caps_runs(number, sent, lex, known))
        final.sort(key=lambda r: (r.seg, r.i))
        last_end = -1
        for run in final:
            tokens = sents[run.seg].tokens
            start, end = tokens[run.i].start, tokens[run.j - 1].end
            if start >= last_end:
                last_end = end
                yield Candidate(span=Span(start=start, end=end), kind=run.kind)

    # ------------------------------------------------------------------ pass 1: sentences

    @staticmethod
    def _sentence(text: str, span: Span, tokens: list[Token], lex: Lexicon) -> _Sentence:
        """Tokens, sentence-initial flags, and whether the sentence is a headline or a table.

        A headline in ALL CAPS or in Title Case (two or more capitalised function words after
        its first word, most words capitalised) carries no case information: only names known
        from elsewhere are looked for in it.
        """
        initial = []
        state = True
        previous_end = span.start
        lines = "\n" in text[span.start : span.end]
        words = []
        numbers = lowers = 0
        lower_words: list[str] = []
        mid_caps: list[str] = []
        starts: list[int] = []
        for index, token in enumerate(tokens):
            if lines and "\n" in text[previous_end : token.start]:
                state = True
            initial.append(state)
            word = token.text
            if token.is_word:
                words.append(token)
                if word[:1].islower():
                    lowers += 1
                    lower_words.append(word)
                    if "-" in word:
                        starts.append(index)  # "pro-Western"
                else:
                    if not state:
                        mid_caps.append(token.lower)
                    if word[:1].isupper():
                        starts.append(index)
            elif word[:1].isdigit():
                numbers += 1  # a number: a token with a digit first and no letter
            if word in _SENTENCE_END:
                state = True
            elif not (state and word in _OPENERS):
                state = False
            previous_end = token.end
        # Every character but white space is in some token: count the letters in the text.
        letters, upper = _letter_counts(text[span.start : span.end])
        caps = letters >= 3 and upper > 0.6 * letters and any(t.is_upper for t in tokens)
        table = numbers >= 2 and lowers <= max(2, len(tokens) // 5)
        if not caps and not table and len(words) >= 4 and lowers <= len(words) // 4:
            capital_function_words = sum(t.is_cap and t.lower in lex.function_words for t in words[1:])
            caps = capital_function_words >= 2
        player = _player_slots(tokens) if table else []
        return _Sentence(
            tokens=tokens,
            initial=initial,
            caps=caps,
            table=table,
            player=player,
            lower_words=lower_words,
            mid_caps=mid_caps,
            starts=starts,
        )

    # ------------------------------------------------------------------ pass 2: runs

    def _runs(self, seg: int, sent: _Sentence, context: _Context) -> Iterable[_Run]:
        tokens = sent.tokens
        k = sent.dateline  # a dateline's place is found by _dateline
        for start in sent.starts:  # no other token starts a name or is a prefixed one
            if start < k:
                continue  # inside the dateline or a run already cut
            token = tokens[start]
            if not (
                token.text[:1].isupper()
                and (_nameish(token, context.lex) or _given_name_first(sent, start, start + 2, context.lex))
            ):
                kind = _prefixed_kind(token, context.lex) if "-" in token.text else None
                if kind is not None:  # "pro-Western", "trans-Atlantic"
                    yield _Run(seg=seg, i=start, j=start + 1, kind=kind, strength=CERTAIN, key=(token.lower,))
                continue
            k = _extend(tokens, start, context.lex)
            yield from self._split(seg, sent, (start, k), context)

    def _split(self, seg: int, sent: _Sentence, bounds: tuple[int, int], context: _Context) -> Iterable[_Run]:
        """Cut one capitalised run into names: sentence openers and titles come off."""
        i, j = bounds
        lex = context.lex
        tokens = sent.tokens
        initial = sent.initial[i]
        trimmed = _trim_run(sent, i, j, context)
        if trimmed is None:
            return
        i, j = trimmed
        if j - i >= 2 and _hyphen_kind(tokens[i], lex) is not None:  # "Soviet-led Warsaw Pact"
            yield from self._split(seg, sent, (i, i + 1), context)
            i += 1
        titled = False
        if i < j and not _org_or_place_phrase(tokens, i, j, lex):
            head = _title_end(tokens, i, j, lex)
            if head is not None:
                lead = _title_start(tokens, i, head, lex)
                if lead > i:  # "U.S. President Bill Clinton": "U.S." is a name of its own
                    yield from self._split(seg, sent, (i, lead), context)
                i = head + 1
                if tokens[i].lower == "of" and j - i <= 3:
                    # "Minister of Finance", "President of Russia": the title's domain, no name;
                    # only a place or body named in it is an entity
                    if _org_or_place_phrase(tokens, i + 1, j, lex):
                        yield from self._split(seg, sent, (i + 1, j), context)
                    return
                titled = True
                initial = False
            else:
                person = _person_after_name(tokens, i, j, lex)
                if (
                    person is None
                    and j - i >= 2
                    and (_nation_first(tokens, i, j, lex) or _hyphen_kind(tokens[i], lex) is not None)
                ):
                    person = i + 1  # "Chilean Congress", "Algerian Moslem": the nation is a name
                if person is not None:  # "German Jane Roe", "AC Valdmore Jane Roe"
                    yield from self._split(seg, sent, (i, person), context)
                    i = person
                    initial = False
        if i >= j:
            return
        lone_title = False
        if j - i == 1 and not titled:
            word = tokens[i].lower
            if lex.gazetteer_kind((word,)) is None:
                if word in lex.title_heads:
                    lone_title = True
                elif word in lex.stopwords or word in lex.honorifics or _letter(tokens[i]):
                    return
        kind, strength = self._classify(sent, (i, j), lex, titled)
        if (
            kind is EntityKind.PERSON
            and strength == GUESS
            and any(t.lower in context.lower_words for t in tokens[i:j])
        ):
            kind = self.default_multi
        if strength in (TEAM, WEAK, GUESS) and all(t.lower in context.lower_words for t in tokens[i:j]):
            return  # "Week Ago", "Delivery Date": words the text otherwise writes in lower case
        yield _Run(
            seg=seg,
            i=i,
            j=j,
            kind=kind,
            strength=strength,
            initial=initial and sent.initial[i],
            key=_key(tokens, i, j),
            lone_title=lone_title,
        )

    def _classify(
        self, sent: _Sentence, bounds: tuple[int, int], lex: Lexicon, titled: bool
    ) -> tuple[EntityKind, float]:
        """The kind the run's own words and context point to, and how strongly."""
        tokens = sent.tokens
        i, j = bounds
        key = _key(tokens, i, j)
        size = j - i
        first, last = key[0], key[-1]
        previous = tokens[i - 1].lower if i > 0 else ""
        following = tokens[j].lower if j < len(tokens) else ""
        if key in lex.countries:
            return EntityKind.LOCATION, CERTAIN
        if sent.table and sent.player[i] and key not in lex.countries:
            return EntityKind.PERSON, CERTAIN  # a scorer or player listed after a score or a dash
        if sent.table and _competitor(tokens, i, j):
            if titled or _looks_personal(tokens, i, j, lex):
                return EntityKind.PERSON, CERTAIN
            return EntityKind.ORGANIZATION, TEAM
        if titled:
            return EntityKind.PERSON, CERTAIN
        known = lex.gazetteer_kind(key)
        if known is None and j == len(tokens) - 1 and tokens[j].text == ".":
            known = lex.sentence_final_kind(key)  # "... in Tampa, Fla."
        if known is not None:
            return known, CERTAIN if known is not EntityKind.LOCATION else PLACE
        hyphen = _hyphen_kind(tokens[i], lex) if size == 1 else None
        if hyphen is not None:
            return hyphen, CERTAIN
        if size > 1:
            if (
                last in lex.org_suffixes
                or first in lex.org_prefixes
                or (first in lex.org_heads_of and "of" in key)
            ):
                return EntityKind.ORGANIZATION, CERTAIN
            if last in lex.event_suffixes or first in lex.event_prefixes:
                return EntityKind.EVENT, CERTAIN
            if last in lex.work_suffixes:
                return EntityKind.WORK, CERTAIN
            if last in lex.place_suffixes or (first in lex.place_heads_of and "of" in key):
                return EntityKind.LOCATION, CERTAIN
            if first in lex.compass and lex.gazetteer_kind(key[1:]) in (
                EntityKind.LOCATION,
                EntityKind.NATIONALITY,
            ):
                return lex.gazetteer_kind(key[1:]) or EntityKind.LOCATION, CERTAIN  # "West African"
            if tokens[j - 1].text in lex.suffixes or tokens[j - 1].lower in lex.suffixes:
                return EntityKind.PERSON, CERTAIN
        if previous in lex.honorifics or (previous in lex.title_heads and tokens[i - 1].text[:1].islower()):
            return EntityKind.PERSON, CERTAIN  # "Ms Roe", "striker Jane Roe"
        if _aged(tokens, j):
            return EntityKind.PERSON, CERTAIN  # "Jane Roe, 45,"
        if size == 1 and tokens[i].is_upper and len(tokens[i].text) <= 8:
            return EntityKind.ORGANIZATION, STRONG  # an acronym
        if size > 1 and (first in lex.first_names or _initial(tokens[i])) and _personal_rest(key, lex):
            return EntityKind.PERSON, 2.5
        if following in lex.org_after and tokens[j].text[:1].islower():
            return EntityKind.ORGANIZATION, STRONG
        if size > 1 and (_place_prefix(key, lex) or _place_suffix(key, lex)):
            return (
                EntityKind.ORGANIZATION,
                STRONG,
            )  # "Philadelphia Eagles", "Japan Airlines", "Ajax Amsterdam"
        if size > 1 and lex.gazetteer_kind(key[:1]) is EntityKind.NATIONALITY:
            return EntityKind.ORGANIZATION, WEAK  # "Russian Orthodox ...", "American Express"
        if previous in lex.place_before and size <= 2:
            return EntityKind.LOCATION, STRONG
        if size == 1 and _listed_with_places(tokens, i, j, lex):
            return EntityKind.LOCATION, STRONG  # "Arad, Brekkestad and Oslo"
        if previous == "of" and i > 1 and tokens[i - 2].lower in lex.place_of and size <= 3:
            return EntityKind.LOCATION, STRONG  # "the mayor of Brekkestad", "north of Valdmore"
        if following in lex.place_after and tokens[j].text[:1].islower():
            return EntityKind.LOCATION, STRONG
        if _apposition(tokens, j, lex):
            return EntityKind.PERSON, STRONG
        if previous == "the":
            return (self.default_single if size == 1 else EntityKind.ORGANIZATION), WEAK
        if following in lex.person_after:
            return EntityKind.PERSON, 1.5
        if 2 <= size <= 3 and all(_titlecase(tokens[k]) for k in range(i, j)):
            return EntityKind.PERSON, GUESS
        return (self.default_single if size == 1 else self.default_multi), WEAK

    # ------------------------------------------------------------------ pass 3: settle

    def _settle(self, runs: list[_Run], lex: Lexicon, mid_caps: frozenset[str]) -> list[_Run]:
        """Give each name the kind the document's evidence points to; drop unsupported ones.

        A lone word that is the surname of someone named in full is that person; one that opens
        the full name of an organisation (``"Newmont"``, ``"Newmont Mining Corp."``) is that
        organisation; otherwise the kind with the most evidence across the document wins.
        """
        votes: dict[Key, dict[EntityKind, float]] = {}
        for run in runs:
            if run.strength >= STRONG:
                tally = votes.setdefault(run.key, {})
                tally[run.kind] = tally.get(run.kind, 0.0) + run.strength
        certain: dict[Key, EntityKind] = {}  # names given a kind by a gazetteer or sure cue somewhere
        for run in runs:
            if run.strength >= CERTAIN:
                certain.setdefault(run.key, run.kind)
        surnames: set[str] = set()
        org_parts: set[Key] = set()
        for run in runs:
            kind = _best(votes.get(run.key), run)
            words = [w for w in run.key if w not in lex.suffixes]
            if kind is EntityKind.PERSON and len(words) >= 2 and not run.lone_title:
                surnames.add(words[-1])
            if kind is EntityKind.ORGANIZATION and run.strength >= CERTAIN and len(run.key) >= 2:
                for size in range(1, min(len(run.key), MAX_PHRASE)):
                    part = run.key[:size]
                    if lex.gazetteer_kind(part) is None and part[-1] not in lex.function_words:
                        org_parts.add(part)
        final = []
        for run in runs:
            single = len(run.key) == 1
            person = single and run.key[0] in surnames and run.key not in lex.countries
            if run.lone_title and not person:
                continue
            if run.strength < CERTAIN:
                if run.key in certain:
                    run.kind = certain[run.key]
                elif person:
                    run.kind = EntityKind.PERSON
                elif run.key in org_parts:
                    run.kind = EntityKind.ORGANIZATION
                else:
                    run.kind = _best(votes.get(run.key), run)
            if run.initial and single and run.key not in votes and not person and run.key not in org_parts:
                word = run.key[0]
                if word not in mid_caps and word not in lex.first_names:
                    continue  # a capitalised sentence opener with no evidence of being a name
            final.append(run)
        return final

    def _caps_runs(
        self, seg: int, sent: _Sentence, lex: Lexicon, known: dict[Key, EntityKind]
    ) -> Iterable[_Run]:
        """Names in an ALL-CAPS line: known from elsewhere, in a gazetteer, or next to a score."""
        tokens = sent.tokens
        yield from _dateline(seg, sent, lex)
        skip = sent.dateline
        k = skip
        n = len(tokens)
        while k < n:
            if not tokens[k].is_word or not tokens[k].is_cap:
                k += 1
                continue
            match = None
            for size in range(min(MAX_PHRASE, n - k), 0, -1):
                key = _key(tokens, k, k + size)
                if size == 1 and (key[0] in lex.function_words or key[0] in lex.stopwords):
                    break
                kind = known.get(key) or lex.gazetteer_kind(key)
                if kind is None and size == 1:
                    kind = _hyphen_kind(tokens[k], lex)
                if kind is not None:
                    match = _Run(seg=seg, i=k, j=k + size, kind=kind, strength=CERTAIN, key=key)
                    break
            city = match is not None and match.kind is EntityKind.LOCATION and match.key not in lex.countries
            if sent.table and (match is None or city):
                match = _caps_competitor(tokens, k, seg, lex) or match  # a city next to a score is a team
            if match is None:
                k += 1
                continue
            yield match
            k = match.j


# ---------------------------------------------------------------------- helpers


def _key(tokens: list[Token], i: int, j: int) -> Key:
    return tuple(map(_LOWER, tokens[i:j]))


_LOWER = operator.attrgetter("lower")


def _letter_counts(text: str) -> tuple[int, int]:
    """How many characters of ``text`` are letters, and how many of those are upper case.

    ``str.isalpha`` and ``str.isupper`` for every character, but ASCII is counted on bytes
    in one call each: only the few other characters (curly quotes, accented letters) are
    looked at one by one.
    """
    ascii_bytes = text.encode("ascii", "ignore")
    letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    upper = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_UPPER))
    if len(ascii_bytes) < len(text):
        others = list(filter(str.isalpha, "".join(_NOT_ASCII.findall(text))))
        letters += len(others)
        upper += sum(map(str.isupper, others))
    return letters, upper


def _vocabulary(sents: list[_Sentence]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the document writes in lower case, and words it capitalises mid-sentence."""
    lower: set[str] = set()
    mid: set[str] = set()
    for sent in sents:
        if not sent.caps:
            lower.update(sent.lower_words)
            mid.update(sent.mid_caps)
    return frozenset(lower), frozenset(mid)


def _nameish(token: Token, lex: Lexicon) -> bool:
    """Whether a token can be part of a name: capitalised, a word, no digits (but ``G7``)."""
    text = token.text
    if not (token.is_word and text[:1].isupper()):
        return False
    bare = token.lower[:-1] if len(token.lower) > 2 and token.lower.endswith(".") else token.lower
    if bare in lex.function_words:
        return False  # "The", "Jan." (but "A." is an initial)
    if len(text) >= 3 and text.endswith("s") and text[:-1].isupper():
        return False  # "NGOs", "MPs": a plural of an abbreviation is a common noun
    if "-" in text and all(part in lex.function_words for part in bare.split("-")):
        return False  # "May-August", "Jan-Sept"
    return (
        text.isalpha()
        or not any(map(str.isdigit, text))
        or (len(text) <= 4 and text.isalnum() and text.isupper())
    )


def _extend(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """End of the capitalised run starting at ``k``, joining across connectors.

    A run stops at :data:`MAX_RUN` tokens, so the work on each run is bounded.
    """
    n = len(tokens)
    j = k + 1
    joined_of = False
    while j < n and j - k < MAX_RUN:
        token = tokens[j]
        if token.start != tokens[j - 1].end + 1 and token.start != tokens[j - 1].end:
            break  # more than one space or a line break between
        if _nameish(token, lex) and token.start > tokens[j - 1].end:
            j += 1
            continue
        word = token.lower
        nxt = j + 1
        if word in lex.name_syllables and token.is_cap and token.text[1:].islower():
            pass  # "Kim Do Hoon", "Hwang Sun Hong": a capitalised syllable inside a name
        elif word in ("'", "’") and token.start == tokens[j - 1].end and tokens[j - 1].lower.endswith("s"):
            pass  # "Champions' League": a plural possessive inside a name
        elif word in lex.connectors and token.text.islower():
            if nxt < n and tokens[nxt].lower in lex.connectors and tokens[nxt].text.islower():
                nxt += 1  # "van der"
        elif word == "&" or word in ("of", "for") or (word == "and" and joined_of):
            head = tokens[j - 1].lower
            if word == "of" and not (
                head in lex.org_heads_of
                or head in lex.place_heads_of
                or (head in lex.title_heads and nxt < n and tokens[nxt].lower in lex.title_modifiers)
            ):
                break
            if word == "for" and not any(t.lower in lex.org_heads_of for t in tokens[k:j]):
                break
            if nxt < n and tokens[nxt].lower == "the":
                nxt += 1
            joined_of = joined_of or word in ("of", "for")
        else:
            break
        if nxt < n and _nameish(tokens[nxt], lex):
            j = nxt + 1
            continue
        break
    return j


def _opener(token: Token, context: _Context) -> bool:
    """Whether a sentence-initial word is an ordinary word, not the start of a name."""
    lex = context.lex
    word = token.lower
    if word in lex.title_heads or word in lex.honorifics or word in lex.connectors:
        return False  # "President Roe", "Van Boxmeer": the title or particle goes with the name
    if word in lex.stopwords or word in lex.function_words:
        return True
    if lex.gazetteer_kind((word,)) is not None or word in lex.first_names:
        return False
    return word in context.lower_words and word not in context.mid_caps


def _person_after_name(tokens: list[Token], i: int, j: int, lex: Lexicon) -> int | None:
    """Where a person's full name starts after another name in one run, if it does.

    The name before must be a nation, a gazetteer entry or an organisation by its cue words;
    the person's name starts with a known first name and has one or two more words.
    """
    for p in range(max(i + 1, j - 3), j - 1):
        if tokens[p].lower not in lex.first_names:
            continue
        before = _key(tokens, i, p)
        known = lex.gazetteer_kind(before) is not None
        cued = before[-1] in lex.org_suffixes or before[0] in lex.org_prefixes
        if known or cued:
            return p
    return None


def _nation_first(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the run opens with a nationality word that is not part of a longer name."""
    if _place_or_demonym(tokens, i, lex) is not EntityKind.NATIONALITY:
        return False
    key = _key(tokens, i, j)
    if lex.gazetteer_kind(key) is not None or key[-1] in lex.org_suffixes:
        return False
    return key[-1] not in lex.event_suffixes and key[-1] not in lex.work_suffixes


def _trim_run(sent: _Sentence, i: int, j: int, context: _Context) -> tuple[int, int] | None:
    """The run without sentence openers, edge function words and a trailing office.

    ``None`` when nothing of a name is left, or the run is a title alone (``Prime Minister``).
    """
    lex = context.lex
    tokens = sent.tokens
    if lex.gazetteer_kind(_key(tokens, i, j)) is not None:
        return i, j
    # a sentence opener that the document writes in lower case is not part of a name
    while i < j and sent.initial[i] and _opener(tokens[i], context) and not _known_prefix(tokens, i, j, lex):
        i += 1
    while i < j and tokens[i].lower in lex.function_words and not _given_name_first(sent, i, j, lex):
        i += 1
    while j > i and (tokens[j - 1].lower in lex.function_words or tokens[j - 1].lower in lex.connectors):
        j -= 1
    if j - i > 1 and not _org_or_place_phrase(tokens, i, j, lex):
        if all(lex.is_titleish(t.text) for t in tokens[i:j]):
            return None  # "Prime Minister"
        if tokens[j - 1].lower in lex.title_heads and lex.gazetteer_kind(_key(tokens, i, j - 1)):
            j -= 1  # "Oslo Mayor": the office is no part of the place's name
    return (i, j) if i < j else None


def _given_name_first(sent: _Sentence, i: int, j: int, lex: Lexicon) -> bool:
    """Whether the run opens with a given name that is also a function word ("said Will Doyle").

    Only inside a sentence, where the capital is the name's ("Will Congress act?" opens one).
    """
    tokens = sent.tokens
    token = tokens[i]
    return (
        j - i >= 2
        and i + 1 < len(tokens)
        and not sent.initial[i]
        and token.text.istitle()
        and token.lower in lex.first_names
        and tokens[i + 1].start == token.end + 1
        and _nameish(tokens[i + 1], lex)
    )


def _known_prefix(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the run opens with a gazetteer phrase of two or three words (``New York``)."""
    return any(lex.gazetteer_kind(_key(tokens, i, i + size)) is not None for size in (2, 3) if i + size <= j)


def _letter(token: Token) -> bool:
    return len(token.text) == 1


def _prefixed_kind(token: Token, lex: Lexicon) -> EntityKind | None:
    """``pro-Western``, ``trans-Atlantic``: a lower-case prefix joined to a name."""
    if "-" not in token.text:
        return None
    prefix, _, rest = token.text.partition("-")
    if not rest[:1].isupper() or prefix not in lex.lower_prefixes:
        return None
    kind = lex.gazetteer_kind((rest.lower(),))
    return EntityKind.NATIONALITY if kind is EntityKind.NATIONALITY else EntityKind.OTHER


def _caps_competitor(tokens: list[Token], k: int, seg: int, lex: Lexicon) -> _Run | None:
    """A run of capitalised words followed by a score in an ALL-CAPS table: a team."""
    m = k
    while m < len(tokens) and m - k < MAX_PHRASE and tokens[m].is_word and tokens[m].is_cap:
        if tokens[m].lower in lex.function_words or tokens[m].lower in lex.stopwords:
            return None
        m += 1
    if m == k or m >= len(tokens) or not tokens[m].is_number:
        return None
    key = _key(tokens, k, m)
    kind = EntityKind.LOCATION if key in lex.countries else EntityKind.ORGANIZATION
    return _Run(seg=seg, i=k, j=m, kind=kind, strength=CERTAIN, key=key)


def _org_or_place_phrase(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    key = _key(tokens, i, j)
    return (
        lex.gazetteer_kind(key) is not None
        or key[-1] in lex.org_suffixes
        or key[-1] in lex.place_suffixes
        or key[-1] in lex.event_suffixes
        or key[-1] in lex.work_suffixes
    )


def _title_start(tokens: list[Token], i: int, head: int, lex: Lexicon) -> int:
    """Where the title ending at ``head`` starts; places and nations before it are names."""
    start = head
    while start > i and (lex.is_titleish(tokens[start - 1].text) or tokens[start - 1].lower == "of"):
        start -= 1
    while start < head and tokens[start].lower == "of":
        start += 1
    return start


def _title_end(tokens: list[Token], i: int, j: int, lex: Lexicon) -> int | None:
    """Index of the last word of a person's title in the run, if a name follows it.

    The title opens the run (``Foreign Minister Jane Roe``), perhaps after a place or nation
    (``U.S. President Bill Clinton``), or follows another name when a full name comes after it
    (``Company President Jean van Boxmeer``).
    """
    head = _leading_title_end(tokens, i, j, lex)
    if head is not None:
        return head
    for k in range(j - 3, i, -1):
        if tokens[k].lower in lex.title_heads and tokens[k].text[:1].isupper():
            if not any(lex.is_titleish(t.text) for t in tokens[k + 1 : j]):
                return k
            return None
    return None


def _leading_title_end(tokens: list[Token], i: int, j: int, lex: Lexicon) -> int | None:
    """End of a title opening the run (``Deputy Foreign Minister``, ``Secretary of State``)."""
    head = end = None
    after_of = False
    k = i
    while k < j - 1:
        word = tokens[k].lower
        if word in lex.title_heads or word in lex.honorifics:
            head = end = k
            after_of = False
        elif word == "of" and head is not None:
            after_of = True
        elif word in lex.title_modifiers:
            if after_of:
                end = k  # "Secretary of State"
        elif not (head is None and _place_or_demonym(tokens, k, lex) is not None):
            break
        k += 1
    if end is None:
        return None
    if all(lex.is_titleish(t.text) for t in tokens[end + 1 : j]):
        return None
    return end


def _place_or_demonym(tokens: list[Token], k: int, lex: Lexicon) -> EntityKind | None:
    token = tokens[k]
    kind = lex.gazetteer_kind((token.lower,))
    if kind is not None:
        return kind
    if token.is_upper and len(token.text) <= 6:
        return EntityKind.ORGANIZATION
    return None


def _hyphen_kind(token: Token, lex: Lexicon) -> EntityKind | None:
    """``Soviet-led``, ``Russian-U.S.``, ``Franco-German``: a compound of a nation."""
    if "-" not in token.text:
        return None
    parts = token.text.split("-")
    first = parts[0].lower()
    national = lex.gazetteer_kind((first,)) in (EntityKind.LOCATION, EntityKind.NATIONALITY)
    if not (national or first in lex.combining_forms):
        return None
    if parts[-1][:1].islower() or all(lex.gazetteer_kind((p.lower(),)) is not None for p in parts[1:]):
        return EntityKind.NATIONALITY
    return None


def _player_slots(tokens: list[Token]) -> list[bool]:
    """Which tokens of a table line stand where people are listed (see ``_Sentence.player``)."""
    slots = []
    bracket = False  # inside brackets opened right after a score
    dashed = False  # after a dash that follows a name or a number
    for k, token in enumerate(tokens):
        if token.text == "(":
            bracket = k > 0 and tokens[k - 1].is_number
        elif token.text == ")":
            bracket = False
        elif token.text in ("-", "–", "—") and k > 0 and (tokens[k - 1].is_word or tokens[k - 1].is_number):
            dashed = True
        slots.append(bracket or dashed)
    return slots


def _competitor(tokens: list[Token], i: int, j: int) -> bool:
    """Whether a name in a results table stands next to a score."""
    k = j
    if k < len(tokens) and tokens[k].text == "(":
        while k < len(tokens) and tokens[k].text != ")" and k - j < 8:
            k += 1
        k += 1
    return k < len(tokens) and tokens[k].is_number


def _looks_personal(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether a name in a results table is a person's.

    It is if it has a first name or an initial, or two words or more and a bracketed country
    or team after it (``Jane Roe (Norway)``), unless it ends in a place (a club).
    """
    key = _key(tokens, i, j)
    if any(tokens[k].lower in lex.first_names for k in range(i, j)) or _initial(tokens[i]):
        return lex.gazetteer_kind(key) is None
    bracketed = j + 1 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].is_word
    return bracketed and j - i >= 2 and not _place_suffix(key, lex)


def _initial(token: Token) -> bool:
    text = token.text
    return len(text) >= 2 and text.endswith(".") and text.replace(".", "").isupper() and len(text) <= 6


def _titlecase(token: Token) -> bool:
    text = token.text
    return (
        text[:1].isupper()
        and any(c.islower() for c in text[1:])
        and text.replace("-", "").replace("'", "").isalpha()
    )


def _listed_with_places(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the name stands in a list (``,``, ``and``, ``or``) next to a known place."""
    separators = (",", "and", "or", "&")
    before = i >= 2 and tokens[i - 1].lower in separators and _place_word(tokens[i - 2], lex)
    after = j + 1 < len(tokens) and tokens[j].lower in separators and _place_word(tokens[j + 1], lex)
    return before or after


def _place_word(token: Token, lex: Lexicon) -> bool:
    return token.is_cap and lex.gazetteer_kind((token.lower,)) is EntityKind.LOCATION


def _personal_rest(key: Key, lex: Lexicon) -> bool:
    """Whether the words after a first name can be a surname.

    They can unless the phrase opens with a place; a first name that is also a place
    (``Sofia``) takes one more word that is not a plural (``Phoenix Suns`` is a team).
    """
    if not _place_prefix(key, lex):
        return True
    return len(key) == 2 and lex.gazetteer_kind(key[:1]) is not None and not key[1].endswith("s")


def _place_suffix(key: Key, lex: Lexicon) -> bool:
    """Whether the phrase ends with a place after other words that are not a first name."""
    if key[0] in lex.first_names or key[0] in lex.compass:
        return False
    for size in range(min(len(key) - 1, 2), 0, -1):
        if lex.gazetteer_kind(key[-size:]) is EntityKind.LOCATION:
            return lex.gazetteer_kind(key[:-size]) is None
    return False


def _place_prefix(key: Key, lex: Lexicon) -> bool:
    """Whether the phrase opens with a place and goes on with other words."""
    for size in range(min(len(key) - 1, 3), 0, -1):
        if lex.gazetteer_kind(key[:size]) is EntityKind.LOCATION:
            return lex.gazetteer_kind(key[size:]) is None
    return False


def _aged(tokens: list[Token], j: int) -> bool:
    return (
        j + 2 < len(tokens)
        and tokens[j].text == ","
        and tokens[j + 1].text.isdigit()
        and len(tokens[j + 1].text) <= 3
        and tokens[j + 2].text in (",", ".")
    )


def _apposition(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """``Name, a ... spokesman,``: a comma phrase after the name that names a role."""
    if j >= len(tokens) or tokens[j].text != ",":
        return False
    if j + 1 >= len(tokens):
        return False
    opening = tokens[j + 1]
    possessive = j + 2 < len(tokens) and tokens[j + 2].lower in ("'s", "’s")
    if not (opening.lower in lex.determiners or possessive or lex.is_titleish(opening.text)):
        return False  # "Critics, including ...": not a description of the name
    for k in range(j + 1, min(j + 9, len(tokens))):
        text = tokens[k].text
        if text in (",", ".", ";"):
            return False
        if text.islower() and text in lex.title_heads:
            return True
    return False


def _best(tally: dict[EntityKind, float] | None, run: _Run) -> EntityKind:
    if not tally:
        return run.kind
    return max(tally.items(), key=lambda item: (item[1], item[0] is run.kind))[0]


def _is_date(token: Token, lex: Lexicon) -> bool:
    text = token.text
    numeric = text[:1].isdigit() and ("-" in text or "/" in text) and len(text) >= 6
    return numeric or token.lower.rstrip(".") in lex.months


def _dateline_end(sent: _Sentence, lex: Lexicon) -> int:
    """Token index where a dateline's place ends (0 if the sentence opens with none)."""
    tokens = sent.tokens
    k = 0
    while k < len(tokens) and tokens[k].is_upper and tokens[k].is_word:
        k += 1
    if k == 0 or k >= len(tokens) or k > 4:
        return 0
    key = _key(tokens, 0, k)
    if any(w in lex.function_words or w in lex.stopwords for w in key):
        return 0
    kind = lex.gazetteer_kind(key)
    nxt = tokens[k]
    if kind is EntityKind.LOCATION and nxt.text in ("-", "–", "—"):
        return k
    if kind is None and nxt.text == "," and not _place_at(tokens, k + 1, lex):
        return 0  # "PSV, who ...": an unknown word is a dateline's place only before a known one
    if kind in (None, EntityKind.LOCATION) and (nxt.text in (",", "(") or _is_date(nxt, lex)):
        return k
    return 0


def _place_at(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether a known place of one to three words starts at token ``k``."""
    return any(
        lex.gazetteer_kind(_key(tokens, k, k + size)) is EntityKind.LOCATION
        for size in (1, 2, 3)
        if k + size <= len(tokens)
    )


def _dateline(seg: int, sent: _Sentence, lex: Lexicon) -> Iterable[_Run]:
    del lex
    end = sent.dateline
    if end:
        yield _Run(
            seg=seg, i=0, j=end, kind=EntityKind.LOCATION, strength=CERTAIN, key=_key(sent.tokens, 0, end)
        )

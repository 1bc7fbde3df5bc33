"""Tests for newsmodel.nlp.entities: recognition rules, coreference, roles and span trimming."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsmodel
from newsmodel import Candidate, EntityKind, MentionForm, RuleRecognizer, Span
from newsmodel.nlp.document import Doc
from newsmodel.nlp.entities import find_entities, trim
from newsmodel.nlp.entities._lexicon import lexicon
from newsmodel.nlp.entities._roles import _END, _START, _at
from newsmodel.nlp.entities._rules import RuleRecognizer as _Rules
from newsmodel.nlp.entities._rules import _letter_counts, _prefixed_kind
from newsmodel.nlp.entities._tokens import tokenize
from newsmodel.nlp.sentences import split_sentences
from newsmodel.pipeline import Block, Draft, annotate, build_doc
from newsmodel.policy import DEFAULT


def annotated(text: str) -> newsmodel.Article:
    """The pipeline's article for ``text`` with one paragraph per line and no text layout.

    Entity tests exercise the entity stage: the layout stage would take headlines and bylines
    out of the body first, and language detection could switch annotation off on word salad.
    """
    blocks = [Block(line) for line in text.split("\n") if line]
    return annotate(Draft(blocks=blocks), DEFAULT.clone(language="en"))


def entities(text: str) -> dict[str, tuple[EntityKind, list[str]]]:
    """Canonical name -> (kind, mention texts) for ``text`` parsed with the default rules."""
    article = annotated(text)
    return {e.name: (e.kind, [m.text for m in e.mentions]) for e in article.entities}


def kinds(text: str) -> dict[str, EntityKind]:
    """Mention text -> kind, for every name mention in ``text``."""
    article = annotated(text)
    return {m.text: e.kind for e in article.entities for m in e.mentions}


def roles(text: str) -> dict[str, list[str]]:
    """Canonical name -> role texts."""
    article = annotated(text)
    return {e.name: [r.text for r in e.roles] for e in article.entities}


def make_doc(text: str) -> Doc:
    """A working document with one paragraph per line, as the pipeline builds it."""
    doc = build_doc([Block(line) for line in text.split("\n") if line], None)
    doc.sentences = split_sentences(doc.text, doc.paragraphs)
    return doc


class TestTokenize:
    def test_possessive_is_split_off(self) -> None:
        """A possessive 's is a token of its own, so it never joins a name."""
        text = "Roe's plan"
        assert [t.text for t in tokenize(text, 0, len(text))] == ["Roe", "'s", "plan"]

    def test_abbreviations_keep_their_period(self) -> None:
        """Mr., U.S. and initials keep their period; a sentence's final period does not join."""
        text = "Mr. J. Roe of the U.S. left Valdmore."
        assert [t.text for t in tokenize(text, 0, len(text))] == [
            "Mr.",
            "J.",
            "Roe",
            "of",
            "the",
            "U.S.",
            "left",
            "Valdmore",
            ".",
        ]

    def test_hyphenated_words_are_one_token(self) -> None:
        """Hyphenated names and scores stay whole."""
        text = "Jean-Luc won 2-1"
        assert [t.text for t in tokenize(text, 0, len(text))] == ["Jean-Luc", "won", "2-1"]


class TestLetterCounts:
    @given(st.text())
    def test_same_as_counting_each_character(self, text: str) -> None:
        """Letters and upper-case letters are counted as ``str.isalpha``/``str.isupper`` would."""
        letters = [c for c in text if c.isalpha()]
        assert _letter_counts(text) == (len(letters), sum(c.isupper() for c in letters))

    def test_curly_quotes_and_accents(self) -> None:
        """Non-ASCII letters count, non-ASCII punctuation does not."""
        assert _letter_counts("“ÉCOLE” à Zürich — 42") == (12, 6)


_NAME_SOUP = st.text(alphabet="AaBbZzÉé. ,-'’()0123456789\n:&", max_size=200)


class TestFastPaths:
    @given(_NAME_SOUP)
    def test_run_starts_are_every_token_a_name_can_start_at(self, text: str) -> None:
        """The tokens the run rules skip are neither capitalised words nor prefixed names."""
        lex = lexicon()
        span = Span(start=0, end=len(text))
        tokens = tokenize(text, 0, len(text))
        starts = set(_Rules._sentence(text, span, tokens, lex).starts)
        for index, token in enumerate(tokens):
            if index not in starts:
                assert not (token.is_word and token.text[:1].isupper())
                assert _prefixed_kind(token, lex) is None

    @given(_NAME_SOUP, st.integers(min_value=0, max_value=210))
    def test_token_at_an_offset_is_found_by_binary_search(self, text: str, offset: int) -> None:
        """The token starting or ending at an offset is the one an index of every token names."""
        tokens = tokenize(text, 0, len(text))
        assert _at(tokens, offset, _START) == {t.start: n for n, t in enumerate(tokens)}.get(offset)
        assert _at(tokens, offset, _END) == {t.end: n for n, t in enumerate(tokens)}.get(offset)

    def test_an_untrimmed_span_is_kept(self) -> None:
        """A candidate with nothing to trim comes back as the same span."""
        span = Span(start=4, end=12)
        assert trim("Met Jane Roe today", span, EntityKind.PERSON) is span


class TestRecognition:
    def test_gazetteer_country(self) -> None:
        """A country from the gazetteer is a location."""
        assert kinds("Officials in Valdmore said the storm reached Norway on Tuesday.")["Norway"] is (
            EntityKind.LOCATION
        )

    def test_title_is_not_part_of_the_name(self) -> None:
        """A title before a name is a role, not part of the mention."""
        found = entities("Foreign Minister Jane Roe arrived on Tuesday.")
        assert found["Jane Roe"] == (EntityKind.PERSON, ["Jane Roe"])

    def test_honorific_marks_a_person(self) -> None:
        """An honorific makes the following word a person's name."""
        assert kinds("The plan was drafted by Mr. Brekke last year.")["Brekke"] is EntityKind.PERSON

    def test_lowercase_role_marks_a_person(self) -> None:
        """A role noun right before a name makes it a person."""
        assert kinds("The goal came from striker Tomas Ostby in the second half.")["Tomas Ostby"] is (
            EntityKind.PERSON
        )

    def test_organisation_cue_word(self) -> None:
        """A name ending in an organisation word is an organisation."""
        assert kinds("The vote at the Valdmore Harbour Council was close.")["Valdmore Harbour Council"] is (
            EntityKind.ORGANIZATION
        )

    def test_organisation_head_with_of(self) -> None:
        """``University of X`` is one organisation name."""
        assert kinds("She studied at the University of Valdmore for years.")["University of Valdmore"] is (
            EntityKind.ORGANIZATION
        )

    def test_article_is_not_in_the_span(self) -> None:
        """A leading ``the`` is not part of a name."""
        article = newsmodel.parse_text("Residents asked the Valdmore Port Authority for help.")
        assert [m.text for e in article.entities for m in e.mentions] == ["Valdmore Port Authority"]

    def test_acronym_is_an_organisation(self) -> None:
        """An unknown all-capitals word is an organisation."""
        assert kinds("Officials said the KVX would step in.")["KVX"] is EntityKind.ORGANIZATION

    def test_demonym_is_a_nationality(self) -> None:
        """A demonym is a nationality."""
        assert kinds("The Norwegian team arrived late.")["Norwegian"] is EntityKind.NATIONALITY

    def test_event_cue_word(self) -> None:
        """A name ending in ``Cup`` is an event."""
        assert kinds("They won the Coastal Cup again this year.")["Coastal Cup"] is EntityKind.EVENT

    def test_work_cue_word(self) -> None:
        """A name ending in ``Act`` is a work (a law)."""
        assert kinds("Lawmakers passed the Seawall Protection Act in May.")["Seawall Protection Act"] is (
            EntityKind.WORK
        )

    def test_place_preposition(self) -> None:
        """An unknown single name after ``in`` is a location."""
        assert kinds("The ferry sank near Brekkestad on Monday.")["Brekkestad"] is EntityKind.LOCATION

    def test_first_name_marks_a_person(self) -> None:
        """A known first name starts a person's name."""
        assert kinds("Yesterday, Ingrid Halvorsen spoke to reporters.")["Ingrid Halvorsen"] is (
            EntityKind.PERSON
        )

    def test_sentence_opener_without_evidence_is_not_a_name(self) -> None:
        """A capitalised first word of a sentence is not a name without evidence."""
        assert entities("Meanwhile the rain kept falling. Flooding closed the road.") == {}

    def test_sentence_opener_with_evidence_elsewhere(self) -> None:
        """A sentence-initial word the text names elsewhere is a name."""
        found = kinds("Residents praised Ingrid Halvorsen.\n\nHalvorsen thanked them.")
        assert found["Halvorsen"] is EntityKind.PERSON

    def test_prefixed_nation_word(self) -> None:
        """``pro-Norwegian`` names a nationality although it starts in lower case."""
        assert kinds("The pro-Norwegian camp celebrated.")["pro-Norwegian"] is EntityKind.NATIONALITY

    def test_all_caps_headline_uses_the_body(self) -> None:
        """Names in an ALL-CAPS headline are found when the body or the gazetteer knows them."""
        found = kinds(
            "HALVORSEN WINS VOTE IN NORWAY\n\nIngrid Halvorsen won the vote, said Halvorsen's aide."
        )
        assert found["HALVORSEN"] is EntityKind.PERSON
        assert found["NORWAY"] is EntityKind.LOCATION
        assert "WINS" not in found

    def test_title_case_headline_uses_the_body(self) -> None:
        """A Title Case headline yields only names the body or the gazetteer knows."""
        found = kinds(
            "Harbour Town Votes To Rebuild Its Seawall In Valdmore\n\nVALDMORE, Norway — It rained."
        )
        assert set(found) == {"Valdmore", "VALDMORE", "Norway"}

    def test_title_opening_a_sentence_stays_a_title(self) -> None:
        """A title that opens a sentence is a title, not an ordinary sentence opener."""
        assert kinds("President Brekke spoke first.\n\nLater Brekke left.") == {"Brekke": EntityKind.PERSON}

    def test_dateline_place(self) -> None:
        """The capitalised place opening a dateline is a location."""
        found = kinds("BREKKESTAD, Norway (CWS) — The ferry sank on Monday.")
        assert found["BREKKESTAD"] is EntityKind.LOCATION
        assert found["Norway"] is EntityKind.LOCATION

    def test_dateline_with_a_state_abbreviation(self) -> None:
        """``TAMPA, Fla.``: an unknown capitalised place before a known one is a dateline."""
        found = kinds("Storm update\n\nBREKKEVILLE, Fla. (CWS) — The storm hit.")
        assert found["BREKKEVILLE"] is EntityKind.LOCATION
        assert found["Fla."] is EntityKind.LOCATION

    def test_acronym_before_a_comma_is_no_dateline(self) -> None:
        """An unknown short acronym opening a sentence before a comma is not a dateline's place."""
        found = kinds("KVX, the shipping group, said so.\n\nKVX shares rose.")
        assert found["KVX"] is EntityKind.ORGANIZATION

    def test_one_dateline_per_story(self) -> None:
        """Only the first dateline near the top of a story counts."""
        text = "ONE\n\nBREKKEVILLE, Norway — Rain.\n\nSTORMVIK, Norway — More rain."
        found = kinds(text)
        assert found["BREKKEVILLE"] is EntityKind.LOCATION
        assert "STORMVIK" not in found or found["STORMVIK"] is not EntityKind.LOCATION

    def test_place_after_of_an_office(self) -> None:
        """``the mayor of X`` and ``north of X`` make X a place."""
        found = kinds("The mayor of Brekkestad and people north of Stormvik agreed.")
        assert found == {"Brekkestad": EntityKind.LOCATION, "Stormvik": EntityKind.LOCATION}

    def test_first_name_that_is_also_a_place(self) -> None:
        """``Sofia Lindgren`` is a person although Sofia is a city; ``Phoenix Suns`` stays a team."""
        found = kinds("The report by Sofia Lindgren praised the Phoenix Suns.")
        assert found["Sofia Lindgren"] is EntityKind.PERSON
        assert found["Phoenix Suns"] is EntityKind.ORGANIZATION

    def test_comma_phrase_without_determiner_is_no_apposition(self) -> None:
        """``Critics, including ...`` does not make ``Critics`` a person."""
        assert "Critics" not in kinds("Critics, including party leader Jonas Berg, objected.")

    def test_unknown_name_listed_with_places(self) -> None:
        """An unknown word in a list next to known places is a place."""
        assert kinds("Airports in Oslo, Brekkeby and Bergen were closed.")["Brekkeby"] is EntityKind.LOCATION

    def test_plural_acronyms_and_month_ranges_are_not_names(self) -> None:
        """``NGOs`` and ``May-August`` are not names; ``Jan.`` is a month."""
        assert kinds("The NGOs met in May-August and again by Jan. 10 with KVX.") == {
            "KVX": EntityKind.ORGANIZATION
        }

    def test_results_table_teams(self) -> None:
        """Names next to scores in a results line are teams; countries stay locations."""
        found = kinds("Results on Saturday:\n\nBrekkestad Rovers 3 Valdmore 1\n\nNorway 2 Sweden 0")
        assert found["Brekkestad Rovers"] is EntityKind.ORGANIZATION
        assert found["Valdmore"] is EntityKind.ORGANIZATION
        assert found["Norway"] is EntityKind.LOCATION

    def test_results_table_people(self) -> None:
        """A name with a first name next to a score in a table is a person."""
        found = kinds("Leading scores:\n\nIngrid Halvorsen (Norway) 68 70\n\nErik Dahl (Sweden) 69 71")
        assert found["Ingrid Halvorsen"] is EntityKind.PERSON

    def test_all_caps_standings_make_cities_teams(self) -> None:
        """In an ALL-CAPS standings table a city next to numbers is a team, a country a place."""
        found = kinds("STANDINGS\n\nOSLO 10 4 2\n\nBREKKESTAD MARINERS 9 5 2\n\nNORWAY 8 6 2")
        assert found["OSLO"] is EntityKind.ORGANIZATION
        assert found["BREKKESTAD MARINERS"] is EntityKind.ORGANIZATION
        assert found["NORWAY"] is EntityKind.LOCATION

    def test_bracketed_country_after_a_club_or_a_person(self) -> None:
        """A bracketed country follows clubs and people alike in tables; the name's shape decides."""
        lines = [
            "Group A:",
            "Valdmore (Norway) 9 5 4 14",
            "Brekke Oslo (Norway) 9 4 5 13",
            "Tom Brekke (Norway) 68 70",
        ]
        text = "\n\n".join(lines)
        found = kinds(text)
        assert found["Valdmore"] is EntityKind.ORGANIZATION
        assert found["Brekke Oslo"] is EntityKind.ORGANIZATION
        assert found["Tom Brekke"] is EntityKind.PERSON

    def test_person_after_another_name_in_one_run(self) -> None:
        """A full name right after a nation or a cued organisation is split off as a person."""
        found = kinds("The goal came from Swedish Tom Brekke and from Valdmore FC Erik Dahl.")
        assert found["Swedish"] is EntityKind.NATIONALITY
        assert found["Tom Brekke"] is EntityKind.PERSON
        assert found["Valdmore FC"] is EntityKind.ORGANIZATION
        assert found["Erik Dahl"] is EntityKind.PERSON

    def test_nation_word_before_other_words_is_split_off(self) -> None:
        """A nationality word opening a longer untyped phrase is a name of its own."""
        found = kinds("The Swedish Brekkeborg deal and the Coastal Cup went ahead.")
        assert found["Swedish"] is EntityKind.NATIONALITY
        assert "Swedish Brekkeborg" not in found

    def test_nation_compound_is_split_off(self) -> None:
        """``Norwegian-led Harbour Alliance``: the compound is a name of its own."""
        found = kinds("The Norwegian-led Harbour Alliance met.")
        assert found == {"Norwegian-led": EntityKind.NATIONALITY, "Harbour Alliance": EntityKind.ORGANIZATION}

    def test_words_written_in_lower_case_are_not_guessed_names(self) -> None:
        """A capitalised pair the text otherwise writes in lower case is no guessed name."""
        text = "Prices:\n\nWeek Ago 12 14\n\nA week ago prices fell.\n\nErik Dahl spoke."
        assert kinds(text) == {"Erik Dahl": EntityKind.PERSON}

    def test_office_after_a_place_is_not_part_of_it(self) -> None:
        """``Oslo Mayor`` names the place; the office is left out."""
        assert kinds("The plan of the Oslo Mayor was rejected.") == {"Oslo": EntityKind.LOCATION}

    def test_sentence_final_abbreviation_loses_the_period(self) -> None:
        """The period after ``Corp`` that ends a sentence is not part of the name."""
        assert "Valdmore Shipping Corp" in kinds("Shares rose at Valdmore Shipping Corp.")

    def test_scorers_in_brackets_and_after_a_dash(self) -> None:
        """In a results line, names in brackets after a score or after a dash are people."""
        found = kinds(
            "Results:\n\nValdmore 2 (Brekke 45, Ostby 88) Oslo 0\n\nValdmore - Dahl 12, Halvorsen 80"
        )
        assert found["Brekke"] is EntityKind.PERSON
        assert found["Ostby"] is EntityKind.PERSON
        assert found["Dahl"] is EntityKind.PERSON
        assert found["Valdmore"] is EntityKind.ORGANIZATION
        assert found["Oslo"] is EntityKind.ORGANIZATION

    def test_capitalised_syllable_inside_a_name(self) -> None:
        """``Do`` or ``Sun`` capitalised inside a name does not cut it."""
        assert kinds("The goal came from Park Do Yeon late on.")["Park Do Yeon"] is EntityKind.PERSON

    def test_place_then_team_word_is_an_organisation(self) -> None:
        """A place followed by other capitalised words (``Oslo Mariners``) is an organisation."""
        assert kinds("Fans cheered the Oslo Mariners last night.")["Oslo Mariners"] is EntityKind.ORGANIZATION

    def test_default_single_is_overridable(self) -> None:
        """The kind of an untyped lone word comes from a class attribute."""

        class Places(RuleRecognizer):
            default_single = EntityKind.LOCATION

        article = newsmodel.parse_text("Officials said Qwertz would decide.", recognizer=Places())
        assert [e.kind for e in article.entities] == [EntityKind.LOCATION]


class TestGivenNamesThatAreWords:
    def test_will_before_a_surname_inside_a_sentence_is_a_given_name(self) -> None:
        """ "said Will Doyle": a given name that is also a modal verb starts the name."""
        assert kinds("The ferry is late again, said Will Doyle, the harbour master.") == {
            "Will Doyle": EntityKind.PERSON
        }

    def test_will_opening_a_question_is_a_verb(self) -> None:
        """ "Will Congress act?": at a sentence's start the capital is the sentence's."""
        assert "Will Congress" not in kinds("Will Congress act on the ferry fares this week?")


class TestDatelinePlaces:
    STORY = (
        "Bridge to close for repairs\n\n"
        "ELMWICK — The town board voted on Monday to close the river bridge for six weeks of"
        " repairs, the town engineer said.\n\n"
    )

    def test_unknown_place_in_a_dateline_is_a_location(self) -> None:
        """A dateline's place the gazetteer does not know is a location, not an acronym's organisation."""
        article = newsmodel.parse_text(self.STORY)
        assert article.dateline is not None
        assert article.dateline.place == "ELMWICK"
        assert {e.name: e.kind for e in article.entities}["ELMWICK"] is EntityKind.LOCATION

    def test_dateline_place_found_by_no_recognizer_is_added(self) -> None:
        """A recognizer that finds nothing still gets the dateline's place, as a location."""
        article = newsmodel.parse_text(self.STORY, recognizer=FixedRecognizer([]))
        assert [(e.name, e.kind) for e in article.entities] == [("ELMWICK", EntityKind.LOCATION)]

    def test_same_name_in_the_body_is_the_same_place(self) -> None:
        """The name again in the body is another mention of the dateline's place."""
        article = newsmodel.parse_text(self.STORY + "The ELMWICK board meets in June, the engineer said.")
        (place,) = [e for e in article.entities if e.kind is EntityKind.LOCATION]
        assert [m.span.start for m in place.mentions] == [0, article.text.rindex("ELMWICK")]


class TestCoreference:
    def test_surname_joins_full_name(self) -> None:
        """``Roe`` and ``Ms. Roe`` join ``Jane Roe``."""
        found = entities("Jane Roe spoke first. Later Ms. Roe left, and Roe did not return.")
        assert found == {"Jane Roe": (EntityKind.PERSON, ["Jane Roe", "Roe", "Roe"])}

    def test_surname_joins_the_nearest_earlier_person(self) -> None:
        """With two people of one surname, a bare surname joins the one named last before it."""
        article = newsmodel.parse_text("Jane Roe spoke.\n\nLater Tom Roe answered.\n\nThen Roe left.")
        tom = next(e for e in article.entities if e.name == "Tom Roe")
        assert [m.text for m in tom.mentions] == ["Tom Roe", "Roe"]

    def test_acronym_joins_expansion_by_letters(self) -> None:
        """An acronym joins the name whose initials it spells."""
        found = entities("The Northern Fisheries Agency met. Later the NFA said no.")
        assert found["Northern Fisheries Agency"] == (
            EntityKind.ORGANIZATION,
            ["Northern Fisheries Agency", "NFA"],
        )

    def test_acronym_joins_expansion_in_brackets(self) -> None:
        """``Name (ACR)`` ties the acronym to the name even when the letters differ."""
        found = entities("The Coastal Safety Board (KSB) met on Monday. The KSB voted.")
        assert found["Coastal Safety Board"][1] == ["Coastal Safety Board", "KSB", "KSB"]

    def test_agency_in_brackets_after_a_place_is_not_its_acronym(self) -> None:
        """A dateline's ``Norway (CWS)``: the agency stays its own entity, not Norway's alias."""
        article = newsmodel.parse_text(
            "Seawall vote\n\nVALDMORE, Norway (CWS) — The city council voted on Tuesday to rebuild"
            " the seawall that failed in February, officials said."
        )
        by_name = {e.name: e for e in article.entities}
        assert by_name["Norway"].aliases == ()
        assert [m.text for m in by_name["CWS"].mentions] == ["CWS"]

    def test_same_name_in_capitals_is_one_entity(self) -> None:
        """A headline's ``NORWAY`` and the body's ``Norway`` are one entity."""
        found = entities("STORM HITS NORWAY\n\nThe storm hit Norway on Monday.")
        assert found["Norway"] == (EntityKind.LOCATION, ["NORWAY", "Norway"])

    def test_kind_by_majority(self) -> None:
        """A foreign recognizer's conflicting kinds for one name are settled by majority."""
        text = "Brekke met Brekke and Brekke."
        spans = [(0, 6, EntityKind.PERSON), (11, 17, EntityKind.ORGANIZATION), (22, 28, EntityKind.PERSON)]
        doc = make_doc(text)
        find_entities(doc, FixedRecognizer(spans))
        assert [(e.kind, len(e.mentions)) for e in doc.entities] == [(EntityKind.PERSON, 3)]


class TestRoles:
    def test_title_before_name(self) -> None:
        """A multi-word title before a name is its role."""
        assert roles("Foreign Affairs Minister Jane Roe said so.")["Jane Roe"] == ["Foreign Affairs Minister"]

    def test_title_with_country_before_name(self) -> None:
        """A country before a title is part of the role and a name of its own."""
        article = newsmodel.parse_text("Norwegian Prime Minister Jane Roe said so.")
        by_name = {e.name: e for e in article.entities}
        assert [r.text for r in by_name["Jane Roe"].roles] == ["Norwegian Prime Minister"]
        assert by_name["Norwegian"].kind is EntityKind.NATIONALITY

    def test_title_with_of(self) -> None:
        """``Secretary of State`` and ``Minister of Foreign Affairs`` are whole roles."""
        found = roles("Secretary of State Jane Roe met Minister of Foreign Affairs Tom Brekke.")
        assert found == {"Jane Roe": ["Secretary of State"], "Tom Brekke": ["Minister of Foreign Affairs"]}

    def test_title_with_its_domain_and_no_name_is_no_entity(self) -> None:
        """``the Minister of Finance`` names no one; a place in a title's domain is still a place."""
        assert kinds("The Minister of Finance met the President of Norway on Friday.") == {
            "Norway": EntityKind.LOCATION
        }

    def test_apposition_with_possessive(self) -> None:
        """An apposition between commas is a role."""
        assert roles("Jane Roe, the agency's director, said so.")["Jane Roe"] == ["the agency's director"]

    def test_apposition_with_organisation(self) -> None:
        """An apposition that names an organisation is a role of the person."""
        found = roles("Erik Dahl, a Valdmore Harbour Council spokesman, said so.")
        assert found["Erik Dahl"] == ["a Valdmore Harbour Council spokesman"]

    def test_apposition_after_an_age(self) -> None:
        """An age between commas does not hide the apposition after it."""
        assert roles("Jane Roe, 45, a teacher from Oslo, said so.")["Jane Roe"] == ["a teacher from Oslo"]

    def test_apposition_before_the_name(self) -> None:
        """``the agency's director, Jane Roe,`` gives the role before the name."""
        assert roles("He spoke to the agency's director, Jane Roe, on Monday.")["Jane Roe"] == [
            "the agency's director"
        ]

    def test_apposition_before_with_of(self) -> None:
        """``The mayor of Brekkestad, Anders Holm,`` gives the whole described office."""
        found = roles("The mayor of Brekkestad, Anders Holm, resigned.")
        assert found["Anders Holm"] == ["The mayor of Brekkestad"]

    def test_apposition_stops_at_a_bracket(self) -> None:
        """A bracketed acronym ends the apposition."""
        found = roles("Erik Dahl, the head of the Valdmore Harbour Council (VHC), said so.")
        assert found["Erik Dahl"] == ["the head of the Valdmore Harbour Council"]

    def test_only_people_get_titles(self) -> None:
        """A title word before a place is not the place's role."""
        assert roles("The Norway official left.") == {"Norway": []}

    def test_clause_is_not_a_role(self) -> None:
        """A comma clause without a role noun, or with a verb of saying, is not a role."""
        assert roles("Erik Dahl, who voted against it, left.")["Erik Dahl"] == []
        assert roles("Erik Dahl, the minister said, left.")["Erik Dahl"] == []

    def test_honorific_is_not_a_role(self) -> None:
        """``Mr.`` is not a role."""
        assert roles("Mr. Erik Dahl left.")["Erik Dahl"] == []

    def test_role_includes_the_name_of_the_office(self) -> None:
        """The capitalised name before a role noun belongs to the role."""
        found = roles("Valdmore Harbour Council spokesman Erik Dahl declined to comment.")
        assert found["Erik Dahl"] == ["Valdmore Harbour Council spokesman"]

    def test_lowercase_role_with_team(self) -> None:
        """A lower-case role noun and the place before it make the role."""
        assert roles("Norway coach Erik Dahl was pleased.")["Erik Dahl"] == ["Norway coach"]


class FixedRecognizer:
    """A recognizer that returns fixed candidates, standing in for a foreign one."""

    def __init__(self, spans: Iterable[tuple[int, int, EntityKind]]) -> None:
        self.spans = list(spans)

    def recognize(self, text: str, sentences: Sequence[Span]) -> Iterable[Candidate]:
        """Yield the fixed candidates."""
        del text, sentences
        for start, end, kind in self.spans:
            yield Candidate(span=Span(start=start, end=end), kind=kind)


class TestTrimAndForeignRecognizers:
    def test_trim_article_possessive_and_title(self) -> None:
        """Spans lose a leading ``the``, a possessive and, for people, titles."""
        text = "the Valdmore Council's plan; President Jane Roe's view"
        assert trim(text, Span(start=0, end=22), EntityKind.ORGANIZATION) == Span(start=4, end=20)
        person = trim(text, Span(start=29, end=49), EntityKind.PERSON)
        assert person is not None
        assert person.of(text) == "Jane Roe"

    def test_trim_leaves_nothing(self) -> None:
        """A span of only an article or punctuation gives no name."""
        assert trim("the ,", Span(start=0, end=5), EntityKind.OTHER) is None

    def test_bad_candidate_is_a_defect(self) -> None:
        """A candidate outside the text is recorded as a defect, not dropped silently."""
        doc = make_doc("Jane Roe left.")
        find_entities(doc, FixedRecognizer([(0, 8, EntityKind.PERSON), (5, 500, EntityKind.PERSON)]))
        assert [d.code for d in doc.defects] == ["bad-entity-candidate"]
        assert [e.mentions[0].text for e in doc.entities] == ["Jane Roe"]

    def test_overlapping_candidates_keep_the_longer(self) -> None:
        """Of overlapping candidates, the earlier-starting longer one is kept."""
        doc = make_doc("Jane Roe left.")
        find_entities(doc, FixedRecognizer([(5, 8, EntityKind.PERSON), (0, 8, EntityKind.PERSON)]))
        assert [m.text for e in doc.entities for m in e.mentions] == ["Jane Roe"]

    def test_policy_recognizer_is_used(self) -> None:
        """``parse_text(recognizer=...)`` replaces the rules."""
        article = newsmodel.parse_text("xx yy", recognizer=FixedRecognizer([(3, 5, EntityKind.EVENT)]))
        assert [(e.name, e.kind) for e in article.entities] == [("yy", EntityKind.EVENT)]


# --------------------------------------------------------------------------- properties

_WORDS_A = ["said", "the", "Jane", "Roe", "Norway", "Valdmore", "Council", "Minister", "Foreign", "of", "in"]
_WORDS_A += [".", ",", "NORWAY", "Mr.", "ROE", "2", "Harbour", "'s"]
_WORDS_B = ["reported", "a", "Tomas", "Brekke", "Sweden", "Oslo", "Agency", "mayor", "ANKARA", "for", "Ms."]
_WORDS_B += ["Ostby", "!", "7", "Cup", "FC", "pro-Swedish"]


def _paragraphs(words: list[str]) -> st.SearchStrategy[list[str]]:
    sentence = st.lists(st.sampled_from(words), min_size=1, max_size=14).map(" ".join)
    return st.lists(sentence, min_size=1, max_size=4)


class TestProperties:
    @given(st.text(max_size=300))
    def test_never_raises_and_mentions_point_at_their_text(self, text: str) -> None:
        """On any text, every mention's text is the text at its span and name mentions never overlap."""
        article = newsmodel.parse_text(text)
        spans = []
        for entity in article.entities:
            for mention in entity.mentions:
                assert article.text[mention.start : mention.end] == mention.text
                assert mention.form is MentionForm.NAME
                spans.append(mention.span)
            for role in entity.roles:
                assert article.text[role.start : role.end] == role.text
        spans.sort()
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))

    @given(st.text(alphabet="AaBbZz. ,-'’()0123456789\n:&", max_size=200))
    def test_never_raises_on_name_punctuation_soup(self, text: str) -> None:
        """Text made of capitals, periods, hyphens, apostrophes and digits never breaks the rules."""
        article = newsmodel.parse_text(text)
        for entity in article.entities:
            for mention in entity.mentions:
                assert article.text[mention.start : mention.end] == mention.text

    @given(_paragraphs(_WORDS_A))
    @example(["Jane Minister of Jane said said the"])  # a source "of Jane" once overlapped "Jane"
    def test_mentions_are_exact_on_name_rich_text(self, paragraphs: list[str]) -> None:
        """On text dense with names and titles, mentions are exact and do not overlap."""
        article = newsmodel.parse_text("\n\n".join(paragraphs))
        spans = sorted(m.span for e in article.entities for m in e.mentions)
        for entity in article.entities:
            for mention in entity.mentions:
                assert article.text[mention.start : mention.end] == mention.text
                assert not mention.text.startswith(("the ", "The "))
                assert not mention.text.endswith("'s")
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))

    @given(_paragraphs(_WORDS_A), _paragraphs(_WORDS_B))
    def test_unrelated_paragraph_changes_nothing_before_it(self, first: list[str], second: list[str]) -> None:
        """Adding a paragraph that shares no word with the text before it changes none of its entities."""
        text = "\n\n".join(first)
        alone = annotated(text)  # without text layout, which may read a first line as a headline
        joined = annotated(text + "\n\n" + "\n\n".join(second))
        end = len(alone.text)

        def found(article: newsmodel.Article) -> set[tuple[int, int, EntityKind]]:
            return {(m.start, m.end, e.kind) for e in article.entities for m in e.mentions if m.end <= end}

        assert found(joined) == found(alone)


class TestScale:
    def test_long_capitalised_run(self) -> None:
        """A very long run of capitalised words is handled in one pass (no quadratic blow-up)."""
        text = " ".join(f"Wordname{n % 50}" for n in range(20_000))
        article = newsmodel.parse_text(text)
        assert all(m.text for e in article.entities for m in e.mentions)

    def test_long_title_chain(self) -> None:
        """A long chain of title words before names does not make role finding quadratic."""
        text = " ".join(["Deputy Minister"] * 5_000 + ["Jane Roe"]) + " said."
        article = newsmodel.parse_text(text)
        assert [m.text for e in article.entities for m in e.mentions] == ["Jane Roe"]

    def test_many_mentions_of_one_entity(self) -> None:
        """Thousands of titled mentions of one person give one entity with one role, in one pass."""
        article = newsmodel.parse_text(" ".join(["President Brekke said so."] * 2_000))
        assert [(len(e.mentions), [r.text for r in e.roles]) for e in article.entities] == [
            (2_000, ["President"])
        ]

    def test_ten_times_the_text_gives_ten_times_the_mentions(self) -> None:
        """Repeating a paragraph ten times multiplies its mentions by ten."""
        paragraph = (
            "Foreign Minister Jane Roe met Norwegian officials of the Valdmore Harbour Council in Oslo."
        )
        once = newsmodel.parse_text(paragraph)
        many = newsmodel.parse_text("\n\n".join([paragraph] * 10))
        count = sum(len(e.mentions) for e in once.entities)
        assert count == 4
        assert sum(len(e.mentions) for e in many.entities) == 10 * count


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Shares of Brekke Holdings rose.", "Brekke Holdings", EntityKind.ORGANIZATION),
        ("Shares of Valdmore Shipping Corp. rose.", "Valdmore Shipping Corp.", EntityKind.ORGANIZATION),
        ("Officials said Brekke MP Tom Roe left.", "Tom Roe", EntityKind.PERSON),
        ("A ship sailed into the Gulf of Valdmore.", "Gulf of Valdmore", EntityKind.LOCATION),
        ("Talks moved to Lake Brekke.", "Lake Brekke", EntityKind.LOCATION),
        ("John Roe Jr. died.", "John Roe Jr.", EntityKind.PERSON),
        ("The Anglo-Norwegian deal held.", "Anglo-Norwegian", EntityKind.NATIONALITY),
        ("She skied at the Winter Olympics.", "Winter Olympics", EntityKind.EVENT),
        ("They met during Ramadan.", "Ramadan", EntityKind.EVENT),
        ("He won the Coastal Skippers' Cup twice.", "Coastal Skippers' Cup", EntityKind.EVENT),
    ],
)
def test_cue_words(text: str, name: str, kind: EntityKind) -> None:
    """Cue words type the names they end or start."""
    assert kinds(text)[name] is kind

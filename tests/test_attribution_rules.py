"""Example tests for the reported-speech and attribution rules, one behaviour per test.

Each test reads invented sentences through the quote stages and checks the exact quotes found
(text and kind) and who said them (speaker name, and the mention where it matters).
"""

from newsmodel import QuoteKind
from newsmodel.model import Quote

from .stages import body_article as article

DIRECT, INDIRECT = QuoteKind.DIRECT, QuoteKind.INDIRECT


def found(*paragraphs: str) -> list[tuple[QuoteKind, str, str | None]]:
    """Every quote of the paragraphs as (kind, text, speaker name), in text order."""
    return [(q.kind, q.text, speaker(q)) for q in article(*paragraphs).quotes]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


def mention(q: Quote) -> str | None:
    attribution = q.attribution
    return attribution.mention.text if attribution and attribution.mention else None


def only(*paragraphs: str) -> Quote:
    """The one quote found in the paragraphs."""
    (q,) = article(*paragraphs).quotes
    return q


class TestGerundObjects:
    def test_progressive_stance_with_a_gerund_is_no_speech(self):
        """A stance verb in the progressive whose object is a gerund phrase reports nothing."""
        assert found("Norland is not considering sending troops to the border region.") == []

    def test_no_content_is_taken_from_before_either(self):
        """With its gerund object, the stance clause takes no content from before it either."""
        result = found("After the floods in March, the council was discussing raising the harbour fees.")
        assert result == []

    def test_that_clause_after_a_stance_verb_is_reported(self):
        """ "considers that ..." still reports its clause."""
        q = only("The ministry considers that the northern border is safe.")
        assert (q.kind, q.text, mention(q)) == (INDIRECT, "that the northern border is safe", "The ministry")

    def test_gerund_subject_of_a_reported_clause(self):
        """A gerund opening a clause with a finite verb ("sending troops was") is reported."""
        q = only("Mira Olsen said sending troops was a mistake.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "sending troops was a mistake", "Mira Olsen")

    def test_stance_taken_keeps_its_gerund_object(self):
        """A stance taken ("proposed raising ...") is attributed with its gerund object."""
        q = only("Mira Olsen proposed raising the harbour fees.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "raising the harbour fees", "Mira Olsen")

    def test_progressive_stance_with_a_noun_object(self):
        """A noun phrase object of a progressive stance verb is still its content."""
        q = only("Norland is considering a proposal to send troops.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "a proposal to send troops", "Norland")

    def test_progressive_stance_with_a_gerund_subject(self):
        """After a progressive stance verb, a gerund with a finite verb after it opens a clause."""
        q = only("The harbour board is hoping sending more crews will help.")
        assert (q.kind, q.text, mention(q)) == (INDIRECT, "sending more crews will help", "The harbour board")


class TestLeads:
    def test_one_word_before_a_parenthetical_clause(self):
        """A single word before "X said," is part of what X said, and so is the rest."""
        assert found("Still, Mira Olsen said, the ferry will sail on Sunday.") == [
            (INDIRECT, "Still", "Mira Olsen"),
            (INDIRECT, "the ferry will sail on Sunday", "Mira Olsen"),
        ]

    def test_short_lead_before_a_direct_quote(self):
        """Two words before "X said, \"...\"" are reported beside the direct quote."""
        assert found('Put simply, Mira Olsen said, "the ferry is too old."') == [
            (INDIRECT, "Put simply", "Mira Olsen"),
            (DIRECT, "the ferry is too old.", "Mira Olsen"),
        ]

    def test_long_lead_before_a_direct_quote_is_scene(self):
        """More than three words before "X said, \"...\"" set the scene and are not reported."""
        assert found('Whatever the ferry board decides, Mira Olsen said, "the ferry is too old."') == [
            (DIRECT, "the ferry is too old.", "Mira Olsen")
        ]

    def test_participial_lead_before_a_direct_quote_is_scene(self):
        """A lead opened by a word in -ing ("Looking ahead,") is not reported."""
        assert found('Looking ahead, Mira Olsen said, "the ferry is too old."') == [
            (DIRECT, "the ferry is too old.", "Mira Olsen")
        ]

    def test_no_right_side_opened_by_a_conjunction(self):
        """ "..., X said, although ..." reports only the words before the clause."""
        assert found("The ferry will sail, Mira Olsen said, although the harbour is icy.") == [
            (INDIRECT, "The ferry will sail", "Mira Olsen")
        ]


class TestInfinitives:
    def test_infinitive_after_a_stance_verb(self):
        """ "hoped to ..." reports the infinitive."""
        q = only("Mira Olsen hoped to finish the new quay before winter.")
        assert (q.kind, q.text, speaker(q)) == (
            INDIRECT,
            "to finish the new quay before winter",
            "Mira Olsen",
        )

    def test_infinitive_after_a_stance_verb_runs_past_that(self):
        """ "hoped to show that ..." reports from the infinitive, not from "that"."""
        q = only("Mira Olsen hoped to show that the quay was safe.")
        assert (q.text, speaker(q)) == ("to show that the quay was safe", "Mira Olsen")

    def test_infinitive_after_a_person_object(self):
        """ "urged voters to ..." reports the infinitive after the object."""
        q = only("Mira Olsen urged voters to stay home during the storm.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "to stay home during the storm", "Mira Olsen")

    def test_negated_infinitive_after_a_person_object(self):
        """ "told them not to ..." reports the negated infinitive."""
        q = only("Mira Olsen told them not to worry about the fees.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "not to worry about the fees", "Mira Olsen")


class TestLooseSources:
    def test_loose_subject(self):
        """A subject no phrase rule reads ("People with knowledge of X") is the source."""
        q = only("People with knowledge of the ferry talks said the fares would double.")
        assert (q.text, mention(q)) == ("the fares would double", "People with knowledge of the ferry talks")

    def test_loose_subject_stops_at_a_conjunction(self):
        """A loose subject starts after a conjunction ("although a number of ...")."""
        result = article("The vote went ahead although a number of residents said it was rushed.")
        (q,) = result.quotes
        assert (q.text, mention(q)) == ("it was rushed", "a number of residents")

    def test_loose_source_after_according_to(self):
        """ "according to a Harbour Gazette tally" takes the whole phrase as the source."""
        q = only("The pier was closed for 40 days, according to a Harbour Gazette tally.")
        assert (q.text, mention(q)) == ("The pier was closed for 40 days", "a Harbour Gazette tally")

    def test_according_to_a_name_and_more(self):
        """ "according to Coastal Survey Office records" runs past the name to the comma."""
        q = only("According to Coastal Survey Office records, the pier was closed for 40 days.")
        assert (q.text, mention(q)) == ("the pier was closed for 40 days", "Coastal Survey Office records")

    def test_according_to_a_name_and_a_plural(self):
        """ "according to Harbour Board tallies" is not the name "Harbour Board" alone."""
        q = only("According to Harbour Board tallies, the pier was closed for 40 days.")
        assert (q.text, mention(q)) == ("the pier was closed for 40 days", "Harbour Board tallies")

    def test_according_to_an_adverb_first(self):
        """ "according to recently released documents" is a source opened by an adverb."""
        q = only("The pier was closed for 40 days, according to recently released documents.")
        assert (q.text, mention(q)) == ("The pier was closed for 40 days", "recently released documents")

    def test_thousands_separator_is_one_token(self):
        """ "1,200 residents" is one phrase: the comma in the number is no boundary."""
        q = only("In the survey, 1,200 residents said the sea wall was too low.")
        assert (q.text, mention(q)) == ("the sea wall was too low", "1,200 residents")


class TestTitleQuotes:
    def test_prepositional_phrase_quoting_a_title(self):
        """In 'On the show "X," Roe said ...' the quoted title is not the content."""
        assert found('On the show "Harbour Hour," Mira Olsen said the pier would reopen.') == [
            (INDIRECT, "the pier would reopen", "Mira Olsen")
        ]

    def test_participial_phrase_quoting_a_title(self):
        """In 'Walking in to "X," Roe said ...' the quoted title is not the content."""
        assert found('Walking in to "Harbour Lights," Mira Olsen said the pier would reopen.') == [
            (INDIRECT, "the pier would reopen", "Mira Olsen")
        ]

    def test_fragment_quoted_in_narration_is_reported(self):
        """Without a preposition or participle first, the quoted fragment is part of the content."""
        assert found('The pier is "a ruin," Mira Olsen said.') == [
            (QuoteKind.MIXED, 'The pier is "a ruin,"', "Mira Olsen")
        ]


class TestNesting:
    def test_stance_inside_reported_speech_is_dropped(self):
        """ "X said that she opposes ..." is one quote: the stance is part of what X said."""
        assert found("Mira Olsen said that she opposes the new ferry fares.") == [
            (INDIRECT, "that she opposes the new ferry fares", "Mira Olsen")
        ]

    def test_speech_inside_reported_speech_is_kept(self):
        """Speech reported within speech keeps its own quote."""
        assert found("Mira Olsen said that Tor Berge told reporters the fares were too high.") == [
            (INDIRECT, "that Tor Berge told reporters the fares were too high", "Mira Olsen"),
            (INDIRECT, "the fares were too high", "Tor Berge"),
        ]

    def test_coordinated_verbs_stay_in_the_that_clause(self):
        """ "wrote that they would visit and talk about X" is one clause."""
        assert found("Mira Olsen wrote that the engineers would visit and talk about the repairs.") == [
            (INDIRECT, "that the engineers would visit and talk about the repairs", "Mira Olsen")
        ]

    def test_coordinated_cues_without_that_are_two_contents(self):
        """ "X praised A and criticized B" gives two contents, both X's."""
        assert found("Mira Olsen praised the engineers and criticized the ferry board.") == [
            (INDIRECT, "the engineers", "Mira Olsen"),
            (INDIRECT, "the ferry board", "Mira Olsen"),
        ]

    def test_relative_that_after_an_object_does_not_hold_the_next_cue(self):
        """ "X condemned the decision that closed A and demanded B": the relative clause ends at "and"."""
        text = "The Ferry Board condemned the vote that closed the pier in May and demanded a new one."
        assert found(text) == [
            (INDIRECT, "the vote that closed the pier in May", "Ferry Board"),
            (INDIRECT, "a new one", "Ferry Board"),
        ]


class TestQuestions:
    def test_question_put_to_a_source(self):
        """ "Asked about X, Roe said ..." reports the question, with no source, and the answer."""
        result = article("Asked about the budget, Mira Olsen said the harbour needed more money.")
        question, answer = result.quotes
        assert (question.kind, question.text, speaker(question)) == (INDIRECT, "about the budget", None)
        assert question.attribution.cue.text == "Asked"
        assert question.attribution.rule == "question"
        assert (answer.text, speaker(answer)) == ("the harbour needed more money", "Mira Olsen")

    def test_question_with_its_asker(self):
        """ "Asked by Y whether ..." gives the question to its asker Y."""
        result = article("Asked by Tor Berge whether the wall would hold, Mira Olsen nodded.")
        (question,) = result.quotes
        assert (question.text, speaker(question)) == ("whether the wall would hold", "Tor Berge")

    def test_question_after_when(self):
        """ "When asked why ..." reports the question too."""
        result = article("When asked why the pier was closed, Mira Olsen declined to comment.")
        assert [(q.text, speaker(q)) for q in result.quotes] == [
            ("why the pier was closed", None),
            ("to comment", "Mira Olsen"),
        ]

    def test_asked_inside_a_sentence_is_no_question(self):
        """ "X asked the council for ..." is no question put to X."""
        assert found("Mira Olsen asked the council about the budget.") == [
            (INDIRECT, "the council about the budget", "Mira Olsen")
        ]


class TestHeadlines:
    def test_cue_in_a_title_case_headline(self):
        """A capitalised cue in a title-case headline introduces reported speech."""
        q = only("Mayor Mira Olsen Says Ferry Will Sail by Winter")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "Ferry Will Sail by Winter", "Mira Olsen")

    def test_three_capitalised_words_are_no_headline(self):
        """A short line with three long capitalised words is not read as a headline."""
        assert found("Olsen Thinks Big Ships Rot") == []

    def test_one_lower_case_word_in_five_is_allowed(self):
        """A long headline may have one long lower-case word in five ("with", "from")."""
        q = only("Ferry Crew Says Harbour Will Stay Closed with Traffic from Monday Until the Storm Passes")
        assert (q.text, speaker(q)) == (
            "Harbour Will Stay Closed with Traffic from Monday Until the Storm Passes",
            "Ferry Crew",
        )

    def test_headline_with_a_quotation_is_no_headline(self):
        """A title-case line holding a quotation is not read as a headline."""
        assert found("Mayor Mira Olsen Says Ferry “Will Sail” by Winter") == []


class TestParticiples:
    def test_participle_takes_the_main_clause_source(self):
        """ ", adding that ..." takes the main clause's source, not one in a relative clause."""
        result = article(
            "Mira Olsen praised an engineer who said the quay was sound, adding that work would start in May."
        )
        (added,) = [q for q in result.quotes if q.text.startswith("that work")]
        assert (added.text, speaker(added)) == ("that work would start in May", "Mira Olsen")
        assert added.attribution.rule == "participle"

    def test_with_a_name_saying(self):
        """ "with X saying ..." gives the content to X."""
        q = only("The board approved the plan, with Mayor Mira Olsen saying the quay would be ready by May.")
        assert (q.text, speaker(q)) == ("the quay would be ready by May", "Mira Olsen")

    def test_with_a_description_and_a_name_saying(self):
        """ "with a spokesman, X, saying ..." gives the content to X."""
        q = only(
            "The board approved the plan, with a spokesman, Tor Berge, saying the quay would be ready by May."
        )
        assert (q.text, speaker(q)) == ("the quay would be ready by May", "Tor Berge")

    def test_participle_after_before(self):
        """ "before saying that ..." takes the sentence's source."""
        q = only("Mira Olsen thanked the crews before saying that the pier would reopen.")
        assert (q.text, speaker(q), q.attribution.rule) == (
            "that the pier would reopen",
            "Mira Olsen",
            "participle",
        )

    def test_participle_after_while(self):
        """ "while insisting that ..." takes the sentence's source."""
        q = only("Mira Olsen thanked the crews while insisting that the pier would reopen.")
        assert (q.text, speaker(q)) == ("that the pier would reopen", "Mira Olsen")

    def test_participle_after_by(self):
        """ "by saying that ..." takes the sentence's source."""
        q = only("Mira Olsen closed the meeting by saying that the pier would reopen.")
        assert (q.text, speaker(q)) == ("that the pier would reopen", "Mira Olsen")

    def test_opening_with_hours_later(self):
        """ "Hours later, X smiled and said ..." finds X after the opening."""
        q = only("Hours later, Mira Olsen smiled and said the wall would hold.")
        assert (q.text, speaker(q), q.attribution.rule) == ("the wall would hold", "Mira Olsen", "participle")

    def test_given_name_in_ly_is_no_adverb(self):
        """A given name ending in -ly ("Carly") opens a subject, not an adverbial."""
        q = only("Carly Brekke smiled and said the wall would hold.")
        assert (q.text, speaker(q)) == ("the wall would hold", "Carly Brekke")


class TestCueLookalikes:
    def test_plural_after_a_possessive_and_a_participle_is_a_noun(self):
        """ "her recovered emails" is a noun phrase, not a source and a cue."""
        assert found("Tor Berge read her recovered emails the board had lost.") == []

    def test_present_form_before_of_is_a_noun(self):
        """A present form before "of" reads as a noun ("a comment of"), so "complain of" is no cue."""
        assert found("Residents complain of noise from the new quay.") == []

    def test_past_before_of_is_a_cue(self):
        """ "said of X that ..." is a cue."""
        (q,) = article("Mira Olsen said of the pier that it would reopen in May.").quotes
        assert speaker(q) == "Mira Olsen"
        assert q.text.endswith("that it would reopen in May")

    def test_cue_before_a_capitalised_auxiliary(self):
        """ "said Will Hauge" is a cue and its inverted source, not a noun before "will"."""
        q = only("“We will rebuild,” said Will Hauge.")
        assert q.attribution.cue.text == "said"
        assert str(speaker(q)).split()[-1] == "Hauge"  # the entities stage leaves "Will" out

    def test_quote_only_cues(self):
        """ "barked", "deadpanned", "thundered" introduce direct quotes."""
        for verb in ("barked", "bellowed", "deadpanned", "pressed", "thundered"):
            q = only(f"“Get off the pier,” Tor Berge {verb}.")
            assert (q.kind, speaker(q), q.attribution.cue.text) == (DIRECT, "Tor Berge", verb)

    def test_quote_only_cues_report_nothing(self):
        """ "pressed the board to act" is no reported speech."""
        assert found("Tor Berge pressed the ferry board to act before the storm.") == []


class TestSources:
    def test_name_in_apposition_to_a_description(self):
        """ "One of her advisers, X, said" gives the quote to X with the description as a role."""
        q = only("One of her advisers, Tor Berge, said the vote would be delayed.")
        assert (q.text, speaker(q)) == ("the vote would be delayed", "Tor Berge")
        assert [r.text for r in q.speaker.roles] == ["One of her advisers"]

    def test_abbreviation_modifies_a_description(self):
        """ "The U.N. inspectors" is one description."""
        q = only("The U.N. inspectors said the dam was safe.")
        assert (q.text, mention(q)) == ("the dam was safe", "The U.N. inspectors")

    def test_time_adverbial_between_source_and_verb(self):
        """ "X on Thursday evening said" gives the quote to X."""
        q = only("Mira Olsen on Thursday evening said the pier would reopen.")
        assert (q.text, speaker(q)) == ("the pier would reopen", "Mira Olsen")

    def test_time_words_are_no_source(self):
        """ "X later Thursday told" gives the quote to X, not to "Thursday"."""
        q = only("Mira Olsen later Thursday told reporters that the pier would reopen.")
        assert (q.text, speaker(q)) == ("that the pier would reopen", "Mira Olsen")

    def test_clause_after_the_comma_is_no_apposition(self):
        """In "According to X, both ... are ..." the clause is the content, not a role of X."""
        q = only("According to the Harbour Gazette, both piers are closed until spring.")
        assert (q.text, speaker(q)) == ("both piers are closed until spring", "Harbour Gazette")
        assert [r.text for r in q.speaker.roles] == []

    def test_according_to_with_an_apposition(self):
        """ "..., according to X, the agency's report." is an apposition, not content after X."""
        q = only("The pier cost 48 million euros, according to the survey, the agency's annual report.")
        assert (q.text, mention(q)) == ("The pier cost 48 million euros", "the survey")

    def test_relative_pronoun_after_an_apposition(self):
        """ "X, a farmer who said ..." gives the quote to X."""
        result = article("Mira Olsen, a farmer who said the dam leaked, joined the board.")
        (q,) = result.quotes
        assert speaker(q) == "Mira Olsen"
        assert q.attribution.rule == "reported-speech+relative"

    def test_ordinal_in_a_title(self):
        """ "Army 1st Lt. X" is a title before the name X."""
        q = only("“We will hold the bridge,” Army 1st Lt. Mira Olsen said.")
        assert speaker(q) == "Mira Olsen"
        assert "Army 1st Lt." in [r.text for r in q.speaker.roles]

    def test_source_noun_for_staff(self):
        """ "Senate staffer X" reads "staffer" as a title before the name X."""
        q = only("“The vote is delayed,” said Senate staffer Tor Berge.")
        assert speaker(q) == "Tor Berge"
        assert [r.text for r in q.speaker.roles] == ["Senate staffer"]

    def test_source_noun_for_allies(self):
        """ "longtime ally X" reads "ally" as a title before the name X."""
        q = only("“The vote is delayed,” longtime ally Tor Berge said.")
        assert (speaker(q), [r.text for r in q.speaker.roles]) == ("Tor Berge", ["longtime ally"])


class TestInvertedSources:
    def test_inverted_source_ends_before_a_participle(self):
        """ "said the harbour master known as Y" names the harbour master."""
        q = only("“We will rebuild,” said the harbour master known as Captain Bo.")
        assert mention(q) == "the harbour master"

    def test_inverted_source_ends_before_that(self):
        """ "said X that morning" names X and reports nothing more."""
        assert found("“We will rebuild,” said Tor Berge that morning.") == [
            (DIRECT, "We will rebuild,", "Tor Berge")
        ]


class TestContinuation:
    def test_stance_word_without_content_does_not_interrupt(self):
        """'"A," X said in a conference call. "B."' continues X's quote."""
        result = article("“The pier is gone,” Mira Olsen said in a conference call. “We will rebuild it.”")
        first, second = result.quotes
        assert (speaker(first), speaker(second)) == ("Mira Olsen", "Mira Olsen")
        assert second.attribution.rule == "continuation"

    def test_quote_running_over_paragraphs_continues_the_quote_before_it(self):
        """A quote opened after '"A," X said.' that runs on into the next paragraph continues X."""
        result = article(
            "“The dunes are moving,” Pella Grieg said. “Every spring they take another road.",
            "“And every autumn we dig it out again.”",
        )
        first, second = result.quotes
        assert second.text == "Every spring they take another road.\n\n“And every autumn we dig it out again."
        assert (speaker(first), speaker(second)) == ("Pella Grieg", "Pella Grieg")
        assert second.attribution.rule == "continuation"

    def test_quote_running_over_paragraphs_after_reported_speech(self):
        """Reported speech, then a quote over two paragraphs in the same paragraph: the same source."""
        q = article(
            "Pella Grieg said the dunes were moving. “Every spring they take another road.",
            "“And every autumn we dig it out again.”",
        ).quotes[1]
        assert (q.kind, speaker(q), q.attribution.rule) == (DIRECT, "Pella Grieg", "continuation")

    def test_quote_running_over_paragraphs_after_narration_has_no_speaker(self):
        """A quote over two paragraphs that opens a story, with no source anywhere, gets no speaker."""
        q = only("“Every spring they take another road.", "“And every autumn we dig it out again.”")
        assert q.attribution is None or q.speaker is None


class TestPersonObjects:
    def test_object_pronoun_after_told_is_not_content(self):
        """ "X told her the fees were too high": "her" is whom X told, not what."""
        assert found("Erik Dahl told her the ferry fees were too high.") == [
            (INDIRECT, "the ferry fees were too high", "Erik Dahl")
        ]

    def test_possessive_her_opens_the_object_not_the_content(self):
        """ "X told her colleagues the fees were too high": the object is "her colleagues"."""
        assert found("Erik Dahl told her colleagues the ferry fees were too high.") == [
            (INDIRECT, "the ferry fees were too high", "Erik Dahl")
        ]


class TestRelativeSources:
    def test_relative_clause_ends_at_its_comma(self):
        """ "X, who said A, was cheered": the content is A, not the main clause's predicate."""
        assert found("Jane Roe, who said the ferry would sail at dawn, was cheered by the crowd.") == [
            (INDIRECT, "the ferry would sail at dawn", "Jane Roe")
        ]

    def test_relative_clause_inside_an_apposition(self):
        """ "X, a farmer who said A, joined B": the apposition's comma sets the clause off too."""
        assert found("Ada Lind, a farmer who said the dam leaked, joined the board.") == [
            (INDIRECT, "the dam leaked", "Ada Lind")
        ]

    def test_clause_of_its_own_inside_the_content_is_kept(self):
        """A "which" clause inside the content does not end it at its first comma."""
        text = "Jane Roe, who told reporters that the bridge, which is old, would reopen, was cheered."
        assert found(text) == [(INDIRECT, "that the bridge, which is old, would reopen", "Jane Roe")]

    def test_relative_clause_ending_the_sentence(self):
        """ "..., who said A." runs to the end of the sentence as before."""
        assert found("The mayor met Jane Roe, who said the bridge would reopen in May.") == [
            (INDIRECT, "the bridge would reopen in May", "Jane Roe")
        ]


class TestSaidOf:
    def test_said_of_someone_that(self):
        """ "X said of Y that ...": the content starts at "that", not at "of"."""
        assert found("Erik Dahl said of the harbour master that he had done nothing wrong.") == [
            (INDIRECT, "that he had done nothing wrong", "Erik Dahl")
        ]

    def test_said_of_someone_then_a_direct_quote(self):
        """ "X said of Y: "..."": the direct quote is X's, with nothing before it reported."""
        assert found("Erik Dahl said of the harbour master: “He has done nothing wrong.”") == [
            (QuoteKind.DIRECT, "He has done nothing wrong.", "Erik Dahl")
        ]

    def test_verb_with_of_keeps_its_phrase(self):
        """ "X boasted of his record" reports the phrase after "of"."""
        assert found("Erik Dahl boasted of his record on the harbour board.") == [
            (INDIRECT, "of his record on the harbour board", "Erik Dahl")
        ]

    def test_relative_that_after_said_of(self):
        """'"...," X said of a list that included Y': the relative clause is not reported speech."""
        result = found("“They would all serve well,” Erik Dahl said of a list that included three mayors.")
        assert result == [(QuoteKind.DIRECT, "They would all serve well,", "Erik Dahl")]


class TestTitleSources:
    def test_title_with_its_domain_is_a_description(self):
        """ "The Minister of Finance said": the mention is the whole title, no entity "of Finance"."""
        q = only("The Minister of Finance said the harbour budget was late.")
        expected = ("the harbour budget was late", None, "Minister of Finance")
        assert (q.text, speaker(q), mention(q)) == expected

    def test_title_of_office_before_a_name(self):
        """ "Secretary of State Jo Poe said": the name is the mention, the title a role."""
        q = only("Secretary of State Jo Poe said the harbour budget was late.")
        assert (speaker(q), mention(q)) == ("Jo Poe", "Jo Poe")

"""Tests for speaker attribution: sources, cues, anaphora, continuation and evidence."""

from hypothesis import given
from hypothesis import strategies as st

from newsmodel import EntityKind, MentionForm, QuoteKind
from newsmodel.model import Article, Quote
from newsmodel.nlp.attribution import attribute
from newsmodel.nlp.document import EntityDraft
from newsmodel.nlp.quotes import find_quotes
from newsmodel.nlp.sentences import split_sentences
from newsmodel.pipeline import Block, build_doc

from .stages import body_article as article


def quote(result: Article, text: str) -> Quote:
    """The one quote whose text starts with ``text``."""
    (found,) = [q for q in result.quotes if q.text.startswith(text)]
    return found


def speaker_name(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


def mention_text(q: Quote) -> str | None:
    attribution = q.attribution
    return attribution.mention.text if attribution and attribution.mention else None


def rule(q: Quote) -> str | None:
    return q.attribution.rule if q.attribution else None


class TestCueAroundQuote:
    def test_name_then_cue_after_quote(self):
        """'"...," X said' attributes to X with the cue and rule as evidence."""
        q = quote(article("“The wall failed,” Ada Lind said."), "The wall")
        assert speaker_name(q) == "Ada Lind"
        assert q.attribution.cue.text == "said"
        assert rule(q) == "cue-after-quote"
        assert q.speaker.kind is EntityKind.PERSON

    def test_inverted_cue_after_quote(self):
        """'"...," said X' attributes to X."""
        q = quote(article("“The wall failed,” said Ada Lind."), "The wall")
        assert speaker_name(q) == "Ada Lind"
        assert rule(q) == "cue-after-quote"

    def test_cue_before_quote(self):
        """'X said: "..."' attributes to X."""
        q = quote(article("Ada Lind said: “The wall failed.”"), "The wall")
        assert speaker_name(q) == "Ada Lind"
        assert rule(q) == "cue-before-quote"

    def test_cue_ends_previous_paragraph(self):
        """A clause ending its paragraph with a colon introduces the quote opening the next."""
        q = quote(article("Ada Lind told the council:", "“The wall failed in one night.”"), "The wall")
        assert speaker_name(q) == "Ada Lind"

    def test_interrupted_quote(self):
        """'"A," X said, "B."' gives both parts to X."""
        result = article("“The wall failed,” Ada Lind said, “and it will be rebuilt.”")
        assert speaker_name(quote(result, "The wall")) == "Ada Lind"
        assert speaker_name(quote(result, "and it")) == "Ada Lind"

    def test_question_cue(self):
        """'"...?" she asked' works like said."""
        q = quote(article("“Who will pay for it?” asked Erik Dahl."), "Who will")
        assert speaker_name(q) == "Erik Dahl"
        assert q.attribution.cue.text == "asked"

    def test_title_becomes_role(self):
        """A title before the name is a role of the speaker, not part of the name."""
        result = article("“We acted fast,” Foreign Minister Ada Lind said.")
        q = quote(result, "We acted")
        assert speaker_name(q) == "Ada Lind"
        assert [r.text for r in q.speaker.roles] == ["Foreign Minister"]

    def test_apposition_becomes_role(self):
        """'X, the agency's director, said' keeps the apposition as a role."""
        result = article("“We acted fast,” Ada Lind, the agency's director, said.")
        q = quote(result, "We acted")
        assert speaker_name(q) == "Ada Lind"
        assert [r.text for r in q.speaker.roles] == ["the agency's director"]

    def test_inverted_name_with_apposition(self):
        """'"...," said X, a hydrologist at Y.' attributes to X."""
        q = quote(article("“It will rise,” said Sunita Rao, a hydrologist at the university."), "It will")
        assert speaker_name(q) == "Sunita Rao"

    def test_dash_signature(self):
        """'"..." -- X' at the end of a line attributes to X."""
        q = quote(article("“Build it higher.” \u2015 Erik Dahl"), "Build it")
        assert speaker_name(q) == "Erik Dahl"
        assert rule(q) == "dash"

    def test_affiliation_after_name(self):
        """'X of the Y said' attributes to the person X, with the affiliation as a role."""
        q = quote(article("“It will rise,” Sunita Rao of the Coastal Institute said."), "It will")
        assert speaker_name(q) == "Sunita Rao"
        assert "of the Coastal Institute" in [r.text for r in q.speaker.roles]

    def test_parenthesis_after_name(self):
        """'X (D-Ohio) said' attributes to X."""
        q = quote(article("“It will rise,” Sen. Ada Lind (D-Ohio) said."), "It will")
        assert speaker_name(q) == "Ada Lind"

    def test_apposition_chain(self):
        """'X, 45, of Bergen, a teacher, said' attributes to X, not to the place."""
        q = quote(article("“We were scared,” Ada Lind, 45, of Bergen, a teacher, said."), "We were")
        assert speaker_name(q) == "Ada Lind"

    def test_possessive_affiliation(self):
        """'The Post's Jo Poe wrote' attributes to the person, not the newspaper."""
        q = quote(article("“The vote was close,” the Harbour Post's Jo Poe wrote."), "The vote")
        assert speaker_name(q) == "Jo Poe"

    def test_description_with_name_apposition(self):
        """'said a spokeswoman for the port, Jo Poe' attributes to the name."""
        q = quote(article("“No comment,” said a spokeswoman for the port, Jo Poe."), "No comment")
        assert speaker_name(q) == "Jo Poe"

    def test_coordinated_sources(self):
        """'X and Y said' names both: the mention covers them, and no single entity speaks."""
        q = quote(article("Ada Lind and Erik Dahl said the vote was fair."), "the vote")
        assert mention_text(q) == "Ada Lind and Erik Dahl"
        assert q.speaker is None

    def test_coordinated_verb_takes_sentence_subject(self):
        """'X voted no and said ...' takes the sentence's subject as the source."""
        q = quote(
            article("On Tuesday, Erik Dahl voted against the plan and said the cost was too high."),
            "the cost",
        )
        assert speaker_name(q) == "Erik Dahl"

    def test_clause_without_content_introduces_next_quote(self):
        """'X commented on Tuesday. "..."' gives the quote to X."""
        result = article("Ada Lind commented on Tuesday. “We will rebuild.”")
        assert speaker_name(quote(result, "We will")) == "Ada Lind"

    def test_subordinate_clause_does_not_interrupt(self):
        """A source inside a subordinate clause does not break a continuation."""
        result = article(
            "“The wall failed,” Ada Lind said, pointing to cracks that engineers found. “It was old.”"
        )
        assert speaker_name(quote(result, "It was old")) == "Ada Lind"

    def test_colon_without_verb(self):
        """'X: "..."' opening a sentence attributes to X."""
        q = quote(article("Erik Dahl: “Not with a blank cheque.”"), "Not with")
        assert speaker_name(q) == "Erik Dahl"
        assert rule(q) == "colon"


class TestReportedSpeechSources:
    def test_reported_speech_source(self):
        """'X said (that) ...' gives the indirect quote X as speaker."""
        q = quote(article("Ada Lind said the wall would be finished by winter."), "the wall")
        assert q.kind is QuoteKind.INDIRECT
        assert speaker_name(q) == "Ada Lind"
        assert rule(q) == "reported-speech"

    def test_according_to(self):
        """'according to X' names the source of the reported clause."""
        q = quote(article("According to Erik Dahl, the estimate is far too low."), "the estimate")
        assert speaker_name(q) == "Erik Dahl"
        assert rule(q) == "according-to"
        assert q.attribution.cue.text == "According to"

    def test_organisation_speaker(self):
        """An organisation can be a source."""
        q = quote(article("The Coastal Agency says the wall must be higher."), "the wall")
        assert q.speaker.kind is EntityKind.ORGANIZATION
        assert speaker_name(q) == "Coastal Agency"

    def test_country_speaker(self):
        """A country can be a source."""
        q = quote(article("Norway says the plan is sound."), "the plan")
        assert q.speaker.kind is EntityKind.LOCATION

    def test_participle_shares_source(self):
        """', adding that ...' takes the source of the clause before it."""
        result = article("“We are ready,” Ada Lind said, adding that work would start in May.")
        q = quote(result, "that work")
        assert speaker_name(q) == "Ada Lind"
        assert rule(q) == "participle"


class TestAnaphora:
    def test_pronoun_resolves_to_earlier_speaker(self):
        """'he said' resolves to the last person who fits; the pronoun is the mention."""
        result = article(
            "Harbour Minister Tom Berg said on Friday that the port would reopen.",
            "“Let me be clear about the timetable,” he said.",
        )
        q = quote(result, "Let me")
        assert speaker_name(q) == "Tom Berg"
        assert mention_text(q) == "he"
        assert q.attribution.mention.form is MentionForm.PRONOUN
        assert rule(q) == "cue-after-quote+pronoun"
        assert q.attribution.mention in q.speaker.mentions

    def test_pronoun_respects_gender(self):
        """'she' skips a man mentioned more recently for a woman known by her honorific."""
        result = article(
            "Ms. Ada Lind said the wall would hold.",
            "Mr. Tom Berg said the port would reopen.",
            "“I am certain of it,” she said.",
        )
        q = quote(result, "I am certain")
        assert q.speaker is not None
        assert "Ada Lind" in q.speaker.name

    def test_pronoun_respects_given_name(self):
        """'she' skips a man named more recently for a woman known by her given name."""
        result = article(
            "Jane Roe said the wall would hold.",
            "Tom Berg said the port would reopen.",
            "“I checked it myself,” she said.",
        )
        assert speaker_name(quote(result, "I checked")) == "Jane Roe"

    def test_stage_resolution_is_kept(self):
        """A pronoun the entities stage already tied to an entity keeps that entity."""
        doc = build_doc([Block("Tom Berg arrived."), Block("“We are ready,” he said.")], "en")
        doc.sentences = split_sentences(doc.text, doc.paragraphs)
        berg = EntityDraft(kind=EntityKind.PERSON, mentions=[doc.mention(0, 8)])
        he = doc.text.index("he said")
        berg.add(doc.mention(he, he + 2, MentionForm.PRONOUN))
        doc.entities.append(berg)
        find_quotes(doc)
        attribute(doc)
        (draft,) = doc.quotes
        assert draft.speaker is berg
        assert draft.mention is berg.mentions[1]

    def test_unresolvable_pronoun_has_no_speaker(self):
        """A pronoun with nobody before it keeps the mention and no speaker."""
        q = quote(article("“We will manage,” she said."), "We will")
        assert q.speaker is None
        assert mention_text(q) == "she"

    def test_first_person_is_not_resolved(self):
        """'I said' is never resolved to an entity."""
        result = article("Ada Lind spoke first.", "“Enough,” I said to the council.")
        q = quote(result, "Enough")
        assert q.speaker is None
        assert mention_text(q) == "I"

    def test_generic_description_resolves_to_organisation(self):
        """'The agency says' resolves to the last organisation mentioned."""
        result = article(
            "The Coastal Relief Agency said 300 homes were flooded.",
            "The agency says the repairs will take two years.",
        )
        q = quote(result, "the repairs")
        assert speaker_name(q) == "Coastal Relief Agency"
        assert mention_text(q) == "The agency"
        assert q.attribution.mention.form is MentionForm.NOMINAL
        assert rule(q) == "reported-speech+description"

    def test_description_fits_role(self):
        """'the senator' resolves through an abbreviated title ('Sen.')."""
        result = article(
            "Sen. Ada Lind said the bill was ready.",
            "Tom Berg said it was not.",
            "“We have the votes,” the senator said.",
        )
        q = quote(result, "We have")
        assert speaker_name(q) == "Ada Lind"
        assert mention_text(q) == "the senator"

    def test_description_without_fit_is_unresolved(self):
        """'the minister' with no minister before it keeps the mention and no speaker."""
        q = quote(article("Tom Berg spoke.", "“We will see,” the minister said."), "We will")
        assert q.speaker is None
        assert mention_text(q) == "the minister"

    def test_indefinite_description_is_unresolved(self):
        """'a spokesman' is kept as the mention, with no speaker."""
        q = quote(article("Tom Berg spoke.", "“No comment,” a spokesman for the port said."), "No comment")
        assert q.speaker is None
        assert mention_text(q) == "a spokesman for the port"

    def test_relative_pronoun(self):
        """'X, who said ...' resolves 'who' to X."""
        result = article("The plan was approved by Erik Dahl, who said the cost was acceptable.")
        q = quote(result, "the cost")
        assert speaker_name(q) == "Erik Dahl"
        assert mention_text(q) == "who"
        assert rule(q) == "reported-speech+relative"

    def test_surname_links_to_full_name(self):
        """A later surname-only source is the same entity as the full name."""
        result = article("Ada Lind said the wall would hold.", "“It will,” Lind said.")
        first, second = result.quotes
        assert first.speaker is not None
        assert first.speaker is second.speaker
        assert second.speaker.aliases == ("Lind",)


class TestContinuation:
    def test_quote_paragraph_continues_previous_speaker(self):
        """A quote-only paragraph after a quote by X is X's, with rule 'continuation'."""
        result = article("“The wall failed,” Ada Lind said.", "“Nobody expected the water to rise so fast.”")
        q = quote(result, "Nobody")
        assert speaker_name(q) == "Ada Lind"
        assert rule(q) == "continuation"

    def test_second_quote_in_paragraph_continues(self):
        """A second quote after the attribution sentence is the same speaker's."""
        result = article("“The wall failed,” Ada Lind said. “We will build it higher.”")
        assert speaker_name(quote(result, "We will")) == "Ada Lind"

    def test_multi_paragraph_quote_continues(self):
        """The paragraphs of a multi-paragraph quote after a pronoun attribution are the speaker's."""
        result = article(
            "Harbour Minister Tom Berg said on Friday that the port would reopen.",
            "“Let me be clear,” he said.",
            "“We support the repairs.",
            "“And we will pay for them.”",
        )
        q = quote(result, "We support")
        assert "And we will pay" in q.text
        assert speaker_name(q) == "Tom Berg"

    def test_intervening_clause_stops_continuation(self):
        """A quote after another source's clause does not continue the earlier quote."""
        result = article("“The wall failed,” Ada Lind said. Tom Berg disagreed. “It held for years.”")
        assert speaker_name(quote(result, "It held")) != "Ada Lind"

    def test_no_guess_without_evidence(self):
        """A quote with no clause and nothing to continue has no attribution."""
        result = article("The harbour was quiet on Tuesday.", "“Nobody expected the water to rise so fast.”")
        assert quote(result, "Nobody").attribution is None


PARAGRAPHS = [
    "“The wall failed,” Ada Lind said.",
    "“It will hold,” he said.",
    "Sen. Tom Berg said the plan was sound.",
    "“We have the votes,” the senator said.",
    "The Coastal Agency says the repairs will take two years.",
    "The agency says 300 homes were flooded.",
    "“Nobody expected it.”",
    "According to Erik Dahl, the estimate is far too low.",
    "Ms. Ada Lind told reporters that the port would reopen, adding that it was safe.",
]
UNRELATED = [
    "The ferry terminal reopened on Monday.",
    "Rain is expected for most of the week.",
    "The museum will extend its opening hours in summer.",
]


def evidence(result: Article) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(q.text, speaker_name(q), mention_text(q), rule(q)) for q in result.quotes]


class TestProperties:
    @given(
        st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6),
        st.lists(st.sampled_from(UNRELATED), min_size=1, max_size=4),
    )
    def test_unrelated_paragraphs_after_change_nothing(self, paragraphs, unrelated):
        """Adding unrelated paragraphs after the text does not change earlier attributions."""
        before = evidence(article(*paragraphs))
        after = evidence(article(*paragraphs, *unrelated))
        assert after[: len(before)] == before

    @given(st.lists(st.sampled_from(PARAGRAPHS + UNRELATED), min_size=1, max_size=8))
    def test_attributions_are_consistent(self, paragraphs):
        """Every attribution's mention belongs to its speaker and its evidence points at its text."""
        result = article(*paragraphs)
        for q in result.quotes:
            attribution = q.attribution
            if attribution is None:
                continue
            assert attribution.rule
            assert 0 < attribution.confidence <= 1
            if attribution.speaker is not None and attribution.mention is not None:
                assert attribution.mention in attribution.speaker.mentions
            if attribution.cue is not None:
                assert result.text[attribution.cue.start : attribution.cue.end] == attribution.cue.text

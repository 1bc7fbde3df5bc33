"""Tests for newsmodel.nlp.language: detection by script and stopwords, tag normalisation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.nlp.language import SAMPLE, detect_language, is_english, normalize_tag

# Sentences written for these tests (a city council story, told in each language).
SENTENCES = {
    "en": "The city council said on Tuesday that it would not raise the water price this year, "
    "but the mayor has warned that the old pipes must be replaced soon.",
    "de": "Der Stadtrat hat am Dienstag mitgeteilt, dass er den Wasserpreis in diesem Jahr nicht "
    "erhöhen wird, aber die Bürgermeisterin warnt, dass die alten Leitungen bald ersetzt werden müssen.",
    "fr": "Le conseil municipal a annoncé mardi qu'il n'augmenterait pas le prix de l'eau cette année, "
    "mais la maire a prévenu que les vieilles conduites devront être remplacées bientôt.",
    "es": "El ayuntamiento dijo el martes que no subirá el precio del agua este año, pero la alcaldesa "
    "advirtió que las tuberías viejas se tienen que cambiar pronto.",
    "it": "Il consiglio comunale ha detto martedì che non aumenterà il prezzo dell'acqua quest'anno, "
    "ma la sindaca ha avvertito che le vecchie tubature devono essere sostituite presto.",
    "pt": "A câmara municipal disse na terça-feira que não vai aumentar o preço da água este ano, mas "
    "a prefeita avisou que os canos velhos têm de ser substituídos em breve.",
    "nl": "De gemeenteraad heeft dinsdag gezegd dat hij de waterprijs dit jaar niet zal verhogen, maar "
    "de burgemeester waarschuwt dat de oude leidingen snel moeten worden vervangen.",
    "sv": "Kommunfullmäktige sa på tisdagen att det inte kommer att höja vattenpriset i år, men "
    "borgmästaren har varnat för att de gamla rören måste bytas ut snart.",
    "da": "Byrådet sagde tirsdag, at det ikke vil hæve vandprisen i år, men borgmesteren har advaret "
    "om, at de gamle rør snart skal skiftes, og hvad det vil koste er ikke sikkert.",
    "no": "Bystyret sa tirsdag at det ikke vil øke vannprisen i år, men ordføreren har advart om at "
    "de gamle rørene snart må byttes, og hva det vil koste er ikke sikkert ennå.",
    "pl": "Rada miasta poinformowała we wtorek, że w tym roku nie podniesie ceny wody, ale "
    "burmistrz ostrzega, że stare rury trzeba będzie wkrótce wymienić.",
    "ru": "Городской совет заявил во вторник, что не будет повышать цену на воду в этом году, но "
    "мэр предупредила, что старые трубы скоро нужно будет заменить.",
    "tr": "Belediye meclisi salı günü bu yıl su fiyatını artırmayacağını söyledi, ancak belediye "
    "başkanı eski boruların yakında değiştirilmesi gerektiği konusunda uyardı.",
    "el": "Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι δεν θα αυξήσει την τιμή του νερού φέτος.",
    "ar": "قال مجلس المدينة يوم الثلاثاء إنه لن يرفع سعر المياه هذا العام لكن العمدة حذرت",
    "he": "מועצת העיר הודיעה ביום שלישי כי לא תעלה את מחיר המים השנה אך ראש העיר הזהירה",
    "zh": "市议会周二表示今年不会提高水价，但市长警告说旧水管必须尽快更换。",
    "ja": "市議会は火曜日、今年は水道料金を値上げしないと発表したが、"
    "市長は古い水道管を早急に交換する必要があると警告した。",
    "ko": "시의회는 화요일 올해 수도 요금을 인상하지 않겠다고 밝혔지만 "
    "시장은 낡은 수도관을 곧 교체해야 한다고 경고했다.",
    "hi": "नगर परिषद ने मंगलवार को कहा कि वह इस साल पानी की कीमत नहीं बढ़ाएगी, लेकिन महापौर ने चेतावनी दी।",
    "th": "สภาเมืองกล่าวเมื่อวันอังคารว่าจะไม่ขึ้นราคาน้ำในปีนี้ แต่นายกเทศมนตรีเตือนว่าต้องเปลี่ยนท่อเก่าเร็วๆ นี้",
}


class TestDetectLanguage:
    @pytest.mark.parametrize(("language", "text"), sorted(SENTENCES.items()))
    def test_detects_each_language(self, language: str, text: str) -> None:
        """A sentence in each supported language is identified as that language."""
        assert detect_language(text) == language

    def test_short_text_is_unsure(self) -> None:
        """A few words are too few to tell: the answer is None."""
        assert detect_language("Hello there") is None

    def test_names_only_is_unsure(self) -> None:
        """A list of place names has no function words, so no language is claimed."""
        assert detect_language("Berlin Paris London Madrid Wien Prag Budapest Warschau Lissabon") is None

    def test_close_languages_need_distinctive_words(self) -> None:
        """Words Danish and Norwegian share do not decide between them on their own."""
        assert detect_language("det er ikke en god idé at gå der i dag og i morgen") is None

    def test_mixed_scripts_follow_the_majority(self) -> None:
        """Latin brand names inside a Korean sentence do not change its language."""
        assert detect_language(SENTENCES["ko"] + " Samsung LG") == "ko"

    def test_only_a_sample_is_read(self) -> None:
        """Text after the sample does not change the answer (cost is bounded)."""
        english = SENTENCES["en"] * (SAMPLE // len(SENTENCES["en"]) + 1)
        assert detect_language(english + SENTENCES["de"] * 500) == "en"

    def test_cost_grows_linearly(self) -> None:
        """Ten times the input is read without blowing up (the sample caps it anyway)."""
        text = (SENTENCES["fr"] + " ") * 2_000
        assert detect_language(text) == detect_language(text * 10) == "fr"

    @given(st.text(max_size=300))
    def test_never_raises(self, text: str) -> None:
        """Any text gives a tag or None."""
        result = detect_language(text)
        assert result is None or normalize_tag(result) == result


class TestNormalizeTag:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("en", "en"),
            ("EN-us", "en-US"),
            ("de_at", "de-AT"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("de-DE, en", "de-DE"),
            (" fr ", "fr"),
        ],
    )
    def test_normalises_case_and_separator(self, value: str, expected: str) -> None:
        """Tags come out in BCP 47 case with hyphens."""
        assert normalize_tag(value) == expected

    @pytest.mark.parametrize("value", ["", "x-default", "und", "english", "12", None, 5, "de--DE!"])
    def test_rejects_non_tags(self, value: object) -> None:
        """Values that are no language tag (or say "undetermined") give None."""
        assert normalize_tag(value) is None

    @given(st.text(max_size=50))
    def test_is_idempotent(self, value: str) -> None:
        """A normalised tag normalises to itself."""
        tag = normalize_tag(value)
        assert tag is None or normalize_tag(tag) == tag


class TestIsEnglish:
    def test_english_variants(self) -> None:
        """Any English tag counts as English, and so does an unknown language."""
        assert is_english("en")
        assert is_english("en-GB")
        assert is_english(None)

    def test_other_languages(self) -> None:
        """Other languages do not."""
        assert not is_english("de")
        assert not is_english("eng-x")  # three letters: another code, not "en"


class TestRepeatedWord:
    def test_one_stopword_repeated_is_not_evidence(self):
        """A single stopword repeated (an English name-like word) does not decide a language."""
        from newsmodel.nlp.language import detect_language

        assert detect_language("Jane\n\npro-Swedish pro-Swedish pro-Swedish") is None

package dev.briefs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checks on the examples and on sentences written for them, in both directions. */
class FactCheckerTest {

    private static FactChecker checker;

    @BeforeAll
    static void build() {
        checker = new FactChecker();
    }

    @Test
    void numbersAreComparedAfterNormalisation() {
        for (String written : List.of("10,000", "10 000", "10.000", "10 thousand")) {
            CheckResult numbers = result(
                    checker.checkTranslation(
                            "Україна отримала 10 тис. снарядів, 800 млн євро і 67% допомоги 19 березня.",
                            "uk",
                            "Ukraine received " + written
                                    + " shells, 800 million euros and 67 percent of the aid on March 19.",
                            "en"),
                    CheckKind.NUMBERS);
            assertTrue(numbers.passed(), written + ": " + numbers.flagged());
        }
    }

    @Test
    void aChangedNumberOrDateIsFlaggedAsFound() {
        String uk = "Україна отримала 1,7 мільярда євро 19 березня 2022 року.";
        CheckResult changedAmount = result(
                checker.checkTranslation(uk, "uk", "Ukraine received 1.8 billion euros on March 19, 2022.", "en"),
                CheckKind.NUMBERS);
        assertEquals(
                List.of(
                        new Flag("1.8 billion", "1800000000", NumberCheck.NOT_IN_SOURCE),
                        new Flag("1,7 мільярда", "1700000000", NumberCheck.MISSING_FROM_TRANSLATION)),
                changedAmount.flagged());

        CheckResult shiftedDate = result(
                checker.checkTranslation(uk, "uk", "Ukraine received 1.7 billion euros on March 20, 2022.", "en"),
                CheckKind.NUMBERS);
        assertFalse(shiftedDate.passed());
        assertEquals("March 20, 2022", shiftedDate.flagged().get(0).text());
        assertEquals("2022-03-20", shiftedDate.flagged().get(0).normalised());
    }

    @Test
    void aTranslationMustKeepEveryNumberButASummaryMayLeaveSomeOut() {
        String source = "The port handled 120 ships in May and 95 ships in June.";
        String summary = "The port handled 120 ships in May.";
        assertTrue(result(checker.checkSummary(source, "en", summary, "en"), CheckKind.NUMBERS)
                .passed());
        CheckResult translation = result(
                checker.checkTranslation("Порт прийняв 120 суден у травні і 95 суден у червні.", "uk", summary, "en"),
                CheckKind.NUMBERS);
        assertEquals(
                List.of("червні", "95"),
                translation.flagged().stream().map(Flag::text).toList());
    }

    @Test
    void timesOfDayMatchAcrossClocks() {
        CheckResult numbers = result(
                checker.checkTranslation(
                        "Обмеження діятимуть з 21:00 2 квітня до 06:00 5 квітня.", "uk",
                        "The restrictions will apply from 9 pm on April 2 to 6 am on April 5.", "en"),
                CheckKind.NUMBERS);
        assertTrue(numbers.passed(), numbers.flagged().toString());
    }

    @Test
    void namesMatchAcrossScriptsAndCases() {
        String uk = "Дмитро Кулеба зустрівся з Ентоні Блінкеном у Варшаві. Кулебу запитали про Блінкена.";
        CheckResult names = result(
                checker.checkSummary(
                        uk,
                        "uk",
                        "Kuleba met Antony Blinken in Warsaw, where Blinken spoke about Kuleba's plan.",
                        "en"),
                CheckKind.NAMES);
        assertTrue(names.passed(), names.flagged().toString());

        CheckResult back = result(
                checker.checkTranslation(
                        "Kuleba met Blinken in Warsaw.", "en", "Кулеба зустрівся з Блінкеном у Варшаві.", "uk"),
                CheckKind.NAMES);
        assertTrue(back.passed(), back.flagged().toString());
    }

    @Test
    void aNameAbsentFromTheSourceIsFlagged() {
        CheckResult names = result(
                checker.checkTranslation(
                        "Дмитро Кулеба зустрівся з Ентоні Блінкеном у Варшаві.", "uk",
                        "Dmytro Kuleba met Annalena Baerbock in Warsaw.", "en"),
                CheckKind.NAMES);
        // a swap shows twice in a translation: the new name is not in the source, the source's is not in the
        // translation
        assertEquals(
                List.of(
                        new Flag("Annalena Baerbock", "analena baerbok", NameCheck.NOT_IN_SOURCE),
                        new Flag("Ентоні Блінкеном", "entoni blinkenom", NameCheck.MISSING_FROM_TRANSLATION)),
                names.flagged());

        CheckResult inUkrainian = result(
                checker.checkTranslation(
                        "Kuleba met Blinken in Warsaw.", "en", "Кулеба зустрівся з Бербок у Варшаві.", "uk"),
                CheckKind.NAMES);
        assertEquals(
                List.of("Бербок", "Blinken"),
                inUkrainian.flagged().stream().map(Flag::text).toList());
    }

    @Test
    void countriesAndPeoplesMatchThroughCldrNames() {
        CheckResult names = result(
                checker.checkTranslation(
                        "Німеччина передасть гаубиці, а росіяни обстріляли Москву навмисно.", "uk",
                        "Germany will supply howitzers, and the Russians deliberately shelled Moscow.", "en"),
                CheckKind.NAMES);
        assertTrue(names.passed(), names.flagged().toString());
    }

    @Test
    void aNameOfCommonWordsOnlyIsReportedUncheckedNotFlagged() {
        // "Bill" translates "законопроєкт": no transliteration can match it, and it may as well be a swapped word
        CheckResult names = result(
                checker.checkTranslation(
                        "Верховна Рада ухвалила законопроєкт 7176, а ФСБ його критикувала.", "uk",
                        "The Verkhovna Rada passed Bill 7176, and the Federal Security Service criticised it.", "en"),
                CheckKind.NAMES);
        assertTrue(names.passed(), names.flagged().toString());
        assertEquals(
                List.of(
                        new Unchecked("Bill", NameCheck.ONLY_COMMON_WORDS),
                        new Unchecked("Federal Security Service", NameCheck.ONLY_COMMON_WORDS)),
                names.unchecked());

        // one of its words in the source is enough, as for any name
        CheckResult found = result(
                checker.checkTranslation("Президент приїхав до Бучі.", "uk", "The President came to Bucha.", "en"),
                CheckKind.NAMES);
        assertTrue(found.passed(), found.flagged().toString());
        assertEquals(List.of(), found.unchecked());
    }

    @Test
    void aTranslationThatSwapsANameForCommonWordsIsCaughtByTheSourceName() {
        String uk = "Родина переїхала до Гостомеля за кілька місяців до війни.";
        // "Questions" alone cannot be checked, but the source's "Гостомеля" is gone
        CheckResult swapped = result(
                checker.checkTranslation(uk, "uk", "The family moved to Questions a few months before the war.", "en"),
                CheckKind.NAMES);
        assertEquals(
                List.of(new Flag("Гостомеля", "hostomelia", NameCheck.MISSING_FROM_TRANSLATION)), swapped.flagged());
        assertEquals(List.of(new Unchecked("Questions", NameCheck.ONLY_COMMON_WORDS)), swapped.unchecked());
        assertTrue(result(
                        checker.checkTranslation(
                                uk, "uk", "The family moved to Hostomel a few months before the war.", "en"),
                        CheckKind.NAMES)
                .passed());

        // a summary may leave names of its source out
        CheckResult summary = result(
                checker.checkSummary(
                        "Кулеба зустрівся з Блінкеном у Варшаві.", "uk", "Kuleba met his counterpart.", "en"),
                CheckKind.NAMES);
        assertTrue(summary.passed(), summary.flagged().toString());
    }

    @Test
    void peoplesAndLanguagesInLowerCaseMustBeKeptByATranslation() {
        String uk = "Російські військові побачили вертольоти з латинською літерою V на білоруському кордоні.";
        CheckResult faithful = result(
                checker.checkTranslation(
                        uk,
                        "uk",
                        "The Russian military saw helicopters with the Latin letter V at the Belarusian border.",
                        "en"),
                CheckKind.NAMES);
        assertTrue(faithful.passed(), faithful.flagged().toString());

        // "Polish" and "Square" are common words in English, unchecked: the source's adjectives are what is missing
        CheckResult swapped = result(
                checker.checkTranslation(
                        uk,
                        "uk",
                        "The Polish military saw helicopters with the Square letter V at the Belarusian border.",
                        "en"),
                CheckKind.NAMES);
        assertEquals(
                List.of(
                        new Flag("Російські", "rosiski", NameCheck.MISSING_FROM_TRANSLATION),
                        new Flag("латинською", "latinskoiu", NameCheck.MISSING_FROM_TRANSLATION)),
                swapped.flagged());

        // by lemma, not stem: "словами" is a form of "слово", not of "словацький"; a compound keeps its name
        CheckResult words = result(
                checker.checkTranslation(
                        "Він сказав це іншими словами про проросійського президента.", "uk",
                        "He said it in other words about the pro-Russian president.", "en"),
                CheckKind.NAMES);
        assertTrue(words.passed(), words.flagged().toString());
    }

    @Test
    void placesAreNamesEvenWhereTheirLowerCaseIsACommonWord() {
        // "буча" is uproar, "Бучу" the town
        String radio = "А ми слухали радіо – там було про Бучу.";
        assertTrue(result(
                        checker.checkTranslation(
                                radio, "uk", "And we listened to the radio – it said about Bucha.", "en"),
                        CheckKind.NAMES)
                .passed());
        assertEquals(
                List.of("Бучу"),
                result(
                                checker.checkTranslation(
                                        radio, "uk", "And we listened to the radio – it said about Communists.", "en"),
                                CheckKind.NAMES)
                        .flagged()
                        .stream()
                        .map(Flag::text)
                        .toList());

        // a place is a name of its own, even beside a person found in the translation
        String japan = "Прем'єр-міністр Японії Фуміо Кісіда назвав інциденти порушенням.";
        assertTrue(result(
                        checker.checkTranslation(
                                japan,
                                "uk",
                                "Fumio Kishida, Prime Minister of Japan, called the incidents a violation.",
                                "en"),
                        CheckKind.NAMES)
                .passed());
        assertEquals(
                List.of("Японії Фуміо Кісіда"),
                result(
                                checker.checkTranslation(
                                        japan, "uk", "Fumio Kishida, Pole, called the incidents a violation.", "en"),
                                CheckKind.NAMES)
                        .flagged()
                        .stream()
                        .map(Flag::text)
                        .toList());

        // a place may open a sentence; a place's adjective is a name
        assertEquals(
                List.of("Маріуполь"),
                result(
                                checker.checkTranslation(
                                        "Маріуполь – це серце цієї війни.",
                                        "uk",
                                        "Again is the heart of this war.",
                                        "en"),
                                CheckKind.NAMES)
                        .flagged()
                        .stream()
                        .map(Flag::text)
                        .toList());
        String districts = "У Броварському та Вишгородському районах запровадять комендантську годину.";
        assertTrue(result(
                        checker.checkTranslation(
                                districts,
                                "uk",
                                "In Brovarsky and Vyshhorodsky districts a curfew will be introduced.",
                                "en"),
                        CheckKind.NAMES)
                .passed());
        assertEquals(
                List.of("Вишгородському"),
                result(
                                checker.checkTranslation(
                                        districts,
                                        "uk",
                                        "In Brovarsky and Bill districts a curfew will be introduced.",
                                        "en"),
                                CheckKind.NAMES)
                        .flagged()
                        .stream()
                        .map(Flag::text)
                        .toList());

        // villages named by common words do not make a name of common words one ("Дому" is a village too)
        assertTrue(result(
                        checker.checkTranslation(
                                "Про це йдеться на сайті Білого Дому.",
                                "uk",
                                "It is reported on the website of the White House.",
                                "en"),
                        CheckKind.NAMES)
                .passed());
    }

    @Test
    void sourceNamesATranslationMayTranslateAreNotRequired() {
        // common words of a name (VESUM has them), an acronym spelled out, a first name for a surname, a case form of a
        // country
        CheckResult names = result(
                checker.checkTranslation(
                        "Волонтери Червоного Хреста і ЗСУ допомогли. Пан Дмитро Наталуха каже, що пан Дмитро знає Польщу.",
                        "uk",
                        "Volunteers of the Red Cross and the Armed Forces of Ukraine helped. Mr. Dmytro Natalukha says that"
                                + " Mr. Natalukha knows Poland.",
                        "en"),
                CheckKind.NAMES);
        assertTrue(
                names.flagged().stream().noneMatch(flag -> flag.problem().equals(NameCheck.MISSING_FROM_TRANSLATION)),
                names.flagged().toString());

        // a name Ukrainian capitalises and the translation drops is missing
        CheckResult dropped = result(
                checker.checkTranslation(
                        "Путін передав пост президента Медвєдєву.", "uk", "Putin handed over the presidency.", "en"),
                CheckKind.NAMES);
        assertEquals(
                List.of("Медвєдєву"), dropped.flagged().stream().map(Flag::text).toList());
    }

    @Test
    void titlesBetweenTwoNamesDoNotLetOneVouchForTheOther() {
        String uk = "Він сказав, що президент Володимир Путін відповідає за це.";
        CheckResult faithful = result(
                checker.checkTranslation(
                        uk, "uk", "He said that President Vladimir Putin is responsible for it.", "en"),
                CheckKind.NAMES);
        assertTrue(faithful.passed(), faithful.flagged().toString());
        // each name must be found on its own: a nationality the source does not write is flagged
        CheckResult added = result(
                checker.checkTranslation(
                        uk, "uk", "He said that Russian President Vladimir Putin is responsible for it.", "en"),
                CheckKind.NAMES);
        assertEquals(
                List.of(new Flag("Russian President Vladimir Putin", "rusian", NameCheck.NOT_IN_SOURCE)),
                added.flagged());

        CheckResult swapped = result(
                checker.checkTranslation(
                        uk, "uk", "He said that Nottinghamshire President Vladimir Putin is responsible for it.", "en"),
                CheckKind.NAMES);
        assertEquals(
                List.of(new Flag("Nottinghamshire President Vladimir Putin", "notinhamshire", NameCheck.NOT_IN_SOURCE)),
                swapped.flagged());
    }

    @Test
    void acronymsAndQuotedNamesMatchTheirSource() {
        CheckResult names = result(
                checker.checkTranslation(
                        "Москва попросила Раду безпеки ООН зібратися, пише УП. Президент рф путін мовчить. Загін \"Вікінг\" воював.",
                        "uk",
                        "Moscow asked the UN Security Council to convene, writes “Ukrainska Pravda”. Putin, the President of"
                                + " the Russian Federation, is silent. The “Viking” detachment fought.",
                        "en"),
                CheckKind.NAMES);
        assertTrue(names.passed(), names.flagged().toString());

        CheckResult quoted = result(
                checker.checkTranslation("Загін \"Вікінг\" воював.", "uk", "The “Wellington” detachment fought.", "en"),
                CheckKind.NAMES);
        assertEquals(
                List.of("Wellington"), quoted.flagged().stream().map(Flag::text).toList());
    }

    @Test
    void spellingsOfForeignNamesMatch() {
        CheckResult names = result(
                checker.checkTranslation(
                        "Фуміо Кісіда бачив снайперів на вулицях Хомса, а потім прилетів до Варшави.", "uk",
                        "Fumio Kishida saw snipers in the streets of Homs, and then flew to Warsaw.", "en"),
                CheckKind.NAMES);
        assertTrue(names.passed(), names.flagged().toString());
    }

    @Test
    void aSummaryInItsOwnLanguageKeepsItsNamesAndNegations() {
        String source = "Кулеба заявив, що Україна не отримала літаків. Він зустрівся з Блінкеном у Варшаві.";
        List<CheckResult> faithful =
                checker.checkSummary(source, "uk", "Кулеба заявив, що Україна не отримала літаків.", "uk");
        assertTrue(faithful.stream().allMatch(CheckResult::passed), faithful.toString());

        List<CheckResult> flipped =
                checker.checkSummary(source, "uk", "Кулеба заявив, що Україна отримала літаки.", "uk");
        assertFalse(result(flipped, CheckKind.NEGATION).passed());
        assertEquals(
                NegationCheck.SENTENCE_DIFFERS,
                result(flipped, CheckKind.NEGATION).flagged().get(0).problem());
    }

    @Test
    void aDroppedOrAddedNegationInATranslationIsFlagged() {
        String uk = "Росія більше не контролює місто, і ніхто не залишився.";
        assertTrue(result(
                        checker.checkTranslation(
                                uk, "uk", "Russia no longer controls the city, and nobody stayed.", "en"),
                        CheckKind.NEGATION)
                .passed());
        CheckResult dropped = result(
                checker.checkTranslation(uk, "uk", "Russia controls the city, and nobody stayed.", "en"),
                CheckKind.NEGATION);
        assertEquals(NegationCheck.DROPPED, dropped.flagged().get(0).problem());
        CheckResult added = result(
                checker.checkTranslation("Russia controls the city.", "en", "Росія не контролює місто.", "uk"),
                CheckKind.NEGATION);
        assertEquals(NegationCheck.ADDED, added.flagged().get(0).problem());
    }

    @Test
    void aSummaryInAnotherLanguageGetsNoNegationResult() {
        List<CheckResult> results = checker.checkSummary("Кулеба не приїхав.", "uk", "Kuleba did not come.", "en");
        assertEquals(
                List.of(CheckKind.NUMBERS, CheckKind.NAMES),
                results.stream().map(CheckResult::kind).toList());
    }

    @Test
    void resultsSerialiseForTheBriefsJson() {
        List<CheckResult> results =
                checker.checkTranslation("Кулеба приїхав 19 березня.", "uk", "Kuleba came on March 20.", "en");
        JsonNode json = JsonMapper.builder().build().valueToTree(results);
        assertEquals("numbers", json.get(0).get("kind").asString());
        assertFalse(json.get(0).get("passed").asBoolean());
        assertEquals("March 20", json.get(0).get("flagged").get(0).get("text").asString());
        assertEquals("names", json.get(1).get("kind").asString());
        assertTrue(json.get(1).get("passed").asBoolean());
        assertEquals(0, json.get(1).get("flagged").size());
        assertEquals(0, json.get(1).get("unchecked").size());

        List<CheckResult> withBill =
                checker.checkTranslation("Законопроєкт прийнято.", "uk", "The Bill was passed.", "en");
        JsonNode unchecked = JsonMapper.builder()
                .build()
                .valueToTree(withBill)
                .get(1)
                .get("unchecked")
                .get(0);
        assertEquals("Bill", unchecked.get("text").asString());
        assertEquals(NameCheck.ONLY_COMMON_WORDS, unchecked.get("reason").asString());
    }

    @Test
    void aLanguageTheChecksCannotReadIsRefusedByName() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> checker.checkTranslation("Hallo", "de", "Hello", "en"));
        assertEquals("fact checks cannot read language 'de': they read en, uk", error.getMessage());
    }

    private static CheckResult result(List<CheckResult> results, CheckKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }
}

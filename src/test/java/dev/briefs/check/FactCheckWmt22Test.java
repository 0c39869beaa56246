package dev.briefs.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks on real text: the 16 Ukrainian WMT22 documents of the shared corpus and their human
 * English translations, segment by segment, with the English as the translation. A human
 * translation is faithful, so what the number and name checks flag there is a false alarm; the
 * same translations with planted errors measure what the checks catch.
 * {@code ./mvnw -B test -Dtest=FactCheckWmt22Test} prints the figures the README quotes.
 */
class FactCheckWmt22Test {

    private static final long SEED = 2022;
    /** The bound on segments where the number or the name check raises a false alarm. */
    private static final double MAX_FALSE_ALARMS = 0.05;
    /** The bound; for names, over swaps to names with a word that is no common word (README, "Fact checks"). */
    private static final double MIN_CATCH = 0.95;
    /**
     * All name swaps, with those to names of common words only, which the check reports unchecked:
     * measured 84.0%, below the 95%. This floor catches a regression; it is no claim that 84% is enough.
     */
    private static final double MIN_ALL_SWAPS_CATCH = 0.80;
    /** Measured: every dropped negation word is caught (README); what a word count cannot see is listed there. */
    private static final double MIN_NEGATION_CATCH = 0.95;

    private static FactChecker checker;
    private static List<SegmentPair> pairs;

    @BeforeAll
    static void build() {
        checker = new FactChecker();
    }

    /** Read in each test, so that without the shared corpus each test is reported skipped, with the reason. */
    @BeforeEach
    void load() throws Exception {
        if (pairs == null) {
            pairs = SegmentPair.wmt22();
        }
    }

    @Test
    void humanTranslationsRaiseFewNumberAndNameFlags() {
        // numbers and names together are reported against the 5%; each is asserted on its own below
        int flaggedSegments = 0;
        Map<CheckKind, Integer> byKind = new EnumMap<>(CheckKind.class);
        List<String> remaining = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (SegmentPair pair : pairs) {
            boolean flagged = false;
            for (CheckResult result : checker.checkTranslation(pair.uk(), "uk", pair.en(), "en")) {
                result.unchecked().forEach(name -> unchecked.add(pair.where() + " " + result.kind().id() + ": " + name.text()));
                if (!result.passed()) {
                    byKind.merge(result.kind(), 1, Integer::sum);
                    if (result.kind() != CheckKind.NEGATION) {
                        flagged = true;
                        result.flagged().forEach(flag -> remaining.add(pair.where() + " " + result.kind().id() + ": "
                                + flag.text() + " [" + flag.normalised() + "] " + flag.problem()));
                    }
                }
            }
            flaggedSegments += flagged ? 1 : 0;
        }
        double rate = (double) flaggedSegments / pairs.size();
        System.out.printf(Locale.ROOT, "False alarms (numbers or names) on human translations: %d of %d segments (%.1f%%);"
                        + " numbers %d, names %d, negation %d (%.1f%%)%n", flaggedSegments, pairs.size(), 100 * rate,
                byKind.getOrDefault(CheckKind.NUMBERS, 0), byKind.getOrDefault(CheckKind.NAMES, 0),
                byKind.getOrDefault(CheckKind.NEGATION, 0), 100.0 * byKind.getOrDefault(CheckKind.NEGATION, 0) / pairs.size());
        remaining.forEach(flag -> System.out.println("  " + flag));
        System.out.printf(Locale.ROOT, "Unchecked (names of common words only, neither passed nor flagged): %d%n",
                unchecked.size());
        unchecked.forEach(name -> System.out.println("  " + name));
        assertTrue(rate <= MAX_FALSE_ALARMS, "number or name false alarms on " + 100 * rate + "% of faithful segments: "
                + remaining);
    }

    @Test
    void plantedErrorsAreCaught() {
        Map<String, List<String>> namesByDocument = new LinkedHashMap<>();
        Map<String, String> englishByDocument = new LinkedHashMap<>();
        Map<SegmentPair, List<String>> namesBySegment = new LinkedHashMap<>();
        NameExtractor englishNames = LanguageTools.of(CheckLanguage.EN).names();
        for (SegmentPair pair : pairs) {
            List<String> names = englishNames.names(pair.en()).stream().map(NameExtractor.Name::text).toList();
            namesBySegment.put(pair, names);
            namesByDocument.computeIfAbsent(pair.document(), id -> new ArrayList<>()).addAll(names);
            englishByDocument.merge(pair.document(), pair.en(), (a, b) -> a + "\n" + b);
        }
        Map<Corruptions.Kind, CheckKind> checkFor = Map.of(Corruptions.Kind.NUMBER, CheckKind.NUMBERS,
                Corruptions.Kind.DATE, CheckKind.NUMBERS, Corruptions.Kind.NAME, CheckKind.NAMES,
                Corruptions.Kind.NEGATION, CheckKind.NEGATION);
        Map<Corruptions.Kind, Double> caughtShare = new EnumMap<>(Corruptions.Kind.class);
        CommonWords common = LanguageTools.of(CheckLanguage.EN).common();
        int commonOnlySwaps = 0;
        int commonOnlyCaught = 0;
        int commonOnlyUnchecked = 0;
        for (Corruptions.Kind kind : Corruptions.Kind.values()) {
            Corruptions corruptions = new Corruptions(SEED, namesByDocument, englishByDocument);
            int planted = 0;
            int caught = 0;
            List<String> missed = new ArrayList<>();
            for (SegmentPair pair : pairs) {
                // plant only where the faithful translation passes this check, so that a catch is the error's
                if (!result(pair.uk(), pair.en(), checkFor.get(kind)).passed()) {
                    continue;
                }
                Optional<Corruptions.Corruption> corruption = corruptions.plant(kind, pair, namesBySegment.get(pair));
                if (corruption.isEmpty()) {
                    continue;
                }
                CheckResult afterCorruption = result(pair.uk(), corruption.get().corrupted(), checkFor.get(kind));
                // the swaps to names of common words only ("Questions", "Human Rights Center") are counted apart:
                // the check reports such names unchecked by design
                if (kind == Corruptions.Kind.NAME && isCommonOnly(corruption.get().after(), common)) {
                    commonOnlySwaps++;
                    commonOnlyCaught += afterCorruption.passed() ? 0 : 1;
                    commonOnlyUnchecked += afterCorruption.passed() && afterCorruption.unchecked().stream()
                            .anyMatch(name -> name.text().contains(corruption.get().after())) ? 1 : 0;
                    continue;
                }
                planted++;
                if (!afterCorruption.passed()) {
                    caught++;
                } else {
                    missed.add(pair.where() + " \"" + corruption.get().before() + "\" -> \"" + corruption.get().after()
                            + "\": " + corruption.get().corrupted());
                }
            }
            double share = planted == 0 ? 0 : (double) caught / planted;
            caughtShare.put(kind, share);
            System.out.printf(Locale.ROOT, "Planted %s errors: %d, caught %d (%.1f%%)%n", kind.name().toLowerCase(Locale.ROOT),
                    planted, caught, 100 * share);
            missed.forEach(miss -> System.out.println("  missed " + miss));
            if (kind == Corruptions.Kind.NAME) {
                int all = planted + commonOnlySwaps;
                int allCaught = caught + commonOnlyCaught;
                System.out.printf(Locale.ROOT, "  and %d swaps to names of common words only: caught %d, reported unchecked %d,"
                                + " passed %d; all name swaps: %d, caught %d (%.1f%%)%n", commonOnlySwaps, commonOnlyCaught,
                        commonOnlyUnchecked, commonOnlySwaps - commonOnlyCaught - commonOnlyUnchecked, all, allCaught,
                        100.0 * allCaught / all);
                assertTrue((double) allCaught / all >= MIN_ALL_SWAPS_CATCH, "all name swaps caught: " + allCaught + " of " + all);
            }
            assertTrue(planted >= 20, "only " + planted + " " + kind + " errors could be planted");
        }
        for (Corruptions.Kind kind : List.of(Corruptions.Kind.NUMBER, Corruptions.Kind.DATE, Corruptions.Kind.NAME)) {
            assertTrue(caughtShare.get(kind) >= MIN_CATCH, kind + " errors caught: " + caughtShare.get(kind));
        }
        assertTrue(caughtShare.get(Corruptions.Kind.NEGATION) >= MIN_NEGATION_CATCH,
                "negation errors caught: " + caughtShare.get(Corruptions.Kind.NEGATION));
    }

    /** Whether every word of a name is a common word, so that the check reports it unchecked when it is not found. */
    private static boolean isCommonOnly(String name, CommonWords common) {
        return Arrays.stream(name.split("[^\\p{L}]+")).filter(word -> word.length() > 1).allMatch(common::isCommon);
    }

    private static CheckResult result(String uk, String en, CheckKind kind) {
        return checker.checkTranslation(uk, "uk", en, "en").stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }
}

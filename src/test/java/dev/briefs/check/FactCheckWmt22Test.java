package dev.briefs.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
    /** The bound, met by the number check. */
    private static final double MAX_FALSE_ALARMS = 0.05;
    /**
     * The name check does not meet the 5% yet: measured 8.4% of segments (README, "Fact
     * checks"). This ceiling catches a regression; it is no claim that 8.4% is good enough.
     */
    private static final double MAX_NAME_FALSE_ALARMS = 0.09;
    private static final double MIN_CATCH = 0.95;
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
        for (SegmentPair pair : pairs) {
            boolean flagged = false;
            for (CheckResult result : checker.checkTranslation(pair.uk(), "uk", pair.en(), "en")) {
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
        double numberRate = (double) byKind.getOrDefault(CheckKind.NUMBERS, 0) / pairs.size();
        double nameRate = (double) byKind.getOrDefault(CheckKind.NAMES, 0) / pairs.size();
        assertTrue(numberRate <= MAX_FALSE_ALARMS, "number false alarms on " + numberRate * 100 + "% of faithful segments: "
                + remaining);
        assertTrue(nameRate <= MAX_NAME_FALSE_ALARMS, "name false alarms on " + nameRate * 100 + "% of faithful segments: "
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
                planted++;
                if (!result(pair.uk(), corruption.get().corrupted(), checkFor.get(kind)).passed()) {
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
            assertTrue(planted >= 20, "only " + planted + " " + kind + " errors could be planted");
        }
        for (Corruptions.Kind kind : List.of(Corruptions.Kind.NUMBER, Corruptions.Kind.DATE, Corruptions.Kind.NAME)) {
            assertTrue(caughtShare.get(kind) >= MIN_CATCH, kind + " errors caught: " + caughtShare.get(kind));
        }
        assertTrue(caughtShare.get(Corruptions.Kind.NEGATION) >= MIN_NEGATION_CATCH,
                "negation errors caught: " + caughtShare.get(Corruptions.Kind.NEGATION));
    }

    private static CheckResult result(String uk, String en, CheckKind kind) {
        return checker.checkTranslation(uk, "uk", en, "en").stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }
}

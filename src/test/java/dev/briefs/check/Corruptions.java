package dev.briefs.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plants one error in a human English translation, the way a translation model might: a changed
 * number, a shifted date, a name swapped for a name from another document, a dropped negation.
 * Deterministic for a seed. Every corruption is real: the new number or day is not written
 * anywhere in the Ukrainian source, and the new name nowhere in its document's English translation.
 */
final class Corruptions {

    enum Kind {
        NUMBER,
        DATE,
        NAME,
        NEGATION
    }

    record Corruption(Kind kind, String before, String after, String corrupted) {}

    private static final String MONTH =
            "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final Pattern DATE = Pattern.compile("\\b(" + MONTH
            + ")[\\s\\u00A0](\\d{1,2})\\b(?![\\d:])|(?<![\\d.,:])\\b(\\d{1,2})[\\s\\u00A0](" + MONTH + ")\\b");
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\d.,:/\\p{L}])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?![\\d:/])");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not |never |no longer |no )|(?<=\\b(?:ca|wo|do|does|did|is|are|was|were|has|have|had|could|should|would))n[’']t\\b|\\bcannot\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Random random;
    private final Map<String, List<String>> namesByDocument;
    private final Map<String, String> englishByDocument;

    /**
     * @param namesByDocument   the names found in each document's English translation, the pool for swaps
     * @param englishByDocument each document's whole English translation
     */
    Corruptions(long seed, Map<String, List<String>> namesByDocument, Map<String, String> englishByDocument) {
        this.random = new Random(seed);
        this.namesByDocument = namesByDocument;
        this.englishByDocument = englishByDocument;
    }

    Optional<Corruption> plant(Kind kind, SegmentPair pair, List<String> namesInSegment) {
        return switch (kind) {
            case NUMBER -> changeNumber(pair);
            case DATE -> shiftDate(pair);
            case NAME -> swapName(pair, namesInSegment);
            case NEGATION -> dropNegation(pair);
        };
    }

    private Optional<Corruption> changeNumber(SegmentPair pair) {
        List<int[]> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(pair.en());
        while (matcher.find()) {
            if (!insideDate(pair.en(), matcher.start(), matcher.end())) {
                numbers.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        int[] number = numbers.get(random.nextInt(numbers.size()));
        String before = pair.en().substring(number[0], number[1]);
        int point = before.indexOf('.');
        long whole = Long.parseLong((point < 0 ? before : before.substring(0, point)).replace(",", ""));
        String fraction = point < 0 ? "" : before.substring(point);
        Set<String> sourceDigits = digitsIn(pair.uk());
        for (int attempt = 0; attempt < 20; attempt++) {
            long changed = whole + 1 + random.nextInt(9);
            if (!sourceDigits.contains(String.valueOf(changed))) {
                String after = changed + fraction;
                return Optional.of(
                        new Corruption(Kind.NUMBER, before, after, replace(pair.en(), number[0], number[1], after)));
            }
        }
        return Optional.empty();
    }

    private Optional<Corruption> shiftDate(SegmentPair pair) {
        List<int[]> dates = new ArrayList<>();
        Matcher matcher = DATE.matcher(pair.en());
        while (matcher.find()) {
            int group = matcher.group(2) != null ? 2 : 3;
            dates.add(new int[] {matcher.start(group), matcher.end(group)});
        }
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        int[] day = dates.get(random.nextInt(dates.size()));
        int before = Integer.parseInt(pair.en().substring(day[0], day[1]));
        Set<String> sourceDigits = digitsIn(pair.uk());
        for (int attempt = 0; attempt < 20; attempt++) {
            int shift = (1 + random.nextInt(5)) * (random.nextBoolean() ? 1 : -1);
            int after = before + shift;
            if (after >= 1 && after <= 28 && !sourceDigits.contains(String.valueOf(after))) {
                return Optional.of(new Corruption(
                        Kind.DATE,
                        String.valueOf(before),
                        String.valueOf(after),
                        replace(pair.en(), day[0], day[1], String.valueOf(after))));
            }
        }
        return Optional.empty();
    }

    private Optional<Corruption> swapName(SegmentPair pair, List<String> namesInSegment) {
        List<String> present =
                namesInSegment.stream().filter(name -> pair.en().contains(name)).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        String before = present.get(random.nextInt(present.size()));
        String document = englishByDocument.get(pair.document()).toLowerCase(Locale.ROOT);
        List<String> pool = namesByDocument.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(pair.document()))
                .flatMap(entry -> entry.getValue().stream())
                .filter(name -> Arrays.stream(name.toLowerCase(Locale.ROOT).split("[\\s-]+"))
                        .noneMatch(word -> word.length() > 2 && document.contains(word)))
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        String after = pool.get(random.nextInt(pool.size()));
        int at = pair.en().indexOf(before);
        return Optional.of(
                new Corruption(Kind.NAME, before, after, replace(pair.en(), at, at + before.length(), after)));
    }

    private Optional<Corruption> dropNegation(SegmentPair pair) {
        List<int[]> cues = new ArrayList<>();
        Matcher matcher = NEGATION.matcher(pair.en());
        while (matcher.find()) {
            cues.add(new int[] {matcher.start(), matcher.end()});
        }
        if (cues.isEmpty()) {
            return Optional.empty();
        }
        int[] cue = cues.get(random.nextInt(cues.size()));
        String before = pair.en().substring(cue[0], cue[1]);
        String after = switch (before.toLowerCase(Locale.ROOT)) {
            case "cannot" -> "can";
            default -> "";
        };
        String corrupted = replace(pair.en(), cue[0], cue[1], after);
        // "won't" loses its n't to "wo", "can't" to "ca": give the verb back
        corrupted = corrupted.replaceAll("\\bwo\\b", "will").replaceAll("\\bca\\b", "can");
        return Optional.of(new Corruption(Kind.NEGATION, before, after, corrupted));
    }

    private static boolean insideDate(String text, int start, int end) {
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            if (date.start() <= start && end <= date.end()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> digitsIn(String text) {
        return DIGITS.matcher(text.replaceAll("(?<=\\d)[\\s\\u00A0,.](?=\\d{3})", ""))
                .results()
                .map(result -> String.valueOf(Long.parseLong(result.group().length() > 18 ? "0" : result.group())))
                .collect(Collectors.toSet());
    }

    private static String replace(String text, int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }
}

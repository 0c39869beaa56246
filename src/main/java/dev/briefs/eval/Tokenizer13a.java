package dev.briefs.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * sacrebleu's default BLEU tokenizer, {@code 13a} (mteval-v13a.pl as WMT uses it): ASCII symbols
 * become tokens of their own, and periods and commas do too unless they sit between digits.
 * Letters of every script are left as they are, so Ukrainian is split at spaces and punctuation.
 */
final class Tokenizer13a {

    // The four substitutions of sacrebleu's TokenizerRegexp, in its order. The first class is
    // the ASCII ranges {-~ [-` space-& (-+ :-@ and /, written with escapes as sacrebleu writes it.
    private static final Pattern SYMBOLS = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private Tokenizer13a() {}

    /** The tokens of one segment, after sacrebleu's {@code rstrip()}. */
    static List<String> tokens(String segment) {
        return PythonText.split(tokenize(PythonText.rstrip(segment)));
    }

    /** The tokenized line, tokens joined by single spaces, as sacrebleu's {@code Tokenizer13a.__call__}. */
    static String tokenize(String line) {
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (line.contains("&")) {
            line = line.replace("&quot;", "\"")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = SYMBOLS.matcher(line).replaceAll(" $1 ");
        line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        return String.join(" ", PythonText.split(line));
    }
}

package dev.briefs.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model can force of the words asked of it ({@link TextGenerator#forceable}): the constraints it keeps, each
 * with the accepted forms it can write, and the ones it cannot force, with the reason, which the brief records.
 *
 * @param kept    the constraints to give {@link TextGenerator#generateBatch(List, String, String, int, List)}
 * @param refused one line per constraint that cannot be forced: its forms and why
 */
public record ForcedWords(List<List<String>> kept, List<String> refused) {

    public ForcedWords {
        kept = kept.stream().map(List::copyOf).toList();
        refused = List.copyOf(refused);
    }

    public static final ForcedWords NONE = new ForcedWords(List.of(), List.of());

    /** Every constraint refused, for one reason. */
    public static ForcedWords refusingAll(List<List<String>> constraints, String why) {
        List<String> refused = new ArrayList<>();
        for (List<String> forms : constraints) {
            refused.add(describe(forms) + ": " + why);
        }
        return new ForcedWords(List.of(), refused);
    }

    /** A constraint as a person reads it: its forms joined by {@code |}, quoted. */
    public static String describe(List<String> forms) {
        return "\"" + String.join("|", forms) + "\"";
    }
}
